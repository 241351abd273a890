package org.classifierlab.app.linear;

import static org.classifierlab.app.shell.ControlPanel.displayNames;
import static org.classifierlab.app.shell.ControlPanel.grid;
import static org.classifierlab.app.shell.ControlPanel.row;
import static org.classifierlab.app.shell.ControlPanel.section;
import static org.classifierlab.app.shell.ControlPanel.valueLabel;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.render.Marker;
import org.classifierlab.app.render.RegionPalette;
import org.classifierlab.app.shell.ClassSwatches;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.app.shell.LessonKeys;
import org.classifierlab.app.shell.ShortcutOverlay;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.linear.LinearModel;
import org.classifierlab.core.linear.LinearObjective;
import org.classifierlab.core.linear.LinearScene;
import org.classifierlab.core.linear.LossFormulation;

/**
 * The linear-classifier lesson's view: the canvas with the loss tables, chart, landscape and gradient check
 * below it, the control panel on the right. Turns mouse and keyboard input into view-model commands and
 * view-model changes into redraws (at most one per pulse) and region requests (off the FX thread).
 * FX thread only.
 */
final class LinearClassifierView extends BorderPane {

    /** The regularisation convention, as the UI states it. */
    static final String REGULARISATION = "R(W) = λ Σ W², biases not regularised, ∂R/∂W = 2λW";
    static final String TOTAL_LOSS_STYLE = "total-loss";

    private final LinearClassifierViewModel vm;
    private final LinearCanvas canvas = new LinearCanvas();
    private final LinearRegionsRenderer renderer;
    private final PointLossTable table;
    private final ParameterGrid parameters;
    private final GradientCheckPane checkPane = new GradientCheckPane();
    private final LossHistoryChart history = new LossHistoryChart();
    private final LossLandscapeView landscape;
    private final TabPane tabs = new TabPane();
    private final Tab landscapeTab;
    private final Tab checkTab;

    private final Label totalLoss = valueLabel("totalLoss");
    private final Label dataLoss = valueLabel("dataLoss");
    private final Label regLoss = valueLabel("regLoss");
    private final Label accuracy = valueLabel("accuracy");
    private final Label iterationLabel = new Label();
    private final Label formulaText = new Label();
    private final Label message = new Label();
    private final Label pointCount = new Label();
    private final ClassSwatches swatches;
    private final CheckBox shading = new CheckBox("Shade by the winner's softmax probability");
    private final CheckBox boundaries = new CheckBox("Decision boundaries");
    private final Spinner<Integer> classCount;
    private final LogSlider lambdaSlider;
    private final CheckBox regularise = new CheckBox();
    private boolean syncing;

    private RegionPalette palette;
    private boolean refreshScheduled;
    private int swatchesFor = -1;

    private LinearCanvas.Hit drag;
    private LinearCanvas.Hit hover;
    private double anchorX;
    private double anchorY;
    private double grabX;
    private double grabY;
    private double[] rowAtGrab;
    private boolean pressOnEmpty;
    private double pressX;
    private double pressY;

    LinearClassifierView(LinearClassifierViewModel vm, Consumer<LinearRegionsRenderer.Result> onRegions,
            Consumer<Throwable> onError) {
        this.vm = vm;
        getStyleClass().add("linear-classifier");
        renderer = new LinearRegionsRenderer(canvas.regionsView(), onRegions, onError);
        landscape = new LossLandscapeView(onError);
        landscape.setOnPick((a, b) -> vm.setParameters(landscape.parameterAProperty().get(), a,
                landscape.parameterBProperty().get(), b));
        table = new PointLossTable(i -> vm.selectedProperty().set(i));
        parameters = new ParameterGrid(vm, canvas.style());
        classCount = new Spinner<>(LinearScene.MIN_CLASSES, LinearScene.MAX_CLASSES, vm.scene().classCount());
        swatches = new ClassSwatches(vm.addClassProperty(), 0,
                c -> Marker.forClass(c).icon(canvas.style().classColor(c), canvas.style().pointStroke()),
                c -> "A click on the canvas adds a point of class " + c + " (key " + (c + 1) + ")");
        lambdaSlider = new LogSlider("lambda", -5, 1, Math.max(1e-5, vm.lambdaProperty().get()),
                "Regularisation strength λ", this::applyLambda);

        Tab pointsTab = new Tab("Points", table);
        pointsTab.setId("pointsTab");
        Tab historyTab = new Tab("Loss curve", history);
        historyTab.setId("historyTab");
        landscapeTab = new Tab("Landscape", landscape);
        landscapeTab.setId("landscapeTab");
        checkTab = new Tab("Gradient check", checkPane);
        checkTab.setId("checkTab");
        tabs.getTabs().setAll(pointsTab, historyTab, landscapeTab, checkTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("linearTabs");
        tabs.getStyleClass().add("linear-tabs");
        tabs.setMinHeight(120);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> scheduleRefresh());

        SplitPane split = new SplitPane(canvas, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(tabs, false);
        setCenter(split);
        setRight(ControlPanel.scroller(buildControlPanel(), "linear-controls"));

        canvas.setOnGeometryChanged(this::scheduleRefresh);
        canvas.setOnStyleChanged(() -> {
            palette = null;
            swatchesFor = -1;
            parameters.refreshSwatches();
            scheduleRefresh();
        });
        shading.selectedProperty().addListener(o -> {
            palette = null;
            scheduleRefresh();
        });
        boundaries.selectedProperty().addListener(o -> {
            palette = null;
            scheduleRefresh();
        });
        installMouse();
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);

        vm.evaluationProperty().addListener(o -> scheduleRefresh());
        vm.selectedProperty().addListener((o, a, i) -> {
            scheduleRefresh();
            // A point picked on the canvas scrolls its row into view (after the refresh has selected it);
            // a row picked in the table is already in view.
            if (table.getSelectionModel().getSelectedIndex() != i.intValue()) {
                Platform.runLater(() -> table.reveal(i.intValue()));
            }
        });
        vm.gradientCheckProperty().addListener((o, a, r) -> checkPane.show(r, vm.lambdaProperty().get()));
        vm.iterationProperty().addListener((o, a, i) -> {
            if (i.intValue() > 0) {
                LinearObjective.Evaluation e = vm.evaluation();
                history.add(i.intValue(), e.dataLoss(), e.totalLoss());
                landscape.addPathPoint(vm.scene().model());
            }
        });
        vm.trajectoryProperty().addListener(o -> startPath());
        vm.messageProperty().addListener((o, a, m) -> showMessage(m));
        startPath();
        showMessage("");
        refresh();
    }

    LinearCanvas canvas() {
        return canvas;
    }

    LinearRegionsRenderer renderer() {
        return renderer;
    }

    PointLossTable table() {
        return table;
    }

    ParameterGrid parameters() {
        return parameters;
    }

    GradientCheckPane checkPane() {
        return checkPane;
    }

    LossHistoryChart history() {
        return history;
    }

    LossLandscapeView landscape() {
        return landscape;
    }

    TabPane tabs() {
        return tabs;
    }

    /** The colours the region image uses now (built from the canvas style; cached until it changes). */
    RegionPalette palette() {
        if (palette == null) {
            palette = RegionPalette.of(canvas.style(), shading.isSelected(), boundaries.isSelected());
        }
        return palette;
    }

    void dispose() {
        renderer.dispose();
        landscape.dispose();
    }

    /** Coalesces bursts of changes (several steps in one frame, drags) into one refresh after the pulse. */
    private void scheduleRefresh() {
        if (!refreshScheduled) {
            refreshScheduled = true;
            Platform.runLater(() -> {
                refreshScheduled = false;
                refresh();
            });
        }
    }

    private void refresh() {
        LinearScene scene = vm.scene();
        LinearObjective.Evaluation e = vm.evaluation();
        LinearModel model = scene.model();
        LabeledPoints points = scene.points();
        int selected = vm.selectedProperty().get();
        totalLoss.setText(LinearFormat.fixed(e.totalLoss(), 4));
        dataLoss.setText(LinearFormat.fixed(e.dataLoss(), 4));
        regLoss.setText(LinearFormat.fixed(e.regLoss(), 4));
        int correct = 0;
        for (int i = 0; i < e.size(); i++) {
            correct += e.predicted(i) == points.label(i) ? 1 : 0;
        }
        accuracy.setText(e.size() == 0 ? "no points"
                : String.format(Locale.ROOT, "%d of %d (%.0f%%)", correct, e.size(), 100.0 * correct / e.size()));
        iterationLabel.setText(vm.iterationProperty().get() == 0 ? "No steps since W, b were last set."
                : vm.iterationProperty().get() + (vm.iterationProperty().get() == 1 ? " step" : " steps")
                        + " since W, b were last set.");
        pointCount.setText(points.size() + (points.size() == 1 ? " point" : " points") + " (at most "
                + LinearClassifierViewModel.MAX_POINTS + ")");
        syncing = true;
        try {
            classCount.getValueFactory().setValue(scene.classCount());
            regularise.setSelected(vm.lambdaProperty().get() > 0);
            lambdaSlider.setDisable(vm.lambdaProperty().get() == 0);
            if (vm.lambdaProperty().get() > 0) {
                lambdaSlider.setValue(vm.lambdaProperty().get());
            }
        } finally {
            syncing = false;
        }
        if (swatchesFor != scene.classCount()) {
            rebuildSwatches(scene.classCount());
        }
        table.show(points, e, vm.otherEvaluationProperty().get(), vm.formulationProperty().get(), selected);
        parameters.show(model, e.gradient());
        int anchored = drag != null && drag.target() == LinearCanvas.Target.ARROW ? drag.index() : -1;
        canvas.draw(points, model, selected, drag != null ? drag : hover, anchored, anchorX, anchorY);
        if (canvas.getWidth() >= 1 && canvas.getHeight() >= 1) {
            renderer.request(new LinearRegionsRenderer.Request(model, canvas.worldLeft(), canvas.worldTop(),
                    1 / (canvas.scale() * canvas.renderScale()), canvas.deviceWidth(), canvas.deviceHeight(),
                    palette(), shading.isSelected()));
        }
        if (tabs.getSelectionModel().getSelectedItem() == landscapeTab) {
            landscape.show(vm.objective(), points, model);
        }
    }

    /** A new optimisation path starts at the current W, b: the chart and the landscape path start over. */
    private void startPath() {
        LinearObjective.Evaluation e = vm.evaluation();
        history.clear();
        history.add(0, e.dataLoss(), e.totalLoss());
        landscape.clearPath();
        landscape.addPathPoint(vm.scene().model());
    }

    private void showMessage(String text) {
        message.setText(text);
        boolean show = text != null && !text.isEmpty();
        message.setVisible(show);
        message.setManaged(show);
    }

    private void installMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            pressX = e.getX();
            pressY = e.getY();
            pressOnEmpty = false;
            LinearScene scene = vm.scene();
            LinearCanvas.Hit hit = canvas.hitAt(scene.points(), scene.model(), e.getX(), e.getY());
            if (e.getButton() == MouseButton.SECONDARY) {
                if (hit != null && hit.target() == LinearCanvas.Target.POINT) {
                    vm.removePoint(hit.index());
                }
            } else if (e.getButton() == MouseButton.PRIMARY) {
                if (hit == null) {
                    pressOnEmpty = true;
                } else {
                    startDrag(hit, e.getX(), e.getY());
                }
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (drag != null) {
                dragTo(canvas.toWorldClamped(e.getX(), e.getY()));
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (drag != null) {
                drag = null;
                vm.endGesture();
                updateHover(e.getX(), e.getY());
                scheduleRefresh();
            } else if (pressOnEmpty && e.getButton() == MouseButton.PRIMARY
                    && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 6) {
                Point2D w = canvas.toWorldClamped(e.getX(), e.getY());
                vm.addPoint(w.getX(), w.getY());
            }
            pressOnEmpty = false;
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> updateHover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (drag == null && hover != null) {
                hover = null;
                canvas.setCursor(Cursor.DEFAULT);
                scheduleRefresh();
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                canvas.zoom(Math.exp(-e.getDeltaY() * 0.004), e.getX(), e.getY());
            }
            e.consume();
        });
    }

    private void startDrag(LinearCanvas.Hit hit, double lx, double ly) {
        LinearModel model = vm.scene().model();
        vm.beginGesture();
        drag = hit;
        Point2D w = canvas.toWorld(lx, ly);
        grabX = w.getX();
        grabY = w.getY();
        switch (hit.target()) {
            case POINT -> vm.selectedProperty().set(hit.index());
            case ARROW -> {
                ZeroScoreLine line = ZeroScoreLine.of(model, hit.index());
                anchorX = line.startX();
                anchorY = line.startY();
            }
            case LINE -> rowAtGrab = new double[] {model.weight(hit.index(), 0), model.weight(hit.index(), 1),
                model.bias(hit.index())};
        }
        scheduleRefresh();
    }

    private void dragTo(Point2D w) {
        switch (drag.target()) {
            case POINT -> vm.previewPointMove(drag.index(), w.getX(), w.getY());
            case ARROW -> {
                double[] row = ZeroScoreLine.rotatedTo(anchorX, anchorY, w.getX(), w.getY());
                vm.previewRow(drag.index(), row[0], row[1], row[2]);
            }
            case LINE -> {
                ZeroScoreLine start = ZeroScoreLine.of(rowAtGrab[0], rowAtGrab[1], rowAtGrab[2]);
                vm.previewRow(drag.index(), rowAtGrab[0], rowAtGrab[1],
                        start.translatedBias(w.getX() - grabX, w.getY() - grabY));
            }
        }
    }

    private void updateHover(double lx, double ly) {
        LinearScene scene = vm.scene();
        LinearCanvas.Hit hit = canvas.hitAt(scene.points(), scene.model(), lx, ly);
        canvas.setCursor(hit == null ? Cursor.CROSSHAIR
                : hit.target() == LinearCanvas.Target.LINE ? Cursor.MOVE : Cursor.HAND);
        if (!java.util.Objects.equals(hit, hover)) {
            hover = hit;
            scheduleRefresh();
        }
    }

    private void onKey(KeyEvent e) {
        if (ShortcutOverlay.isTyping(e) || LessonKeys.editKeys(e, vm)) {
            return;
        }
        int selected = vm.selectedPoint();
        boolean hasSelection = selected >= 0;
        KeyCode code = e.getCode();
        boolean handled = true;
        if (e.isShortcutDown() || e.isAltDown()) {
            handled = false;
        } else if (code == KeyCode.SPACE) {
            vm.step();
        } else if (code == KeyCode.R) {
            if (e.isShiftDown()) {
                vm.randomise();
            } else {
                vm.toggleRun();
            }
        } else if (code == KeyCode.L) {
            vm.cycleFormulation();
        } else if (code == KeyCode.G) {
            checkGradient();
        } else if (code == KeyCode.HOME) {
            vm.reset();
        } else if (code == KeyCode.F) {
            canvas.fit();
        } else if (code == KeyCode.C && hasSelection) {
            vm.cycleClass(selected);
        } else if ((code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) && hasSelection) {
            vm.removePoint(selected);
        } else if (code == KeyCode.ESCAPE && hasSelection) {
            vm.selectedProperty().set(-1);
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void checkGradient() {
        vm.checkGradient();
        tabs.getSelectionModel().select(checkTab);
    }

    private Node buildControlPanel() {
        VBox panel = new VBox();
        panel.getStyleClass().addAll("control-panel", "linear-control-panel");

        message.setId("linearMessage");
        message.getStyleClass().add("lesson-callout");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);

        // Loss summary
        totalLoss.getStyleClass().add(TOTAL_LOSS_STYLE);
        GridPane summary = grid();
        summary.addRow(0, new Label("Total loss L"), totalLoss);
        summary.addRow(1, hint("data loss (1/N) Σ L_i"), dataLoss);
        summary.addRow(2, hint("regularisation λ Σ W²"), regLoss);
        summary.addRow(3, hint("training accuracy"), accuracy);
        iterationLabel.getStyleClass().add("hint");
        iterationLabel.setId("iteration");

        // Loss function
        ComboBox<LossFormulation> formulation =
                new ComboBox<>(FXCollections.observableArrayList(LossFormulation.values()));
        formulation.setId("formulation");
        formulation.setConverter(displayNames(LossFormulation::title));
        formulation.setMaxWidth(Double.MAX_VALUE);
        formulation.setTooltip(new Tooltip("The data loss of each point (L cycles)"));
        formulation.valueProperty().bindBidirectional(vm.formulationProperty());
        formulaText.setId("formulaText");
        formulaText.getStyleClass().add("formula");
        formulaText.setWrapText(true);
        formulaText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "L_i = " + vm.formulationProperty().get().formula(), vm.formulationProperty()));
        Label regularisation = new Label(REGULARISATION);
        regularisation.setId("regularisationConvention");
        regularisation.getStyleClass().add("formula");
        regularisation.setWrapText(true);

        // Optimisation
        regularise.setId("regularise");
        regularise.setTooltip(new Tooltip("Untick for λ = 0 (no regularisation)"));
        regularise.selectedProperty().addListener((o, was, on) -> {
            if (!syncing) {
                vm.setLambda(on ? lambdaSlider.value() : 0);
            }
        });
        LogSlider stepSlider = new LogSlider("stepSize", -4, 1, vm.stepSizeProperty().get(), "Step size η",
                vm::setStepSize);
        vm.stepSizeProperty().addListener((o, a, v) -> stepSlider.setValue(v.doubleValue()));
        GridPane optimisation = grid();
        optimisation.addRow(0, new Label("λ"), row(regularise, lambdaSlider));
        HBox.setHgrow(lambdaSlider, Priority.ALWAYS);
        optimisation.addRow(1, new Label("Step size η"), stepSlider);

        Button step = new Button("Step", AppIcon.STEP.node());
        step.setId("step");
        step.setTooltip(new Tooltip("One gradient-descent step: W, b ← W, b − η ∂L/∂(W, b)  (Space)"));
        step.setOnAction(e -> vm.step());
        step.disableProperty().bind(vm.runningProperty());
        Button run = new Button();
        run.setId("run");
        run.setTooltip(new Tooltip("Take steps continuously until stopped; the whole run is one undo step (R)"));
        run.setOnAction(e -> vm.toggleRun());
        run.textProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty()).then("Stop").otherwise("Run"));
        vm.runningProperty().addListener((o, a, r) -> run.setGraphic((r ? AppIcon.STOP : AppIcon.RUN).node()));
        run.setGraphic(AppIcon.RUN.node());
        Spinner<Integer> speed = new Spinner<>(1, LinearClassifierViewModel.MAX_STEPS_PER_SECOND,
                vm.stepsPerSecondProperty().get());
        speed.setId("stepsPerSecond");
        speed.setEditable(true);
        speed.getStyleClass().add("small-spinner");
        speed.setTooltip(new Tooltip("Steps per second of a run (1–" + LinearClassifierViewModel.MAX_STEPS_PER_SECOND
                + ")"));
        speed.valueProperty().addListener((o, a, v) -> vm.stepsPerSecondProperty().set(v));
        vm.stepsPerSecondProperty().addListener((o, a, v) -> speed.getValueFactory().setValue(v.intValue()));
        commitOnEnterOrFocusLoss(speed);
        Label perSecond = new Label("steps/s");
        FlowPane runRow = new FlowPane(6, 6, step, run, row(speed, perSecond));
        runRow.setAlignment(Pos.CENTER_LEFT);

        Button randomise = new Button("Randomise", AppIcon.RANDOMISE.node());
        randomise.setId("randomise");
        randomise.setTooltip(new Tooltip("Random W and b, uniform in ±" + LinearClassifierViewModel.RANDOM_SCALE
                + " (Shift+R)"));
        randomise.setOnAction(e -> vm.randomise());
        Button reset = new Button("Reset", AppIcon.RESET.node());
        reset.setId("reset");
        reset.setTooltip(new Tooltip("The CS231n demo's points, W, b, λ = " + LinearScene.CS231N_LAMBDA
                + " and step size " + LinearScene.CS231N_STEP + " (Home)"));
        reset.setOnAction(e -> vm.reset());
        Button check = new Button("Check gradient", AppIcon.GRADIENT_CHECK.node());
        check.setId("checkGradient");
        check.setTooltip(new Tooltip("Compare the analytic gradient with finite differences (G)"));
        check.setOnAction(e -> checkGradient());
        FlowPane actionRow = new FlowPane(6, 6, randomise, reset, check);

        // Parameters
        classCount.setId("classCount");
        classCount.setEditable(true);
        classCount.getStyleClass().add("small-spinner");
        classCount.setTooltip(new Tooltip("Number of classes (2–7); removing a class removes its points"));
        classCount.valueProperty().addListener((o, a, v) -> {
            if (!syncing && v != null) {
                vm.setClassCount(v);
            }
        });
        commitOnEnterOrFocusLoss(classCount);
        Button undo = ControlPanel.undoButton(vm::undo, vm.canUndoProperty());
        Button redo = ControlPanel.redoButton(vm::redo, vm.canRedoProperty());
        HBox classesRow = row(new Label("Classes"), classCount, spacer(), undo, redo);
        Label parameterHint = new Label("Drag a line to move it (changes b), drag an arrow head to turn and "
                + "stretch w. Each class scores s_c = w_c·x + b_c; the line is s_c = 0, the arrow w_c points to "
                + "growing scores.");
        parameterHint.getStyleClass().add("hint");
        parameterHint.setWrapText(true);

        // Points
        swatches.setId("classSwatches");
        Label editHint = new Label("Click: add a point · drag: move · right-click or Delete: remove · "
                + "1–7: class of new (and selected) points · C: next class");
        editHint.getStyleClass().add("hint");
        editHint.setWrapText(true);
        pointCount.getStyleClass().add("hint");
        pointCount.setId("pointCount");

        // Display
        shading.setId("shading");
        boundaries.setId("boundaries");
        Button fit = new Button("Fit view", AppIcon.FIT_VIEW.node());
        fit.setId("fitView");
        fit.setTooltip(new Tooltip("Origin in the middle, ±" + LinearCanvas.DEFAULT_HALF_EXTENT
                + " on the shorter side (F); the mouse wheel zooms"));
        fit.setOnAction(e -> canvas.fit());

        panel.getChildren().addAll(message,
                section("Loss"), summary, iterationLabel,
                section("Loss function"), formulation, formulaText, regularisation,
                section("Optimisation"), optimisation, runRow, actionRow,
                section("Parameters W, b"), classesRow, parameters, parameterHint,
                section("Points"), swatches, editHint, pointCount,
                section("Display"), shading, boundaries, fit);
        return panel;
    }

    /**
     * A typed λ. A typed 0 is the box unticked: λ becomes 0 but the slider keeps its last λ above 0 (false tells
     * it so), which ticking the box brings back.
     */
    private boolean applyLambda(double v) {
        if (v == 0) {
            vm.setLambda(0);
            return false;
        }
        return vm.setLambda(v);
    }

    private void rebuildSwatches(int classes) {
        swatchesFor = classes;
        swatches.rebuild(classes);
    }

    /** Typed text counts on Enter and on focus loss, rounded and clamped; nonsense shows the value again. */
    private static void commitOnEnterOrFocusLoss(Spinner<Integer> s) {
        ControlPanel.wholeNumbers(s);
        s.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commitTyped(s);
            }
        });
        s.getEditor().setOnAction(e -> commitTyped(s));
    }

    private static void commitTyped(Spinner<Integer> s) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        Double v = LinearFormat.parse(s.getEditor().getText());
        if (v != null) {
            f.setValue((int) Math.max(f.getMin(), Math.min(f.getMax(), Math.round(v))));
        }
        s.getEditor().setText(Integer.toString(f.getValue()));
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        return l;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** The "shade by probability" switch (for scene files). */
    CheckBox shadingBox() {
        return shading;
    }

    /** The "decision boundaries" switch (for scene files). */
    CheckBox boundariesBox() {
        return boundaries;
    }

    /** The tabs below the canvas (for scene files). */
    TabPane tabPane() {
        return tabs;
    }
}
