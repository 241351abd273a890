package org.classifierlab.app.shell;

import javafx.application.Platform;
import javafx.stage.Window;

import org.controlsfx.dialog.ExceptionDialog;

/**
 * Shows an unexpected error in a dialog with the full stack trace instead of letting the app die silently.
 * Any thread may call {@link #report}; the dialog opens on the FX thread, one at a time.
 */
public final class ErrorReporter {

    private final AppContext context;
    private boolean showing;

    public ErrorReporter(AppContext context) {
        this.context = context;
    }

    /** Installs this reporter as the default handler of uncaught exceptions on every thread. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> report(error));
    }

    public void report(Throwable error) {
        error.printStackTrace();
        if (Platform.isFxApplicationThread()) {
            show(error);
        } else {
            Platform.runLater(() -> show(error));
        }
    }

    private void show(Throwable error) {
        if (showing) {
            // One dialog at a time: a failure repeating every frame must not bury the window in dialogs.
            return;
        }
        showing = true;
        try {
            ExceptionDialog dialog = new ExceptionDialog(error);
            dialog.setTitle("Classifier Lab: unexpected error");
            dialog.setHeaderText("Something went wrong: " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage())
                    + "\nYour points and settings are still there; you can keep working.");
            Window owner = context.window();
            if (owner != null && owner.isShowing()) {
                dialog.initOwner(owner);
            }
            dialog.showAndWait();
        } finally {
            showing = false;
        }
    }
}
