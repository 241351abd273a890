package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.classifierlab.core.Progress;
import org.junit.jupiter.api.Test;

class ImageCrossValidationTest {

    /** One-pixel images 0..9; images 0-3 are class 0, images 4-9 class 1. */
    private static final ByteMatrix TEN = new ByteMatrix(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10, 1);
    private static final int[] TEN_LABELS = {0, 0, 0, 0, 1, 1, 1, 1, 1, 1};

    @Test
    void tenImagesInContiguousFoldsOfFourThreeAndThree() {
        // fold 0 = {0,1,2,3}: trained on class 1 only, all wrong.
        // fold 1 = {4,5,6}: 4 -> 3 wrong; 5 -> 3 and 7 tie at 2, 3 comes first, wrong; 6 -> 7 right.
        // fold 2 = {7,8,9}: nearest is 6, right.
        List<long[]> updates = new ArrayList<>();
        CrossValidationResult r = ImageCrossValidation.run(TEN, TEN_LABELS, 2, 3, new int[] {1}, Metric.L2,
                TieRule.UNDECIDED, false, 0, (done, total, message) -> updates.add(new long[] {done, total}),
                () -> false);
        assertThat(r.foldAccuracy()[0]).containsExactly(0.0, 1.0 / 3.0, 1.0);
        assertThat(r.mean()[0]).isCloseTo(4.0 / 9.0, within(1e-15));
        assertThat(r.std()[0]).isCloseTo(Math.sqrt(7.0 / 27.0), within(1e-15));
        assertThat(r.bestK()).isEqualTo(1);
        // one update per fold, after 4, 7 and 10 images
        assertThat(updates).extracting(u -> u[0]).containsExactly(4L, 7L, 10L);
        assertThat(updates).extracting(u -> u[1]).containsOnly(10L);
    }

    @Test
    void kAboveTheTrainingSetIsClampedAndEqualMeansPickTheSmallestK() {
        // 3 folds of 10: training sets of 6 or 7; K = 50 becomes the whole training set
        CrossValidationResult r = ImageCrossValidation.run(TEN, TEN_LABELS, 2, 3, new int[] {50, 3, 1}, Metric.L1,
                TieRule.SMALLEST_CLASS, false, 0, Progress.NONE, () -> false);
        CrossValidationResult points = CrossValidation.run(
                new LabeledPoints(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new double[10], TEN_LABELS, 2),
                3, new int[] {50, 3, 1}, Metric.L1, TieRule.SMALLEST_CLASS, 0, false, () -> false);
        assertThat(r).isEqualTo(points);
        assertThat(r.ks()).containsExactly(50, 3, 1);
    }

    @Test
    void equalsThePointCrossValidationOnTwoPixelImages() {
        Random random = new Random(21);
        int n = 47;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] labels = new int[n];
        byte[] pixels = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            int a = random.nextInt(9);
            int b = random.nextInt(9);
            x[i] = a;
            y[i] = b;
            pixels[2 * i] = (byte) a;
            pixels[2 * i + 1] = (byte) b;
            labels[i] = random.nextInt(3);
        }
        LabeledPoints points = new LabeledPoints(x, y, labels, 3);
        ByteMatrix images = new ByteMatrix(pixels, n, 2);
        int[] ks = {1, 2, 3, 5, 8, 13};
        for (Metric metric : Metric.values()) {
            for (TieRule rule : TieRule.values()) {
                for (boolean shuffle : new boolean[] {false, true}) {
                    CrossValidationResult expected = CrossValidation.run(points, 5, ks, metric, rule, 77, shuffle,
                            () -> false);
                    CrossValidationResult actual = ImageCrossValidation.run(images, labels, 3, 5, ks, metric, rule,
                            shuffle, 77, Progress.NONE, () -> false);
                    assertThat(actual).as("%s %s shuffle=%s", metric, rule, shuffle).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void prunedFoldsGiveTheBruteForceResultOnTheSample() throws Exception {
        org.classifierlab.core.data.ImageDataset train = org.classifierlab.core.data.DatasetLoader.loadSample().train();
        ByteMatrix rows = train.rows();
        int[] ks = {1, 3, 5, 8, 10, 12, 15, 20, 50, 100};
        for (Metric metric : new Metric[] {Metric.L1, Metric.L2}) {
            for (boolean shuffle : new boolean[] {false, true}) {
                List<String> messages = new ArrayList<>();
                CrossValidationResult pruned = ImageCrossValidation.run(rows, train.labels(), 10, 5, ks, metric,
                        TieRule.SMALLEST_CLASS, shuffle, 3, ImageCrossValidation.Search.pruned(3, 32, 32),
                        (done, total, message) -> messages.add(message), () -> false);
                CrossValidationResult brute = ImageCrossValidation.run(rows, train.labels(), 10, 5, ks, metric,
                        TieRule.SMALLEST_CLASS, shuffle, 3, ImageCrossValidation.Search.bruteForce(), Progress.NONE,
                        () -> false);
                assertThat(pruned).as("%s shuffle=%s", metric, shuffle).isEqualTo(brute);
                assertThat(messages.get(0)).isEqualTo("Indexing images");
                assertThat(messages.get(messages.size() - 1)).startsWith("Cross-validation fold 5");
            }
        }
    }

    @Test
    void shufflingIsSeededAndLeavesTheInputAlone() {
        byte[] copy = TEN.data().clone();
        CrossValidationResult a = ImageCrossValidation.run(TEN, TEN_LABELS, 2, 5, new int[] {1, 3}, Metric.L2,
                TieRule.UNDECIDED, true, 4, Progress.NONE, () -> false);
        CrossValidationResult b = ImageCrossValidation.run(TEN, TEN_LABELS, 2, 5, new int[] {1, 3}, Metric.L2,
                TieRule.UNDECIDED, true, 4, Progress.NONE, () -> false);
        assertThat(a).isEqualTo(b);
        assertThat(TEN.data()).containsExactly(copy);
    }

    @Test
    void cancellationThrows() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> ImageCrossValidation.run(TEN, TEN_LABELS, 2, 3, new int[] {1}, Metric.L2,
                TieRule.UNDECIDED, false, 0, Progress.NONE, () -> polls.incrementAndGet() > 2))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> ImageCrossValidation.run(TEN, TEN_LABELS, 2, 1, new int[] {1}, Metric.L2,
                TieRule.UNDECIDED, false, 0, Progress.NONE, () -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageCrossValidation.run(TEN, TEN_LABELS, 2, 11, new int[] {1}, Metric.L2,
                TieRule.UNDECIDED, false, 0, Progress.NONE, () -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageCrossValidation.run(TEN, TEN_LABELS, 2, 2, new int[0], Metric.L2,
                TieRule.UNDECIDED, false, 0, Progress.NONE, () -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageCrossValidation.run(TEN, TEN_LABELS, 2, 2, new int[] {0}, Metric.L2,
                TieRule.UNDECIDED, false, 0, Progress.NONE, () -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageCrossValidation.run(TEN, new int[9], 2, 2, new int[] {1}, Metric.L2,
                TieRule.UNDECIDED, false, 0, Progress.NONE, () -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageCrossValidation.run(TEN, new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 2}, 2, 2,
                new int[] {1}, Metric.L2, TieRule.UNDECIDED, false, 0, Progress.NONE, () -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
