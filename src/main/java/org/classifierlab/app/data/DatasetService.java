package org.classifierlab.app.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.core.Progress;
import org.classifierlab.core.data.CacheDirectory;
import org.classifierlab.core.data.Cifar10Download;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;

/**
 * The image dataset the lessons work on, and the jobs that change it: the bundled sample, a folder or
 * archive on disk, or the CIFAR-10 download. Loading runs on one background thread with progress and
 * Cancel in the status bar; the current dataset changes only when a load succeeds, so a failed or
 * cancelled load never loses the one in use. Methods and properties: FX thread only.
 */
public final class DatasetService {

    /** How a dataset load is done off the FX thread; swapped in tests. */
    @FunctionalInterface
    public interface Source {
        Dataset load(Progress progress, java.util.function.BooleanSupplier cancelled) throws Exception;
    }

    private final JobStatus jobs;
    private final Consumer<String> showError;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dataset-loader");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<Dataset> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private AtomicBoolean runningCancel;
    /** The folder or archive the dataset in use was opened from (null: the sample or a download). */
    private Path currentPath;
    private Path runningPath;
    /** The job reopening last run's dataset, which falls back to the sample if it fails. */
    private AtomicBoolean reopening;
    /** Said before the next loaded dataset's summary (why the sample is in use). */
    private String fallbackNote = "";
    /** Whether a lesson asked for images while the reopening ran, so its failure must load the sample. */
    private boolean sampleWanted;

    public DatasetService(JobStatus jobs, Consumer<String> showError) {
        this.jobs = Objects.requireNonNull(jobs);
        this.showError = Objects.requireNonNull(showError);
    }

    /** The dataset in use, or null before the first load. */
    public ReadOnlyObjectProperty<Dataset> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Dataset current() {
        return current.get();
    }

    /** True while a load or download runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Loads the sample bundled with the app (5,000 training and 500 test images of CIFAR-10). */
    public void useSample() {
        run("Loading the bundled CIFAR-10 sample", (p, c) -> DatasetLoader.loadSample());
    }

    /** Loads a dataset folder or archive (CIFAR-10 binary or python, CIFAR-100, IDX). */
    public void open(Path path) {
        fallbackNote = "";
        run("Loading " + path.getFileName(), (p, c) -> DatasetLoader.load(path, p, c));
        runningPath = path;
    }

    /**
     * Remembers the dataset in use in {@code prefs} from now on, and reopens the one remembered from the last
     * run (a folder or archive: full CIFAR-10, CIFAR-100, IDX) in the background. When it is gone, or can no
     * longer be read, the status bar says so, and the bundled sample is loaded instead as soon as a lesson needs
     * images ({@link #ensureLoaded}), its summary repeating why; when the sample was in use, nothing loads until
     * then either.
     */
    public void rememberIn(org.classifierlab.app.shell.AppPreferences prefs) {
        Path last = prefs.lastDataset();
        current.addListener((o, old, dataset) -> prefs.setLastDataset(dataset == null
                || dataset.format() == org.classifierlab.core.data.DatasetFormat.SAMPLE ? null
                : Path.of(dataset.source())));
        if (last == null) {
            return;
        }
        if (!java.nio.file.Files.exists(last)) {
            // Why not load the sample now: the first lesson may need no images, and its own status line would
            // replace this note at once; the image lessons' ensureLoaded() loads the sample and repeats it.
            fallbackNote = "The dataset used last time, " + last + ", is no longer there; using the bundled sample."
                    + " ";
            jobs.setDetail(fallbackNote.strip());
            return;
        }
        run("Reopening " + last.getFileName(), (p, c) -> DatasetLoader.load(last, p, c));
        runningPath = last;
        reopening = runningCancel;
    }

    /** The folder or archive the dataset in use was opened from; null for the bundled sample or a download. */
    public Path currentPath() {
        return currentPath;
    }

    /** Downloads the official CIFAR-10 archive into the cache folder (resuming a partial one), then loads it. */
    public void downloadCifar10() {
        run("Downloading CIFAR-10", (p, c) -> {
            Path archive = new Cifar10Download().fetch(CacheDirectory.forApp(), p, c);
            return DatasetLoader.load(archive, p, c);
        });
    }

    /** Loads the sample unless a dataset is already there or loading; for lessons that need images now. */
    public void ensureLoaded() {
        if (current.get() == null && !busy.get()) {
            useSample();
        } else if (current.get() == null) {
            sampleWanted = true;
        }
    }

    /** Runs {@code source} as the one dataset job; a new job cancels a running one. */
    public void run(String title, Source source) {
        if (runningCancel != null) {
            runningCancel.set(true);
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        runningCancel = cancelled;
        runningPath = null;
        busy.set(true);
        JobStatus.Job job = jobs.start(title, () -> cancelled.set(true));
        Progress relay = job.relay();
        executor.execute(() -> {
            Dataset loaded = null;
            Throwable failure = null;
            try {
                if (!cancelled.get()) {
                    loaded = source.load(relay, cancelled::get);
                }
            } catch (Throwable t) {
                failure = t;
            }
            Dataset result = loaded;
            Throwable error = failure;
            // Back on the FX thread: swap the dataset only for a finished, uncancelled load.
            Platform.runLater(() -> finish(cancelled, job, result, error));
        });
    }

    private void finish(AtomicBoolean cancelled, JobStatus.Job job, Dataset result, Throwable error) {
        job.done();
        Path origin = runningCancel == cancelled ? runningPath : null;
        if (runningCancel == cancelled) {
            runningCancel = null;
            busy.set(false);
        }
        if (cancelled.get() || error instanceof CancellationException) {
            jobs.setDetail("Cancelled; the dataset in use is unchanged");
        } else if (error != null && reopening == cancelled) {
            reopening = null;
            fallbackNote = "Could not reopen the dataset used last time (" + messageOf(error) + "); using the"
                    + " bundled sample. ";
            if (sampleWanted) {
                useSample();
            } else {
                jobs.setDetail(fallbackNote.strip());
            }
        } else if (error != null) {
            showError.accept(messageOf(error));
        } else if (result != null) {
            currentPath = origin;
            sampleWanted = false;
            current.set(result);
            jobs.setDetail(String.format("%s%s: %,d training and %,d test images", fallbackNote, result.name(),
                    result.train().size(), result.test().size()));
            fallbackNote = "";
        }
    }

    static String messageOf(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (t instanceof OutOfMemoryError) {
            return "Not enough memory for this dataset. Start the app with a larger heap (e.g. -Xmx2g).";
        }
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    /** Stops the loader thread. */
    public void dispose() {
        if (runningCancel != null) {
            runningCancel.set(true);
        }
        executor.shutdownNow();
    }
}
