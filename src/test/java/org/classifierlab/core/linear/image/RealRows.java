package org.classifierlab.core.linear.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.classifierlab.core.Progress;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;

/**
 * Real CIFAR-10 for the tests: batch 1 and the test batch from {@code ../shared/data} (system property
 * {@code classifierlab.sharedData}), and the full set from the folder named by the system property or
 * environment variable {@code CLASSIFIER_LAB_CIFAR10} (e.g. /work/cifar10). Tests skip by assumption where
 * they are absent.
 */
final class RealRows {

    private static Dataset batch1;
    private static Dataset full;

    private RealRows() {
    }

    /** data_batch_1 (10,000 training images) and test_batch. */
    static synchronized Dataset batch1() {
        String shared = System.getProperty("classifierlab.sharedData");
        assumeTrue(shared != null, "classifierlab.sharedData is not set");
        Path dir = Path.of(shared, "cifar-10-batches-bin");
        assumeTrue(Files.isRegularFile(dir.resolve("data_batch_1.bin")), dir + " is absent");
        if (batch1 == null) {
            batch1 = load(dir);
        }
        return batch1;
    }

    /** All of CIFAR-10 (50,000 + 10,000). */
    static synchronized Dataset full() {
        String dir = System.getProperty("CLASSIFIER_LAB_CIFAR10", System.getenv("CLASSIFIER_LAB_CIFAR10"));
        assumeTrue(dir != null, "CLASSIFIER_LAB_CIFAR10 is not set");
        Path path = Path.of(dir);
        assumeTrue(Files.isRegularFile(path.resolve("data_batch_5.bin")), path + " holds no full CIFAR-10");
        if (full == null) {
            full = load(path);
        }
        return full;
    }

    private static Dataset load(Path dir) {
        try {
            return DatasetLoader.load(dir, Progress.NONE, () -> false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
