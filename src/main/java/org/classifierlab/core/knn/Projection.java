package org.classifierlab.core.knn;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.classifierlab.core.Progress;
import org.classifierlab.core.embedding.Pca;
import org.classifierlab.core.embedding.PcaModel;

/**
 * The L2 lower bounds of a {@link PrunedIndex}: an orthonormal projection of the centred pixels onto
 * principal axes plus the length of what the projection leaves out, stored in float with a proven
 * rounding allowance. Immutable once built; any threads.
 */
final class Projection {

    /*
     * Why it is a lower bound. Let P (m × n, rows p_k) be the stored basis, Π the orthogonal projector
     * onto its row space, μ the integer mean and z = x − μ. With e(x) = (P z, ρ(x)), ρ(x) = ‖(I − Π) z‖:
     *   ‖a − b‖² = ‖Π(a − b)‖² + ‖(I − Π)(a − b)‖² ≥ ‖P(a − b)‖² / (1 + η)² + (ρ(a) − ρ(b))²
     * (Pythagoras; the reverse triangle inequality on the residuals; every singular value of P lies in
     * [1 − η, 1 + η], η from Gershgorin on P Pᵀ − I plus its rounding). Hence ‖e(a) − e(b)‖ ≤ (1 + η) ‖a − b‖.
     * We store ẽ(x), e(x) rounded: ‖ẽ(x) − e(x)‖ ≤ δ for every uint8 row x (δ below: double
     * accumulation of P z, ρ² = ‖z‖² − ‖P z‖² with its η and rounding error, float storage). The bound B̃
     * is Σ (ẽ_i(a) − ẽ_i(b))² summed in float, at most (1 + γ) times the exact sum of the stored values'
     * squared differences (D terms, depth ≤ D + 18 roundings of 2⁻²⁴). So if the key ‖a − b‖² ≤ τ then
     *   B̃ ≤ T(τ) = (1 + γ) ((1 + η) √τ + 2δ)²,
     * and a row whose B̃ exceeds T(τ) cannot enter. T is computed in double with a further relative
     * 10⁻¹² and rounded up to float. δ is doubled once more for safety: about 0.3 of a grey level on
     * CIFAR, where √τ is in the thousands, so the allowance costs no pruning.
     *
     * Two levels from the same basis: SCAN leading axes (plus their residual) for every reference,
     * stored chunk-major and scanned like the block sums; all FINE axes (plus residual), reference-major,
     * read where the scan bound passes. Float bits of non-negative floats order like the floats, so
     * bounds travel as ints beside the block levels' integer bounds.
     */

    /** Axes of the fine level (fewer for short rows or few references). */
    static final int FINE = 128;
    /** Leading axes of the scanned level. */
    static final int SCAN = 64;
    /** Rows sampled for the principal axes; any orthonormal basis is exact, the sample only sets how tight. */
    private static final int SAMPLE = 1000;
    private static final double UNIT_F = 0x1p-24;
    private static final double UNIT_D = 0x1p-53;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    static final int LANES = INTS.length();
    private static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class, INTS.vectorShape());
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = DOUBLES.length();
    /** Axes per block of the blocked basis: two double vectors. */
    private static final int AXIS_BLOCK = 2 * DL;
    /** Rows projected per kernel call while building. */
    private static final int ROWS = 8;

    final int cols;
    /** Axes kept (m). */
    final int axes;
    /** Axes of the scan level. */
    final int scanAxes;
    /** Floats per reference in the scan level: scanAxes + 1 (residual). */
    final int scanDims;
    /** Floats per reference in the fine level, axes + 1 padded to a multiple of the lanes. */
    final int fineStride;
    private final int paddedAxes;
    private final int[] mean;
    /** The basis by blocks of AXIS_BLOCK axes: block b, column j, axis a at {@code (b · cols + j) · AXIS_BLOCK + a}. */
    private final double[] basis;
    final double eta;
    private final double deltaScan;
    private final double deltaFine;
    /** Scan level, chunk-major: reference r, value d at {@code ((r / LANES) · scanDims + d) · LANES + r % LANES}. */
    final float[] scan;
    /** Fine level, reference-major: {@code r · fineStride + d}. */
    final float[] fine;

    private Projection(int cols, int axes, int scanAxes, int[] mean, double[] basis, double eta, double deltaScan,
                       double deltaFine, float[] scan, float[] fine) {
        this.cols = cols;
        this.axes = axes;
        this.scanAxes = scanAxes;
        this.scanDims = scanAxes + 1;
        this.fineStride = (axes + 1 + LANES - 1) / LANES * LANES;
        this.paddedAxes = (axes + AXIS_BLOCK - 1) / AXIS_BLOCK * AXIS_BLOCK;
        this.mean = mean;
        this.basis = basis;
        this.eta = eta;
        this.deltaScan = deltaScan;
        this.deltaFine = deltaFine;
        this.scan = scan;
        this.fine = fine;
    }

    /**
     * The projection of {@code refs}, or null where it cannot help (rows shorter than 16 values, fewer
     * than 64 references, or no variance).
     */
    static Projection build(ByteMatrix refs, int workers, BooleanSupplier cancelled) {
        int rows = refs.rows();
        int cols = refs.cols();
        if (cols < 16 || rows < 64) {
            return null;
        }
        // evenly spaced rows: their mean is μ and their covariance gives the axes
        int sampled = Math.min(rows, SAMPLE);
        int[] sample = new int[sampled];
        for (int i = 0; i < sampled; i++) {
            sample[i] = (int) ((long) i * rows / sampled);
        }
        int wanted = Math.min(FINE, Math.min(cols / 2, sampled - 1));
        PcaModel model = Pca.fit(refs.data(), cols, sample,
                new Pca.Options(wanted, 0, 0, 1e-3, 3, Progress.NONE, cancelled));
        int m = model.components();
        if (m < 2) {
            return null;
        }
        double[][] p = new double[m][];
        for (int k = 0; k < m; k++) {
            p[k] = model.axis(k);
        }
        double eta = gershgorin(p, cols);
        if (!(eta < 1e-6)) {
            return null;
        }
        double[] meanD = model.mean();
        int[] mean = new int[cols];
        double nMax = 0;
        for (int j = 0; j < cols; j++) {
            mean[j] = (int) Math.max(0, Math.min(255, Math.round(meanD[j])));
            double far = Math.max(mean[j], 255 - mean[j]);
            nMax += far * far;
        }
        int scanAxes = Math.min(SCAN, m);
        int padded = (m + AXIS_BLOCK - 1) / AXIS_BLOCK * AXIS_BLOCK;
        double[] basis = new double[padded * cols];
        for (int k = 0; k < m; k++) {
            for (int j = 0; j < cols; j++) {
                basis[((k / AXIS_BLOCK) * cols + j) * AXIS_BLOCK + k % AXIS_BLOCK] = p[k][j];
            }
        }
        int paddedRows = (rows + LANES - 1) / LANES * LANES;
        int fineStride = (m + 1 + LANES - 1) / LANES * LANES;
        Projection shape = new Projection(cols, m, scanAxes, mean, basis, eta, delta(scanAxes, cols, eta, nMax),
                delta(m, cols, eta, nMax), new float[Math.multiplyExact(paddedRows, scanAxes + 1)],
                new float[Math.multiplyExact(rows, fineStride)]);
        int blocks = (rows + 255) / 256;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        DistanceEngine.parallel(Math.max(1, Math.min(workers, blocks)), w -> {
            double[][] z = new double[ROWS][cols];
            double[] coords = new double[ROWS * padded];
            float[] scanRow = new float[scanAxes + 1];
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                if (stopped.get() || cancelled.getAsBoolean()) {
                    stopped.set(true);
                    return;
                }
                for (int r0 = b * 256; r0 < Math.min(rows, b * 256 + 256); r0 += ROWS) {
                    int n = Math.min(ROWS, rows - r0);
                    long[] norms = new long[ROWS];
                    for (int i = 0; i < ROWS; i++) {
                        norms[i] = i < n ? shape.centre(refs.data(), (r0 + i) * cols, z[i]) : shape.zero(z[i]);
                    }
                    shape.project8(z, coords);
                    for (int i = 0; i < n; i++) {
                        int r = r0 + i;
                        shape.embed(coords, i * padded, norms[i], scanRow, shape.fine, r * fineStride);
                        int base = (r / LANES) * (scanAxes + 1) * LANES + r % LANES;
                        for (int d = 0; d <= scanAxes; d++) {
                            shape.scan[base + d * LANES] = scanRow[d];
                        }
                    }
                }
            }
        });
        if (stopped.get()) {
            throw new CancellationException("indexing cancelled");
        }
        return shape;
    }

    /**
     * Bound on every singular value's distance from 1: Gershgorin on P Pᵀ − I computed in double, plus
     * the most each of its m entries can be off (n products of unit-bounded rows, each rounding 2⁻⁵³).
     */
    private static double gershgorin(double[][] p, int cols) {
        int m = p.length;
        double worst = 0;
        double entryError = 1.01 * cols * UNIT_D * 1.5;
        for (int i = 0; i < m; i++) {
            double row = 0;
            for (int k = 0; k < m; k++) {
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    s += p[i][j] * p[k][j];
                }
                row += Math.abs(s - (i == k ? 1 : 0)) + entryError;
            }
            worst = Math.max(worst, row);
        }
        return worst;
    }

    /**
     * δ, doubled: how far a stored (axes + residual) vector can be from its exact value, for any uint8 row
     * (‖z‖² ≤ nMax). Terms: double accumulation of each coordinate (n roundings of at most (1 + η)√nMax in
     * all), the residual ρ = √(‖z‖² − Σ c²) (η's effect 3η‖z‖², the sum's and subtraction's rounding,
     * the coordinates' own error; |√x − √y| ≤ √|x − y|), and float storage (2⁻²⁴ of the vector's length).
     */
    private static double delta(int m, int cols, double eta, double nMax) {
        double norm = (1 + eta) * Math.sqrt(nMax);
        double gammaD = 1.01 * cols * UNIT_D;
        double coordinates = Math.sqrt(m) * gammaD * norm;
        double residualSquared = 3 * eta * nMax + 1.01 * (m + 4) * UNIT_D * 2 * nMax
                + 2 * norm * coordinates + coordinates * coordinates;
        double residual = Math.sqrt(residualSquared);
        double storage = 1.01 * UNIT_F * (norm + residual + coordinates + 1);
        return 2 * (coordinates + residual + storage);
    }

    /** Writes x − μ of the row at {@code data[offset …]} into z; returns ‖x − μ‖², exact. */
    private long centre(byte[] data, int offset, double[] z) {
        long norm = 0;
        for (int j = 0; j < cols; j++) {
            int v = (data[offset + j] & 0xFF) - mean[j];
            z[j] = v;
            norm += (long) v * v;
        }
        return norm;
    }

    private long zero(double[] z) {
        java.util.Arrays.fill(z, 0);
        return 0;
    }

    /** P z of ROWS centred rows into {@code out[i · paddedAxes + k]}. */
    private void project8(double[][] z, double[] out) {
        double[] z0 = z[0];
        double[] z1 = z[1];
        double[] z2 = z[2];
        double[] z3 = z[3];
        double[] z4 = z[4];
        double[] z5 = z[5];
        double[] z6 = z[6];
        double[] z7 = z[7];
        for (int blk = 0; blk < paddedAxes / AXIS_BLOCK; blk++) {
            DoubleVector a0 = DoubleVector.zero(DOUBLES);
            DoubleVector b0 = a0;
            DoubleVector a1 = a0;
            DoubleVector b1 = a0;
            DoubleVector a2 = a0;
            DoubleVector b2 = a0;
            DoubleVector a3 = a0;
            DoubleVector b3 = a0;
            DoubleVector a4 = a0;
            DoubleVector b4 = a0;
            DoubleVector a5 = a0;
            DoubleVector b5 = a0;
            DoubleVector a6 = a0;
            DoubleVector b6 = a0;
            DoubleVector a7 = a0;
            DoubleVector b7 = a0;
            int base = blk * cols * AXIS_BLOCK;
            for (int j = 0; j < cols; j++) {
                int o = base + j * AXIS_BLOCK;
                DoubleVector p = DoubleVector.fromArray(DOUBLES, basis, o);
                DoubleVector q = DoubleVector.fromArray(DOUBLES, basis, o + DL);
                double v;
                v = z0[j];
                a0 = p.fma(DoubleVector.broadcast(DOUBLES, v), a0);
                b0 = q.fma(DoubleVector.broadcast(DOUBLES, v), b0);
                v = z1[j];
                a1 = p.fma(DoubleVector.broadcast(DOUBLES, v), a1);
                b1 = q.fma(DoubleVector.broadcast(DOUBLES, v), b1);
                v = z2[j];
                a2 = p.fma(DoubleVector.broadcast(DOUBLES, v), a2);
                b2 = q.fma(DoubleVector.broadcast(DOUBLES, v), b2);
                v = z3[j];
                a3 = p.fma(DoubleVector.broadcast(DOUBLES, v), a3);
                b3 = q.fma(DoubleVector.broadcast(DOUBLES, v), b3);
                v = z4[j];
                a4 = p.fma(DoubleVector.broadcast(DOUBLES, v), a4);
                b4 = q.fma(DoubleVector.broadcast(DOUBLES, v), b4);
                v = z5[j];
                a5 = p.fma(DoubleVector.broadcast(DOUBLES, v), a5);
                b5 = q.fma(DoubleVector.broadcast(DOUBLES, v), b5);
                v = z6[j];
                a6 = p.fma(DoubleVector.broadcast(DOUBLES, v), a6);
                b6 = q.fma(DoubleVector.broadcast(DOUBLES, v), b6);
                v = z7[j];
                a7 = p.fma(DoubleVector.broadcast(DOUBLES, v), a7);
                b7 = q.fma(DoubleVector.broadcast(DOUBLES, v), b7);
            }
            int at = blk * AXIS_BLOCK;
            store(a0, b0, out, at);
            store(a1, b1, out, paddedAxes + at);
            store(a2, b2, out, 2 * paddedAxes + at);
            store(a3, b3, out, 3 * paddedAxes + at);
            store(a4, b4, out, 4 * paddedAxes + at);
            store(a5, b5, out, 5 * paddedAxes + at);
            store(a6, b6, out, 6 * paddedAxes + at);
            store(a7, b7, out, 7 * paddedAxes + at);
        }
    }

    private static void store(DoubleVector a, DoubleVector b, double[] out, int at) {
        a.intoArray(out, at);
        b.intoArray(out, at + DL);
    }

    /** P z of one centred row into {@code out[0 … paddedAxes)}; two accumulators per vector over halves of the columns. */
    private void project1(double[] z, double[] out) {
        int half = cols / 2;
        for (int blk = 0; blk < paddedAxes / AXIS_BLOCK; blk++) {
            DoubleVector a0 = DoubleVector.zero(DOUBLES);
            DoubleVector b0 = a0;
            DoubleVector a1 = a0;
            DoubleVector b1 = a0;
            int base = blk * cols * AXIS_BLOCK;
            for (int j = 0; j < half; j++) {
                int o = base + j * AXIS_BLOCK;
                int o2 = o + half * AXIS_BLOCK;
                double v = z[j];
                double w = z[j + half];
                a0 = DoubleVector.fromArray(DOUBLES, basis, o).fma(DoubleVector.broadcast(DOUBLES, v), a0);
                b0 = DoubleVector.fromArray(DOUBLES, basis, o + DL).fma(DoubleVector.broadcast(DOUBLES, v), b0);
                a1 = DoubleVector.fromArray(DOUBLES, basis, o2).fma(DoubleVector.broadcast(DOUBLES, w), a1);
                b1 = DoubleVector.fromArray(DOUBLES, basis, o2 + DL).fma(DoubleVector.broadcast(DOUBLES, w), b1);
            }
            for (int j = 2 * half; j < cols; j++) {
                int o = base + j * AXIS_BLOCK;
                a0 = DoubleVector.fromArray(DOUBLES, basis, o).fma(DoubleVector.broadcast(DOUBLES, z[j]), a0);
                b0 = DoubleVector.fromArray(DOUBLES, basis, o + DL).fma(DoubleVector.broadcast(DOUBLES, z[j]), b0);
            }
            store(a0.add(a1), b0.add(b1), out, blk * AXIS_BLOCK);
        }
    }

    /**
     * From coordinates {@code coords[at …]} and ‖z‖²: the scan vector (leading axes, their residual) into
     * {@code scanOut} and the fine vector (all axes, residual, zero padding) into {@code fineOut[fineAt …]}.
     */
    private void embed(double[] coords, int at, long norm, float[] scanOut, float[] fineOut, int fineAt) {
        double captured = 0;
        for (int k = 0; k < axes; k++) {
            double c = coords[at + k];
            if (k == scanAxes) {
                scanOut[scanAxes] = (float) Math.sqrt(Math.max(0, norm - captured));
            }
            captured += c * c;
            fineOut[fineAt + k] = (float) c;
            if (k < scanAxes) {
                scanOut[k] = (float) c;
            }
        }
        double residual = Math.sqrt(Math.max(0, norm - captured));
        if (scanAxes == axes) {
            scanOut[scanAxes] = (float) residual;
        }
        fineOut[fineAt + axes] = (float) residual;
        for (int d = axes + 1; d < fineStride; d++) {
            fineOut[fineAt + d] = 0;
        }
    }

    /** Scratch space for embedding queries. Mutable; one thread. */
    final class Queries {
        final double[][] z = new double[ROWS][cols];
        final double[] coords = new double[ROWS * paddedAxes];
        final long[] norms = new long[ROWS];
        /** Scan vectors of up to ROWS queries. */
        final float[][] scanRows = new float[ROWS][scanDims];
        /** Fine vectors of up to ROWS queries. */
        final float[][] fineRows = new float[ROWS][fineStride];

        /** Embeds queries [q0, q0 + qn) of {@code data} (rows of {@code cols}); qn ≤ ROWS; the rest are zero. */
        void embed(byte[] data, int q0, int qn) {
            if (qn == 1) {
                norms[0] = centre(data, q0 * cols, z[0]);
                project1(z[0], coords);
                Projection.this.embed(coords, 0, norms[0], scanRows[0], fineRows[0], 0);
                return;
            }
            for (int i = 0; i < ROWS; i++) {
                norms[i] = i < qn ? centre(data, (q0 + i) * cols, z[i]) : zero(z[i]);
            }
            project8(z, coords);
            for (int i = 0; i < ROWS; i++) {
                Projection.this.embed(coords, i * paddedAxes, norms[i], scanRows[i], fineRows[i], 0);
            }
        }
    }

    /** The float-bit limit a scan bound must not exceed to possibly belong to a key ≤ τ. */
    int scanLimit(int tau) {
        return limit(tau, scanDims, deltaScan);
    }

    /** The float-bit limit a fine bound must not exceed to possibly belong to a key ≤ τ. */
    int fineLimit(int tau) {
        return limit(tau, fineStride, deltaFine);
    }

    /** Float bits of T(τ) rounded up; every real bound passes while τ is unknown. */
    private int limit(int tau, int terms, double delta) {
        if (tau == Integer.MAX_VALUE) {
            return Integer.MAX_VALUE - 1;
        }
        double gamma = 1.01 * (terms + 18) * UNIT_F;
        double t = (1 + gamma) * (1 + 1e-12) * square((1 + eta) * Math.sqrt(tau) + 2 * delta);
        float f = (float) t;
        if (f < t) {
            f = Math.nextUp(f);
        }
        return Float.floatToRawIntBits(f);
    }

    private static double square(double v) {
        return v * v;
    }

    /** The fine bound of reference r against the fine vector q, as float bits. */
    int fineBound(float[] q, int r) {
        int base = r * fineStride;
        FloatVector acc = FloatVector.zero(FLOATS);
        for (int d = 0; d < fineStride; d += LANES) {
            FloatVector t = FloatVector.fromArray(FLOATS, fine, base + d).sub(FloatVector.fromArray(FLOATS, q, d));
            acc = t.fma(t, acc);
        }
        return Float.floatToRawIntBits(acc.reduceLanes(VectorOperators.ADD));
    }

    /** Scan bounds (float bits) of one query and every reference of chunks [from, to) into {@code out}. */
    void scanOne(float[] q, int from, int to, int[] out) {
        int dims = scanDims;
        for (int c = from; c < to; c++) {
            int base = c * dims * LANES;
            FloatVector s0 = FloatVector.zero(FLOATS);
            FloatVector s1 = s0;
            int d = 0;
            for (; d + 1 < dims; d += 2) {
                FloatVector t = FloatVector.fromArray(FLOATS, scan, base + d * LANES).sub(q[d]);
                s0 = t.fma(t, s0);
                FloatVector u = FloatVector.fromArray(FLOATS, scan, base + (d + 1) * LANES).sub(q[d + 1]);
                s1 = u.fma(u, s1);
            }
            if (d < dims) {
                FloatVector t = FloatVector.fromArray(FLOATS, scan, base + d * LANES).sub(q[d]);
                s0 = t.fma(t, s0);
            }
            s0.add(s1).reinterpretAsInts().intoArray(out, c * LANES);
        }
    }

    /** Scan bounds (float bits) of ROWS queries and every reference of chunks [from, to) into {@code out[i]}. */
    void scanGroup(float[][] q, int from, int to, int[][] out) {
        int dims = scanDims;
        float[] q0 = q[0];
        float[] q1 = q[1];
        float[] q2 = q[2];
        float[] q3 = q[3];
        float[] q4 = q[4];
        float[] q5 = q[5];
        float[] q6 = q[6];
        float[] q7 = q[7];
        for (int c = from; c < to; c++) {
            int base = c * dims * LANES;
            FloatVector s0 = FloatVector.zero(FLOATS);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            FloatVector s4 = s0;
            FloatVector s5 = s0;
            FloatVector s6 = s0;
            FloatVector s7 = s0;
            for (int d = 0; d < dims; d++) {
                FloatVector b = FloatVector.fromArray(FLOATS, scan, base + d * LANES);
                FloatVector t;
                t = b.sub(q0[d]);
                s0 = t.fma(t, s0);
                t = b.sub(q1[d]);
                s1 = t.fma(t, s1);
                t = b.sub(q2[d]);
                s2 = t.fma(t, s2);
                t = b.sub(q3[d]);
                s3 = t.fma(t, s3);
                t = b.sub(q4[d]);
                s4 = t.fma(t, s4);
                t = b.sub(q5[d]);
                s5 = t.fma(t, s5);
                t = b.sub(q6[d]);
                s6 = t.fma(t, s6);
                t = b.sub(q7[d]);
                s7 = t.fma(t, s7);
            }
            int at = c * LANES;
            s0.reinterpretAsInts().intoArray(out[0], at);
            s1.reinterpretAsInts().intoArray(out[1], at);
            s2.reinterpretAsInts().intoArray(out[2], at);
            s3.reinterpretAsInts().intoArray(out[3], at);
            s4.reinterpretAsInts().intoArray(out[4], at);
            s5.reinterpretAsInts().intoArray(out[5], at);
            s6.reinterpretAsInts().intoArray(out[6], at);
            s7.reinterpretAsInts().intoArray(out[7], at);
        }
    }

    /**
     * The scan and fine bounds (float bits) of the query row at {@code data[offset …]} against reference r,
     * as the search computes them (for tests).
     */
    int[] bounds(byte[] data, int offset, int r) {
        Queries q = new Queries();
        byte[] row = java.util.Arrays.copyOfRange(data, offset, offset + cols);
        q.embed(row, 0, 1);
        int[] out = new int[scan.length / scanDims];
        scanOne(q.scanRows[0], r / LANES, r / LANES + 1, out);
        return new int[] {out[r], fineBound(q.fineRows[0], r)};
    }

    /** Bytes held (basis and both levels). */
    long bytes() {
        return 8L * basis.length + 4L * scan.length + 4L * fine.length + 4L * mean.length;
    }

    @Override
    public String toString() {
        return axes + " principal axes (" + scanAxes + " scanned)";
    }
}
