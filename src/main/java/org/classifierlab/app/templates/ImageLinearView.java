package org.classifierlab.app.templates;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.linear.LinearFormat;
import org.classifierlab.app.linear.LogSlider;
import org.classifierlab.app.linear.LossHistoryChart;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.app.shell.FoldingPanel;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.TrainConfig;

/**
 * The "Linear classifier on images" lesson's window content: the panels as tabs in the middle (templates with the
 * loss curves and the ranking, one image's scores, confusion, hyperparameter search, algebraic viewpoint), the
 * training controls on the right. FX thread only.
 */
final class ImageLinearView extends BorderPane {

    private final ImageLinearViewModel vm;
    /** The least width of the tabs beside the training panel, in font sizes. */
    private static final double MAIN_MIN_EM = 44;
    private final TabPane tabs = new TabPane();
    private final TemplatesPanel templates;
    private final RankingPanel ranking;
    private final ScoresPanel scores;
    private final ConfusionPanel confusion;
    private final SearchPanel search;
    private final AlgebraicPanel algebra = new AlgebraicPanel();
    private final Map<ImageLoss, LossHistoryChart> charts = new EnumMap<>(ImageLoss.class);
    private final Map<ImageLoss, VBox> chartBoxes = new EnumMap<>(ImageLoss.class);
    private final Map<ImageLoss, Label> accuracy = new EnumMap<>(ImageLoss.class);
    private final HBox chartRow = new HBox(12);
    private final VBox trainingPicture;
    private final Tab templatesTab;
    private final Tab scoresTab;
    private final Tab confusionTab;
    private final Tab searchTab;
    private final Tab algebraTab;
    private final Label splits = new Label();
    private final Label status = new Label();
    private final LogSlider learningRate;
    private final LogSlider reg;

    ImageLinearView(AppContext context, ImageLinearViewModel vm, java.util.function.Consumer<Throwable> onError) {
        this.vm = vm;
        getStyleClass().add("image-linear");
        setId("imageLinear");
        templates = new TemplatesPanel(vm, onError);
        ranking = new RankingPanel(context);
        scores = new ScoresPanel(vm);
        confusion = new ConfusionPanel(context, vm);
        search = new SearchPanel(vm);
        for (ImageLoss l : ImageLoss.values()) {
            LossHistoryChart chart = new LossHistoryChart();
            chart.setId(l == ImageLoss.SVM ? "lossChartSvm" : "lossChartSoftmax");
            chart.setShowData(false);
            chart.setEmptyText("Train to start the loss curve");
            chart.setPrefSize(360, 170);
            chart.setMinHeight(150);
            Label title = new Label(l.label() + ": minibatch loss per iteration");
            title.getStyleClass().add("section-title");
            title.setWrapText(true);
            Label acc = new Label();
            acc.setId(l == ImageLoss.SVM ? "accuracySvm" : "accuracySoftmax");
            acc.getStyleClass().add("hint");
            acc.setWrapText(true);
            acc.setMaxWidth(Double.MAX_VALUE);
            VBox box = new VBox(2, title, chart, acc);
            box.setMinWidth(0);
            box.setPrefWidth(300);
            HBox.setHgrow(box, Priority.ALWAYS);
            charts.put(l, chart);
            chartBoxes.put(l, box);
            accuracy.put(l, acc);
        }
        trainingPicture = new VBox(10, chartRow, templates);
        trainingPicture.setId("trainingPicture");
        VBox trainingContent = new VBox(12, trainingPicture, ranking);
        trainingContent.setPadding(new Insets(6, 4, 6, 4));
        templatesTab = tab("Templates", "tabTemplates", scroll(trainingContent));
        scoresTab = tab("Scores of one image", "tabScores", scores);
        confusionTab = tab("Confusion", "tabConfusion", scroll(padded(confusion)));
        searchTab = tab("Hyperparameters", "tabSearch", padded(search));
        algebraTab = tab("Algebraic viewpoint", "tabAlgebra", scroll(padded(algebra)));
        tabs.setId("imageLinearTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(templatesTab, scoresTab, confusionTab, searchTab, algebraTab);
        setCenter(tabs);
        scoresTab.selectedProperty().addListener((o, was, on) -> scores.setShowing(on));

        TrainConfig d = TrainConfig.defaults(ImageLoss.SVM);
        learningRate = new LogSlider("learningRate", -9, -3, d.learningRate(), "Learning rate", v -> {
            if (!(v > 0)) {
                status.setText("The learning rate must be a number above 0.");
                return false;
            }
            vm.learningRateProperty().set(v);
            return true;
        });
        reg = new LogSlider("regularisation", 0, 6, d.reg(), "Regularisation strength", v -> {
            if (!(v >= 0)) {
                status.setText("The regularisation strength must be a number of at least 0.");
                return false;
            }
            vm.regProperty().set(v);
            return true;
        });
        ScrollPane controls = buildControls();
        // On a 1280 × 800 projector the training panel folds away so the tabs get the width (its handle opens it).
        FoldingPanel.install(this, controls, FoldingPanel.Edge.RIGHT, "Training", "showTraining",
                w -> w - FoldingPanel.width(controls) - status.getFont().getSize() * 2
                        >= status.getFont().getSize() * MAIN_MIN_EM);

        templates.setOnPick(this::rankFor);
        vm.liveProperty().addListener(o -> showProgress(true));
        vm.modelsProperty().addListener(o -> {
            showProgress(false);
            ranking.clear();
        });
        vm.modeProperty().addListener(o -> showProgress(false));
        vm.dataProperty().addListener(o -> splits.setText(splitText()));
        vm.messageProperty().addListener((o, a, m) -> status.setText(m));
        showProgress(false);
    }

    private static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    private static Node padded(Node n) {
        VBox box = new VBox(n);
        box.setPadding(new Insets(8));
        VBox.setVgrow(n, Priority.ALWAYS);
        return box;
    }

    private static ScrollPane scroll(Node n) {
        ScrollPane s = new ScrollPane(n);
        s.setFitToWidth(true);
        s.getStyleClass().add("edge-to-edge");
        return s;
    }

    private ScrollPane buildControls() {
        ComboBox<ImageLinearViewModel.Mode> mode =
                new ComboBox<>(FXCollections.observableArrayList(ImageLinearViewModel.Mode.values()));
        mode.setId("trainMode");
        mode.setConverter(ControlPanel.displayNames(ImageLinearViewModel.Mode::label));
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setMaxWidth(Double.MAX_VALUE);
        mode.setTooltip(new Tooltip("Both: SVM and softmax trained side by side from the same initial W"));
        mode.disableProperty().bind(vm.trainingProperty());
        Spinner<Integer> iterations = ControlPanel.intSpinner("iterations", 1, 100_000, vm.iterationsProperty().get());
        iterations.valueProperty().addListener((o, a, v) -> vm.iterationsProperty().set(v));
        Spinner<Integer> batch = ControlPanel.intSpinner("batchSize", 1, 10_000, vm.batchSizeProperty().get());
        batch.valueProperty().addListener((o, a, v) -> vm.batchSizeProperty().set(v));
        Spinner<Integer> seed = ControlPanel.intSpinner("seed", 0, 1_000_000, (int) vm.seedProperty().get());
        seed.valueProperty().addListener((o, a, v) -> vm.seedProperty().set(v));
        CheckBox bias = new CheckBox("Bias trick (a column of ones)");
        bias.setId("biasTrick");
        bias.selectedProperty().bindBidirectional(vm.biasTrickProperty());
        bias.setTooltip(new Tooltip("On: x gets a last entry 1 and W a last column b, as the notebooks. Off: a "
                + "separate bias vector b. Changing it prepares the images again and drops the models."));
        bias.disableProperty().bind(vm.trainingProperty());
        GridPane settings = ControlPanel.grid();
        settings.addRow(0, new Label("Loss"), mode);
        settings.addRow(1, new Label("Learning rate"), learningRate);
        settings.addRow(2, new Label("Regularisation"), reg);
        settings.addRow(3, new Label("Iterations"), iterations);
        settings.addRow(4, new Label("Batch size"), batch);
        settings.addRow(5, new Label("Seed"), seed);
        Label convention = new Label("Regularisation as the assignments write it: reg·ΣW², gradient 2·reg·W (with "
                + "the bias trick the bias column is regularised too, as in the notebooks). Minibatches drawn with "
                + "replacement; initial W = 0.0001·N(0, 1) from the seed.");
        convention.getStyleClass().add("hint");
        convention.setWrapText(true);
        convention.setId("regConvention");
        splits.setId("splitSizes");
        splits.getStyleClass().add("hint");
        splits.setWrapText(true);
        splits.setText(splitText());

        Button train = new Button("Train", AppIcon.RUN.node());
        train.setId("train");
        train.setTooltip(new Tooltip("Train from the initial W (R)"));
        train.setOnAction(e -> vm.train());
        train.disableProperty().bind(vm.trainingProperty().or(vm.dataProperty().isNull()));
        Button stop = new Button("Stop", AppIcon.STOP.node());
        stop.setId("stopTraining");
        stop.setTooltip(new Tooltip("Stop; the model reached so far is kept (R)"));
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(vm.trainingProperty().not());
        Button more = new Button("Continue", AppIcon.STEP.node());
        more.setId("continueTraining");
        more.setTooltip(new Tooltip("Train the current model(s) for the iterations set above (Space)"));
        more.setOnAction(e -> vm.continueTraining());
        more.disableProperty().bind(vm.trainingProperty().or(vm.dataProperty().isNull()));
        Button undo = ControlPanel.undoButton(vm::undo, vm.canUndoProperty());
        undo.setTooltip(new Tooltip("Back to the previous model (Ctrl+Z)"));
        Button redo = ControlPanel.redoButton(vm::redo, vm.canRedoProperty());
        for (Button b : List.of(train, stop, more)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        status.setId("trainingStatus");
        status.setWrapText(true);
        status.getStyleClass().add("warning-text");
        VBox readouts = new VBox(4);
        for (ImageLoss l : ImageLoss.values()) {
            Label r = new Label();
            r.setId(l == ImageLoss.SVM ? "readoutSvm" : "readoutSoftmax");
            r.setWrapText(true);
            r.textProperty().bind(accuracy.get(l).textProperty());
            r.visibleProperty().bind(chartBoxes.get(l).parentProperty().isNotNull());
            r.managedProperty().bind(r.visibleProperty());
            readouts.getChildren().add(r);
        }
        VBox panel = new VBox(8, ControlPanel.section("Training"), settings, bias, convention,
                new javafx.scene.layout.FlowPane(6, 6, train, stop, more),
                ControlPanel.row(undo, redo, new Label("previous / next model")), status, ControlPanel.section("Accuracy"), readouts,
                ControlPanel.section("Data"), splits);
        panel.getStyleClass().add("control-panel");
        panel.setId("imageLinearControls");
        return ControlPanel.scroller(panel, "image-linear-controls");
    }

    private String splitText() {
        String s = vm.splitDescription();
        if (s.isEmpty()) {
            return "No dataset loaded yet.";
        }
        return "Splits as CS231n A1 (proportional on smaller datasets): " + s + ". The mean training image is "
                + "subtracted; pixels as float32." + (vm.preparingProperty().get() ? " Preparing…" : "");
    }

    void rankFor(ImageLoss loss, int c) {
        ImageLinearViewModel.Models m = vm.modelsProperty().get();
        var model = vm.shownModels().get(loss);
        if (m == null || model == null || vm.datasetProperty().get() == null) {
            return;
        }
        ranking.rank(vm.datasetProperty().get().train(), m.data(), loss, model, c);
    }

    /** Loss curves and accuracies; while training the curves grow by the new iterations only. */
    private void showProgress(boolean live) {
        List<ImageLoss> losses = vm.modeProperty().get().losses();
        List<VBox> boxes = losses.stream().map(chartBoxes::get).toList();
        if (!chartRow.getChildren().equals(boxes)) {
            // Only when the losses change: live updates must not re-layout the row.
            chartRow.getChildren().setAll(boxes);
        }
        ImageLinearViewModel.Models m = vm.modelsProperty().get();
        ImageLinearViewModel.Live l = vm.liveProperty().get();
        for (ImageLoss loss : ImageLoss.values()) {
            LossHistoryChart chart = charts.get(loss);
            double[] curve = vm.lossCurve(loss);
            if (!live || chart.size() > curve.length) {
                chart.clear();
            }
            for (int i = chart.size(); i < curve.length; i++) {
                chart.add(i + 1, Double.NaN, curve[i]);
            }
            var snapshot = l == null ? null : l.snapshots().get(loss);
            ImageLinearViewModel.Trained t = m == null ? null : m.byLoss().get(loss);
            String text;
            if (snapshot != null) {
                text = String.format(Locale.ROOT, "%s: training, iteration %,d of %,d, loss %s", shortName(loss),
                        snapshot.iteration(), snapshot.iterations(), LinearFormat.number(snapshot.loss()));
                ImageLinearViewModel.LiveAccuracy a = l.accuracy().get(loss);
                if (a != null) {
                    text += String.format(Locale.ROOT, " · at iteration %,d: training accuracy %s (first %,d "
                            + "images) · validation accuracy %s", a.iteration(), percent(a.train()), a.trainRows(),
                            percent(a.validation()));
                }
            } else if (t != null) {
                text = String.format(Locale.ROOT, "%s: training accuracy %s · validation accuracy %s · %s", shortName(loss),
                        percent(t.trainAccuracy()), percent(t.validationAccuracy()), t.origin());
            } else {
                text = shortName(loss) + ": not trained yet";
            }
            accuracy.get(loss).setText(text);
        }
    }

    private static String shortName(ImageLoss l) {
        return l == ImageLoss.SVM ? "SVM" : "Softmax";
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** Larger type and images for the projector. */
    void setTheme(org.classifierlab.app.theme.Theme theme) {
        boolean large = theme == org.classifierlab.app.theme.Theme.PROJECTOR;
        templates.setLarge(large);
        ranking.setLarge(large);
        scores.setTheme(theme);
    }

    /** The picture of the tab on show, for File ▸ Export. */
    Node picture() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t == scoresTab) {
            return scores.picture();
        } else if (t == confusionTab) {
            return confusion.picture();
        } else if (t == searchTab) {
            return search.picture();
        } else if (t == algebraTab) {
            return algebra.picture();
        }
        return trainingPicture;
    }

    /** The chart of the tab on show that exports as SVG: the hyperparameter scatter, a score chart, the confusion grid. */
    org.classifierlab.app.render.SvgChart svgChart() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t == scoresTab) {
            return scores.firstChart();
        } else if (t == confusionTab) {
            return confusion.grid();
        }
        return search.scatter();
    }

    TabPane tabs() {
        return tabs;
    }

    Tab templatesTab() {
        return templatesTab;
    }

    Tab scoresTab() {
        return scoresTab;
    }

    Tab algebraTab() {
        return algebraTab;
    }

    TemplatesPanel templates() {
        return templates;
    }

    RankingPanel ranking() {
        return ranking;
    }

    ScoresPanel scores() {
        return scores;
    }

    ConfusionPanel confusion() {
        return confusion;
    }

    SearchPanel search() {
        return search;
    }

    AlgebraicPanel algebra() {
        return algebra;
    }

    LossHistoryChart chart(ImageLoss loss) {
        return charts.get(loss);
    }

    void dispose() {
        templates.dispose();
        ranking.dispose();
        confusion.dispose();
    }
}
