package org.classifierlab.core.embedding;

import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.classifierlab.core.Progress;

/**
 * t-SNE (van der Maaten & Hinton 2008) to two dimensions with the Barnes–Hut approximation (van der Maaten
 * 2014): sparse input similarities over ⌊3 · perplexity⌋ nearest neighbours, perplexity matched by binary
 * search per point, early exaggeration, momentum and per-coordinate gains, repulsion through a quadtree
 * with opening angle θ (θ = 0 computes it exactly). Seeded, so a seed gives the same map on every run.
 * Stateless; any thread (the neighbour search and each gradient use the common fork-join pool too).
 */
public final class Tsne {

    /** Default perplexity, as in the paper and most implementations. */
    public static final double DEFAULT_PERPLEXITY = 30;
    /** Default Barnes–Hut opening angle. */
    public static final double DEFAULT_THETA = 0.5;
    /** Default iterations in all. */
    public static final int DEFAULT_ITERATIONS = 750;

    private static final double MIN_GAIN = 0.01;
    /** Fixed work split of the gradient (independent of the core count, so results are too). */
    private static final int CHUNKS = 32;

    /**
     * Receives a copy of the layout while t-SNE runs, at most every {@link Options#snapshotMillis()}: on the
     * computing thread, so it must be cheap and hand the array on (it is the receiver's to keep).
     */
    @FunctionalInterface
    public interface LayoutListener {
        /** @param xy {@code n} points as x0, y0, x1, y1, … */
        void layout(int iteration, double[] xy);
    }

    /**
     * How to run. Immutable; any thread.
     *
     * @param perplexity            effective number of neighbours, &gt; 0 and below the number of points
     * @param theta                 Barnes–Hut opening angle, ≥ 0 (0 = exact repulsion, O(n²) per iteration)
     * @param iterations            iterations in all, at least 1
     * @param exaggerationIterations iterations with P multiplied by {@code exaggeration} and momentum 0.5
     * @param exaggeration          early exaggeration factor, ≥ 1 (12 as in the 2014 paper)
     * @param learningRate          step size, or 0 for max(n / exaggeration / 4, 50) (Belkina et al. 2019
     *                              in the convention where the gradient carries its factor 4)
     * @param seed                  seeds the initial layout, N(0, 10⁻⁴ I)
     * @param snapshotMillis        least time between two layout snapshots
     * @param listener              receives the snapshots
     * @param progress              told the iterations done (of {@code iterations}) every iteration
     * @param cancelled             polled every iteration and during the neighbour search
     */
    public record Options(double perplexity, double theta, int iterations, int exaggerationIterations,
                          double exaggeration, double learningRate, long seed, long snapshotMillis,
                          LayoutListener listener, Progress progress, BooleanSupplier cancelled) {

        public Options {
            Objects.requireNonNull(listener, "listener");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(cancelled, "cancelled");
            if (!(perplexity > 0) || !(theta >= 0) || iterations < 1 || exaggerationIterations < 0
                    || !(exaggeration >= 1) || !(learningRate >= 0) || snapshotMillis < 0) {
                throw new IllegalArgumentException("invalid t-SNE options: perplexity " + perplexity + ", θ " + theta
                        + ", iterations " + iterations + ", exaggeration " + exaggeration + " for "
                        + exaggerationIterations + ", learning rate " + learningRate);
            }
        }

        /** Perplexity 30, θ 0.5, 750 iterations of which 250 exaggerated ×12, automatic learning rate, seed 0. */
        public static Options defaults() {
            return new Options(DEFAULT_PERPLEXITY, DEFAULT_THETA, DEFAULT_ITERATIONS, 250, 12, 0, 0, 50,
                    (iteration, xy) -> { }, Progress.NONE, () -> false);
        }

        public Options withPerplexity(double value) {
            return new Options(value, theta, iterations, exaggerationIterations, exaggeration, learningRate, seed,
                    snapshotMillis, listener, progress, cancelled);
        }

        public Options withTheta(double value) {
            return new Options(perplexity, value, iterations, exaggerationIterations, exaggeration, learningRate,
                    seed, snapshotMillis, listener, progress, cancelled);
        }

        /** These options with {@code total} iterations, {@code exaggerated} of them early-exaggerated. */
        public Options withIterations(int total, int exaggerated) {
            return new Options(perplexity, theta, total, exaggerated, exaggeration, learningRate, seed,
                    snapshotMillis, listener, progress, cancelled);
        }

        public Options withSeed(long value) {
            return new Options(perplexity, theta, iterations, exaggerationIterations, exaggeration, learningRate,
                    value, snapshotMillis, listener, progress, cancelled);
        }

        /** These options sending a snapshot at most every {@code millis} to {@code receiver}. */
        public Options withSnapshots(long millis, LayoutListener receiver) {
            return new Options(perplexity, theta, iterations, exaggerationIterations, exaggeration, learningRate,
                    seed, millis, receiver, progress, cancelled);
        }

        public Options withProgress(Progress listener) {
            return new Options(perplexity, theta, iterations, exaggerationIterations, exaggeration, learningRate,
                    seed, snapshotMillis, this.listener, listener, cancelled);
        }

        public Options withCancellation(BooleanSupplier flag) {
            return new Options(perplexity, theta, iterations, exaggerationIterations, exaggeration, learningRate,
                    seed, snapshotMillis, listener, progress, flag);
        }
    }

    /**
     * A finished layout. Immutable (arrays are copied out).
     *
     * @param xy           the n points as x0, y0, x1, y1, …
     * @param klDivergence KL(P ‖ Q) of the final layout (Q normalised as the gradient's Barnes–Hut Z)
     * @param iterations   iterations run
     */
    public record Result(double[] xy, double klDivergence, int iterations) {
        public Result {
            xy = xy.clone();
        }

        @Override
        public double[] xy() {
            return xy.clone();
        }

        /** Number of points. */
        public int size() {
            return xy.length / 2;
        }
    }

    private Tsne() {
    }

    /**
     * Embeds the n rows of {@code x} (row-major, {@code dim} columns) in 2D.
     *
     * @throws IllegalArgumentException if n &lt; 2, the array is too short or the perplexity is not below n
     * @throws CancellationException    if {@code options.cancelled()} turned true; nothing is returned
     */
    public static Result run(float[] x, int n, int dim, Options options) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(options, "options");
        if (n < 2 || dim < 1 || x.length < (long) n * dim) {
            throw new IllegalArgumentException("t-SNE needs at least 2 rows of at least 1 column, got " + n
                    + " rows of " + dim + " in " + x.length + " values");
        }
        if (options.perplexity() >= n) {
            throw new IllegalArgumentException("perplexity must be below the number of points (" + n + "), was "
                    + options.perplexity());
        }
        Affinities p = Affinities.of(x, n, dim, options.perplexity(), options.progress(), options.cancelled());
        return optimise(p, initialLayout(n, options.seed()), options);
    }

    static double[] initialLayout(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e-4 * random.nextGaussian();
        }
        return y;
    }

    /** Gradient descent from layout {@code y} (modified in place) on affinities {@code p}. */
    static Result optimise(Affinities p, double[] y, Options options) {
        int n = p.n;
        double rate = options.learningRate() > 0 ? options.learningRate()
                : Math.max(n / options.exaggeration() / 4, 50);
        double[] gradient = new double[2 * n];
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        long lastSnapshot = System.nanoTime();
        long gap = options.snapshotMillis() * 1_000_000L;
        int total = options.iterations();
        double z = 0;
        for (int it = 0; it < total; it++) {
            if (options.cancelled().getAsBoolean()) {
                throw new CancellationException("t-SNE cancelled");
            }
            boolean early = it < options.exaggerationIterations();
            double exaggeration = early ? options.exaggeration() : 1;
            double momentum = early ? 0.5 : 0.8;
            z = gradient(p, y, exaggeration, options.theta(), gradient);
            for (int c = 0; c < 2 * n; c++) {
                double g = gradient[c];
                gains[c] = Math.signum(g) != Math.signum(update[c]) ? gains[c] + 0.2 : gains[c] * 0.8;
                if (gains[c] < MIN_GAIN) {
                    gains[c] = MIN_GAIN;
                }
                update[c] = momentum * update[c] - rate * gains[c] * g;
                y[c] += update[c];
            }
            centre(y, n);
            options.progress().update(it + 1, total, "t-SNE: iteration " + (it + 1) + " of " + total);
            long now = System.nanoTime();
            if (now - lastSnapshot >= gap && it + 1 < total) {
                lastSnapshot = now;
                options.listener().layout(it + 1, y.clone());
            }
        }
        if (options.cancelled().getAsBoolean()) {
            throw new CancellationException("t-SNE cancelled");
        }
        double[] unused = new double[2 * n];
        z = gradient(p, y, 1, options.theta(), unused);
        return new Result(y, klDivergence(p, y, z), total);
    }

    private static void centre(double[] y, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }

    /**
     * ∂C/∂y_i = 4 Σ_j (α p_ij − q_ij) (y_i − y_j) / (1 + |y_i − y_j|²) into {@code out}, with the repulsive
     * part by Barnes–Hut at {@code theta} (exact at 0); returns the normaliser Z = Σ_{k≠l} 1 / (1 + d²_kl).
     */
    static double gradient(Affinities p, double[] y, double exaggeration, double theta, double[] out) {
        int n = p.n;
        double[] rep = new double[2 * n];
        QuadTree tree = theta > 0 ? new QuadTree(y, n) : null;
        // Points are split into fixed chunks run in parallel; each chunk sums its own share of Z and the shares
        // are added in chunk order, so the result does not depend on the number of threads.
        int chunks = Math.max(1, Math.min(CHUNKS, n / 64));
        double[] zShare = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            zShare[c] = tree != null ? barnesHut(tree, from, to, theta, rep) : exactRepulsion(y, n, from, to, rep);
        });
        double z = 0;
        for (double share : zShare) {
            z += share;
        }
        double zz = z;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            attraction(p, y, exaggeration, zz, rep, from, to, out);
        });
        return z;
    }

    private static double barnesHut(QuadTree tree, int from, int to, double theta, double[] rep) {
        int[] stack = tree.newStack();
        double[] f = new double[2];
        double z = 0;
        for (int i = from; i < to; i++) {
            f[0] = 0;
            f[1] = 0;
            z += tree.repulsion(i, theta, f, stack);
            rep[2 * i] = f[0];
            rep[2 * i + 1] = f[1];
        }
        return z;
    }

    private static double exactRepulsion(double[] y, int n, int from, int to, double[] rep) {
        double z = 0;
        for (int i = from; i < to; i++) {
            double fx = 0;
            double fy = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double q = 1 / (1 + dx * dx + dy * dy);
                z += q;
                fx += q * q * dx;
                fy += q * q * dy;
            }
            rep[2 * i] = fx;
            rep[2 * i + 1] = fy;
        }
        return z;
    }

    private static void attraction(Affinities p, double[] y, double exaggeration, double z, double[] rep, int from,
                                   int to, double[] out) {
        for (int i = from; i < to; i++) {
            double ax = 0;
            double ay = 0;
            double xi = y[2 * i];
            double yi = y[2 * i + 1];
            for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                int j = p.columns[e];
                double dx = xi - y[2 * j];
                double dy = yi - y[2 * j + 1];
                double w = p.values[e] / (1 + dx * dx + dy * dy);
                ax += w * dx;
                ay += w * dy;
            }
            out[2 * i] = 4 * (exaggeration * ax - rep[2 * i] / z);
            out[2 * i + 1] = 4 * (exaggeration * ay - rep[2 * i + 1] / z);
        }
    }

    /** KL(P ‖ Q) = Σ p_ij ln(p_ij / q_ij) over the stored entries, q_ij = 1 / ((1 + d²_ij) Z). */
    static double klDivergence(Affinities p, double[] y, double z) {
        double kl = 0;
        for (int i = 0; i < p.n; i++) {
            for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                double v = p.values[e];
                if (v <= 0) {
                    continue;
                }
                int j = p.columns[e];
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double q = 1 / ((1 + dx * dx + dy * dy) * z);
                kl += v * Math.log(v / Math.max(q, Double.MIN_NORMAL));
            }
        }
        return kl;
    }
}
