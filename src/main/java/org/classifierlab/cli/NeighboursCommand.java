package org.classifierlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.images.ArgbImage;
import org.classifierlab.core.images.ImageDistance;
import org.classifierlab.core.images.ImageFiles;
import org.classifierlab.core.images.ImageReduction;
import org.classifierlab.core.images.NeighbourSheet;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.ImageKnnClassifier;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;

/**
 * {@code classifier-lab neighbours}: the nearest training images of one test image with exact distances and
 * the vote, or the course notes' neighbour sheet of random test images as PNG.
 */
@Command(name = "neighbours", mixinStandardHelpOptions = true,
        description = {"The k nearest training images of test image I (or of your own picture, --image FILE) with",
            "their exact distances and the k-NN vote,",
            "or (--sheet N --out FILE.png) the CS231n notes' figure: N random test images, each followed by its",
            "nearest training images, framed green when of the test image's class and vermillion when not."})
public final class NeighboursCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--query", paramLabel = "I", description = "Index of the test image to look up.")
    Integer query;

    @Option(names = "--image", paramLabel = "FILE",
            description = "Instead of --query: a picture (PNG, JPEG, GIF, BMP…) reduced to the dataset's image shape "
                    + "(centre crop, area average) and looked up like a test image.")
    Path image;

    @Option(names = "-k", defaultValue = "10", paramLabel = "K",
            description = "Neighbours to list (and per sheet row), default ${DEFAULT-VALUE}.")
    int k;

    @Mixin
    ClassifierOptions classifier;

    @Option(names = "--sheet", paramLabel = "N", description = "Instead of --query: a sheet of N random test images.")
    Integer sheet;

    @Option(names = "--out", paramLabel = "FILE.png", description = "Where --sheet writes its PNG.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed choosing the sheet's test images (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scale", paramLabel = "F",
            description = "Integer magnification of the sheet's images (default: the largest keeping the sheet at most "
                    + NeighbourSheet.DEFAULT_TARGET_WIDTH + " px wide).")
    Integer scale;

    @Option(names = "--captions", description = "Write each image's class name under it on the sheet.")
    boolean captions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        PrintWriter stdout = cl.getOut();
        int modes = (query != null ? 1 : 0) + (image != null ? 1 : 0) + (sheet != null ? 1 : 0);
        if (modes != 1) {
            throw new CommandLine.ParameterException(cl, "give one of --query I, --image FILE or --sheet N");
        }
        if (sheet == null && (out != null || scale != null || captions)) {
            throw new CommandLine.ParameterException(cl, "--out, --scale and --captions belong to --sheet");
        }
        if (sheet != null && out == null) {
            throw new CommandLine.ParameterException(cl, "--sheet needs --out FILE.png");
        }
        if (sheet != null) {
            checkOut(cl, out);
        }
        ArgbImage picture = image != null ? ImageFiles.read(image) : null;
        Dataset d = dataset.load(cl, cl.getErr());
        ImageDataset train = d.train();
        ImageDataset test = d.test();
        if (k < 1 || k > train.size()) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT,
                    "-k %d is outside 1 … %,d (the number of training images)", k, train.size()));
        }
        if (query != null && (query < 0 || query >= test.size())) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT,
                    "--query %d is outside 0 … %,d (the test images)", query, test.size() - 1));
        }
        if (sheet != null && (sheet < 1 || sheet > test.size())) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT,
                    "--sheet %d is outside 1 … %,d (the test images)", sheet, test.size()));
        }
        NeighbourSheet.Layout layout = sheet != null ? sheetLayout(cl, test) : null;
        stdout.printf(Locale.ROOT, "%s: %,d training and %,d test images, %s, tie rule %s%n", d.name(), train.size(),
                test.size(), classifier.metric, classifier.rule);
        if (sheet != null) {
            return writeSheet(stdout, train, test, layout);
        }
        List<String> names = train.classNames();
        if (query != null) {
            int q = query;
            int truth = test.label(q);
            byte[] row = Arrays.copyOfRange(test.pixelsShared(), q * test.dim(), (q + 1) * test.dim());
            return listNeighbours(stdout, train, row, String.format(Locale.ROOT, "test image %d, true label %d %s", q,
                    truth, names.get(truth)), truth);
        }
        ImageReduction.Crop crop = ImageReduction.centreCrop(picture.width(), picture.height(), train.width(),
                train.height());
        byte[] row = ImageReduction.reduce(picture, train);
        return listNeighbours(stdout, train, row, String.format(Locale.ROOT,
                "%s, %d × %d pixels, centre %s × %s reduced to %d × %d × %d", image, picture.width(), picture.height(),
                trim(crop.width()), trim(crop.height()), train.channels(), train.height(), train.width()), -1);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Lists the neighbours of one image given as a dataset row; {@code truth} is its class or -1 if unknown. */
    private int listNeighbours(PrintWriter stdout, ImageDataset train, byte[] row, String description, int truth) {
        NeighbourTable table = DistanceEngine.nearest(new ByteMatrix(row, 1, row.length), KnnCommand.matrix(train),
                DistanceEngine.Options.of(k, classifier.metric));
        List<String> names = train.classNames();
        stdout.printf(Locale.ROOT, "query: %s%n", description);
        stdout.printf(Locale.ROOT, "%4s  %11s  %-16s  %s%n", "rank", "train index", "label", "distance");
        int[] counts = new int[train.classCount()];
        for (int j = 0; j < k; j++) {
            int r = table.index(0, j);
            int label = train.label(r);
            counts[label]++;
            long key = ImageDistance.key(row, 0, train.pixelsShared(), r * train.dim(), row.length, classifier.metric);
            stdout.printf(Locale.ROOT, "%4d  %11d  %-16s  %s%n", j + 1, r, label + " " + names.get(label),
                    exactDistance(key, classifier.metric));
        }
        int predicted = ImageKnnClassifier.predict(table, train.labels(), train.classCount(), k, classifier.rule)[0];
        List<Integer> voted = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                voted.add(c);
            }
        }
        voted.sort(Comparator.comparingInt((Integer c) -> -counts[c]).thenComparingInt(c -> c));
        StringBuilder votes = new StringBuilder();
        for (int c : voted) {
            votes.append(votes.length() > 0 ? ", " : "").append(names.get(c)).append(' ').append(counts[c]);
        }
        String verdict = predicted < 0 ? "undecided (a tie)"
                : predicted + " " + names.get(predicted) + (truth < 0 ? "" : predicted == truth ? ", correct" : ", wrong");
        stdout.printf(Locale.ROOT, "vote K=%d (%s): %s → %s%n", k, classifier.rule, votes, verdict);
        return 0;
    }

    /** L1 and L∞ as the integers they are, L2 as the root with its exact integer square beside it. */
    static String exactDistance(long key, Metric metric) {
        return metric == Metric.L2
                ? String.format(Locale.ROOT, "%.4f (√%d)", ImageDistance.distance(key, metric), key)
                : Long.toString(key);
    }

    /** The sheet's geometry: --scale or the widest scale within the default width, refused if too large. */
    private NeighbourSheet.Layout sheetLayout(CommandLine cl, ImageDataset test) {
        int n = sheet;
        int s = scale != null ? scale
                : NeighbourSheet.scaleForWidth(test.width(), k, NeighbourSheet.DEFAULT_TARGET_WIDTH);
        if (s < 1 || s > 64) {
            throw new CommandLine.ParameterException(cl, "--scale must be between 1 and 64, not " + s);
        }
        NeighbourSheet.Layout layout = new NeighbourSheet.Layout(test.width(), test.height(), n, k, s, captions);
        if (layout.pixels() > NeighbourSheet.MAX_PIXELS) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT,
                    "a sheet of %,d rows at scale %d would be %,d × %,d pixels, more than %,d; use fewer rows or a smaller --scale",
                    n, s, layout.width(), layout.height(), NeighbourSheet.MAX_PIXELS));
        }
        return layout;
    }

    private int writeSheet(PrintWriter stdout, ImageDataset train, ImageDataset test, NeighbourSheet.Layout layout)
            throws IOException {
        int n = layout.rows();
        int s = layout.scale();
        int[] indices = NeighbourSheet.randomTestIndices(test.size(), n, seed);
        NeighbourTable table = DistanceEngine.nearest(KnnCommand.matrix(test.subset(indices)), KnnCommand.matrix(train),
                DistanceEngine.Options.of(k, classifier.metric));
        NeighbourSheet picture = NeighbourSheet.render(test, train, indices, table, layout);
        try {
            picture.writePng(out);
        } catch (IOException e) {
            throw new IOException("--out " + out + ": cannot be written (" + e + ")", e);
        }
        List<String> names = train.classNames();
        for (int r = 0; r < n; r++) {
            int truth = test.label(indices[r]);
            int same = 0;
            for (int j = 0; j < k; j++) {
                if (train.label(table.index(r, j)) == truth) {
                    same++;
                }
            }
            stdout.printf(Locale.ROOT, "row %d: test image %d, %s: %d of %d neighbours share its label%n", r + 1,
                    indices[r], names.get(truth), same, k);
        }
        stdout.printf(Locale.ROOT, "wrote %s: %d × %d pixels (scale %d, seed %d)%n", out.toAbsolutePath(),
                picture.width(), picture.height(), s, seed);
        return 0;
    }

    /** Refuses an --out that cannot be written before any work is done. */
    private static void checkOut(CommandLine cl, Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(cl, "--out " + file + " is a folder, not a file");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CommandLine.ParameterException(cl, "--out " + file + ": the folder " + parent + " does not exist");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new CommandLine.ParameterException(cl, "--out " + file + ": the folder " + parent + " is not writable");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new CommandLine.ParameterException(cl, "--out " + file + " exists and is not writable");
        }
    }
}
