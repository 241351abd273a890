package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.core.data.BadInput.refused;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad-input campaign, CIFAR binary batches ({@link CifarBinaryReader}): every crafted file is refused with a
 * {@link DatasetException} naming the file and the problem, quickly, without allocating from a size the file
 * only claims, and without writing anything (see {@link BadInput}).
 */
class CifarBinaryBadInputTest {

    private static final List<String> NAMES = ClassNames.CIFAR10;
    private static final List<String> FINE = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "c" + i).toList();

    @TempDir
    Path tmp;

    private Path write(String name, byte[] data) throws IOException {
        return Synthetic.write(tmp.resolve(name), data);
    }

    @Test
    void truncatedBatch() throws IOException {
        Path file = write("data_batch_1.bin", Arrays.copyOf(Synthetic.cifar10(3, 0), 2 * 3073 + 1000));
        DatasetException e = refused(DatasetException.class, tmp, "binary: truncated batch (2 records and 1,000 bytes)",
                () -> CifarBinaryReader.readCifar10(file, NAMES));
        assertThat(e).hasMessage(file + ": wrong size 7,146 bytes: expected a whole number of 3,073-byte records;"
                + " record 2 is truncated to 1,000 bytes (at byte 6146)");
    }

    @Test
    void truncatedGzippedBatch() throws IOException {
        byte[] gz = Synthetic.gzip(Synthetic.cifar10(40, 0));
        Path file = write("data_batch_1.bin", Arrays.copyOf(gz, gz.length / 2));
        DatasetException e = refused(DatasetException.class, tmp, "binary: gzip-compressed batch cut in half",
                () -> CifarBinaryReader.readCifar10(file, NAMES));
        assertThat(e).hasMessage(file + ": the gzip data ends early (an incomplete download?)");
    }

    @Test
    void emptyBatch() throws IOException {
        Path file = write("data_batch_1.bin", new byte[0]);
        DatasetException e = refused(DatasetException.class, tmp, "binary: empty batch",
                () -> CifarBinaryReader.readCifar10(file, NAMES));
        assertThat(e).hasMessage(file + ": is empty; expected a whole number of 3,073-byte records");
    }

    @Test
    void overLongBatchOfWholeRecordsIsRefusedBeforeAllocating() throws IOException {
        // 1.5 GB of zeros (sparse: no disk space) is 488,129 whole records with label 0, which the reader took at
        // its word and allocated 1.5 GB for before this campaign.
        Path file = BadInput.sparse(tmp.resolve("data_batch_1.bin"), 488_129L * 3073);
        DatasetException e = refused(DatasetException.class, tmp, "binary: over-long batch (1.5 GB of whole records)",
                () -> CifarBinaryReader.readCifar10(file, NAMES));
        assertThat(e).hasMessage(file + ": holds 488,129 records, more than any CIFAR file (at most 60,000)");
    }

    @Test
    void giantBatchFile() throws IOException {
        Path file = BadInput.sparse(tmp.resolve("data_batch_1.bin"), 3073L * 1_000_000);
        DatasetException e = refused(DatasetException.class, tmp, "binary: 3 GB batch file",
                () -> CifarBinaryReader.readCifar10(file, NAMES));
        assertThat(e).hasMessage(file + ": holds 1,000,000 records, more than any CIFAR file (at most 60,000)");
    }

    @Test
    void labelOutOfRange() throws IOException {
        byte[] data = Synthetic.cifar10(5, 0);
        data[3 * 3073] = 10;
        Path file = write("data_batch_1.bin", data);
        DatasetException e = refused(DatasetException.class, tmp, "binary: CIFAR-10 label 10 in record 3",
                () -> CifarBinaryReader.readCifar10(file, NAMES));
        assertThat(e).hasMessage(file + ": record 3: label 10 is out of range 0–9 (at byte 9219)");
        assertThat(e.offset()).isEqualTo(9219);
    }

    @Test
    void cifar100LabelsOutOfRange() throws IOException {
        byte[] coarse = Synthetic.cifar100(4, 0);
        coarse[2 * 3074] = 20;
        Path file = write("train.bin", coarse);
        DatasetException e = refused(DatasetException.class, tmp, "binary: CIFAR-100 coarse label 20",
                () -> CifarBinaryReader.readCifar100(file, Cifar100Labels.FINE, FINE));
        assertThat(e).hasMessage(file + ": record 2: coarse label 20 is out of range 0–19 (at byte 6148)");

        byte[] fine = Synthetic.cifar100(4, 0);
        fine[3 * 3074 + 1] = (byte) 255;
        Path file2 = write("test.bin", fine);
        DatasetException e2 = refused(DatasetException.class, tmp, "binary: CIFAR-100 fine label 255",
                () -> CifarBinaryReader.readCifar100(file2, Cifar100Labels.FINE, FINE));
        assertThat(e2).hasMessage(file2 + ": record 3: fine label 255 is out of range 0–99 (at byte 9223)");
    }

    @Test
    void cifar10FileReadAsCifar100() throws IOException {
        Path file = write("train.bin", Synthetic.cifar10(4, 0));
        DatasetException e = refused(DatasetException.class, tmp, "binary: CIFAR-10 records read as CIFAR-100",
                () -> CifarBinaryReader.readCifar100(file, Cifar100Labels.FINE, FINE));
        assertThat(e).hasMessageStartingWith(file + ": wrong size 12,292 bytes: expected a whole number of 3,074-byte"
                + " records; record 3 is truncated to 3,070 bytes");
    }

    @Test
    void gzipBombStopsAtTheRecordCap() throws IOException {
        // 4 GiB of zero records in a 4 MB file: the reader stops after 60,000 records (184 MB, what it may hold).
        Path file = BadInput.gzipBomb(tmp.resolve("data_batch_1.bin"), new byte[0], 4);
        assertThat(Files.size(file)).isLessThan(8L << 20);
        DatasetException e = refused(DatasetException.class, tmp, 400L << 20, "binary: gzip bomb (4 MB expanding to"
                + " 4 GiB of records)", () -> CifarBinaryReader.readCifar10(file, NAMES));
        assertThat(e).hasMessage(file + ": holds more than 60,000 records, more than any CIFAR file; not reading on"
                + " (at byte 184380000)");
    }

    @Test
    void streamOfUnknownLength() {
        byte[] data = Arrays.copyOf(Synthetic.cifar10(2, 0), 3073 + 17);
        DatasetException e = refused(DatasetException.class, tmp, "binary: stream ending inside a record",
                () -> CifarBinaryReader.readCifar10(new ByteArrayInputStream(data), "stdin", NAMES));
        assertThat(e).hasMessage("stdin: record 1 is truncated: 17 of 3,073 bytes (at byte 3073)");
    }

    @Test
    void pipeFolderOrNothingWhereTheBatchShouldBe() throws Exception {
        Path fifo = BadInput.fifo(tmp.resolve("data_batch_1.bin"));
        DatasetException e = refused(DatasetException.class, tmp, "binary: named pipe as the batch",
                () -> CifarBinaryReader.readCifar10(fifo, NAMES));
        assertThat(e).hasMessage(fifo + ": is not a regular file (a named pipe, device or socket); refused without"
                + " opening it");
        Path dir = Files.createDirectory(tmp.resolve("test_batch.bin"));
        DatasetException e2 = refused(DatasetException.class, tmp, "binary: folder as the batch",
                () -> CifarBinaryReader.readCifar10(dir, NAMES));
        assertThat(e2).hasMessage(dir + ": is a folder, not a file");
        Path none = tmp.resolve("data_batch_2.bin");
        DatasetException e3 = refused(DatasetException.class, tmp, "binary: missing batch",
                () -> CifarBinaryReader.readCifar10(none, NAMES));
        assertThat(e3).hasMessage(none + ": does not exist");
    }
}
