package org.classifierlab.app.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Keys the point lessons read alike. FX thread only. */
public final class LessonKeys {

    private LessonKeys() {
    }

    /**
     * Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo; digit n (1 … classes, without Ctrl or Alt) makes class n − 1
     * the class of new points and of the selected point. True if {@code e} was one of them: it has then been acted
     * on and consumed.
     */
    public static boolean editKeys(KeyEvent e, PointEditing points) {
        if (undoRedo(e, points::undo, points::redo)) {
            return true;
        }
        KeyCode code = e.getCode();
        if (e.isShortcutDown() || e.isAltDown() || !code.isDigitKey() || digit(code) < 1
                || digit(code) > points.classCount()) {
            return false;
        }
        int c = digit(code) - 1;
        points.addClassProperty().set(c);
        int selected = points.selectedPoint();
        if (selected >= 0) {
            points.relabel(selected, c);
        }
        e.consume();
        return true;
    }

    /** Ctrl+Z runs {@code undo}, Ctrl+Shift+Z and Ctrl+Y run {@code redo}; true (and consumed) if {@code e} was one. */
    public static boolean undoRedo(KeyEvent e, Runnable undo, Runnable redo) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.Z) {
            if (e.isShiftDown()) {
                redo.run();
            } else {
                undo.run();
            }
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.Y) {
            redo.run();
        } else {
            return false;
        }
        e.consume();
        return true;
    }

    /** The digit a digit key (main row or keypad) stands for, -1 for other keys. */
    public static int digit(KeyCode code) {
        String name = code.getName();
        char c = name.charAt(name.length() - 1);
        return Character.isDigit(c) ? c - '0' : -1;
    }
}
