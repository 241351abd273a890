package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.classifierlab.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives built here with commons-compress (TarArchiveOutputStream + GZIP) from {@link Synthetic} files. */
class CifarArchiveTest {

    private static final String DIR = "cifar-10-batches-bin/";
    private static final byte[] META = "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    private static Dataset load(Path path) throws IOException {
        return DatasetLoader.load(path, Progress.NONE, () -> false);
    }

    /** The entry order of the official cifar-10-binary.tar.gz, which is not the batch order. */
    private Path officialLike(String name) throws IOException {
        Path file = tmp.resolve(name);
        try (Synthetic.Tar tar = new Synthetic.Tar(file)) {
            tar.dir(DIR)
                    .file(DIR + "data_batch_1.bin", Synthetic.cifar10(2, 1))
                    .file(DIR + "batches.meta.txt", META)
                    .file(DIR + "data_batch_3.bin", Synthetic.cifar10(2, 3))
                    .file(DIR + "data_batch_4.bin", Synthetic.cifar10(2, 4))
                    .file(DIR + "test_batch.bin", Synthetic.cifar10(3, 9))
                    .file(DIR + "readme.html", "<html></html>".getBytes(StandardCharsets.US_ASCII))
                    .file(DIR + "data_batch_5.bin", Synthetic.cifar10(2, 5))
                    .file(DIR + "data_batch_2.bin", Synthetic.cifar10(2, 2));
        }
        return file;
    }

    @Test
    void readsATarGzDirectlyPuttingBatchesInOrder() throws IOException {
        Path archive = officialLike("cifar-10-binary.tar.gz");
        long[] last = new long[2];
        Dataset d = DatasetLoader.load(archive, (done, total, message) -> {
            last[0] = done;
            last[1] = total;
        }, () -> false);
        assertThat(d.format()).isEqualTo(DatasetFormat.CIFAR10_BINARY);
        assertThat(d.source()).isEqualTo(archive.toString());
        assertThat(d.train().labels()).containsExactly(1, 4, 2, 5, 3, 6, 4, 7, 5, 8);
        assertThat(d.train().pixelsShared()[2 * 3072]).isEqualTo((byte) 2);
        assertThat(d.train().pixelsShared()[9 * 3072]).isEqualTo((byte) 36);
        assertThat(d.test().labels()).containsExactly(9, 2, 5);
        assertThat(d.train().classNames()).isEqualTo(ClassNames.CIFAR10);
        assertThat(last).containsExactly(Files.size(archive), Files.size(archive));
        try (var files = Files.list(tmp)) {
            assertThat(files.toList()).containsExactly(archive);
        }
    }

    @Test
    void recognisesArchivesByContentNotName() throws IOException {
        assertThat(load(officialLike("download.bin")).train().size()).isEqualTo(10);
        assertThat(load(officialLike("plain.tar")).test().size()).isEqualTo(3);
    }

    @Test
    void acceptsTheDotPrefixOfTarDashCDot() throws IOException {
        Path file = tmp.resolve("repacked.tgz");
        try (Synthetic.Tar tar = new Synthetic.Tar(file)) {
            tar.dir("./");
            for (int n = 1; n <= 5; n++) {
                tar.file("./data_batch_" + n + ".bin", Synthetic.cifar10(1, n));
            }
            tar.file("./test_batch.bin", Synthetic.cifar10(1, 0));
        }
        Dataset d = load(file);
        assertThat(d.train().labels()).containsExactly(1, 2, 3, 4, 5);
        assertThat(d.test().size()).isEqualTo(1);
    }

    @Test
    void readsThePythonAndCifar100Archives() throws IOException {
        Path py = tmp.resolve("cifar-10-python.tar.gz");
        try (Synthetic.Tar tar = new Synthetic.Tar(py)) {
            tar.dir("cifar-10-batches-py");
            for (int n : new int[] {4, 1, 3, 5, 2}) {
                tar.file("cifar-10-batches-py/data_batch_" + n, Py2Pickle.batch(Synthetic.image(0, n), new int[] {n},
                        "b"));
            }
            tar.file("cifar-10-batches-py/test_batch", Py2Pickle.batch(new byte[3072], new int[] {0}, "t"));
            tar.file("cifar-10-batches-py/batches.meta", Py2Pickle.meta(ClassNames.CIFAR10));
        }
        Dataset python = load(py);
        assertThat(python.format()).isEqualTo(DatasetFormat.CIFAR10_PYTHON);
        assertThat(python.train().labels()).containsExactly(1, 2, 3, 4, 5);
        assertThat(python.train().pixelsShared()[3 * 3072]).isEqualTo((byte) 4);

        Path hundred = tmp.resolve("cifar-100-binary.tar.gz");
        try (Synthetic.Tar tar = new Synthetic.Tar(hundred)) {
            tar.dir("cifar-100-binary")
                    .file("cifar-100-binary/coarse_label_names.txt", names("coarse", 20))
                    .file("cifar-100-binary/fine_label_names.txt", names("fine", 100))
                    .file("cifar-100-binary/train.bin", Synthetic.cifar100(3, 0))
                    .file("cifar-100-binary/test.bin", Synthetic.cifar100(1, 0));
        }
        assertThat(load(hundred).train().labels()).containsExactly(0, 7, 14);
        Dataset coarse = DatasetLoader.load(hundred, Cifar100Labels.COARSE, Progress.NONE, () -> false);
        assertThat(coarse.train().labels()).containsExactly(0, 3, 6);
        assertThat(coarse.train().classNames()).hasSize(20).startsWith("coarse0");
    }

    private static byte[] names(String prefix, int n) {
        return String.join("\n", IntStream.range(0, n).mapToObj(i -> prefix + i).toList())
                .getBytes(StandardCharsets.US_ASCII);
    }

    private Path archive(String... namesAndKinds) throws IOException {
        Path file = tmp.resolve("cifar-10-binary.tar.gz");
        try (Synthetic.Tar tar = new Synthetic.Tar(file)) {
            for (String name : namesAndKinds) {
                if (name.startsWith("symlink:")) {
                    tar.link(name.substring(8), "/etc/passwd", true);
                } else if (name.startsWith("hardlink:")) {
                    tar.link(name.substring(9), DIR + "data_batch_1.bin", false);
                } else {
                    tar.file(name, Synthetic.cifar10(1, 0));
                }
            }
        }
        return file;
    }

    @Test
    void refusesEntriesThatLeaveTheArchive() throws IOException {
        Path up = archive(DIR + "data_batch_1.bin", DIR + "../../evil.bin");
        assertThatThrownBy(() -> load(up)).isInstanceOf(DatasetException.class)
                .hasMessage("cifar-10-binary.tar.gz!/cifar-10-batches-bin/../../evil.bin: the entry's path leaves the"
                        + " archive (absolute or with '..'); refused");
        Path absolute = archive("/etc/data_batch_1.bin");
        assertThatThrownBy(() -> load(absolute)).hasMessage("cifar-10-binary.tar.gz!//etc/data_batch_1.bin: the entry's"
                + " path leaves the archive (absolute or with '..'); refused");
    }

    @Test
    void refusesLinks() throws IOException {
        Path symlink = archive("symlink:" + DIR + "data_batch_1.bin");
        assertThatThrownBy(() -> load(symlink)).hasMessage("cifar-10-binary.tar.gz!/cifar-10-batches-bin/"
                + "data_batch_1.bin: is a link (to '/etc/passwd'); a CIFAR archive holds only plain files");
        Path hardlink = archive(DIR + "data_batch_1.bin", "hardlink:" + DIR + "data_batch_2.bin");
        assertThatThrownBy(() -> load(hardlink)).hasMessageStartingWith("cifar-10-binary.tar.gz!/cifar-10-batches-bin/"
                + "data_batch_2.bin: is a link (to 'cifar-10-batches-bin/data_batch_1.bin')");
    }

    @Test
    void refusesUnexpectedEntries() throws IOException {
        Path other = archive(DIR + "data_batch_1.bin", DIR + "install.sh");
        assertThatThrownBy(() -> load(other)).hasMessage("cifar-10-binary.tar.gz!/cifar-10-batches-bin/install.sh:"
                + " unexpected entry: not a file of the CIFAR-10 or CIFAR-100 archives");
        Path nested = archive(DIR + "sub/data_batch_1.bin");
        assertThatThrownBy(() -> load(nested)).hasMessageEndingWith("unexpected entry: a file in a nested folder");
        Path twoFolders = archive(DIR + "data_batch_1.bin", "other/data_batch_2.bin");
        assertThatThrownBy(() -> load(twoFolders)).hasMessage("cifar-10-binary.tar.gz!/other/data_batch_2.bin:"
                + " unexpected entry: outside the archive's folder 'cifar-10-batches-bin/'");
        Path mixed = archive(DIR + "data_batch_1.bin", DIR + "data_batch_2");
        assertThatThrownBy(() -> load(mixed)).hasMessageEndingWith("unexpected entry: a CIFAR-10, python version file"
                + " in a CIFAR-10, binary version archive");
        Path twice = archive(DIR + "data_batch_1.bin", DIR + "data_batch_1.bin");
        assertThatThrownBy(() -> load(twice)).hasMessage("cifar-10-binary.tar.gz!/cifar-10-batches-bin/data_batch_1.bin:"
                + " appears twice in the archive");
        Path cifar100Python = archive("cifar-100-python/meta");
        assertThatThrownBy(() -> load(cifar100Python)).hasMessageContaining("CIFAR-100 python version, which is not"
                + " supported: use cifar-100-binary.tar.gz");
    }

    @Test
    void reportsMissingEntriesAndBadEntries() throws IOException {
        Path partial = archive(DIR + "data_batch_1.bin", DIR + "data_batch_2.bin", DIR + "data_batch_3.bin",
                DIR + "data_batch_5.bin");
        assertThatThrownBy(() -> load(partial)).hasMessage("cifar-10-binary.tar.gz: is missing data_batch_4.bin,"
                + " test_batch.bin in cifar-10-batches-bin/");

        Path file = tmp.resolve("cifar-10-binary.tar.gz");
        byte[] badLabel = Synthetic.cifar10(2, 0);
        badLabel[3073] = 11;
        try (Synthetic.Tar tar = new Synthetic.Tar(file)) {
            tar.file(DIR + "data_batch_1.bin", Synthetic.cifar10(2, 0)).file(DIR + "data_batch_3.bin", badLabel);
        }
        assertThatThrownBy(() -> load(file)).hasMessage("cifar-10-binary.tar.gz!/cifar-10-batches-bin/data_batch_3.bin:"
                + " record 1: label 11 is out of range 0–9 (at byte 3073)");
        try (Synthetic.Tar tar = new Synthetic.Tar(file)) {
            tar.file(DIR + "data_batch_3.bin", Arrays.copyOf(Synthetic.cifar10(1, 0), 3000));
        }
        assertThatThrownBy(() -> load(file)).hasMessage("cifar-10-binary.tar.gz!/cifar-10-batches-bin/data_batch_3.bin:"
                + " wrong size 3,000 bytes: expected 30,730,000 bytes (10,000 records of 3,073 bytes) or another whole"
                + " number of records; record 0 is truncated to 3,000 bytes (at byte 0)");
        try (Synthetic.Tar tar = new Synthetic.Tar(file)) {
            tar.file(DIR + "data_batch_1.bin", Synthetic.cifar10(2, 0)).file(DIR + "data_batch_2.bin",
                    Synthetic.cifar10(3, 0));
        }
        assertThatThrownBy(() -> load(file)).hasMessage("cifar-10-binary.tar.gz!/cifar-10-batches-bin/data_batch_2.bin:"
                + " holds 3 images, the other training batches 2; an archive's batches must be equal");
    }

    @Test
    void capsEntriesAndExpansion() throws IOException {
        Path many = tmp.resolve("many.tar.gz");
        try (Synthetic.Tar tar = new Synthetic.Tar(many)) {
            for (int i = 0; i <= CifarArchive.MAX_ENTRIES; i++) {
                tar.dir(DIR);
            }
        }
        assertThatThrownBy(() -> load(many)).hasMessage("many.tar.gz: has more than 64 entries; a CIFAR archive has"
                + " fewer than 10");

        Path archive = officialLike("cifar-10-binary.tar.gz");
        assertThatThrownBy(() -> CifarArchive.read(archive, true, Cifar100Labels.FINE, new ReadMonitor(Progress.NONE, () -> false, -1), 20_000))
                .isInstanceOf(DatasetException.class)
                .hasMessage("cifar-10-binary.tar.gz: expands to more than 20,000 bytes, more than any CIFAR or MNIST"
                        + " archive holds; not reading on (at byte 20000)");
        assertThatThrownBy(() -> CifarArchive.read(archive, true, Cifar100Labels.FINE, new ReadMonitor(Progress.NONE, () -> false, -1), 5_000))
                .hasMessage("cifar-10-binary.tar.gz!/cifar-10-batches-bin/data_batch_1.bin: claims 6,146 bytes, more"
                        + " than the official file (at most 5,000 bytes); refused before reading");
    }

    @Test
    void corruptOrTruncatedGzipIsNamed() throws IOException {
        byte[] gz = Files.readAllBytes(officialLike("good.tar.gz"));
        Path cut = Files.write(tmp.resolve("cut.tar.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> load(cut)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("cut.tar.gz")
                .hasMessageContaining("the gzip data ends early (an incomplete download?)");
        byte[] garbage = new byte[600];
        Arrays.fill(garbage, (byte) 0xFF);
        System.arraycopy(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, 0, garbage, 0, 10);
        Path corrupt = Files.write(tmp.resolve("corrupt.tar.gz"), garbage);
        assertThatThrownBy(() -> load(corrupt)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("corrupt.tar.gz: corrupt gzip data (");
    }
}
