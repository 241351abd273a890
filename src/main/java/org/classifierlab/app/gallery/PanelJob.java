package org.classifierlab.app.gallery;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.core.Progress;

/**
 * One panel's background job at a time, on the panel's own thread, shown in the status bar with progress and
 * Cancel: a new run, {@link #cancel()} or {@link #dispose()} cancels the running one, whose result is then never
 * delivered. Methods and properties: FX thread only; only the work runs on the worker thread.
 */
public final class PanelJob {

    /** The work of a job; runs on the worker thread, reports through {@code progress}, polls {@code cancelled}. */
    @FunctionalInterface
    public interface Work<R> {
        R compute(Progress progress, BooleanSupplier cancelled) throws Exception;
    }

    private final JobStatus jobs;
    private final Consumer<String> showError;
    private final ExecutorService executor;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private AtomicBoolean current;
    private boolean disposed;

    /** A job runner whose daemon thread is called {@code threadName}. */
    public PanelJob(String threadName, JobStatus jobs, Consumer<String> showError) {
        this.jobs = Objects.requireNonNull(jobs);
        this.showError = Objects.requireNonNull(showError);
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Cancels the running job, if any, and starts {@code work}; {@code done} gets its result on the FX thread. */
    public <R> void run(String title, Work<R> work, Consumer<R> done) {
        if (disposed) {
            return;
        }
        cancel();
        AtomicBoolean cancelled = new AtomicBoolean();
        current = cancelled;
        running.set(true);
        JobStatus.Job job = jobs.start(title, () -> cancelled.set(true));
        // Progress that arrives after the job ended or was cancelled is harmless: a finished job is no longer shown.
        Progress relay = job.relay();
        executor.execute(() -> {
            R result = null;
            Throwable failure = null;
            try {
                if (!cancelled.get()) {
                    result = work.compute(relay, cancelled::get);
                }
            } catch (Throwable t) {
                failure = t;
            }
            R r = result;
            Throwable f = failure;
            // Back on the FX thread: only the newest, uncancelled job delivers its result or its error.
            Platform.runLater(() -> finish(cancelled, job, title, r, f, done));
        });
    }

    private <R> void finish(AtomicBoolean cancelled, JobStatus.Job job, String title, R result, Throwable failure,
                            Consumer<R> done) {
        job.done();
        if (current == cancelled) {
            current = null;
            running.set(false);
        }
        if (disposed) {
            return;
        }
        if (cancelled.get() || failure instanceof CancellationException) {
            jobs.setDetail(title + ": cancelled");
        } else if (failure instanceof OutOfMemoryError) {
            showError.accept(title + " needs more memory than the app has. Choose fewer images, or start the app "
                    + "with a larger heap (e.g. -Xmx4g).");
        } else if (failure != null) {
            showError.accept(title + " failed: " + (failure.getMessage() == null
                    ? failure.getClass().getSimpleName() : failure.getMessage()));
        } else if (result != null) {
            done.accept(result);
        }
    }

    /** Cancels the running job; its result will not be delivered. */
    public void cancel() {
        if (current != null) {
            current.set(true);
            current = null;
            running.set(false);
        }
    }

    /** True from {@link #run} until the job ends or is cancelled. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Cancels the running job and stops the thread. */
    public void dispose() {
        cancel();
        disposed = true;
        executor.shutdown();
    }
}
