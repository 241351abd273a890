package org.classifierlab.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;
import org.classifierlab.core.knn.Permutation;

/** The neighbour sheet's size, frames and image placement at known pixels. */
class NeighbourSheetTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    /** {@code count} flat 4 × 3 RGB images, image i all value {@code value(i)}, label {@code label(i)}. */
    private static ImageDataset flat(int[] values, int[] labels) {
        byte[] px = new byte[values.length * 36];
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(px, i * 36, (i + 1) * 36, (byte) values[i]);
        }
        return new ImageDataset("flat", 3, 3, 4, px, labels, CLASSES, "test");
    }

    /** Training image i has value 20 i and label i mod 3. */
    private static ImageDataset train() {
        int[] values = new int[12];
        int[] labels = new int[12];
        for (int i = 0; i < 12; i++) {
            values[i] = 20 * i;
            labels[i] = i % 3;
        }
        return flat(values, labels);
    }

    /** Test image 0 equals training image 5 (label 2) and has label 2; test image 1 equals training image 7 (label 1) but has label 0. */
    private static ImageDataset test() {
        return flat(new int[] {100, 140}, new int[] {2, 0});
    }

    private static NeighbourTable nearest(ImageDataset queries, ImageDataset refs, int k) {
        return DistanceEngine.nearest(queries.rows(),
                refs.rows(), DistanceEngine.Options.of(k, Metric.L2));
    }

    @Test
    void theSheetHasTheExpectedSizeAndFramesTellMatchingFromOtherClasses(@TempDir Path dir) throws IOException {
        ImageDataset train = train();
        ImageDataset test = test();
        NeighbourTable table = nearest(test, train, 10);
        assertThat(table.index(0, 0)).isEqualTo(5);
        assertThat(table.index(1, 0)).isEqualTo(7);
        assertThat(table.index(1, 1)).isEqualTo(6);
        NeighbourSheet.Layout layout = new NeighbourSheet.Layout(4, 3, 2, 10, 3, false);
        NeighbourSheet sheet = NeighbourSheet.render(test, train, new int[] {0, 1}, table, layout);
        // scale 3: frame 3, spacing 3, margin 6, cell 4·3 + 6 = 18 wide and 3·3 + 6 = 15 high, test gap 9;
        // width 2·6 + 11·18 + 9 + 9·3 = 246, height 2·6 + 2·15 + 3 = 45
        assertThat(sheet.width()).isEqualTo(246);
        assertThat(sheet.height()).isEqualTo(45);
        assertThat(layout.cellX(1)).isEqualTo(33);
        assertThat(layout.cellY(1)).isEqualTo(24);
        assertThat(sheet.argb(0, 0)).isEqualTo(NeighbourSheet.BACKGROUND);
        assertThat(sheet.argb(6, 6)).isEqualTo(NeighbourSheet.TEST_FRAME);
        assertThat(sheet.argb(28, 10)).as("gap between test image and neighbours").isEqualTo(NeighbourSheet.BACKGROUND);
        assertThat(sheet.argb(33, 6)).as("train 5 for test 0, both class c").isEqualTo(NeighbourSheet.SAME_CLASS);
        assertThat(sheet.argb(36, 9)).as("train 5's first pixel, scaled").isEqualTo(0xFF646464);
        assertThat(sheet.argb(36 + 11, 9 + 8)).as("train 5's last pixel").isEqualTo(0xFF646464);
        assertThat(sheet.argb(33, 24)).as("train 7 (b) for test 1 (a)").isEqualTo(NeighbourSheet.OTHER_CLASS);
        assertThat(sheet.argb(54, 24)).as("train 6 (a) for test 1 (a)").isEqualTo(NeighbourSheet.SAME_CLASS);
        assertThat(sheet.argb(9, 27)).as("test 1's pixel").isEqualTo(0xFF8C8C8C);

        Path png = dir.resolve("sheet.png");
        sheet.writePng(png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(246);
        assertThat(read.getHeight()).isEqualTo(45);
        assertThat(read.getRGB(33, 24)).isEqualTo(NeighbourSheet.OTHER_CLASS);
        assertThat(read.getRGB(36, 9)).isEqualTo(0xFF646464);
    }

    @Test
    void captionsWriteTheClassNamesUnderTheImages() {
        ImageDataset train = train();
        ImageDataset test = test();
        NeighbourTable table = nearest(test, train, 10);
        for (boolean captions : new boolean[] {false, true}) {
            NeighbourSheet.Layout layout = new NeighbourSheet.Layout(4, 3, 2, 10, 8, captions);
            NeighbourSheet sheet = NeighbourSheet.render(test, train, new int[] {0, 1}, table, layout);
            // scale 8: cell 48 × 40, margin 16, spacing 8; captions of 10 px type take 15 px under each row
            assertThat(sheet.height()).isEqualTo(captions ? 2 * 16 + 2 * (40 + 15) + 8 : 2 * 16 + 2 * 40 + 8);
            int inked = 0;
            int top = layout.cellY(0) + layout.cellHeight();
            for (int y = top; y < top + Math.max(8, layout.captionHeight()); y++) {
                for (int x = layout.cellX(0); x < layout.cellX(0) + layout.cellWidth(); x++) {
                    if (sheet.argb(x, y) != NeighbourSheet.BACKGROUND) {
                        inked++;
                    }
                }
            }
            assertThat(inked > 0).as("caption ink with captions = " + captions).isEqualTo(captions);
        }
    }

    @Test
    void cifarSizedSheetsFitASlide() {
        assertThat(NeighbourSheet.scaleForWidth(32, 10, 2400)).isEqualTo(5);
        NeighbourSheet.Layout cifar = new NeighbourSheet.Layout(32, 32, 3, 10, 5, false);
        // cell 32·5 + 10 = 170, margin 10, spacing 5, gap 85: 20 + 11·170 + 85 + 45 = 2020; 20 + 3·170 + 10 = 540
        assertThat(cifar.width()).isEqualTo(2020);
        assertThat(cifar.height()).isEqualTo(540);
        // MNIST's 28-pixel images: scale 6 gives 24 + 11·180 + 90 + 54 = 2148
        assertThat(NeighbourSheet.scaleForWidth(28, 10, 2400)).isEqualTo(6);
        assertThat(new NeighbourSheet.Layout(28, 28, 1, 10, 6, false).width()).isEqualTo(2148);
    }

    @Test
    void randomTestIndicesAreTheSeededPermutationsStart() {
        int[] rows = NeighbourSheet.randomTestIndices(500, 7, 42);
        assertThat(rows).containsExactly(Arrays.copyOf(Permutation.shuffled(500, 42), 7));
        assertThat(Arrays.stream(rows).distinct().count()).isEqualTo(7);
        assertThat(NeighbourSheet.randomTestIndices(500, 7, 43)).isNotEqualTo(rows);
        assertThatThrownBy(() -> NeighbourSheet.randomTestIndices(500, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 500");
    }

    @Test
    void tablesThatDoNotFitAreRefused() {
        ImageDataset train = train();
        ImageDataset test = test();
        NeighbourSheet.Layout layout = new NeighbourSheet.Layout(4, 3, 2, 10, 1, false);
        assertThatThrownBy(() -> NeighbourSheet.render(test, train, new int[] {0, 1}, nearest(test, train, 5), layout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 5 neighbours");
        assertThatThrownBy(() -> NeighbourSheet.render(test, train, new int[] {0}, nearest(test, train, 10), layout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one table row per test index");
    }
}
