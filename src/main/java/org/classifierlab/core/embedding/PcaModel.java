package org.classifierlab.core.embedding;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A fitted principal component analysis: the mean row, orthonormal axes by descending variance and the
 * variance along each. Immutable; any thread.
 */
public final class PcaModel {

    private final double[] mean;
    private final double[][] axes;
    private final double[] variances;
    private final double totalVariance;
    private final int sampleRows;
    private final int iterations;

    PcaModel(double[] mean, double[][] axes, double[] variances, double totalVariance, int sampleRows,
             int iterations) {
        this.mean = mean;
        this.axes = axes;
        this.variances = variances;
        this.totalVariance = totalVariance;
        this.sampleRows = sampleRows;
        this.iterations = iterations;
    }

    /** Number of components kept. */
    public int components() {
        return axes.length;
    }

    /** Length of an input row. */
    public int dim() {
        return mean.length;
    }

    /** The mean of all input rows; a copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** Unit axis of component {@code c} (0 = most variance); a copy. */
    public double[] axis(int c) {
        return axes[c].clone();
    }

    /** Variance of the sampled rows along axis {@code c} (an eigenvalue of their covariance, divided by m). */
    public double variance(int c) {
        return variances[c];
    }

    /** Total variance of the sampled rows: the trace of their covariance. */
    public double totalVariance() {
        return totalVariance;
    }

    /** Share of the total variance along axis {@code c}, in [0, 1]; 0 when the rows do not vary. */
    public double explainedVarianceRatio(int c) {
        return totalVariance > 0 ? variances[c] / totalVariance : 0;
    }

    /** Share of the total variance the kept components explain together. */
    public double explainedVarianceRatio() {
        double s = 0;
        for (int c = 0; c < variances.length; c++) {
            s += explainedVarianceRatio(c);
        }
        return Math.min(1, s);
    }

    /** Rows the covariance was estimated from. */
    public int sampleRows() {
        return sampleRows;
    }

    /** Subspace iterations the fit took. */
    public int iterations() {
        return iterations;
    }

    /** Coordinates of {@code row} (length {@link #dim()}) along the kept axes. */
    public double[] project(double[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("row has " + row.length + " entries, the model " + mean.length);
        }
        double[] out = new double[axes.length];
        for (int c = 0; c < axes.length; c++) {
            double s = 0;
            for (int p = 0; p < row.length; p++) {
                s += (row[p] - mean[p]) * axes[c][p];
            }
            out[c] = s;
        }
        return out;
    }

    /** The row whose coordinates are {@code coordinates}: mean + Σ coordinates[c] · axis(c). */
    public double[] reconstruct(double[] coordinates) {
        if (coordinates.length != axes.length) {
            throw new IllegalArgumentException("expected " + axes.length + " coordinates, got " + coordinates.length);
        }
        double[] out = mean.clone();
        for (int c = 0; c < axes.length; c++) {
            for (int p = 0; p < out.length; p++) {
                out[p] += coordinates[c] * axes[c][p];
            }
        }
        return out;
    }

    /**
     * Coordinates of uint8 rows {@code rows[i]} of {@code pixels} (row r at {@code [r · dim, (r + 1) · dim)}),
     * row-major: {@code result[i · components() + c]}.
     *
     * @throws CancellationException if {@code cancelled} turns true (polled every 64 rows)
     */
    public float[] project(byte[] pixels, int[] rows, BooleanSupplier cancelled) {
        Objects.requireNonNull(cancelled, "cancelled");
        int dim = mean.length;
        int k = axes.length;
        float[][] axesF = new float[k][];
        for (int c = 0; c < k; c++) {
            axesF[c] = Pca.toFloat(axes[c]);
        }
        float[] meanF = Pca.toFloat(mean);
        float[] out = new float[Math.multiplyExact(rows.length, k)];
        float[][] block = new float[4][dim];
        double[] dots = new double[4];
        for (int i0 = 0; i0 < rows.length; i0 += 4) {
            if ((i0 & 63) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("PCA projection cancelled");
            }
            int count = Math.min(4, rows.length - i0);
            for (int r = 0; r < count; r++) {
                Pca.centredRow(pixels, rows[i0 + r], dim, meanF, block[r]);
            }
            for (int c = 0; c < k; c++) {
                RowKernel.dots(block, count, axesF[c], dim, dots);
                for (int r = 0; r < count; r++) {
                    out[(i0 + r) * k + c] = (float) dots[r];
                }
            }
        }
        return out;
    }
}
