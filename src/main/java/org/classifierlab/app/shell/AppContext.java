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
    private final javafx.beans.property.IntegerProperty testImage =
            new javafx.beans.property.SimpleIntegerProperty(this, "testImage", -1);
    private final javafx.beans.property.IntegerProperty exportScale =
            new javafx.beans.property.SimpleIntegerProperty(this, "exportScale", 1);
    private Window window;
    private java.util.function.Function<LessonKind, Lesson> lessonOpener;

    public AppContext(JobStatus jobs) {
        this.jobs = Objects.requireNonNull(jobs);
        this.datasets = new DatasetService(jobs, this::showError);
        datasets.currentProperty().addListener((o, a, d) -> testImage.set(-1));
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

    /**
     * The test image of the dataset in use that was last picked in any image lesson (-1: none), so a picture picked
     * in one lesson opens in another. Set back to -1 when the dataset changes.
     */
    public javafx.beans.property.IntegerProperty testImageProperty() {
        return testImage;
    }

    /** Pixels per layout unit of exported and copied pictures (1 or 2; File ▸ Picture scale), on top of HiDPI. */
    public javafx.beans.property.IntegerProperty exportScaleProperty() {
        return exportScale;
    }

    public JobStatus jobs() {
        return jobs;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /**
     * Shows lesson {@code kind} in the primary pane (as choosing it in the lesson list does) and returns that pane's
     * instance of it, so one lesson can hand another an example ("Explore this example"). Null before a shell is
     * attached.
     */
    public Lesson openLesson(LessonKind kind) {
        return lessonOpener == null ? null : lessonOpener.apply(Objects.requireNonNull(kind));
    }

    /** Called by the shell: how {@link #openLesson} shows a lesson. */
    public void setLessonOpener(java.util.function.Function<LessonKind, Lesson> opener) {
        lessonOpener = opener;
    }

    public Window window() {
        return window;
    }

    public void setWindow(Window window) {
        this.window = window;
    }
}
