package org.classifierlab.core.embedding;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.classifierlab.core.Progress;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.FloatMatrix;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;

/**
 * The symmetric input similarities p_ij of t-SNE as a sparse matrix (compressed rows): each point's
 * conditional distribution over its ⌊3 · perplexity⌋ nearest neighbours, Gaussian with the precision
 * found by binary search to match the perplexity, then p_ij = (p_j|i + p_i|j) / 2n. Immutable; any thread.
 */
final class Affinities {

    private static final int SEARCH_STEPS = 200;
    private static final double ENTROPY_TOLERANCE = 1e-5;

    final int n;
    /** Row i's entries are [rowStart[i], rowStart[i + 1]) of columns and values. */
    final int[] rowStart;
    final int[] columns;
    final double[] values;

    Affinities(int n, int[] rowStart, int[] columns, double[] values) {
        this.n = n;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /**
     * Affinities of the n rows of {@code x} (row-major, {@code dim} columns).
     *
     * @throws CancellationException if {@code cancelled} turns true
     */
    static Affinities of(float[] x, int n, int dim, double perplexity, Progress progress, BooleanSupplier cancelled) {
        int k = Math.min(n - 1, (int) Math.floor(3 * perplexity));
        if (k < 1) {
            throw new IllegalArgumentException("t-SNE needs at least 2 points, got " + n);
        }
        FloatMatrix m = new FloatMatrix(x, n, dim);
        NeighbourTable table = DistanceEngine.nearest(m, m, DistanceEngine.Options.of(k + 1, Metric.L2)
                .withCancellation(cancelled)
                .withProgress((done, total, message) -> progress.update(done, total, "t-SNE: nearest neighbours")));
        int[] nbr = new int[n * k];
        double[] d2 = new double[n * k];
        for (int i = 0; i < n; i++) {
            int w = 0;
            for (int j = 0; j <= k && w < k; j++) {
                int r = table.index(i, j);
                if (r == i) {
                    continue;
                }
                double d = table.distance(i, j);
                nbr[i * k + w] = r;
                d2[i * k + w] = d * d;
                w++;
            }
        }
        double[] conditional = new double[n * k];
        double[] row = new double[k];
        for (int i = 0; i < n; i++) {
            if ((i & 255) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("t-SNE cancelled");
            }
            System.arraycopy(d2, i * k, row, 0, k);
            double[] p = conditionalRow(row, perplexity);
            System.arraycopy(p, 0, conditional, i * k, k);
        }
        return symmetrise(n, k, nbr, conditional);
    }

    /**
     * p_j|i ∝ exp(−β d²_j) over the given squared distances with β chosen so that the entropy is
     * ln(perplexity) (bisection on β, as in van der Maaten's reference code). Sums to 1.
     */
    static double[] conditionalRow(double[] d2, double perplexity) {
        int k = d2.length;
        double target = Math.log(perplexity);
        double min = Double.POSITIVE_INFINITY;
        for (double v : d2) {
            min = Math.min(min, v);
        }
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double[] p = new double[k];
        for (int step = 0; step < SEARCH_STEPS; step++) {
            double sum = 0;
            double weighted = 0;
            for (int j = 0; j < k; j++) {
                // Shifting by the smallest distance keeps exp from underflowing for large β; it cancels.
                p[j] = Math.exp(-beta * (d2[j] - min));
                sum += p[j];
                weighted += p[j] * (d2[j] - min);
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            double diff = entropy - target;
            if (Math.abs(diff) < ENTROPY_TOLERANCE) {
                break;
            }
            if (diff > 0) {
                lo = beta;
                beta = Double.isInfinite(hi) ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            p[j] = Math.exp(-beta * (d2[j] - min));
            sum += p[j];
        }
        for (int j = 0; j < k; j++) {
            p[j] /= sum;
        }
        return p;
    }

    /** (P + Pᵀ) / 2n of a k-nearest-neighbour conditional matrix, rows sorted by column. */
    static Affinities symmetrise(int n, int k, int[] nbr, double[] conditional) {
        Objects.requireNonNull(nbr);
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                count[i]++;
                count[nbr[i * k + j]]++;
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        long[] keys = new long[start[n]];
        double[] vals = new double[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int c = nbr[i * k + j];
                double v = conditional[i * k + j];
                int a = fill[i]++;
                keys[a] = c;
                vals[a] = v;
                int b = fill[c]++;
                keys[b] = i;
                vals[b] = v;
            }
        }
        int[] rowStart = new int[n + 1];
        int[] cols = new int[start[n]];
        double[] out = new double[start[n]];
        int w = 0;
        Integer[] order = new Integer[0];
        for (int i = 0; i < n; i++) {
            int s = start[i];
            int e = start[i + 1];
            int len = e - s;
            if (order.length < len) {
                order = new Integer[len];
            }
            for (int t = 0; t < len; t++) {
                order[t] = s + t;
            }
            long[] kk = keys;
            Arrays.sort(order, 0, len, (x, y) -> Long.compare(kk[x], kk[y]));
            rowStart[i] = w;
            int last = -1;
            for (int t = 0; t < len; t++) {
                int c = (int) keys[order[t]];
                double v = vals[order[t]] / (2.0 * n);
                if (c == last) {
                    out[w - 1] += v;
                } else {
                    cols[w] = c;
                    out[w] = v;
                    w++;
                    last = c;
                }
            }
        }
        rowStart[n] = w;
        return new Affinities(n, rowStart, Arrays.copyOf(cols, w), Arrays.copyOf(out, w));
    }

    /** Number of stored entries. */
    int entries() {
        return rowStart[n];
    }
}
