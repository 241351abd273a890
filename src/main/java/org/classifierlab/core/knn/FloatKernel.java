package org.classifierlab.core.knn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Direct distances between float rows, one query against four references at a time, summed (L1, L2) or
 * maximised (L∞) in float lanes. Stateless; any thread (callers own the arrays they pass).
 */
final class FloatKernel {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();

    private FloatKernel() {
    }

    /**
     * Writes the rank key (squared distance for L2) of query row {@code q0 + i} and reference row
     * {@code r0 + j} to {@code tile[i * ldc + j]}, for i < qn, j < rn.
     */
    static void tile(Metric metric, float[] queries, float[] refs, int cols, int q0, int qn, int r0, int rn,
                     double[] tile, int ldc) {
        for (int i = 0; i < qn; i++) {
            int qo = (q0 + i) * cols;
            int to = i * ldc;
            for (int j = 0; j < rn; j += 4) {
                int last = rn - 1;
                int o0 = (r0 + j) * cols;
                int o1 = (r0 + Math.min(j + 1, last)) * cols;
                int o2 = (r0 + Math.min(j + 2, last)) * cols;
                int o3 = (r0 + Math.min(j + 3, last)) * cols;
                quad(metric, queries, qo, refs, o0, o1, o2, o3, cols, tile, to + j, Math.min(4, rn - j));
            }
        }
    }

    private static void quad(Metric metric, float[] q, int qo, float[] r, int o0, int o1, int o2, int o3, int cols,
                             double[] out, int off, int count) {
        int vecEnd = cols - cols % LANES;
        FloatVector a0 = FloatVector.zero(FLOATS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int p = 0; p < vecEnd; p += LANES) {
            FloatVector x = FloatVector.fromArray(FLOATS, q, qo + p);
            FloatVector d0 = x.sub(FloatVector.fromArray(FLOATS, r, o0 + p));
            FloatVector d1 = x.sub(FloatVector.fromArray(FLOATS, r, o1 + p));
            FloatVector d2 = x.sub(FloatVector.fromArray(FLOATS, r, o2 + p));
            FloatVector d3 = x.sub(FloatVector.fromArray(FLOATS, r, o3 + p));
            switch (metric) {
                case L1 -> {
                    a0 = a0.add(d0.abs());
                    a1 = a1.add(d1.abs());
                    a2 = a2.add(d2.abs());
                    a3 = a3.add(d3.abs());
                }
                case L2 -> {
                    a0 = d0.fma(d0, a0);
                    a1 = d1.fma(d1, a1);
                    a2 = d2.fma(d2, a2);
                    a3 = d3.fma(d3, a3);
                }
                case LINF -> {
                    a0 = a0.max(d0.abs());
                    a1 = a1.max(d1.abs());
                    a2 = a2.max(d2.abs());
                    a3 = a3.max(d3.abs());
                }
            }
        }
        double s0 = combine(metric, a0);
        double s1 = combine(metric, a1);
        double s2 = combine(metric, a2);
        double s3 = combine(metric, a3);
        for (int p = vecEnd; p < cols; p++) {
            float x = q[qo + p];
            s0 = metric.combine(s0, metric.axisTerm((double) x - r[o0 + p]));
            s1 = metric.combine(s1, metric.axisTerm((double) x - r[o1 + p]));
            s2 = metric.combine(s2, metric.axisTerm((double) x - r[o2 + p]));
            s3 = metric.combine(s3, metric.axisTerm((double) x - r[o3 + p]));
        }
        out[off] = s0;
        if (count > 1) {
            out[off + 1] = s1;
        }
        if (count > 2) {
            out[off + 2] = s2;
        }
        if (count > 3) {
            out[off + 3] = s3;
        }
    }

    /** The lanes summed (maximised for L∞). */
    private static double combine(Metric metric, FloatVector v) {
        return v.reduceLanes(metric == Metric.LINF ? VectorOperators.MAX : VectorOperators.ADD);
    }
}
