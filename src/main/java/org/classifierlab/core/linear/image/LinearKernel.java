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
            int m = Math.min(CLASSES, c - k);
            put(out, off, c, k, m, 0, n, x, x0, w, w0, w1, w2, w3, w4, vecEnd, d, b, a00, a01, a02, a03, a04);
            put(out, off, c, k, m, 1, n, x, x1, w, w0, w1, w2, w3, w4, vecEnd, d, b, a10, a11, a12, a13, a14);
            put(out, off, c, k, m, 2, n, x, x2, w, w0, w1, w2, w3, w4, vecEnd, d, b, a20, a21, a22, a23, a24);
            put(out, off, c, k, m, 3, n, x, x3, w, w0, w1, w2, w3, w4, vecEnd, d, b, a30, a31, a32, a33, a34);
        }
    }

    /** Row {@code i}'s five sums: lanes added, the tail columns added in order, the bias added. */
    private static void put(float[] out, int off, int c, int k, int m, int i, int n, float[] x, int xo, float[] w,
                            int w0, int w1, int w2, int w3, int w4, int vecEnd, int d, float[] b,
                            FloatVector s0, FloatVector s1, FloatVector s2, FloatVector s3, FloatVector s4) {
        if (i >= n) {
            return;
        }
        int o = off + i * c + k;
        out[o] = finish(s0, x, xo, w, w0, vecEnd, d, b, k);
        if (m > 1) {
            out[o + 1] = finish(s1, x, xo, w, w1, vecEnd, d, b, k + 1);
        }
        if (m > 2) {
            out[o + 2] = finish(s2, x, xo, w, w2, vecEnd, d, b, k + 2);
        }
        if (m > 3) {
            out[o + 3] = finish(s3, x, xo, w, w3, vecEnd, d, b, k + 3);
        }
        if (m > 4) {
            out[o + 4] = finish(s4, x, xo, w, w4, vecEnd, d, b, k + 4);
        }
    }

    /**
     * The lanes added in lane order. Not {@code reduceLanes(ADD)}: its order is unspecified and differs
     * between the interpreter and compiled code, which would make training depend on JIT timing.
     */
    private static float sumLanes(FloatVector v) {
        float[] lanes = v.toArray();
        float sum = 0f;
        for (float f : lanes) {
            sum += f;
        }
        return sum;
    }

    private static float finish(FloatVector s, float[] x, int xo, float[] w, int wo, int vecEnd, int d, float[] b,
                                int k) {
        float sum = sumLanes(s);
        for (int p = vecEnd; p < d; p++) {
            sum += x[xo + p] * w[wo + p];
        }
        return b == null ? sum : sum + b[k];
    }

    /**
     * Adds {@code dS[r · c + k] · x_r} to gradient row {@code k} of {@code g} (C × D) for the {@code count}
     * rows picked as in {@link #scores}, and {@code dS[r · c + k]} to {@code gb[k]} when {@code gb} is not null.
     * Rows are added in order, so the sums do not depend on the caller's thread.
     */
    static void accumulate(float[] ds, int c, int d, float[] x, int[] rows, int first, int count, float[] g,
                           float[] gb) {
        int vecEnd = d - d % LANES;
        for (int r = 0; r < count; r += ROWS) {
            int n = Math.min(ROWS, count - r);
            int x0 = row(rows, first + r) * d;
            int x1 = row(rows, first + r + Math.min(1, n - 1)) * d;
            int x2 = row(rows, first + r + Math.min(2, n - 1)) * d;
            int x3 = row(rows, first + r + Math.min(3, n - 1)) * d;
            for (int k = 0; k < c; k++) {
                float f0 = ds[r * c + k];
                float f1 = n > 1 ? ds[(r + 1) * c + k] : 0f;
                float f2 = n > 2 ? ds[(r + 2) * c + k] : 0f;
                float f3 = n > 3 ? ds[(r + 3) * c + k] : 0f;
                if (gb != null) {
                    gb[k] += f0;
                    gb[k] += f1;
                    gb[k] += f2;
                    gb[k] += f3;
                }
                if (f0 == 0f && f1 == 0f && f2 == 0f && f3 == 0f) {
                    continue;
                }
                FloatVector c0 = FloatVector.broadcast(FLOATS, f0);
                FloatVector c1 = FloatVector.broadcast(FLOATS, f1);
                FloatVector c2 = FloatVector.broadcast(FLOATS, f2);
                FloatVector c3 = FloatVector.broadcast(FLOATS, f3);
                int go = k * d;
                for (int p = 0; p < vecEnd; p += LANES) {
                    FloatVector acc = FloatVector.fromArray(FLOATS, g, go + p);
                    acc = FloatVector.fromArray(FLOATS, x, x0 + p).fma(c0, acc);
                    acc = FloatVector.fromArray(FLOATS, x, x1 + p).fma(c1, acc);
                    acc = FloatVector.fromArray(FLOATS, x, x2 + p).fma(c2, acc);
                    acc = FloatVector.fromArray(FLOATS, x, x3 + p).fma(c3, acc);
                    acc.intoArray(g, go + p);
                }
                for (int p = vecEnd; p < d; p++) {
                    float acc = g[go + p];
                    acc = Math.fma(x[x0 + p], f0, acc);
                    acc = Math.fma(x[x1 + p], f1, acc);
                    acc = Math.fma(x[x2 + p], f2, acc);
                    acc = Math.fma(x[x3 + p], f3, acc);
                    g[go + p] = acc;
                }
            }
        }
    }
}
