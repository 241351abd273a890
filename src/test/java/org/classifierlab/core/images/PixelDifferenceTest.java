package org.classifierlab.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.classifierlab.core.data.ImageDataset;

class PixelDifferenceTest {

    @Test
    void theSlidesExampleAddsUpTo456() {
        PixelDifference d = PixelDifference.slideExample();
        assertThat(d.l1()).isEqualTo(PixelDifference.SLIDE_L1).isEqualTo(456);
        // By hand, row by row: |56−10|=46, 12, 14, 1 / 82, 13, 39, 33 / 12, 10, 0, 30 / 2, 32, 22, 108.
        assertThat(d.absolute(0, 0, 0)).isEqualTo(46);
        assertThat(d.absolute(0, 1, 0)).isEqualTo(82);
        assertThat(d.absolute(0, 2, 2)).isZero();
        assertThat(d.absolute(0, 3, 3)).isEqualTo(108);
        // Squares: 2116+144+196+1 + 6724+169+1521+1089 + 144+100+0+900 + 4+1024+484+11664 = 26280.
        assertThat(d.squaredL2()).isEqualTo(26_280);
        assertThat(d.l2()).isCloseTo(162.1110, within(1e-4));
        assertThat(d.lInf()).isEqualTo(108);
    }

    @Test
    void theSlideArraysAreCopies() {
        int[] test = PixelDifference.slideTestImage();
        test[0] = 0;
        assertThat(PixelDifference.slideTestImage()[0]).isEqualTo(56);
        assertThat(PixelDifference.slideTrainingImage()).hasSize(16).startsWith(10, 20, 24, 17);
    }

    @Test
    void valuesOutsideTheByteRangeAreRefusedNamingTheCell() {
        int[] a = new int[16];
        int[] b = new int[16];
        b[6] = 256;
        assertThatThrownBy(() -> PixelDifference.ofValues(a, b, 4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("second image").hasMessageContaining("row 2, column 3").hasMessageContaining("256");
        a[0] = -1;
        assertThatThrownBy(() -> PixelDifference.ofValues(a, b, 4, 4)).hasMessageContaining("first image");
    }

    @Test
    void imagesOfADatasetAreComparedChannelByChannel() {
        // Two 3×1×2 images: [0 255 | 10 20 | 200 100] and [255 0 | 20 10 | 100 200].
        byte[] px = {0, (byte) 255, 10, 20, (byte) 200, 100, (byte) 255, 0, 20, 10, 100, (byte) 200};
        ImageDataset set = new ImageDataset("t", 3, 1, 2, px, new int[] {0, 0}, List.of("a"), "test");
        PixelDifference d = PixelDifference.between(set, 0, set, 1);
        assertThat(d.absoluteImage()).containsExactly((byte) 255, (byte) 255, 10, 10, 100, 100);
        assertThat(d.channelL1(0)).isEqualTo(510);
        assertThat(d.channelL1(1)).isEqualTo(20);
        assertThat(d.channelL1(2)).isEqualTo(200);
        assertThat(d.l1()).isEqualTo(730);
        assertThat(d.squaredL2()).isEqualTo(2 * 65_025 + 200 + 20_000);
        assertThat(d.lInf()).isEqualTo(255);
        assertThat(PixelDifference.squaredL2(SameDistanceCopies.image(set, 0), SameDistanceCopies.image(set, 1)))
                .isEqualTo(d.squaredL2());
        assertThat(PixelDifference.between(set, 1, set, 1).l1()).isZero();
    }

    @Test
    void shapesMustAgree() {
        ImageDataset grey = new ImageDataset("g", 1, 2, 2, new byte[4], new int[] {0}, List.of("a"), "test");
        ImageDataset wide = new ImageDataset("w", 1, 1, 4, new byte[4], new int[] {0}, List.of("a"), "test");
        assertThatThrownBy(() -> PixelDifference.between(grey, 0, wide, 0)).hasMessageContaining("differ in shape");
        assertThatThrownBy(() -> PixelDifference.between(new byte[4], new byte[3], 1, 2, 2))
                .hasMessageContaining("has 4 bytes");
    }
}
