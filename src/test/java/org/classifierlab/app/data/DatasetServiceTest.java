package org.classifierlab.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;
import java.util.zip.GZIPOutputStream;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.shell.AppPreferences;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.core.data.BadInput;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetFormat;

/**
 * The dataset in use: a bad file never replaces it (bad-input campaign, docs/bad-input.md), and it is remembered
 * between runs (in a preferences node of the tests' own, {@code classifierlab.prefs}).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DatasetServiceTest {

    @TempDir
    Path tmp;

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private JobStatus jobs;
    private DatasetService service;
    private Preferences node;
    private String oldProperty;

    @Start
    void start(Stage stage) {
        // The service needs the FX thread only; no window.
    }

    @BeforeEach
    void setUp() {
        oldProperty = System.getProperty("classifierlab.prefs");
        System.setProperty("classifierlab.prefs", "org/classifierlab/test-datasets-" + System.nanoTime());
        node = Preferences.userRoot().node(System.getProperty("classifierlab.prefs"));
        fx(() -> {
            jobs = new JobStatus();
            service = new DatasetService(jobs, errors::add);
            return null;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            service.dispose();
            return null;
        });
        node.removeNode();
        if (oldProperty == null) {
            System.clearProperty("classifierlab.prefs");
        } else {
            System.setProperty("classifierlab.prefs", oldProperty);
        }
    }

    private void awaitIdle() {
        awaitFx(60, "the dataset job did not finish", () -> !service.busyProperty().get());
    }

    /** A tiny CIFAR-10 binary folder: 5 training batches and a test batch of {@code n} zero images each. */
    private Path cifarFolder(String name, int n) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int b = 1; b <= 5; b++) {
            Files.write(dir.resolve("data_batch_" + b + ".bin"), new byte[n * 3073]);
        }
        Files.write(dir.resolve("test_batch.bin"), new byte[n * 3073]);
        return dir;
    }

    @Test
    void aBadLoadLeavesTheDatasetInUse() throws Exception {
        fx(() -> {
            service.useSample();
            return null;
        });
        awaitIdle();
        Dataset sample = fx(service::current);
        assertThat(sample.format()).isEqualTo(DatasetFormat.SAMPLE);

        Path fifo = BadInput.fifo(tmp.resolve("cifar-10-binary.tar.gz"));
        Path bomb = BadInput.gzipBomb(tmp.resolve("bomb.tar.gz"), new byte[0], 1);
        Path pickleDir = Files.createDirectories(tmp.resolve("cifar-10-batches-py"));
        Files.write(pickleDir.resolve("data_batch_1"), new byte[] {(byte) 0x80, 2, 'c', 'o', 's', '\n', 's', 'y', 's',
            't', 'e', 'm', '\n', '.'});
        Files.write(pickleDir.resolve("test_batch"), new byte[] {(byte) 0x80, 2, '.'});
        Path truncated = tmp.resolve("cut.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(truncated))) {
            out.write(new byte[100_000]);
        }
        byte[] gz = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(gz, gz.length / 2));

        List<Path> bad = List.of(fifo, bomb, pickleDir, truncated, tmp.resolve("gone"));
        for (Path path : bad) {
            int before = errors.size();
            fx(() -> {
                service.open(path);
                return null;
            });
            awaitIdle();
            awaitFx(10, "no error shown for " + path, () -> errors.size() == before + 1);
            assertThat(errors.get(before)).as("the message for %s", path).contains(path.getFileName().toString());
            assertThat(fx(service::current)).as("the dataset after opening %s", path).isSameAs(sample);
            assertThat(fx(service::currentPath)).isNull();
        }
        assertThat(errors.get(0)).endsWith("is not a regular file (a named pipe, device or socket); refused without"
                + " opening it");
        assertThat(errors.get(2)).contains("refuses to load global 'os.system'");
        assertThat(errors.get(3)).endsWith("cut.tar.gz: is neither a CIFAR archive (tar or tar.gz) nor a file of a"
                + " CIFAR or MNIST dataset folder");
        assertThat(errors.get(4)).endsWith("gone: does not exist");
    }

    @Test
    void theDatasetInUseIsRememberedAndReopenedOnTheNextStart() throws Exception {
        Path folder = cifarFolder("cifar-10-batches-bin", 3);
        fx(() -> {
            service.rememberIn(new AppPreferences());
            return null;
        });
        assertThat(fx(() -> service.busyProperty().get())).as("nothing to reopen the first time").isFalse();
        fx(() -> {
            service.open(folder);
            return null;
        });
        awaitIdle();
        assertThat(fx(service::current).name()).isEqualTo("CIFAR-10");
        assertThat(new AppPreferences().lastDataset()).isEqualTo(folder.toAbsolutePath());

        // The next run: a new service and preferences object read the same node.
        fx(() -> {
            service.dispose();
            jobs = new JobStatus();
            service = new DatasetService(jobs, errors::add);
            service.rememberIn(new AppPreferences());
            return null;
        });
        assertThat(fx(() -> service.busyProperty().get())).as("reopening in the background").isTrue();
        awaitIdle();
        Dataset reopened = fx(service::current);
        assertThat(reopened.name()).isEqualTo("CIFAR-10");
        assertThat(reopened.train().size()).isEqualTo(15);
        assertThat(reopened.source()).isEqualTo(folder.toString());
        assertThat(fx(() -> jobs.detailProperty().get())).isEqualTo("CIFAR-10: 15 training and 3 test images");

        // Choosing the sample forgets the folder.
        fx(() -> {
            service.useSample();
            return null;
        });
        awaitIdle();
        assertThat(new AppPreferences().lastDataset()).isNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void aDatasetThatIsGoneOrBrokenGivesTheSampleAndSaysWhy() throws Exception {
        Path gone = tmp.resolve("cifar-10-batches-bin");
        new AppPreferences().setLastDataset(gone);
        fx(() -> {
            service.rememberIn(new AppPreferences());
            return null;
        });
        assertThat(fx(() -> service.busyProperty().get())).isFalse();
        assertThat(fx(service::current)).as("nothing loads before a lesson needs images").isNull();
        assertThat(fx(() -> jobs.detailProperty().get())).isEqualTo("The dataset used last time, " + gone
                + ", is no longer there; using the bundled sample.");
        fx(() -> {
            jobs.setDetail("Decision map 758 × 715 px in 9.0 ms");
            service.ensureLoaded();
            return null;
        });
        awaitIdle();
        assertThat(fx(service::current).format()).isEqualTo(DatasetFormat.SAMPLE);
        assertThat(fx(() -> jobs.detailProperty().get())).isEqualTo("The dataset used last time, " + gone
                + ", is no longer there; using the bundled sample. CIFAR-10 sample: 5,000 training and 500 test"
                + " images");

        Path broken = cifarFolder("broken", 2);
        Files.write(broken.resolve("test_batch.bin"), new byte[100]);
        new AppPreferences().setLastDataset(broken);
        fx(() -> {
            service.dispose();
            jobs = new JobStatus();
            service = new DatasetService(jobs, errors::add);
            service.rememberIn(new AppPreferences());
            service.ensureLoaded(); // an image lesson opening while the reopen runs
            return null;
        });
        awaitFx(60, "no sample after the failed reopen",
                () -> service.current() != null && !service.busyProperty().get());
        assertThat(fx(service::current).format()).isEqualTo(DatasetFormat.SAMPLE);
        assertThat(fx(() -> jobs.detailProperty().get())).startsWith("Could not reopen the dataset used last time ("
                + broken.resolve("test_batch.bin") + ": wrong size 100 bytes").endsWith("); using the bundled sample."
                + " CIFAR-10 sample: 5,000 training and 500 test images");
        assertThat(errors).as("a start-up fallback is a status message, not an error dialog").isEmpty();
    }
}
