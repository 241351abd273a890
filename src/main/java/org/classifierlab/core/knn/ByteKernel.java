package org.classifierlab.core.knn;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Exact direct distances between uint8 rows, one query against four references at a time: L1 and L∞
 * on byte lanes, L2 as 16-bit squares summed in int lanes. Stateless; any thread (callers own the arrays).
 */
final class ByteKernel {

    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> SHORTS = VectorSpecies.of(short.class, BYTES.vectorShape());
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, BYTES.vectorShape());
    private static final int BYTE_LANES = BYTES.length();
    private static final int SHORT_LANES = SHORTS.length();
    private static final VectorSpecies<Byte> HALF_BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(BYTES.vectorBitSize() / 2));
    /** Flipping the top bit maps unsigned byte order onto signed order. */
    private static final byte SIGN = (byte) 0x80;
    /**
     * Byte steps between flushes of the 16-bit L1 sums: each step adds at most 2 · 255 to a lane,
     * and 128 · 510 ≤ 65,535.
     */
    private static final int L1_STEPS = 128;
    /**
     * Bytes between flushes of the L2 int sums: each step of {@code SHORT_LANES} bytes adds two
     * products (≤ 65,025 each) to an int lane, and 2 · 16,384 · 65,025 < 2^31.
     */
    private static final int L2_WINDOW = 16_384 * SHORTS.length();

    private ByteKernel() {
    }

    /**
     * Writes the rank key ({@link Metric#rank} semantics: squared distance for L2) of query row
     * {@code q0 + i} and reference row {@code r0 + j} to {@code tile[i * ldc + j]}, for i < qn, j < rn.
     */
    static void tile(Metric metric, byte[] queries, byte[] refs, int cols, int q0, int qn, int r0, int rn,
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
                int count = Math.min(4, rn - j);
                switch (metric) {
                    case L1 -> l1(queries, qo, refs, o0, o1, o2, o3, cols, tile, to + j, count);
                    case L2 -> l2(queries, qo, refs, o0, o1, o2, o3, cols, tile, to + j, count);
                    case LINF -> lInf(queries, qo, refs, o0, o1, o2, o3, cols, tile, to + j, count);
                }
            }
        }
    }

    private static void l1(byte[] q, int qo, byte[] r, int o0, int o1, int o2, int o3, int cols, double[] out,
                           int off, int count) {
        int vecEnd = cols - cols % BYTE_LANES;
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        for (int start = 0; start < vecEnd; start += L1_STEPS * BYTE_LANES) {
            int end = Math.min(vecEnd, start + L1_STEPS * BYTE_LANES);
            ShortVector a0 = ShortVector.zero(SHORTS);
            ShortVector a1 = a0;
            ShortVector a2 = a0;
            ShortVector a3 = a0;
            for (int p = start; p < end; p += BYTE_LANES) {
                ByteVector x = ByteVector.fromArray(BYTES, q, qo + p).lanewise(VectorOperators.XOR, SIGN);
                a0 = a0.add(absDiffPairs(x, ByteVector.fromArray(BYTES, r, o0 + p)));
                a1 = a1.add(absDiffPairs(x, ByteVector.fromArray(BYTES, r, o1 + p)));
                a2 = a2.add(absDiffPairs(x, ByteVector.fromArray(BYTES, r, o2 + p)));
                a3 = a3.add(absDiffPairs(x, ByteVector.fromArray(BYTES, r, o3 + p)));
            }
            s0 += unsignedSum(a0);
            s1 += unsignedSum(a1);
            s2 += unsignedSum(a2);
            s3 += unsignedSum(a3);
        }
        for (int p = vecEnd; p < cols; p++) {
            int x = q[qo + p] & 0xFF;
            s0 += Math.abs(x - (r[o0 + p] & 0xFF));
            s1 += Math.abs(x - (r[o1 + p] & 0xFF));
            s2 += Math.abs(x - (r[o2 + p] & 0xFF));
            s3 += Math.abs(x - (r[o3 + p] & 0xFF));
        }
        store(out, off, count, s0, s1, s2, s3);
    }

    /**
     * |x − y| per byte (x already sign-flipped), with each pair of neighbouring bytes summed into one
     * 16-bit lane.
     */
    private static ShortVector absDiffPairs(ByteVector xFlipped, ByteVector y) {
        ByteVector yFlipped = y.lanewise(VectorOperators.XOR, SIGN);
        ShortVector d = xFlipped.max(yFlipped).sub(xFlipped.min(yFlipped)).reinterpretAsShorts();
        return d.and((short) 0xFF).add(d.lanewise(VectorOperators.LSHR, 8));
    }

    /** Sum of the lanes read as unsigned 16-bit values. */
    private static long unsignedSum(ShortVector v) {
        IntVector lo = (IntVector) v.convert(VectorOperators.ZERO_EXTEND_S2I, 0);
        IntVector hi = (IntVector) v.convert(VectorOperators.ZERO_EXTEND_S2I, 1);
        return lo.add(hi).reduceLanes(VectorOperators.ADD);
    }

    private static void lInf(byte[] q, int qo, byte[] r, int o0, int o1, int o2, int o3, int cols, double[] out,
                             int off, int count) {
        int vecEnd = cols - cols % BYTE_LANES;
        ByteVector m0 = ByteVector.broadcast(BYTES, SIGN);
        ByteVector m1 = m0;
        ByteVector m2 = m0;
        ByteVector m3 = m0;
        for (int p = 0; p < vecEnd; p += BYTE_LANES) {
            ByteVector x = ByteVector.fromArray(BYTES, q, qo + p).lanewise(VectorOperators.XOR, SIGN);
            m0 = m0.max(flippedAbsDiff(x, ByteVector.fromArray(BYTES, r, o0 + p)));
            m1 = m1.max(flippedAbsDiff(x, ByteVector.fromArray(BYTES, r, o1 + p)));
            m2 = m2.max(flippedAbsDiff(x, ByteVector.fromArray(BYTES, r, o2 + p)));
            m3 = m3.max(flippedAbsDiff(x, ByteVector.fromArray(BYTES, r, o3 + p)));
        }
        int s0 = unsignedMax(m0);
        int s1 = unsignedMax(m1);
        int s2 = unsignedMax(m2);
        int s3 = unsignedMax(m3);
        for (int p = vecEnd; p < cols; p++) {
            int x = q[qo + p] & 0xFF;
            s0 = Math.max(s0, Math.abs(x - (r[o0 + p] & 0xFF)));
            s1 = Math.max(s1, Math.abs(x - (r[o1 + p] & 0xFF)));
            s2 = Math.max(s2, Math.abs(x - (r[o2 + p] & 0xFF)));
            s3 = Math.max(s3, Math.abs(x - (r[o3 + p] & 0xFF)));
        }
        store(out, off, count, s0, s1, s2, s3);
    }

    /** |x − y| per byte (x already sign-flipped), sign-flipped so that signed max orders it. */
    private static ByteVector flippedAbsDiff(ByteVector xFlipped, ByteVector y) {
        ByteVector yFlipped = y.lanewise(VectorOperators.XOR, SIGN);
        return xFlipped.max(yFlipped).sub(xFlipped.min(yFlipped)).lanewise(VectorOperators.XOR, SIGN);
    }

    private static int unsignedMax(ByteVector flipped) {
        return (flipped.reduceLanes(VectorOperators.MAX) ^ SIGN) & 0xFF;
    }

    private static void l2(byte[] q, int qo, byte[] r, int o0, int o1, int o2, int o3, int cols, double[] out,
                           int off, int count) {
        l2Windowed(q, qo, r, o0, o1, o2, o3, cols, out, off, count, Double.POSITIVE_INFINITY, L2_WINDOW);
    }

    /** Dimensions between early-abandon checks of {@link #l2Offer}: a multiple of {@code SHORT_LANES}. */
    private static final int ABANDON_WINDOW = 32 * SHORT_LANES;

    /**
     * Squared L2 distances of query row {@code q0 + i} (i < qn) to reference rows [r0, r0 + rn), offered
     * straight to {@code cand} query {@code c0 + i} in ascending row order. A group of four references is
     * abandoned once all its partial sums exceed the query's current threshold: partial sums only grow,
     * and a candidate enters a full list only strictly below the threshold, so the result is the same as
     * offering every exact distance.
     */
    static void l2Offer(byte[] queries, byte[] refs, int cols, int q0, int qn, int r0, int rn,
                        NeighbourCandidates cand, int c0, double[] scratch) {
        for (int i = 0; i < qn; i++) {
            int qo = (q0 + i) * cols;
            int c = c0 + i;
            for (int j = 0; j < rn; j += 4) {
                int last = rn - 1;
                int o0 = (r0 + j) * cols;
                int o1 = (r0 + Math.min(j + 1, last)) * cols;
                int o2 = (r0 + Math.min(j + 2, last)) * cols;
                int o3 = (r0 + Math.min(j + 3, last)) * cols;
                int count = Math.min(4, rn - j);
                double limit = cand.threshold(c);
                if (l2Windowed(queries, qo, refs, o0, o1, o2, o3, cols, scratch, 0, count, limit, ABANDON_WINDOW)) {
                    for (int l = 0; l < count; l++) {
                        cand.offer(c, scratch[l], r0 + j + l);
                    }
                }
            }
        }
    }

    /**
     * Squared L2 distances of query row {@code qo} to the four reference rows into
     * {@code out[off … off + count)}, summed in windows of {@code window} dimensions (at most
     * {@code L2_WINDOW}, so the int lanes cannot overflow); returns false, leaving {@code out} unspecified,
     * as soon as after a window every one of the four partial sums exceeds {@code limit}.
     */
    private static boolean l2Windowed(byte[] q, int qo, byte[] r, int o0, int o1, int o2, int o3, int cols,
                                      double[] out, int off, int count, double limit, int window) {
        int vecEnd = cols - cols % SHORT_LANES;
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        IntVector low = IntVector.broadcast(INTS, 0xFFFF);
        for (int start = 0; start < vecEnd; start += window) {
            int end = Math.min(vecEnd, start + window);
            IntVector a0 = IntVector.zero(INTS);
            IntVector a1 = a0;
            IntVector a2 = a0;
            IntVector a3 = a0;
            for (int p = start; p < end; p += SHORT_LANES) {
                ShortVector x = widenShorts(q, qo + p);
                a0 = a0.add(squaredPairs(x, widenShorts(r, o0 + p), low));
                a1 = a1.add(squaredPairs(x, widenShorts(r, o1 + p), low));
                a2 = a2.add(squaredPairs(x, widenShorts(r, o2 + p), low));
                a3 = a3.add(squaredPairs(x, widenShorts(r, o3 + p), low));
            }
            s0 += a0.reduceLanesToLong(VectorOperators.ADD);
            s1 += a1.reduceLanesToLong(VectorOperators.ADD);
            s2 += a2.reduceLanesToLong(VectorOperators.ADD);
            s3 += a3.reduceLanesToLong(VectorOperators.ADD);
            if (Math.min(Math.min(s0, s1), Math.min(s2, s3)) > limit) {
                return false;
            }
        }
        for (int p = vecEnd; p < cols; p++) {
            int x = q[qo + p] & 0xFF;
            int d0 = x - (r[o0 + p] & 0xFF);
            int d1 = x - (r[o1 + p] & 0xFF);
            int d2 = x - (r[o2 + p] & 0xFF);
            int d3 = x - (r[o3 + p] & 0xFF);
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        store(out, off, count, s0, s1, s2, s3);
        return true;
    }

    /** Bytes [off, off + SHORT_LANES) zero-extended to 16-bit lanes. */
    private static ShortVector widenShorts(byte[] data, int off) {
        return (ShortVector) ByteVector.fromArray(HALF_BYTES, data, off)
                .convertShape(VectorOperators.ZERO_EXTEND_B2S, SHORTS, 0);
    }

    /**
     * (x − y)² per 16-bit lane (exact as unsigned: at most 65,025), each pair of neighbouring lanes
     * summed into one 32-bit lane; {@code low} holds 0xFFFF in every int lane.
     */
    private static IntVector squaredPairs(ShortVector x, ShortVector y, IntVector low) {
        ShortVector d = x.sub(y);
        IntVector sq = d.mul(d).reinterpretAsInts();
        return sq.and(low).add(sq.lanewise(VectorOperators.LSHR, 16));
    }

    private static void store(double[] out, int off, int count, long s0, long s1, long s2, long s3) {
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
}
