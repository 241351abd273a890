package org.classifierlab.core.knn;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jdk.incubator.vector.DoubleVector;
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
 * distances, ties by ascending reference row), pruned by lower bounds: integer block sums for L1 and L∞,
 * and for L2 an orthonormal projection onto principal axes plus the residual's length ({@link Projection},
 * float with a proven rounding allowance; block sums where the images are too small for it).
 * Immutable once built; {@link #nearest} may run on any threads at once.
 */
public final class PrunedIndex {

    /*
     * Bounds. For any partition of the pixels into blocks B of n_B pixels with sums S_B:
     *   L1:  Σ_B |ΔS_B|            ≤ Σ |Δ|        (triangle inequality per block)
     *   L2²: Σ_B ⌊ΔS_B² / n_B⌋     ≤ Σ Δ²         (Cauchy–Schwarz per block; flooring only lowers it)
     *   L∞:  max_B ⌊|ΔS_B| / n_B⌋  ≤ max |Δ|
     * all in exact int arithmetic (n_B is a power of two, so the division is a shift). Three partitions per
     * channel plane: coarse blocks of up to 8 × 8 pixels (48 values for CIFAR-10), fine ones of up to
     * 4 × 4 (192 values) and micro ones of up to 2 × 2 (768 values; left out where they are not finer).
     *
     * Search: the coarse bound of every reference (vectorised over references, stored chunk-major for it;
     * GROUP queries per pass, L2 of a group as ‖S_q‖² + ‖S_r‖² − 2 S_q·S_r with double FMAs, exact because
     * every term is an integer below 2^53). The seeds (smallest coarse bounds) are checked in ascending fine
     * bound to get τ, the current k-th key; then every reference whose coarse and then fine bound are ≤ τ
     * is collected, sorted by fine bound and checked (micro bound, then the exact key abandoned once above
     * τ; a micro bound above τ skips the row unread) until a fine bound exceeds τ. The top k orders by (key, row), so the order of offers cannot change it. "≤", not "<":
     * a reference at exactly τ with a lower row would still enter. τ only decreases, so nothing skipped
     * could enter. One query on several threads splits the references and merges the lists.
     *
     * L2 with a projection (decision 0014): the coarse level is the projection's scan bound (64 leading
     * axes + residual, float, chunk-major, 8 queries per pass), the fine level its 128-axis bound, both as
     * float bits (non-negative floats order like their bits) compared with Projection's limit T(τ) instead
     * of τ itself; T(τ) ≥ every bound a key ≤ τ can have after rounding, so the same "≤" argument holds.
     * No micro gate there: after the 128-axis bound it cost more than it saved (K = 100, BENCHMARKS.md).
     *
     * L1 of colour images (decision 0017): the coarse and fine levels are blocks taking all channels of a
     * pixel block (4 × 4 × 3 and 2 × 2 × 3 for CIFAR-10; Σ_g |ΔS_g| ≤ ‖Δ‖₁ holds for any grouping), then the
     * per-channel 2 × 2 gate. L1 bounds over short sums are added in short lanes where no lane can overflow.
     */

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final int LANES = INTS.length();
    private static final VectorSpecies<Double> DOUBLES = VectorSpecies.of(double.class, INTS.vectorShape());
    private static final VectorSpecies<Integer> HALF_INTS = VectorSpecies.of(int.class,
            VectorShape.forBitSize(INTS.vectorBitSize() / 2));
    /** Seeds (references of smallest coarse bound, checked first) per k + 8 neighbours. */
    private static final int SEED_FACTOR = 4;
    /** Queries whose coarse bounds are computed in one pass over the references. */
    private static final int GROUP = 8;
    private static final VectorSpecies<Short> HALF_SHORTS = VectorSpecies.of(short.class,
            VectorShape.forBitSize(INTS.vectorBitSize() / 2));
    private static final VectorSpecies<Short> SHORTS = VectorSpecies.of(short.class, INTS.vectorShape());
    /** Rows per unit of work while building. */
    private static final int BUILD_BLOCK = 1024;
    /** Queries per round of a search: progress and cancellation are handled between rounds. */
    private static final int ROUND = 256;
    /** References below which the index is not used: at 2,000 it still paid for small k (BENCHMARKS.md). */
    static final int MIN_REFS = 2000;
    /** Pruning is used while k ≤ available references / this (measured in BENCHMARKS.md). */
    static final int MAX_K_SHARE = 20;
    /**
     * Largest k pruned under L2, whose brute force (a blocked matrix product) is the fastest: at 40,000
     * references k = 100 pruned took 3.4 times as long as brute force, k = 10 half as long.
     */
    static final int L2_MAX_K = 40;
    /** Counts of fine bounds, micro bounds and exact keys computed, when counting is on (for measurements). */
    static final java.util.concurrent.atomic.LongAdder[] COUNT = {new java.util.concurrent.atomic.LongAdder(),
        new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder()};
    static boolean counting;

    private final ByteMatrix refs;
    private final int channels;
    private final int height;
    private final int width;
    private final Level coarse;
    private final Level fine;
    /**
     * Coarse sums (at most 64 · 255, so they fit a short), chunk-major: reference r, block d at
     * {@code ((r / LANES) * coarse.dims + d) * LANES + r % LANES}.
     */
    private final short[] coarseSums;
    /** Squared norm of every reference's coarse sums (padded rows 0). */
    private final double[] coarseNorms;
    /** Fine sums, reference-major: {@code r * fineStride + d}, padded with zeros to a multiple of the lanes. */
    private final short[] fineSums;
    private final int fineStride;
    /** Blocks of up to 2 × 2 pixels, checked just before the exact key; null where they are not finer. */
    private final Level micro;
    /** Micro sums, reference-major: {@code r * microStride + d}, padded with zeros like the fine sums. */
    private final short[] microSums;
    private final int microStride;
    private final int paddedRows;
    /** The L2 levels (principal axes and residual); null where the rows are too short or too few. */
    private final Projection projection;
    /**
     * L1 levels whose blocks take all channels of a pixel block together (4 × 4 × 3 and 2 × 2 × 3 values for
     * CIFAR-10): tighter for L1 than per-channel blocks of as many sums, since colour channels mostly differ
     * the same way (decision 0017). Null for one-channel images, where they would equal the others.
     */
    private final Level colourCoarse;
    /** Colour coarse sums, chunk-major like {@link #coarseSums}. */
    private final short[] colourCoarseSums;
    private final Level colourFine;
    /** Colour fine sums, reference-major like {@link #fineSums}. */
    private final short[] colourFineSums;
    private final int colourFineStride;
    /** Searchers of finished searches, reused so that one query does not allocate its scratch space again. */
    private final ConcurrentLinkedQueue<Searcher> spare = new ConcurrentLinkedQueue<>();
    private static final int SPARE = 8;

    private PrunedIndex(ByteMatrix refs, int channels, int height, int width, Level coarse, Level fine,
                        short[] coarseSums, double[] coarseNorms, short[] fineSums,
                        int fineStride, Level micro, short[] microSums, int microStride, int paddedRows,
                        Projection projection, Level colourCoarse, short[] colourCoarseSums, Level colourFine,
                        short[] colourFineSums, int colourFineStride) {
        this.refs = refs;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.coarse = coarse;
        this.fine = fine;
        this.coarseSums = coarseSums;
        this.coarseNorms = coarseNorms;
        this.fineSums = fineSums;
        this.fineStride = fineStride;
        this.micro = micro;
        this.microSums = microSums;
        this.microStride = microStride;
        this.paddedRows = paddedRows;
        this.projection = projection;
        this.colourCoarse = colourCoarse;
        this.colourCoarseSums = colourCoarseSums;
        this.colourFine = colourFine;
        this.colourFineSums = colourFineSums;
        this.colourFineStride = colourFineStride;
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
            return new PrunedIndex(refs, channels, height, width, null, null, null, null, null, 0, null, null, 0, 0,
                    null, null, null, null, null, 0);
        }
        int paddedRows = (rows + LANES - 1) / LANES * LANES;
        short[] coarseSums = new short[Math.multiplyExact(paddedRows, coarse.dims)];
        double[] coarseNorms = new double[paddedRows];
        int fineStride = (fine.dims + HALF_SHORTS.length() - 1) / HALF_SHORTS.length() * HALF_SHORTS.length();
        short[] fineSums = new short[Math.multiplyExact(rows, fineStride)];
        Level finest = Level.of(channels, height, width, 2);
        Level micro = finest.dims > fine.dims && finest.size >= 2 ? finest : null;
        int microStride = micro == null ? 0
                : (micro.dims + HALF_SHORTS.length() - 1) / HALF_SHORTS.length() * HALF_SHORTS.length();
        short[] microSums = micro == null ? null : new short[Math.multiplyExact(rows, microStride)];
        Level colourCoarse = channels > 1 ? Level.grouped(channels, height, width, 4) : null;
        Level colourFine = channels > 1 ? Level.grouped(channels, height, width, 2) : null;
        boolean colour = colourCoarse != null && colourFine.dims > colourCoarse.dims && colourCoarse.dims >= 2
                && (long) colourCoarse.size * 255 <= Short.MAX_VALUE;
        if (!colour) {
            colourCoarse = null;
            colourFine = null;
        }
        short[] colourCoarseSums = colour ? new short[Math.multiplyExact(paddedRows, colourCoarse.dims)] : null;
        int colourFineStride = colour ? (colourFine.dims + HALF_SHORTS.length() - 1) / HALF_SHORTS.length()
                * HALF_SHORTS.length() : 0;
        short[] colourFineSums = colour ? new short[Math.multiplyExact(rows, colourFineStride)] : null;
        Level cc = colourCoarse;
        Level cf = colourFine;
        Level smallest = micro != null ? micro : fine;
        int[] toCoarse = coarse.parents(smallest);
        int[] toFine = fine.parents(smallest);
        int[] toColourCoarse = cc == null ? null : cc.parents(smallest);
        int[] toColourFine = cf == null ? null : cf.parents(smallest);
        int workers = Math.max(1, Math.min(DistanceEngine.defaultThreads(), (rows + BUILD_BLOCK - 1) / BUILD_BLOCK));
        AtomicBoolean stopped = new AtomicBoolean();
        int roundRows = BUILD_BLOCK * workers * 4;
        for (int r0 = 0; r0 < rows; r0 += roundRows) {
            int start = r0;
            int end = Math.min(rows, r0 + roundRows);
            AtomicInteger next = new AtomicInteger(start);
            DistanceEngine.parallel(workers, w -> {
                int[] sums = new int[Math.max(Math.max(coarse.dims, micro == null ? fine.dims : micro.dims),
                        cf == null ? 0 : cf.dims)];
                int[] baseSums = new int[smallest.dims];
                for (int b = next.getAndAdd(BUILD_BLOCK); b < end; b = next.getAndAdd(BUILD_BLOCK)) {
                    if (stopped.get() || cancelled.getAsBoolean()) {
                        stopped.set(true);
                        return;
                    }
                    for (int r = b; r < Math.min(end, b + BUILD_BLOCK); r++) {
                        // every level from the finest one's sums: far fewer additions than from the pixels
                        smallest.sums(refs.data(), r * refs.cols(), baseSums);
                        coarse.sumsFrom(toCoarse, baseSums, refs.data(), r * refs.cols(), sums);
                        int base = (r / LANES) * coarse.dims * LANES + r % LANES;
                        double norm = 0;
                        for (int d = 0; d < coarse.dims; d++) {
                            coarseSums[base + d * LANES] = (short) sums[d];
                            norm += (double) sums[d] * sums[d];
                        }
                        coarseNorms[r] = norm;
                        fine.sumsFrom(toFine, baseSums, refs.data(), r * refs.cols(), sums);
                        for (int d = 0; d < fine.dims; d++) {
                            fineSums[r * fineStride + d] = (short) sums[d];
                        }
                        if (micro != null) {
                            for (int d = 0; d < micro.dims; d++) {
                                microSums[r * microStride + d] = (short) baseSums[d];
                            }
                        }
                        if (cc != null) {
                            cc.sumsFrom(toColourCoarse, baseSums, refs.data(), r * refs.cols(), sums);
                            int cbase = (r / LANES) * cc.dims * LANES + r % LANES;
                            for (int d = 0; d < cc.dims; d++) {
                                colourCoarseSums[cbase + d * LANES] = (short) sums[d];
                            }
                            cf.sumsFrom(toColourFine, baseSums, refs.data(), r * refs.cols(), sums);
                            for (int d = 0; d < cf.dims; d++) {
                                colourFineSums[r * colourFineStride + d] = (short) sums[d];
                            }
                        }
                    }
                }
            });
            if (stopped.get()) {
                throw new CancellationException("indexing cancelled");
            }
            progress.update(end, rows, "Indexing images");
        }
        Projection projection = Projection.build(refs, workers, cancelled);
        progress.update(rows, rows, "Indexing images");
        return new PrunedIndex(refs, channels, height, width, coarse, fine, coarseSums, coarseNorms,
                fineSums, fineStride, micro, microSums, microStride, paddedRows, projection, colourCoarse,
                colourCoarseSums, colourFine, colourFineSums, colourFineStride);
    }

    /**
     * Runs the search kernels on some of the index's own rows (single queries of top 50 under L1 and L2, and
     * a group of queries), so that the JIT compiles them before a user's first search, which would otherwise
     * run them interpreted (seconds rather than milliseconds). Results are discarded; call it on a background
     * thread after {@link #build}. Returns early, without error, once {@code cancelled} turns true.
     *
     * @param queries single queries per metric (about 40 suffice for the compiler)
     */
    public void warmUp(int queries, BooleanSupplier cancelled) {
        Objects.requireNonNull(cancelled, "cancelled");
        if (coarse == null || refs.rows() < 2) {
            return;
        }
        int k = Math.min(50, refs.rows() - 1);
        int group = Math.min(GROUP, refs.rows());
        for (int i = 0; i < queries && !cancelled.getAsBoolean(); i++) {
            int row = (int) ((long) i * 7919 % refs.rows());
            ByteMatrix one = refs.copyRows(row, row + 1);
            try {
                for (Metric metric : new Metric[] {Metric.L1, Metric.L2}) {
                    DistanceEngine.Options options = DistanceEngine.Options.of(k, metric).excluding(row, row + 1)
                            .withCancellation(cancelled);
                    pruned(one, options);
                    if (i % 8 == 0) {
                        pruned(refs.copyRows(0, group), DistanceEngine.Options.of(Math.min(k, refs.rows() - group),
                                metric).excluding(0, group).withCancellation(cancelled));
                    }
                }
            } catch (CancellationException e) {
                return;
            }
        }
    }

    /** The indexed reference rows. */
    public ByteMatrix refs() {
        return refs;
    }

    /** The L2 projection levels, or null (for tests). */
    Projection projection() {
        return projection;
    }

    /** Whether the images are large enough for block bounds (else every search is brute force). */
    public boolean prunes() {
        return coarse != null;
    }

    /** Bytes held by the index besides the reference rows. */
    public long indexBytes() {
        return coarse == null ? 0
                : 2L * coarseSums.length + 8L * coarseNorms.length + 2L * fineSums.length
                + (microSums == null ? 0 : 2L * microSums.length) + (projection == null ? 0 : projection.bytes())
                + (colourCoarseSums == null ? 0 : 2L * colourCoarseSums.length + 2L * colourFineSums.length);
    }

    /**
     * Whether {@link #nearest} with these options prunes ({@code true}) or runs the brute-force engine, for a batch of
     * many queries (fewer queries may prune more: {@link #pays(Metric, int, int, int, boolean)}).
     */
    public boolean prunes(DistanceEngine.Options options) {
        return coarse != null && pays(options.metric(), options.k(),
                refs.rows() - (options.excludeTo() - options.excludeFrom()), DistanceEngine.GEMM_MIN_QUERIES,
                projection != null);
    }

    /**
     * Whether pruning beats brute force for k neighbours among {@code available} indexable images (many queries),
     * for an index of images large enough for the L2 projection (at least 16 values, 64 images).
     */
    public static boolean pays(Metric metric, int k, int available) {
        return pays(metric, k, available, DistanceEngine.GEMM_MIN_QUERIES, true);
    }

    /**
     * {@link #pays(Metric, int, int)} for {@code queries} queries and an index with or without the L2 projection.
     * Without it, L2 is capped at k = {@value #L2_MAX_K} where brute force is the blocked matrix product (from
     * {@code DistanceEngine.GEMM_MIN_QUERIES} queries on); with it the projection's bounds keep paying up to
     * the share rule (BENCHMARKS.md).
     */
    public static boolean pays(Metric metric, int k, int available, int queries, boolean projected) {
        boolean l2Capped = metric == Metric.L2 && !projected && queries >= DistanceEngine.GEMM_MIN_QUERIES;
        return available >= MIN_REFS && (long) k * MAX_K_SHARE <= available && (!l2Capped || k <= L2_MAX_K);
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
        boolean prune = coarse != null && pays(options.metric(), options.k(),
                refs.rows() - (options.excludeTo() - options.excludeFrom()), queries.rows(), projection != null);
        return prune ? pruned(queries, options) : DistanceEngine.nearest(queries, refs, options);
    }

    /**
     * {@link #nearest} for each of several options (say L1 and L2 of one query), in their order. For fewer
     * queries than {@code DistanceEngine.GEMM_MIN_QUERIES} the searches run at once, each on its share of
     * {@code each.get(0).threads()} threads, instead of one after another each split over all of them: a
     * single query split over two threads prunes less (each half keeps its own k-th distance) and pays the
     * split and merge, so two searches side by side finish sooner (BENCHMARKS.md). Results are identical.
     *
     * @throws IllegalArgumentException as {@link #nearest}
     * @throws CancellationException    if one of the searches' {@code cancelled()} turned true; nothing is returned
     */
    public java.util.List<NeighbourTable> nearestEach(ByteMatrix queries, java.util.List<DistanceEngine.Options> each) {
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(each, "each");
        int n = each.size();
        NeighbourTable[] out = new NeighbourTable[n];
        int threads = n == 0 ? 1 : each.get(0).threads();
        if (n < 2 || threads < 2 || queries.rows() >= DistanceEngine.GEMM_MIN_QUERIES) {
            for (int i = 0; i < n; i++) {
                out[i] = nearest(queries, each.get(i));
            }
            return java.util.List.of(out);
        }
        int workers = Math.min(n, threads);
        int share = Math.max(1, threads / n);
        DistanceEngine.parallel(workers, w -> {
            for (int i = w; i < n; i += workers) {
                out[i] = nearest(queries, each.get(i).withThreads(share));
            }
        });
        return java.util.List.of(out);
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
        Metric metric = options.metric();
        BooleanSupplier cancelled = options.cancelled();
        if (count == 1 && options.threads() > 1) {
            return splitOne(queries, options, indices, distances);
        }
        int groups = (count + GROUP - 1) / GROUP;
        int workers = Math.max(1, Math.min(options.threads(), groups));
        Searcher[] searchers = new Searcher[workers];
        AtomicBoolean stopped = new AtomicBoolean();
        ResultSink sink = (q, found, keys, rows) -> {
            for (int j = 0; j < k; j++) {
                indices[q * k + j] = rows[j];
                distances[q * k + j] = metric.distanceFromRank(keys[j]);
            }
        };
        for (int q0 = 0; q0 < count; q0 += ROUND) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("nearest-neighbour search cancelled");
            }
            int end = Math.min(count, q0 + ROUND);
            AtomicInteger next = new AtomicInteger(q0);
            DistanceEngine.parallel(workers, w -> {
                if (searchers[w] == null) {
                    searchers[w] = searcher(k, metric, options.excludeFrom(), options.excludeTo(), 0, n, GROUP);
                }
                Searcher s = searchers[w];
                for (int q = next.getAndAdd(GROUP); q < end; q = next.getAndAdd(GROUP)) {
                    if (stopped.get() || cancelled.getAsBoolean()) {
                        stopped.set(true);
                        return;
                    }
                    s.search(queries, q, Math.min(GROUP, end - q), sink);
                }
            });
            if (stopped.get()) {
                throw new CancellationException("nearest-neighbour search cancelled");
            }
            options.progress().update(end, count, "Nearest neighbours");
        }
        for (Searcher s : searchers) {
            release(s);
        }
        return new NeighbourTable(count, k, options.metric(), indices, distances);
    }

    /** One query on several threads: each searches a contiguous part of the references; the lists are merged. */
    private NeighbourTable splitOne(ByteMatrix queries, DistanceEngine.Options options, int[] indices,
                                    double[] distances) {
        int k = options.k();
        int chunks = paddedRows / LANES;
        int parts = Math.min(options.threads(), chunks);
        int[][] partKeys = new int[parts][];
        int[][] partRows = new int[parts][];
        DistanceEngine.parallel(parts, p -> {
            int from = (int) ((long) chunks * p / parts) * LANES;
            int to = Math.min(refs.rows(), (int) ((long) chunks * (p + 1) / parts) * LANES);
            if (options.cancelled().getAsBoolean()) {
                return;
            }
            Searcher s = searcher(k, options.metric(), options.excludeFrom(), options.excludeTo(), from, to, 1);
            s.search(queries, 0, 1, (q, found, keys, rows) -> {
                partKeys[p] = Arrays.copyOf(keys, found);
                partRows[p] = Arrays.copyOf(rows, found);
            });
            release(s);
        });
        if (options.cancelled().getAsBoolean()) {
            throw new CancellationException("nearest-neighbour search cancelled");
        }
        int[] head = new int[parts];
        for (int j = 0; j < k; j++) {
            int best = -1;
            for (int p = 0; p < parts; p++) {
                if (head[p] < partKeys[p].length && (best < 0 || partKeys[p][head[p]] < partKeys[best][head[best]]
                        || (partKeys[p][head[p]] == partKeys[best][head[best]]
                        && partRows[p][head[p]] < partRows[best][head[best]]))) {
                    best = p;
                }
            }
            indices[j] = partRows[best][head[best]];
            distances[j] = options.metric().distanceFromRank(partKeys[best][head[best]]);
            head[best]++;
        }
        options.progress().update(1, 1, "Nearest neighbours");
        return new NeighbourTable(1, k, options.metric(), indices, distances);
    }

    /** A spare searcher for these parameters, or a new one. */
    private Searcher searcher(int k, Metric metric, int excludeFrom, int excludeTo, int rowFrom, int rowTo, int group) {
        for (Searcher s : spare) {
            if (s.fits(k, metric, excludeFrom, excludeTo, rowFrom, rowTo, group) && spare.remove(s)) {
                return s;
            }
        }
        return new Searcher(k, metric, excludeFrom, excludeTo, rowFrom, rowTo, group);
    }

    /** Keeps a finished searcher for reuse (a few at most). */
    private void release(Searcher s) {
        if (s != null && spare.size() < SPARE) {
            spare.offer(s);
        }
    }

    @Override
    public String toString() {
        return "PrunedIndex[" + refs.rows() + " images of " + channels + " × " + height + " × " + width
                + (coarse == null ? ", brute force only" : ", blocks " + coarse + ", " + fine
                + (micro == null ? "" : " and " + micro)) + (colourCoarse == null ? ""
                : "; L1: " + colourCoarse + " and " + colourFine + " over all channels, then " + micro)
                + (projection == null ? "" : "; L2: " + projection) + "]";
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

        /** Whether a block takes all channels of its pixels (then only L1 may use it: size is not a power of two). */
        final boolean grouped;

        private Level(int channels, int height, int width, int bh, int bw, boolean grouped) {
            this.bh = bh;
            this.bw = bw;
            this.grouped = grouped;
            this.size = bh * bw * (grouped ? channels : 1);
            this.shift = grouped ? -1 : Integer.numberOfTrailingZeros(size);
            int across = width / bw;
            int down = height / bh;
            this.dims = (grouped ? 1 : channels) * across * down;
            this.blockOf = new int[channels * height * width];
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        blockOf[(c * height + y) * width + x] = ((grouped ? 0 : c) * down + y / bh) * across + x / bw;
                    }
                }
            }
        }

        /** Blocks of at most {@code edge²} pixels: sides the largest powers of two dividing height and width. */
        static Level of(int channels, int height, int width, int edge) {
            int bh = largestPowerOfTwo(height, edge);
            int bw = largestPowerOfTwo(width, edge * edge / bh);
            return new Level(channels, height, width, bh, bw, false);
        }

        /** As {@link #of}, each block taking all channels of its pixels (for L1 only). */
        static Level grouped(int channels, int height, int width, int edge) {
            int bh = largestPowerOfTwo(height, edge);
            int bw = largestPowerOfTwo(width, edge * edge / bh);
            return new Level(channels, height, width, bh, bw, true);
        }

        private static int largestPowerOfTwo(int dividing, int atMost) {
            int p = 1;
            while (2 * p <= atMost && dividing % (2 * p) == 0) {
                p *= 2;
            }
            return p;
        }

        /**
         * The block sums of the row at {@code data[offset …]} into {@code out[0 … dims)}, added up from
         * {@code finerSums}, that row's sums at a finer level whose block d lies in this level's block
         * {@code parent[d]} ({@link #parents}); from the pixels where parent is null. Exact either way.
         */
        void sumsFrom(int[] parent, int[] finerSums, byte[] data, int offset, int[] out) {
            if (parent == null) {
                sums(data, offset, out);
                return;
            }
            Arrays.fill(out, 0, dims, 0);
            for (int d = 0; d < parent.length; d++) {
                out[parent[d]] += finerSums[d];
            }
        }

        /** The block of this level holding each block of {@code finer}, or null where they do not nest. */
        int[] parents(Level finer) {
            int[] parent = new int[finer.dims];
            Arrays.fill(parent, -1);
            for (int p = 0; p < blockOf.length; p++) {
                int f = finer.blockOf[p];
                if (parent[f] < 0) {
                    parent[f] = blockOf[p];
                } else if (parent[f] != blockOf[p]) {
                    return null;
                }
            }
            return parent;
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
            return bh + "×" + bw + (grouped ? "×" + (blockOf.length / (dims * bh * bw)) : "");
        }
    }

    /**
     * One thread's scratch space and top k, searching references [rowFrom, rowTo) (rowFrom a multiple
     * of the lanes) for up to {@link #GROUP} queries at a time. Mutable; one thread.
     */
    private final class Searcher {
        private final int k;
        private final Metric metric;
        private final int excludeFrom;
        private final int excludeTo;
        private final int rowFrom;
        private final int rowTo;
        private final int chunkFrom;
        private final int chunkTo;
        private final int seeds;
        private final int[][] queryCoarse;
        private final double[][] queryCoarseD;
        private final double[] queryNorm;
        private final short[][] queryFine;
        private final short[][] queryMicro;
        /**
         * With the colour levels (L1): the per-channel 4 × 4 sums of the queries, a second gate after the colour
         * fine bound (the two cancel differently: where colour channels differ in opposite directions, the
         * per-channel bound is the tighter one); null otherwise.
         */
        private final short[][] queryChannelFine;
        private final int[] scratch;
        private final int[][] boundRows;
        private final int[] keys;
        private final int[] rows;
        private final int[] seedBounds;
        private final int[] seedRows;
        /** (fine bound, row) pairs to check, as longs that sort by bound. */
        private long[] candidates;
        private int count;
        /** Whether the coarse and fine levels are the projection's (L2 with a projection) instead of block sums. */
        private final boolean projected;
        private final Projection.Queries projectedQueries;
        private int limitTau = -1;
        private int limitFine;

        private final int group;
        /** The block levels this search scans and refines with (colour levels for L1 where there are some). */
        private final Level cLevel;
        private final short[] cSums;
        private final Level fLevel;
        private final short[] fSums;
        private final int fStride;
        /** Whether the L1 fine (micro) bound may be summed in short lanes ({@link #shortSafe}). */
        private final boolean fineInShorts;
        private final boolean microInShorts;
        private final boolean channelFineInShorts;

        Searcher(int k, Metric metric, int excludeFrom, int excludeTo, int rowFrom, int rowTo, int group) {
            this.group = group;
            this.k = k;
            this.metric = metric;
            this.excludeFrom = excludeFrom;
            this.excludeTo = excludeTo;
            this.rowFrom = rowFrom;
            this.rowTo = rowTo;
            this.chunkFrom = rowFrom / LANES;
            this.chunkTo = (rowTo + LANES - 1) / LANES;
            int excluded = Math.max(0, Math.min(excludeTo, rowTo) - Math.max(excludeFrom, rowFrom));
            this.seeds = Math.max(1, Math.min(rowTo - rowFrom - excluded, SEED_FACTOR * (k + 8)));
            this.candidates = new long[Math.max(seeds, 1024)];
            boolean colour = metric == Metric.L1 && colourCoarse != null;
            this.cLevel = colour ? colourCoarse : coarse;
            this.cSums = colour ? colourCoarseSums : coarseSums;
            this.fLevel = colour ? colourFine : fine;
            this.fSums = colour ? colourFineSums : fineSums;
            this.fStride = colour ? colourFineStride : fineStride;
            this.fineInShorts = shortSafe(fStride, fLevel);
            this.microInShorts = micro != null && shortSafe(microStride, micro);
            this.channelFineInShorts = shortSafe(fineStride, fine);
            this.queryCoarse = new int[GROUP][Math.max(coarse.dims, cLevel.dims)];
            this.queryCoarseD = new double[GROUP][coarse.dims];
            this.queryNorm = new double[GROUP];
            this.queryFine = new short[GROUP][fStride];
            this.queryMicro = new short[GROUP][microStride];
            this.queryChannelFine = colour ? new short[GROUP][fineStride] : null;
            this.scratch = new int[Math.max(Math.max(coarse.dims, micro == null ? fine.dims : micro.dims),
                    fLevel.dims)];
            this.boundRows = new int[group][paddedRows];
            this.keys = new int[k];
            this.rows = new int[k];
            this.seedBounds = new int[seeds];
            this.seedRows = new int[seeds];
            this.projected = metric == Metric.L2 && projection != null;
            this.projectedQueries = projected ? projection.new Queries() : null;
        }

        /**
         * Whether rows of {@code stride} sums of {@code level} (each at most size · 255) can be L1-summed in full
         * short lanes without overflow: whole vectors only, and stride / lanes terms of at most size · 255 per lane.
         */
        private static boolean shortSafe(int stride, Level level) {
            int lanes = SHORTS.length();
            return stride % lanes == 0 && (long) (stride / lanes) * level.size * 255 <= Short.MAX_VALUE;
        }

        /** Whether this searcher was made with these parameters. */
        boolean fits(int k, Metric metric, int excludeFrom, int excludeTo, int rowFrom, int rowTo, int group) {
            return this.k == k && this.metric == metric && this.excludeFrom == excludeFrom
                    && this.excludeTo == excludeTo && this.rowFrom == rowFrom && this.rowTo == rowTo
                    && this.group == group;
        }

        /**
         * Finds the k nearest references (fewer if the range holds fewer) of the {@code qn} query
         * rows from {@code q0} of {@code queries} (qn = 1, or at most GROUP if built for a group);
         * {@code sink} receives each query's list.
         */
        void search(ByteMatrix queries, int q0, int qn, ResultSink sink) {
            byte[] data = queries.data();
            int cols = queries.cols();
            for (int i = 0; i < GROUP; i++) {
                if (i < qn) {
                    int offset = (q0 + i) * cols;
                    if (!projected) {
                        cLevel.sums(data, offset, queryCoarse[i]);
                        fLevel.sums(data, offset, scratch);
                        for (int d = 0; d < fLevel.dims; d++) {
                            queryFine[i][d] = (short) scratch[d];
                        }
                    }
                    if (micro != null && !projected) {
                        micro.sums(data, offset, scratch);
                        for (int d = 0; d < micro.dims; d++) {
                            queryMicro[i][d] = (short) scratch[d];
                        }
                    }
                    if (queryChannelFine != null) {
                        fine.sums(data, offset, scratch);
                        for (int d = 0; d < fine.dims; d++) {
                            queryChannelFine[i][d] = (short) scratch[d];
                        }
                    }
                } else {
                    Arrays.fill(queryCoarse[i], 0);
                }
                double norm = 0;
                for (int d = 0; d < coarse.dims; d++) {
                    queryCoarseD[i][d] = queryCoarse[i][d];
                    norm += (double) queryCoarse[i][d] * queryCoarse[i][d];
                }
                queryNorm[i] = norm;
            }
            if (projected) {
                projectedQueries.embed(data, q0, qn);
                if (qn == 1) {
                    projection.scanOne(projectedQueries.scanRows[0], chunkFrom, chunkTo, boundRows[0]);
                } else {
                    projection.scanGroup(projectedQueries.scanRows, chunkFrom, chunkTo, boundRows);
                }
            } else if (qn == 1) {
                coarseBoundsOfOne();
            } else if (metric == Metric.L2) {
                coarseL2Bounds();
            } else {
                coarseBounds();
            }
            for (int i = 0; i < qn; i++) {
                finish(data, (q0 + i) * cols, i, boundRows[i]);
                sink.accept(q0 + i, count, keys, rows);
            }
        }

        /** Seeds, then the scan over bounds ≤ τ: the top k of one query into keys, rows and count. */
        private void finish(byte[] query, int offset, int qi, int[] bounds) {
            short[] qMicro = queryMicro[qi];
            int lo = Math.max(rowFrom, excludeFrom);
            int hi = Math.min(rowTo, excludeTo);
            if (lo < hi) {
                Arrays.fill(bounds, lo, hi, Integer.MAX_VALUE);
            }
            Arrays.fill(bounds, rowTo, chunkTo * LANES, Integer.MAX_VALUE);
            count = 0;
            int seeded = selectSeeds(bounds);
            // seeds in ascending fine bound: exact keys only while a seed's fine bound can still enter
            for (int i = 0; i < seeded; i++) {
                int r = seedRows[i];
                bounds[r] = Integer.MAX_VALUE;
                candidates[i] = (long) fineBound(qi, r) << 32 | r;
            }
            Arrays.sort(candidates, 0, seeded);
            check(query, offset, qMicro, seeded);
            int tau = threshold();
            // every reference whose coarse and then fine bound is ≤ τ, checked in ascending fine bound
            int n = 0;
            int coarseLimit = projected ? projection.scanLimit(tau) : tau;
            int fineLimit = fineLimit(tau);
            int below = coarseLimit == Integer.MAX_VALUE ? coarseLimit : coarseLimit + 1;
            for (int c = chunkFrom; c < chunkTo; c++) {
                int r0 = c * LANES;
                // bound ≤ τ, written as < τ + 1 so that the sentinel MAX_VALUE never passes
                VectorMask<Integer> maybe = IntVector.fromArray(INTS, bounds, r0).compare(VectorOperators.LT, below);
                if (!maybe.anyTrue()) {
                    continue;
                }
                for (long bits = maybe.toLong(); bits != 0; bits &= bits - 1) {
                    int r = r0 + Long.numberOfTrailingZeros(bits);
                    int f = fineBound(qi, r);
                    if (f <= fineLimit && (queryChannelFine == null
                            || bound(fineSums, fineStride, fine.shift, queryChannelFine[qi], r) <= tau)) {
                        if (n == candidates.length) {
                            candidates = Arrays.copyOf(candidates, 2 * n);
                        }
                        candidates[n++] = (long) f << 32 | r;
                    }
                }
            }
            Arrays.sort(candidates, 0, n);
            check(query, offset, qMicro, n);
        }

        /**
         * Offers the exact keys of {@code candidates[0 … n)} (fine bound in the high half, row in the low),
         * sorted, until a fine bound exceeds the threshold: τ only falls, so none after it could enter.
         * A candidate whose micro (2 × 2) bound exceeds τ is skipped without reading its row.
         */
        private void check(byte[] query, int offset, short[] qMicro, int n) {
            byte[] data = refs.data();
            int cols = refs.cols();
            for (int i = 0; i < n; i++) {
                int tau = threshold();
                if ((int) (candidates[i] >>> 32) > fineLimit(tau)) {
                    return;
                }
                int r = (int) candidates[i];
                if (micro != null && !projected && tau != Integer.MAX_VALUE && bound(microSums, microStride, micro.shift, qMicro, r) > tau) {
                    continue;
                }
                offer(ExactPair.key(metric, query, offset, data, r * cols, cols, tau), r);
            }
        }

        /** The fine bound of reference r for query qi of the group (block sums, or float bits of the projection's). */
        private int fineBound(int qi, int r) {
            if (counting) {
                COUNT[0].increment();
            }
            return projected ? projection.fineBound(projectedQueries.fineRows[qi], r)
                    : bound(fSums, fStride, fLevel.shift, queryFine[qi], r);
        }

        /** The largest fine bound of a reference whose key can be ≤ τ. */
        private int fineLimit(int tau) {
            if (!projected) {
                return tau;
            }
            if (tau != limitTau) {
                limitTau = tau;
                limitFine = projection.fineLimit(tau);
            }
            return limitFine;
        }

        /** The key a reference must not exceed to possibly enter the top k. */
        private int threshold() {
            return count < k ? Integer.MAX_VALUE : keys[k - 1];
        }

        /** Inserts (key, row) if it comes before the current k-th in (key, row) order. */
        private void offer(int key, int row) {
            if (counting) {
                COUNT[2].increment();
            }
            if (key == Integer.MAX_VALUE
                    || count == k && (key > keys[k - 1] || (key == keys[k - 1] && row > rows[k - 1]))) {
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

        /**
         * The coarse bound of the first query and every reference of the range into {@code boundRows[0]};
         * L2 as Σ ⌊ΔS² / n⌋ in int (each ΔS² is at most (64 · 255)²).
         */
        private void coarseBoundsOfOne() {
            int dims = cLevel.dims;
            int shift = cLevel.shift;
            short[] sums = cSums;
            int[] q = queryCoarse[0];
            int[] bounds = boundRows[0];
            for (int c = chunkFrom; c < chunkTo; c++) {
                int base = c * dims * LANES;
                IntVector acc = IntVector.zero(INTS);
                if (metric == Metric.L1) {
                    for (int d = 0; d < dims; d++) {
                        acc = acc.add(widen(sums, base + d * LANES).sub(q[d]).lanewise(VectorOperators.ABS));
                    }
                } else if (metric == Metric.L2) {
                    for (int d = 0; d < dims; d++) {
                        IntVector diff = widen(sums, base + d * LANES).sub(q[d]);
                        acc = acc.add(diff.mul(diff).lanewise(VectorOperators.LSHR, shift));
                    }
                } else {
                    for (int d = 0; d < dims; d++) {
                        acc = acc.max(widen(sums, base + d * LANES).sub(q[d]).lanewise(VectorOperators.ABS));
                    }
                    acc = acc.lanewise(VectorOperators.LSHR, shift);
                }
                acc.intoArray(bounds, c * LANES);
            }
        }

        /** Shorts [off, off + LANES) widened to ints. */
        private static IntVector widen(short[] data, int off) {
            return (IntVector) ShortVector.fromArray(HALF_SHORTS, data, off).convertShape(VectorOperators.S2I, INTS, 0);
        }

        /** The coarse L1 or L∞ bounds of the GROUP queries and every reference of the range into {@code boundRows}. */
        private void coarseBounds() {
            int dims = cLevel.dims;
            int shift = metric == Metric.LINF ? cLevel.shift : 0;
            boolean sum = metric == Metric.L1;
            short[] sums = cSums;
            int[] q0 = queryCoarse[0];
            int[] q1 = queryCoarse[1];
            int[] q2 = queryCoarse[2];
            int[] q3 = queryCoarse[3];
            int[] q4 = queryCoarse[4];
            int[] q5 = queryCoarse[5];
            int[] q6 = queryCoarse[6];
            int[] q7 = queryCoarse[7];
            for (int c = chunkFrom; c < chunkTo; c++) {
                int base = c * dims * LANES;
                IntVector s0 = IntVector.zero(INTS);
                IntVector s1 = IntVector.zero(INTS);
                IntVector s2 = IntVector.zero(INTS);
                IntVector s3 = IntVector.zero(INTS);
                IntVector s4 = IntVector.zero(INTS);
                IntVector s5 = IntVector.zero(INTS);
                IntVector s6 = IntVector.zero(INTS);
                IntVector s7 = IntVector.zero(INTS);
                if (sum) {
                    for (int d = 0; d < dims; d++) {
                        IntVector b = (IntVector) ShortVector.fromArray(HALF_SHORTS, sums, base + d * LANES)
                                .convertShape(VectorOperators.S2I, INTS, 0);
                        s0 = s0.add(b.sub(q0[d]).lanewise(VectorOperators.ABS));
                        s1 = s1.add(b.sub(q1[d]).lanewise(VectorOperators.ABS));
                        s2 = s2.add(b.sub(q2[d]).lanewise(VectorOperators.ABS));
                        s3 = s3.add(b.sub(q3[d]).lanewise(VectorOperators.ABS));
                        s4 = s4.add(b.sub(q4[d]).lanewise(VectorOperators.ABS));
                        s5 = s5.add(b.sub(q5[d]).lanewise(VectorOperators.ABS));
                        s6 = s6.add(b.sub(q6[d]).lanewise(VectorOperators.ABS));
                        s7 = s7.add(b.sub(q7[d]).lanewise(VectorOperators.ABS));
                    }
                } else {
                    for (int d = 0; d < dims; d++) {
                        IntVector b = (IntVector) ShortVector.fromArray(HALF_SHORTS, sums, base + d * LANES)
                                .convertShape(VectorOperators.S2I, INTS, 0);
                        s0 = s0.max(b.sub(q0[d]).lanewise(VectorOperators.ABS));
                        s1 = s1.max(b.sub(q1[d]).lanewise(VectorOperators.ABS));
                        s2 = s2.max(b.sub(q2[d]).lanewise(VectorOperators.ABS));
                        s3 = s3.max(b.sub(q3[d]).lanewise(VectorOperators.ABS));
                        s4 = s4.max(b.sub(q4[d]).lanewise(VectorOperators.ABS));
                        s5 = s5.max(b.sub(q5[d]).lanewise(VectorOperators.ABS));
                        s6 = s6.max(b.sub(q6[d]).lanewise(VectorOperators.ABS));
                        s7 = s7.max(b.sub(q7[d]).lanewise(VectorOperators.ABS));
                    }
                }
                int r0 = c * LANES;
                s0.lanewise(VectorOperators.LSHR, shift).intoArray(boundRows[0], r0);
                s1.lanewise(VectorOperators.LSHR, shift).intoArray(boundRows[1], r0);
                s2.lanewise(VectorOperators.LSHR, shift).intoArray(boundRows[2], r0);
                s3.lanewise(VectorOperators.LSHR, shift).intoArray(boundRows[3], r0);
                s4.lanewise(VectorOperators.LSHR, shift).intoArray(boundRows[4], r0);
                s5.lanewise(VectorOperators.LSHR, shift).intoArray(boundRows[5], r0);
                s6.lanewise(VectorOperators.LSHR, shift).intoArray(boundRows[6], r0);
                s7.lanewise(VectorOperators.LSHR, shift).intoArray(boundRows[7], r0);
            }
        }

        /**
         * The coarse L2 bound ⌊Σ ΔS² / n⌋ of the GROUP queries and every reference of the range, from
         * ‖S_q‖² + ‖S_r‖² − 2 S_q·S_r in double: every term and partial sum is an integer below 2^53, so
         * the result is exact in any order.
         */
        private void coarseL2Bounds() {
            int dims = coarse.dims;
            int half = DOUBLES.length();
            double scale = 1.0 / coarse.size;
            short[] sums = coarseSums;
            double[] a0 = queryCoarseD[0];
            double[] a1 = queryCoarseD[1];
            double[] a2 = queryCoarseD[2];
            double[] a3 = queryCoarseD[3];
            double[] a4 = queryCoarseD[4];
            double[] a5 = queryCoarseD[5];
            double[] a6 = queryCoarseD[6];
            double[] a7 = queryCoarseD[7];
            for (int c = chunkFrom; c < chunkTo; c++) {
                int base = c * dims * LANES;
                DoubleVector s00 = DoubleVector.zero(DOUBLES);
                DoubleVector s01 = s00;
                DoubleVector s10 = DoubleVector.zero(DOUBLES);
                DoubleVector s11 = s10;
                DoubleVector s20 = DoubleVector.zero(DOUBLES);
                DoubleVector s21 = s20;
                DoubleVector s30 = DoubleVector.zero(DOUBLES);
                DoubleVector s31 = s30;
                DoubleVector s40 = DoubleVector.zero(DOUBLES);
                DoubleVector s41 = s40;
                DoubleVector s50 = DoubleVector.zero(DOUBLES);
                DoubleVector s51 = s50;
                DoubleVector s60 = DoubleVector.zero(DOUBLES);
                DoubleVector s61 = s60;
                DoubleVector s70 = DoubleVector.zero(DOUBLES);
                DoubleVector s71 = s70;
                for (int d = 0; d < dims; d++) {
                    IntVector b = (IntVector) ShortVector.fromArray(HALF_SHORTS, sums, base + d * LANES)
                            .convertShape(VectorOperators.S2I, INTS, 0);
                    DoubleVector b0 = (DoubleVector) b.convert(VectorOperators.I2D, 0);
                    DoubleVector b1 = (DoubleVector) b.convert(VectorOperators.I2D, 1);
                    DoubleVector x;
                    x = DoubleVector.broadcast(DOUBLES, a0[d]);
                    s00 = b0.fma(x, s00);
                    s01 = b1.fma(x, s01);
                    x = DoubleVector.broadcast(DOUBLES, a1[d]);
                    s10 = b0.fma(x, s10);
                    s11 = b1.fma(x, s11);
                    x = DoubleVector.broadcast(DOUBLES, a2[d]);
                    s20 = b0.fma(x, s20);
                    s21 = b1.fma(x, s21);
                    x = DoubleVector.broadcast(DOUBLES, a3[d]);
                    s30 = b0.fma(x, s30);
                    s31 = b1.fma(x, s31);
                    x = DoubleVector.broadcast(DOUBLES, a4[d]);
                    s40 = b0.fma(x, s40);
                    s41 = b1.fma(x, s41);
                    x = DoubleVector.broadcast(DOUBLES, a5[d]);
                    s50 = b0.fma(x, s50);
                    s51 = b1.fma(x, s51);
                    x = DoubleVector.broadcast(DOUBLES, a6[d]);
                    s60 = b0.fma(x, s60);
                    s61 = b1.fma(x, s61);
                    x = DoubleVector.broadcast(DOUBLES, a7[d]);
                    s70 = b0.fma(x, s70);
                    s71 = b1.fma(x, s71);
                }
                int r0 = c * LANES;
                DoubleVector n0 = DoubleVector.fromArray(DOUBLES, coarseNorms, r0);
                DoubleVector n1 = DoubleVector.fromArray(DOUBLES, coarseNorms, r0 + half);
                storeBound(n0, s00, queryNorm[0], scale, boundRows[0], r0);
                storeBound(n1, s01, queryNorm[0], scale, boundRows[0], r0 + half);
                storeBound(n0, s10, queryNorm[1], scale, boundRows[1], r0);
                storeBound(n1, s11, queryNorm[1], scale, boundRows[1], r0 + half);
                storeBound(n0, s20, queryNorm[2], scale, boundRows[2], r0);
                storeBound(n1, s21, queryNorm[2], scale, boundRows[2], r0 + half);
                storeBound(n0, s30, queryNorm[3], scale, boundRows[3], r0);
                storeBound(n1, s31, queryNorm[3], scale, boundRows[3], r0 + half);
                storeBound(n0, s40, queryNorm[4], scale, boundRows[4], r0);
                storeBound(n1, s41, queryNorm[4], scale, boundRows[4], r0 + half);
                storeBound(n0, s50, queryNorm[5], scale, boundRows[5], r0);
                storeBound(n1, s51, queryNorm[5], scale, boundRows[5], r0 + half);
                storeBound(n0, s60, queryNorm[6], scale, boundRows[6], r0);
                storeBound(n1, s61, queryNorm[6], scale, boundRows[6], r0 + half);
                storeBound(n0, s70, queryNorm[7], scale, boundRows[7], r0);
                storeBound(n1, s71, queryNorm[7], scale, boundRows[7], r0 + half);
            }
        }

        /** ⌊(refNorms + queryNorm − 2 dots) · scale⌋ as ints at {@code out[at …]}; the value is an exact integer ≥ 0. */
        private void storeBound(DoubleVector refNorms, DoubleVector dots, double queryNorm, double scale, int[] out,
                                int at) {
            DoubleVector v = refNorms.add(queryNorm).sub(dots.mul(2.0)).mul(scale);
            v.convertShape(VectorOperators.D2I, HALF_INTS, 0).reinterpretAsInts().intoArray(out, at);
        }

        /** The bound of reference {@code r} from one level's sums ({@code stride} per row, blocks of 2^shift pixels). */
        private int bound(short[] sums, int stride, int shift, short[] q, int r) {
            if (counting && sums == microSums) {
                COUNT[1].increment();
            }
            int base = r * stride;
            int step = HALF_SHORTS.length();
            IntVector acc = IntVector.zero(INTS);
            // one loop per metric, so that none tests the metric per step
            if (metric == Metric.L1 && (sums == microSums ? microInShorts
                    : sums == fineSums ? channelFineInShorts : fineInShorts)) {
                return l1InShorts(sums, base, stride, q);
            }
            if (metric == Metric.L1) {
                for (int d = 0; d < stride; d += step) {
                    acc = acc.add(difference(sums, base + d, q, d).lanewise(VectorOperators.ABS));
                }
                return acc.reduceLanes(VectorOperators.ADD);
            }
            if (metric == Metric.L2) {
                for (int d = 0; d < stride; d += step) {
                    IntVector diff = difference(sums, base + d, q, d);
                    acc = acc.add(diff.mul(diff).lanewise(VectorOperators.LSHR, shift));
                }
                return acc.reduceLanes(VectorOperators.ADD);
            }
            for (int d = 0; d < stride; d += step) {
                acc = acc.max(difference(sums, base + d, q, d).lanewise(VectorOperators.ABS));
            }
            return acc.reduceLanes(VectorOperators.MAX) >>> shift;
        }

        /**
         * Σ |sums[base + d] − q[d]| over d < stride in full-width short lanes: each lane adds stride / lanes
         * terms, which {@link #shortSafe} has checked cannot pass Short.MAX_VALUE; widened only at the end.
         */
        private static int l1InShorts(short[] sums, int base, int stride, short[] q) {
            ShortVector acc = ShortVector.zero(SHORTS);
            int step = SHORTS.length();
            for (int d = 0; d < stride; d += step) {
                acc = acc.add(ShortVector.fromArray(SHORTS, sums, base + d).sub(ShortVector.fromArray(SHORTS, q, d))
                        .lanewise(VectorOperators.ABS));
            }
            IntVector low = (IntVector) acc.convertShape(VectorOperators.S2I, INTS, 0);
            IntVector high = (IntVector) acc.convertShape(VectorOperators.S2I, INTS, 1);
            return low.add(high).reduceLanes(VectorOperators.ADD);
        }

        /** sums[at …] − q[d …] over one half-width vector of shorts, widened to ints. */
        private static IntVector difference(short[] sums, int at, short[] q, int d) {
            ShortVector a = ShortVector.fromArray(HALF_SHORTS, sums, at);
            ShortVector b = ShortVector.fromArray(HALF_SHORTS, q, d);
            return ((IntVector) a.convertShape(VectorOperators.S2I, INTS, 0))
                    .sub((IntVector) b.convertShape(VectorOperators.S2I, INTS, 0));
        }

        /**
         * Up to {@code seeds} references of the range with the smallest bounds (sentinels MAX_VALUE left
         * out) into {@code seedRows}, via a bounded max-heap on bounds; returns how many.
         */
        private int selectSeeds(int[] bounds) {
            int n = 0;
            int r = rowFrom;
            for (; r < rowTo && n < seeds; r++) {
                if (bounds[r] != Integer.MAX_VALUE) {
                    heapUp(n++, bounds[r], r);
                }
            }
            if (n < seeds) {
                return n;
            }
            int top = seedBounds[0];
            int vecStart = Math.min(chunkTo * LANES, (r + LANES - 1) / LANES * LANES);
            for (; r < vecStart; r++) {
                if (bounds[r] < top) {
                    heapDown(bounds[r], r);
                    top = seedBounds[0];
                }
            }
            for (int r0 = vecStart; r0 < chunkTo * LANES; r0 += LANES) {
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

    /** Receives one query's top list: {@code count} (key, row) pairs in neighbour order. */
    @FunctionalInterface
    private interface ResultSink {
        void accept(int query, int count, int[] keys, int[] rows);
    }
}
