package org.classifierlab.app.loss;

import static org.classifierlab.app.loss.LossFormat.number;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.classifierlab.core.linear.SoftmaxLoss;

/**
 * The softmax pipeline of the explored example, one row per class as on the slide: scores s, the naive
 * exp(s) (∞ where it overflows a double), the shift s − max, exp(s − max), the probabilities, their sums and
 * the loss −log p_y. The numbers are core's {@link SoftmaxLoss.Result}. FX thread only.
 */
final class SoftmaxPipelineTable extends VBox {

    private static final String[] HEADERS = {"class", "s", "exp(s)", "s − max", "exp(s − max)", "p"};

    private final LabelGrid grid = new LabelGrid("pipeline-grid", 1);
    private final Label shiftNote = new Label();
    private final Label lossLine = new Label();

    SoftmaxPipelineTable() {
        getStyleClass().add("softmax-pipeline");
        setId("softmaxPipeline");
        Label title = new Label("Softmax cross-entropy");
        title.getStyleClass().add("panel-title");
        Label steps = new Label("scores → exp → normalise → −log p_y");
        steps.getStyleClass().add("formula");
        steps.setWrapText(true);
        shiftNote.setWrapText(true);
        shiftNote.setId("shiftNote");
        lossLine.getStyleClass().add("final-loss");
        lossLine.setId("pipelineLoss");
        lossLine.setWrapText(true);
        getChildren().addAll(title, steps, LabelGrid.scrolling(grid), shiftNote, lossLine);
    }

    /** The width the grid needs to show every column in full. */
    double gridWidth() {
        return grid.prefWidth(-1);
    }

    void show(LossReadout r) {
        LossExample e = r.example();
        SoftmaxLoss.Result s = r.softmax();
        int c = e.classCount();
        int y = e.correct();
        grid.ensure(c + 2, HEADERS.length);
        for (int k = 0; k < HEADERS.length; k++) {
            grid.set(0, k, HEADERS[k], "header");
        }
        for (int j = 0; j < c; j++) {
            String[] row = j == y ? new String[] {"correct-row"} : new String[0];
            grid.set(j + 1, 0, LabelGrid.shortName(e.className(j)) + (j == y ? "  (y)" : ""), row);
            grid.set(j + 1, 1, LossFormat.score(e.score(j)), row);
            double naive = s.unshiftedExp(j);
            if (Double.isInfinite(naive)) {
                grid.set(j + 1, 2, "∞ (overflow)", "overflow");
            } else if (naive == 0) {
                grid.set(j + 1, 2, "0 (underflow)", j == y ? "correct-row" : "muted");
            } else {
                grid.set(j + 1, 2, number(naive), row);
            }
            grid.set(j + 1, 3, LossFormat.score(s.shifted()[j]), row);
            grid.set(j + 1, 4, s.exps()[j] == 0 ? "0 (underflow)" : number(s.exps()[j]), row);
            grid.set(j + 1, 5, number(s.probabilities()[j]), row);
        }
        double naiveSum = r.unshiftedExpSum();
        grid.set(c + 1, 0, "Σ", "sum-row");
        grid.set(c + 1, 1, "", "sum-row");
        grid.set(c + 1, 2, Double.isInfinite(naiveSum) ? "∞" : number(naiveSum),
                Double.isInfinite(naiveSum) ? "overflow" : "sum-row");
        grid.set(c + 1, 3, "", "sum-row");
        grid.set(c + 1, 4, number(s.sumExps()), "sum-row");
        grid.set(c + 1, 5, "1", "sum-row");

        String max = LossFormat.score(s.max());
        if (r.anyOverflow()) {
            shiftNote.setText("exp(s) overflows a double (above ≈ exp(709.8)), and p = ∞/∞ would be NaN. "
                    + "Shifted by max = " + max + ", every exp is ≤ 1 and the probabilities are the same.");
            shiftNote.getStyleClass().setAll("label", "overflow-note");
        } else {
            shiftNote.setText("Shifting every score by max = " + max + " leaves p unchanged and keeps exp finite.");
            shiftNote.getStyleClass().setAll("label", "hint");
        }
        String py = "p_" + e.correctName();
        double p = s.probabilities()[y];
        if (p > 0) {
            lossLine.setText("L = −log " + py + " = −log(" + number(p) + ") = " + number(r.crossEntropy()));
        } else {
            lossLine.setText(py + " underflows to 0, yet L = log Σ exp(s − max) − (s_y − max) = log("
                    + number(s.sumExps()) + ") − (" + LossFormat.score(s.shifted()[y]) + ") = "
                    + number(r.crossEntropy()));
        }
    }
}
