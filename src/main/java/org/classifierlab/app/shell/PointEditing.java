package org.classifierlab.app.shell;

import javafx.beans.property.IntegerProperty;

/**
 * A lesson model whose points the user edits with the keys the point lessons share: undo and redo, the class new
 * points get, relabelling the selected point. FX thread only.
 */
public interface PointEditing {

    void undo();

    void redo();

    /** The class (0-based) a new point gets. */
    IntegerProperty addClassProperty();

    /** Number of classes of the points. */
    int classCount();

    /** Number of points. */
    int pointCount();

    /** The selected point's index (-1: none; {@link #selectedPoint()} checks it against {@link #pointCount()}). */
    IntegerProperty selectedProperty();

    /** Index of the selected point, or -1 when no point is selected. */
    default int selectedPoint() {
        int i = selectedProperty().get();
        return i >= 0 && i < pointCount() ? i : -1;
    }

    /** Gives point {@code index} class {@code label} (an undoable edit). */
    void relabel(int index, int label);
}
