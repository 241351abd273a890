package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ImageKnnClassifierTest {

    /** Classes of reference rows 0..4. */
    private static final int[] LABELS = {0, 1, 2, 1, 0};

    /**
     * Query 0: rows 0, 1, 3, 2 (classes 0, 1, 1, 2) at 1, 2, 3, 4.
     * Query 1: rows 1, 0, 2, 4 (classes 1, 0, 2, 0) at 2, 2, 3, 3.
     * Query 2: rows 2, 1, 3, 0 (classes 2, 1, 1, 0) at 0, 1, 1, 5.
     */
    private static final NeighbourTable TABLE = new NeighbourTable(3, 4, Metric.L2,
            new int[] {0, 1, 3, 2, 1, 0, 2, 4, 2, 1, 3, 0},
            new double[] {1, 2, 3, 4, 2, 2, 3, 3, 0, 1, 1, 5});

    private static int[] predict(int k, TieRule rule) {
        return ImageKnnClassifier.predict(TABLE, LABELS, 3, k, rule);
    }

    @Test
    void oneNeighbourIsItsClassUnderEveryRule() {
        for (TieRule rule : TieRule.values()) {
            assertThat(predict(1, rule)).containsExactly(0, 1, 2);
        }
    }

    @Test
    void twoWayTiesFollowTheRule() {
        // query 0: classes 0, 1 at 1, 2; query 1: classes 1, 0 at 2, 2; query 2: classes 2, 1 at 0, 1
        assertThat(predict(2, TieRule.UNDECIDED)).containsExactly(-1, -1, -1);
        assertThat(predict(2, TieRule.SMALLEST_CLASS)).containsExactly(0, 0, 1);
        assertThat(predict(2, TieRule.NEAREST_TIED_CLASS)).containsExactly(0, 1, 2);
        // weights 1 vs 1/2 -> 0; 1/2 vs 1/2 -> tie to the smaller class 0; distance 0 votes alone -> 2
        assertThat(predict(2, TieRule.DISTANCE_WEIGHTED)).containsExactly(0, 0, 2);
    }

    @Test
    void threeNeighbours() {
        // query 0: 0, 1, 1 -> 1; query 1: 1, 0, 2 three-way tie; query 2: 2, 1, 1 -> 1
        assertThat(predict(3, TieRule.UNDECIDED)).containsExactly(1, -1, 1);
        assertThat(predict(3, TieRule.SMALLEST_CLASS)).containsExactly(1, 0, 1);
        assertThat(predict(3, TieRule.NEAREST_TIED_CLASS)).containsExactly(1, 1, 1);
        // query 0: 1 vs 1/2 + 1/3 -> 0; query 1: 1/2, 1/2, 1/3 -> tie 1 vs 0 -> 0; query 2: only the coincident row
        assertThat(predict(3, TieRule.DISTANCE_WEIGHTED)).containsExactly(0, 0, 2);
    }

    @Test
    void severalKAtOnceEqualOneAtATime() {
        int[] ks = {4, 1, 3, 2};
        for (TieRule rule : TieRule.values()) {
            int[][] all = ImageKnnClassifier.predict(TABLE, LABELS, 3, ks, rule);
            for (int i = 0; i < ks.length; i++) {
                assertThat(all[i]).containsExactly(predict(ks[i], rule));
            }
        }
        assertThat(predict(4, TieRule.UNDECIDED)).containsExactly(1, 0, 1);
    }

    @Test
    void accuracyCountsUndecidedAsWrong() {
        assertThat(ImageKnnClassifier.accuracy(new int[] {0, -1, 1, 2}, new int[] {0, 0, 1, 1})).isEqualTo(0.5);
        assertThat(ImageKnnClassifier.accuracy(new int[0], new int[0])).isNaN();
        assertThatThrownBy(() -> ImageKnnClassifier.accuracy(new int[1], new int[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithThePointClassifierOnTwoDimensionalRows() {
        Random random = new Random(12);
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] labels = new int[n];
        byte[] refs = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            // a coarse grid: many equal distances
            int a = random.nextInt(12);
            int b = random.nextInt(12);
            x[i] = a;
            y[i] = b;
            refs[2 * i] = (byte) a;
            refs[2 * i + 1] = (byte) b;
            labels[i] = random.nextInt(3);
        }
        LabeledPoints points = new LabeledPoints(x, y, labels, 3);
        byte[] queries = new byte[2 * 40];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = (byte) random.nextInt(12);
        }
        for (Metric metric : Metric.values()) {
            NeighbourTable table = DistanceEngine.nearest(new ByteMatrix(queries, 40, 2), new ByteMatrix(refs, n, 2),
                    DistanceEngine.Options.of(9, metric));
            for (TieRule rule : TieRule.values()) {
                for (int k = 1; k <= 9; k++) {
                    int[] predicted = ImageKnnClassifier.predict(table, labels, 3, k, rule);
                    for (int q = 0; q < 40; q++) {
                        int expected = KnnClassifier.predict(points, queries[2 * q], queries[2 * q + 1], k, metric, rule);
                        assertThat(predicted[q]).as("%s %s K=%d query %d", metric, rule, k, q).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> predict(5, TieRule.UNDECIDED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> predict(0, TieRule.UNDECIDED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageKnnClassifier.predict(TABLE, new int[] {0, 1, 2}, 3, 1, TieRule.UNDECIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels");
        assertThatThrownBy(() -> ImageKnnClassifier.predict(TABLE, new int[] {0, 1, 3, 1, 0}, 3, 1, TieRule.UNDECIDED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
