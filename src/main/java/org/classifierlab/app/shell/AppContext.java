package org.classifierlab.app.shell;

import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Alert;
import javafx.stage.Window;

import org.classifierlab.app.data.DatasetService;

import org.classifierlab.app.theme.Theme;

/**
 * What every lesson shares: the job status shown in the status bar, the current theme and a way to the
 * main window (for file choosers). Created once by the application; FX thread only.
 */
public final class AppContext {

    private final JobStatus jobs;
    private final DatasetService datasets;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private Window window;

    public AppContext(JobStatus jobs) {
        this.jobs = Objects.requireNonNull(jobs);
        this.datasets = new DatasetService(jobs, this::showError);
    }

    /** The image dataset shared by the image lessons. */
    public DatasetService datasets() {
        return datasets;
    }

    /** Shows a problem the user can act on (a bad file, a failed download) in an error dialog. */
    public void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText("That did not work");
        alert.getDialogPane().setMinWidth(560);
        alert.getDialogPane().setId("errorDialog");
        if (window != null && window.isShowing()) {
            alert.initOwner(window);
        }
        alert.show();
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
