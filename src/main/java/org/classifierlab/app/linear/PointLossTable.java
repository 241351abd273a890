package org.classifierlab.app.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.ToDoubleFunction;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.linear.LinearObjective;
import org.classifierlab.core.linear.LossFormulation;

/**
 * One row per point: its coordinates, class, the score of every class, and its loss under the selected
 * formulation and under the other family (hinge beside cross-entropy), a loss above 0 marked in red
 * ({@code -cl-loss-positive}). Numbers are never cut short: the table scrolls sideways instead. Selecting a row
 * selects the point. FX thread only.
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

    /** Relative column widths: the table shares its width out in these proportions (above each column's minimum). */
    private static final double NARROW = 40;
    private static final double NORMAL = 70;
    private static final double WIDE = 115;

    private final List<TextColumn<Row>> columns = new ArrayList<>();
    private int columnsForClasses = -1;
    private LossFormulation columnsForFormulation;
    private boolean selecting;

    PointLossTable(IntConsumer onSelect) {
        setId("pointTable");
        getStyleClass().add("point-loss-table");
        setColumnResizePolicy(TextColumn.FIT_OR_SCROLL);
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
        fitColumns(rows, classes);
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
        columns.clear();
        columns.add(column("#", "point number", r -> Integer.toString(r.index()), r -> null));
        columns.get(0).setPrefWidth(NARROW);
        columns.add(column("class", "the point's class y (→ the predicted class where the model gets it wrong)",
                r -> r.label() == r.predicted() ? Integer.toString(r.label()) : r.label() + " → " + r.predicted(),
                r -> r.label() == r.predicted() ? null : MISCLASSIFIED));
        columns.add(column("x", "x coordinate", r -> LinearFormat.fixed(r.x(), 2), r -> null));
        columns.add(column("y", "y coordinate", r -> LinearFormat.fixed(r.y(), 2), r -> null));
        for (int c = 0; c < classes; c++) {
            int k = c;
            columns.add(column("s" + c,
                    "score of class " + c + ": W[" + c + "]·x + b[" + c + "] (bold: the correct class)",
                    r -> LinearFormat.fixed(r.scores()[k], 2), r -> r.label() == k ? CORRECT : null));
        }
        LossFormulation other = formulation.otherFamily();
        columns.add(column("L_i " + shortName(formulation), "this point's loss under " + formulation.title()
                + " (the selected loss)", r -> LinearFormat.fixed(r.loss(), 3), r -> r.loss() > 0 ? POSITIVE : null));
        columns.add(column("L_i " + shortName(other), "the same point under " + other.title()
                + " (the other family, for comparison)", r -> LinearFormat.fixed(r.otherLoss(), 3),
                r -> r.otherLoss() > 0 ? POSITIVE : null));
        columns.get(columns.size() - 1).setPrefWidth(WIDE);
        columns.get(columns.size() - 2).setPrefWidth(WIDE);
        getColumns().setAll(columns);
    }

    /** A short column name for a formulation. */
    static String shortName(LossFormulation f) {
        return switch (f) {
            case WESTON_WATKINS -> "WW";
            case ONE_VS_ALL -> "OvA";
            case STRUCTURED -> "struct.";
            case SOFTMAX -> "CE";
        };
    }

    /**
     * Tells each column the widest text it will show: the row count for "#", the longest class entry, and for
     * numbers the one of largest magnitude (with a minus sign if any is negative), without formatting every row.
     */
    private void fitColumns(List<Row> rows, int classes) {
        int c = 0;
        columns.get(c++).fitTo(List.of(Integer.toString(Math.max(0, rows.size() - 1))));
        List<String> labels = new ArrayList<>();
        for (Row r : rows) {
            if (r.label() != r.predicted()) {
                labels.add(r.label() + " → " + r.predicted());
            }
        }
        labels.add(Integer.toString(classes - 1));
        columns.get(c++).fitTo(List.of(longest(labels)));
        columns.get(c++).fitTo(List.of(widestFixed(rows, Row::x, 2)));
        columns.get(c++).fitTo(List.of(widestFixed(rows, Row::y, 2)));
        for (int k = 0; k < classes; k++) {
            int cls = k;
            columns.get(c++).fitTo(List.of(widestFixed(rows, r -> r.scores()[cls], 2)));
        }
        columns.get(c++).fitTo(List.of(widestFixed(rows, Row::loss, 3)));
        columns.get(c).fitTo(List.of(widestFixed(rows, Row::otherLoss, 3)));
    }

    private static String longest(List<String> texts) {
        String best = texts.get(0);
        for (String t : texts) {
            if (t.length() > best.length()) {
                best = t;
            }
        }
        return best;
    }

    /** The widest text {@link LinearFormat#fixed} writes for any row's value: that of the largest magnitude. */
    private static String widestFixed(List<Row> rows, ToDoubleFunction<Row> value, int decimals) {
        double largest = 0;
        boolean negative = false;
        String widest = "";
        for (Row r : rows) {
            double v = value.applyAsDouble(r);
            if (Double.isFinite(v)) {
                largest = Math.max(largest, Math.abs(v));
                negative |= v < 0;
            } else if (LinearFormat.fixed(v, decimals).length() > widest.length()) {
                widest = LinearFormat.fixed(v, decimals);
            }
        }
        String number = LinearFormat.fixed(negative ? -largest : largest, decimals);
        return number.length() >= widest.length() ? number : widest;
    }

    private static TextColumn<Row> column(String title, String tip, Function<Row, String> text,
            Function<Row, String> styleClass) {
        TextColumn<Row> col = new TextColumn<>(title, tip, text, styleClass);
        col.setId("col-" + title.replace(' ', '-'));
        col.setPrefWidth(NORMAL);
        return col;
    }
}
