package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DecisionGridTest {

    /** Labels and confidences of a brute-force evaluation of every pixel. */
    private record Reference(byte[] labels, float[] confidence) {
    }

    /**
     * The definition: for every pixel centre rank all points with Metric.rank, order them by (rank,
     * index), take the first K and vote.
     */
    private static Reference reference(LabeledPoints pts, int k, Metric metric, TieRule rule, int width, int height) {
        int n = pts.size();
        int kk = Math.max(1, Math.min(k, n));
        byte[] labels = new byte[width * height];
        float[] confidence = new float[width * height];
        double[] rank = new double[n];
        int[] nearest = new int[kk];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double qx = col + 0.5;
                double qy = row + 0.5;
                for (int i = 0; i < n; i++) {
                    rank[i] = metric.rank(qx, qy, pts.x(i), pts.y(i));
                }
                // the j-th neighbour is the smallest (rank, index) pair after the (j-1)-th one
                for (int j = 0; j < kk; j++) {
                    int best = -1;
                    for (int i = 0; i < n; i++) {
                        boolean afterPrevious = j == 0 || rank[i] > rank[nearest[j - 1]]
                                || (rank[i] == rank[nearest[j - 1]] && i > nearest[j - 1]);
                        if (afterPrevious && (best < 0 || rank[i] < rank[best])) {
                            best = i;
                        }
                    }
                    nearest[j] = best;
                }
                double[] vote = vote(pts, nearest, kk, qx, qy, metric, rule);
                labels[row * width + col] = (byte) (int) vote[0];
                confidence[row * width + col] = (float) vote[1];
            }
        }
        return new Reference(labels, confidence);
    }

    /** {predicted, confidence} for the neighbours {@code nearest[0..k)} in neighbour order. */
    static double[] vote(LabeledPoints pts, int[] nearest, int k, double qx, double qy, Metric metric, TieRule rule) {
        double[] tally = new double[pts.classCount()];
        double total = 0;
        if (rule == TieRule.DISTANCE_WEIGHTED) {
            double[] w = new double[k];
            boolean coincident = false;
            for (int j = 0; j < k; j++) {
                w[j] = 1.0 / metric.distance(qx, qy, pts.x(nearest[j]), pts.y(nearest[j]));
                coincident |= Double.isInfinite(w[j]);
            }
            for (int j = 0; j < k; j++) {
                double weight = coincident ? (Double.isInfinite(w[j]) ? 1.0 : 0.0) : w[j];
                tally[pts.label(nearest[j])] += weight;
                total += weight;
            }
        } else {
            for (int j = 0; j < k; j++) {
                tally[pts.label(nearest[j])] += 1;
            }
            total = k;
        }
        double max = 0;
        for (double t : tally) {
            max = Math.max(max, t);
        }
        int tied = 0;
        int smallest = -1;
        for (int c = 0; c < tally.length; c++) {
            if (tally[c] == max) {
                tied++;
                if (smallest < 0) {
                    smallest = c;
                }
            }
        }
        int nearestTied = -1;
        for (int j = 0; j < k && nearestTied < 0; j++) {
            if (tally[pts.label(nearest[j])] == max) {
                nearestTied = pts.label(nearest[j]);
            }
        }
        int predicted = switch (rule) {
            case UNDECIDED -> tied > 1 ? -1 : smallest;
            case SMALLEST_CLASS, DISTANCE_WEIGHTED -> smallest;
            case NEAREST_TIED_CLASS -> nearestTied;
        };
        return new double[] {predicted, max / total};
    }

    private static void assertMatchesReference(LabeledPoints pts, int k, Metric metric, TieRule rule, int width,
                                               int height, int parallelism) {
        Reference expected = reference(pts, k, metric, rule, width, height);
        DecisionMap map = new DecisionMap(width, height);
        assertThat(DecisionGrid.compute(pts, k, metric, rule, map, () -> false, parallelism)).isTrue();
        assertSame(expected, map, pts + " k=" + k + " " + metric + " " + rule);
    }

    private static void assertSame(Reference expected, DecisionMap map, String scene) {
        int area = map.width() * map.height();
        for (int p = 0; p < area; p++) {
            int col = p % map.width();
            int row = p / map.width();
            if (expected.labels()[p] != map.labels()[p]
                    || Float.floatToIntBits(expected.confidence()[p]) != Float.floatToIntBits(map.confidence()[p])) {
                throw new AssertionError("pixel (" + col + ", " + row + ") of " + scene + ": expected class "
                        + expected.labels()[p] + " confidence " + expected.confidence()[p] + ", got "
                        + map.labels()[p] + " confidence " + map.confidence()[p]);
            }
        }
    }

    /**
     * Random points on a half-pixel lattice around and inside a width × height grid: many points sit
     * exactly on pixel centres or corners, many pixels are equidistant from several points, and
     * some points coincide (possibly with different labels).
     */
    private static LabeledPoints latticeScene(Random random, int n, int classes, int width, int height) {
        double[] x = new double[n];
        double[] y = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && random.nextInt(6) == 0) {
                int j = random.nextInt(i);
                x[i] = x[j];
                y[i] = y[j];
            } else {
                x[i] = (random.nextInt(2 * width + 12) - 6) * 0.5;
                y[i] = (random.nextInt(2 * height + 12) - 6) * 0.5;
            }
            label[i] = random.nextInt(classes);
        }
        return new LabeledPoints(x, y, label, classes);
    }

    private static LabeledPoints continuousScene(Random random, int n, int classes, double width, double height) {
        double[] x = new double[n];
        double[] y = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = -0.1 * width + 1.2 * width * random.nextDouble();
            y[i] = -0.1 * height + 1.2 * height * random.nextDouble();
            label[i] = i % classes;
        }
        return new LabeledPoints(x, y, label, classes);
    }

    @Test
    void everyMetricRuleAndKMatchesBruteForceOnSmallLatticeScenes() {
        Random random = new Random(20240601L);
        for (int scene = 0; scene < 24; scene++) {
            int n = 1 + scene % 12;
            LabeledPoints pts = latticeScene(random, n, 2 + scene % 3, 37, 23);
            for (Metric metric : Metric.values()) {
                for (TieRule rule : TieRule.values()) {
                    for (int k = 1; k <= n + 1; k++) {
                        assertMatchesReference(pts, k, metric, rule, 37, 23, 1);
                    }
                }
            }
        }
    }

    @Test
    void everyMetricRuleAndKMatchesBruteForceOnContinuousScenes() {
        Random random = new Random(77L);
        for (int scene = 0; scene < 8; scene++) {
            int n = 5 + scene;
            LabeledPoints pts = continuousScene(random, n, 3, 37, 23);
            for (Metric metric : Metric.values()) {
                for (TieRule rule : TieRule.values()) {
                    for (int k = 1; k <= n; k++) {
                        assertMatchesReference(pts, k, metric, rule, 37, 23, 1);
                    }
                }
            }
        }
    }

    @Test
    void pointsOnPixelCentresInATightGridCreateExactTiesThatMatch() {
        // a 3 × 3 block of points on pixel centres, two classes in a checker pattern, plus a
        // duplicate of the middle point with the other class
        double[] x = {10.5, 11.5, 12.5, 10.5, 11.5, 12.5, 10.5, 11.5, 12.5, 11.5};
        double[] y = {10.5, 10.5, 10.5, 11.5, 11.5, 11.5, 12.5, 12.5, 12.5, 11.5};
        int[] label = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        LabeledPoints pts = new LabeledPoints(x, y, label, 2);
        for (Metric metric : Metric.values()) {
            for (TieRule rule : TieRule.values()) {
                for (int k = 1; k <= 10; k++) {
                    assertMatchesReference(pts, k, metric, rule, 24, 24, 1);
                }
            }
        }
    }

    @Test
    void largeKUsesTheHeapSelectionAndStillMatches() {
        LabeledPoints lattice = latticeScene(new Random(5), 90, 4, 29, 17);
        LabeledPoints continuous = continuousScene(new Random(6), 90, 3, 29, 17);
        for (LabeledPoints pts : new LabeledPoints[] {lattice, continuous}) {
            for (Metric metric : Metric.values()) {
                for (TieRule rule : TieRule.values()) {
                    for (int k : new int[] {25, 33, 47, 70, 89, 90}) {
                        assertMatchesReference(pts, k, metric, rule, 29, 17, 1);
                    }
                }
            }
        }
    }

    @Test
    void denseClustersWithManyCandidatesPerTileMatch() {
        // two tight clusters far from most of the grid: tiles keep many candidates of both classes
        Random random = new Random(12);
        int n = 160;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i % 2;
            x[i] = (label[i] == 0 ? 30 : 90) + 6 * random.nextGaussian();
            y[i] = 40 + 6 * random.nextGaussian();
        }
        LabeledPoints pts = new LabeledPoints(x, y, label, 2);
        for (TieRule rule : TieRule.values()) {
            for (int k : new int[] {1, 4, 15, 40}) {
                assertMatchesReference(pts, k, Metric.L2, rule, 130, 90, 2);
            }
        }
    }

    @Test
    void onePixelAndOneLineGridsMatch() {
        Random random = new Random(11);
        for (int scene = 0; scene < 6; scene++) {
            LabeledPoints pts = latticeScene(random, 9, 3, 5, 5);
            for (Metric metric : Metric.values()) {
                for (TieRule rule : TieRule.values()) {
                    for (int k = 1; k <= 9; k += 2) {
                        assertMatchesReference(pts, k, metric, rule, 1, 1, 1);
                        assertMatchesReference(pts, k, metric, rule, 70, 1, 2);
                        assertMatchesReference(pts, k, metric, rule, 1, 70, 2);
                    }
                }
            }
        }
    }

    @Test
    void largeSceneMatchesWithOneAndTwoThreads() {
        LabeledPoints pts = continuousScene(new Random(3), 200, 4, 300, 200);
        for (Metric metric : Metric.values()) {
            for (TieRule rule : TieRule.values()) {
                Reference expected = reference(pts, 7, metric, rule, 300, 200);
                for (int parallelism : new int[] {1, 2}) {
                    DecisionMap map = new DecisionMap(300, 200);
                    assertThat(DecisionGrid.compute(pts, 7, metric, rule, map, () -> false, parallelism)).isTrue();
                    assertSame(expected, map, "200 points " + metric + " " + rule + " parallelism " + parallelism);
                }
            }
        }
    }

    @Test
    void agreesWithKnnClassifierAtPixelCentres() {
        LabeledPoints pts = latticeScene(new Random(8), 30, 3, 40, 30);
        DecisionMap map = new DecisionMap(40, 30);
        for (TieRule rule : TieRule.values()) {
            DecisionGrid.compute(pts, 6, Metric.L1, rule, map, () -> false, 1);
            for (int row = 0; row < 30; row += 3) {
                for (int col = 0; col < 40; col += 3) {
                    KnnResult r = KnnClassifier.classify(pts, col + 0.5, row + 0.5, 6, Metric.L1, rule);
                    assertThat(map.labelAt(col, row)).isEqualTo(r.predicted());
                    assertThat(map.confidenceAt(col, row)).isEqualTo((float) r.confidence());
                }
            }
        }
    }

    @Test
    void singleClassFillsEverythingWithFullConfidence() {
        LabeledPoints pts = new LabeledPoints(new double[] {1, 50, 90}, new double[] {3, 4, 70}, new int[] {2, 2, 2}, 3);
        DecisionMap map = new DecisionMap(100, 80);
        assertThat(DecisionGrid.compute(pts, 2, Metric.L2, TieRule.DISTANCE_WEIGHTED, map, () -> false, 2)).isTrue();
        for (int p = 0; p < 100 * 80; p++) {
            assertThat(map.labels()[p]).isEqualTo((byte) 2);
            assertThat(map.confidence()[p]).isEqualTo(1.0f);
        }
    }

    @Test
    void twoEquidistantClassesAreUndecidedOnTheBisector() {
        // points at x = 2.5 and x = 6.5: pixel column 4 (centre 4.5) is equidistant
        LabeledPoints pts = new LabeledPoints(new double[] {2.5, 6.5}, new double[] {0.5, 0.5}, new int[] {0, 1}, 2);
        DecisionMap map = new DecisionMap(9, 1);
        DecisionGrid.compute(pts, 2, Metric.L2, TieRule.UNDECIDED, map, () -> false, 1);
        assertThat(map.labels()).containsExactly(-1, -1, -1, -1, -1, -1, -1, -1, -1);
        assertThat(map.confidenceAt(0, 0)).isEqualTo(0.5f);
        DecisionGrid.compute(pts, 1, Metric.L2, TieRule.UNDECIDED, map, () -> false, 1);
        // K = 1: the tie at column 4 goes to the lower index, class 0
        assertThat(map.labels()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
        DecisionGrid.compute(pts, 2, Metric.L2, TieRule.DISTANCE_WEIGHTED, map, () -> false, 1);
        assertThat(map.labels()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1);
        assertThat(map.confidenceAt(4, 0)).isEqualTo(0.5f);
        assertThat(map.confidenceAt(2, 0)).isEqualTo(1.0f);
    }

    @Test
    void reusesAResizedMapAndOnlyWritesTheVisibleArea() {
        LabeledPoints pts = continuousScene(new Random(4), 20, 3, 50, 40);
        DecisionMap map = new DecisionMap(50, 40);
        byte[] buffer = map.labels();
        map.resize(20, 10);
        assertThat(map.labels()).isSameAs(buffer);
        Arrays.fill(buffer, (byte) 99);
        DecisionGrid.compute(pts, 3, Metric.LINF, TieRule.SMALLEST_CLASS, map, () -> false, 2);
        assertSame(reference(pts, 3, Metric.LINF, TieRule.SMALLEST_CLASS, 20, 10), map, "resized");
        assertThat(buffer[200]).isEqualTo((byte) 99);
    }

    @Test
    void cancellationStopsPromptly() {
        LabeledPoints pts = continuousScene(new Random(9), 2000, 4, 1280, 800);
        DecisionMap map = new DecisionMap(1280, 800);
        AtomicInteger polls = new AtomicInteger();
        long start = System.nanoTime();
        boolean done = DecisionGrid.compute(pts, 15, Metric.L2, TieRule.DISTANCE_WEIGHTED, map,
                () -> polls.incrementAndGet() > 0, 2);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(done).isFalse();
        assertThat(polls.get()).isBetween(1, 2);
        assertThat(elapsedMs).isLessThan(2000);

        AtomicInteger later = new AtomicInteger();
        assertThat(DecisionGrid.compute(pts, 15, Metric.L2, TieRule.DISTANCE_WEIGHTED, map,
                () -> later.incrementAndGet() > 50, 2)).isFalse();
        assertThat(later.get()).isLessThan(60);
    }

    @Test
    void rejectsInvalidArguments() {
        DecisionMap map = new DecisionMap(4, 4);
        LabeledPoints empty = new LabeledPoints(new double[0], new double[0], new int[0], 2);
        assertThatThrownBy(() -> DecisionGrid.compute(empty, 1, Metric.L2, TieRule.UNDECIDED, map, () -> false, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without points");
        LabeledPoints many = new LabeledPoints(new double[] {0}, new double[] {0}, new int[] {0}, 200);
        assertThatThrownBy(() -> DecisionGrid.compute(many, 1, Metric.L2, TieRule.UNDECIDED, map, () -> false, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 127 classes");
        LabeledPoints one = new LabeledPoints(new double[] {0}, new double[] {0}, new int[] {0}, 2);
        assertThatThrownBy(() -> DecisionGrid.compute(one, 1, Metric.L2, TieRule.UNDECIDED, map, () -> false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism");
    }
}
