package org.classifierlab.app.render;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import org.classifierlab.core.knn.ConfusionMatrix;

/**
 * A confusion matrix as a grid of counts (rows: true class, columns: predicted class, an "undecided" column when
 * some test images had no prediction) with each class's accuracy at the end of its row; cells are shaded by their
 * share of the row and clicking one reports the images in it. Shared by the image lessons. FX thread only.
 */
public final class ConfusionGrid extends GridPane implements SvgChart {

    /** Receives a clicked cell: true class, predicted class (-1 undecided) and the indices of its images. */
    @FunctionalInterface
    public interface CellListener {
        void clicked(int truth, int predicted, int[] indices);
    }

    private CellListener onCell = (t, p, i) -> { };

    /** An empty grid with id {@code id}. */
    public ConfusionGrid(String id) {
        setId(id);
        getStyleClass().add("confusion-matrix");
    }

    /** Called when the user clicks a cell. */
    public void setOnCell(CellListener listener) {
        onCell = listener;
    }

    /** Removes every cell. */
    public void clear() {
        getChildren().clear();
    }

    /**
     * Shows {@code m} with class {@code names}; {@code truth} and {@code predicted} (one per image, -1 for
     * undecided) are what a clicked cell's images are picked from.
     */
    public void show(ConfusionMatrix m, List<String> names, int[] truth, int[] predicted) {
        getChildren().clear();
        int classes = m.classCount();
        boolean undecided = false;
        for (int t = 0; t < classes; t++) {
            undecided |= m.undecided(t) > 0;
        }
        int columns = classes + (undecided ? 1 : 0);
        Label corner = new Label("true ↓  predicted →");
        corner.getStyleClass().addAll("grid-cell", "header");
        add(corner, 0, 0);
        for (int c = 0; c < columns; c++) {
            add(rotated(c < classes ? names.get(c) : "undecided"), c + 1, 0);
        }
        add(rotated("class accuracy"), columns + 1, 0);
        for (int t = 0; t < classes; t++) {
            Label name = new Label(names.get(t));
            name.getStyleClass().addAll("grid-cell", "header");
            add(name, 0, t + 1);
            int support = m.support(t);
            for (int c = 0; c < columns; c++) {
                int p = c < classes ? c : -1;
                int count = m.count(t, p);
                Label cell = new Label(Integer.toString(count));
                cell.setId("confusion-" + t + "-" + (p < 0 ? "u" : Integer.toString(p)));
                cell.getStyleClass().add("confusion-cell");
                cell.getStyleClass().add(p == t ? "diagonal" : "off-diagonal");
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setMaxHeight(Double.MAX_VALUE);
                cell.setAlignment(Pos.CENTER);
                double share = support == 0 ? 0 : (double) count / support;
                double strength = Math.min(1, share * (p == t ? 1.4 : 2.5));
                cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s, %.3f);",
                        p == t ? "0, 114, 178" : "213, 94, 0", strength));
                if (strength > 0.6) {
                    cell.getStyleClass().add("strong");
                }
                int trueClass = t;
                cell.setTooltip(new Tooltip(String.format(Locale.ROOT, "%s predicted as %s: %d of %d", names.get(t),
                        p < 0 ? "undecided" : names.get(p), count, support)));
                cell.setOnMouseClicked(e -> onCell.clicked(trueClass, p, indices(truth, predicted, trueClass, p)));
                add(cell, c + 1, t + 1);
            }
            double acc = m.classAccuracy(t);
            Label a = new Label(Double.isNaN(acc) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * acc));
            a.setId("classAccuracy-" + t);
            a.getStyleClass().add("grid-cell");
            GridPane.setHalignment(a, HPos.RIGHT);
            add(a, columns + 1, t + 1);
        }
    }

    /**
     * The grid as SVG, as it is shown: each cell's shading as a rectangle and its text (class names, counts,
     * accuracies) as text, in the cell's place, font and colour; the column names stay rotated.
     */
    @Override
    public String toSvg() {
        SvgPen pen = new SvgPen(getWidth(), getHeight());
        pen.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        pen.setTextBaseline(VPos.CENTER);
        for (javafx.scene.Node n : getChildren()) {
            Label label = n instanceof Label l ? l
                    : n instanceof Group g && !g.getChildren().isEmpty() && g.getChildren().get(0) instanceof Label l ? l
                    : null;
            if (label == null || !n.isVisible()) {
                continue;
            }
            javafx.geometry.Bounds b = n.getBoundsInParent();
            javafx.scene.layout.Background bg = label.getBackground();
            if (bg != null && !bg.getFills().isEmpty() && bg.getFills().get(0).getFill() != null) {
                pen.setFill(bg.getFills().get(0).getFill());
                pen.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            }
            pen.setFill(label.getTextFill());
            pen.setFont(label.getFont());
            pen.save();
            pen.translate(b.getCenterX(), b.getCenterY());
            if (label.getRotate() != 0) {
                pen.rotate(label.getRotate());
            }
            pen.fillText(label.getText(), 0, 0);
            pen.restore();
        }
        return pen.toSvg();
    }

    private static Group rotated(String text) {
        Label h = new Label(text);
        h.getStyleClass().addAll("grid-cell", "header");
        h.setRotate(-90);
        Group g = new Group(h);
        GridPane.setHalignment(g, HPos.CENTER);
        GridPane.setValignment(g, VPos.BOTTOM);
        return g;
    }

    private static int[] indices(int[] truth, int[] predicted, int t, int p) {
        return IntStream.range(0, truth.length).filter(i -> truth[i] == t && predicted[i] == p).toArray();
    }
}
