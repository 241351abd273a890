package org.classifierlab.app.shell;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.classifierlab.core.Progress;

/**
 * The current background job as the status bar shows it: several lessons may run jobs at once; the
 * most recently started one that is still running is shown. FX thread only.
 */
public final class JobStatus {

    /** A running job; {@link #progress(double)} and {@link #done()} are called on the FX thread. */
    public final class Job {
        private final String title;
        private final Runnable cancel;
        private double progress = -1;
        private String message;

        private Job(String title, Runnable cancel) {
            this.title = title;
            this.cancel = cancel;
        }

        /** Progress in [0, 1] (negative: indeterminate) with a line saying what is happening now. */
        public void progress(double value, String what) {
            message = what;
            progress(value);
        }

        /** Progress in [0, 1], or a negative value for "indeterminate". */
        public void progress(double value) {
            progress = value;
            refresh();
        }

        public void done() {
            running.remove(this);
            refresh();
        }

        /**
         * A {@link Progress} for the worker doing this job: any thread may call it; the newest value reaches this
         * job on the FX thread at most once per pulse.
         */
        public Progress relay() {
            return new ProgressRelay(this);
        }
    }

    /** Forwards the newest progress to the FX thread at most once per pulse. Any thread. */
    private static final class ProgressRelay implements Progress {
        private final Job job;
        private final AtomicReference<double[]> latest = new AtomicReference<>();
        private volatile String message;

        ProgressRelay(Job job) {
            this.job = job;
        }

        @Override
        public void update(long done, long total, String what) {
            message = what;
            if (latest.getAndSet(new double[] {done, total}) == null) {
                Platform.runLater(() -> {
                    double[] v = latest.getAndSet(null);
                    job.progress(v[1] > 0 ? Math.min(1, v[0] / v[1]) : -1, message);
                });
            }
        }
    }

    private final Map<Job, Boolean> running = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper cancellable =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "cancellable", false);
    private Job shownJob;

    /** Starts showing a job titled {@code title}; call {@link Job#done()} when it ends, however it ends. */
    public Job start(String title) {
        return start(title, null);
    }

    /** Starts a job the user may cancel from the status bar; {@code cancel} runs on the FX thread. */
    public Job start(String title, Runnable cancel) {
        Job job = new Job(title, cancel);
        running.put(job, Boolean.TRUE);
        refresh();
        return job;
    }

    /** A short fact shown at the right of the status bar, e.g. how long the last map took. */
    public void setDetail(String value) {
        detail.set(value);
    }

    private void refresh() {
        Job shown = null;
        for (Job j : running.keySet()) {
            shown = j;
        }
        shownJob = shown;
        if (shown == null) {
            text.set("Ready");
            progress.set(0);
            cancellable.set(false);
        } else {
            text.set(shown.title + (shown.message == null ? "…" : ": " + shown.message));
            progress.set(shown.progress < 0 ? -1 : shown.progress);
            cancellable.set(shown.cancel != null);
        }
    }

    /** Cancels the job the status bar shows, if it can be cancelled. */
    public void cancelShown() {
        if (shownJob != null && shownJob.cancel != null) {
            shownJob.cancel.run();
        }
    }

    public javafx.beans.property.ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public boolean isIdle() {
        return running.isEmpty();
    }
}
