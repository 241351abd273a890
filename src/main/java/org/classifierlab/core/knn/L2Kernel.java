package org.classifierlab.core.knn;

import java.util.Arrays;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Packed, register-blocked matrix product {@code C = A·Bᵀ} behind the expanded L2 form, exact on uint8
 * rows (see {@link #multiply}). Stateless; any thread (callers own the arrays they pass).
 */
final class L2Kernel {

    /*
     * Products are fused-multiply-added in float over blocks of at most KC = 256 dimensions; the block
     * sums go into an int C for uint8 rows (every product is at most 65,025 and 256 · 65,025 < 2^24, so
     * each block sum is exact, and up to MAX_EXACT_COLS dimensions so is the int total) or a float C for
     * float rows. A micro-tile is MR = 4 query rows × NR = two vectors of reference rows: eight
     * accumulators, two reference vectors and a broadcast fit the 16 AVX2 registers (a 6 × 16 tile
     * spills). Panels are packed block-major so one block of consecutive panels is contiguous.
     */

    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = FLOATS.length();
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());
    /** Bytes that widen to one vector of ints (at least the narrowest shape, 64 bits). */
    private static final VectorSpecies<Byte> NARROW_BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(Math.max(64, FLOATS.vectorBitSize() / 4)));

    /** Rows of A (queries) per micro-tile: four rows times two vectors keep eight accumulators in registers. */
    static final int MR = 4;
    /** Rows of B (references) per micro-tile: two vectors. */
    static final int NR = 2 * LANES;
    /** Dimensions per block: the largest for which uint8 dot products stay exact in float. */
    static final int KC = 256;
    /** Most uint8 dimensions whose dot products (at most 65,025 each) always fit an int. */
    static final int MAX_EXACT_COLS = Integer.MAX_VALUE / (255 * 255);
    /** Species of {@link #MR} floats, for the norms of query panels. */
    private static final VectorSpecies<Float> QUARTER_FLOATS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(MR * Float.SIZE));

    private L2Kernel() {
    }

    /**
     * Offset in a packed array of {@code panels} panels of {@code width} rows: dimensions are cut into
     * blocks of {@link #KC}, and block b of every panel comes before block b + 1 of any panel, so one
     * block of consecutive panels is contiguous.
     */
    static int offset(int panel, int dim, int panels, int width, int cols) {
        int block = dim / KC;
        int start = block * KC;
        int kc = Math.min(KC, cols - start);
        return (start * panels + panel * kc + (dim - start)) * width;
    }

    /**
     * Packs panels [{@code panelFrom}, {@code panelTo}) of a {@code panels}-panel array: panel p holds
     * rows {@code row0 + p * width …}, and rows at or after {@code rowEnd} read as zero. Row r of panel
     * p, dimension j goes to {@code out[offset(p, j, panels, width, cols) + r]}. The squared norm of
     * each packed row {@code row0 + i} below {@code rowEnd} goes to {@code norms[i]}, formed as
     * {@link #multiply} forms a dot product (see {@link #addSquares}).
     */
    static void pack(byte[] data, int cols, int row0, int rowEnd, int width, int panels, int panelFrom,
                     int panelTo, float[] out, double[] norms) {
        float[] rows = new float[width * KC];
        double[] sums = new double[width];
        for (int p = panelFrom; p < panelTo; p++) {
            Arrays.fill(sums, 0.0);
            for (int start = 0; start < cols; start += KC) {
                int kc = Math.min(KC, cols - start);
                for (int r = 0; r < width; r++) {
                    int row = row0 + p * width + r;
                    if (row < rowEnd) {
                        toFloats(data, row * cols + start, kc, rows, r * KC);
                    } else {
                        Arrays.fill(rows, r * KC, r * KC + kc, 0f);
                    }
                }
                int base = (start * panels + p * kc) * width;
                interleave(rows, width, kc, out, base);
                addSquares(out, base, width, kc, true, sums);
            }
            for (int r = 0; r < width && row0 + p * width + r < rowEnd; r++) {
                norms[p * width + r] = sums[r];
            }
        }
    }

    /** {@link #pack(byte[], int, int, int, int, int, int, int, float[], double[])} for float rows. */
    static void pack(float[] data, int cols, int row0, int rowEnd, int width, int panels, int panelFrom,
                     int panelTo, float[] out, double[] norms) {
        float[] rows = new float[width * KC];
        double[] sums = new double[width];
        for (int p = panelFrom; p < panelTo; p++) {
            Arrays.fill(sums, 0.0);
            for (int start = 0; start < cols; start += KC) {
                int kc = Math.min(KC, cols - start);
                for (int r = 0; r < width; r++) {
                    int row = row0 + p * width + r;
                    if (row < rowEnd) {
                        System.arraycopy(data, row * cols + start, rows, r * KC, kc);
                    } else {
                        Arrays.fill(rows, r * KC, r * KC + kc, 0f);
                    }
                }
                int base = (start * panels + p * kc) * width;
                interleave(rows, width, kc, out, base);
                addSquares(out, base, width, kc, false, sums);
            }
            for (int r = 0; r < width && row0 + p * width + r < rowEnd; r++) {
                norms[p * width + r] = sums[r];
            }
        }
    }

    /**
     * {@code out[base + j * width + r] = rows[r * KC + j]} for r < width, j < kc; unrolled for the two
     * panel widths so every store has a constant offset.
     */
    private static void interleave(float[] rows, int width, int kc, float[] out, int base) {
        if (width == MR) {
            for (int j = 0, o = base; j < kc; j++, o += MR) {
                out[o] = rows[j];
                out[o + 1] = rows[KC + j];
                out[o + 2] = rows[2 * KC + j];
                out[o + 3] = rows[3 * KC + j];
            }
        } else {
            for (int j = 0, o = base; j < kc; j++, o += width) {
                for (int r = 0; r < width; r += 4) {
                    out[o + r] = rows[r * KC + j];
                    out[o + r + 1] = rows[(r + 1) * KC + j];
                    out[o + r + 2] = rows[(r + 2) * KC + j];
                    out[o + r + 3] = rows[(r + 3) * KC + j];
                }
            }
        }
    }

    /** {@code out[to + j] = data[from + j] & 0xFF} for j < n. */
    private static void toFloats(byte[] data, int from, int n, float[] out, int to) {
        int step = NARROW_BYTES.length();
        int vecEnd = n - n % step;
        int j = 0;
        for (; j < vecEnd; j += step) {
            ((FloatVector) ByteVector.fromArray(NARROW_BYTES, data, from + j)
                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0)
                    .convert(VectorOperators.I2F, 0)).intoArray(out, to + j);
        }
        for (; j < n; j++) {
            out[to + j] = data[from + j] & 0xFF;
        }
    }

    /**
     * {@code c[i * ldc + j] = Σ_p A[i][p] · B[j][p]} for i < {@code mPanels · MR} and
     * j < {@code nPanels · NR}, exact for packed uint8 rows of at most {@link #MAX_EXACT_COLS}
     * dimensions. A is panels [{@code aPanel0}, {@code aPanel0 + mPanels}) of an {@code aPanels}-panel
     * array packed with width {@link #MR}, B all {@code nPanels} panels of an array packed with width
     * {@link #NR}.
     */
    static void multiply(float[] a, int aPanels, int aPanel0, int mPanels, float[] b, int nPanels, int cols,
                         int[] c, int ldc) {
        multiply(a, aPanels, aPanel0, mPanels, b, nPanels, cols, c, null, ldc);
    }

    /** {@link #multiply(float[], int, int, int, float[], int, int, int[], int)} with the block sums added in float. */
    static void multiply(float[] a, int aPanels, int aPanel0, int mPanels, float[] b, int nPanels, int cols,
                         float[] c, int ldc) {
        multiply(a, aPanels, aPanel0, mPanels, b, nPanels, cols, null, c, ldc);
    }

    private static void multiply(float[] a, int aPanels, int aPanel0, int mPanels, float[] b, int nPanels, int cols,
                                 int[] intC, float[] floatC, int ldc) {
        for (int start = 0; start < cols; start += KC) {
            int kc = Math.min(KC, cols - start);
            boolean first = start == 0;
            int aBase = (start * aPanels + aPanel0 * kc) * MR;
            int bBase = start * nPanels * NR;
            for (int jp = 0; jp < nPanels; jp++) {
                int bo = bBase + jp * kc * NR;
                for (int ip = 0; ip < mPanels; ip++) {
                    microKernel(a, aBase + ip * kc * MR, b, bo, kc, intC, floatC, ip * MR * ldc + jp * NR, ldc,
                            first);
                }
            }
        }
    }

    /**
     * Adds the squared norms of the {@code width} rows of one packed block ({@code kc} dimensions at
     * {@code base}) to {@code sums}: each row's squares are fused-multiply-added in float in dimension
     * order and the block sum is added exactly ({@code exact}, uint8 rows) or in float, just as
     * {@link #multiply} forms a dot product; so a row's norm equals its dot product with itself bit for
     * bit, and identical rows come out at distance 0.
     */
    private static void addSquares(float[] packed, int base, int width, int kc, boolean exact, double[] sums) {
        if (width == MR && MR < LANES) {
            // the species must be a constant for the Vector API to compile it
            FloatVector acc = FloatVector.zero(QUARTER_FLOATS);
            for (int p = 0; p < kc; p++) {
                FloatVector x = FloatVector.fromArray(QUARTER_FLOATS, packed, base + p * MR);
                acc = x.fma(x, acc);
            }
            addBlockSums(acc, sums, 0, exact);
            return;
        }
        for (int lane0 = 0; lane0 < width; lane0 += 2 * LANES) {
            // two vectors of rows at once: two independent chains of fused multiply-adds
            FloatVector acc0 = FloatVector.zero(FLOATS);
            FloatVector acc1 = acc0;
            for (int p = 0; p < kc; p++) {
                FloatVector x0 = FloatVector.fromArray(FLOATS, packed, base + p * width + lane0);
                FloatVector x1 = FloatVector.fromArray(FLOATS, packed, base + p * width + lane0 + LANES);
                acc0 = x0.fma(x0, acc0);
                acc1 = x1.fma(x1, acc1);
            }
            addBlockSums(acc0, sums, lane0, exact);
            addBlockSums(acc1, sums, lane0 + LANES, exact);
        }
    }

    private static void addBlockSums(FloatVector blockSums, double[] sums, int lane0, boolean exact) {
        float[] lanes = blockSums.toArray();
        for (int l = 0; l < lanes.length; l++) {
            double sum = sums[lane0 + l];
            sums[lane0 + l] = exact ? sum + lanes[l] : (float) sum + lanes[l];
        }
    }

    private static void microKernel(float[] a, int ao, float[] b, int bo, int kc, int[] intC, float[] floatC, int co,
                                    int ldc, boolean first) {
        FloatVector c00 = FloatVector.zero(FLOATS);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        for (int p = 0; p < kc; p++) {
            int bi = bo + p * NR;
            int ai = ao + p * MR;
            FloatVector b0 = FloatVector.fromArray(FLOATS, b, bi);
            FloatVector b1 = FloatVector.fromArray(FLOATS, b, bi + LANES);
            FloatVector x = FloatVector.broadcast(FLOATS, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(FLOATS, a[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(FLOATS, a[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(FLOATS, a[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        if (intC != null) {
            accumulate(c00, intC, co, first);
            accumulate(c01, intC, co + LANES, first);
            accumulate(c10, intC, co + ldc, first);
            accumulate(c11, intC, co + ldc + LANES, first);
            accumulate(c20, intC, co + 2 * ldc, first);
            accumulate(c21, intC, co + 2 * ldc + LANES, first);
            accumulate(c30, intC, co + 3 * ldc, first);
            accumulate(c31, intC, co + 3 * ldc + LANES, first);
        } else {
            accumulate(c00, floatC, co, first);
            accumulate(c01, floatC, co + LANES, first);
            accumulate(c10, floatC, co + ldc, first);
            accumulate(c11, floatC, co + ldc + LANES, first);
            accumulate(c20, floatC, co + 2 * ldc, first);
            accumulate(c21, floatC, co + 2 * ldc + LANES, first);
            accumulate(c30, floatC, co + 3 * ldc, first);
            accumulate(c31, floatC, co + 3 * ldc + LANES, first);
        }
    }

    /** Adds (or, for the first block, stores) the lanes of {@code v}, whole numbers, into {@code c[off…]}. */
    private static void accumulate(FloatVector v, int[] c, int off, boolean first) {
        IntVector sum = (IntVector) v.convert(VectorOperators.F2I, 0);
        if (!first) {
            sum = sum.add(IntVector.fromArray(INTS, c, off));
        }
        sum.intoArray(c, off);
    }

    /** Adds (or, for the first block, stores) the lanes of {@code v} into {@code c[off…]}. */
    private static void accumulate(FloatVector v, float[] c, int off, boolean first) {
        FloatVector sum = first ? v : v.add(FloatVector.fromArray(FLOATS, c, off));
        sum.intoArray(c, off);
    }
}
