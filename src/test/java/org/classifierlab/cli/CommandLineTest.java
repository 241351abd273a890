package org.classifierlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * The headless commands, checked against the figures the CS231n assignment publishes for the same subset
 * (first 5,000 training and 500 test images of CIFAR-10, L2, ties to the smallest class).
 */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(out, err, args);
    }

    @Test
    void knnOnTheBundledSampleGivesTheAssignmentsAccuracies() {
        assertThat(run("knn", "--data", "sample", "-k", "1,5")).isEqualTo(0);
        assertThat(out.toString())
                .contains("CIFAR-10 sample: 5,000 training and 500 test images, L2, tie rule SMALLEST_CLASS")
                // "Got 137 / 500 correct => accuracy: 0.274000" and, for k = 5, 139 / 500 = 0.278
                .contains("K=1    accuracy  27.40%  (137 of 500)")
                .contains("K=5    accuracy  27.80%  (139 of 500)")
                .containsPattern("nearest-neighbour search: [0-9.]+ s \\(pruned index, built in [0-9.]+ s\\)");
    }

    @Test
    void bruteForceKnnGivesTheSameAccuracies() {
        assertThat(run("knn", "--data", "sample", "-k", "1,5", "--metric", "L1", "--brute-force")).isEqualTo(0);
        String brute = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("knn", "--data", "sample", "-k", "1,5", "--metric", "L1")).isEqualTo(0);
        String pruned = out.toString();
        assertThat(brute).contains("(brute force)");
        assertThat(pruned).contains("(pruned index");
        assertThat(pruned.lines().filter(l -> l.startsWith("K=")).toList())
                .isEqualTo(brute.lines().filter(l -> l.startsWith("K=")).toList())
                .hasSize(2);
    }

    @Test
    void crossValidationOnTheSampleReproducesTheAssignmentsFolds() {
        assertThat(run("cv", "--data", "sample", "-k", "1,3,5,8,10")).isEqualTo(0);
        String text = out.toString();
        // The assignment's 5-fold results for the same data: k = 1 and k = 10 per fold, best k = 10.
        assertThat(text).containsPattern("\\n\\s+1\\s+26\\.56%\\s+0\\.77%\\s+0\\.2630 0\\.2570 0\\.2640 0\\.2780 0\\.2660\\n");
        assertThat(text).containsPattern("\\n\\s+10\\s+28\\.02%\\s+1\\.13%\\s+0\\.2650 0\\.2960 0\\.2760 0\\.2840 0\\.2800\\n");
        assertThat(text).contains("best K = 10").containsPattern("index built in [0-9.]+ s, then 5 fold searches in [0-9.]+ s, pruned\\)");
        out.getBuffer().setLength(0);
        assertThat(run("cv", "--data", "sample", "-k", "1,3,5,8,10", "--brute-force")).isEqualTo(0);
        String brute = out.toString();
        assertThat(brute).contains("(brute force)");
        assertThat(brute.substring(0, brute.indexOf("time:"))).isEqualTo(text.substring(0, text.indexOf("time:")));
    }

    @Test
    void aMissingDatasetIsAnErrorNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-folder");
        assertThat(run("knn", "--data", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("classifier-lab knn: --data: " + missing + " does not exist");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aTruncatedBatchIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), new byte[3073 * 2 + 100]);
        Files.write(dir.resolve("test_batch.bin"), new byte[3073]);
        assertThat(run("knn", "--data", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("classifier-lab knn: ").contains("data_batch_1.bin");
    }

    @Test
    void absurdParametersAreRefusedWithAReason() {
        assertThat(run("knn", "--data", "sample", "-k", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("-k 0 is outside 1 … 5,000");
        assertThat(run("cv", "--data", "sample", "--folds", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--folds must be between 2 and 5,000");
        assertThat(run("knn", "--data", "sample", "--train", "9000")).isEqualTo(2);
        assertThat(err.toString()).contains("--train must be between 1 and 5,000");
    }

    @Test
    void benchEnginePrintsATimingRowPerOperation() {
        assertThat(run("bench", "engine", "--queries", "24", "--refs", "300", "--dims", "70", "--metric", "L1,L2",
                "--k", "3", "--warmup", "0", "--runs", "1")).isEqualTo(0);
        assertThat(out.toString()).containsPattern("distanceMatrix\\s+L1").containsPattern("nearest\\s+L2\\s+3\\s+\\d");
        assertThat(run("bench", "engine", "--queries", "0")).isEqualTo(2);
    }

    @Test
    void benchEngineOneAtATimeTimesBothMetricsInTurnAndSideBySide() {
        assertThat(run("bench", "engine", "--queries", "3", "--refs", "2400", "--dims", "48", "--shape", "3,4,4",
                "--metric", "L1,L2", "--k", "5", "--warmup", "0", "--runs", "1", "--build-runs", "1", "--no-matrix",
                "--one-at-a-time")).isEqualTo(0);
        assertThat(out.toString()).containsPattern("pruned\\s+L1\\s+5\\s+\\d")
                .containsPattern("pruned L1, L2\\s+-\\s+5\\s+\\d").containsPattern("pruned L1 & L2\\s+-\\s+5\\s+\\d");
    }

    @Test
    void benchMapPrintsATimingRow() {
        assertThat(run("bench", "map", "--points", "30", "-k", "3", "--width", "64", "--height", "48",
                "--warmup", "0", "--runs", "3")).isEqualTo(0);
        assertThat(out.toString()).contains("Decision map 64 x 48 px").containsPattern("\\n\\s+30\\s+3\\s+\\d+\\.\\d\\d");
    }

    @Test
    void lossPrintsTheSlideExamplesHingeAndCrossEntropyTermByTerm() {
        assertThat(run("loss", "--scores", "3.2,5.1,-1.7", "--label", "0", "--names", "cat,car,frog")).isEqualTo(0);
        assertThat(out.toString())
                .containsPattern("1 car\\s+5\\.1000\\s+2\\.9000\\s+2\\.9000")
                .containsPattern("2 frog\\s+-1\\.7000\\s+-3\\.9000\\s+0\\.0000")
                .contains("hinge loss = 2.9000")
                .containsPattern("0 cat\\s+3\\.2000\\s+-1\\.9000\\s+0\\.1496\\s+0\\.1300")
                .contains("cross-entropy loss = −log p_0 = 2.0404");
    }

    @Test
    void lossWithMarginTenAndAtPlusMinusOneThousand() {
        assertThat(run("loss", "--scores", "13,-7,11", "--label", "0", "--delta", "10")).isEqualTo(0);
        assertThat(out.toString()).contains("hinge loss = 8.0000");
        out.getBuffer().setLength(0);
        assertThat(run("loss", "--scores", "1000,1001,-1000", "--label", "2")).isEqualTo(0);
        assertThat(out.toString()).contains("hinge loss = 4003.0000").contains("cross-entropy loss = −log p_2 = 2001.3133");
    }

    @Test
    void lossRejectsALabelOutOfRange() {
        assertThat(run("loss", "--scores", "1,2", "--label", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("classifier-lab loss: the correct class must be between 0 and 1, was 3");
    }

    @Test
    void linear2dPrintsTheDemosDefaultStateUnderEachLoss() {
        // totals from docs/verification/linear2d_reference.py
        String[][] expected = {{"ww", "2.7667", "6.2667"}, {"ova", "4.0222", "7.5222"},
            {"structured", "2.3667", "5.8667"}, {"softmax", "1.8366", "5.3366"}};
        for (String[] e : expected) {
            out.getBuffer().setLength(0);
            assertThat(run("linear2d", "--preset", "cs231n", "--loss", e[0])).isEqualTo(0);
            assertThat(out.toString()).as(e[0]).contains("data loss " + e[1]).contains("regularisation loss 3.5000")
                    .contains("total loss " + e[2]);
        }
        // point 4 (−0.3, 0.7), class 1: scores 1.1, −2.9, −2.1; softmax 4.0574 beside Weston–Watkins 6.8
        assertThat(out.toString()).containsPattern("\\n\\s+4\\s+-0\\.300\\s+0\\.700\\s+1\\s+1\\.1000\\s+-2\\.9000\\s+-2\\.1000\\s+4\\.0574\\s+6\\.8000\\n");
    }

    @Test
    void linear2dStepsLowerTheLossAndRejectAnUnknownLoss() {
        assertThat(run("linear2d", "--loss", "softmax", "--steps", "3")).isEqualTo(0); // NumPy: see linear2d_reference.py
        assertThat(out.toString()).contains("step 1: total loss 5.3366 → 5.1273").contains("step 3: total loss 4.9273 → 4.7362");
        assertThat(run("linear2d", "--loss", "hinge")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown loss 'hinge'; use one of [ww, ova, structured, softmax]");
    }

    @Test
    void linear2dSaysADivergingDescentDivergesAndWhatToChange() {
        assertThat(run("linear2d", "--steps", "5", "--step-size", "1e308")).isEqualTo(2);
        assertThat(err.toString()).contains("classifier-lab linear2d: gradient descent diverges: step 1 takes the "
                + "total loss from 6.2667 beyond the largest double; use a smaller --step-size (was 1.000e+308)")
                .doesNotContain("not a finite number");
        assertThat(out.toString()).doesNotContain("Infinity");
        err.getBuffer().setLength(0);
        assertThat(run("linear2d", "--lambda", "1e300", "--steps", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("diverges: step 1").contains("--lambda (was 1.000e+300)");
    }

    @Test
    void benchLinearTimesRegionsLandscapeAndSteps() {
        assertThat(run("bench", "linear", "--width", "64", "--height", "48", "--grid", "8", "--points", "20",
                "--warmup", "0", "--runs", "2")).isEqualTo(0);
        assertThat(out.toString()).containsPattern("regions 64 x 48 px\\s+\\d+\\.\\d\\d")
                .containsPattern("landscape 8 x 8, 20 points\\s+\\d+\\.\\d\\d")
                .containsPattern("step \\(softmax\\), 20 points\\s+\\d+\\.\\d\\d");
        assertThat(run("bench", "linear", "--grid", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("need 2 ≤ --grid ≤ 2000");
    }
}
