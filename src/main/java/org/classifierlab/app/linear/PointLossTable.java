package org.classifierlab.app.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.linear.LinearObjective;
import org.classifierlab.core.linear.LossFormulation;

/**
 * One row per point: its coordinates, class, the score of every class, and its loss under the selected
 * formulation and under the other family (hinge beside cross-entropy), a loss above 0 marked in the warning
 * colour. Selecting a row selects the point. FX thread only.
 */
final class PointLossTable extends TableView<PointLossTable.Row> {

    /** Style class of a loss cell whose value is above zero. */
    static final String POSITIVE = "loss-positive";
    /** Style class of the correct class's score. */
    static final String CORRECT = "correct-score";
    /** Style class of a point the model gets wrong. */
    static final String MISCLASSIFIED = "misclassified";

    /** One point's numbers. */
    record Row(int index, double x, double y, int label, int predicted, double[] scores, double loss,
            double otherLoss) {
    }

    /** Relative column widths: the table shares its width out in these proportions. */
    private static final double NARROW = 40;
    private static final double NORMAL = 70;
    private static final double WIDE = 115;

    private int columnsForClasses = -1;
    private LossFormulation columnsForFormulation;
    private boolean selecting;

    PointLossTable(IntConsumer onSelect) {
        setId("pointTable");
        getStyleClass().add("point-loss-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        setPlaceholder(new Label("No points: click on the canvas to add some."));
        getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!selecting) {
                onSelect.accept(i.intValue());
            }
        });
    }

    /** Shows the numbers of {@code points} under {@code evaluation} and {@code other}, and selects {@code selected}. */
    void show(LabeledPoints points, LinearObjective.Evaluation evaluation, LinearObjective.Evaluation other,
            LossFormulation formulation, int selected) {
        int classes = points.classCount();
        if (classes != columnsForClasses || formulation != columnsForFormulation) {
            buildColumns(classes, formulation);
        }
        List<Row> rows = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            rows.add(new Row(i, points.x(i), points.y(i), points.label(i), evaluation.predicted(i),
                    evaluation.scores()[i], evaluation.losses()[i], other.losses()[i]));
        }
        selecting = true;
        try {
            getItems().setAll(rows);
            if (selected >= 0 && selected < rows.size()) {
                getSelectionModel().clearAndSelect(selected);
            } else {
                getSelectionModel().clearSelection();
            }
        } finally {
            selecting = false;
        }
    }

    /** Scrolls so that row {@code index} is visible. */
    void reveal(int index) {
        if (index >= 0 && index < getItems().size()) {
            scrollTo(Math.max(0, index - 2));
        }
    }

    private void buildColumns(int classes, LossFormulation formulation) {
        columnsForClasses = classes;
        columnsForFormulation = formulation;
        List<TableColumn<Row, Row>> cols = new ArrayList<>();
        cols.add(column("#", "point number", r -> Integer.toString(r.index()), r -> null));
        cols.get(0).setPrefWidth(NARROW);
        cols.add(column("class", "the point's class y (→ the predicted class where the model gets it wrong)",
                r -> r.label() == r.predicted() ? Integer.toString(r.label()) : r.label() + " → " + r.predicted(),
                r -> r.label() == r.predicted() ? null : MISCLASSIFIED));
        cols.add(column("x", "x coordinate", r -> LinearFormat.fixed(r.x(), 2), r -> null));
        cols.add(column("y", "y coordinate", r -> LinearFormat.fixed(r.y(), 2), r -> null));
        for (int c = 0; c < classes; c++) {
            int k = c;
            cols.add(column("s" + c,
                    "score of class " + c + ": W[" + c + "]·x + b[" + c + "] (bold: the correct class)",
                    r -> LinearFormat.fixed(r.scores()[k], 2), r -> r.label() == k ? CORRECT : null));
        }
        LossFormulation other = formulation.otherFamily();
        cols.add(column("L_i " + shortName(formulation), "this point's loss under " + formulation.title()
                + " (the selected loss)", r -> LinearFormat.fixed(r.loss(), 3), r -> r.loss() > 0 ? POSITIVE : null));
        cols.add(column("L_i " + shortName(other), "the same point under " + other.title()
                + " (the other family, for comparison)", r -> LinearFormat.fixed(r.otherLoss(), 3),
                r -> r.otherLoss() > 0 ? POSITIVE : null));
        cols.get(cols.size() - 1).setPrefWidth(WIDE);
        cols.get(cols.size() - 2).setPrefWidth(WIDE);
        getColumns().setAll(cols);
    }

    /** A short column name for a formulation. */
    static String shortName(LossFormulation f) {
        return switch (f) {
            case WESTON_WATKINS -> "WW";
            case ONE_VS_ALL -> "OvA";
            case STRUCTURED -> "struct.";
            case SOFTMAX -> "softmax";
        };
    }

    private static TableColumn<Row, Row> column(String title, String tip, Function<Row, String> text,
            Function<Row, String> styleClass) {
        TableColumn<Row, Row> col = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        col.setGraphic(header);
        col.setId("col-" + title.replace(' ', '-'));
        col.setSortable(false);
        col.setReorderable(false);
        col.setPrefWidth(NORMAL);
        col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(POSITIVE, CORRECT, MISCLASSIFIED);
                if (empty || row == null) {
                    setText(null);
                } else {
                    setText(text.apply(row));
                    String extra = styleClass.apply(row);
                    if (extra != null) {
                        getStyleClass().add(extra);
                    }
                }
            }
        });
        return col;
    }
}
