package org.classifierlab.app.loss;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.classifierlab.core.linear.HingeLoss;

/**
 * The hinge loss of the explored example term by term: {@code max(0, s_j − s_y + Δ)} for every class that
 * counts, with the numbers substituted and core's value of each term, then the total. FX thread only.
 */
final class HingeBreakdown extends VBox {

    private final Label title = new Label();
    private final Label formula = new Label();
    private final LabelGrid grid = new LabelGrid("hinge-grid", 2);
    private final Label total = new Label();

    HingeBreakdown() {
        getStyleClass().add("hinge-breakdown");
        setId("hingeBreakdown");
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        total.getStyleClass().add("final-loss");
        total.setId("hingeTotal");
        total.setWrapText(true);
        formula.getStyleClass().add("formula");
        formula.setWrapText(true);
        getChildren().addAll(title, formula, LabelGrid.scrolling(grid), total);
    }

    /** The width the grid needs to show every column in full. */
    double gridWidth() {
        return grid.prefWidth(-1);
    }

    void show(LossReadout r) {
        LossExample e = r.example();
        HingeLoss.Options o = r.options();
        HingeLoss.Result h = r.hinge();
        title.setText((o.squared() ? "Squared hinge (SVM)" : "Hinge (SVM)") + ",  Δ = " + LossFormat.score(o.delta()));
        formula.setText("L = " + HingeFormula.symbolic(o));
        List<Integer> js = HingeFormula.termClasses(e, o);
        grid.ensure(js.size(), 3);
        StringBuilder sum = new StringBuilder();
        for (int i = 0; i < js.size(); i++) {
            int j = js.get(i);
            String state = h.violated(j) ? "violated" : "satisfied";
            grid.set(i, 0, LabelGrid.shortName(e.className(j)) + (j == e.correct() ? " (y)" : ""));
            grid.set(i, 1, HingeFormula.term(e, o, j));
            grid.set(i, 2, "= " + LossFormat.score(h.terms()[j]), state);
            sum.append(i == 0 ? "" : " + ").append(LossFormat.score(h.terms()[j]));
        }
        String value = o.mean() ? "(" + sum + ") / " + js.size() : sum.toString();
        total.setText("L = " + value + " = " + LossFormat.number(h.loss()));
    }
}
