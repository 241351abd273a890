package org.classifierlab.app.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import org.classifierlab.app.theme.Theme;

/**
 * The presentation view (View ▸ Presentation, F5): full screen, the lesson list hidden, the projector theme's large
 * type and thick strokes, and the laser pointer on. F9 still shows and hides the control panel. Esc or F5 leaves it
 * and puts back what it changed: the user's theme, the lesson list, the control panel, the laser pointer and the
 * window's full-screen state. FX thread only.
 */
public final class PresentationMode {

    static final String EXIT_HINT = "Presentation view: Esc or F5 leaves it, F9 shows or hides the controls";

    private final AppShell shell;
    private final AppContext context;
    private final LaserPointer laser;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private Theme themeBefore;
    private boolean navigatorBefore;
    private boolean controlsBefore;
    private boolean laserBefore;
    private boolean fullScreenBefore;
    private KeyCombination exitKeyBefore;
    private boolean leaving;
    private final javafx.beans.InvalidationListener fullScreenListener = this::onFullScreen;

    PresentationMode(AppShell shell, AppContext context, LaserPointer laser) {
        this.shell = shell;
        this.context = context;
        this.laser = laser;
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    public void toggle() {
        setActive(!isActive());
    }

    public void setActive(boolean on) {
        if (on == isActive()) {
            return;
        }
        if (on) {
            enter();
        } else {
            leave();
        }
    }

    private void enter() {
        themeBefore = context.themeProperty().get();
        navigatorBefore = shell.isNavigatorShown();
        controlsBefore = shell.isControlsShown();
        laserBefore = laser.enabledProperty().get();
        Stage stage = stage();
        fullScreenBefore = stage != null && stage.isFullScreen();
        active.set(true);
        context.themeProperty().set(Theme.PROJECTOR);
        shell.setNavigatorShown(false);
        laser.enabledProperty().set(true);
        if (stage != null) {
            exitKeyBefore = stage.getFullScreenExitKeyCombination();
            // Esc is ours while presenting (it leaves the tour first, then the presentation), so the window does not
            // leave full screen by itself.
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint(EXIT_HINT);
            stage.setFullScreen(true);
            stage.fullScreenProperty().addListener(fullScreenListener);
        }
    }

    private void onFullScreen(javafx.beans.Observable o) {
        Stage stage = stage();
        if (isActive() && !leaving && stage != null && !stage.isFullScreen()) {
            // The window left full screen some other way (the window manager, F11): the presentation ends with it.
            fullScreenBefore = false;
            leave();
        }
    }

    private void leave() {
        leaving = true;
        try {
            Stage stage = stage();
            if (stage != null) {
                stage.fullScreenProperty().removeListener(fullScreenListener);
                stage.setFullScreen(fullScreenBefore);
                stage.setFullScreenExitKeyCombination(exitKeyBefore);
                stage.setFullScreenExitHint(null);
            }
            context.themeProperty().set(themeBefore);
            if (shell.tour().isRunning()) {
                // The tour keeps the list hidden and puts it back when it ends.
                shell.tour().rememberNavigator(navigatorBefore);
                shell.setNavigatorShown(false);
            } else {
                shell.setNavigatorShown(navigatorBefore);
            }
            shell.setControlsShown(controlsBefore);
            laser.enabledProperty().set(laserBefore);
            active.set(false);
        } finally {
            leaving = false;
        }
    }

    /** F5 toggles; Esc leaves while presenting. True (and consumed) if {@code e} was one of them. */
    boolean handle(KeyEvent e) {
        if (e.getCode() == KeyCode.F5 && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
            toggle();
        } else if (e.getCode() == KeyCode.ESCAPE && isActive()) {
            leave();
        } else {
            return false;
        }
        e.consume();
        return true;
    }

    private Stage stage() {
        return shell.root().getScene() != null && shell.root().getScene().getWindow() instanceof Stage s ? s : null;
    }
}
