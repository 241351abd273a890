package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DistanceEngineTest {

    /** Query counts that take the blocked matrix product for L2 ({@code MANY}) and the direct kernel. */
    private static final int MANY = DistanceEngine.GEMM_MIN_QUERIES + 3;
    private static final int FEW = DistanceEngine.GEMM_MIN_QUERIES - 1;

    /** Brute-force integer rank key: Σ|d|, Σd² or max|d|. */
    private static long rank(Metric metric, ByteMatrix a, int i, ByteMatrix b, int j) {
        long s = 0;
        for (int p = 0; p < a.cols(); p++) {
            int d = Math.abs(a.get(i, p) - b.get(j, p));
            s = switch (metric) {
                case L1 -> s + d;
                case L2 -> s + (long) d * d;
                case LINF -> Math.max(s, d);
            };
        }
        return s;
    }

    /** The brute-force neighbour order of query i: ascending rank, ties by ascending row, excluded rows left out. */
    private static Integer[] order(Metric metric, ByteMatrix q, int i, ByteMatrix r, int from, int to, long[] ranks) {
        List<Integer> rows = new ArrayList<>();
        for (int j = 0; j < r.rows(); j++) {
            ranks[j] = rank(metric, q, i, r, j);
            if (j < from || j >= to) {
                rows.add(j);
            }
        }
        rows.sort(Comparator.<Integer>comparingLong(j -> ranks[j]).thenComparingInt(j -> j));
        return rows.toArray(Integer[]::new);
    }

    private static void assertExact(NeighbourTable table, Metric metric, ByteMatrix q, ByteMatrix r, int k, int from,
                                    int to) {
        assertThat(table.queries()).isEqualTo(q.rows());
        assertThat(table.k()).isEqualTo(k);
        long[] ranks = new long[r.rows()];
        for (int i = 0; i < q.rows(); i++) {
            Integer[] expected = order(metric, q, i, r, from, to, ranks);
            for (int j = 0; j < k; j++) {
                long key = ranks[expected[j]];
                double distance = metric == Metric.L2 ? Math.sqrt(key) : key;
                assertThat(table.index(i, j)).as("%s query %d neighbour %d", metric, i, j).isEqualTo(expected[j]);
                assertThat(table.distance(i, j)).as("%s query %d neighbour %d", metric, i, j).isEqualTo(distance);
            }
        }
    }

    /** Random rows over {@code levels} grey values, with some rows copied onto others to force ties. */
    private static ByteMatrix rows(Random random, int rows, int cols, int levels, int duplicates) {
        byte[] data = new byte[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt(levels);
        }
        for (int d = 0; d < duplicates && rows > 1; d++) {
            System.arraycopy(data, random.nextInt(rows) * cols, data, random.nextInt(rows) * cols, cols);
        }
        return new ByteMatrix(data, rows, cols);
    }

    @Test
    void uint8NeighboursEqualBruteForceOnAwkwardSizes() {
        Random random = new Random(20240601);
        int[][] shapes = {
            // queries, references, dims: none a multiple of the vector length or block sizes; dims on
            // both sides of the 256-dimension block
            {1, 1, 1}, {3, 7, 5}, {FEW, 45, 33}, {MANY, 300, 257}, {70, 97, 255}, {5, 260, 300}, {66, 33, 3072},
            {MANY, 19, 1}, {FEW, 300, 513},
        };
        for (int[] s : shapes) {
            ByteMatrix q = rows(random, s[0], s[2], 256, 0);
            ByteMatrix r = rows(random, s[1], s[2], 256, s[1] / 4);
            for (Metric metric : Metric.values()) {
                for (int k : new int[] {1, Math.min(10, s[1]), s[1]}) {
                    NeighbourTable table = DistanceEngine.nearest(q, r, DistanceEngine.Options.of(k, metric));
                    assertExact(table, metric, q, r, k, 0, 0);
                }
            }
        }
    }

    @Test
    void coarseValuesForceManyEqualDistancesWhichGoToTheLowerRow() {
        Random random = new Random(7);
        // three grey levels over 40 dims: thousands of exactly equal distances; k crosses the
        // insertion/heap boundary of 32
        ByteMatrix r = rows(random, 400, 40, 3, 60);
        for (int queries : new int[] {FEW, MANY}) {
            ByteMatrix q = rows(random, queries, 40, 3, 0);
            for (Metric metric : Metric.values()) {
                for (int k : new int[] {1, 5, 32, 33, 100, 400}) {
                    for (int threads = 1; threads <= 3; threads++) {
                        NeighbourTable table = DistanceEngine.nearest(q, r,
                                DistanceEngine.Options.of(k, metric).withThreads(threads));
                        assertExact(table, metric, q, r, k, 0, 0);
                    }
                }
            }
        }
    }

    @Test
    void rowsAtEqualDistanceAreOrderedByRow() {
        // query 0 at value 10; references at 12, 8, 10, 8, 12, 10 (one dim): L1 distances 2, 2, 0, 2, 2, 0
        byte[] ref = {12, 8, 10, 8, 12, 10};
        NeighbourTable table = DistanceEngine.nearest(new ByteMatrix(new byte[] {10}, 1, 1),
                new ByteMatrix(ref, 6, 1), DistanceEngine.Options.of(6, Metric.L1));
        assertThat(table.indices()).containsExactly(2, 5, 0, 1, 3, 4);
        assertThat(table.distances()).containsExactly(0, 0, 2, 2, 2, 2);
    }

    @Test
    void exclusionLeavesOutARowRangeAndKeepsOriginalRowNumbers() {
        Random random = new Random(11);
        ByteMatrix data = rows(random, 120, 300, 256, 30);
        ByteMatrix fold = data.copyRows(40, 64);
        assertThat(fold.rows()).isGreaterThanOrEqualTo(DistanceEngine.GEMM_MIN_QUERIES);
        for (Metric metric : Metric.values()) {
            for (int k : new int[] {1, 7, 96}) {
                NeighbourTable table = DistanceEngine.nearest(fold, data,
                        DistanceEngine.Options.of(k, metric).excluding(40, 64));
                assertExact(table, metric, fold, data, k, 40, 64);
                for (int index : table.indices()) {
                    assertThat(index < 40 || index >= 64).as("row %d", index).isTrue();
                }
            }
        }
        // a query excluded from its own search does not find itself (these rows have no duplicates)
        ByteMatrix distinct = rows(random, 50, 300, 256, 0);
        NeighbourTable self = DistanceEngine.nearest(distinct.copyRows(5, 15), distinct,
                DistanceEngine.Options.of(1, Metric.L2).excluding(5, 15));
        for (int q = 0; q < 10; q++) {
            assertThat(self.distance(q, 0)).isPositive();
        }
    }

    @Test
    void cifarSizedRowsAreExactOnEveryPath() {
        // 3,072 dims = 12 blocks of 256
        Random random = new Random(3);
        ByteMatrix r = rows(random, 150, 3072, 256, 20);
        for (int queries : new int[] {3, MANY}) {
            ByteMatrix q = rows(random, queries, 3072, 256, 0);
            for (Metric metric : Metric.values()) {
                assertExact(DistanceEngine.nearest(q, r, DistanceEngine.Options.of(10, metric)), metric, q, r, 10, 0, 0);
            }
        }
        // extreme values: squared distance 3,072 · 255² = 199,756,800 is far above float's exact range
        byte[] black = new byte[3072];
        byte[] white = new byte[3072];
        Arrays.fill(white, (byte) 255);
        for (int queries : new int[] {1, MANY}) {
            byte[] values = new byte[queries * 3072];
            Arrays.fill(values, (byte) 255);
            NeighbourTable extreme = DistanceEngine.nearest(new ByteMatrix(values, queries, 3072),
                    new ByteMatrix(concat(black, white), 2, 3072), DistanceEngine.Options.of(2, Metric.L2));
            assertThat(extreme.index(queries - 1, 0)).isEqualTo(1);
            assertThat(extreme.distance(queries - 1, 0)).isEqualTo(0.0);
            assertThat(extreme.distance(queries - 1, 1)).isEqualTo(Math.sqrt(199_756_800.0));
        }
    }

    @Test
    void directL2AbandoningFarReferencesKeepsExactResultsAndTies() {
        // few queries take the direct L2 kernel, which abandons references whose partial sums already
        // exceed the current k-th best: near copies of the queries come early so that most later rows
        // are abandoned, with exact duplicates (ties to the lower row) before and after, inside and
        // outside the excluded range, and rows equal to a query in all but the first or last dims
        Random random = new Random(99);
        for (int cols : new int[] {3072, 1031}) {
            for (int queries : new int[] {1, 2, 3}) {
                ByteMatrix q = rows(random, queries, cols, 256, 0);
                int refCount = 700;
                byte[] data = rows(random, refCount, cols, 256, 0).data();
                for (int copy = 0; copy < 40; copy++) {
                    int from = random.nextInt(queries);
                    int to = copy < 20 ? copy * 3 : random.nextInt(refCount);
                    System.arraycopy(q.data(), from * cols, data, to * cols, cols);
                    int changes = copy % 4 == 0 ? 0 : 1 + random.nextInt(4);
                    for (int c = 0; c < changes; c++) {
                        int p = copy % 2 == 0 ? random.nextInt(Math.min(cols, 300)) : cols - 1 - random.nextInt(300);
                        data[to * cols + p] = (byte) random.nextInt(256);
                    }
                }
                for (int dup = 0; dup < 60; dup++) {
                    System.arraycopy(data, random.nextInt(60) * cols, data, random.nextInt(refCount) * cols, cols);
                }
                ByteMatrix r = new ByteMatrix(data, refCount, cols);
                for (int k : new int[] {1, 10}) {
                    for (int threads = 1; threads <= 3; threads++) {
                        DistanceEngine.Options options = DistanceEngine.Options.of(k, Metric.L2).withThreads(threads);
                        assertExact(DistanceEngine.nearest(q, r, options), Metric.L2, q, r, k, 0, 0);
                        assertExact(DistanceEngine.nearest(q, r, options.excluding(3, 130)), Metric.L2, q, r, k, 3,
                                130);
                    }
                }
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void distanceMatrixHoldsEveryExactDistanceRoundedToFloat() {
        Random random = new Random(5);
        for (int[] s : new int[][] {{3, 11, 70}, {MANY, 37, 600}}) {
            ByteMatrix q = rows(random, s[0], s[2], 256, 0);
            ByteMatrix r = rows(random, s[1], s[2], 256, 0);
            for (Metric metric : Metric.values()) {
                float[] d = DistanceEngine.distanceMatrix(q, r, metric);
                assertThat(d).hasSize(s[0] * s[1]);
                for (int i = 0; i < s[0]; i++) {
                    for (int j = 0; j < s[1]; j++) {
                        long key = rank(metric, q, i, r, j);
                        float expected = (float) (metric == Metric.L2 ? Math.sqrt(key) : key);
                        assertThat(d[i * s[1] + j]).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void floatRanksMatchADoublePrecisionReferenceWithinTolerance() {
        Random random = new Random(9);
        int cols = 517;
        for (int queries : new int[] {2, MANY}) {
            float[] qd = new float[queries * cols];
            float[] rd = new float[200 * cols];
            for (int i = 0; i < qd.length; i++) {
                qd[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < rd.length; i++) {
                rd[i] = (float) random.nextGaussian();
            }
            FloatMatrix q = new FloatMatrix(qd, queries, cols);
            FloatMatrix r = new FloatMatrix(rd, 200, cols);
            for (Metric metric : Metric.values()) {
                NeighbourTable table = DistanceEngine.nearest(q, r, DistanceEngine.Options.of(20, metric));
                float[] matrix = DistanceEngine.distanceMatrix(q, r, metric);
                for (int i = 0; i < queries; i++) {
                    double[] exact = new double[200];
                    for (int j = 0; j < 200; j++) {
                        double s = 0;
                        for (int p = 0; p < cols; p++) {
                            double d = Math.abs((double) qd[i * cols + p] - rd[j * cols + p]);
                            s = metric == Metric.LINF ? Math.max(s, d) : s + (metric == Metric.L2 ? d * d : d);
                        }
                        exact[j] = metric == Metric.L2 ? Math.sqrt(s) : s;
                        assertThat((double) matrix[i * 200 + j]).isCloseTo(exact[j], within(1e-4 * exact[j] + 1e-5));
                    }
                    double[] sorted = exact.clone();
                    Arrays.sort(sorted);
                    for (int j = 0; j < 20; j++) {
                        // the j-th distance found is the j-th smallest, and the row found lies at that distance
                        double tolerance = 1e-4 * sorted[j] + 1e-5;
                        assertThat(table.distance(i, j)).isCloseTo(sorted[j], within(tolerance));
                        assertThat(exact[table.index(i, j)]).isCloseTo(sorted[j], within(2 * tolerance));
                    }
                }
            }
        }
    }

    @Test
    void floatRowsOfWholeNumbersAgreeWithTheUint8Engine() {
        // L1 and L∞ sums of whole numbers below 2^24 are exact in float, so they match bit for bit;
        // L2 distances agree within float rounding
        Random random = new Random(8);
        for (int queries : new int[] {FEW, MANY}) {
            ByteMatrix q = rows(random, queries, 700, 256, 0);
            ByteMatrix r = rows(random, 90, 700, 256, 10);
            for (Metric metric : Metric.values()) {
                NeighbourTable bytes = DistanceEngine.nearest(q, r, DistanceEngine.Options.of(8, metric));
                NeighbourTable floats = DistanceEngine.nearest(q.toFloat(), r.toFloat(),
                        DistanceEngine.Options.of(8, metric));
                if (metric == Metric.L2) {
                    for (int i = 0; i < queries * 8; i++) {
                        assertThat(floats.distances()[i]).isCloseTo(bytes.distances()[i],
                                within(1e-5 * bytes.distances()[i]));
                    }
                } else {
                    assertThat(floats).isEqualTo(bytes);
                }
            }
        }
    }

    @Test
    void identicalFloatRowsAreAtDistanceExactlyZeroInTheExpandedForm() {
        // large values over 300 dims: squared norms near 10^8, where float rounding is several units
        float[] values = new float[MANY * 300];
        Random random = new Random(2);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 1000f;
        }
        FloatMatrix m = new FloatMatrix(values, MANY, 300);
        NeighbourTable table = DistanceEngine.nearest(m, m, DistanceEngine.Options.of(1, Metric.L2));
        float[] matrix = DistanceEngine.distanceMatrix(m, m, Metric.L2);
        for (int i = 0; i < MANY; i++) {
            assertThat(table.index(i, 0)).isEqualTo(i);
            assertThat(table.distance(i, 0)).isEqualTo(0.0);
            assertThat(matrix[i * MANY + i]).isEqualTo(0f);
        }
    }

    @Test
    void progressCountsQueriesAndReachesTheTotal() {
        Random random = new Random(4);
        ByteMatrix q = rows(random, 2500, 16, 256, 0);
        ByteMatrix r = rows(random, 300, 16, 256, 0);
        List<long[]> updates = new ArrayList<>();
        DistanceEngine.nearest(q, r, DistanceEngine.Options.of(3, Metric.L2)
                .withProgress((done, total, message) -> updates.add(new long[] {done, total})));
        assertThat(updates).hasSizeGreaterThan(1);
        for (int i = 1; i < updates.size(); i++) {
            assertThat(updates.get(i)[0]).isGreaterThan(updates.get(i - 1)[0]);
        }
        assertThat(updates.get(updates.size() - 1)).containsExactly(2500L, 2500L);
    }

    @Test
    void cancellationStopsTheSearchWithACancellationException() {
        Random random = new Random(6);
        ByteMatrix q = rows(random, 64, 256, 256, 0);
        ByteMatrix r = rows(random, 5000, 256, 256, 0);
        AtomicInteger polls = new AtomicInteger();
        AtomicLong progressed = new AtomicLong();
        assertThatThrownBy(() -> DistanceEngine.nearest(q, r, DistanceEngine.Options.of(5, Metric.L1)
                .withCancellation(() -> polls.incrementAndGet() > 3)
                .withProgress((done, total, message) -> progressed.set(done))))
                .isInstanceOf(CancellationException.class);
        // polled before each chunk of references: stopped long before the 5000 / 64 chunks
        assertThat(polls.get()).isBetween(4, 10);
        assertThat(progressed.get()).isZero();
    }

    @Test
    void invalidArgumentsAreRejected() {
        ByteMatrix q = new ByteMatrix(new byte[6], 2, 3);
        ByteMatrix r = new ByteMatrix(new byte[12], 4, 3);
        assertThatThrownBy(() -> DistanceEngine.nearest(q, r, DistanceEngine.Options.of(5, Metric.L2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the 4");
        assertThatThrownBy(() -> DistanceEngine.nearest(q, r, DistanceEngine.Options.of(3, Metric.L2).excluding(1, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the 2");
        assertThatThrownBy(() -> DistanceEngine.nearest(q, r, DistanceEngine.Options.of(1, Metric.L2).excluding(2, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not inside");
        assertThatThrownBy(() -> DistanceEngine.nearest(q, new ByteMatrix(new byte[8], 4, 2),
                DistanceEngine.Options.of(1, Metric.L2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DistanceEngine.Options.of(0, Metric.L2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DistanceEngine.Options.of(1, Metric.L2).withThreads(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ByteMatrix(new byte[5], 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FloatMatrix(new float[] {1f, Float.NaN}, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DistanceEngine.nearest(new ByteMatrix(new byte[0], 0, 3), r, DistanceEngine.Options.of(2, Metric.L1))
                .queries()).isZero();
    }
}
