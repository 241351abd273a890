package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.core.data.BadInput.refused;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad-input campaign, MNIST-style IDX files ({@link IdxReader}): each crafted pair of files is refused with a
 * {@link DatasetException} naming the file and the problem, in bounded time and memory, writing nothing.
 */
class IdxBadInputTest {

    @TempDir
    Path tmp;

    private Path images;
    private Path labels;

    private void files(byte[] imageBytes, byte[] labelBytes) throws IOException {
        images = Synthetic.write(tmp.resolve("train-images-idx3-ubyte"), imageBytes);
        labels = Synthetic.write(tmp.resolve("train-labels-idx1-ubyte"), labelBytes);
    }

    private DatasetException read(String label) {
        return read(label, BadInput.SMALL);
    }

    private DatasetException read(String label, long maxBytes) {
        return refused(DatasetException.class, tmp, maxBytes, label,
                () -> IdxReader.read(images, labels, ClassNames.DIGITS, "digits"));
    }

    private static byte[] header(int magic, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    @Test
    void wrongMagicNumbers() throws IOException {
        files(Synthetic.cifar10(1, 0), Synthetic.idxLabels(1));
        assertThat(read("idx: a CIFAR batch as the images file")).hasMessage(images + ": wrong magic number"
                + " 0x0000070E: expected 0x00000803 (IDX images: unsigned bytes, 3 dimensions) (at byte 0)");
        files(Synthetic.idxImages(1, 2, 2), header(0x00000D03, 1));
        assertThat(read("idx: labels of floats (type 0x0D)")).hasMessage(labels + ": wrong magic number 0x00000D03:"
                + " expected 0x00000801 (IDX labels: unsigned bytes, 1 dimension) (at byte 0)");
    }

    @Test
    void dimensionsWhoseProductOverflows() throws IOException {
        // 65,536³ = 2^48 bytes; and 2^31−1 cubed passes 2^63, which wraps a long to a small number.
        files(header(IdxReader.IMAGES_MAGIC, 2, 65_536, 65_536), Synthetic.idxLabels(1, 2));
        assertThat(read("idx: 2 images of 65,536×65,536")).hasMessage(images + ": claims 2 images of 65,536×65,536,"
                + " 8,589,934,592 bytes, more than the 419,430,400 this reader accepts (at byte 4)");
        int max = Integer.MAX_VALUE;
        files(header(IdxReader.IMAGES_MAGIC, 1, max, max), Synthetic.idxLabels(1));
        assertThat(read("idx: dimensions 2^31−1 × 2^31−1")).hasMessage(images + ": claims 1 image of"
                + " 2,147,483,647×2,147,483,647, 4,611,686,014,132,420,609 bytes, more than the 419,430,400 this reader"
                + " accepts (at byte 4)");
        files(header(IdxReader.IMAGES_MAGIC, 1, 0x80000000, 1), Synthetic.idxLabels(1));
        assertThat(read("idx: negative dimension")).hasMessage(images + ": dimension 1 is -2147483648, must be"
                + " positive (at byte 8)");
    }

    @Test
    void hugeLabelCountsAreRefusedFromTheHeader() throws IOException {
        files(Synthetic.idxImages(1, 1, 1), header(IdxReader.LABELS_MAGIC, 400_000_000));
        assertThat(read("idx: labels header claiming 400,000,000 labels")).hasMessage(labels + ": claims 400,000,000"
                + " labels, more than the 2,000,000 this reader accepts (at byte 4)");
    }

    @Test
    void labelsGzipBombIsRefusedFromTheHeader() throws IOException {
        // Before this campaign: 400 million zero labels (a 400 KB gzip file) were read into 2 GB of arrays.
        images = Synthetic.write(tmp.resolve("train-images-idx3-ubyte"), Synthetic.idxImages(1, 1, 1));
        labels = BadInput.gzipBomb(tmp.resolve("train-labels-idx1-ubyte.gz"), header(IdxReader.LABELS_MAGIC,
                400_000_000), 1);
        assertThat(read("idx: gzip bomb of 400,000,000 labels")).hasMessage(labels + ": claims 400,000,000 labels,"
                + " more than the 2,000,000 this reader accepts (at byte 4)");
    }

    @Test
    void imagesGzipBombStopsAfterTheAnnouncedImages() throws IOException {
        labels = Synthetic.write(tmp.resolve("train-labels-idx1-ubyte"), Synthetic.idxLabels(new int[60_000]));
        images = BadInput.gzipBomb(tmp.resolve("train-images-idx3-ubyte.gz"), header(IdxReader.IMAGES_MAGIC, 60_000,
                28, 28), 4);
        assertThat(Files.size(images)).isLessThan(8L << 20);
        assertThat(read("idx: gzip bomb (4 MB expanding to 4 GiB) after an MNIST-sized header", 256L << 20))
                .hasMessage(images + ": has data after the last image (60,000 images announced by the header)"
                        + " (at byte 47040016)");
    }

    @Test
    void headerClaimingHundredsOfMegabytesInATinyGzip() throws IOException {
        labels = Synthetic.write(tmp.resolve("train-labels-idx1-ubyte"), Synthetic.idxLabels(new int[100_000]));
        images = Synthetic.write(tmp.resolve("train-images-idx3-ubyte.gz"), Synthetic.gzip(header(
                IdxReader.IMAGES_MAGIC, 100_000, 64, 64)));
        assertThat(read("idx: gzip header claiming 409,600,000 pixel bytes, no pixels")).hasMessage(images + ": ends"
                + " early, inside image 0 of 100,000 (at byte 16)");
    }

    @Test
    void truncatedAndOverLong() throws IOException {
        byte[] good = Synthetic.idxImages(3, 2, 2);
        files(Arrays.copyOf(good, good.length - 1), Synthetic.idxLabels(1, 2, 3));
        assertThat(read("idx: images file one byte short")).hasMessage(images + ": wrong size 27 bytes: its header"
                + " announces 3 images of 2×2, which take 28 bytes");
        files(Arrays.copyOf(good, good.length + 4), Synthetic.idxLabels(1, 2, 3));
        assertThat(read("idx: images file with 4 bytes too many")).hasMessage(images + ": wrong size 32 bytes: its"
                + " header announces 3 images of 2×2, which take 28 bytes");
        files(Arrays.copyOf(good, 10), Synthetic.idxLabels(1, 2, 3));
        assertThat(read("idx: images file cut inside its header")).hasMessage(images + ": ends inside the 16-byte IDX"
                + " header (at byte 10)");
        byte[] gz = Synthetic.gzip(Synthetic.idxImages(200, 28, 28));
        files(Arrays.copyOf(gz, gz.length / 2), Synthetic.idxLabels(new int[200]));
        assertThat(read("idx: gzip stream cut in half")).hasMessage(images + ": the gzip data ends early (an"
                + " incomplete download?)");
    }

    @Test
    void countsThatDisagreeAndLabelsOutOfRange() throws IOException {
        files(Synthetic.idxImages(3, 2, 2), Synthetic.idxLabels(1, 2));
        assertThat(read("idx: 3 images, 2 labels")).hasMessage(images + ": holds 3 images but train-labels-idx1-ubyte"
                + " holds 2 labels (at byte 4)");
        files(Synthetic.idxImages(3, 2, 2), Synthetic.idxLabels(1, 2, 10));
        assertThat(read("idx: label 10 among digits")).hasMessage(labels + ": label 10 of image 2 is out of range 0–9"
                + " (at byte 10)");
    }

    @Test
    void pipeOrFolderWhereAFileShouldBe() throws Exception {
        labels = Synthetic.write(tmp.resolve("train-labels-idx1-ubyte"), Synthetic.idxLabels(1));
        images = BadInput.fifo(tmp.resolve("train-images-idx3-ubyte"));
        assertThat(read("idx: named pipe as the images file")).hasMessage(images + ": is not a regular file (a named"
                + " pipe, device or socket); refused without opening it");
        Files.delete(images);
        Files.createDirectory(images);
        assertThat(read("idx: folder as the images file")).hasMessage(images + ": is a folder, not a file");
    }
}
