package org.classifierlab.core.embedding;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.classifierlab.core.Progress;
import org.classifierlab.core.knn.Permutation;

/**
 * Principal component analysis of uint8 rows (mean-centred, in float/double): the top components of the
 * covariance of all rows or of a seeded sample of them. Stateless; any thread.
 *
 * <p>The covariance C = (1/m) Σ (x − μ)(x − μ)ᵀ over the m sampled rows (μ the mean of all rows) is never
 * formed: block subspace iteration applies it as two passes over the rows, C·Q = Xᵀ(X·Q)/m, to a block of
 * b = min(components + 16, dim, m) orthonormal vectors, with a Rayleigh–Ritz step (a b × b
 * {@link SymmetricEigen Jacobi} solve) after each. It stops when the variance captured by the kept
 * components changes by less than {@link Options#tolerance()} relative to it, or after
 * {@link Options#maxIterations()}. When b reaches dim or m the block spans everything the covariance can
 * reach and the result is exact after two iterations.
 */
public final class Pca {

    /** Components kept by default, as in the CS231n and t-SNE recipes. */
    public static final int DEFAULT_COMPONENTS = 50;
    /** Rows sampled for the covariance by default. */
    public static final int DEFAULT_COVARIANCE_ROWS = 2000;
    private static final int OVERSAMPLING = 16;

    /**
     * How to fit. Immutable; any thread.
     *
     * @param components     components to keep, at least 1 (fewer are kept if dim or the sample is smaller)
     * @param covarianceRows rows sampled (seeded, without repeats) for the covariance; 0 or more than the
     *                       rows given means all rows
     * @param seed           seeds the sample and the starting block
     * @param tolerance      relative change of the captured variance at which iteration stops
     * @param maxIterations  most subspace iterations, at least 1
     * @param progress       told the iterations done (of maxIterations), on the calling thread
     * @param cancelled      polled between blocks of rows
     */
    public record Options(int components, int covarianceRows, long seed, double tolerance, int maxIterations,
                          Progress progress, BooleanSupplier cancelled) {

        public Options {
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(cancelled, "cancelled");
            if (components < 1) {
                throw new IllegalArgumentException("components must be at least 1, was " + components);
            }
            if (covarianceRows < 0) {
                throw new IllegalArgumentException("covarianceRows must not be negative, was " + covarianceRows);
            }
            if (!(tolerance >= 0) || maxIterations < 1) {
                throw new IllegalArgumentException("need tolerance ≥ 0 and maxIterations ≥ 1, got " + tolerance
                        + " and " + maxIterations);
            }
        }

        /** {@code components} components from a sample of {@link #DEFAULT_COVARIANCE_ROWS} rows, seed 0. */
        public static Options of(int components) {
            return new Options(components, DEFAULT_COVARIANCE_ROWS, 0, 1e-6, 40, Progress.NONE, () -> false);
        }

        /** These options sampling {@code rows} rows for the covariance (0 = all). */
        public Options withCovarianceRows(int rows) {
            return new Options(components, rows, seed, tolerance, maxIterations, progress, cancelled);
        }

        /** These options stopping at relative change {@code value} of the captured variance. */
        public Options withTolerance(double value) {
            return new Options(components, covarianceRows, seed, value, maxIterations, progress, cancelled);
        }

        /** These options with another seed. */
        public Options withSeed(long value) {
            return new Options(components, covarianceRows, value, tolerance, maxIterations, progress, cancelled);
        }

        /** These options reporting to {@code listener}. */
        public Options withProgress(Progress listener) {
            return new Options(components, covarianceRows, seed, tolerance, maxIterations, listener, cancelled);
        }

        /** These options polling {@code flag}. */
        public Options withCancellation(BooleanSupplier flag) {
            return new Options(components, covarianceRows, seed, tolerance, maxIterations, progress, flag);
        }
    }

    private Pca() {
    }

    /**
     * Fits PCA to rows {@code rows[i]} of {@code pixels}, where row r is {@code [r · dim, (r + 1) · dim)}.
     *
     * @throws IllegalArgumentException if there are no rows, dim is not positive or a row lies outside pixels
     * @throws CancellationException    if {@code options.cancelled()} turned true
     */
    public static PcaModel fit(byte[] pixels, int dim, int[] rows, Options options) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(options, "options");
        if (dim < 1 || rows.length == 0) {
            throw new IllegalArgumentException("PCA needs dim ≥ 1 and at least one row, got dim " + dim + " and "
                    + rows.length + " rows");
        }
        long available = pixels.length / dim;
        for (int r : rows) {
            if (r < 0 || r >= available) {
                throw new IllegalArgumentException("row " + r + " is outside the " + available + " rows of "
                        + dim + " bytes");
            }
        }
        double[] mean = mean(pixels, dim, rows);
        float[] meanF = toFloat(mean);

        int[] sampled = sample(rows, options.covarianceRows(), options.seed());
        int m = sampled.length;
        float[][] x = new float[m][dim];
        double total = 0;
        for (int i = 0; i < m; i++) {
            if ((i & 255) == 0) {
                checkCancelled(options.cancelled());
            }
            centredRow(pixels, sampled[i], dim, meanF, x[i]);
            for (float v : x[i]) {
                total += (double) v * v;
            }
        }
        total /= m;

        int rank = Math.min(dim, m);
        int k = Math.min(options.components(), rank);
        int b = Math.min(k + OVERSAMPLING, rank);
        Random random = new Random(options.seed() ^ 0x5DEECE66DL);
        double[][] q = new double[b][dim];
        for (double[] v : q) {
            for (int p = 0; p < dim; p++) {
                v[p] = random.nextGaussian();
            }
        }
        orthonormalise(q, random);

        double[][] ritz = q;
        double[] values = new double[b];
        double previous = Double.NaN;
        int iteration = 0;
        while (iteration < options.maxIterations()) {
            checkCancelled(options.cancelled());
            double[][] y = applyCovariance(x, q, dim, options.cancelled());
            double[][] h = new double[b][b];
            double[][] qi = q;
            parallel(b, (from, to) -> {
                for (int i = from; i < to; i++) {
                    for (int j = i; j < b; j++) {
                        h[i][j] = dot(qi[i], y[j]);
                    }
                }
            });
            SymmetricEigen eigen = SymmetricEigen.of(h);
            values = eigen.values();
            ritz = combine(q, eigen, dim);
            double[][] image = combine(y, eigen, dim);
            iteration++;
            options.progress().update(iteration, options.maxIterations(), "PCA: subspace iteration " + iteration);
            double captured = 0;
            for (int c = 0; c < k; c++) {
                captured += Math.max(0, values[c]);
            }
            boolean converged = !Double.isNaN(previous)
                    && Math.abs(captured - previous) <= options.tolerance() * Math.max(captured, Double.MIN_NORMAL);
            previous = captured;
            if (converged || iteration == options.maxIterations()) {
                break;
            }
            q = image;
            orthonormalise(q, random);
        }
        orthonormalise(ritz, random);
        double[][] axes = Arrays.copyOf(ritz, k);
        double[] variances = new double[k];
        for (int c = 0; c < k; c++) {
            variances[c] = Math.max(0, values[c]);
        }
        return new PcaModel(mean, axes, variances, total, m, iteration);
    }

    private static double[] mean(byte[] pixels, int dim, int[] rows) {
        long[] sums = new long[dim];
        for (int r : rows) {
            int base = r * dim;
            for (int p = 0; p < dim; p++) {
                sums[p] += pixels[base + p] & 0xFF;
            }
        }
        double[] mean = new double[dim];
        for (int p = 0; p < dim; p++) {
            mean[p] = (double) sums[p] / rows.length;
        }
        return mean;
    }

    private static int[] sample(int[] rows, int wanted, long seed) {
        if (wanted == 0 || wanted >= rows.length) {
            return rows.clone();
        }
        int[] order = Permutation.shuffled(rows.length, seed);
        int[] out = new int[wanted];
        for (int i = 0; i < wanted; i++) {
            out[i] = rows[order[i]];
        }
        Arrays.sort(out);
        return out;
    }

    /** C·Q as b rows: Σ_i (x_i · q_j) x_i / m, four data rows per pass over each q_j. */
    private static double[][] applyCovariance(float[][] x, double[][] q, int dim, BooleanSupplier cancelled) {
        int b = q.length;
        int m = x.length;
        float[][] qf = new float[b][];
        for (int j = 0; j < b; j++) {
            qf[j] = toFloat(q[j]);
        }
        float[][] acc = new float[b][dim];
        // each thread takes a range of the b vectors through all rows: the same sums in the same order
        parallel(b, (from, to) -> {
            float[][] block = new float[4][];
            double[] dots = new double[4];
            for (int i0 = 0; i0 < m; i0 += 4) {
                if ((i0 & 63) == 0) {
                    checkCancelled(cancelled);
                }
                int count = Math.min(4, m - i0);
                for (int r = 0; r < 4; r++) {
                    block[r] = x[Math.min(i0 + r, m - 1)];
                }
                for (int j = from; j < to; j++) {
                    RowKernel.dots(block, count, qf[j], dim, dots);
                    RowKernel.addScaled(acc[j], block, count, dots, dim);
                }
            }
        });
        double[][] y = new double[b][dim];
        for (int j = 0; j < b; j++) {
            for (int p = 0; p < dim; p++) {
                y[j][p] = acc[j][p] / (double) m;
            }
        }
        return y;
    }

    /** Rows Σ_i u_k[i] · basis[i] for each eigenvector u_k, in eigenvalue order. */
    private static double[][] combine(double[][] basis, SymmetricEigen eigen, int dim) {
        int b = basis.length;
        double[][] out = new double[b][dim];
        parallel(b, (from, to) -> {
            for (int k = from; k < to; k++) {
                double[] u = eigen.vector(k);
                for (int i = 0; i < b; i++) {
                    double w = u[i];
                    double[] src = basis[i];
                    double[] dst = out[k];
                    for (int p = 0; p < dim; p++) {
                        dst[p] += w * src[p];
                    }
                }
            }
        });
        return out;
    }

    /**
     * Modified Gram–Schmidt, twice per vector for orthogonality to rounding; a vector that vanishes (the
     * rows span fewer directions than the block) is replaced by a random one orthogonal to the others.
     */
    static void orthonormalise(double[][] v, Random random) {
        for (int i = 0; i < v.length; i++) {
            double before = norm(v[i]);
            for (int attempt = 0; ; attempt++) {
                for (int pass = 0; pass < 2; pass++) {
                    for (int j = 0; j < i; j++) {
                        subtractScaled(v[i], dot(v[i], v[j]), v[j]);
                    }
                }
                double after = norm(v[i]);
                if (after > 1e-10 * Math.max(before, 1e-300) && after > 0 || attempt > 8) {
                    for (int p = 0; p < v[i].length; p++) {
                        v[i][p] /= after;
                    }
                    break;
                }
                for (int p = 0; p < v[i].length; p++) {
                    v[i][p] = random.nextGaussian();
                }
                before = norm(v[i]);
            }
        }
    }

    private static final jdk.incubator.vector.VectorSpecies<Double> DOUBLES =
            jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED;

    /** a · b with four vector accumulators added in a fixed order (the same bits on every call). */
    static double dot(double[] a, double[] b) {
        int n = a.length;
        int step = DOUBLES.length();
        var s0 = jdk.incubator.vector.DoubleVector.zero(DOUBLES);
        var s1 = s0;
        var s2 = s0;
        var s3 = s0;
        int p = 0;
        for (; p + 4 * step <= n; p += 4 * step) {
            s0 = jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, a, p)
                    .fma(jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, b, p), s0);
            s1 = jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, a, p + step)
                    .fma(jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, b, p + step), s1);
            s2 = jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, a, p + 2 * step)
                    .fma(jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, b, p + 2 * step), s2);
            s3 = jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, a, p + 3 * step)
                    .fma(jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, b, p + 3 * step), s3);
        }
        double[] lanes = s0.add(s1).add(s2.add(s3)).toArray();
        double s = 0;
        for (double lane : lanes) {
            s += lane;
        }
        for (; p < n; p++) {
            s += a[p] * b[p];
        }
        return s;
    }

    /** a −= d · b. */
    private static void subtractScaled(double[] a, double d, double[] b) {
        int n = a.length;
        int step = DOUBLES.length();
        var minus = jdk.incubator.vector.DoubleVector.broadcast(DOUBLES, -d);
        int p = 0;
        for (; p + step <= n; p += step) {
            jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, b, p)
                    .fma(minus, jdk.incubator.vector.DoubleVector.fromArray(DOUBLES, a, p)).intoArray(a, p);
        }
        for (; p < n; p++) {
            a[p] -= d * b[p];
        }
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static void centredRow(byte[] pixels, int row, int dim, float[] mean, float[] out) {
        int base = row * dim;
        for (int p = 0; p < dim; p++) {
            out[p] = (pixels[base + p] & 0xFF) - mean[p];
        }
    }

    static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int p = 0; p < v.length; p++) {
            out[p] = (float) v[p];
        }
        return out;
    }

    /** Work on index ranges of [0, n): ranges may run on any thread; each index in exactly one range. */
    @FunctionalInterface
    private interface RangeBody {
        void run(int from, int to);
    }

    /**
     * Splits [0, n) into one contiguous range per core, run on the common pool and the calling thread.
     * Every index is computed exactly as a single thread would, so results do not depend on the split.
     * The first failure is rethrown after all ranges end.
     */
    private static void parallel(int n, RangeBody body) {
        int parts = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        if (parts == 1 || n < 8) {
            body.run(0, n);
            return;
        }
        java.util.List<java.util.concurrent.ForkJoinTask<?>> tasks = new java.util.ArrayList<>();
        for (int t = 1; t < parts; t++) {
            int from = (int) ((long) n * t / parts);
            int to = (int) ((long) n * (t + 1) / parts);
            tasks.add(java.util.concurrent.ForkJoinPool.commonPool().submit(() -> body.run(from, to)));
        }
        RuntimeException failure = null;
        try {
            body.run(0, n / parts);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (java.util.concurrent.ForkJoinTask<?> task : tasks) {
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

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("PCA cancelled");
        }
    }
}
