package org.classifierlab.app.shell;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;

/**
 * Text the user is still typing (a score, Δ, K in a spinner's editor) is committed by its field when the field
 * loses the focus or on Enter. Saving a scene with Ctrl+S does neither, so {@link #commit} takes the focus away
 * from the field for a moment (its commit runs) and gives it back. FX thread only.
 */
final class PendingEdits {

    private PendingEdits() {
    }

    /** Commits the text being edited in {@code scene}'s focused text field, if any, and keeps the focus there. */
    static void commit(Scene scene) {
        if (scene == null || !(scene.getFocusOwner() instanceof TextInputControl field) || !field.isEditable()) {
            return;
        }
        Node root = scene.getRoot();
        root.requestFocus();
        if (field.getScene() == scene && field.isVisible() && !field.isDisabled()) {
            int caret = field.getCaretPosition();
            field.requestFocus();
            field.positionCaret(Math.min(caret, field.getLength()));
        }
    }
}
