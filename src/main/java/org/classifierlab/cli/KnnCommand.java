package org.classifierlab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.ConfusionMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.ImageKnnClassifier;
import org.classifierlab.core.knn.NeighbourTable;
import org.classifierlab.core.knn.PrunedIndex;
import org.classifierlab.core.Progress;

/** {@code classifier-lab knn}: test accuracy of k-NN on a dataset for a list of K, one line per K. */
@Command(name = "knn", mixinStandardHelpOptions = true,
        description = "k-NN accuracy on a dataset's test images, one line per K.")
public final class KnnCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions dataset;

    @Option(names = "-k", split = ",", defaultValue = "1", paramLabel = "K",
            description = "K values, comma-separated (default ${DEFAULT-VALUE}).")
    int[] ks;

    @Mixin
    ClassifierOptions classifier;

    @Option(names = "--confusion", description = "Also print the confusion matrix of the last K.")
    boolean confusion;

    @Option(names = "--brute-force", description = "Compare every test image with every training image "
            + "instead of searching the pruned index (same results; the reference).")
    boolean bruteForce;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataset d = dataset.load(spec.commandLine(), err);
        ImageDataset train = d.train();
        ImageDataset test = d.test();
        int maxK = checkKs(spec.commandLine(), ks, train.size());
        out.printf(Locale.ROOT, "%s: %,d training and %,d test images, %s, tie rule %s%n", d.name(), train.size(),
                test.size(), classifier.metric, classifier.rule);
        DistanceEngine.Options options = DistanceEngine.Options.of(maxK, classifier.metric);
        String method = "brute force";
        long t0 = System.nanoTime();
        NeighbourTable table;
        if (bruteForce) {
            table = DistanceEngine.nearest(matrix(test), matrix(train), options);
        } else {
            PrunedIndex index = PrunedIndex.build(matrix(train), train.channels(), train.height(), train.width(),
                    Progress.NONE, () -> false);
            double build = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            table = index.nearest(matrix(test), options);
            method = index.prunes(options)
                    ? String.format(Locale.ROOT, "pruned index, built in %.2f s", build)
                    : "brute force: pruning does not pay for these sizes";
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int[] truth = test.labels();
        int[][] predictions = ImageKnnClassifier.predict(table, train.labels(), train.classCount(), ks, classifier.rule);
        for (int i = 0; i < ks.length; i++) {
            int correct = 0;
            for (int q = 0; q < truth.length; q++) {
                if (predictions[i][q] == truth[q]) {
                    correct++;
                }
            }
            out.printf(Locale.ROOT, "K=%-4d accuracy %6.2f%%  (%,d of %,d)%n", ks[i],
                    100.0 * correct / truth.length, correct, truth.length);
        }
        out.printf(Locale.ROOT, "nearest-neighbour search: %.2f s (%s)%n", seconds, method);
        if (confusion) {
            printConfusion(out, ConfusionMatrix.of(truth, predictions[ks.length - 1], train.classCount()), train);
        }
        return 0;
    }

    static ByteMatrix matrix(ImageDataset set) {
        return set.rows();
    }

    /** Checks every K is in [1, references] and returns the largest. */
    static int checkKs(CommandLine cl, int[] ks, int references) {
        if (ks.length == 0) {
            throw new CommandLine.ParameterException(cl, "-k needs at least one value");
        }
        for (int k : ks) {
            if (k < 1 || k > references) {
                throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT,
                        "-k %d is outside 1 … %,d (the number of training images)", k, references));
            }
        }
        return Arrays.stream(ks).max().getAsInt();
    }

    private static void printConfusion(PrintWriter out, ConfusionMatrix m, ImageDataset train) {
        out.println("confusion matrix (rows: true class, columns: predicted; last column: undecided)");
        for (int t = 0; t < m.classCount(); t++) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s", abbreviate(train.classNames().get(t))));
            for (int p = 0; p < m.classCount(); p++) {
                b.append(String.format(Locale.ROOT, "%5d", m.count(t, p)));
            }
            b.append(String.format(Locale.ROOT, " |%4d  %5.1f%%", m.undecided(t), 100 * m.classAccuracy(t)));
            out.println(b);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 11 ? s : s.substring(0, 11);
    }
}
