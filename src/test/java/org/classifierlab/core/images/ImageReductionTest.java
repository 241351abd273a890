package org.classifierlab.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.classifierlab.core.data.ImageDataset;

/** The reduction's numbers, checked by hand. */
class ImageReductionTest {

    private static int grey(int v) {
        return 0xFF000000 | v << 16 | v << 8 | v;
    }

    private static int[] greys(int... values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = grey(values[i]);
        }
        return out;
    }

    private static int[] unsigned(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    @Test
    void fourByTwoToTwoByOneIsTheMeanOfEachTwoByTwoBlock() {
        // rows: [10 20 | 1 0], [30 41 | 0 2]; red = grey, green = grey + 1 … blue marks the halves-up rounding
        int[] argb = {
            0xFF0A0B01, 0xFF141503, 0xFF010200, 0xFF000100,
            0xFF1E1F05, 0xFF292A05, 0xFF000100, 0xFF020300};
        byte[] out = ImageReduction.reduce(argb, 4, 2, 3, 1, 2);
        // red: (10+20+30+41)/4 = 25.25 → 25, (1+0+0+2)/4 = 0.75 → 1
        // green: (11+21+31+42)/4 = 26.25 → 26, (2+1+1+3)/4 = 1.75 → 2
        // blue: (1+3+5+5)/4 = 3.5 → 4 (halves up), (0+0+0+0)/4 = 0
        assertThat(unsigned(out)).containsExactly(25, 1, 26, 2, 4, 0);
    }

    @Test
    void threeByThreeToTwoByTwoWeighsTheSharedMiddleRowAndColumnByHalf() {
        int[] argb = greys(
                0, 90, 180,
                36, 72, 108,
                255, 0, 45);
        byte[] out = ImageReduction.reduce(argb, 3, 3, 1, 2, 2);
        // each output pixel covers 1.5 × 1.5 source pixels (area 2.25):
        // (0,0): (0 + 90/2 + 36/2 + 72/4) / 2.25 = 81 / 2.25 = 36
        // (1,0): (90/2 + 180 + 72/4 + 108/2) / 2.25 = 297 / 2.25 = 132
        // (0,1): (36/2 + 72/4 + 255 + 0/2) / 2.25 = 291 / 2.25 = 129.33 → 129
        // (1,1): (72/4 + 108/2 + 0/2 + 45) / 2.25 = 117 / 2.25 = 52
        assertThat(unsigned(out)).containsExactly(36, 132, 129, 52);
    }

    @Test
    void sixtyFourSquareToThirtyTwoSquareIsThePlainTwoByTwoMean() {
        Random random = new Random(7);
        int[] argb = new int[64 * 64];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(1 << 24);
        }
        byte[] out = ImageReduction.reduce(argb, 64, 64, 3, 32, 32);
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int sum = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            sum += argb[(2 * y + dy) * 64 + 2 * x + dx] >> shift & 0xFF;
                        }
                    }
                    assertThat(out[c * 1024 + y * 32 + x] & 0xFF).isEqualTo((sum + 2) / 4);
                }
            }
        }
    }

    @Test
    void aWideImageIsCroppedToItsCentre() {
        // 6 × 2 to 2 × 2: the middle two columns are kept as they are
        int[] argb = greys(
                255, 255, 10, 20, 255, 255,
                255, 255, 30, 40, 255, 255);
        assertThat(unsigned(ImageReduction.reduce(argb, 6, 2, 1, 2, 2))).containsExactly(10, 20, 30, 40);
        assertThat(ImageReduction.centreCrop(6, 2, 2, 2)).isEqualTo(new ImageReduction.Crop(2, 0, 2, 2));
        // 4 × 1 to 1 × 1: the centre unit square [1.5, 2.5] is half of column 1 and half of column 2: 15.5 → 16
        assertThat(unsigned(ImageReduction.reduce(greys(200, 10, 21, 200), 4, 1, 1, 1, 1))).containsExactly(16);
        assertThat(ImageReduction.centreCrop(4, 1, 1, 1)).isEqualTo(new ImageReduction.Crop(1.5, 0, 1, 1));
    }

    @Test
    void aTallImageIsCroppedToItsMiddle() {
        // 1 × 4 to 1 × 1: rows [1.5, 2.5]
        assertThat(unsigned(ImageReduction.reduce(greys(0, 100, 50, 0), 1, 4, 1, 1, 1))).containsExactly(75);
        // 2 × 5 to 2 × 2 keeps rows [1.5, 3.5]: output row 0 is half of source rows 1 and 2, output row 1
        // half of rows 2 and 3: left (40 + 100) / 2 = 70, (100 + 0) / 2 = 50; right (80 + 0) / 2 = 40, (0 + 120) / 2 = 60
        int[] argb = greys(9, 9, 40, 80, 100, 0, 0, 120, 9, 9);
        assertThat(unsigned(ImageReduction.reduce(argb, 2, 5, 1, 2, 2))).containsExactly(70, 40, 50, 60);
    }

    @Test
    void smallImagesAreScaledUpByTheSameAreaRule() {
        assertThat(unsigned(ImageReduction.reduce(greys(77), 1, 1, 1, 2, 2))).containsExactly(77, 77, 77, 77);
        // 2 × 1 to 3 × 1: the middle output pixel covers [2/3, 4/3], a third from each source pixel: (10 + 31) / 2 = 20.5 → 21
        assertThat(unsigned(ImageReduction.reduce(greys(10, 31), 2, 1, 1, 1, 3))).containsExactly(10, 21, 31);
    }

    @Test
    void greyIsBt601LumaOfRedGreenAndBlue() {
        int[] argb = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF, 0xFF000000};
        // 0.299 · 255 = 76.2, 0.587 · 255 = 149.7, 0.114 · 255 = 29.1: PIL's "L" gives the same 76, 150, 29
        assertThat(unsigned(ImageReduction.reduce(argb, 5, 1, 1, 1, 5))).containsExactly(76, 150, 29, 255, 0);
    }

    @Test
    void transparentPixelsAreCompositedOnWhite() {
        int[] argb = {0x00FF0000, 0x80000000, 0x80FF0000, 0xFF102030};
        byte[] out = ImageReduction.reduce(argb, 4, 1, 3, 1, 4);
        // alpha 0 → white; black at 128/255 → 255 · 127/255 = 127; red at 128/255 → (255, 127, 127); opaque kept
        assertThat(unsigned(out)).containsExactly(
                255, 127, 255, 0x10,
                255, 127, 127, 0x20,
                255, 127, 127, 0x30);
    }

    @Test
    void aDatasetImageAtItsOwnSizeComesBackAsItsRow() {
        Random random = new Random(3);
        byte[] pixels = new byte[2 * 3 * 4 * 5];
        random.nextBytes(pixels);
        ImageDataset set = new ImageDataset("t", 3, 4, 5, pixels, new int[] {0, 1}, List.of("a", "b"), "test");
        byte[] row = ImageReduction.reduce(new ArgbImage(5, 4, set.argb(1)), set);
        assertThat(row).containsExactly(Arrays.copyOfRange(pixels, 60, 120));
        assertThat(ImageReduction.toArgb(row, 3, 4, 5)).containsExactly(set.argb(1));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> ImageReduction.reduce(new int[3], 2, 2, 3, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 × 2 needs 4 pixels");
        assertThatThrownBy(() -> ImageReduction.reduce(new int[4], 2, 2, 2, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channels must be 1 or 3");
        assertThatThrownBy(() -> ImageReduction.reduce(new int[4], 2, 2, 3, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target's sides");
    }
}
