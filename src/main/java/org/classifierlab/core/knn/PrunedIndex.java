package org.classifierlab.core.knn;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.classifierlab.core.Progress;

/**
 * Exact k nearest neighbours of uint8 images among fixed reference images, equal to
 * {@link DistanceEngine#nearest(ByteMatrix, ByteMatrix, DistanceEngine.Options)} bit for bit (neighbours,
 * distances, ties by ascending reference row), pruned by integer lower bounds from block sums.
 * Immutable once built; {@link #nearest} may run on any threads at once.
 */
public final class PrunedIndex {

    /*
     * Bounds. For any partition of the pixels into blocks B of n_B pixels with sums S_B:
     *   L1:  Σ_B |ΔS_B|            ≤ Σ |Δ|        (triangle inequality per block)
     *   L2²: Σ_B ⌊ΔS_B² / n_B⌋     ≤ Σ Δ²         (Cauchy–Schwarz per block; flooring only lowers it)
     *   L∞:  max_B ⌊|ΔS_B| / n_B⌋  ≤ max |Δ|
     * all in exact int arithmetic (n_B is a power of two, so the division is a shift). Two partitions per
     * channel plane: coarse blocks of up to 8 × 8 pixels (48 values for CIFAR-10) and fine ones of up to
     * 4 × 4 (192 values).
     *
     * Search of one query: the coarse bound of every reference (vectorised over references, which are
     * stored chunk-major for it); the exact keys of the few references of smallest coarse bound give a
     * threshold τ, the current k-th key; then every reference, in row order, whose coarse bound and then
     * fine bound are ≤ τ gets its exact key (abandoned once above τ) and is offered to the top k, which
     * orders by (key, row) and so does not depend on the order of offers. "≤", not "<": a reference at
     * exactly τ with a lower row would still enter. τ only decreases, so nothing skipped could enter.
     */

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final int LANES = INTS.length();
    private static final VectorSpecies<Short> HALF_SHORTS = VectorSpecies.of(short.class,
            VectorShape.forBitSize(INTS.vectorBitSize() / 2));
    /** Rows per unit of work while building. */
    private static final int BUILD_BLOCK = 1024;
    /** Queries per round of a search: progress and cancellation are handled between rounds. */
    private static final int ROUND = 256;
    /** References below which brute force is faster (measured in BENCHMARKS.md). */
    static final int MIN_REFS = 2000;
    /** Pruning is used while k ≤ available references / this (measured in BENCHMARKS.md). */
    static final int MAX_K_SHARE = 20;

    private final ByteMatrix refs;
    private final int channels;
    private final int height;
    private final int width;
    private final Level coarse;
    private final Level fine;
    /** Coarse sums, chunk-major: reference r, block d at {@code ((r / LANES) * coarse.dims + d) * LANES + r % LANES}. */
    private final int[] coarseSums;
    /** Fine sums, reference-major: {@code r * fineStride + d}, padded with zeros to a multiple of the lanes. */
    private final short[] fineSums;
    private final int fineStride;
    private final int paddedRows;

    private PrunedIndex(ByteMatrix refs, int channels, int height, int width, Level coarse, Level fine,
                        int[] coarseSums, short[] fineSums, int fineStride, int paddedRows) {
        this.refs = refs;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.coarse = coarse;
        this.fine = fine;
        this.coarseSums = coarseSums;
        this.fineSums = fineSums;
        this.fineStride = fineStride;
        this.paddedRows = paddedRows;
    }

    /**
     * Builds the index of {@code refs}, rows of {@code channels} planes of {@code height × width} pixels
     * (CHW, as {@code ImageDataset} stores them). The rows are kept, not copied: nobody may write them
     * afterwards. Uses all cores.
     *
     * @param progress  told the number of rows done, on the calling thread
     * @param cancelled polled by every worker between blocks of rows; must be thread-safe
     * @throws IllegalArgumentException if {@code channels · height · width} is not the column count
     * @throws CancellationException    if {@code cancelled} turned true; nothing is returned
     */
    public static PrunedIndex build(ByteMatrix refs, int channels, int height, int width, Progress progress,
                                    BooleanSupplier cancelled) {
        Objects.requireNonNull(refs, "refs");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        if (channels < 1 || height < 1 || width < 1 || (long) channels * height * width != refs.cols()) {
            throw new IllegalArgumentException("rows of " + refs.cols() + " values are not " + channels + " × "
                    + height + " × " + width + " images");
        }
        Level fine = Level.of(channels, height, width, 4);
        Level coarse = Level.of(channels, height, width, 8);
        int rows = refs.rows();
        if (fine.size < 2 || refs.cols() > ExactPair.MAX_COLS) {
            progress.update(rows, rows, "Indexing images");
            return new PrunedIndex(refs, channels, height, width, null, null, null, null, 0, 0);
        }
        int paddedRows = (rows + LANES - 1) / LANES * LANES;
        int[] coarseSums = new int[Math.multiplyExact(paddedRows, coarse.dims)];
        int fineStride = (fine.dims + HALF_SHORTS.length() - 1) / HALF_SHORTS.length() * HALF_SHORTS.length();
        short[] fineSums = new short[Math.multiplyExact(rows, fineStride)];
        int workers = Math.max(1, Math.min(DistanceEngine.defaultThreads(), (rows + BUILD_BLOCK - 1) / BUILD_BLOCK));
        AtomicBoolean stopped = new AtomicBoolean();
        int roundRows = BUILD_BLOCK * workers * 4;
        for (int r0 = 0; r0 < rows; r0 += roundRows) {
            int start = r0;
            int end = Math.min(rows, r0 + roundRows);
            AtomicInteger next = new AtomicInteger(start);
            DistanceEngine.parallel(workers, w -> {
                int[] sums = new int[Math.max(coarse.dims, fine.dims)];
                for (int b = next.getAndAdd(BUILD_BLOCK); b < end; b = next.getAndAdd(BUILD_BLOCK)) {
                    if (stopped.get() || cancelled.getAsBoolean()) {
                        stopped.set(true);
                        return;
                    }
                    for (int r = b; r < Math.min(end, b + BUILD_BLOCK); r++) {
                        coarse.sums(refs.data(), r * refs.cols(), sums);
                        int base = (r / LANES) * coarse.dims * LANES + r % LANES;
                        for (int d = 0; d < coarse.dims; d++) {
                            coarseSums[base + d * LANES] = sums[d];
                        }
                        fine.sums(refs.data(), r * refs.cols(), sums);
                        for (int d = 0; d < fine.dims; d++) {
                            fineSums[r * fineStride + d] = (short) sums[d];
                        }
                    }
                }
            });
            if (stopped.get()) {
                throw new CancellationException("indexing cancelled");
            }
            progress.update(end, rows, "Indexing images");
        }
        return new PrunedIndex(refs, channels, height, width, coarse, fine, coarseSums, fineSums, fineStride,
                paddedRows);
    }

    /** The indexed reference rows. */
    public ByteMatrix refs() {
        return refs;
    }

    /** Whether the images are large enough for block bounds (else every search is brute force). */
    public boolean prunes() {
        return coarse != null;
    }

    /** Bytes held by the index besides the reference rows. */
    public long indexBytes() {
        return coarse == null ? 0 : 4L * coarseSums.length + 2L * fineSums.length;
    }

    /** Whether {@link #nearest} with these options prunes ({@code true}) or runs the brute-force engine. */
    public boolean prunes(DistanceEngine.Options options) {
        int available = refs.rows() - (options.excludeTo() - options.excludeFrom());
        return coarse != null && available >= MIN_REFS && (long) options.k() * MAX_K_SHARE <= available;
    }

    /**
     * The k nearest references of every query, exactly as
     * {@link DistanceEngine#nearest(ByteMatrix, ByteMatrix, DistanceEngine.Options)} with this index's
     * references would give them; brute force where pruning does not pay ({@link #prunes(DistanceEngine.Options)}).
     *
     * @throws IllegalArgumentException as {@code DistanceEngine.nearest}
     * @throws CancellationException    if {@code options.cancelled()} turned true
     */
    public NeighbourTable nearest(ByteMatrix queries, DistanceEngine.Options options) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(options, "options");
        if (queries.cols() != refs.cols()) {
            throw new IllegalArgumentException("queries have " + queries.cols() + " columns, references " + refs.cols());
        }
        return prunes(options) ? pruned(queries, options) : DistanceEngine.nearest(queries, refs, options);
    }

    /** The pruned search whatever the sizes; needs {@link #prunes()}. */
    NeighbourTable pruned(ByteMatrix queries, DistanceEngine.Options options) {
        if (coarse == null) {
            throw new IllegalStateException("images of " + refs.cols() + " values are not indexed");
        }
        if (queries.cols() != refs.cols()) {
            throw new IllegalArgumentException("queries have " + queries.cols() + " columns, references " + refs.cols());
        }
        int n = refs.rows();
        int available = n - (options.excludeTo() - options.excludeFrom());
        if (options.excludeTo() > n) {
            throw new IllegalArgumentException("excluded range [" + options.excludeFrom() + ", "
                    + options.excludeTo() + ") is not inside the " + n + " references");
        }
        int k = options.k();
        if (k > available) {
            throw new IllegalArgumentException("k = " + k + " exceeds the " + available + " references available");
        }
        int count = queries.rows();
        int[] indices = new int[Math.multiplyExact(count, k)];
        double[] distances = new double[indices.length];
        int workers = Math.max(1, Math.min(options.threads(), count));
        Searcher[] searchers = new Searcher[workers];
        AtomicBoolean stopped = new AtomicBoolean();
        BooleanSupplier cancelled = options.cancelled();
        for (int q0 = 0; q0 < count; q0 += ROUND) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("nearest-neighbour search cancelled");
            }
            int end = Math.min(count, q0 + ROUND);
            AtomicInteger next = new AtomicInteger(q0);
            DistanceEngine.parallel(workers, w -> {
                if (searchers[w] == null) {
                    searchers[w] = new Searcher(k, options.metric(), options.excludeFrom(), options.excludeTo());
                }
                Searcher s = searchers[w];
                for (int q = next.getAndIncrement(); q < end; q = next.getAndIncrement()) {
                    if (stopped.get() || cancelled.getAsBoolean()) {
                        stopped.set(true);
                        return;
                    }
                    s.search(queries.data(), q * queries.cols());
                    s.write(indices, distances, q * k);
                }
            });
            if (stopped.get()) {
                throw new CancellationException("nearest-neighbour search cancelled");
            }
            options.progress().update(end, count, "Nearest neighbours");
        }
        return new NeighbourTable(count, k, options.metric(), indices, distances);
    }

    @Override
    public String toString() {
        return "PrunedIndex[" + refs.rows() + " images of " + channels + " × " + height + " × " + width
                + (coarse == null ? ", brute force only" : ", blocks " + coarse + " and " + fine) + "]";
    }

    /**
     * One partition of every channel plane into blocks of {@code bh × bw} pixels (both powers of two
     * dividing the plane's sides). Immutable.
     */
    private static final class Level {
        final int bh;
        final int bw;
        final int size;
        final int shift;
        final int dims;
        /** Block of every column. */
        final int[] blockOf;

        private Level(int channels, int height, int width, int bh, int bw) {
            this.bh = bh;
            this.bw = bw;
            this.size = bh * bw;
            this.shift = Integer.numberOfTrailingZeros(size);
            int across = width / bw;
            int down = height / bh;
            this.dims = channels * across * down;
            this.blockOf = new int[channels * height * width];
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        blockOf[(c * height + y) * width + x] = (c * down + y / bh) * across + x / bw;
                    }
                }
            }
        }

        /** Blocks of at most {@code edge²} pixels: sides the largest powers of two dividing height and width. */
        static Level of(int channels, int height, int width, int edge) {
            int bh = largestPowerOfTwo(height, edge);
            int bw = largestPowerOfTwo(width, edge * edge / bh);
            return new Level(channels, height, width, bh, bw);
        }

        private static int largestPowerOfTwo(int dividing, int atMost) {
            int p = 1;
            while (2 * p <= atMost && dividing % (2 * p) == 0) {
                p *= 2;
            }
            return p;
        }

        /** Writes the block sums of the row at {@code data[offset …]} to {@code out[0 … dims)}. */
        void sums(byte[] data, int offset, int[] out) {
            Arrays.fill(out, 0, dims, 0);
            for (int p = 0; p < blockOf.length; p++) {
                out[blockOf[p]] += data[offset + p] & 0xFF;
            }
        }

        @Override
        public String toString() {
            return bh + "×" + bw;
        }
    }

    /** One thread's scratch space and top k for searching one query at a time. Mutable; one thread. */
    private final class Searcher {
        private final int k;
        private final Metric metric;
        private final int excludeFrom;
        private final int excludeTo;
        private final int seeds;
        private final int[] queryCoarse;
        private final short[] queryFine;
        private final int[] scratch;
        private final int[] bounds;
        private final int[] keys;
        private final int[] rows;
        private final int[] seedBounds;
        private final int[] seedRows;
        private int count;

        Searcher(int k, Metric metric, int excludeFrom, int excludeTo) {
            this.k = k;
            this.metric = metric;
            this.excludeFrom = excludeFrom;
            this.excludeTo = excludeTo;
            int available = refs.rows() - (excludeTo - excludeFrom);
            this.seeds = Math.min(available, 2 * k + 8);
            this.queryCoarse = new int[coarse.dims];
            this.queryFine = new short[fineStride];
            this.scratch = new int[Math.max(coarse.dims, fine.dims)];
            this.bounds = new int[paddedRows];
            this.keys = new int[k];
            this.rows = new int[k];
            this.seedBounds = new int[seeds];
            this.seedRows = new int[seeds];
        }

        /** Finds the k nearest references of the query row at {@code query[offset …]}. */
        void search(byte[] query, int offset) {
            coarse.sums(query, offset, queryCoarse);
            fine.sums(query, offset, scratch);
            for (int d = 0; d < fine.dims; d++) {
                queryFine[d] = (short) scratch[d];
            }
            coarseBounds();
            Arrays.fill(bounds, excludeFrom, excludeTo, Integer.MAX_VALUE);
            Arrays.fill(bounds, refs.rows(), paddedRows, Integer.MAX_VALUE);
            count = 0;
            byte[] data = refs.data();
            int cols = refs.cols();
            int seeded = selectSeeds();
            for (int i = 0; i < seeded; i++) {
                int r = seedRows[i];
                bounds[r] = Integer.MAX_VALUE;
                offer(ExactPair.key(metric, query, offset, data, r * cols, cols, threshold()), r);
            }
            int tau = threshold();
            for (int r0 = 0; r0 < paddedRows; r0 += LANES) {
                VectorMask<Integer> maybe = IntVector.fromArray(INTS, bounds, r0).compare(VectorOperators.LE, tau);
                if (!maybe.anyTrue()) {
                    continue;
                }
                for (long bits = maybe.toLong(); bits != 0; bits &= bits - 1) {
                    int r = r0 + Long.numberOfTrailingZeros(bits);
                    if (bounds[r] <= tau && fineBound(r) <= tau) {
                        offer(ExactPair.key(metric, query, offset, data, r * cols, cols, tau), r);
                        tau = threshold();
                    }
                }
            }
        }

        /** Writes the neighbours found by the last {@link #search} to {@code indices[at …]}, {@code distances[at …]}. */
        void write(int[] indices, double[] distances, int at) {
            for (int j = 0; j < k; j++) {
                indices[at + j] = rows[j];
                distances[at + j] = metric.distanceFromRank(keys[j]);
            }
        }

        /** The key a reference must not exceed to possibly enter the top k. */
        private int threshold() {
            return count < k ? Integer.MAX_VALUE : keys[k - 1];
        }

        /** Inserts (key, row) if it comes before the current k-th in (key, row) order. */
        private void offer(int key, int row) {
            if (count == k && (key > keys[k - 1] || (key == keys[k - 1] && row > rows[k - 1]))) {
                return;
            }
            int pos = count < k ? count++ : k - 1;
            while (pos > 0 && (keys[pos - 1] > key || (keys[pos - 1] == key && rows[pos - 1] > row))) {
                keys[pos] = keys[pos - 1];
                rows[pos] = rows[pos - 1];
                pos--;
            }
            keys[pos] = key;
            rows[pos] = row;
        }

        /** The coarse bound of every reference into {@code bounds}. */
        private void coarseBounds() {
            int dims = coarse.dims;
            int shift = coarse.shift;
            int[] sums = coarseSums;
            for (int c = 0; c < paddedRows / LANES; c++) {
                int base = c * dims * LANES;
                IntVector acc = IntVector.zero(INTS);
                switch (metric) {
                    case L1 -> {
                        for (int d = 0; d < dims; d++) {
                            acc = acc.add(IntVector.fromArray(INTS, sums, base + d * LANES).sub(queryCoarse[d])
                                    .lanewise(VectorOperators.ABS));
                        }
                    }
                    case L2 -> {
                        for (int d = 0; d < dims; d++) {
                            IntVector diff = IntVector.fromArray(INTS, sums, base + d * LANES).sub(queryCoarse[d]);
                            acc = acc.add(diff.mul(diff).lanewise(VectorOperators.LSHR, shift));
                        }
                    }
                    case LINF -> {
                        for (int d = 0; d < dims; d++) {
                            acc = acc.max(IntVector.fromArray(INTS, sums, base + d * LANES).sub(queryCoarse[d])
                                    .lanewise(VectorOperators.ABS));
                        }
                        acc = acc.lanewise(VectorOperators.LSHR, shift);
                    }
                }
                acc.intoArray(bounds, c * LANES);
            }
        }

        /** The fine bound of reference {@code r}. */
        private int fineBound(int r) {
            int base = r * fineStride;
            int shift = fine.shift;
            int step = HALF_SHORTS.length();
            IntVector acc = IntVector.zero(INTS);
            for (int d = 0; d < fineStride; d += step) {
                ShortVector a = ShortVector.fromArray(HALF_SHORTS, fineSums, base + d);
                ShortVector b = ShortVector.fromArray(HALF_SHORTS, queryFine, d);
                IntVector diff = ((IntVector) a.convertShape(VectorOperators.S2I, INTS, 0))
                        .sub((IntVector) b.convertShape(VectorOperators.S2I, INTS, 0));
                acc = switch (metric) {
                    case L1 -> acc.add(diff.lanewise(VectorOperators.ABS));
                    case L2 -> acc.add(diff.mul(diff).lanewise(VectorOperators.LSHR, shift));
                    case LINF -> acc.max(diff.lanewise(VectorOperators.ABS));
                };
            }
            return metric == Metric.LINF ? acc.reduceLanes(VectorOperators.MAX) >>> shift
                    : acc.reduceLanes(VectorOperators.ADD);
        }

        /**
         * The {@code seeds} references of smallest coarse bound (excluded ones have the largest int) into
         * {@code seedRows}, via a bounded max-heap on bounds; returns how many.
         */
        private int selectSeeds() {
            int n = 0;
            int rowsTotal = refs.rows();
            int r = 0;
            for (; r < rowsTotal && n < seeds; r++) {
                if (bounds[r] != Integer.MAX_VALUE) {
                    heapUp(n++, bounds[r], r);
                }
            }
            int top = n == seeds ? seedBounds[0] : Integer.MAX_VALUE;
            int vecStart = Math.min(paddedRows, (r + LANES - 1) / LANES * LANES);
            for (; r < vecStart; r++) {
                if (bounds[r] < top) {
                    heapDown(bounds[r], r);
                    top = seedBounds[0];
                }
            }
            for (int r0 = vecStart; r0 < paddedRows; r0 += LANES) {
                VectorMask<Integer> below = IntVector.fromArray(INTS, bounds, r0).compare(VectorOperators.LT, top);
                if (!below.anyTrue()) {
                    continue;
                }
                for (long bits = below.toLong(); bits != 0; bits &= bits - 1) {
                    int row = r0 + Long.numberOfTrailingZeros(bits);
                    if (bounds[row] < top) {
                        heapDown(bounds[row], row);
                        top = seedBounds[0];
                    }
                }
            }
            return n;
        }

        private void heapUp(int pos, int bound, int row) {
            while (pos > 0) {
                int parent = (pos - 1) >>> 1;
                if (seedBounds[parent] >= bound) {
                    break;
                }
                seedBounds[pos] = seedBounds[parent];
                seedRows[pos] = seedRows[parent];
                pos = parent;
            }
            seedBounds[pos] = bound;
            seedRows[pos] = row;
        }

        /** Replaces the heap's largest bound with (bound, row). */
        private void heapDown(int bound, int row) {
            int pos = 0;
            while (true) {
                int child = 2 * pos + 1;
                if (child >= seeds) {
                    break;
                }
                if (child + 1 < seeds && seedBounds[child + 1] > seedBounds[child]) {
                    child++;
                }
                if (seedBounds[child] <= bound) {
                    break;
                }
                seedBounds[pos] = seedBounds[child];
                seedRows[pos] = seedRows[child];
                pos = child;
            }
            seedBounds[pos] = bound;
            seedRows[pos] = row;
        }
    }
}
