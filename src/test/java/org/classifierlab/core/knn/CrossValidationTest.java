package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    /** x = 0..9 on a line; points 0-3 are class 0, points 4-9 class 1. */
    private static final LabeledPoints TEN = new LabeledPoints(
            new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new double[10],
            new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, 2);

    /**
     * Three clusters around x = 0, 10 and 20, one point of each per fold of three; the third
     * cluster is labelled 1, 0, 1 so K = 1 always misses one point per fold.
     */
    private static final LabeledPoints NINE = new LabeledPoints(
            new double[] {0, 10, 20, 1, 11, 21, 2, 12, 22}, new double[9],
            new int[] {0, 1, 1, 0, 1, 0, 0, 1, 1}, 2);

    @Test
    void foldSizesFollowArraySplit() {
        assertThat(CrossValidation.foldSizes(10, 3)).containsExactly(4, 3, 3);
        assertThat(CrossValidation.foldSizes(11, 4)).containsExactly(3, 3, 3, 2);
        assertThat(CrossValidation.foldSizes(9, 3)).containsExactly(3, 3, 3);
    }

    @Test
    void tenPointsInThreeContiguousFoldsOfFourThreeAndThree() {
        // fold 0 = {0,1,2,3}: trained on class 1 only, all wrong.
        // fold 1 = {4,5,6}: x=4 -> 3 wrong; x=5 -> 3 and 7 tie at 2, 3 comes first in the training set,
        //   wrong; x=6 -> 7 right.
        // fold 2 = {7,8,9}: nearest is 6, right.
        CrossValidationResult r = CrossValidation.run(TEN, 3, new int[] {1}, Metric.L2, TieRule.UNDECIDED,
                0, false, () -> false);
        assertThat(r.foldAccuracy()[0]).containsExactly(0.0, 1.0 / 3.0, 1.0);
        assertThat(r.folds()).isEqualTo(3);
        assertThat(r.mean()[0]).isCloseTo(4.0 / 9.0, within(1e-15));
        // deviations -4/9, -1/9, 5/9: sum of squares 42/81, divided by n - 1 = 2
        assertThat(r.std()[0]).isCloseTo(Math.sqrt(7.0 / 27.0), within(1e-15));
    }

    @Test
    void populationStdDividesByTheNumberOfFolds() {
        CrossValidationResult r = CrossValidation.run(TEN, 3, new int[] {1}, Metric.L2, TieRule.UNDECIDED,
                0, false, () -> false);
        // the same deviations as above, sum of squares 42/81, divided by n = 3 (np.std)
        assertThat(r.populationStd()[0]).isCloseTo(Math.sqrt(14.0 / 81.0), within(1e-15));
        assertThat(r.populationStd()[0] / r.std()[0]).isCloseTo(Math.sqrt(2.0 / 3.0), within(1e-15));
    }

    @Test
    void equalMeansPickTheSmallestK() {
        // K = 1, 3 and 5 all score 0, 1/3, 1 on the folds
        CrossValidationResult r = CrossValidation.run(TEN, 3, new int[] {5, 3, 1}, Metric.L2, TieRule.UNDECIDED,
                0, false, () -> false);
        assertThat(r.mean()[0]).isEqualTo(r.mean()[2]);
        assertThat(r.mean()[1]).isEqualTo(r.mean()[2]);
        assertThat(r.bestK()).isEqualTo(1);
        assertThat(r.ks()).containsExactly(5, 3, 1);
    }

    @Test
    void theKWithTheHighestMeanWins() {
        // K = 1: each fold misses its point of the third cluster: 2/3, 2/3, 2/3.
        // K = 3: fold 0 all right; fold 1 still misses x=21 (neighbours 20, 22, 12); fold 2 all right.
        CrossValidationResult r = CrossValidation.run(NINE, 3, new int[] {1, 3}, Metric.L1, TieRule.UNDECIDED,
                0, false, () -> false);
        assertThat(r.foldAccuracy()[0]).containsExactly(2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0);
        assertThat(r.foldAccuracy()[1]).containsExactly(1.0, 2.0 / 3.0, 1.0);
        assertThat(r.std()[0]).isZero();
        assertThat(r.mean()[1]).isCloseTo(8.0 / 9.0, within(1e-15));
        assertThat(r.std()[1]).isCloseTo(Math.sqrt(1.0 / 27.0), within(1e-15));
        assertThat(r.bestK()).isEqualTo(3);
    }

    @Test
    void kLargerThanTheTrainingSetIsClamped() {
        CrossValidationResult big = CrossValidation.run(NINE, 3, new int[] {40}, Metric.L2, TieRule.SMALLEST_CLASS,
                0, false, () -> false);
        CrossValidationResult six = CrossValidation.run(NINE, 3, new int[] {6}, Metric.L2, TieRule.SMALLEST_CLASS,
                0, false, () -> false);
        assertThat(big.foldAccuracy()).isDeepEqualTo(six.foldAccuracy());
        // fold 0 trains on three points of each class: a tie everywhere, class 0 wins, only x=0 is right
        assertThat(six.foldAccuracy()[0][0]).isEqualTo(1.0 / 3.0);
        assertThat(big.bestK()).isEqualTo(40);
    }

    @Test
    void shuffledFoldsMatchAnIndependentEvaluationOfEachFold() {
        LabeledPoints pts = randomScene(new Random(4), 23);
        int[] ks = {1, 4, 7};
        long seed = 42;
        CrossValidationResult r = CrossValidation.run(pts, 4, ks, Metric.L1, TieRule.NEAREST_TIED_CLASS, seed, true,
                () -> false);
        int[] order = new int[23];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] sizes = {6, 6, 6, 5};
        int start = 0;
        for (int f = 0; f < 4; f++) {
            int end = start + sizes[f];
            int[] test = Arrays.copyOfRange(order, start, end);
            int[] train = new int[23 - sizes[f]];
            System.arraycopy(order, 0, train, 0, start);
            System.arraycopy(order, end, train, start, 23 - end);
            for (int j = 0; j < ks.length; j++) {
                double expected = Evaluation.accuracy(pts.subset(train), pts.subset(test), ks[j], Metric.L1,
                        TieRule.NEAREST_TIED_CLASS);
                assertThat(r.foldAccuracy()[j][f]).as("K=%d fold %d", ks[j], f).isEqualTo(expected);
            }
            start = end;
        }
        assertThat(CrossValidation.run(pts, 4, ks, Metric.L1, TieRule.NEAREST_TIED_CLASS, seed, true, () -> false))
                .isEqualTo(r);
        assertThat(CrossValidation.run(pts, 4, ks, Metric.L1, TieRule.NEAREST_TIED_CLASS, seed, false, () -> false))
                .isNotEqualTo(r);
    }

    @Test
    void cancellationReturnsNull() {
        assertThat(CrossValidation.run(NINE, 3, new int[] {1}, Metric.L2, TieRule.UNDECIDED, 0, false, () -> true))
                .isNull();
        AtomicInteger polls = new AtomicInteger();
        assertThat(CrossValidation.run(randomScene(new Random(1), 200), 5, new int[] {1, 3}, Metric.L2,
                TieRule.UNDECIDED, 0, false, () -> polls.incrementAndGet() > 3)).isNull();
        assertThat(polls.get()).isEqualTo(4);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> CrossValidation.run(NINE, 1, new int[] {1}, Metric.L2, TieRule.UNDECIDED, 0, false,
                () -> false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("folds must be between 2 and the number of points (9), was 1");
        assertThatThrownBy(() -> CrossValidation.run(NINE, 10, new int[] {1}, Metric.L2, TieRule.UNDECIDED, 0, false,
                () -> false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 10");
        assertThatThrownBy(() -> CrossValidation.run(NINE, 3, new int[0], Metric.L2, TieRule.UNDECIDED, 0, false,
                () -> false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one K");
        assertThatThrownBy(() -> CrossValidation.run(NINE, 3, new int[] {2, 0}, Metric.L2, TieRule.UNDECIDED, 0,
                false, () -> false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    }

    @Test
    void sampleStandardDeviationOfASingleValueIsZero() {
        assertThat(CrossValidation.sampleStd(new double[] {0.7}, 0.7)).isZero();
        assertThat(CrossValidation.sampleStd(new double[] {1, 3}, 2)).isEqualTo(Math.sqrt(2));
    }

    @Test
    void resultIsAnImmutableValue() {
        CrossValidationResult r = new CrossValidationResult(new int[] {1}, new double[][] {{0.5, 1}},
                new double[] {0.75}, new double[] {0.35}, 1);
        r.foldAccuracy()[0][0] = 9;
        r.ks()[0] = 9;
        assertThat(r.foldAccuracy()[0]).containsExactly(0.5, 1.0);
        assertThat(r.ks()).containsExactly(1);
        assertThat(r).isEqualTo(new CrossValidationResult(new int[] {1}, new double[][] {{0.5, 1}},
                new double[] {0.75}, new double[] {0.35}, 1));
        assertThatThrownBy(() -> new CrossValidationResult(new int[] {1, 2}, new double[][] {{1}},
                new double[] {1}, new double[] {0}, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static LabeledPoints randomScene(Random random, int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(8);
            y[i] = random.nextInt(8);
            label[i] = random.nextInt(3);
        }
        return new LabeledPoints(x, y, label, 3);
    }
}
