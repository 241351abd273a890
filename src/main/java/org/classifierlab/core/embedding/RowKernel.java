package org.classifierlab.core.embedding;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products and scaled additions of float rows on the Vector API, four rows at a time so each pass over a
 * long basis vector serves four data rows. Stateless; any thread (callers own the arrays).
 */
final class RowKernel {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();

    private RowKernel() {
    }

    /**
     * {@code out[r] = rows[r] · v} for r < count (count ≤ 4; missing rows repeat the last one and are not
     * written). Rows and v have {@code dim} entries.
     */
    static void dots(float[][] rows, int count, float[] v, int dim, double[] out) {
        float[] r0 = rows[0];
        float[] r1 = rows[Math.min(1, count - 1)];
        float[] r2 = rows[Math.min(2, count - 1)];
        float[] r3 = rows[Math.min(3, count - 1)];
        int end = dim - dim % LANES;
        FloatVector a0 = FloatVector.zero(FLOATS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int p = 0; p < end; p += LANES) {
            FloatVector x = FloatVector.fromArray(FLOATS, v, p);
            a0 = FloatVector.fromArray(FLOATS, r0, p).fma(x, a0);
            a1 = FloatVector.fromArray(FLOATS, r1, p).fma(x, a1);
            a2 = FloatVector.fromArray(FLOATS, r2, p).fma(x, a2);
            a3 = FloatVector.fromArray(FLOATS, r3, p).fma(x, a3);
        }
        double s0 = laneSum(a0);
        double s1 = laneSum(a1);
        double s2 = laneSum(a2);
        double s3 = laneSum(a3);
        for (int p = end; p < dim; p++) {
            s0 += r0[p] * v[p];
            s1 += r1[p] * v[p];
            s2 += r2[p] * v[p];
            s3 += r3[p] * v[p];
        }
        out[0] = s0;
        if (count > 1) {
            out[1] = s1;
        }
        if (count > 2) {
            out[2] = s2;
        }
        if (count > 3) {
            out[3] = s3;
        }
    }

    /**
     * The lanes of {@code a} added in lane order. {@code reduceLanes(ADD)} leaves the order of a float sum to the
     * implementation, and the interpreted and the compiled code take different orders: the same fit gave different
     * bits on its first and second call (PcaTest's seeded-model check failed now and then).
     */
    private static double laneSum(FloatVector a) {
        double s = 0;
        for (float v : a.toArray()) {
            s += v;
        }
        return s;
    }

    /** {@code y += Σ_r w[r] · rows[r]} over r < count (count ≤ 4). */
    static void addScaled(float[] y, float[][] rows, int count, double[] w, int dim) {
        float w0 = (float) w[0];
        float w1 = count > 1 ? (float) w[1] : 0f;
        float w2 = count > 2 ? (float) w[2] : 0f;
        float w3 = count > 3 ? (float) w[3] : 0f;
        float[] r0 = rows[0];
        float[] r1 = rows[Math.min(1, count - 1)];
        float[] r2 = rows[Math.min(2, count - 1)];
        float[] r3 = rows[Math.min(3, count - 1)];
        int end = dim - dim % LANES;
        FloatVector v0 = FloatVector.broadcast(FLOATS, w0);
        FloatVector v1 = FloatVector.broadcast(FLOATS, w1);
        FloatVector v2 = FloatVector.broadcast(FLOATS, w2);
        FloatVector v3 = FloatVector.broadcast(FLOATS, w3);
        for (int p = 0; p < end; p += LANES) {
            FloatVector acc = FloatVector.fromArray(FLOATS, y, p);
            acc = FloatVector.fromArray(FLOATS, r0, p).fma(v0, acc);
            acc = FloatVector.fromArray(FLOATS, r1, p).fma(v1, acc);
            acc = FloatVector.fromArray(FLOATS, r2, p).fma(v2, acc);
            acc = FloatVector.fromArray(FLOATS, r3, p).fma(v3, acc);
            acc.intoArray(y, p);
        }
        for (int p = end; p < dim; p++) {
            y[p] += w0 * r0[p] + w1 * r1[p] + w2 * r2[p] + w3 * r3[p];
        }
    }
}
