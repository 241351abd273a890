package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic IDX files from {@link Synthetic}; Fashion-MNIST itself is read in {@link RealDataTest}. */
class IdxReaderTest {

    @TempDir
    Path dir;

    private ImageDataset readStreams(byte[] images, byte[] labels) throws IOException {
        return IdxReader.read(new ByteArrayInputStream(images), "images", new ByteArrayInputStream(labels), "labels",
                ClassNames.DIGITS, "digits");
    }

    @Test
    void readsImagesAndLabels() throws IOException {
        Path images = Synthetic.write(dir.resolve("train-images-idx3-ubyte"), Synthetic.idxImages(3, 2, 3));
        Path labels = Synthetic.write(dir.resolve("train-labels-idx1-ubyte"), Synthetic.idxLabels(1, 0, 9));
        ImageDataset d = IdxReader.read(images, labels, ClassNames.DIGITS, "digits");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.channels()).isEqualTo(1);
        assertThat(d.height()).isEqualTo(2);
        assertThat(d.width()).isEqualTo(3);
        assertThat(d.labels()).containsExactly(1, 0, 9);
        assertThat(d.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(d.pixelsShared()[6 + 4]).isEqualTo((byte) 9);
        assertThat(d.argb(2)[5]).isEqualTo(0xFF0F0F0F);
        assertThat(d.name()).isEqualTo("digits");
        assertThat(d.source()).isEqualTo(images.toString());
    }

    @Test
    void readsGzipRecognisedByContent() throws IOException {
        ImageDataset d = readStreams(Synthetic.gzip(Synthetic.idxImages(2, 4, 4)), Synthetic.gzip(
                Synthetic.idxLabels(7, 3)));
        assertThat(d.labels()).containsExactly(7, 3);
        assertThat(d.pixelsShared()).hasSize(32);
        assertThat(d.pixelsShared()[31]).isEqualTo((byte) 20);
    }

    @Test
    void wrongMagicNumberIsReportedAtByteZero() {
        assertThatThrownBy(() -> readStreams(Synthetic.idxLabels(1, 2), Synthetic.idxLabels(1, 2)))
                .isInstanceOf(DatasetException.class)
                .hasMessage("images: wrong magic number 0x00000801: expected 0x00000803 (IDX images: unsigned bytes,"
                        + " 3 dimensions) (at byte 0)");
        assertThatThrownBy(() -> readStreams(Synthetic.idxImages(1, 1, 1), Synthetic.idxImages(1, 1, 1)))
                .hasMessage("labels: wrong magic number 0x00000803: expected 0x00000801 (IDX labels: unsigned bytes,"
                        + " 1 dimension) (at byte 0)");
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        assertThatThrownBy(() -> readStreams(Synthetic.idxImages(3, 2, 2), Synthetic.idxLabels(1, 2)))
                .hasMessage("images: holds 3 images but labels holds 2 labels (at byte 4)");
    }

    @Test
    void truncatedOrOverlongFilesAreReported() throws IOException {
        byte[] images = Synthetic.idxImages(3, 2, 2);
        assertThatThrownBy(() -> readStreams(Synthetic.gzip(Arrays.copyOf(images, 16 + 9)), Synthetic.idxLabels(1, 2,
                3))).hasMessage("images: ends early, inside image 2 of 3 (at byte 25)");
        assertThatThrownBy(() -> readStreams(Arrays.copyOf(images, images.length + 1), Synthetic.idxLabels(1, 2, 3)))
                .hasMessage("images: has data after the last image (3 images announced by the header) (at byte 28)");
        assertThatThrownBy(() -> readStreams(Arrays.copyOf(images, 10), Synthetic.idxLabels(1, 2, 3)))
                .hasMessage("images: ends inside the 16-byte IDX header (at byte 10)");
        Path raw = Synthetic.write(dir.resolve("i"), Arrays.copyOf(images, 20));
        Path labels = Synthetic.write(dir.resolve("l"), Synthetic.idxLabels(1, 2, 3));
        assertThatThrownBy(() -> IdxReader.read(raw, labels, ClassNames.DIGITS, "d"))
                .hasMessage(raw + ": wrong size 20 bytes: its header announces 3 images of 2×2, which take 28 bytes");
    }

    @Test
    void labelOutOfRangeNamesImageAndOffset() {
        assertThatThrownBy(() -> readStreams(Synthetic.idxImages(3, 1, 1), Synthetic.idxLabels(1, 2, 10)))
                .hasMessage("labels: label 10 of image 2 is out of range 0–9 (at byte 10)");
    }

    @Test
    void zeroDimensionIsRejected() {
        byte[] images = Synthetic.idxImages(1, 1, 1);
        images[11] = 0;
        assertThatThrownBy(() -> readStreams(images, Synthetic.idxLabels(1)))
                .hasMessage("images: dimension 1 is 0, must be positive (at byte 8)");
    }
}
