package org.classifierlab.core.knn;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exact rank key (L1 sum, squared L2, L∞ maximum) of one pair of uint8 rows in int arithmetic,
 * abandoned as soon as a partial result exceeds a limit. Stateless; any thread.
 */
final class ExactPair {

    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> SHORTS = VectorSpecies.of(short.class, BYTES.vectorShape());
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, BYTES.vectorShape());
    private static final VectorSpecies<Byte> HALF_BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(BYTES.vectorBitSize() / 2));
    private static final int BYTE_LANES = BYTES.length();
    private static final int SHORT_LANES = SHORTS.length();
    private static final byte SIGN = (byte) 0x80;
    /** Byte steps between abandon checks of L1 and L∞; 16 steps add at most 16 · 510 to a 16-bit lane. */
    private static final int STEPS = 16;
    /** Most columns whose L2 rank key fits an int (every squared difference is at most 65,025). */
    static final int MAX_COLS = Integer.MAX_VALUE / (255 * 255);

    private ExactPair() {
    }

    /**
     * The rank key of rows {@code a[ao …]} and {@code b[bo …]} of {@code cols} (at most {@link #MAX_COLS})
     * values, or some value above {@code limit} (not necessarily the key) once the key is known to exceed it.
     */
    static int key(Metric metric, byte[] a, int ao, byte[] b, int bo, int cols, int limit) {
        return switch (metric) {
            case L1 -> l1(a, ao, b, bo, cols, limit);
            case L2 -> l2(a, ao, b, bo, cols, limit);
            case LINF -> lInf(a, ao, b, bo, cols, limit);
        };
    }

    private static int l1(byte[] a, int ao, byte[] b, int bo, int cols, int limit) {
        int vecEnd = cols - cols % BYTE_LANES;
        long s = 0;
        for (int start = 0; start < vecEnd; start += STEPS * BYTE_LANES) {
            int end = Math.min(vecEnd, start + STEPS * BYTE_LANES);
            ShortVector acc = ShortVector.zero(SHORTS);
            for (int p = start; p < end; p += BYTE_LANES) {
                ByteVector x = ByteVector.fromArray(BYTES, a, ao + p).lanewise(VectorOperators.XOR, SIGN);
                ByteVector y = ByteVector.fromArray(BYTES, b, bo + p).lanewise(VectorOperators.XOR, SIGN);
                ShortVector d = x.max(y).sub(x.min(y)).reinterpretAsShorts();
                acc = acc.add(d.and((short) 0xFF)).add(d.lanewise(VectorOperators.LSHR, 8));
            }
            IntVector lo = (IntVector) acc.convert(VectorOperators.ZERO_EXTEND_S2I, 0);
            IntVector hi = (IntVector) acc.convert(VectorOperators.ZERO_EXTEND_S2I, 1);
            s += lo.add(hi).reduceLanes(VectorOperators.ADD);
            if (s > limit) {
                return Integer.MAX_VALUE;
            }
        }
        for (int p = vecEnd; p < cols; p++) {
            s += Math.abs((a[ao + p] & 0xFF) - (b[bo + p] & 0xFF));
        }
        return s > limit ? Integer.MAX_VALUE : (int) s;
    }

    private static int lInf(byte[] a, int ao, byte[] b, int bo, int cols, int limit) {
        int vecEnd = cols - cols % BYTE_LANES;
        int m = 0;
        for (int start = 0; start < vecEnd; start += STEPS * BYTE_LANES) {
            int end = Math.min(vecEnd, start + STEPS * BYTE_LANES);
            ByteVector acc = ByteVector.broadcast(BYTES, SIGN);
            for (int p = start; p < end; p += BYTE_LANES) {
                ByteVector x = ByteVector.fromArray(BYTES, a, ao + p).lanewise(VectorOperators.XOR, SIGN);
                ByteVector y = ByteVector.fromArray(BYTES, b, bo + p).lanewise(VectorOperators.XOR, SIGN);
                acc = acc.max(x.max(y).sub(x.min(y)).lanewise(VectorOperators.XOR, SIGN));
            }
            m = Math.max(m, (acc.reduceLanes(VectorOperators.MAX) ^ SIGN) & 0xFF);
            if (m > limit) {
                return Integer.MAX_VALUE;
            }
        }
        for (int p = vecEnd; p < cols; p++) {
            m = Math.max(m, Math.abs((a[ao + p] & 0xFF) - (b[bo + p] & 0xFF)));
        }
        return m > limit ? Integer.MAX_VALUE : m;
    }

    /** Squared differences as unsigned 16-bit products, neighbouring pairs summed into int lanes. */
    private static int l2(byte[] a, int ao, byte[] b, int bo, int cols, int limit) {
        int vecEnd = cols - cols % SHORT_LANES;
        long s = 0;
        IntVector low = IntVector.broadcast(INTS, 0xFFFF);
        int window = STEPS * SHORT_LANES;
        for (int start = 0; start < vecEnd; start += window) {
            int end = Math.min(vecEnd, start + window);
            IntVector acc = IntVector.zero(INTS);
            for (int p = start; p < end; p += SHORT_LANES) {
                ShortVector d = widen(a, ao + p).sub(widen(b, bo + p));
                IntVector sq = d.mul(d).reinterpretAsInts();
                acc = acc.add(sq.and(low)).add(sq.lanewise(VectorOperators.LSHR, 16));
            }
            s += acc.reduceLanesToLong(VectorOperators.ADD);
            if (s > limit) {
                return Integer.MAX_VALUE;
            }
        }
        for (int p = vecEnd; p < cols; p++) {
            int d = (a[ao + p] & 0xFF) - (b[bo + p] & 0xFF);
            s += d * d;
        }
        return s > limit ? Integer.MAX_VALUE : (int) s;
    }

    private static ShortVector widen(byte[] data, int off) {
        return (ShortVector) ByteVector.fromArray(HALF_BYTES, data, off)
                .convertShape(VectorOperators.ZERO_EXTEND_B2S, SHORTS, 0);
    }
}
