package org.classifierlab.app.loss;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * A grid of labels that keeps its nodes while only the texts change (a drag updates it every frame), and
 * rebuilds them when the number of rows or columns changes. FX thread only.
 */
final class LabelGrid extends GridPane {

    /** Longest class name a grid shows in full; longer ones end in "…" (the bar chart's tooltip has them). */
    static final int NAME_CHARS = 16;

    private final List<List<Label>> cells = new ArrayList<>();
    private final int leftColumns;
    private int columns = -1;

    /** A grid whose first {@code leftColumns} columns are left-aligned and the others right-aligned (numbers). */
    LabelGrid(String styleClass, int leftColumns) {
        getStyleClass().add(styleClass);
        this.leftColumns = leftColumns;
    }

    /** {@code name}, shortened to {@link #NAME_CHARS} characters. */
    static String shortName(String name) {
        return name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS - 1) + "…";
    }

    /** Makes the grid {@code rows × cols}. */
    void ensure(int rows, int cols) {
        if (rows == cells.size() && cols == columns) {
            return;
        }
        getChildren().clear();
        cells.clear();
        columns = cols;
        List<ColumnConstraints> constraints = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c < leftColumns ? HPos.LEFT : HPos.RIGHT);
            cc.setMinWidth(USE_PREF_SIZE);
            constraints.add(cc);
        }
        getColumnConstraints().setAll(constraints);
        for (int r = 0; r < rows; r++) {
            List<Label> row = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                Label l = new Label();
                l.setMinWidth(USE_PREF_SIZE);
                l.setMaxWidth(Double.MAX_VALUE);
                l.setAlignment(c < leftColumns ? Pos.CENTER_LEFT : Pos.CENTER_RIGHT);
                l.getStyleClass().add("grid-cell");
                add(l, c, r);
                row.add(l);
            }
            cells.add(row);
        }
    }

    /** {@code grid} in a pane that scrolls sideways when the grid is wider than the room it gets. */
    static ScrollPane scrolling(LabelGrid grid) {
        ScrollPane pane = new ScrollPane(grid) {
            // Room for the scroll bar below the grid when it has to scroll, so it never hides the last row.
            @Override
            protected double computePrefHeight(double width) {
                double h = grid.prefHeight(-1) + snappedTopInset() + snappedBottomInset();
                double w = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
                if (w > 0 && grid.prefWidth(-1) > w + 0.5) {
                    h += lookupAll(".scroll-bar").stream()
                            .filter(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL)
                            .mapToDouble(n -> ((ScrollBar) n).prefHeight(-1)).findFirst().orElse(14);
                }
                return h;
            }
        };
        pane.getStyleClass().add("grid-scroll");
        pane.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        pane.setFitToHeight(true);
        pane.setMinWidth(0);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        return pane;
    }

    Label cell(int row, int col) {
        return cells.get(row).get(col);
    }

    /** Sets a cell's text and which of the given state classes it carries. */
    void set(int row, int col, String text, String... styleClasses) {
        Label l = cell(row, col);
        l.setText(text);
        l.getStyleClass().removeAll(STATES);
        l.getStyleClass().addAll(styleClasses);
    }

    /** Style classes a cell may carry; {@link #set} replaces them. */
    static final List<String> STATES = List.of("header", "correct-row", "violated", "satisfied", "overflow",
            "sum-row", "muted");
}
