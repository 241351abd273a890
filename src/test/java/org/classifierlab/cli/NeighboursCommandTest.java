package org.classifierlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.images.NeighbourSheet;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;

/** {@code classifier-lab neighbours} against the distance engine on the bundled sample. */
class NeighboursCommandTest {

    private static Dataset sample;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void loadSample() throws IOException {
        sample = DatasetLoader.loadSample();
    }

    private int run(String... args) {
        return CliRun.execute(out, err, args);
    }

    private static NeighbourTable engine(int query, int k, Metric metric) {
        ImageDataset test = sample.test().subset(new int[] {query});
        return DistanceEngine.nearest(KnnCommand.matrix(test), KnnCommand.matrix(sample.train()),
                DistanceEngine.Options.of(k, metric));
    }

    @Test
    void queryZeroListsTheEnginesNeighboursWithExactL2Distances() {
        assertThat(run("neighbours", "--data", "sample", "--query", "0")).isEqualTo(0);
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("CIFAR-10 sample: 5,000 training and 500 test images, L2, tie rule SMALLEST_CLASS");
        assertThat(lines[1]).isEqualTo("query: test image 0, true label 3 cat");
        assertThat(lines[2]).isEqualTo("rank  train index  label             distance");
        NeighbourTable table = engine(0, 10, Metric.L2);
        for (int j = 0; j < 10; j++) {
            int r = table.index(0, j);
            int label = sample.train().label(r);
            double d = table.distance(0, j);
            long squared = Math.round(d * d);
            assertThat(Math.sqrt(squared)).isEqualTo(d);
            assertThat(lines[3 + j]).isEqualTo(String.format(Locale.ROOT, "%4d  %11d  %-16s  %.4f (√%d)", j + 1, r,
                    label + " " + sample.train().classNames().get(label), d, squared));
        }
        // the nearest training image of the sample's first test image (a cat) is deer 420
        assertThat(lines[3]).isEqualTo("   1          420  4 deer            2641.4341 (√6977174)");
        assertThat(lines[13]).isEqualTo(
                "vote K=10 (SMALLEST_CLASS): deer 4, frog 2, airplane 1, bird 1, cat 1, dog 1 → 4 deer, wrong");
    }

    @Test
    void l1AndLInfDistancesArePrintedAsIntegers() {
        for (Metric metric : new Metric[] {Metric.L1, Metric.LINF}) {
            out.getBuffer().setLength(0);
            assertThat(run("neighbours", "--data", "sample", "--query", "7", "-k", "3", "--metric", metric.name()))
                    .isEqualTo(0);
            String[] lines = out.toString().split("\n");
            NeighbourTable table = engine(7, 3, metric);
            for (int j = 0; j < 3; j++) {
                assertThat(lines[3 + j]).as(metric + " rank " + (j + 1))
                        .matches(String.format(Locale.ROOT, "\\s+%d\\s+%d\\s+.*\\s%d", j + 1, table.index(0, j),
                                (long) table.distance(0, j)));
            }
            assertThat(lines[6]).startsWith("vote K=3 (SMALLEST_CLASS): ");
        }
    }

    @Test
    void sheetOfThreeWritesAPngOfTheExpectedSize(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("tmp.png");
        assertThat(run("neighbours", "--data", "sample", "--sheet", "3", "--out", png.toString())).isEqualTo(0);
        BufferedImage image = ImageIO.read(png.toFile());
        // scale 5 (the widest at most 2,400 px): 2,020 × (20 + 3 · 170 + 2 · 5) = 2,020 × 540
        assertThat(image.getWidth()).isEqualTo(2020);
        assertThat(image.getHeight()).isEqualTo(540);
        int[] rows = NeighbourSheet.randomTestIndices(500, 3, 0);
        assertThat(out.toString()).contains("row 1: test image " + rows[0] + ", ")
                .contains("wrote " + png.toAbsolutePath() + ": 2020 × 540 pixels (scale 5, seed 0)");
        int frame = image.getRGB(10 + 170 + 85, 10);
        assertThat(frame).isIn(NeighbourSheet.SAME_CLASS, NeighbourSheet.OTHER_CLASS);
    }

    @Test
    void aPictureOfTestImageZeroAtTwiceItsSizeHasTheSameNeighbours(@TempDir Path dir) throws IOException {
        int[] argb = sample.test().argb(0);
        BufferedImage big = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                big.setRGB(x, y, argb[y / 2 * 32 + x / 2]);
            }
        }
        Path png = dir.resolve("cat.png");
        ImageIO.write(big, "png", png.toFile());
        assertThat(run("neighbours", "--data", "sample", "--query", "0")).isEqualTo(0);
        String[] byIndex = out.toString().split("\n");
        out.getBuffer().setLength(0);
        assertThat(run("neighbours", "--data", "sample", "--image", png.toString())).isEqualTo(0);
        String[] byPicture = out.toString().split("\n");
        assertThat(byPicture[1]).isEqualTo("query: " + png + ", 64 × 64 pixels, centre 64 × 64 reduced to 3 × 32 × 32");
        // the 2 × 2 means give back the test image exactly, so every neighbour line is the same
        assertThat(Arrays.copyOfRange(byPicture, 2, 13)).containsExactly(Arrays.copyOfRange(byIndex, 2, 13));
        assertThat(byPicture[13]).isEqualTo("vote K=10 (SMALLEST_CLASS): deer 4, frog 2, airplane 1, bird 1, cat 1, dog 1 → 4 deer");

        Path text = Files.writeString(dir.resolve("fake.png"), "not a picture");
        err.getBuffer().setLength(0);
        assertThat(run("neighbours", "--data", "sample", "--image", text.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("classifier-lab neighbours: " + text + ": is not an image but text");
    }

    @Test
    void badArgumentsGiveOneLineNamingTheProblem(@TempDir Path dir) {
        assertThat(run("neighbours", "--data", "sample", "--query", "500")).isEqualTo(2);
        assertThat(err.toString()).contains("classifier-lab neighbours: --query 500 is outside 0 … 499 (the test images)");
        assertThat(run("neighbours", "--data", "sample", "--query", "0", "-k", "5001")).isEqualTo(2);
        assertThat(err.toString()).contains("-k 5001 is outside 1 … 5,000 (the number of training images)");
        assertThat(run("neighbours", "--data", "sample", "--sheet", "0", "--out", dir.resolve("a.png").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--sheet 0 is outside 1 … 500 (the test images)");
        Path nowhere = dir.resolve("no-such-folder").resolve("a.png");
        assertThat(run("neighbours", "--data", "sample", "--sheet", "2", "--out", nowhere.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out " + nowhere + ": the folder " + nowhere.getParent() + " does not exist");
        assertThat(run("neighbours", "--data", "sample", "--sheet", "2", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out " + dir + " is a folder, not a file");
        assertThat(run("neighbours", "--data", "sample", "--sheet", "500", "--out", dir.resolve("b.png").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("a sheet of 500 rows at scale 5 would be 2,020 × 87,515 pixels, more than "
                + "60,000,000; use fewer rows or a smaller --scale");
        assertThat(run("neighbours", "--data", "sample")).isEqualTo(2);
        assertThat(err.toString()).contains("give one of --query I, --image FILE or --sheet N");
        assertThat(run("neighbours", "--data", "sample", "--sheet", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("--sheet needs --out FILE.png");
        assertThat(out.toString()).isEmpty();
        assertThat(Files.exists(nowhere)).isFalse();
    }
}
