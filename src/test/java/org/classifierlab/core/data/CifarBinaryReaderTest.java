package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic files from {@link Synthetic}; the real CIFAR files are read in {@link RealDataTest}. */
class CifarBinaryReaderTest {

    private static final List<String> NAMES_100 = IntStream.range(0, 100).mapToObj(i -> "f" + i).toList();
    private static final List<String> NAMES_20 = IntStream.range(0, 20).mapToObj(i -> "c" + i).toList();

    @TempDir
    Path dir;

    @Test
    void readsRecordsIntoPlanarImages() throws IOException {
        Path file = Synthetic.write(dir.resolve("data_batch_1.bin"), Synthetic.cifar10(5, 1));
        ImageDataset d = CifarBinaryReader.readCifar10(file, ClassNames.CIFAR10);
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.labels()).containsExactly(1, 4, 7, 0, 3);
        assertThat(d.name()).isEqualTo("data_batch_1.bin");
        assertThat(d.source()).isEqualTo(file.toString());
        assertThat(d.channels()).isEqualTo(3);
        assertThat(d.height()).isEqualTo(32);
        // image 2, seed 1: red (0,0) = 62 + 1 = 63; green = 62 + 7·1024 + 85 + 1 ≡ 148; blue ≡ 233 (mod 256)
        assertThat(d.argb(2)[0]).isEqualTo(0xFF3F94E9);
        // (x=1, y=0): red 70, green 155, blue 240
        assertThat(d.argb(2)[1]).isEqualTo(0xFF469BF0);
        // last byte of image 2: 62 + 7·3071 + 170 + 1 = 21730 ≡ 226
        assertThat(d.pixelsShared()[3 * 3072 - 1]).isEqualTo((byte) 226);
    }

    @Test
    void readsGzipFromAStreamAndAFile() throws IOException {
        byte[] gz = Synthetic.gzip(Synthetic.cifar10(3, 0));
        ImageDataset fromStream = CifarBinaryReader.readCifar10(new ByteArrayInputStream(gz), "x.bin.gz",
                ClassNames.CIFAR10);
        assertThat(fromStream.labels()).containsExactly(0, 3, 6);
        assertThat(fromStream.pixelsShared())
                .isEqualTo(concat(Synthetic.image(0, 0), Synthetic.image(1, 0), Synthetic.image(2, 0)));
        ImageDataset fromFile = CifarBinaryReader.readCifar10(Synthetic.write(dir.resolve("b.bin.gz"), gz),
                ClassNames.CIFAR10);
        assertThat(fromFile.pixelsShared()).isEqualTo(fromStream.pixelsShared());
    }

    @Test
    void readsCifar100FineOrCoarseLabels() throws IOException {
        Path file = Synthetic.write(dir.resolve("train.bin"), Synthetic.cifar100(4, 2));
        ImageDataset fine = CifarBinaryReader.readCifar100(file, Cifar100Labels.FINE, NAMES_100);
        assertThat(fine.labels()).containsExactly(2, 9, 16, 23);
        assertThat(fine.classCount()).isEqualTo(100);
        assertThat(fine.pixelsShared()[3072]).isEqualTo((byte) 33);
        ImageDataset coarse = CifarBinaryReader.readCifar100(new ByteArrayInputStream(Synthetic.cifar100(4, 2)),
                "train.bin", Cifar100Labels.COARSE, NAMES_20);
        assertThat(coarse.labels()).containsExactly(2, 5, 8, 11);
        assertThat(coarse.pixelsShared()).isEqualTo(fine.pixelsShared());
    }

    @Test
    void wrongFileSizeNamesTheFileTheExpectedSizeAndTheTruncatedRecord() throws IOException {
        Path file = Synthetic.write(dir.resolve("data_batch_2.bin"), Arrays.copyOf(Synthetic.cifar10(3, 0), 6246));
        assertThatThrownBy(() -> CifarBinaryReader.readCifar10(file, ClassNames.CIFAR10))
                .isInstanceOf(DatasetException.class)
                .hasMessage(file + ": wrong size 6,246 bytes: expected a whole number of 3,073-byte records;"
                        + " record 2 is truncated to 100 bytes (at byte 6146)")
                .satisfies(e -> assertThat(((DatasetException) e).offset()).isEqualTo(6146));
        assertThatThrownBy(() -> CifarBinaryReader.checkSize("t.bin", 30_729_999, CifarBinaryReader.Layout.CIFAR10,
                10_000)).hasMessageContaining("wrong size 30,729,999 bytes: expected 30,730,000 bytes (10,000 records"
                        + " of 3,073 bytes) or another whole number of records; record 9,999 is truncated to 3,072 bytes")
                .hasMessageEndingWith("(at byte 30726927)");
        Path empty = Synthetic.write(dir.resolve("empty.bin"), new byte[0]);
        assertThatThrownBy(() -> CifarBinaryReader.readCifar10(empty, ClassNames.CIFAR10))
                .hasMessage(empty + ": is empty; expected a whole number of 3,073-byte records");
    }

    @Test
    void truncatedStreamNamesTheRecordAndOffset() {
        byte[] data = Arrays.copyOf(Synthetic.cifar10(3, 0), 2 * 3073 + 10);
        assertThatThrownBy(() -> CifarBinaryReader.readCifar10(new ByteArrayInputStream(data), "s.bin",
                ClassNames.CIFAR10))
                .isInstanceOf(DatasetException.class)
                .hasMessage("s.bin: record 2 is truncated: 10 of 3,073 bytes (at byte 6146)");
        assertThatThrownBy(() -> CifarBinaryReader.readCifar10(new ByteArrayInputStream(new byte[0]), "e.bin",
                ClassNames.CIFAR10)).hasMessage("e.bin: holds no records");
    }

    @Test
    void labelOutOfRangeNamesTheRecordAndOffset() throws IOException {
        byte[] data = Synthetic.cifar10(3, 0);
        data[3073] = 10;
        Path file = Synthetic.write(dir.resolve("bad.bin"), data);
        assertThatThrownBy(() -> CifarBinaryReader.readCifar10(file, ClassNames.CIFAR10))
                .hasMessage(file + ": record 1: label 10 is out of range 0–9 (at byte 3073)");
        byte[] hundred = Synthetic.cifar100(2, 0);
        hundred[3074 + 1] = 100;
        assertThatThrownBy(() -> CifarBinaryReader.readCifar100(new ByteArrayInputStream(hundred), "test.bin",
                Cifar100Labels.COARSE, NAMES_20))
                .hasMessage("test.bin: record 1: fine label 100 is out of range 0–99 (at byte 3075)");
        hundred[3075] = 0;
        hundred[0] = 20;
        assertThatThrownBy(() -> CifarBinaryReader.readCifar100(new ByteArrayInputStream(hundred), "test.bin",
                Cifar100Labels.FINE, NAMES_100))
                .hasMessage("test.bin: record 0: coarse label 20 is out of range 0–19 (at byte 0)");
    }

    @Test
    void corruptOrTruncatedGzipNamesTheFile() {
        byte[] gz = Synthetic.gzip(Synthetic.cifar10(4, 0));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> CifarBinaryReader.readCifar10(new ByteArrayInputStream(cut), "half.bin.gz",
                ClassNames.CIFAR10))
                .isInstanceOf(DatasetException.class)
                .hasMessage("half.bin.gz: the gzip data ends early (an incomplete download?)");
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0xFF);
        System.arraycopy(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, 0, garbage, 0, 10);
        assertThatThrownBy(() -> CifarBinaryReader.readCifar10(new ByteArrayInputStream(garbage), "bad.bin.gz",
                ClassNames.CIFAR10))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("bad.bin.gz: corrupt gzip data (");
    }

    @Test
    void requiresOneNamePerClass() {
        assertThatThrownBy(() -> CifarBinaryReader.readCifar10(new ByteArrayInputStream(new byte[0]), "x",
                List.of("a"))).isInstanceOf(IllegalArgumentException.class).hasMessage("expected 10 class names, got 1");
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[0];
        for (byte[] p : parts) {
            int at = out.length;
            out = Arrays.copyOf(out, at + p.length);
            System.arraycopy(p, 0, out, at, p.length);
        }
        return out;
    }
}
