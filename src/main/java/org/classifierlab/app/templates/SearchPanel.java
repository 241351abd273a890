package org.classifierlab.app.templates;

import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.linear.LinearFormat;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.core.linear.image.HyperparameterSearch;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.SearchGrid;
import org.classifierlab.core.linear.image.SearchPoint;

/**
 * The notebooks' hyperparameter search: a grid of learning rates × regularisation strengths for one loss, each
 * setting trained and scored on the training and validation splits (a job in the status bar), shown as the
 * notebooks' scatter; clicking a dot makes that setting's model the loss's model (undoable). FX thread only.
 */
final class SearchPanel extends VBox {

    /** The grids offered: each notebook's, and a wider one of half decades for a fuller picture. */
    static List<SearchGrid> grids(ImageLoss loss) {
        double[] lrs = {1e-8, 3.16e-8, 1e-7, 3.16e-7, 1e-6, 3.16e-6, 1e-5};
        double[] regs = {1e2, 1e3, 3.16e3, 1e4, 2.5e4, 5e4, 1e5};
        return List.of(SearchGrid.notebook(loss), new SearchGrid(lrs, regs, "wider grid, 7 × 7 (half decades)"));
    }

    private final ImageLinearViewModel vm;
    private final ComboBox<ImageLoss> loss = new ComboBox<>(FXCollections.observableArrayList(ImageLoss.values()));
    private final ComboBox<SearchGrid> grid = new ComboBox<>();
    private final Spinner<Integer> iterations = ControlPanel.intSpinner("searchIterations", 1, 100_000, 1500);
    private final SearchScatter scatter = new SearchScatter();
    private final Label summary = new Label("Each setting trains a model with the batch size and seed of the "
            + "training settings; the best validation accuracy is ringed. Click a dot to use its model.");
    private final VBox picture;

    SearchPanel(ImageLinearViewModel vm) {
        super(8);
        this.vm = vm;
        setId("searchPanel");
        setPadding(new Insets(4));
        loss.setId("searchLoss");
        loss.setConverter(ControlPanel.displayNames(ImageLoss::label));
        loss.setValue(ImageLoss.SVM);
        grid.setId("searchGrid");
        grid.setConverter(ControlPanel.displayNames(g -> g.name() + " (" + describe(g) + ")"));
        loss.valueProperty().addListener((o, a, l) -> fillGrids());
        fillGrids();
        iterations.setTooltip(new Tooltip("Iterations per setting (the notebooks use 1,500)"));
        Button run = new Button("Run the search", AppIcon.RUN.node());
        run.setId("runSearch");
        run.setOnAction(e -> vm.search(loss.getValue(), grid.getValue(), iterations.getValue()));
        run.disableProperty().bind(vm.searchingProperty().or(vm.trainingProperty()).or(vm.dataProperty().isNull()));
        Button stop = new Button("Stop", AppIcon.STOP.node());
        stop.setId("stopSearch");
        stop.setOnAction(e -> vm.stopSearch());
        stop.disableProperty().bind(vm.searchingProperty().not());
        FlowPane bar = new FlowPane(14, 6, ControlPanel.row(new Label("Loss"), loss),
                ControlPanel.row(new Label("Grid"), grid), ControlPanel.row(new Label("Iterations"), iterations),
                ControlPanel.row(run, stop));
        summary.setWrapText(true);
        summary.setId("searchSummary");
        scatter.setId("searchScatter");
        VBox.setVgrow(scatter, Priority.ALWAYS);
        picture = new VBox(6, scatter, summary);
        VBox.setVgrow(picture, Priority.ALWAYS);
        getChildren().addAll(bar, picture);
        scatter.setOnPick(p -> {
            ImageLoss l = vm.searchLossProperty().get();
            if (l != null) {
                vm.load(p, l);
                summary.setText(String.format(Locale.ROOT, "Loaded the %s model of lr %s, reg %s: training %.1f%%, "
                        + "validation %.1f%% (Ctrl+Z goes back).", l == ImageLoss.SVM ? "SVM" : "softmax",
                        LinearFormat.number(p.learningRate()), LinearFormat.number(p.reg()), 100 * p.trainAccuracy(),
                        100 * p.validationAccuracy()));
            }
        });
        vm.searchPointsProperty().addListener((o, a, pts) -> showPoints(pts));
        vm.searchingProperty().addListener(o -> showPoints(vm.searchPointsProperty().get()));
    }

    private static String describe(SearchGrid g) {
        return g.learningRates().length + " learning rates × " + g.regs().length + " regularisations";
    }

    private void fillGrids() {
        grid.getItems().setAll(grids(loss.getValue()));
        grid.setValue(grid.getItems().get(0));
    }

    private void showPoints(List<SearchPoint> pts) {
        SearchPoint best = pts.isEmpty() ? null : HyperparameterSearch.best(pts);
        scatter.show(pts, best);
        if (best != null) {
            summary.setText(String.format(Locale.ROOT, "%d settings%s. Best validation accuracy %.1f%% at lr %s, "
                    + "reg %s (training %.1f%%). Click a dot to use its model.", pts.size(),
                    vm.searchingProperty().get() ? " so far" : "", 100 * best.validationAccuracy(),
                    LinearFormat.number(best.learningRate()), LinearFormat.number(best.reg()), 100 * best.trainAccuracy()));
        }
    }

    SearchScatter scatter() {
        return scatter;
    }

    VBox picture() {
        return picture;
    }
}
