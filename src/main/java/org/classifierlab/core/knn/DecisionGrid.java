package org.classifierlab.core.knn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Computes the exact k-NN decision of every pixel of a grid, fast enough for interactive use.
 * Stateless; any thread (concurrent calls must use different {@link DecisionMap}s).
 */
public final class DecisionGrid {

    /*
     * The result is bit-for-bit that of a brute-force search which, for each pixel centre
     * (col + 0.5, row + 0.5), ranks every point with Metric.rank, sorts by (rank, index), takes the
     * first K and votes. It gets there by recursive tile pruning. For a tile of pixel centres every
     * candidate gets a lower and an upper bound of its rank key over the tile, evaluated with the
     * same floating-point expression as the per-pixel rank at the nearest / farthest pixel-centre
     * column and row; subtraction, abs, multiplication, addition and max are monotone, so the
     * bounds hold exactly. With `slots` neighbours still to find:
     *  - candidates whose lower bound exceeds the slots-th smallest upper bound are never among the
     *    nearest in the tile and are dropped;
     *  - a candidate whose upper bound is below the (slots+1)-th smallest lower bound can be
     *    preceded by at most slots − 1 others, so it is among the nearest everywhere in the tile:
     *    it becomes "sure" and takes a slot for the whole tile.
     * When the open candidates left all share one class, every pixel of the tile has the same
     * per-class counts, and the counting rules fill the tile at once (NEAREST_TIED_CLASS only
     * without a tie). Otherwise the tile is split into quadrants, down to 4 × 4 tiles that are
     * solved pixel by pixel, selecting only the open slots among the open candidates.
     */

    private static final int TOP_TILE = 64;
    private static final int LEAF_SIDE = 4;
    private static final int INSERTION_MAX_K = 24;
    private static final int INSERTION_SORT_MAX = 32;
    private static final int MAX_DEPTH = 16;
    private static final int ROW_CHECK_AREA = 256;

    private static final ForkJoinPool POOL = new ForkJoinPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("classifierlab-grid-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            },
            null, false);

    private DecisionGrid() {
    }

    /**
     * Fills every pixel of {@code out} with the k-NN decision at its centre (col + 0.5, row + 0.5).
     *
     * @param pixelPoints the training points in the grid's pixel coordinates (they may lie outside
     *                    the grid or coincide); at most 127 classes, since labels are stored as bytes
     * @param k           number of neighbours, clamped to [1, number of points]
     * @param cancelled   polled from the worker threads at least once per tile; must be thread-safe
     * @param parallelism number of threads to use, including the calling thread (at least 1)
     * @return true when complete; false if cancelled (the map's contents are then unspecified)
     * @throws IllegalArgumentException if there are no points, more than 127 classes, or
     *                                  {@code parallelism < 1}
     */
    public static boolean compute(LabeledPoints pixelPoints, int k, Metric metric, TieRule rule,
                                  DecisionMap out, BooleanSupplier cancelled, int parallelism) {
        Objects.requireNonNull(pixelPoints, "pixelPoints");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(cancelled, "cancelled");
        if (pixelPoints.size() == 0) {
            throw new IllegalArgumentException("cannot compute a decision grid without points");
        }
        if (pixelPoints.classCount() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("a decision grid supports at most " + Byte.MAX_VALUE
                    + " classes, got " + pixelPoints.classCount());
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (out.width() == 0 || out.height() == 0) {
            return !cancelled.getAsBoolean();
        }
        Job job = new Job(pixelPoints, Math.max(1, Math.min(k, pixelPoints.size())), metric, rule, out,
                cancelled);
        int workers = Math.min(parallelism, job.tileCount);
        if (workers == 1) {
            new TileWorker(job).run();
            return !job.stopped;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(workers - 1);
        for (int i = 1; i < workers; i++) {
            tasks.add(POOL.submit(new TileWorker(job)));
        }
        try {
            new TileWorker(job).run();
        } catch (RuntimeException | Error e) {
            job.stopped = true;
            throw e;
        } finally {
            for (ForkJoinTask<?> task : tasks) {
                task.join();
            }
        }
        return !job.stopped;
    }

    /** One call's shared, read-only inputs plus the tile counter and stop flag. */
    private static final class Job {
        final int n;
        final int k;
        final int classCount;
        final double[] px;
        final double[] py;
        final int[] label;
        final Metric metric;
        final TieRule rule;
        final int width;
        final int height;
        final byte[] labels;
        final float[] confidence;
        final BooleanSupplier cancelled;
        final int tilesX;
        final int tileCount;
        final AtomicInteger nextTile = new AtomicInteger();
        volatile boolean stopped;

        Job(LabeledPoints pts, int k, Metric metric, TieRule rule, DecisionMap out, BooleanSupplier cancelled) {
            this.n = pts.size();
            this.k = k;
            this.classCount = pts.classCount();
            this.px = pts.x();
            this.py = pts.y();
            this.label = pts.label();
            this.metric = metric;
            this.rule = rule;
            this.width = out.width();
            this.height = out.height();
            this.labels = out.labels();
            this.confidence = out.confidence();
            this.cancelled = cancelled;
            this.tilesX = (width + TOP_TILE - 1) / TOP_TILE;
            this.tileCount = tilesX * ((height + TOP_TILE - 1) / TOP_TILE);
        }

        boolean shouldStop() {
            if (stopped) {
                return true;
            }
            if (cancelled.getAsBoolean()) {
                stopped = true;
                return true;
            }
            return false;
        }
    }

    /** Takes top-level tiles from the job until none are left; owns its scratch arrays. */
    private static final class TileWorker implements Runnable {
        private static final int NO_LABEL = -1;
        private static final int MIXED = -2;

        private final Job job;
        private final int k;
        private final boolean squared;
        private final boolean maxCombine;
        private final boolean setRule;
        private final int[][] levels = new int[MAX_DEPTH][];
        private final int[] sureStack;
        private final double[] lower;
        private final double[] upper;
        private final double[] survivorLower;
        private final double[] survivorUpper;
        private final double[] scratch;
        private final double[] smallest;
        private final double[] cx;
        private final double[] cy;
        private final double[] cLower;
        private final double[] yTerm;
        private final int[] cIndex;
        private final int[] cLabel;
        private final double[] sureX;
        private final double[] sureY;
        private final int[] sureIndex;
        private final int[] topPos;
        private final int[] topIndex;
        private final double[] topRank;
        private final int[] voteLabels;
        private final int[] orderIndex;
        private final double[] orderRank;
        private final int[] orderLabel;
        private final Ballot ballot;

        TileWorker(Job job) {
            this.job = job;
            this.k = job.k;
            this.squared = job.metric == Metric.L2;
            this.maxCombine = job.metric == Metric.LINF;
            this.setRule = job.rule != TieRule.DISTANCE_WEIGHTED;
            int n = job.n;
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            levels[0] = all;
            sureStack = new int[k];
            lower = new double[n];
            upper = new double[n];
            survivorLower = new double[n];
            survivorUpper = new double[n];
            scratch = new double[n];
            smallest = new double[k + 1];
            cx = new double[n];
            cy = new double[n];
            cLower = new double[n];
            yTerm = new double[n];
            cIndex = new int[n];
            cLabel = new int[n];
            sureX = new double[k];
            sureY = new double[k];
            sureIndex = new int[k];
            topPos = new int[k];
            topIndex = new int[k];
            topRank = new double[k];
            voteLabels = new int[k];
            orderIndex = new int[k];
            orderRank = new double[k];
            orderLabel = new int[k];
            ballot = new Ballot(job.classCount, k);
        }

        @Override
        public void run() {
            int t;
            while ((t = job.nextTile.getAndIncrement()) < job.tileCount) {
                int c0 = (t % job.tilesX) * TOP_TILE;
                int r0 = (t / job.tilesX) * TOP_TILE;
                tile(c0, r0, Math.min(c0 + TOP_TILE, job.width), Math.min(r0 + TOP_TILE, job.height),
                        0, job.n, 0, NO_LABEL);
                if (job.stopped) {
                    return;
                }
            }
        }

        private int[] level(int depth) {
            int[] list = levels[depth];
            if (list == null) {
                list = new int[job.n];
                levels[depth] = list;
            }
            return list;
        }

        private double term(double d) {
            return squared ? d * d : Math.abs(d);
        }

        private double combine(double xTerm, double yTerm) {
            return maxCombine ? Math.max(xTerm, yTerm) : xTerm + yTerm;
        }

        private static int merge(int labelState, int label) {
            if (labelState == NO_LABEL || labelState == label) {
                return label;
            }
            return label == NO_LABEL ? labelState : MIXED;
        }

        /**
         * Solves tile [c0, c1) × [r0, r1). The points sureStack[0..sureCount) are among the K nearest
         * of every pixel of the tile (sureLabel is their common class, NO_LABEL if there are none,
         * MIXED otherwise); the remaining K − sureCount neighbours of each pixel are the nearest of
         * the open candidates levels[depth][0..m).
         */
        private void tile(int c0, int r0, int c1, int r1, int depth, int m, int sureCount, int sureLabel) {
            if (job.shouldStop()) {
                return;
            }
            int slots = k - sureCount;
            int[] in = levels[depth];
            int[] next = level(depth + 1);
            double[] px = job.px;
            double[] py = job.py;
            double firstCol = c0 + 0.5;
            double lastCol = (c1 - 1) + 0.5;
            double firstRow = r0 + 0.5;
            double lastRow = (r1 - 1) + 0.5;
            for (int t = 0; t < m; t++) {
                int i = in[t];
                double x = px[i];
                double y = py[i];
                // signed differences to the first and last pixel centre; the nearer one bounds the
                // per-pixel difference from below (0 if the point lies between), the farther one from above
                double ax = firstCol - x;
                double bx = lastCol - x;
                double ay = firstRow - y;
                double by = lastRow - y;
                lower[t] = combine(term(Math.max(ax, 0.0) + Math.min(bx, 0.0)),
                        term(Math.max(ay, 0.0) + Math.min(by, 0.0)));
                upper[t] = combine(term(Math.max(Math.abs(ax), Math.abs(bx))),
                        term(Math.max(Math.abs(ay), Math.abs(by))));
            }
            // at least `slots` candidates are within `bound` everywhere: farther ones never matter
            double bound = kthSmallest(upper, m, slots);
            int count = 0;
            for (int t = 0; t < m; t++) {
                double lo = lower[t];
                next[count] = in[t];
                survivorLower[count] = lo;
                survivorUpper[count] = upper[t];
                count += lo <= bound ? 1 : 0;
            }
            // a survivor that at most slots − 1 others can precede (their lower bound ≤ its upper
            // bound) is among the nearest everywhere in the tile
            int open = 0;
            int added = 0;
            if (count == slots) {
                System.arraycopy(next, 0, sureStack, sureCount, count);
                added = count;
            } else {
                double cut = kthSmallest(survivorLower, count, slots + 1);
                for (int t = 0; t < count; t++) {
                    if (survivorUpper[t] < cut) {
                        sureStack[sureCount + added++] = next[t];
                    } else {
                        next[open] = next[t];
                        survivorLower[open] = survivorLower[t];
                        open++;
                    }
                }
            }
            int[] label = job.label;
            int sureTotal = sureCount + added;
            for (int t = sureCount; t < sureTotal; t++) {
                sureLabel = merge(sureLabel, label[sureStack[t]]);
            }
            int openLabel = open > 0 ? label[next[0]] : NO_LABEL;
            for (int t = 1; t < open && openLabel != MIXED; t++) {
                if (label[next[t]] != openLabel) {
                    openLabel = MIXED;
                }
            }
            if (openLabel != MIXED) {
                constantTally(c0, r0, c1, r1, next, open, sureTotal, merge(sureLabel, openLabel), openLabel);
                return;
            }
            int w = c1 - c0;
            int h = r1 - r0;
            if (w <= LEAF_SIDE && h <= LEAF_SIDE) {
                perPixel(c0, r0, c1, r1, next, open, sureTotal);
                return;
            }
            int cm = w > LEAF_SIDE ? (c0 + c1) >>> 1 : c1;
            int rm = h > LEAF_SIDE ? (r0 + r1) >>> 1 : r1;
            tile(c0, r0, cm, rm, depth + 1, open, sureTotal, sureLabel);
            if (cm < c1) {
                tile(cm, r0, c1, rm, depth + 1, open, sureTotal, sureLabel);
            }
            if (rm < r1) {
                tile(c0, rm, cm, r1, depth + 1, open, sureTotal, sureLabel);
                if (cm < c1) {
                    tile(cm, rm, c1, r1, depth + 1, open, sureTotal, sureLabel);
                }
            }
        }

        /**
         * The tile's per-class counts are the same for every pixel: the sure points plus the
         * remaining slots all from openLabel. Fills the tile unless the vote depends on distances
         * or on the neighbour order.
         */
        private void constantTally(int c0, int r0, int c1, int r1, int[] open, int m, int sureCount, int allLabel,
                                   int openLabel) {
            if (allLabel >= 0) {
                fill(c0, r0, c1, r1, allLabel, 1.0f);
                return;
            }
            if (setRule) {
                for (int t = 0; t < sureCount; t++) {
                    voteLabels[t] = job.label[sureStack[t]];
                }
                for (int t = sureCount; t < k; t++) {
                    voteLabels[t] = openLabel;
                }
                ballot.cast(job.rule, job.metric, k, voteLabels, null, null);
                if (job.rule != TieRule.NEAREST_TIED_CLASS || ballot.tiedCount == 1) {
                    fill(c0, r0, c1, r1, ballot.predicted, (float) ballot.confidence);
                    return;
                }
            }
            perPixel(c0, r0, c1, r1, open, m, sureCount);
        }

        /** The q-th smallest of values[0..m) (1 ≤ q ≤ m), without modifying values. */
        private double kthSmallest(double[] values, int m, int q) {
            if (q == m) {
                double max = values[0];
                for (int t = 1; t < m; t++) {
                    max = Math.max(max, values[t]);
                }
                return max;
            }
            if (q <= INSERTION_MAX_K) {
                double[] best = smallest;
                for (int t = 0; t < q; t++) {
                    double v = values[t];
                    int j = t;
                    while (j > 0 && best[j - 1] > v) {
                        best[j] = best[j - 1];
                        j--;
                    }
                    best[j] = v;
                }
                double kth = best[q - 1];
                for (int t = q; t < m; t++) {
                    double v = values[t];
                    if (v < kth) {
                        int j = q - 1;
                        while (j > 0 && best[j - 1] > v) {
                            best[j] = best[j - 1];
                            j--;
                        }
                        best[j] = v;
                        kth = best[q - 1];
                    }
                }
                return kth;
            }
            double[] a = scratch;
            System.arraycopy(values, 0, a, 0, m);
            int target = q - 1;
            int lo = 0;
            int hi = m - 1;
            while (hi > lo) {
                double pivot = median(a[lo], a[(lo + hi) >>> 1], a[hi]);
                int i = lo;
                int j = hi;
                while (i <= j) {
                    while (a[i] < pivot) {
                        i++;
                    }
                    while (a[j] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        double tmp = a[i];
                        a[i] = a[j];
                        a[j] = tmp;
                        i++;
                        j--;
                    }
                }
                if (target <= j) {
                    hi = j;
                } else if (target >= i) {
                    lo = i;
                } else {
                    return a[target];
                }
            }
            return a[lo];
        }

        private static double median(double a, double b, double c) {
            return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
        }

        private void fill(int c0, int r0, int c1, int r1, int cls, float conf) {
            byte b = (byte) cls;
            byte[] labels = job.labels;
            float[] confidence = job.confidence;
            int width = job.width;
            for (int row = r0; row < r1; row++) {
                int from = row * width + c0;
                int to = row * width + c1;
                Arrays.fill(labels, from, to, b);
                Arrays.fill(confidence, from, to, conf);
            }
        }

        /**
         * Solves the tile pixel by pixel: each pixel's neighbours are the sure points plus the
         * nearest K − sureCount of the m open candidates (in open, lower bounds in survivorLower).
         * The open candidates are visited by ascending lower bound, so each pixel's scan stops at
         * the first whose bound exceeds the worst rank kept (ties are broken by point index). For
         * the counting rules only the neighbour set matters, and consecutive pixels with the same set
         * reuse the vote; the order is established only for distance weighting and for a tie under
         * NEAREST_TIED_CLASS.
         */
        private void perPixel(int c0, int r0, int c1, int r1, int[] open, int m, int sureCount) {
            sortByLower(open, m);
            double[] px = job.px;
            double[] py = job.py;
            int[] label = job.label;
            for (int t = 0; t < m; t++) {
                int i = open[t];
                cLower[t] = survivorLower[t];
                cIndex[t] = i;
                cx[t] = px[i];
                cy[t] = py[i];
                cLabel[t] = label[i];
            }
            for (int t = 0; t < sureCount; t++) {
                int i = sureStack[t];
                sureX[t] = px[i];
                sureY[t] = py[i];
                sureIndex[t] = i;
                voteLabels[t] = label[i];
            }
            int slots = k - sureCount;
            boolean insertion = slots <= INSERTION_MAX_K;
            TieRule rule = job.rule;
            boolean cacheable = setRule && m <= Long.SIZE;
            boolean checkRows = (c1 - c0) * (r1 - r0) > ROW_CHECK_AREA;
            int width = job.width;
            byte[] labels = job.labels;
            float[] confidence = job.confidence;
            boolean reusable = false;
            long previousSet = 0L;
            byte previousLabel = 0;
            float previousConfidence = 0f;
            for (int row = r0; row < r1; row++) {
                if (checkRows && job.shouldStop()) {
                    return;
                }
                double qy = row + 0.5;
                for (int t = 0; t < m; t++) {
                    yTerm[t] = term(qy - cy[t]);
                }
                int base = row * width;
                for (int col = c0; col < c1; col++) {
                    double qx = col + 0.5;
                    if (slots > 0) {
                        if (insertion) {
                            selectByInsertion(qx, m, slots);
                        } else {
                            selectByHeap(qx, m, slots);
                        }
                    }
                    if (setRule) {
                        long set = 0L;
                        for (int t = 0; t < slots; t++) {
                            int p = topPos[t];
                            voteLabels[sureCount + t] = cLabel[p];
                            set |= 1L << p;
                        }
                        if (!reusable || set != previousSet) {
                            ballot.cast(rule, job.metric, k, voteLabels, null, null);
                            previousSet = set;
                            reusable = cacheable;
                            if (rule == TieRule.NEAREST_TIED_CLASS && ballot.tiedCount > 1) {
                                castInOrder(qx, qy, sureCount);
                                reusable = false;
                            }
                            previousLabel = (byte) ballot.predicted;
                            previousConfidence = (float) ballot.confidence;
                        }
                    } else {
                        castInOrder(qx, qy, sureCount);
                        previousLabel = (byte) ballot.predicted;
                        previousConfidence = (float) ballot.confidence;
                    }
                    labels[base + col] = previousLabel;
                    confidence[base + col] = previousConfidence;
                }
            }
        }

        /** Sorts open[0..m) together with survivorLower[0..m) by ascending lower bound. */
        private void sortByLower(int[] open, int m) {
            double[] key = survivorLower;
            if (m <= INSERTION_SORT_MAX) {
                for (int t = 1; t < m; t++) {
                    double v = key[t];
                    int i = open[t];
                    int j = t;
                    while (j > 0 && key[j - 1] > v) {
                        key[j] = key[j - 1];
                        open[j] = open[j - 1];
                        j--;
                    }
                    key[j] = v;
                    open[j] = i;
                }
                return;
            }
            for (int root = m / 2 - 1; root >= 0; root--) {
                siftDownByLower(open, key, root, m);
            }
            for (int end = m - 1; end > 0; end--) {
                double v = key[0];
                key[0] = key[end];
                key[end] = v;
                int i = open[0];
                open[0] = open[end];
                open[end] = i;
                siftDownByLower(open, key, 0, end);
            }
        }

        private static void siftDownByLower(int[] open, double[] key, int pos, int size) {
            double v = key[pos];
            int i = open[pos];
            while (true) {
                int child = 2 * pos + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[child + 1] > key[child]) {
                    child++;
                }
                if (key[child] <= v) {
                    break;
                }
                key[pos] = key[child];
                open[pos] = open[child];
                pos = child;
            }
            key[pos] = v;
            open[pos] = i;
        }

        /** Whether (ra, ia) comes after (rb, ib) in neighbour order. */
        private static boolean after(double ra, int ia, double rb, int ib) {
            return ra > rb || (ra == rb && ia > ib);
        }

        /**
         * Selects the kk nearest leaf candidates of pixel column qx (the row's y terms are in
         * yTerm) into topRank / topIndex / topPos, in neighbour order. Candidates are sorted by lower
         * bound, so the scan stops at the first one whose bound exceeds the kk-th rank so far.
         */
        private void selectByInsertion(double qx, int m, int kk) {
            int[] pos = topPos;
            int[] idx = topIndex;
            double[] rk = topRank;
            for (int t = 0; t < kk; t++) {
                double r = combine(term(qx - cx[t]), yTerm[t]);
                int id = cIndex[t];
                int j = t;
                while (j > 0 && after(rk[j - 1], idx[j - 1], r, id)) {
                    rk[j] = rk[j - 1];
                    idx[j] = idx[j - 1];
                    pos[j] = pos[j - 1];
                    j--;
                }
                rk[j] = r;
                idx[j] = id;
                pos[j] = t;
            }
            double worst = rk[kk - 1];
            int worstIndex = idx[kk - 1];
            for (int t = kk; t < m; t++) {
                if (cLower[t] > worst) {
                    return;
                }
                double r = combine(term(qx - cx[t]), yTerm[t]);
                int id = cIndex[t];
                if (after(worst, worstIndex, r, id)) {
                    int j = kk - 1;
                    while (j > 0 && after(rk[j - 1], idx[j - 1], r, id)) {
                        rk[j] = rk[j - 1];
                        idx[j] = idx[j - 1];
                        pos[j] = pos[j - 1];
                        j--;
                    }
                    rk[j] = r;
                    idx[j] = id;
                    pos[j] = t;
                    worst = rk[kk - 1];
                    worstIndex = idx[kk - 1];
                }
            }
        }

        /**
         * Like {@link #selectByInsertion} for larger kk, with a max-heap: topRank / topIndex / topPos
         * receive the kk nearest in no particular order.
         */
        private void selectByHeap(double qx, int m, int kk) {
            int[] pos = topPos;
            int[] idx = topIndex;
            double[] rk = topRank;
            for (int t = 0; t < kk; t++) {
                double r = combine(term(qx - cx[t]), yTerm[t]);
                int id = cIndex[t];
                int j = t;
                while (j > 0) {
                    int parent = (j - 1) >>> 1;
                    if (!after(r, id, rk[parent], idx[parent])) {
                        break;
                    }
                    rk[j] = rk[parent];
                    idx[j] = idx[parent];
                    pos[j] = pos[parent];
                    j = parent;
                }
                rk[j] = r;
                idx[j] = id;
                pos[j] = t;
            }
            for (int t = kk; t < m; t++) {
                if (cLower[t] > rk[0]) {
                    return;
                }
                double r = combine(term(qx - cx[t]), yTerm[t]);
                int id = cIndex[t];
                if (after(rk[0], idx[0], r, id)) {
                    int j = 0;
                    while (true) {
                        int child = 2 * j + 1;
                        if (child >= kk) {
                            break;
                        }
                        if (child + 1 < kk && after(rk[child + 1], idx[child + 1], rk[child], idx[child])) {
                            child++;
                        }
                        if (!after(rk[child], idx[child], r, id)) {
                            break;
                        }
                        rk[j] = rk[child];
                        idx[j] = idx[child];
                        pos[j] = pos[child];
                        j = child;
                    }
                    rk[j] = r;
                    idx[j] = id;
                    pos[j] = t;
                }
            }
        }

        /**
         * Sorts the pixel's K neighbours (the sure points and the selected open candidates in
         * topRank / topIndex / topPos) into neighbour order and votes with them.
         */
        private void castInOrder(double qx, double qy, int sureCount) {
            for (int t = 0; t < k; t++) {
                if (t < sureCount) {
                    orderRank[t] = combine(term(qx - sureX[t]), term(qy - sureY[t]));
                    orderIndex[t] = sureIndex[t];
                    orderLabel[t] = voteLabels[t];
                } else {
                    int s = t - sureCount;
                    orderRank[t] = topRank[s];
                    orderIndex[t] = topIndex[s];
                    orderLabel[t] = cLabel[topPos[s]];
                }
            }
            if (k <= INSERTION_SORT_MAX) {
                for (int t = 1; t < k; t++) {
                    double r = orderRank[t];
                    int id = orderIndex[t];
                    int lab = orderLabel[t];
                    int j = t;
                    while (j > 0 && after(orderRank[j - 1], orderIndex[j - 1], r, id)) {
                        orderRank[j] = orderRank[j - 1];
                        orderIndex[j] = orderIndex[j - 1];
                        orderLabel[j] = orderLabel[j - 1];
                        j--;
                    }
                    orderRank[j] = r;
                    orderIndex[j] = id;
                    orderLabel[j] = lab;
                }
            } else {
                heapSortOrder();
            }
            ballot.cast(job.rule, job.metric, k, orderLabel, orderRank, null);
        }

        /** Heap sort of orderRank / orderIndex / orderLabel[0..k) into neighbour order. */
        private void heapSortOrder() {
            for (int root = k / 2 - 1; root >= 0; root--) {
                siftDownOrder(root, k);
            }
            for (int end = k - 1; end > 0; end--) {
                swapOrder(0, end);
                siftDownOrder(0, end);
            }
        }

        private void siftDownOrder(int pos, int size) {
            while (true) {
                int child = 2 * pos + 1;
                if (child >= size) {
                    return;
                }
                if (child + 1 < size
                        && after(orderRank[child + 1], orderIndex[child + 1], orderRank[child], orderIndex[child])) {
                    child++;
                }
                if (!after(orderRank[child], orderIndex[child], orderRank[pos], orderIndex[pos])) {
                    return;
                }
                swapOrder(pos, child);
                pos = child;
            }
        }

        private void swapOrder(int a, int b) {
            double r = orderRank[a];
            orderRank[a] = orderRank[b];
            orderRank[b] = r;
            int i = orderIndex[a];
            orderIndex[a] = orderIndex[b];
            orderIndex[b] = i;
            int l = orderLabel[a];
            orderLabel[a] = orderLabel[b];
            orderLabel[b] = l;
        }
    }
}
