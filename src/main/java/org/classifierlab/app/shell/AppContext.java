package org.classifierlab.app.shell;

import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;

import org.classifierlab.app.theme.Theme;

/**
 * What every lesson shares: the job status shown in the status bar, the current theme and a way to the
 * main window (for file choosers). Created once by the application; FX thread only.
 */
public final class AppContext {

    private final JobStatus jobs;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private Window window;

    public AppContext(JobStatus jobs) {
        this.jobs = Objects.requireNonNull(jobs);
    }

    public JobStatus jobs() {
        return jobs;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Window window() {
        return window;
    }

    public void setWindow(Window window) {
        this.window = window;
    }
}
