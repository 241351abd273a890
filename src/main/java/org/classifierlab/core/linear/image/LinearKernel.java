package org.classifierlab.core.linear.image;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two matrix products of a linear classifier on images, in float lanes, for W stored C × D row-major
 * (one template per row) so that both run along D: scores {@code S = X·Wᵀ + b} (four rows against five
 * templates at a time, twenty accumulators) and the gradient {@code G += dSᵀ·X} (four rows into five
 * gradient rows at a time). Rows of X are picked by index, so a minibatch is never copied.
 * Stateless; any thread (callers own the arrays they write).
 */
final class LinearKernel {

    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();
    /** Rows per block. */
    static final int ROWS = 4;
    /** Templates per block. */
    private static final int CLASSES = 5;

    private LinearKernel() {
    }

    /**
     * Scores of {@code count} rows: row {@code r} is {@code x[idx(rows, first + r) · d …]}; writes
     * {@code out[r · c + k] = x_r · w_k + b_k} ({@code b} may be null: no separate bias).
     *
     * @param rows row indices into {@code x}, or null for {@code first, first + 1, …}
     */
    static void scores(float[] w, float[] b, int c, int d, float[] x, int[] rows, int first, int count, float[] out) {
        for (int r = 0; r < count; r += ROWS) {
            int n = Math.min(ROWS, count - r);
            int last = n - 1;
            int x0 = row(rows, first + r) * d;
            int x1 = row(rows, first + r + Math.min(1, last)) * d;
            int x2 = row(rows, first + r + Math.min(2, last)) * d;
            int x3 = row(rows, first + r + Math.min(3, last)) * d;
            block(w, b, c, d, x, x0, x1, x2, x3, out, r * c, n);
        }
    }

    private static int row(int[] rows, int i) {
        return rows == null ? i : rows[i];
    }

    /** Scores of four rows (offsets {@code x0 … x3}, the first {@code n} of them real) against every template. */
    private static void block(float[] w, float[] b, int c, int d, float[] x, int x0, int x1, int x2, int x3,
                              float[] out, int off, int n) {
        int vecEnd = d - d % LANES;
        int lastClass = c - 1;
        float[] lanes = new float[ROWS * CLASSES * LANES];
        for (int k = 0; k < c; k += CLASSES) {
            int w0 = k * d;
            int w1 = Math.min(k + 1, lastClass) * d;
            int w2 = Math.min(k + 2, lastClass) * d;
            int w3 = Math.min(k + 3, lastClass) * d;
            int w4 = Math.min(k + 4, lastClass) * d;
            FloatVector z = FloatVector.zero(FLOATS);
            FloatVector a00 = z, a01 = z, a02 = z, a03 = z, a04 = z;
            FloatVector a10 = z, a11 = z, a12 = z, a13 = z, a14 = z;
            FloatVector a20 = z, a21 = z, a22 = z, a23 = z, a24 = z;
            FloatVector a30 = z, a31 = z, a32 = z, a33 = z, a34 = z;
            for (int p = 0; p < vecEnd; p += LANES) {
                FloatVector v0 = FloatVector.fromArray(FLOATS, x, x0 + p);
                FloatVector v1 = FloatVector.fromArray(FLOATS, x, x1 + p);
                FloatVector v2 = FloatVector.fromArray(FLOATS, x, x2 + p);
                FloatVector v3 = FloatVector.fromArray(FLOATS, x, x3 + p);
                FloatVector t = FloatVector.fromArray(FLOATS, w, w0 + p);
                a00 = v0.fma(t, a00);
                a10 = v1.fma(t, a10);
                a20 = v2.fma(t, a20);
                a30 = v3.fma(t, a30);
                t = FloatVector.fromArray(FLOATS, w, w1 + p);
                a01 = v0.fma(t, a01);
                a11 = v1.fma(t, a11);
                a21 = v2.fma(t, a21);
                a31 = v3.fma(t, a31);
                t = FloatVector.fromArray(FLOATS, w, w2 + p);
                a02 = v0.fma(t, a02);
                a12 = v1.fma(t, a12);
                a22 = v2.fma(t, a22);
                a32 = v3.fma(t, a32);
                t = FloatVector.fromArray(FLOATS, w, w3 + p);
                a03 = v0.fma(t, a03);
                a13 = v1.fma(t, a13);
                a23 = v2.fma(t, a23);
                a33 = v3.fma(t, a33);
                t = FloatVector.fromArray(FLOATS, w, w4 + p);
                a04 = v0.fma(t, a04);
                a14 = v1.fma(t, a14);
                a24 = v2.fma(t, a24);
                a34 = v3.fma(t, a34);
            }
            // Why a buffer: passing the vectors to a helper would box them, and reduceLanes(ADD) adds the lanes
            // in an unspecified order that differs between the interpreter and compiled code (training must
            // not depend on JIT timing). Lanes are added in lane order below.
            a00.intoArray(lanes, 0);
            a01.intoArray(lanes, LANES);
            a02.intoArray(lanes, 2 * LANES);
            a03.intoArray(lanes, 3 * LANES);
            a04.intoArray(lanes, 4 * LANES);
            a10.intoArray(lanes, 5 * LANES);
            a11.intoArray(lanes, 6 * LANES);
            a12.intoArray(lanes, 7 * LANES);
            a13.intoArray(lanes, 8 * LANES);
            a14.intoArray(lanes, 9 * LANES);
            a20.intoArray(lanes, 10 * LANES);
            a21.intoArray(lanes, 11 * LANES);
            a22.intoArray(lanes, 12 * LANES);
            a23.intoArray(lanes, 13 * LANES);
            a24.intoArray(lanes, 14 * LANES);
            a30.intoArray(lanes, 15 * LANES);
            a31.intoArray(lanes, 16 * LANES);
            a32.intoArray(lanes, 17 * LANES);
            a33.intoArray(lanes, 18 * LANES);
            a34.intoArray(lanes, 19 * LANES);
            int m = Math.min(CLASSES, c - k);
            for (int i = 0; i < n; i++) {
                int xo = i == 0 ? x0 : i == 1 ? x1 : i == 2 ? x2 : x3;
                for (int j = 0; j < m; j++) {
                    int lo = (i * CLASSES + j) * LANES;
                    float sum = 0f;
                    for (int l = 0; l < LANES; l++) {
                        sum += lanes[lo + l];
                    }
                    int wo = (k + j) * d;
                    for (int p = vecEnd; p < d; p++) {
                        sum += x[xo + p] * w[wo + p];
                    }
                    out[off + i * c + k + j] = b == null ? sum : sum + b[k + j];
                }
            }
        }
    }

    /** Gradient columns per register block: four vectors. */
    private static final int CHUNKS = 4;

    /**
     * Adds {@code Σ_r dS[r · c + k] · x_r} to gradient row {@code k} of {@code g} (C × D) over the
     * {@code count} rows picked as in {@link #scores}, and {@code Σ_r dS[r · c + k]} to {@code gb[k]} when
     * {@code gb} is not null. A matrix product {@code G += dSᵀ·X} blocked as five classes × four vectors of
     * columns held in registers while the rows stream past; each entry adds the rows in order, so the sums
     * do not depend on the caller's thread.
     */
    static void accumulate(float[] ds, int c, int d, float[] x, int[] rows, int first, int count, float[] g,
                           float[] gb) {
        if (gb != null) {
            for (int r = 0; r < count; r++) {
                for (int k = 0; k < c; k++) {
                    gb[k] += ds[r * c + k];
                }
            }
        }
        int vecEnd = d - d % LANES;
        int blockEnd = vecEnd - vecEnd % (CHUNKS * LANES);
        int classEnd = c - c % CLASSES;
        int[] xo = new int[count];
        for (int r = 0; r < count; r++) {
            xo[r] = row(rows, first + r) * d;
        }
        for (int k = 0; k < classEnd; k += CLASSES) {
            for (int p = 0; p < blockEnd; p += CHUNKS * LANES) {
                gemmBlock(ds, c, d, x, xo, count, g, k, p);
            }
        }
        // The class tail (C not a multiple of five) and the column tail, one gradient vector at a time.
        for (int k = 0; k < c; k++) {
            int from = k < classEnd ? blockEnd : 0;
            int go = k * d;
            for (int p = from; p < vecEnd; p += LANES) {
                FloatVector acc = FloatVector.fromArray(FLOATS, g, go + p);
                for (int r = 0; r < count; r++) {
                    acc = FloatVector.fromArray(FLOATS, x, xo[r] + p).fma(FloatVector.broadcast(FLOATS, ds[r * c + k]), acc);
                }
                acc.intoArray(g, go + p);
            }
            for (int p = vecEnd; p < d; p++) {
                float acc = g[go + p];
                for (int r = 0; r < count; r++) {
                    acc = Math.fma(x[xo[r] + p], ds[r * c + k], acc);
                }
                g[go + p] = acc;
            }
        }
    }

    /** Classes {@code k … k + 4}, columns {@code p … p + 4·LANES − 1}: twenty accumulators over all rows. */
    private static void gemmBlock(float[] ds, int c, int d, float[] x, int[] xo, int count, float[] g, int k, int p) {
        int g0 = k * d + p;
        int g1 = g0 + d;
        int g2 = g1 + d;
        int g3 = g2 + d;
        int g4 = g3 + d;
        final int l1 = LANES;
        final int l2 = 2 * LANES;
        final int l3 = 3 * LANES;
        FloatVector a00 = FloatVector.fromArray(FLOATS, g, g0);
        FloatVector a01 = FloatVector.fromArray(FLOATS, g, g0 + l1);
        FloatVector a02 = FloatVector.fromArray(FLOATS, g, g0 + l2);
        FloatVector a03 = FloatVector.fromArray(FLOATS, g, g0 + l3);
        FloatVector a10 = FloatVector.fromArray(FLOATS, g, g1);
        FloatVector a11 = FloatVector.fromArray(FLOATS, g, g1 + l1);
        FloatVector a12 = FloatVector.fromArray(FLOATS, g, g1 + l2);
        FloatVector a13 = FloatVector.fromArray(FLOATS, g, g1 + l3);
        FloatVector a20 = FloatVector.fromArray(FLOATS, g, g2);
        FloatVector a21 = FloatVector.fromArray(FLOATS, g, g2 + l1);
        FloatVector a22 = FloatVector.fromArray(FLOATS, g, g2 + l2);
        FloatVector a23 = FloatVector.fromArray(FLOATS, g, g2 + l3);
        FloatVector a30 = FloatVector.fromArray(FLOATS, g, g3);
        FloatVector a31 = FloatVector.fromArray(FLOATS, g, g3 + l1);
        FloatVector a32 = FloatVector.fromArray(FLOATS, g, g3 + l2);
        FloatVector a33 = FloatVector.fromArray(FLOATS, g, g3 + l3);
        FloatVector a40 = FloatVector.fromArray(FLOATS, g, g4);
        FloatVector a41 = FloatVector.fromArray(FLOATS, g, g4 + l1);
        FloatVector a42 = FloatVector.fromArray(FLOATS, g, g4 + l2);
        FloatVector a43 = FloatVector.fromArray(FLOATS, g, g4 + l3);
        for (int r = 0; r < count; r++) {
            int o = xo[r] + p;
            FloatVector v0 = FloatVector.fromArray(FLOATS, x, o);
            FloatVector v1 = FloatVector.fromArray(FLOATS, x, o + l1);
            FloatVector v2 = FloatVector.fromArray(FLOATS, x, o + l2);
            FloatVector v3 = FloatVector.fromArray(FLOATS, x, o + l3);
            int so = r * c + k;
            FloatVector f = FloatVector.broadcast(FLOATS, ds[so]);
            a00 = v0.fma(f, a00);
            a01 = v1.fma(f, a01);
            a02 = v2.fma(f, a02);
            a03 = v3.fma(f, a03);
            f = FloatVector.broadcast(FLOATS, ds[so + 1]);
            a10 = v0.fma(f, a10);
            a11 = v1.fma(f, a11);
            a12 = v2.fma(f, a12);
            a13 = v3.fma(f, a13);
            f = FloatVector.broadcast(FLOATS, ds[so + 2]);
            a20 = v0.fma(f, a20);
            a21 = v1.fma(f, a21);
            a22 = v2.fma(f, a22);
            a23 = v3.fma(f, a23);
            f = FloatVector.broadcast(FLOATS, ds[so + 3]);
            a30 = v0.fma(f, a30);
            a31 = v1.fma(f, a31);
            a32 = v2.fma(f, a32);
            a33 = v3.fma(f, a33);
            f = FloatVector.broadcast(FLOATS, ds[so + 4]);
            a40 = v0.fma(f, a40);
            a41 = v1.fma(f, a41);
            a42 = v2.fma(f, a42);
            a43 = v3.fma(f, a43);
        }
        a00.intoArray(g, g0);
        a01.intoArray(g, g0 + l1);
        a02.intoArray(g, g0 + l2);
        a03.intoArray(g, g0 + l3);
        a10.intoArray(g, g1);
        a11.intoArray(g, g1 + l1);
        a12.intoArray(g, g1 + l2);
        a13.intoArray(g, g1 + l3);
        a20.intoArray(g, g2);
        a21.intoArray(g, g2 + l1);
        a22.intoArray(g, g2 + l2);
        a23.intoArray(g, g2 + l3);
        a30.intoArray(g, g3);
        a31.intoArray(g, g3 + l1);
        a32.intoArray(g, g3 + l2);
        a33.intoArray(g, g3 + l3);
        a40.intoArray(g, g4);
        a41.intoArray(g, g4 + l1);
        a42.intoArray(g, g4 + l2);
        a43.intoArray(g, g4 + l3);
    }
}
