package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classifierlab.core.Progress;
import org.junit.jupiter.api.Test;

/**
 * The real files: CIFAR-10's data_batch_1.bin, test_batch.bin and batches.meta.txt from {@code ../shared/data}
 * (system property {@code classifierlab.sharedData}) and Fashion-MNIST from Debian's dataset-fashion-mnist
 * package. Each test is skipped where its files are absent, as in a fresh clone.
 */
class RealDataTest {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    private static Path cifarDir() {
        String shared = System.getProperty("classifierlab.sharedData");
        assumeTrue(shared != null, "classifierlab.sharedData is not set");
        Path dir = Path.of(shared, "cifar-10-batches-bin");
        assumeTrue(Files.isRegularFile(dir.resolve("data_batch_1.bin")), dir + " is absent");
        return dir;
    }

    @Test
    void firstTrainingRecordIsAFrog() throws IOException {
        ImageDataset batch = CifarBinaryReader.readCifar10(cifarDir().resolve("data_batch_1.bin"), ClassNames.CIFAR10);
        assertThat(batch.size()).isEqualTo(10_000);
        assertThat(batch.label(0)).isEqualTo(6);
        // bytes 1…8 of the file: the first red row of the frog starts 59 43 50 68 98 119 139 145
        assertThat(batch.pixelsShared()).startsWith((byte) 59, (byte) 43, (byte) 50, (byte) 68, (byte) 98,
                (byte) 119, (byte) 139, (byte) 145);
    }

    @Test
    void classCountsMatchTheLabelBytesOfTheFile() throws IOException {
        Path file = cifarDir().resolve("data_batch_1.bin");
        byte[] raw = Files.readAllBytes(file);
        int[] counted = new int[10];
        for (int at = 0; at < raw.length; at += 3073) {
            counted[raw[at]]++;
        }
        ImageDataset batch = CifarBinaryReader.readCifar10(file, ClassNames.CIFAR10);
        assertThat(batch.classCounts()).isEqualTo(counted)
                .containsExactly(1005, 974, 1032, 1016, 999, 937, 1030, 1001, 1025, 981);
    }

    @Test
    void theFolderLoadsWithItsClassNamesAndABalancedTestSet() throws IOException {
        Dataset d = DatasetLoader.load(cifarDir(), Progress.NONE, () -> false);
        assertThat(d.name()).isEqualTo("CIFAR-10 (1 of 5 training batches)");
        assertThat(d.train().size()).isEqualTo(10_000);
        assertThat(d.train().classNames()).containsExactly("airplane", "automobile", "bird", "cat", "deer", "dog",
                "frog", "horse", "ship", "truck");
        // published: the CIFAR-10 test batch holds exactly 1,000 images of each class
        assertThat(d.test().classCounts()).containsOnly(1000);
        assertThat(d.test().label(0)).isEqualTo(3);
        assertThat(d.heapBytes()).isBetween(2 * 30_720_000L, 2 * 30_800_000L);
    }

    @Test
    void fashionMnistLoadsFromTheGzippedIdxFiles() throws IOException {
        assumeTrue(Files.isRegularFile(FASHION.resolve("train-images-idx3-ubyte.gz")), FASHION + " is absent");
        Dataset d = DatasetLoader.load(FASHION, Progress.NONE, () -> false);
        assertThat(d.name()).isEqualTo("Fashion-MNIST");
        assertThat(d.train().size()).isEqualTo(60_000);
        assertThat(d.test().size()).isEqualTo(10_000);
        assertThat(d.train().height()).isEqualTo(28);
        assertThat(d.train().width()).isEqualTo(28);
        assertThat(d.train().channels()).isEqualTo(1);
        // label bytes 8… of train-labels-idx1-ubyte.gz: 9 0 0 3 0 (ankle boot, T-shirt, T-shirt, dress, T-shirt)
        assertThat(new int[] {d.train().label(0), d.train().label(1), d.train().label(2), d.train().label(3),
            d.train().label(4)}).containsExactly(9, 0, 0, 3, 0);
        assertThat(d.test().label(0)).isEqualTo(9);
        assertThat(d.train().classNames().get(9)).isEqualTo("Ankle boot");
        // first image: its first non-zero pixel is at 96 and its brightest (255) at 417
        byte[] px = d.train().pixelsShared();
        int firstLit = 0;
        while (px[firstLit] == 0) {
            firstLit++;
        }
        assertThat(firstLit).isEqualTo(96);
        assertThat(px[417] & 0xFF).isEqualTo(255);
        assertThat(d.train().classCounts()).containsOnly(6000);
    }
}
