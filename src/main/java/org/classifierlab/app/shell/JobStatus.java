package org.classifierlab.app.shell;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The current background job as the status bar shows it: several lessons may run jobs at once; the
 * most recently started one that is still running is shown. FX thread only.
 */
public final class JobStatus {

    /** A running job; {@link #progress(double)} and {@link #done()} are called on the FX thread. */
    public final class Job {
        private final String title;
        private double progress = -1;

        private Job(String title) {
            this.title = title;
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
    }

    private final Map<Job, Boolean> running = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");

    /** Starts showing a job titled {@code title}; call {@link Job#done()} when it ends, however it ends. */
    public Job start(String title) {
        Job job = new Job(title);
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
        if (shown == null) {
            text.set("Ready");
            progress.set(0);
        } else {
            text.set(shown.title + "…");
            progress.set(shown.progress < 0 ? -1 : shown.progress);
        }
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
