package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.classifierlab.core.knn.Permutation;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    /** Three RGB images of 2×2; byte j of image i is 10·i + j, labels 2, 0, 2. */
    private static ImageDataset rgb() {
        byte[] px = new byte[3 * 12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 12; j++) {
                px[i * 12 + j] = (byte) (10 * i + j);
            }
        }
        return new ImageDataset("rgb", 3, 2, 2, px, new int[] {2, 0, 2}, ABC, "test");
    }

    @Test
    void describesItsShape() {
        ImageDataset d = rgb();
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.dim()).isEqualTo(12);
        assertThat(d.channels()).isEqualTo(3);
        assertThat(d.height()).isEqualTo(2);
        assertThat(d.width()).isEqualTo(2);
        assertThat(d.classCount()).isEqualTo(3);
        assertThat(d.classNames()).containsExactly("a", "b", "c");
        assertThat(d.name()).isEqualTo("rgb");
        assertThat(d.source()).isEqualTo("test");
        assertThat(d.label(1)).isZero();
        assertThat(d.classCounts()).containsExactly(1, 0, 2);
        assertThat(d.heapBytes()).isEqualTo(16 + 36 + 16 + 12 + 3 * (56 + 1));
        assertThat(d.toString()).contains("3 images of 3×2×2", "3 classes");
    }

    @Test
    void sharesPixelsButCopiesLabels() {
        byte[] px = new byte[4];
        int[] labels = {1};
        ImageDataset d = new ImageDataset("g", 1, 2, 2, px, labels, ABC, "test");
        assertThat(d.pixelsShared()).isSameAs(px);
        d.labels()[0] = 2;
        assertThat(d.label(0)).isEqualTo(1);
    }

    @Test
    void packsPlanarRgbIntoArgbRowMajor() {
        // image 1 bytes 10..21: R plane 10 11 12 13, G plane 14 15 16 17, B plane 18 19 20 21
        assertThat(rgb().argb(1)).containsExactly(0xFF0A0E12, 0xFF0B0F13, 0xFF0C1014, 0xFF0D1115);
    }

    @Test
    void packsGreyIntoArgb() {
        byte[] px = {0, (byte) 128, (byte) 255, 7, 1, 2};
        ImageDataset d = new ImageDataset("g", 1, 1, 3, px, new int[] {0, 1}, ABC, "test");
        assertThat(d.argb(0)).containsExactly(0xFF000000, 0xFF808080, 0xFFFFFFFF);
        assertThat(d.argb(1)).containsExactly(0xFF070707, 0xFF010101, 0xFF020202);
        assertThatThrownBy(() -> d.argb(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void subsetCopiesTheChosenImagesInOrder() {
        ImageDataset s = rgb().subset(new int[] {2, 0, 2});
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.labels()).containsExactly(2, 2, 2);
        assertThat(s.pixelsShared()[0]).isEqualTo((byte) 20);
        assertThat(s.pixelsShared()[12]).isEqualTo((byte) 0);
        assertThat(s.pixelsShared()[35]).isEqualTo((byte) 31);
        assertThat(s.pixelsShared()).isNotSameAs(rgb().pixelsShared());
        assertThatThrownBy(() -> rgb().subset(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void firstKeepsAPrefix() {
        ImageDataset f = rgb().first(2);
        assertThat(f.labels()).containsExactly(2, 0);
        assertThat(f.pixelsShared()).hasSize(24).endsWith((byte) 21);
        assertThat(rgb().first(0).size()).isZero();
        assertThatThrownBy(() -> rgb().first(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofClassesKeepsAndRenumbersClasses() {
        ImageDataset two = rgb().ofClasses(2, 0);
        assertThat(two.classNames()).containsExactly("c", "a");
        assertThat(two.labels()).containsExactly(0, 1, 0);
        ImageDataset only = rgb().ofClasses(0);
        assertThat(only.size()).isEqualTo(1);
        assertThat(only.labels()).containsExactly(0);
        assertThat(only.pixelsShared()[0]).isEqualTo((byte) 10);
        assertThatThrownBy(() -> rgb().ofClasses(1, 1)).hasMessageContaining("class 1 is given twice");
        assertThatThrownBy(() -> rgb().ofClasses(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void sampleIsSeededAndWithoutRepeats() {
        byte[] px = new byte[100];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            px[i] = (byte) i;
            labels[i] = i % 3;
        }
        ImageDataset d = new ImageDataset("n", 1, 1, 1, px, labels, ABC, "test");
        ImageDataset s = d.sample(10, 42);
        assertThat(s.size()).isEqualTo(10);
        assertThat(s.pixelsShared()).doesNotHaveDuplicates().isEqualTo(d.sample(10, 42).pixelsShared());
        assertThat(s.pixelsShared()).isNotEqualTo(d.sample(10, 43).pixelsShared());
        // the sample is the first 10 indices of the seeded shuffle; pixel i of this dataset is i
        int first = Permutation.shuffled(100, 42)[0];
        assertThat(s.pixelsShared()[0]).isEqualTo((byte) first);
        assertThat(s.label(0)).isEqualTo(first % 3);
        assertThat(d.sample(100, 1).classCounts()).containsExactly(34, 33, 33);
    }

    @Test
    void validatesItsInput() {
        assertThatThrownBy(() -> new ImageDataset("x", 3, 2, 2, new byte[11], new int[] {0}, ABC, "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 bytes, has 11");
        assertThatThrownBy(() -> new ImageDataset("x", 1, 1, 1, new byte[2], new int[] {0, 3}, ABC, "s"))
                .hasMessageContaining("label of image 1 must be in [0, 3), was 3");
        assertThatThrownBy(() -> new ImageDataset("x", 1, 1, 1, new byte[1], new int[] {-1}, ABC, "s"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageDataset("x", 2, 1, 1, new byte[2], new int[] {0}, ABC, "s"))
                .hasMessageContaining("channels must be 1 or 3");
        assertThatThrownBy(() -> new ImageDataset("x", 1, 0, 1, new byte[0], new int[0], ABC, "s"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new ImageDataset("x", 1, 1, 1, new byte[0], new int[0], List.of(), "s"))
                .hasMessageContaining("classNames");
    }

    @Test
    void datasetRequiresMatchingSplits() {
        ImageDataset grey = new ImageDataset("g", 1, 2, 2, new byte[4], new int[] {0}, ABC, "s");
        assertThatThrownBy(() -> new Dataset("d", rgb(), grey, DatasetFormat.IDX, "s"))
                .hasMessageContaining("differ in shape");
        ImageDataset otherNames = new ImageDataset("o", 3, 2, 2, new byte[12], new int[] {0}, List.of("z"), "s");
        assertThatThrownBy(() -> new Dataset("d", rgb(), otherNames, DatasetFormat.IDX, "s"))
                .hasMessageContaining("different classes");
        Dataset ok = new Dataset("d", rgb(), rgb().first(1), DatasetFormat.SAMPLE, "s");
        assertThat(ok.heapBytes()).isEqualTo(rgb().heapBytes() + rgb().first(1).heapBytes());
        assertThat(DatasetFormat.CIFAR10_BINARY.label()).isEqualTo("CIFAR-10, binary version");
        assertThat(DatasetFormat.SAMPLE).hasToString("bundled CIFAR-10 sample");
    }
}
