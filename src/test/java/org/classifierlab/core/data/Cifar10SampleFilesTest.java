package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The bundled sample in assets/cifar10-sample, read from the checkout (not the class path). */
class Cifar10SampleFilesTest {

    static final Path SAMPLE = Path.of("assets", "cifar10-sample");
    static final int RECORD = 3073;

    @Test
    void trainingSampleHas5000RecordsWithTheRecordedClassCounts() throws IOException {
        byte[] train = gunzip(SAMPLE.resolve("data_batch_1-first5000.bin.gz"));

        assertThat(train.length).isEqualTo(5000 * RECORD);
        assertThat(classCounts(train)).containsExactly(505, 460, 519, 486, 519, 488, 519, 486, 520, 498);
        assertThat(Arrays.copyOfRange(train, 0, 4)).containsExactly(6, 59, 43, 50);
    }

    @Test
    void testSampleHas500RecordsWithTheRecordedClassCounts() throws IOException {
        byte[] test = gunzip(SAMPLE.resolve("test_batch-first500.bin.gz"));

        assertThat(test.length).isEqualTo(500 * RECORD);
        assertThat(classCounts(test)).containsExactly(57, 41, 51, 49, 40, 48, 54, 47, 57, 56);
        assertThat(test[0]).isEqualTo((byte) 3);
    }

    @Test
    void classNamesAreTheOfficialTen() throws IOException {
        assertThat(Files.readString(SAMPLE.resolve("batches.meta.txt"), StandardCharsets.US_ASCII))
                .isEqualTo("airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");
    }

    @Test
    void filesHaveTheSha256RecordedInTheReadme() throws IOException {
        assertThat(sha256(Files.readAllBytes(SAMPLE.resolve("data_batch_1-first5000.bin.gz"))))
                .isEqualTo("4703aafbdb5dd5589e8008dc63cc2901437f5a8ba4d166cdd2ddf820f73daec0");
        assertThat(sha256(Files.readAllBytes(SAMPLE.resolve("test_batch-first500.bin.gz"))))
                .isEqualTo("f83db7bdd32035f13a995a3a6d4fd3b39ae2d8fa94d12f9f2ebde3d064a15853");
        assertThat(sha256(Files.readAllBytes(SAMPLE.resolve("batches.meta.txt"))))
                .isEqualTo("558e74b5e208382e186da55784b4bac2cd52e558448e1b5800990fdb28ed8033");
    }

    @Test
    void samplesAreByteIdenticalToTheStartOfTheOfficialBatches() throws IOException {
        Path official = Path.of(System.getProperty("classifierlab.sharedData", "../shared/data"), "cifar-10-batches-bin");
        assumeTrue(Files.isRegularFile(official.resolve("data_batch_1.bin")), "no shared CIFAR-10 at " + official);

        assertIsPrefix(gunzip(SAMPLE.resolve("data_batch_1-first5000.bin.gz")), official.resolve("data_batch_1.bin"));
        assertIsPrefix(gunzip(SAMPLE.resolve("test_batch-first500.bin.gz")), official.resolve("test_batch.bin"));
        assertThat(Files.readAllBytes(SAMPLE.resolve("batches.meta.txt")))
                .isEqualTo(Files.readAllBytes(official.resolve("batches.meta.txt")));
    }

    private static void assertIsPrefix(byte[] sample, Path officialFile) throws IOException {
        byte[] prefix;
        try (InputStream in = Files.newInputStream(officialFile)) {
            prefix = in.readNBytes(sample.length);
        }
        assertThat(prefix.length).as("length of " + officialFile).isEqualTo(sample.length);
        // Arrays.mismatch keeps a failure message short instead of printing 15 MB.
        assertThat(Arrays.mismatch(sample, prefix)).as("first differing byte vs " + officialFile).isEqualTo(-1);
    }

    private static int[] classCounts(byte[] records) {
        int[] counts = new int[10];
        for (int i = 0; i < records.length; i += RECORD) {
            assertThat((int) records[i]).as("label of record " + i / RECORD).isBetween(0, 9);
            counts[records[i]]++;
        }
        return counts;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
