package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class L2KernelTest {

    /** 11 query rows and 37 reference rows of 300 values: two dimension blocks, partial panels. */
    private static final int COLS = 300;
    private static final int QUERIES = 11;
    private static final int REFS = 37;

    private static byte[] random(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Test
    void packedPanelsHoldEveryValueAtItsOffsetAndZeroPadding() {
        byte[] data = random(new Random(1), REFS * COLS);
        int panels = (REFS + L2Kernel.NR - 1) / L2Kernel.NR;
        float[] packed = new float[panels * L2Kernel.NR * COLS];
        double[] norms = new double[panels * L2Kernel.NR];
        L2Kernel.pack(data, COLS, 0, REFS, L2Kernel.NR, panels, 0, panels, packed, norms);
        for (int p = 0; p < panels; p++) {
            for (int r = 0; r < L2Kernel.NR; r++) {
                int row = p * L2Kernel.NR + r;
                long norm = 0;
                for (int j = 0; j < COLS; j++) {
                    float value = packed[L2Kernel.offset(p, j, panels, L2Kernel.NR, COLS) + r];
                    int expected = row < REFS ? data[row * COLS + j] & 0xFF : 0;
                    assertThat(value).isEqualTo((float) expected);
                    norm += (long) expected * expected;
                }
                if (row < REFS) {
                    assertThat(norms[row]).isEqualTo((double) norm);
                }
            }
        }
    }

    @Test
    void uint8DotProductsAreExactIntegers() {
        Random random = new Random(2);
        byte[] a = random(random, QUERIES * COLS);
        byte[] b = random(random, REFS * COLS);
        // all-255 rows: 300 · 65,025 = 19,507,500 > 2^24, exact only through the per-block int sums
        for (int j = 0; j < COLS; j++) {
            a[j] = (byte) 255;
            b[j] = (byte) 255;
        }
        int aPanels = (QUERIES + L2Kernel.MR - 1) / L2Kernel.MR;
        int bPanels = (REFS + L2Kernel.NR - 1) / L2Kernel.NR;
        float[] pa = new float[aPanels * L2Kernel.MR * COLS];
        float[] pb = new float[bPanels * L2Kernel.NR * COLS];
        L2Kernel.pack(a, COLS, 0, QUERIES, L2Kernel.MR, aPanels, 0, aPanels, pa, new double[aPanels * L2Kernel.MR]);
        L2Kernel.pack(b, COLS, 0, REFS, L2Kernel.NR, bPanels, 0, bPanels, pb, new double[bPanels * L2Kernel.NR]);
        int ldc = bPanels * L2Kernel.NR;
        int[] c = new int[aPanels * L2Kernel.MR * ldc];
        L2Kernel.multiply(pa, aPanels, 0, aPanels, pb, bPanels, COLS, c, ldc);
        assertThat(c[0]).isEqualTo(19_507_500);
        for (int i = 0; i < QUERIES; i++) {
            for (int j = 0; j < REFS; j++) {
                int dot = 0;
                for (int p = 0; p < COLS; p++) {
                    dot += (a[i * COLS + p] & 0xFF) * (b[j * COLS + p] & 0xFF);
                }
                assertThat(c[i * ldc + j]).as("query %d reference %d", i, j).isEqualTo(dot);
            }
        }
    }
}
