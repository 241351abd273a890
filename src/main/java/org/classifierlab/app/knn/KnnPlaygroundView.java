package org.classifierlab.app.knn;

import static org.classifierlab.app.shell.ControlPanel.displayNames;
import static org.classifierlab.app.shell.ControlPanel.grid;
import static org.classifierlab.app.shell.ControlPanel.iconButton;
import static org.classifierlab.app.shell.ControlPanel.intSpinner;
import static org.classifierlab.app.shell.ControlPanel.row;
import static org.classifierlab.app.shell.ControlPanel.section;
import static org.classifierlab.app.shell.ControlPanel.valueLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.controlsfx.control.SegmentedButton;
import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.render.CanvasStyle;
import org.classifierlab.app.render.CrossValidationChart;
import org.classifierlab.app.render.Marker;
import org.classifierlab.app.render.RegionPalette;
import org.classifierlab.app.shell.ClassSwatches;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.app.shell.LessonKeys;
import org.classifierlab.app.shell.ShortcutOverlay;
import org.classifierlab.core.knn.KnnClassifier;
import org.classifierlab.core.knn.KnnResult;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.Neighbour;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.playground.Distribution;
import org.classifierlab.core.playground.PlaygroundPoint;
import org.classifierlab.core.playground.PlaygroundScene;

/**
 * The k-NN playground's view: the canvas on the left, the control panel on the right. Turns mouse and
 * keyboard input into view-model commands and view-model changes into map, evaluation and
 * cross-validation requests, all of which run off the FX thread. FX thread only.
 */
final class KnnPlaygroundView extends BorderPane {

    private final KnnPlaygroundViewModel vm;
    private final PlaygroundCanvas canvas = new PlaygroundCanvas();
    private final DecisionMapRenderer renderer;
    private final PlaygroundAnalysis analysis;
    private final CrossValidationChart cvChart = new CrossValidationChart();

    private final Label trainingAccuracy = valueLabel("trainingAccuracy");
    private final Label looAccuracy = valueLabel("looAccuracy");
    private final Label testAccuracy = valueLabel("testAccuracy");
    private final VBox kOneCallout = new VBox();
    private final Label cvSummary = new Label();
    private final Label probeReadout = new Label();
    private final Label pointCount = new Label();

    private static final long DRAG_ANALYSIS_INTERVAL_NANOS = 300_000_000L;
    private long lastDragAnalysis;
    private int dragIndex = -1;
    private boolean pressOnEmpty;
    private double pressX;
    private double pressY;
    private Point2D hover;
    private Point2D pinned;
    private boolean[] misclassifiedTest = new boolean[0];

    KnnPlaygroundView(KnnPlaygroundViewModel vm, PlaygroundAnalysis.Listener status) {
        this.vm = vm;
        getStyleClass().add("knn-playground");
        renderer = new DecisionMapRenderer(canvas.regionsView(), r -> status.mapPublished(r), status::failed);
        analysis = new PlaygroundAnalysis(status, this::showEvaluation, this::showCrossValidation);

        setCenter(canvas);
        ScrollPane controls = ControlPanel.scroller(buildControlPanel());
        setRight(controls);
        controls.heightProperty().addListener(o -> foldForProjector());

        canvas.setOnGeometryChanged(() -> {
            requestMap(true);
            redrawPoints();
            refreshProbe();
        });
        canvas.setOnStyleChanged(() -> {
            requestMap(true);
            redrawPoints();
            refreshProbe();
        });
        installMouse();
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);

        vm.sceneProperty().addListener((o, a, b) -> {
            requestMap(!vm.isDragging());
            redrawPoints();
            refreshProbe();
            // While dragging, the accuracies follow a few times a second and cross-validation waits for the
            // release: on every mouse event they would compete with the map and the renderer for two cores.
            long now = System.nanoTime();
            if (!vm.isDragging()) {
                requestAnalysis(true);
            } else if (now - lastDragAnalysis > DRAG_ANALYSIS_INTERVAL_NANOS) {
                lastDragAnalysis = now;
                requestAnalysis(false);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> redrawPoints());
        for (Observable p : List.of(vm.kProperty(), vm.metricProperty(), vm.tieRuleProperty())) {
            p.addListener(o -> {
                requestMap(true);
                refreshProbe();
                requestAnalysis(p != vm.kProperty());
            });
        }
        vm.kProperty().addListener(o -> cvChart.setCurrentK(vm.kProperty().get()));
        vm.foldsProperty().addListener(o -> requestAnalysis(true));
        vm.confidenceShadingProperty().addListener(o -> requestMap(true));
        vm.boundaryLinesProperty().addListener(o -> requestMap(true));
        vm.probeEnabledProperty().addListener(o -> refreshProbe());
        redrawPoints();
        requestAnalysis(true);
    }

    PlaygroundCanvas canvas() {
        return canvas;
    }

    DecisionMapRenderer renderer() {
        return renderer;
    }

    PlaygroundAnalysis analysis() {
        return analysis;
    }

    CrossValidationChart cvChart() {
        return cvChart;
    }

    void dispose() {
        renderer.dispose();
        analysis.dispose();
    }

    /** Training points in device-pixel coordinates of the region image. */
    private LabeledPoints pixelPoints() {
        PlaygroundScene scene = vm.scene();
        LabeledPoints train = scene.training();
        double s = canvas.renderScale();
        int n = train.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = canvas.toLocalX(train.x(i)) * s;
            y[i] = canvas.toLocalY(train.y(i)) * s;
            labels[i] = train.label(i);
        }
        return new LabeledPoints(x, y, labels, train.classCount());
    }

    private void requestMap(boolean replacing) {
        if (canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            return;
        }
        int k = Math.min(vm.kProperty().get(), Math.max(1, vm.trainingCount().get()));
        DecisionMapRenderer.Request r = new DecisionMapRenderer.Request(pixelPoints(), k,
                vm.metricProperty().get(), vm.tieRuleProperty().get(), canvas.deviceWidth(), canvas.deviceHeight(),
                RegionPalette.of(canvas.style(), vm.confidenceShadingProperty().get(), vm.boundaryLinesProperty().get()),
                !replacing);
        if (replacing) {
            renderer.requestReplacing(r);
        } else {
            renderer.request(r);
        }
    }

    private void requestAnalysis(boolean withCrossValidation) {
        PlaygroundScene scene = vm.scene();
        analysis.requestEvaluation(new PlaygroundAnalysis.EvaluationRequest(scene, vm.kProperty().get(),
                vm.metricProperty().get(), vm.tieRuleProperty().get()));
        if (withCrossValidation) {
            analysis.requestCrossValidation(new PlaygroundAnalysis.CrossValidationRequest(scene.training(),
                    vm.foldsProperty().get(), vm.metricProperty().get(), vm.tieRuleProperty().get()));
        }
    }

    private void showEvaluation(PlaygroundAnalysis.EvaluationResult r) {
        trainingAccuracy.setText(percent(r.training()));
        looAccuracy.setText(percent(r.leaveOneOut()));
        testAccuracy.setText(Double.isNaN(r.test()) ? "no test points" : percent(r.test()) + "  (" + r.testCount() + " points)");
        boolean kOne = r.k() == 1;
        kOneCallout.setVisible(kOne);
        kOneCallout.setManaged(kOne);
        misclassifiedTest = r.misclassifiedTest();
        redrawPoints();
    }

    private void showCrossValidation(org.classifierlab.core.knn.CrossValidationResult r) {
        cvChart.setResult(r);
        cvChart.setCurrentK(vm.kProperty().get());
        int best = -1;
        for (int i = 0; i < r.ks().length; i++) {
            if (r.ks()[i] == r.bestK()) {
                best = i;
            }
        }
        cvSummary.setText(String.format(Locale.ROOT, "Best K = %d: %.1f%% ± %.1f%% over %d folds",
                r.bestK(), 100 * r.mean()[best], 100 * r.std()[best], r.foldAccuracy()[best].length));
    }

    private void redrawPoints() {
        canvas.drawPoints(vm.scene(), vm.selectedProperty().get(), misclassifiedTest);
        PlaygroundScene s = vm.scene();
        pointCount.setText(s.training().size() + " training · " + (s.points().size() - s.training().size()) + " test points");
    }

    private void refreshProbe() {
        Point2D at = pinned != null ? pinned : hover;
        if (at == null || !vm.probeEnabledProperty().get() || dragIndex >= 0) {
            canvas.clearProbe();
            probeReadout.setText(vm.probeEnabledProperty().get()
                    ? "Hover over the canvas to see the K nearest neighbours of a location; Shift+click or P pins it."
                    : "The neighbour probe is off (N).");
            return;
        }
        PlaygroundScene scene = vm.scene();
        LabeledPoints train = scene.training();
        int k = Math.min(vm.kProperty().get(), train.size());
        KnnResult r = KnnClassifier.classify(train, at.getX(), at.getY(), k, vm.metricProperty().get(), vm.tieRuleProperty().get());
        List<PlaygroundPoint> trainingPoints = new ArrayList<>(train.size());
        for (int i : scene.trainingIndices()) {
            trainingPoints.add(scene.points().get(i));
        }
        canvas.drawProbe(at.getX(), at.getY(), r, trainingPoints, vm.metricProperty().get(), pinned != null);
        probeReadout.setText(probeText(at, r, k));
    }

    private String probeText(Point2D at, KnnResult r, int k) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s at (%.2f, %.2f), K = %d, %s%n", pinned != null ? "Pinned probe" : "Probe",
                at.getX(), at.getY(), k, vm.metricProperty().get().label()));
        b.append(" #  class  distance\n");
        List<Neighbour> nbs = r.neighbours();
        int shown = Math.min(nbs.size(), 10);
        for (int i = 0; i < shown; i++) {
            b.append(String.format(Locale.ROOT, "%2d  %5d  %8.3f%n", i + 1, nbs.get(i).label() + 1, nbs.get(i).distance()));
        }
        if (nbs.size() > shown) {
            b.append(String.format(Locale.ROOT, " … %d more%n", nbs.size() - shown));
        }
        boolean weighted = vm.tieRuleProperty().get() == TieRule.DISTANCE_WEIGHTED;
        b.append(weighted ? "Weights (1/d): " : "Votes: ");
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < r.tally().length; c++) {
            if (r.tally()[c] > 0) {
                parts.add("class " + (c + 1) + " = " + (weighted ? String.format(Locale.ROOT, "%.2f", r.tally()[c])
                        : String.valueOf((int) Math.round(r.tally()[c]))));
            }
        }
        b.append(String.join(", ", parts)).append('\n');
        if (r.tie()) {
            StringBuilder tied = new StringBuilder();
            for (int c : r.tiedClasses()) {
                tied.append(tied.length() == 0 ? "" : ", ").append(c + 1);
            }
            b.append("Tie between classes ").append(tied).append(" → ").append(vm.tieRuleProperty().get().label())
                    .append(": ").append(r.predicted() < 0 ? "undecided (white)" : "class " + (r.predicted() + 1)).append('\n');
        } else {
            b.append("Prediction: class ").append(r.predicted() + 1)
                    .append(String.format(Locale.ROOT, " (%.0f%% of the vote)", 100 * r.confidence()));
        }
        return b.toString().stripTrailing();
    }

    private void installMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            pressX = e.getX();
            pressY = e.getY();
            pressOnEmpty = false;
            int hit = canvas.pointAt(vm.scene(), e.getX(), e.getY());
            if (e.getButton() == MouseButton.SECONDARY) {
                if (hit >= 0) {
                    vm.removePoint(hit);
                }
            } else if (e.getButton() == MouseButton.PRIMARY) {
                if (e.isShiftDown()) {
                    pinned = canvas.toWorld(e.getX(), e.getY());
                    refreshProbe();
                } else if (hit >= 0) {
                    dragIndex = hit;
                    vm.beginDrag(hit);
                    refreshProbe();
                } else {
                    pressOnEmpty = true;
                }
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragIndex >= 0) {
                Point2D w = canvas.toWorldClamped(e.getX(), e.getY());
                vm.dragTo(dragIndex, w.getX(), w.getY());
            }
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragIndex >= 0) {
                dragIndex = -1;
                vm.endDrag();
                requestMap(true);
                requestAnalysis(true);
                hover = canvas.toWorldClamped(e.getX(), e.getY());
                refreshProbe();
            } else if (pressOnEmpty && e.getButton() == MouseButton.PRIMARY
                    && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 6) {
                Point2D w = canvas.toWorldClamped(e.getX(), e.getY());
                vm.addPoint(w.getX(), w.getY());
            }
            pressOnEmpty = false;
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            hover = canvas.toWorld(e.getX(), e.getY());
            if (pinned == null) {
                refreshProbe();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            if (dragIndex < 0) {
                hover = null;
                if (pinned == null) {
                    refreshProbe();
                }
            }
        });
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
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS || "+".equals(e.getText())) {
            vm.stepK(+1);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            vm.stepK(-1);
        } else if (code == KeyCode.M) {
            vm.cycleMetric();
        } else if (code == KeyCode.T) {
            vm.cycleTieRule();
        } else if (code == KeyCode.S) {
            vm.confidenceShadingProperty().set(!vm.confidenceShadingProperty().get());
        } else if (code == KeyCode.B) {
            vm.boundaryLinesProperty().set(!vm.boundaryLinesProperty().get());
        } else if (code == KeyCode.N) {
            vm.probeEnabledProperty().set(!vm.probeEnabledProperty().get());
        } else if (code == KeyCode.P) {
            pinned = pinned != null ? null : hover;
            refreshProbe();
        } else if (code == KeyCode.R) {
            if (e.isShiftDown()) {
                vm.regenerateWithNewSeed();
            } else {
                vm.regenerate();
            }
        } else if (code == KeyCode.C && hasSelection) {
            vm.cycleClass(selected);
        } else if (code == KeyCode.H && hasSelection) {
            vm.toggleTest(selected);
        } else if ((code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) && hasSelection) {
            vm.removePoint(selected);
        } else if (code == KeyCode.ESCAPE && (pinned != null || hasSelection)) {
            pinned = null;
            vm.selectedProperty().set(-1);
            refreshProbe();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    /** The sections that fold on a short projector screen. */
    private List<ControlPanel.Section> foldable = List.of();
    private boolean projector;
    private Boolean folded;

    /**
     * The projector theme's large type on a short screen (1280 × 800): Data, New points, Cross-validation and the
     * probe fold so K, the distance, the tie rule and the accuracy are in view without scrolling; their titles open
     * them. A hand-made choice stands until the screen or the theme changes.
     */
    void setProjector(boolean on) {
        projector = on;
        foldForProjector();
    }

    private void foldForProjector() {
        double h = getRight() == null ? 0 : ((javafx.scene.layout.Region) getRight()).getHeight();
        boolean fold = projector && h > 0 && h < 900;
        if (folded == null || fold != folded) {
            folded = fold;
            foldable.forEach(s -> s.openProperty().set(!fold));
        }
    }

    private Node buildControlPanel() {
        VBox panel = new VBox();
        panel.getStyleClass().add("control-panel");

        // Data
        ComboBox<Distribution> distribution = new ComboBox<>(FXCollections.observableArrayList(Distribution.values()));
        distribution.setId("distribution");
        distribution.setConverter(displayNames(Distribution::label));
        distribution.setValue(vm.distributionProperty().get());
        distribution.setMaxWidth(Double.MAX_VALUE);
        distribution.valueProperty().addListener((o, a, d) -> {
            // A value the view model already has came from it (a scene opened): nothing to regenerate.
            if (d != null && d != vm.distributionProperty().get()) {
                vm.distributionProperty().set(d);
                vm.regenerate();
            }
        });
        vm.distributionProperty().addListener((o, a, d) -> distribution.setValue(d));
        Spinner<Integer> classes = intSpinner("classes", 2, KnnPlaygroundViewModel.MAX_CLASSES, vm.classesProperty().get());
        classes.valueProperty().addListener((o, a, c) -> {
            if (c != vm.classesProperty().get()) {
                vm.classesProperty().set(c);
                vm.regenerate();
            }
        });
        vm.classesProperty().addListener((o, a, c) -> classes.getValueFactory().setValue(c.intValue()));
        Spinner<Integer> count = intSpinner("pointCountSpinner", 2, 5000, vm.countProperty().get());
        count.valueProperty().addListener((o, a, c) -> {
            if (c != vm.countProperty().get()) {
                vm.countProperty().set(c);
                vm.regenerate();
            }
        });
        vm.countProperty().addListener((o, a, c) -> count.getValueFactory().setValue(c.intValue()));
        Slider noise = new Slider(0, 1, vm.noiseProperty().get());
        noise.setId("noise");
        Label noiseValue = new Label();
        noiseValue.textProperty().bind(Bindings.format(Locale.ROOT, "%.2f", noise.valueProperty()));
        noise.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                applyNoise(noise.getValue());
            }
        });
        vm.noiseProperty().addListener((o, a, v) -> noise.setValue(v.doubleValue()));
        noise.valueProperty().addListener((o, a, v) -> {
            if (!noise.isValueChanging()) {
                applyNoise(v.doubleValue());
            }
        });
        TextField seed = new TextField(Long.toString(vm.seedProperty().get()));
        seed.setId("seed");
        seed.setPrefColumnCount(8);
        seed.setTextFormatter(new TextFormatter<>(change -> change.getControlNewText().matches("-?\\d{0,18}") ? change : null));
        seed.setOnAction(e -> applySeed(seed));
        seed.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                applySeed(seed);
            }
        });
        vm.seedProperty().addListener((o, a, v) -> seed.setText(Long.toString(v.longValue())));
        Button dice = iconButton(AppIcon.RANDOM_SEED, "New random seed and regenerate (Shift+R)", vm::regenerateWithNewSeed);
        Button regenerate = new Button("Regenerate", AppIcon.REGENERATE.node());
        regenerate.setId("regenerate");
        regenerate.setTooltip(new Tooltip("Generate the points again from these settings and seed (R)"));
        regenerate.setOnAction(e -> vm.regenerate());
        Slider split = new Slider(0, 50, vm.testFractionProperty().get() * 100);
        split.setId("testSplit");
        split.setMajorTickUnit(10);
        split.setSnapToTicks(false);
        Label splitValue = new Label();
        splitValue.textProperty().bind(Bindings.format(Locale.ROOT, "%.0f%%", split.valueProperty()));
        split.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                applySplit(split.getValue());
            }
        });
        split.valueProperty().addListener((o, a, v) -> {
            if (!split.isValueChanging()) {
                applySplit(v.doubleValue());
            }
        });
        vm.testFractionProperty().addListener((o, a, v) -> split.setValue(v.doubleValue() * 100));
        Button undo = ControlPanel.undoButton(vm::undo, vm.canUndoProperty());
        Button redo = ControlPanel.redoButton(vm::redo, vm.canRedoProperty());

        GridPane data = grid();
        int row = 0;
        data.addRow(row++, new Label("Distribution"), distribution);
        data.addRow(row++, new Label("Classes"), classes);
        data.addRow(row++, new Label("Points"), count);
        data.addRow(row++, new Label("Noise"), row(noise, noiseValue));
        data.addRow(row++, new Label("Seed"), row(seed, dice));
        data.addRow(row++, new Label("Held-out test"), row(split, splitValue));
        HBox dataButtons = new HBox(6, regenerate, undo, redo);
        dataButtons.setAlignment(Pos.CENTER_LEFT);
        pointCount.getStyleClass().add("hint");
        pointCount.setId("pointCount");

        // Classes for new points
        ClassSwatches swatches = new ClassSwatches(vm.addClassProperty(), 1,
                c -> Marker.forClass(c).icon(canvas.style().classColor(c), Color.BLACK),
                c -> "Click on the canvas adds class " + (c + 1) + " (key " + (c + 1) + ")");
        Runnable rebuildSwatches = () -> swatches.rebuild(vm.scene().classCount());
        vm.sceneProperty().addListener((o, a, s) -> {
            if (a == null || a.classCount() != s.classCount()) {
                if (vm.addClassProperty().get() >= s.classCount()) {
                    vm.addClassProperty().set(0);
                }
                rebuildSwatches.run();
            }
        });
        for (int c = 0; c < CanvasStyle.CLASS_SLOTS; c++) {
            canvas.style().classColorProperty(c).addListener(o -> rebuildSwatches.run());
        }
        rebuildSwatches.run();
        Label editHint = new Label("Click: add · drag: move · right-click or Delete: remove · "
                + "1–7: class · C: next class · H: make test/training point");
        editHint.getStyleClass().add("hint");
        editHint.setWrapText(true);

        // Classifier
        Spinner<Integer> k = intSpinner("kSpinner", 1, Math.max(1, vm.trainingCount().get()), vm.kProperty().get());
        SpinnerValueFactory.IntegerSpinnerValueFactory kFactory = (SpinnerValueFactory.IntegerSpinnerValueFactory) k.getValueFactory();
        kFactory.maxProperty().bind(Bindings.max(1, vm.trainingCount()));
        k.valueProperty().addListener((o, a, v) -> vm.kProperty().set(v));
        vm.kProperty().addListener((o, a, v) -> kFactory.setValue(v.intValue()));
        Slider kSlider = new Slider(1, Math.max(2, vm.trainingCount().get()), vm.kProperty().get());
        kSlider.setId("kSlider");
        kSlider.maxProperty().bind(Bindings.max(2, vm.trainingCount()));
        kSlider.valueProperty().addListener((o, a, v) -> vm.kProperty().set(Math.max(1, (int) Math.round(v.doubleValue()))));
        vm.kProperty().addListener((o, a, v) -> kSlider.setValue(v.intValue()));
        HBox.setHgrow(kSlider, Priority.ALWAYS);

        SegmentedButton metric = new SegmentedButton();
        metric.setId("metric");
        for (Metric m : Metric.values()) {
            ToggleButton b = new ToggleButton(m == Metric.LINF ? "L∞" : m.name());
            b.setId("metric" + m.name());
            b.setUserData(m);
            b.setTooltip(new Tooltip(m.label() + " (M cycles)"));
            b.setSelected(m == vm.metricProperty().get());
            metric.getButtons().add(b);
        }
        metric.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.metricProperty().set((Metric) t.getUserData());
            } else if (a != null) {
                a.setSelected(true);
            }
        });
        vm.metricProperty().addListener((o, a, m) -> metric.getButtons().forEach(b -> b.setSelected(b.getUserData() == m)));

        ComboBox<TieRule> tie = new ComboBox<>(FXCollections.observableArrayList(TieRule.values()));
        tie.setId("tieRule");
        tie.setConverter(displayNames(TieRule::label));
        tie.setMaxWidth(Double.MAX_VALUE);
        tie.valueProperty().bindBidirectional(vm.tieRuleProperty());

        CheckBox shading = new CheckBox("Confidence shading (vote share)");
        shading.setId("shading");
        shading.selectedProperty().bindBidirectional(vm.confidenceShadingProperty());
        CheckBox boundaries = new CheckBox("Boundary lines");
        boundaries.setId("boundaries");
        boundaries.selectedProperty().bindBidirectional(vm.boundaryLinesProperty());
        CheckBox probe = new CheckBox("Neighbour probe on hover");
        probe.setId("probe");
        probe.selectedProperty().bindBidirectional(vm.probeEnabledProperty());

        GridPane classifier = grid();
        row = 0;
        classifier.addRow(row++, new Label("K"), row(k, kSlider));
        classifier.addRow(row++, new Label("Distance"), metric);
        classifier.addRow(row++, new Label("Ties"), tie);

        // Evaluation
        GridPane eval = grid();
        eval.addRow(0, new Label("Training accuracy"), trainingAccuracy);
        eval.addRow(1, new Label("Leave-one-out"), looAccuracy);
        eval.addRow(2, new Label("Test accuracy"), testAccuracy);
        Label calloutText = new Label("K = 1 scores 100% on the training set: every point is its own nearest "
                + "neighbour. That says nothing about new data; judge K by leave-one-out, test or "
                + "cross-validation accuracy.");
        calloutText.setWrapText(true);
        kOneCallout.getChildren().setAll(calloutText);
        kOneCallout.getStyleClass().add("lesson-callout");
        kOneCallout.setId("kOneCallout");

        // Cross-validation
        Spinner<Integer> folds = intSpinner("folds", 2, 10, vm.foldsProperty().get());
        folds.valueProperty().addListener((o, a, v) -> vm.foldsProperty().set(v));
        vm.foldsProperty().addListener((o, a, v) -> folds.getValueFactory().setValue(v.intValue()));
        Button useBest = new Button("Use best K", AppIcon.BEST_K.node());
        useBest.setId("useBestK");
        useBest.setOnAction(e -> {
            if (cvChart.result() != null) {
                vm.kProperty().set(cvChart.result().bestK());
            }
        });
        cvSummary.setId("cvSummary");
        cvSummary.setWrapText(true);
        Label cvHint = new Label("Dots: accuracy on each held-out fold (contiguous folds of the training points). "
                + "Line: mean. Bars: ±1 sample standard deviation (n − 1) across folds.");
        cvHint.getStyleClass().add("hint");
        cvHint.setWrapText(true);

        probeReadout.getStyleClass().add("probe-readout");
        probeReadout.setId("probeReadout");
        probeReadout.setWrapText(true);

        ControlPanel.Section dataSection = ControlPanel.foldingSection("Data", "sectionData", data, dataButtons,
                pointCount);
        ControlPanel.Section pointsSection = ControlPanel.foldingSection("New points", "sectionNewPoints", swatches,
                editHint);
        ControlPanel.Section classifierSection = ControlPanel.foldingSection("Classifier", "sectionClassifier",
                classifier, shading, boundaries, probe);
        ControlPanel.Section accuracySection = ControlPanel.foldingSection("Accuracy", "sectionAccuracy", eval,
                kOneCallout);
        ControlPanel.Section cvSection = ControlPanel.foldingSection("Cross-validation", "sectionCrossValidation",
                row(new Label("Folds"), folds, useBest), cvChart, cvSummary, cvHint);
        ControlPanel.Section probeSection = ControlPanel.foldingSection("Neighbour probe", "sectionProbe",
                probeReadout);
        // On a short projector screen what a lecture flips (K, distance, ties, accuracy) stays open; the rest folds.
        foldable = List.of(dataSection, pointsSection, cvSection, probeSection);
        panel.getStyleClass().add("sectioned");
        panel.getChildren().addAll(dataSection.node(), pointsSection.node(), classifierSection.node(),
                accuracySection.node(), cvSection.node(), probeSection.node());
        return panel;
    }

    /** The held-out share from the slider; a value the view model already has (a scene opened) changes nothing. */
    private void applySplit(double percent) {
        double fraction = Math.round(percent) / 100.0;
        if (Math.abs(fraction - vm.testFractionProperty().get()) > 1e-9) {
            vm.applyTestSplit(fraction);
        }
    }

    private void applyNoise(double value) {
        if (Math.abs(value - vm.noiseProperty().get()) > 1e-9) {
            vm.noiseProperty().set(value);
            vm.regenerate();
        }
    }

    private void applySeed(TextField field) {
        String text = field.getText();
        if (text.isEmpty() || "-".equals(text)) {
            field.setText(Long.toString(vm.seedProperty().get()));
            return;
        }
        long value = Long.parseLong(text);
        if (value != vm.seedProperty().get()) {
            vm.seedProperty().set(value);
            vm.regenerate();
        }
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
