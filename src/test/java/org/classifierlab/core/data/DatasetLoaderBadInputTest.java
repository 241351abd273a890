package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.core.data.BadInput.refused;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.classifierlab.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad-input campaign, dataset folders as the app opens them ({@link DatasetLoader#load}): pipes, folders and
 * links where a file should be, truncated, over-long and mislabelled files, mixed and ambiguous folders, pickles
 * that would run code. Each ends in a {@link DatasetException} naming the file or folder and the problem, in
 * bounded time and memory, writing nothing.
 */
class DatasetLoaderBadInputTest {

    @TempDir
    Path tmp;

    private DatasetException load(String label, Path path) {
        return refused(DatasetException.class, tmp, label, () -> DatasetLoader.load(path, Progress.NONE, () -> false));
    }

    private Path cifar10Folder(int records) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
        for (int n = 1; n <= 5; n++) {
            Synthetic.write(dir.resolve("data_batch_" + n + ".bin"), Synthetic.cifar10(records, n));
        }
        Synthetic.write(dir.resolve("test_batch.bin"), Synthetic.cifar10(records, 9));
        return dir;
    }

    @Test
    void pipeWhereABatchShouldBe() throws Exception {
        Path dir = cifar10Folder(2);
        Files.delete(dir.resolve("test_batch.bin"));
        Path fifo = BadInput.fifo(dir.resolve("test_batch.bin"));
        // Before this campaign the folder was said to be "missing test_batch.bin".
        assertThat(load("folder: named pipe as test_batch.bin", dir)).hasMessage(fifo + ": is not a regular file (a"
                + " named pipe, device or socket); refused without opening it");
        assertThat(load("folder: the named pipe itself chosen", fifo)).hasMessage(fifo + ": is not a regular file (a"
                + " named pipe, device or socket); refused without opening it");
        Files.delete(fifo);
        Path link = Files.createSymbolicLink(dir.resolve("test_batch.bin"), BadInput.fifo(tmp.resolve("elsewhere")));
        assertThat(load("folder: test_batch.bin a symlink to a named pipe", dir)).hasMessage(link + ": is not a"
                + " regular file (a named pipe, device or socket); refused without opening it");
    }

    @Test
    void folderWhereAFileShouldBe() throws IOException {
        Path dir = cifar10Folder(2);
        Files.delete(dir.resolve("data_batch_3.bin"));
        Files.createDirectory(dir.resolve("data_batch_3.bin"));
        assertThat(load("folder: a folder named data_batch_3.bin", dir)).hasMessage(dir.resolve("data_batch_3.bin")
                + ": is a folder, not a file");
        Path meta = Files.createDirectory(dir.resolve("batches.meta.txt"));
        Files.delete(dir.resolve("data_batch_3.bin"));
        Synthetic.write(dir.resolve("data_batch_3.bin"), Synthetic.cifar10(2, 3));
        assertThat(load("folder: a folder named batches.meta.txt", dir)).hasMessage(meta + ": is a folder, not a"
                + " file");
    }

    @Test
    void truncatedOverLongAndMislabelledBatches() throws IOException {
        Path dir = cifar10Folder(2);
        Path batch = dir.resolve("data_batch_2.bin");
        Files.write(batch, Arrays.copyOf(Synthetic.cifar10(2, 2), 3073 + 100));
        assertThat(load("folder: data_batch_2.bin truncated", dir)).hasMessage(batch + ": wrong size 3,173 bytes:"
                + " expected 30,730,000 bytes (10,000 records of 3,073 bytes) or another whole number of records;"
                + " record 1 is truncated to 100 bytes (at byte 3073)");
        BadInput.sparse(batch, 3073L * 100_000);
        assertThat(load("folder: data_batch_2.bin of 100,000 records (307 MB)", dir)).hasMessage(batch + ": holds"
                + " 100,000 records, more than any CIFAR file (at most 60,000)");
        byte[] bad = Synthetic.cifar10(2, 2);
        bad[3073] = 10;
        Files.write(batch, bad);
        assertThat(load("folder: label 10 in data_batch_2.bin", dir)).hasMessage(batch + ": record 1: label 10 is out"
                + " of range 0–9 (at byte 3073)");
    }

    @Test
    void giantOrWrongNamesFile() throws IOException {
        Path dir = cifar10Folder(1);
        Path meta = BadInput.sparse(dir.resolve("batches.meta.txt"), 8L << 30);
        assertThat(load("folder: batches.meta.txt of 8 GiB", dir)).hasMessage(meta + ": is larger than 65,536 bytes,"
                + " too large for a list of class names");
        Files.write(meta, "cat\ndog\n".getBytes());
        assertThat(load("folder: batches.meta.txt with 2 names", dir)).hasMessage(meta + ": has 2 class names,"
                + " expected 10 (one a line)");
    }

    @Test
    void folderOfTenThousandAndOneFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("downloads"));
        for (int i = 0; i <= 10_000; i++) {
            Files.createFile(dir.resolve("f" + i));
        }
        assertThat(load("folder: 10,001 files", dir)).hasMessage(dir + ": holds more than 10,000 files; choose the"
                + " dataset's own folder");
    }

    @Test
    void cifar100FolderWithBadFiles() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cifar-100-binary"));
        Synthetic.write(dir.resolve("train.bin"), Synthetic.cifar100(3, 0));
        byte[] test = Synthetic.cifar100(3, 1);
        test[2 * 3074 + 1] = 100;
        Synthetic.write(dir.resolve("test.bin"), test);
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            names.append("class").append(i).append('\n');
        }
        Synthetic.write(dir.resolve("fine_label_names.txt"), names.toString().getBytes());
        assertThat(load("folder: CIFAR-100 fine label 100", dir)).hasMessage(dir.resolve("test.bin") + ": record 2:"
                + " fine label 100 is out of range 0–99 (at byte 6149)");
        Files.write(dir.resolve("fine_label_names.txt"), "only\ntwo\n".getBytes());
        assertThat(load("folder: CIFAR-100 with 2 fine label names", dir)).hasMessageStartingWith(
                dir.resolve("fine_label_names.txt") + ": ");
    }

    @Test
    void idxFolderWithAPipeAndOverflowingDimensions() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mnist"));
        Synthetic.write(dir.resolve("train-images-idx3-ubyte"), Synthetic.idxImages(2, 2, 2));
        Synthetic.write(dir.resolve("train-labels-idx1-ubyte"), Synthetic.idxLabels(1, 2));
        Synthetic.write(dir.resolve("t10k-images-idx3-ubyte"), java.nio.ByteBuffer.allocate(16)
                .putInt(IdxReader.IMAGES_MAGIC).putInt(1).putInt(1 << 16).putInt(1 << 16).array());
        Synthetic.write(dir.resolve("t10k-labels-idx1-ubyte"), Synthetic.idxLabels(3));
        assertThat(load("folder: IDX test images of 65,536×65,536", dir)).hasMessage(dir.resolve(
                "t10k-images-idx3-ubyte") + ": claims 1 image of 65,536×65,536, 4,294,967,296 bytes, more than the"
                + " 419,430,400 this reader accepts (at byte 4)");
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        Path fifo = BadInput.fifo(dir.resolve("t10k-labels-idx1-ubyte"));
        // Before this campaign the folder was said to be "missing t10k-labels-idx1-ubyte[.gz]".
        assertThat(load("folder: named pipe as t10k-labels-idx1-ubyte", dir)).hasMessage(fifo + ": is not a regular"
                + " file (a named pipe, device or socket); refused without opening it");
    }

    @Test
    void pythonFolderWhoseBatchWouldRunCode() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cifar-10-batches-py"));
        Path marker = tmp.resolve("pwned");
        Synthetic.write(dir.resolve("data_batch_1"), new Py2Pickle().op(0x80, 2).global("os", "system")
                .str("touch " + marker).op(0x85, 'R', '.').bytes());
        Synthetic.write(dir.resolve("test_batch"), Py2Pickle.batch(new byte[3072], new int[] {1}, "t"));
        assertThat(load("folder: python batch with GLOBAL os.system", dir)).hasMessage(dir.resolve("data_batch_1")
                + ": refuses to load global 'os.system': a CIFAR batch needs only numpy arrays and byte strings, and"
                + " this reader never runs code (at byte 2)");
        assertThat(marker).doesNotExist();
    }

    @Test
    void mixedAndAmbiguousFolders() throws IOException {
        Path dir = cifar10Folder(1);
        Synthetic.write(dir.resolve("train-images-idx3-ubyte"), Synthetic.idxImages(1, 1, 1));
        assertThat(load("folder: CIFAR-10 and IDX files mixed", dir)).hasMessage(dir + ": mixes files of several"
                + " formats ([CIFAR-10, binary version, MNIST-style IDX]); keep one dataset per folder");
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        try (Synthetic.Tar tar = new Synthetic.Tar(tmp.resolve("cifar-10-binary.tar.gz"))) {
            tar.file("cifar-10-batches-bin/data_batch_1.bin", Synthetic.cifar10(1, 0));
        }
        assertThat(load("folder: holding a dataset folder and an archive", tmp)).hasMessage(tmp + ": holds several"
                + " datasets (cifar-10-batches-bin, cifar-10-binary.tar.gz); choose one of them");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThat(load("folder: empty", empty)).hasMessageStartingWith(empty + ": holds no dataset: expected the"
                + " files of CIFAR-10");
        Path loop = Files.createSymbolicLink(empty.resolve("loop"), empty);
        assertThat(load("folder: only a symlink to itself", empty)).hasMessageStartingWith(empty + ": holds no"
                + " dataset");
        assertThat(loop).isSymbolicLink();
    }
}
