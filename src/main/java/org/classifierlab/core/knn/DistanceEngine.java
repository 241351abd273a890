package org.classifierlab.core.knn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import org.classifierlab.core.Progress;

/**
 * Exact k nearest neighbours of many uint8 or float rows among many others, and small distance
 * matrices, on the Vector API and several threads. Stateless; any thread (calls may run concurrently).
 */
public final class DistanceEngine {

    /*
     * Neighbour order is ascending distance, ties by ascending reference row, as in KnnClassifier. The
     * work streams over super-blocks of queries and chunks of references keeping only each query's best
     * k (NeighbourCandidates), so no query × reference matrix is ever materialised; workers take chunks
     * in row order and their lists are merged per super-block.
     *
     * uint8 rows are compared in exact integer arithmetic, so ranks and ties equal a brute-force
     * integer computation bit for bit: L1 and L∞ directly on bytes, L2 of fewer than GEMM_MIN_QUERIES
     * queries as Σ (a − b)² in 16- and 32-bit lanes (ByteKernel), offered straight to the candidate
     * lists and abandoned once the partial sums of a group of four references all exceed the query's
     * current threshold (exact: sums only grow and entry needs a key strictly below it). L2 of more queries uses
     * ‖a‖² + ‖b‖² − 2a·b with a blocked float matrix product (L2Kernel): products (at most 65,025) are
     * summed in float over blocks of 256 dimensions (at most 16,646,400 < 2^24, so exact) and the block
     * sums in int, exact up to 33,025 dimensions (wider rows take the direct form).
     *
     * Float rows: L1 and L∞ sum or maximise absolute differences in float lanes (FloatKernel). L2 of
     * many queries uses the same expanded form with the block sums added in float: a squared distance
     * carries a rounding error of order 2^-24 · (‖a‖² + ‖b‖²) · (number of 256-dimension blocks), and
     * distances far below that (near-duplicates) may come out anywhere down to 0 (negative results are
     * clamped to 0). Norms are formed exactly like the dot products, so identical rows are at distance
     * exactly 0. Few queries use the direct form Σ (a − b)² in float, so the same pair may differ in the
     * last bits between batch sizes.
     */

    /**
     * What to search for and how. Immutable; any thread.
     *
     * @param k           neighbours per query, from 1 to the number of references outside the
     *                    excluded range
     * @param metric      the distance
     * @param excludeFrom first reference row of the excluded range
     * @param excludeTo   end (exclusive) of the excluded range; equal to {@code excludeFrom} for none
     * @param threads     worker threads including the calling one, at least 1
     * @param progress    told the number of queries done after each block of queries, on the calling
     *                    thread
     * @param cancelled   polled by every worker before each chunk of references; must be thread-safe
     */
    public record Options(int k, Metric metric, int excludeFrom, int excludeTo, int threads, Progress progress,
                          BooleanSupplier cancelled) {

        public Options {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(cancelled, "cancelled");
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1, was " + k);
            }
            if (excludeFrom < 0 || excludeTo < excludeFrom) {
                throw new IllegalArgumentException("invalid excluded range [" + excludeFrom + ", " + excludeTo + ")");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + threads);
            }
        }

        /** k neighbours under {@code metric}, nothing excluded, all cores, no progress, never cancelled. */
        public static Options of(int k, Metric metric) {
            return new Options(k, metric, 0, 0, defaultThreads(), Progress.NONE, () -> false);
        }

        /** These options with reference rows [{@code from}, {@code to}) left out. */
        public Options excluding(int from, int to) {
            return new Options(k, metric, from, to, threads, progress, cancelled);
        }

        /** These options with {@code count} threads. */
        public Options withThreads(int count) {
            return new Options(k, metric, excludeFrom, excludeTo, count, progress, cancelled);
        }

        /** These options reporting to {@code listener}. */
        public Options withProgress(Progress listener) {
            return new Options(k, metric, excludeFrom, excludeTo, threads, listener, cancelled);
        }

        /** These options polling {@code flag}. */
        public Options withCancellation(BooleanSupplier flag) {
            return new Options(k, metric, excludeFrom, excludeTo, threads, progress, flag);
        }
    }

    /** Queries from which L2 uses the blocked matrix product rather than direct differences. */
    static final int GEMM_MIN_QUERIES = 20;
    /** Most queries per super-block: the matrix product re-packs every reference once per super-block. */
    private static final int SUPER_BLOCK = 1024;
    /** Bound on kept candidates (keys and rows) per worker, to size super-blocks for large k. */
    private static final long CANDIDATE_BUDGET = 1L << 21;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Floats as many as {@link #DOUBLES} has lanes. */
    private static final VectorSpecies<Float> NARROW_FLOATS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));

    private static final ForkJoinPool POOL = new ForkJoinPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("classifierlab-knn-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            },
            null, false);

    private DistanceEngine() {
    }

    /** Number of threads used by default: the available processors. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The k nearest references of every query: exact for uint8 rows; for float rows see the rounding
     * notes at the top of this class.
     *
     * @return a table of {@code queries.rows()} rows; reference indices are rows of {@code refs}
     * @throws IllegalArgumentException if the column counts differ, the excluded range is not inside
     *                                  the references, or k exceeds the references left
     * @throws CancellationException    if {@code options.cancelled()} turned true
     */
    public static NeighbourTable nearest(ByteMatrix queries, ByteMatrix refs, Options options) {
        checkColumns(queries.cols(), refs.cols());
        return search(RankTiles.of(queries, refs, options.metric(), superBlock(options), GEMM_MIN_QUERIES),
                queries.rows(), refs.rows(), options);
    }

    /** {@link #nearest(ByteMatrix, ByteMatrix, Options)} for float rows (L2 rounds as noted at the top of this class). */
    public static NeighbourTable nearest(FloatMatrix queries, FloatMatrix refs, Options options) {
        checkColumns(queries.cols(), refs.cols());
        return search(RankTiles.of(queries, refs, options.metric(), superBlock(options), GEMM_MIN_QUERIES),
                queries.rows(), refs.rows(), options);
    }

    /**
     * All distances, {@code result[q * refs.rows() + r]}, on all cores; meant for small sizes (the
     * result is queries × references floats). uint8 distances are the exact values rounded once to float.
     *
     * @throws IllegalArgumentException if the column counts differ or the result would not fit an array
     */
    public static float[] distanceMatrix(ByteMatrix queries, ByteMatrix refs, Metric metric) {
        return distanceMatrix(queries, refs, metric, defaultThreads());
    }

    /** {@link #distanceMatrix(ByteMatrix, ByteMatrix, Metric)} on {@code threads} threads. */
    public static float[] distanceMatrix(ByteMatrix queries, ByteMatrix refs, Metric metric, int threads) {
        checkColumns(queries.cols(), refs.cols());
        return matrix(RankTiles.of(queries, refs, metric, SUPER_BLOCK, GEMM_MIN_QUERIES), queries.rows(),
                refs.rows(), threads);
    }

    /** {@link #distanceMatrix(ByteMatrix, ByteMatrix, Metric)} for float rows. */
    public static float[] distanceMatrix(FloatMatrix queries, FloatMatrix refs, Metric metric) {
        return distanceMatrix(queries, refs, metric, defaultThreads());
    }

    /** {@link #distanceMatrix(FloatMatrix, FloatMatrix, Metric)} on {@code threads} threads. */
    public static float[] distanceMatrix(FloatMatrix queries, FloatMatrix refs, Metric metric, int threads) {
        checkColumns(queries.cols(), refs.cols());
        return matrix(RankTiles.of(queries, refs, metric, SUPER_BLOCK, GEMM_MIN_QUERIES), queries.rows(),
                refs.rows(), threads);
    }

    private static void checkColumns(int queryCols, int refCols) {
        if (queryCols != refCols) {
            throw new IllegalArgumentException("queries have " + queryCols + " columns, references " + refCols);
        }
    }

    private static int superBlock(Options options) {
        long perQuery = (long) options.k() * options.threads();
        long rows = Math.max(1, Math.min(SUPER_BLOCK, CANDIDATE_BUDGET / perQuery));
        return rows < RankTiles.QUERY_BLOCK ? (int) rows : (int) (rows - rows % RankTiles.QUERY_BLOCK);
    }

    /** Reference chunks, as start and length pairs, of [0, from) and [to, refs) in row order. */
    private static int[] chunks(int refs, int from, int to, int size) {
        int count = (from + size - 1) / size + (refs - to + size - 1) / size;
        int[] chunks = new int[2 * count];
        int c = 0;
        for (int[] range : new int[][] {{0, from}, {to, refs}}) {
            for (int r = range[0]; r < range[1]; r += size) {
                chunks[c++] = r;
                chunks[c++] = Math.min(size, range[1] - r);
            }
        }
        return chunks;
    }

    private static NeighbourTable search(RankTiles tiles, int queries, int refs, Options options) {
        int k = options.k();
        if (options.excludeTo() > refs) {
            throw new IllegalArgumentException("excluded range [" + options.excludeFrom() + ", "
                    + options.excludeTo() + ") is not inside the " + refs + " references");
        }
        int available = refs - (options.excludeTo() - options.excludeFrom());
        if (k > available) {
            throw new IllegalArgumentException("k = " + k + " exceeds the " + available + " references available");
        }
        int[] chunks = chunks(refs, options.excludeFrom(), options.excludeTo(), tiles.chunkSize());
        int chunkCount = chunks.length / 2;
        int workers = Math.max(1, Math.min(options.threads(), chunkCount));
        int superBlock = superBlock(options);
        int[] indices = new int[Math.multiplyExact(queries, k)];
        double[] distances = new double[indices.length];
        NeighbourCandidates[] candidates = new NeighbourCandidates[workers];
        RankTiles.Worker[] scratch = new RankTiles.Worker[workers];
        AtomicBoolean stopped = new AtomicBoolean();
        BooleanSupplier cancelled = options.cancelled();
        if (queries > 0) {
            parallel(workers, w -> {
                scratch[w] = tiles.worker();
                candidates[w] = new NeighbourCandidates(Math.min(superBlock, queries), k);
            });
        }
        for (int q0 = 0; q0 < queries; q0 += superBlock) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("nearest-neighbour search cancelled");
            }
            int start = q0;
            int qn = Math.min(superBlock, queries - q0);
            parallel(workers, w -> tiles.prepare(start, qn, w, workers));
            AtomicInteger next = new AtomicInteger();
            parallel(workers, w -> {
                NeighbourCandidates cand = candidates[w];
                RankTiles.Worker worker = scratch[w];
                boolean direct = worker.offersDirectly();
                cand.reset(qn);
                for (int c = next.getAndIncrement(); c < chunkCount; c = next.getAndIncrement()) {
                    if (stopped.get() || cancelled.getAsBoolean()) {
                        stopped.set(true);
                        return;
                    }
                    int r0 = chunks[2 * c];
                    int rn = chunks[2 * c + 1];
                    worker.beginChunk(r0, rn);
                    for (int qb = 0; qb < qn; qb += RankTiles.QUERY_BLOCK) {
                        int bn = Math.min(RankTiles.QUERY_BLOCK, qn - qb);
                        if (direct) {
                            worker.offer(start + qb, bn, r0, rn, cand, qb);
                        } else {
                            worker.tile(start + qb, bn, r0, rn);
                            offer(cand, qb, bn, r0, rn, worker.tile, worker.ldc);
                        }
                    }
                }
                cand.finish();
            });
            if (stopped.get()) {
                throw new CancellationException("nearest-neighbour search cancelled");
            }
            merge(candidates, qn, k, start, tiles.metric, indices, distances);
            options.progress().update(q0 + qn, queries, "Nearest neighbours");
        }
        return new NeighbourTable(queries, k, options.metric(), indices, distances);
    }

    /** Offers a tile's candidates; while a query's list is full only keys below its threshold are looked at. */
    private static void offer(NeighbourCandidates cand, int q0, int qn, int r0, int rn, double[] tile, int ldc) {
        int lanes = DOUBLES.length();
        for (int i = 0; i < qn; i++) {
            int q = q0 + i;
            int to = i * ldc;
            int j = 0;
            for (; j < rn && !cand.full(q); j++) {
                cand.offer(q, tile[to + j], r0 + j);
            }
            double threshold = cand.threshold(q);
            int vecEnd = j + (rn - j) / lanes * lanes;
            for (; j < vecEnd; j += lanes) {
                if (DoubleVector.fromArray(DOUBLES, tile, to + j).lt(threshold).anyTrue()) {
                    for (int l = j; l < j + lanes; l++) {
                        if (tile[to + l] < threshold) {
                            cand.offer(q, tile[to + l], r0 + l);
                            threshold = cand.threshold(q);
                        }
                    }
                }
            }
            for (; j < rn; j++) {
                if (tile[to + j] < threshold) {
                    cand.offer(q, tile[to + j], r0 + j);
                    threshold = cand.threshold(q);
                }
            }
        }
    }

    /** Merges the workers' sorted lists of queries [0, qn) into table rows q0 + q. */
    private static void merge(NeighbourCandidates[] candidates, int qn, int k, int q0, Metric metric, int[] indices,
                              double[] distances) {
        int workers = candidates.length;
        int[] head = new int[workers];
        for (int q = 0; q < qn; q++) {
            Arrays.fill(head, 0);
            int out = (q0 + q) * k;
            for (int j = 0; j < k; j++) {
                int best = -1;
                for (int w = 0; w < workers; w++) {
                    if (head[w] < candidates[w].count(q) && (best < 0
                            || before(candidates[w], q, head[w], candidates[best], head[best]))) {
                        best = w;
                    }
                }
                double key = candidates[best].key(q, head[best]);
                indices[out + j] = candidates[best].row(q, head[best]);
                distances[out + j] = metric.distanceFromRank(key);
                head[best]++;
            }
        }
    }

    private static boolean before(NeighbourCandidates a, int q, int ia, NeighbourCandidates b, int ib) {
        double ka = a.key(q, ia);
        double kb = b.key(q, ib);
        return ka < kb || (ka == kb && a.row(q, ia) < b.row(q, ib));
    }

    private static float[] matrix(RankTiles tiles, int queries, int refs, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        long size = (long) queries * refs;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(queries + " × " + refs + " distances do not fit one array");
        }
        float[] out = new float[(int) size];
        int[] chunks = chunks(refs, 0, 0, tiles.chunkSize());
        int chunkCount = chunks.length / 2;
        if (queries == 0 || chunkCount == 0) {
            return out;
        }
        int workers = Math.min(threads, chunkCount);
        RankTiles.Worker[] scratch = new RankTiles.Worker[workers];
        parallel(workers, w -> {
            scratch[w] = tiles.worker();
        });
        Metric metric = tiles.metric;
        for (int q0 = 0; q0 < queries; q0 += SUPER_BLOCK) {
            int start = q0;
            int qn = Math.min(SUPER_BLOCK, queries - q0);
            parallel(workers, w -> tiles.prepare(start, qn, w, workers));
            AtomicInteger next = new AtomicInteger();
            parallel(workers, w -> {
                RankTiles.Worker worker = scratch[w];
                for (int c = next.getAndIncrement(); c < chunkCount; c = next.getAndIncrement()) {
                    int r0 = chunks[2 * c];
                    int rn = chunks[2 * c + 1];
                    worker.beginChunk(r0, rn);
                    for (int qb = 0; qb < qn; qb += RankTiles.QUERY_BLOCK) {
                        int bn = Math.min(RankTiles.QUERY_BLOCK, qn - qb);
                        worker.tile(start + qb, bn, r0, rn);
                        for (int i = 0; i < bn; i++) {
                            writeDistances(metric, worker.tile, i * worker.ldc, out, (start + qb + i) * refs + r0, rn);
                        }
                    }
                }
            });
        }
        return out;
    }

    /** {@code out[to + j] = (float) metric.distanceFromRank(keys[from + j])} for j < n. */
    private static void writeDistances(Metric metric, double[] keys, int from, float[] out, int to, int n) {
        int lanes = DOUBLES.length();
        int j = 0;
        for (; j <= n - lanes; j += lanes) {
            DoubleVector v = DoubleVector.fromArray(DOUBLES, keys, from + j);
            if (metric == Metric.L2) {
                v = v.sqrt();
            }
            ((FloatVector) v.convertShape(VectorOperators.D2F, NARROW_FLOATS, 0)).intoArray(out, to + j);
        }
        for (; j < n; j++) {
            out[to + j] = (float) metric.distanceFromRank(keys[from + j]);
        }
    }

    /** Runs {@code body(0 … n − 1)} on the calling thread and n − 1 pool threads; rethrows the first failure. */
    static void parallel(int n, IntConsumer body) {
        if (n == 1) {
            body.accept(0);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(n - 1);
        for (int i = 1; i < n; i++) {
            int part = i;
            tasks.add(POOL.submit(() -> body.accept(part)));
        }
        RuntimeException failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> task : tasks) {
            try {
                task.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
