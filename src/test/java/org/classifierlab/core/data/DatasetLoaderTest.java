package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.classifierlab.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset folders written to a temporary folder from {@link Synthetic} and {@link Py2Pickle}; archives are in {@link CifarArchiveTest}. */
class DatasetLoaderTest {

    private static final List<String> TEN = IntStream.range(0, 10).mapToObj(i -> "c" + i).toList();

    @TempDir
    Path tmp;

    private static Dataset load(Path path) throws IOException {
        return DatasetLoader.load(path, Progress.NONE, () -> false);
    }

    /** data_batch_n.bin with 2 records of seed n, test_batch.bin with 3 of seed 9, names c0…c9. */
    private Path cifar10Folder(Path dir, int batches) throws IOException {
        for (int n = 1; n <= batches; n++) {
            Synthetic.write(dir.resolve("data_batch_" + n + ".bin"), Synthetic.cifar10(2, n));
        }
        Synthetic.write(dir.resolve("test_batch.bin"), Synthetic.cifar10(3, 9));
        Files.writeString(dir.resolve("batches.meta.txt"), String.join("\n", TEN) + "\n\n");
        return dir;
    }

    @Test
    void loadsACifar10BinaryFolderInBatchOrder() throws IOException {
        Path dir = cifar10Folder(tmp.resolve("cifar-10-batches-bin"), 5);
        List<long[]> updates = Collections.synchronizedList(new ArrayList<>());
        Dataset d = DatasetLoader.load(dir, (done, total, message) -> updates.add(new long[] {done, total}),
                () -> false);
        assertThat(d.name()).isEqualTo("CIFAR-10");
        assertThat(d.format()).isEqualTo(DatasetFormat.CIFAR10_BINARY);
        assertThat(d.source()).isEqualTo(dir.toString());
        assertThat(d.train().size()).isEqualTo(10);
        assertThat(d.train().name()).isEqualTo("CIFAR-10 train");
        // image 2k + i is record i of data_batch_(k+1): label (3i + k + 1) mod 10
        assertThat(d.train().labels()).containsExactly(1, 4, 2, 5, 3, 6, 4, 7, 5, 8);
        // image 3 = record 1 of batch 2 (seed 2): first red byte 31 + 2 = 33
        assertThat(d.train().pixelsShared()[3 * 3072]).isEqualTo((byte) 33);
        assertThat(d.test().labels()).containsExactly(9, 2, 5);
        assertThat(d.test().pixelsShared()[3072]).isEqualTo((byte) 40);
        assertThat(d.train().classNames()).isEqualTo(TEN);
        long total = (10 + 3) * 3073L;
        assertThat(updates).isNotEmpty();
        assertThat(updates.get(updates.size() - 1)).containsExactly(total, total);
    }

    @Test
    void aFolderMayHoldOnlyTheFirstBatchesButNoGaps() throws IOException {
        Path dir = cifar10Folder(tmp.resolve("two"), 2);
        Dataset d = load(dir);
        assertThat(d.name()).isEqualTo("CIFAR-10 (2 of 5 training batches)");
        assertThat(d.train().size()).isEqualTo(4);

        Path gaps = tmp.resolve("gaps");
        Synthetic.write(gaps.resolve("data_batch_1.bin"), Synthetic.cifar10(1, 0));
        Synthetic.write(gaps.resolve("data_batch_3.bin"), Synthetic.cifar10(1, 0));
        assertThatThrownBy(() -> load(gaps)).isInstanceOf(DatasetException.class)
                .hasMessage(gaps + ": is missing data_batch_2.bin, test_batch.bin (a CIFAR-10 folder holds"
                        + " data_batch_1.bin to data_batch_5.bin, or the first of them, and test_batch.bin)");
    }

    @Test
    void withoutMetaTheClassNamesAreCifar10s() throws IOException {
        Path dir = cifar10Folder(tmp.resolve("nometa"), 1);
        Files.delete(dir.resolve("batches.meta.txt"));
        assertThat(load(dir).test().classNames()).startsWith("airplane", "automobile").endsWith("truck");
        Files.writeString(dir.resolve("batches.meta.txt"), "a\nb\n");
        assertThatThrownBy(() -> load(dir)).hasMessage(dir.resolve("batches.meta.txt")
                + ": has 2 class names, expected 10 (one a line)");
    }

    @Test
    void aBadBatchIsNamedWithItsProblem() throws IOException {
        Path dir = cifar10Folder(tmp.resolve("bad"), 5);
        Path third = Synthetic.write(dir.resolve("data_batch_3.bin"), java.util.Arrays.copyOf(Synthetic.cifar10(1, 0),
                3078));
        assertThatThrownBy(() -> load(dir)).isInstanceOf(DatasetException.class)
                .hasMessage(third + ": wrong size 3,078 bytes: expected 30,730,000 bytes (10,000 records of 3,073 bytes)"
                        + " or another whole number of records; record 1 is truncated to 5 bytes (at byte 3073)");
        byte[] badLabel = Synthetic.cifar10(2, 0);
        badLabel[3073] = (byte) 200;
        Synthetic.write(third, badLabel);
        assertThatThrownBy(() -> load(dir)).isInstanceOf(DatasetException.class)
                .hasMessage(third + ": record 1: label 200 is out of range 0–9 (at byte 3073)");
    }

    @Test
    void acceptsAFileOfTheFolderOrAParentHoldingExactlyOneDataset() throws IOException {
        Path parent = tmp.resolve("downloads");
        Path dir = cifar10Folder(parent.resolve("cifar-10-batches-bin"), 1);
        Files.writeString(parent.resolve("notes.txt"), "not a dataset");
        assertThat(load(parent).source()).isEqualTo(dir.toString());
        assertThat(load(dir.resolve("test_batch.bin")).source()).isEqualTo(dir.toString());

        cifar10Folder(parent.resolve("copy"), 1);
        assertThatThrownBy(() -> load(parent))
                .hasMessage(parent + ": holds several datasets (cifar-10-batches-bin, copy); choose one of them");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThatThrownBy(() -> load(empty)).hasMessageStartingWith(empty + ": holds no dataset: expected");
        assertThatThrownBy(() -> load(tmp.resolve("nowhere"))).hasMessage(tmp.resolve("nowhere") + ": does not exist");
        assertThatThrownBy(() -> load(parent.resolve("notes.txt")))
                .hasMessage(parent.resolve("notes.txt") + ": is neither a CIFAR archive (tar or tar.gz) nor a file of a"
                        + " CIFAR or MNIST dataset folder");
    }

    @Test
    void loadsACifar10PythonFolder() throws IOException {
        Path dir = tmp.resolve("cifar-10-batches-py");
        for (int n = 1; n <= 5; n++) {
            byte[] px = Synthetic.image(0, n);
            Synthetic.write(dir.resolve("data_batch_" + n), Py2Pickle.batch(px, new int[] {n}, "batch " + n));
        }
        Synthetic.write(dir.resolve("test_batch"), Py2Pickle.batch(new byte[2 * 3072], new int[] {7, 8}, "test"));
        Synthetic.write(dir.resolve("batches.meta"), Py2Pickle.meta(TEN));
        Dataset d = load(dir);
        assertThat(d.format()).isEqualTo(DatasetFormat.CIFAR10_PYTHON);
        assertThat(d.train().labels()).containsExactly(1, 2, 3, 4, 5);
        assertThat(d.train().pixelsShared()[4 * 3072]).isEqualTo((byte) 5);
        assertThat(d.test().labels()).containsExactly(7, 8);
        assertThat(d.test().classNames()).isEqualTo(TEN);

        Files.delete(dir.resolve("test_batch"));
        assertThatThrownBy(() -> load(dir)).hasMessageStartingWith(dir + ": is missing test_batch (a CIFAR-10 folder");
    }

    @Test
    void loadsCifar100WithFineOrCoarseLabels() throws IOException {
        Path dir = tmp.resolve("cifar-100-binary");
        Synthetic.write(dir.resolve("train.bin"), Synthetic.cifar100(4, 0));
        Synthetic.write(dir.resolve("test.bin"), Synthetic.cifar100(2, 1));
        Files.writeString(dir.resolve("fine_label_names.txt"), String.join("\n",
                IntStream.range(0, 100).mapToObj(i -> "fine" + i).toList()));
        Dataset fine = load(dir);
        assertThat(fine.name()).isEqualTo("CIFAR-100");
        assertThat(fine.format()).isEqualTo(DatasetFormat.CIFAR100_BINARY);
        assertThat(fine.train().labels()).containsExactly(0, 7, 14, 21);
        assertThat(fine.test().labels()).containsExactly(1, 8);
        assertThat(fine.train().classNames().get(99)).isEqualTo("fine99");

        assertThatThrownBy(() -> DatasetLoader.load(dir, Cifar100Labels.COARSE, Progress.NONE, () -> false))
                .hasMessage(dir + ": is missing coarse_label_names.txt (a CIFAR-100 binary folder holds train.bin,"
                        + " test.bin and coarse_label_names.txt)");
        Files.writeString(dir.resolve("coarse_label_names.txt"), String.join("\n",
                IntStream.range(0, 20).mapToObj(i -> "coarse" + i).toList()));
        Dataset coarse = DatasetLoader.load(dir, Cifar100Labels.COARSE, Progress.NONE, () -> false);
        assertThat(coarse.name()).isEqualTo("CIFAR-100 (coarse)");
        assertThat(coarse.train().labels()).containsExactly(0, 3, 6, 9);
        assertThat(coarse.train().classCount()).isEqualTo(20);
    }

    @Test
    void loadsAnIdxFolderNamingFashionClassesWhenThePathSaysSo() throws IOException {
        Path fashion = tmp.resolve("fashion-mnist");
        Synthetic.write(fashion.resolve("train-images-idx3-ubyte.gz"), Synthetic.gzip(Synthetic.idxImages(3, 4, 4)));
        Synthetic.write(fashion.resolve("train-labels-idx1-ubyte.gz"), Synthetic.gzip(Synthetic.idxLabels(9, 0, 3)));
        Synthetic.write(fashion.resolve("t10k-images-idx3-ubyte"), Synthetic.idxImages(2, 4, 4));
        Synthetic.write(fashion.resolve("t10k-labels-idx1-ubyte"), Synthetic.idxLabels(1, 2));
        Dataset d = load(fashion);
        assertThat(d.name()).isEqualTo("Fashion-MNIST");
        assertThat(d.format()).isEqualTo(DatasetFormat.IDX);
        assertThat(d.train().labels()).containsExactly(9, 0, 3);
        assertThat(d.train().classNames().get(9)).isEqualTo("Ankle boot");
        assertThat(d.test().size()).isEqualTo(2);

        Path digits = tmp.resolve("digits");
        Synthetic.write(digits.resolve("train-images.idx3-ubyte"), Synthetic.idxImages(1, 2, 2));
        Synthetic.write(digits.resolve("train-labels.idx1-ubyte"), Synthetic.idxLabels(4));
        assertThatThrownBy(() -> load(digits)).hasMessage(digits + ": is missing t10k-images-idx3-ubyte[.gz],"
                + " t10k-labels-idx1-ubyte[.gz] (an MNIST-style folder holds these four IDX files, plain or gzip)");
        Synthetic.write(digits.resolve("t10k-images-idx3-ubyte"), Synthetic.idxImages(1, 2, 2));
        Synthetic.write(digits.resolve("t10k-labels-idx1-ubyte"), Synthetic.idxLabels(7));
        Dataset mnist = load(digits);
        assertThat(mnist.name()).isEqualTo("MNIST");
        assertThat(mnist.test().classNames().get(7)).isEqualTo("7");
    }

    @Test
    void aFolderMixingFormatsIsRefused() throws IOException {
        Path dir = cifar10Folder(tmp.resolve("mixed"), 1);
        Synthetic.write(dir.resolve("train.bin"), Synthetic.cifar100(1, 0));
        assertThatThrownBy(() -> load(dir)).hasMessage(dir + ": mixes files of several formats ([CIFAR-10, binary"
                + " version, CIFAR-100, binary version]); keep one dataset per folder");
    }

    @Test
    void cancellationStopsTheLoad() throws IOException {
        Path dir = tmp.resolve("big");
        for (int n = 1; n <= 5; n++) {
            Synthetic.write(dir.resolve("data_batch_" + n + ".bin"), Synthetic.cifar10(400, n));
        }
        Synthetic.write(dir.resolve("test_batch.bin"), Synthetic.cifar10(400, 0));
        AtomicBoolean cancel = new AtomicBoolean();
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> DatasetLoader.load(dir, (done, total, message) -> {
            seen.add(done);
            cancel.set(true);
        }, cancel::get)).isInstanceOf(CancellationException.class);
        assertThat(seen).hasSizeBetween(1, 2);
        assertThat(seen.get(0)).isLessThan(6 * 400 * 3073);
        assertThatThrownBy(() -> DatasetLoader.load(dir, Progress.NONE, () -> true))
                .isInstanceOf(CancellationException.class);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> load(dir)).isInstanceOf(CancellationException.class)
                    .hasMessage("Loading was interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void loadsTheBundledSample() throws IOException {
        Dataset d = DatasetLoader.loadSample();
        assertThat(d.format()).isEqualTo(DatasetFormat.SAMPLE);
        assertThat(d.name()).isEqualTo("CIFAR-10 sample");
        assertThat(d.train().size()).isEqualTo(5000);
        assertThat(d.test().size()).isEqualTo(500);
        assertThat(d.train().classNames()).isEqualTo(ClassNames.CIFAR10);
        // the sample is the start of the official batches: data_batch_1 begins with a frog (6), bytes 59 43 50
        assertThat(d.train().label(0)).isEqualTo(6);
        assertThat(d.train().pixelsShared()).startsWith((byte) 59, (byte) 43, (byte) 50, (byte) 68);
        assertThat(d.test().label(0)).isEqualTo(3);
        assertThat(d.test().pixelsShared()).startsWith((byte) 158, (byte) 159, (byte) 165);
        // label counts of the first 5,000 / 500 records of the official data_batch_1.bin / test_batch.bin
        assertThat(d.train().classCounts()).containsExactly(505, 460, 519, 486, 519, 488, 519, 486, 520, 498);
        assertThat(d.test().classCounts()).containsExactly(57, 41, 51, 49, 40, 48, 54, 47, 57, 56);
    }

    @Test
    void theSampleLoaderNamesAMissingOrBrokenResource() throws IOException {
        byte[] names = (String.join("\n", TEN) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] train = Synthetic.gzip(Synthetic.cifar10(4, 0));
        byte[] test = Synthetic.cifar10(2, 1);
        Dataset d = DatasetLoader.loadSample(file -> switch (file) {
            case DatasetLoader.SAMPLE_NAMES -> new ByteArrayInputStream(names);
            case DatasetLoader.SAMPLE_TRAIN -> new ByteArrayInputStream(train);
            case DatasetLoader.SAMPLE_TEST -> new ByteArrayInputStream(test);
            default -> null;
        }, "/gen/");
        assertThat(d.train().labels()).containsExactly(0, 3, 6, 9);
        assertThat(d.test().labels()).containsExactly(1, 4);
        assertThat(d.source()).isEqualTo("bundled sample /gen/");

        assertThatThrownBy(() -> DatasetLoader.loadSample(file -> file.equals(DatasetLoader.SAMPLE_NAMES)
                ? new ByteArrayInputStream(names) : null, "/gen/"))
                .hasMessage("/gen/data_batch_1-first5000.bin.gz: is missing from the application");
        byte[] cut = java.util.Arrays.copyOf(train, train.length - 20);
        assertThatThrownBy(() -> DatasetLoader.loadSample(file -> file.equals(DatasetLoader.SAMPLE_NAMES)
                ? new ByteArrayInputStream(names) : new ByteArrayInputStream(cut), "/gen/"))
                .hasMessage("/gen/data_batch_1-first5000.bin.gz: the gzip data ends early (an incomplete download?)");
    }

    @Test
    void sampleResourcesAreOnTheClassPath() throws IOException {
        try (InputStream in = DatasetLoader.class.getResourceAsStream(DatasetLoader.SAMPLE_DIR
                + DatasetLoader.SAMPLE_TEST)) {
            assertThat(in).isNotNull();
        }
    }
}
