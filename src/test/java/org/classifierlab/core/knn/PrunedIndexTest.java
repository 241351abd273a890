package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.classifierlab.core.Progress;
import org.junit.jupiter.api.Test;

class PrunedIndexTest {

    private static final int[] KS = {1, 2, 3, 5, 8, 13, 21, 34, 50, 100};

    /**
     * Smooth images (random 4 × 4 colour patches blown up to {@code side × side}, plus a little noise) so
     * the bounds prune; every fifth image repeats an earlier one exactly and a run of ten is identical.
     */
    private static ByteMatrix images(int count, int side, long seed) {
        Random random = new Random(seed);
        int cols = 3 * side * side;
        byte[] data = new byte[count * cols];
        for (int i = 0; i < count; i++) {
            if (i % 5 == 4) {
                System.arraycopy(data, random.nextInt(i) * cols, data, i * cols, cols);
                continue;
            }
            if (i >= 20 && i < 30) {
                System.arraycopy(data, 19 * cols, data, i * cols, cols);
                continue;
            }
            int[] patch = new int[3 * 16];
            for (int p = 0; p < patch.length; p++) {
                patch[p] = random.nextInt(256);
            }
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int v = patch[c * 16 + (4 * y / side) * 4 + 4 * x / side] + random.nextInt(9) - 4;
                        data[i * cols + (c * side + y) * side + x] = (byte) Math.max(0, Math.min(255, v));
                    }
                }
            }
        }
        return new ByteMatrix(data, count, cols);
    }

    private static void assertSame(PrunedIndex index, ByteMatrix queries, DistanceEngine.Options options) {
        NeighbourTable expected = DistanceEngine.nearest(queries, index.refs(), options);
        assertThat(index.pruned(queries, options)).as("pruned %s", options).isEqualTo(expected);
        assertThat(index.nearest(queries, options)).as("nearest %s", options).isEqualTo(expected);
    }

    @Test
    void prunedEqualsBruteForceOnSmoothImagesWithDuplicatesAndTies() {
        ByteMatrix refs = images(600, 16, 1);
        ByteMatrix queries = images(40, 16, 2);
        // queries that are reference images: distance 0 to themselves and to their duplicates
        ByteMatrix repeated = refs.copyRows(new int[] {19, 24, 4, 9, 599, 0});
        PrunedIndex index = PrunedIndex.build(refs, 3, 16, 16, Progress.NONE, () -> false);
        assertThat(index.prunes()).isTrue();
        for (Metric metric : Metric.values()) {
            for (int k : KS) {
                assertSame(index, queries, DistanceEngine.Options.of(k, metric));
                assertSame(index, repeated, DistanceEngine.Options.of(k, metric));
            }
        }
    }

    @Test
    void manyIdenticalReferencesTieByRow() {
        // 300 copies of one image and 300 of another: every distance ties within a copy group
        ByteMatrix two = images(2, 8, 3);
        int[] order = new int[600];
        for (int i = 0; i < order.length; i++) {
            order[i] = (i * 7) % 3 == 0 ? 0 : 1;
        }
        ByteMatrix refs = two.copyRows(order);
        PrunedIndex index = PrunedIndex.build(refs, 3, 8, 8, Progress.NONE, () -> false);
        ByteMatrix queries = images(5, 8, 4);
        for (Metric metric : Metric.values()) {
            for (int k : KS) {
                assertSame(index, queries, DistanceEngine.Options.of(k, metric));
                assertSame(index, two, DistanceEngine.Options.of(k, metric).excluding(100, 250));
            }
        }
    }

    /**
     * A reference whose bound equals its exact key (its difference to the query is constant over one
     * 4 × 4 block) ties with later references whose bounds are 0 (differences of both signs in one
     * block); the seeds are the later ones, so the earlier one is found only if bound = τ is checked.
     */
    @Test
    void aReferenceWithBoundEqualToTheThresholdIsStillChecked() {
        int side = 16;
        int cols = 3 * side * side;
        Random random = new Random(13);
        byte[] query = new byte[cols];
        for (int p = 0; p < cols; p++) {
            query[p] = (byte) (60 + random.nextInt(120));
        }
        for (Metric metric : Metric.values()) {
            int step = metric == Metric.L2 ? 2 : 1;
            int rows = 60;
            byte[] data = new byte[rows * cols];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(query, 0, data, r * cols, cols);
            }
            for (int r = 0; r < 5; r++) {
                for (int p = 0; p < cols; p++) {
                    data[r * cols + p] = (byte) random.nextInt(256);
                }
            }
            // row 5: +step on the 4 × 4 block at (0, 0) of channel 0 (for L∞ +16 on the 8 × 8 block)
            int blockSide = metric == Metric.LINF ? 8 : 4;
            int lift = metric == Metric.LINF ? 16 : step;
            for (int y = 0; y < blockSide; y++) {
                for (int x = 0; x < blockSide; x++) {
                    data[5 * cols + y * side + x] += (byte) lift;
                }
            }
            // rows 6…: the same key with alternating signs inside one 4 × 4 block (for L∞ one pixel at +16)
            for (int r = 6; r < rows; r++) {
                if (metric == Metric.LINF) {
                    data[r * cols + side + 1] += 16;
                    continue;
                }
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        data[r * cols + y * side + x] += (byte) ((x + y) % 2 == 0 ? step : -step);
                    }
                }
            }
            ByteMatrix refs = new ByteMatrix(data, rows, cols);
            PrunedIndex index = PrunedIndex.build(refs, 3, side, side, Progress.NONE, () -> false);
            ByteMatrix q = new ByteMatrix(query, 1, cols);
            for (int k : new int[] {1, 2, 20}) {
                DistanceEngine.Options options = DistanceEngine.Options.of(k, metric);
                assertThat(index.pruned(q, options).index(0, 0)).as("%s k=%d", metric, k).isEqualTo(5);
                assertSame(index, q, options);
            }
        }
    }

    /**
     * Like the test above one level finer: row 5's difference to the query cancels partly inside a
     * 4 × 4 block (fine bound below its key) but not inside 2 × 2 blocks (micro bound equal to its key);
     * later rows tie with it on the key, so row 5 is found only if a micro bound equal to τ is checked.
     */
    @Test
    void aReferenceWithMicroBoundEqualToTheThresholdIsStillChecked() {
        int side = 16;
        int cols = 3 * side * side;
        Random random = new Random(17);
        byte[] query = new byte[cols];
        for (int p = 0; p < cols; p++) {
            query[p] = (byte) (60 + random.nextInt(120));
        }
        for (Metric metric : Metric.values()) {
            int rows = 60;
            byte[] data = new byte[rows * cols];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(query, 0, data, r * cols, cols);
            }
            for (int r = 0; r < 5; r++) {
                for (int p = 0; p < cols; p++) {
                    data[r * cols + p] = (byte) random.nextInt(256);
                }
            }
            int step = metric == Metric.L2 ? 2 : 1;
            // row 5: +2·step on one 2 × 2 block, −step on its neighbour (L∞: +16 on one 2 × 2 block)
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    data[5 * cols + y * side + x] += (byte) (metric == Metric.LINF ? 16 : 2 * step);
                    if (metric != Metric.LINF) {
                        data[5 * cols + y * side + x + 2] -= (byte) step;
                    }
                }
            }
            // rows 6…: the same key from 2 × 2 blocks of alternating signs (L∞: one pixel at +16)
            int blocks = metric == Metric.L2 ? 5 : 3;
            for (int r = 6; r < rows; r++) {
                if (metric == Metric.LINF) {
                    data[r * cols + 8 * side + 8] += 16;
                    continue;
                }
                for (int b = 0; b < blocks; b++) {
                    for (int y = 4; y < 6; y++) {
                        for (int x = 2 * b; x < 2 * b + 2; x++) {
                            data[r * cols + y * side + x] += (byte) ((x + y) % 2 == 0 ? step : -step);
                        }
                    }
                }
            }
            ByteMatrix refs = new ByteMatrix(data, rows, cols);
            PrunedIndex index = PrunedIndex.build(refs, 3, side, side, Progress.NONE, () -> false);
            assertThat(index.toString()).contains("2×2");
            ByteMatrix q = new ByteMatrix(query, 1, cols);
            NeighbourTable tie = DistanceEngine.nearest(q, refs.copyRows(new int[] {5, 6}), DistanceEngine.Options.of(2, metric));
            assertThat(tie.distance(0, 0)).as("%s: rows 5 and 6 tie", metric).isPositive().isEqualTo(tie.distance(0, 1));
            for (int k : new int[] {1, 2, 20}) {
                DistanceEngine.Options options = DistanceEngine.Options.of(k, metric);
                assertThat(index.pruned(q, options).index(0, 0)).as("%s k=%d", metric, k).isEqualTo(5);
                assertSame(index, q, options);
            }
        }
    }

    /**
     * Images that differ from a grey 3 × 16 × 16 image only in 40 pixels, by small amounts: the principal axes
     * span every difference, so the projection bounds equal the exact keys up to float rounding, and exact
     * ties (keys are small integers) are everywhere.
     */
    private static ByteMatrix lowRank(int count, long seed) {
        Random random = new Random(seed);
        int cols = 3 * 16 * 16;
        int[] varying = new int[40];
        Random where = new Random(99);
        for (int i = 0; i < varying.length; i++) {
            varying[i] = where.nextInt(cols);
        }
        byte[] data = new byte[count * cols];
        java.util.Arrays.fill(data, (byte) 128);
        for (int r = 0; r < count; r++) {
            for (int p : varying) {
                data[r * cols + p] = (byte) (128 + random.nextInt(7) - 3);
            }
        }
        return new ByteMatrix(data, count, cols);
    }

    private static int squaredL2(ByteMatrix a, int i, ByteMatrix b, int j) {
        int s = 0;
        for (int p = 0; p < a.cols(); p++) {
            int d = (a.data()[i * a.cols() + p] & 0xFF) - (b.data()[j * b.cols() + p] & 0xFF);
            s += d * d;
        }
        return s;
    }

    /**
     * Where the projection bound is tight, float rounding lifts some computed bounds above the exact key: a
     * search that compared them with τ directly would drop true neighbours. Every bound stays within the
     * limit the search uses for that key, and the search equals brute force, ties at τ included.
     */
    @Test
    void projectionBoundsStayBelowTheirLimitWhereRoundingMatters() {
        ByteMatrix refs = lowRank(400, 21);
        ByteMatrix queries = lowRank(30, 22);
        PrunedIndex index = PrunedIndex.build(refs, 3, 16, 16, Progress.NONE, () -> false);
        Projection projection = index.projection();
        assertThat(projection).isNotNull();
        int above = 0;
        for (ByteMatrix q : new ByteMatrix[] {queries, refs.copyRows(0, 30)}) {
            for (int i = 0; i < q.rows(); i++) {
                for (int r = 0; r < refs.rows(); r++) {
                    int key = squaredL2(q, i, refs, r);
                    int[] bounds = projection.bounds(q.data(), i * q.cols(), r);
                    assertThat(bounds[0]).as("scan bound of query %d, reference %d, key %d", i, r, key)
                            .isLessThanOrEqualTo(projection.scanLimit(key));
                    assertThat(bounds[1]).as("fine bound of query %d, reference %d, key %d", i, r, key)
                            .isLessThanOrEqualTo(projection.fineLimit(key));
                    if (Float.intBitsToFloat(bounds[1]) > key) {
                        above++;
                    }
                }
            }
        }
        assertThat(above).as("computed bounds above the exact key").isPositive();
        for (int k : KS) {
            assertSame(index, queries, DistanceEngine.Options.of(k, Metric.L2));
            assertSame(index, refs.copyRows(0, 10), DistanceEngine.Options.of(k, Metric.L2).excluding(0, 5));
            assertSame(index, queries.copyRows(3, 4), DistanceEngine.Options.of(k, Metric.L2));
        }
    }

    /** With the projection, L2 pruning pays for K = 100 (brute force is not forced above {@link PrunedIndex#L2_MAX_K}). */
    @Test
    void withTheProjectionL2PrunesHighK() {
        ByteMatrix refs = images(PrunedIndex.MIN_REFS * PrunedIndex.MAX_K_SHARE / 10, 8, 23);
        PrunedIndex index = PrunedIndex.build(refs, 3, 8, 8, Progress.NONE, () -> false);
        assertThat(index.projection()).isNotNull();
        assertThat(index.toString()).contains("principal axes");
        DistanceEngine.Options hundred = DistanceEngine.Options.of(100, Metric.L2);
        assertThat(index.prunes(hundred)).isTrue();
        assertThat(PrunedIndex.pays(Metric.L2, 100, 40_000)).isTrue();
        assertThat(PrunedIndex.pays(Metric.L2, 100, 40_000, 1000, false)).isFalse();
        assertSame(index, images(25, 8, 24), hundred);
    }

    @Test
    void anExcludedRangeIsLeftOutAndRowNumbersKept() {
        ByteMatrix refs = images(500, 8, 5);
        PrunedIndex index = PrunedIndex.build(refs, 3, 8, 8, Progress.NONE, () -> false);
        ByteMatrix queries = refs.copyRows(100, 140);
        for (Metric metric : Metric.values()) {
            for (int k : new int[] {1, 10, 50}) {
                DistanceEngine.Options options = DistanceEngine.Options.of(k, metric).excluding(100, 200);
                assertSame(index, queries, options);
                NeighbourTable t = index.pruned(queries, options);
                for (int i : t.indices()) {
                    assertThat(i < 100 || i >= 200).as("row %d", i).isTrue();
                }
            }
            // the excluded range at either end, and k equal to all the references left
            assertSame(index, queries, DistanceEngine.Options.of(5, metric).excluding(0, 120));
            assertSame(index, queries, DistanceEngine.Options.of(5, metric).excluding(400, 500));
            assertSame(index, queries.copyRows(0, 3), DistanceEngine.Options.of(20, metric).excluding(20, 500));
        }
    }

    @Test
    void uniformRandomBytesOfOddShapesAndOneThread() {
        Random random = new Random(6);
        for (int[] shape : new int[][] {{1, 28, 28}, {3, 6, 10}, {1, 1, 200}, {3, 12, 4}}) {
            int cols = shape[0] * shape[1] * shape[2];
            byte[] r = new byte[300 * cols];
            byte[] q = new byte[7 * cols];
            random.nextBytes(r);
            random.nextBytes(q);
            // a few coarse values so exact ties are common
            for (int i = 0; i < r.length; i += 3) {
                r[i] &= (byte) 0xC0;
            }
            ByteMatrix refs = new ByteMatrix(r, 300, cols);
            PrunedIndex index = PrunedIndex.build(refs, shape[0], shape[1], shape[2], Progress.NONE, () -> false);
            assertThat(index.prunes()).isTrue();
            for (Metric metric : Metric.values()) {
                for (int k : new int[] {1, 4, 50}) {
                    assertSame(index, new ByteMatrix(q, 7, cols), DistanceEngine.Options.of(k, metric).withThreads(1));
                }
            }
        }
    }

    @Test
    void realCifarRowsGiveTheBruteForceTable() throws IOException {
        String shared = System.getProperty("classifierlab.sharedData");
        assumeTrue(shared != null, "classifierlab.sharedData is not set");
        Path dir = Path.of(shared, "cifar-10-batches-bin");
        assumeTrue(Files.isRegularFile(dir.resolve("data_batch_1.bin")) && Files.isRegularFile(dir.resolve("test_batch.bin")),
                dir + " is absent");
        ByteMatrix refs = cifarPixels(dir.resolve("data_batch_1.bin"));
        ByteMatrix queries = cifarPixels(dir.resolve("test_batch.bin")).copyRows(0, 30);
        PrunedIndex index = PrunedIndex.build(refs, 3, 32, 32, Progress.NONE, () -> false);
        for (Metric metric : Metric.values()) {
            for (int k : new int[] {1, 10, 50, 100}) {
                assertSame(index, queries, DistanceEngine.Options.of(k, metric));
            }
            assertSame(index, refs.copyRows(2000, 2020), DistanceEngine.Options.of(7, metric).excluding(2000, 4000));
            assertSame(index, refs.copyRows(6000, 6016), DistanceEngine.Options.of(100, metric).excluding(6000, 8000));
        }
    }

    /**
     * One query at a time on two threads (the gallery's path: the references are split and the lists merged),
     * real CIFAR rows, every metric and K from 1 to 50; among the queries a training image and an exact copy of
     * it, so distance 0 ties with itself across the split.
     */
    @Test
    void singleRealCifarQueriesOnTwoThreadsGiveTheBruteForceTable() throws IOException {
        String shared = System.getProperty("classifierlab.sharedData");
        assumeTrue(shared != null, "classifierlab.sharedData is not set");
        Path dir = Path.of(shared, "cifar-10-batches-bin");
        assumeTrue(Files.isRegularFile(dir.resolve("data_batch_1.bin")) && Files.isRegularFile(dir.resolve("test_batch.bin")),
                dir + " is absent");
        ByteMatrix batch = cifarPixels(dir.resolve("data_batch_1.bin"));
        // row 7 repeated at 6,000 (the other half of a two-way split): distance 0 twice
        byte[] data = batch.data().clone();
        System.arraycopy(data, 7 * 3072, data, 6000 * 3072, 3072);
        ByteMatrix refs = new ByteMatrix(data, batch.rows(), 3072);
        ByteMatrix tests = cifarPixels(dir.resolve("test_batch.bin"));
        PrunedIndex index = PrunedIndex.build(refs, 3, 32, 32, Progress.NONE, () -> false);
        List<ByteMatrix> queries = new ArrayList<>();
        for (int q : new int[] {0, 1, 2, 3, 4, 5}) {
            queries.add(tests.copyRows(q, q + 1));
        }
        queries.add(refs.copyRows(7, 8));
        for (Metric metric : Metric.values()) {
            for (int k = 1; k <= 50; k += k < 10 ? 1 : 7) {
                for (ByteMatrix q : queries) {
                    assertSame(index, q, DistanceEngine.Options.of(k, metric).withThreads(2));
                }
            }
        }
        NeighbourTable self = index.pruned(refs.copyRows(7, 8), DistanceEngine.Options.of(3, Metric.L1).withThreads(2));
        assertThat(new int[] {self.index(0, 0), self.index(0, 1)}).containsExactly(7, 6000);
        assertThat(self.distance(0, 1)).isZero();
    }

    /**
     * The L1 levels over all channels of a block (4 × 4 × 3, 2 × 2 × 3) cancel a +1 in one channel against a −1
     * in another; the per-channel 2 × 2 level and the key do not. Rows whose colour bounds are 0 must still be
     * ordered by their exact keys, and one whose colour bounds equal τ must still be checked.
     */
    @Test
    void colourLevelsCancellingAcrossChannelsStayExact() {
        int side = 16;
        int cols = 3 * side * side;
        int plane = side * side;
        Random random = new Random(23);
        byte[] query = new byte[cols];
        for (int p = 0; p < cols; p++) {
            query[p] = (byte) (60 + random.nextInt(120));
        }
        int rows = 80;
        byte[] data = new byte[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(query, 0, data, r * cols, cols);
        }
        for (int r = 0; r < 5; r++) {
            for (int p = 0; p < cols; p++) {
                data[r * cols + p] = (byte) random.nextInt(256);
            }
        }
        // row 5: +1 on a 2 × 2 block in all three channels: key 12, every bound 12
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    data[5 * cols + c * plane + y * side + x] += 1;
                }
            }
        }
        // rows 6…: +1 in red, −1 in green at 6 pixels (key 12, colour bounds 0), then r − 6 more pixels of +1 in
        // blue at rows ≥ 40 (keys 13 …)
        for (int r = 6; r < rows; r++) {
            for (int i = 0; i < 6; i++) {
                int at = (4 + i) * side + 8;
                data[r * cols + at] += 1;
                data[r * cols + plane + at] -= 1;
            }
            for (int i = 0; r >= 40 && i < r - 39; i++) {
                data[r * cols + 2 * plane + (10 + i / 8) * side + 8 + i % 8] += 1;
            }
        }
        ByteMatrix refs = new ByteMatrix(data, rows, cols);
        PrunedIndex index = PrunedIndex.build(refs, 3, side, side, Progress.NONE, () -> false);
        assertThat(index.toString()).contains("over all channels");
        ByteMatrix q = new ByteMatrix(query, 1, cols);
        assertThat(DistanceEngine.nearest(q, refs.copyRows(new int[] {5, 6}), DistanceEngine.Options.of(2, Metric.L1))
                .distance(0, 1)).isEqualTo(12);
        for (int k = 1; k <= 50; k++) {
            DistanceEngine.Options options = DistanceEngine.Options.of(k, Metric.L1);
            assertThat(index.pruned(q, options).index(0, 0)).as("k=%d", k).isEqualTo(5);
            assertSame(index, q, options);
            assertSame(index, q, options.withThreads(2));
            assertSame(index, q, options.withThreads(1));
        }
    }

    @Test
    void warmingUpChangesNoResultAndStopsWhenCancelled() {
        ByteMatrix refs = images(600, 16, 31);
        ByteMatrix queries = images(6, 16, 32);
        PrunedIndex index = PrunedIndex.build(refs, 3, 16, 16, Progress.NONE, () -> false);
        AtomicInteger polls = new AtomicInteger();
        index.warmUp(1000, () -> polls.incrementAndGet() > 3);
        assertThat(polls.get()).as("polled until cancelled, then stopped").isLessThan(40);
        index.warmUp(3, () -> false);
        for (Metric metric : Metric.values()) {
            assertSame(index, queries, DistanceEngine.Options.of(5, metric));
            assertSame(index, queries.copyRows(0, 1), DistanceEngine.Options.of(50, metric));
        }
    }

    @Test
    void searchesSideBySideGiveEachSearchsTableAndCancellationReturnsNothing() {
        ByteMatrix refs = images(2400, 16, 41);
        ByteMatrix queries = images(3, 16, 42);
        PrunedIndex index = PrunedIndex.build(refs, 3, 16, 16, Progress.NONE, () -> false);
        for (int q = 0; q < 3; q++) {
            ByteMatrix one = queries.copyRows(q, q + 1);
            List<DistanceEngine.Options> each = List.of(DistanceEngine.Options.of(50, Metric.L1).withThreads(2),
                    DistanceEngine.Options.of(50, Metric.L2).withThreads(2).excluding(100, 101),
                    DistanceEngine.Options.of(7, Metric.LINF).withThreads(2));
            List<NeighbourTable> found = index.nearestEach(one, each);
            assertThat(found).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(found.get(i)).isEqualTo(DistanceEngine.nearest(one, refs, each.get(i)));
            }
        }
        assertThat(index.nearestEach(queries, List.of())).isEmpty();
        assertThatThrownBy(() -> index.nearestEach(queries.copyRows(0, 1), List.of(
                DistanceEngine.Options.of(5, Metric.L1).withThreads(2),
                DistanceEngine.Options.of(5, Metric.L2).withThreads(2).withCancellation(() -> true))))
                .isInstanceOf(CancellationException.class);
    }

    /** The images of a CIFAR-10 binary batch, label bytes dropped. */
    private static ByteMatrix cifarPixels(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        int rows = raw.length / 3073;
        byte[] pixels = new byte[rows * 3072];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(raw, r * 3073 + 1, pixels, r * 3072, 3072);
        }
        return new ByteMatrix(pixels, rows, 3072);
    }

    @Test
    void smallSetsHighKAndUnsplittableImagesFallBackToBruteForce() {
        ByteMatrix refs = images(PrunedIndex.MIN_REFS, 8, 7);
        PrunedIndex index = PrunedIndex.build(refs, 3, 8, 8, Progress.NONE, () -> false);
        assertThat(index.prunes(DistanceEngine.Options.of(1, Metric.L2))).isTrue();
        assertThat(index.prunes(DistanceEngine.Options.of(1, Metric.L2).excluding(0, 1))).isFalse();
        assertThat(index.prunes(DistanceEngine.Options.of(PrunedIndex.MIN_REFS / PrunedIndex.MAX_K_SHARE, Metric.L1)))
                .isTrue();
        assertThat(index.prunes(DistanceEngine.Options.of(PrunedIndex.MIN_REFS / PrunedIndex.MAX_K_SHARE + 1,
                Metric.L1))).isFalse();
        ByteMatrix big = images(PrunedIndex.MIN_REFS * PrunedIndex.L2_MAX_K, 2, 8);
        PrunedIndex large = PrunedIndex.build(big, 3, 2, 2, Progress.NONE, () -> false);
        assertThat(large.prunes(DistanceEngine.Options.of(PrunedIndex.L2_MAX_K, Metric.L2))).isTrue();
        assertThat(large.prunes(DistanceEngine.Options.of(PrunedIndex.L2_MAX_K + 1, Metric.L2))).isFalse();
        assertThat(large.prunes(DistanceEngine.Options.of(PrunedIndex.L2_MAX_K + 1, Metric.L1))).isTrue();
        ByteMatrix queries = images(3, 8, 8);
        DistanceEngine.Options many = DistanceEngine.Options.of(PrunedIndex.MIN_REFS / PrunedIndex.MAX_K_SHARE + 1, Metric.L2);
        assertThat(index.nearest(queries, many)).isEqualTo(DistanceEngine.nearest(queries, refs, many));

        // one-pixel images cannot be split into blocks: brute force only
        ByteMatrix pixels = new ByteMatrix(new byte[] {5, 1, 9, 1, 3}, 5, 1);
        PrunedIndex flat = PrunedIndex.build(pixels, 1, 1, 1, Progress.NONE, () -> false);
        assertThat(flat.prunes()).isFalse();
        assertThat(flat.indexBytes()).isZero();
        DistanceEngine.Options two = DistanceEngine.Options.of(2, Metric.L1);
        assertThat(flat.nearest(pixels, two)).isEqualTo(DistanceEngine.nearest(pixels, pixels, two));
        assertThatThrownBy(() -> flat.pruned(pixels, two)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void buildReportsProgressAndCancellationLeavesNoIndex() {
        ByteMatrix refs = images(5000, 8, 9);
        List<Long> done = new ArrayList<>();
        PrunedIndex index = PrunedIndex.build(refs, 3, 8, 8, (d, total, m) -> {
            assertThat(total).isEqualTo(5000);
            done.add(d);
        }, () -> false);
        assertThat(done).isNotEmpty().isSorted().endsWith(5000L);
        assertThat(index.indexBytes()).isPositive();
        AtomicInteger polls = new AtomicInteger();
        PrunedIndex[] built = new PrunedIndex[1];
        assertThatThrownBy(() -> built[0] = PrunedIndex.build(refs, 3, 8, 8, Progress.NONE,
                () -> polls.incrementAndGet() > 2)).isInstanceOf(CancellationException.class);
        assertThat(built[0]).isNull();
    }

    @Test
    void searchCancellationThrowsAndProgressCountsQueries() {
        ByteMatrix refs = images(600, 8, 10);
        PrunedIndex index = PrunedIndex.build(refs, 3, 8, 8, Progress.NONE, () -> false);
        ByteMatrix queries = images(600, 8, 11);
        List<Long> done = new ArrayList<>();
        index.pruned(queries, DistanceEngine.Options.of(3, Metric.L1).withProgress((d, total, m) -> done.add(d)));
        assertThat(done).endsWith(600L).isSorted();
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> index.pruned(queries, DistanceEngine.Options.of(3, Metric.L2)
                .withCancellation(() -> polls.incrementAndGet() > 50))).isInstanceOf(CancellationException.class);
    }

    @Test
    void badArgumentsAreRejected() {
        ByteMatrix refs = images(50, 8, 12);
        assertThatThrownBy(() -> PrunedIndex.build(refs, 3, 8, 7, Progress.NONE, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 × 8 × 7");
        PrunedIndex index = PrunedIndex.build(refs, 3, 8, 8, Progress.NONE, () -> false);
        assertThatThrownBy(() -> index.pruned(new ByteMatrix(new byte[10], 1, 10), DistanceEngine.Options.of(1, Metric.L2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("columns");
        assertThatThrownBy(() -> index.pruned(refs, DistanceEngine.Options.of(41, Metric.L2).excluding(0, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> index.pruned(refs, DistanceEngine.Options.of(1, Metric.L2).excluding(0, 51)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not inside");
    }
}
