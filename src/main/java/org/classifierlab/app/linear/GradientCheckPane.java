package org.classifierlab.app.linear;

import java.util.List;
import java.util.function.Function;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.classifierlab.core.linear.GradientCheck;

/**
 * The gradient check: per parameter our analytic gradient, the centred difference, their relative error, and
 * the relative error the CS231n web demo's gradient (λW instead of 2λW for the regularisation) would have,
 * under a verdict line. FX thread only.
 */
final class GradientCheckPane extends VBox {

    /** Style class of a relative error the CS231n reading does not pass ({@link GradientCheck.Verdict}). */
    static final String BAD = "check-bad";

    private final Label verdict = new Label();
    private final Label demoVerdict = new Label();
    private final TableView<GradientCheck.Entry> table = new TableView<>();
    private final List<TextColumn<GradientCheck.Entry>> columns;

    GradientCheckPane() {
        getStyleClass().add("gradient-check");
        setId("gradientCheck");
        setSpacing(6);
        verdict.setId("gradientVerdict");
        verdict.getStyleClass().add("gradient-verdict");
        verdict.setWrapText(true);
        demoVerdict.setId("demoVerdict");
        demoVerdict.setWrapText(true);
        Label convention = new Label("Numerical: (L(θ + h) − L(θ − h)) / 2h with h = "
                + LinearFormat.scientific(GradientCheck.DEFAULT_STEP) + ". Relative error |a − n| / max(|a|, |n|, "
                + LinearFormat.scientific(GradientCheck.ZERO_SCALE) + "). Ours uses ∂(λΣW²)/∂W = 2λW; "
                + "the web demo adds λW, which the last column exposes as soon as λ > 0.");
        convention.getStyleClass().add("hint");
        convention.setWrapText(true);
        convention.setMinHeight(USE_PREF_SIZE);
        verdict.setMinHeight(USE_PREF_SIZE);
        demoVerdict.setMinHeight(USE_PREF_SIZE);
        table.setId("gradientCheckTable");
        table.setColumnResizePolicy(TextColumn.FIT_OR_SCROLL);
        table.setPlaceholder(new Label(
                "Press Check gradient (G) to compare the analytic gradient with finite differences."));
        columns = List.of(
                column("parameter", "W[c][d] or b[c]", GradientCheck.Entry::name, e -> null),
                column("analytic", "our gradient", e -> LinearFormat.fixed(e.analytic(), 6), e -> null),
                column("numerical", "centred finite difference", e -> LinearFormat.fixed(e.numeric(), 6), e -> null),
                column("rel. error", "relative error of our gradient",
                        e -> LinearFormat.scientific(e.relativeError()),
                        e -> GradientCheck.Verdict.of(e.relativeError()).passes() || e.nearZero() ? null : BAD),
                column("web demo's", "the web demo's gradient (λW instead of 2λW for W)",
                        e -> LinearFormat.fixed(e.demoAnalytic(), 6), e -> null),
                column("demo rel. error", "relative error of the web demo's gradient",
                        e -> LinearFormat.scientific(e.demoRelativeError()),
                        e -> GradientCheck.Verdict.of(e.demoRelativeError()).passes() || e.nearZero() ? null : BAD));
        table.getColumns().setAll(columns);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setMinHeight(90);
        getChildren().addAll(verdict, demoVerdict, table, convention);
        show(null, 0);
    }

    /** Shows {@code report} (null: not checked for the current state) computed with λ = {@code lambda}. */
    void show(GradientCheck.Report report, double lambda) {
        if (report == null) {
            table.getItems().clear();
            verdict.setText("Not checked for the current parameters: press Check gradient (G).");
            verdict.getStyleClass().removeAll(BAD, "check-good");
            demoVerdict.setText("");
            return;
        }
        table.getItems().setAll(report.entries());
        // Twenty-one rows at most: every text is measured.
        columns.forEach(TextColumn::fitToItems);
        GradientCheck.Verdict v = report.verdict();
        List<String> zeros = report.nearZeroNames();
        String zeroNote = zeros.isEmpty() ? "" : " " + String.join(", ", zeros) + ": both ≈ 0 (they differ by "
                + LinearFormat.scientific(report.maxNearZeroDifference()) + ", rounding).";
        verdict.setText("Largest relative error " + LinearFormat.scientific(report.maxRelativeError()) + ": "
                + v.meaning() + "." + zeroNote);
        verdict.getStyleClass().removeAll(BAD, "check-good");
        verdict.getStyleClass().add(v.passes() ? "check-good" : BAD);
        double demo = report.maxDemoRelativeError();
        demoVerdict.setText(lambda == 0
                ? "With λ = 0 the web demo's regularisation mistake does not show: set λ > 0 to see it."
                : "The web demo's gradient would have a largest relative error of " + LinearFormat.scientific(demo)
                        + (!GradientCheck.Verdict.of(demo).passes() ? ": wrong, because d(λW²)/dW is 2λW, not λW." : "."));
    }

    TableView<GradientCheck.Entry> table() {
        return table;
    }

    private static TextColumn<GradientCheck.Entry> column(String title, String tip,
            Function<GradientCheck.Entry, String> text, Function<GradientCheck.Entry, String> styleClass) {
        return new TextColumn<>(title, tip, text, styleClass);
    }
}
