package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    /**
     * Class 0: predicted 0, 1. Class 1: predicted 1, undecided. Class 2: predicted 2, 0, 2.
     */
    private static final ConfusionMatrix M = ConfusionMatrix.of(
            new int[] {0, 0, 1, 1, 2, 2, 2}, new int[] {0, 1, 1, -1, 2, 0, 2}, 3);

    @Test
    void countsTrueAgainstPredictedWithAnUndecidedColumn() {
        assertThat(M.counts()).isDeepEqualTo(new int[][] {
            {1, 1, 0, 0},
            {0, 1, 0, 1},
            {1, 0, 2, 0},
        });
        assertThat(M.count(2, 0)).isEqualTo(1);
        assertThat(M.undecided(1)).isEqualTo(1);
        assertThat(M.count(1, -1)).isEqualTo(1);
        assertThat(M.support(2)).isEqualTo(3);
        assertThat(M.total()).isEqualTo(7);
        assertThat(M.classCount()).isEqualTo(3);
    }

    @Test
    void accuraciesCountUndecidedAsWrong() {
        assertThat(M.correct()).isEqualTo(4);
        assertThat(M.accuracy()).isEqualTo(4.0 / 7.0);
        assertThat(M.perClassAccuracy()).containsExactly(0.5, 0.5, 2.0 / 3.0);
        assertThat(M.classAccuracy(2)).isEqualTo(2.0 / 3.0);
    }

    @Test
    void emptyClassesAndSamplesGiveNaN() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0}, new int[] {0}, 2);
        assertThat(m.classAccuracy(1)).isNaN();
        assertThat(m.accuracy()).isEqualTo(1.0);
        assertThat(ConfusionMatrix.of(new int[0], new int[0], 2).accuracy()).isNaN();
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {2}, new int[] {0}, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0}, new int[] {-2}, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> M.count(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void equalCountsAreEqual() {
        assertThat(ConfusionMatrix.of(new int[] {1, 0}, new int[] {1, -1}, 2))
                .isEqualTo(ConfusionMatrix.of(new int[] {0, 1}, new int[] {-1, 1}, 2));
    }
}
