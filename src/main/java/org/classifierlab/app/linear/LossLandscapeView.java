package org.classifierlab.app.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.classifierlab.app.concurrent.LatestWinsWorker;
import org.classifierlab.app.render.AxisTicks;
import org.classifierlab.app.render.ViridisColorMap;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.linear.ContourLines;
import org.classifierlab.core.linear.LinearModel;
import org.classifierlab.core.linear.LinearObjective;
import org.classifierlab.core.linear.LossLandscape;

/**
 * Heat map and contours of the total loss over two chosen parameters (every other parameter fixed at the
 * current model's value), with the current point and the optimisation path. The grid is computed on a
 * latest-wins worker and only when something it depends on changed; otherwise just the marker moves.
 * FX thread only.
 */
public final class LossLandscapeView extends BorderPane {

    /** Default half-width of the range around the current values. */
    public static final double DEFAULT_SPAN = 3;
    /** What the note under the landscape says. */
    static final String NOTE = "A slice through the current parameters; the other parameters move during optimisation.";
    private static final int MAX_SIDE = 160;
    private static final int MIN_SIDE = 48;
    /** Point-loss evaluations a grid may cost; larger data sets get a coarser grid. */
    private static final double EVALUATION_BUDGET = 4_000_000;
    private static final int CONTOUR_LEVELS = 7;

    /** Everything one grid depends on, snapshotted on the FX thread; {@code reuse} skips the loss evaluations. */
    private record Job(LinearObjective objective, LabeledPoints points, int pointsVersion, LinearModel model,
            double[] fixed, int a, int b, double minA, double maxA, double minB, double maxB, int side,
            boolean logColour, LossLandscape.Grid reuse) {

        boolean sameGrid(Job o) {
            return o != null && objective.equals(o.objective) && pointsVersion == o.pointsVersion && a == o.a
                    && b == o.b && minA == o.minA && maxA == o.maxA && minB == o.minB && maxB == o.maxB
                    && side == o.side && Arrays.equals(fixed, o.fixed);
        }

        Job reusing(LossLandscape.Grid grid) {
            return new Job(objective, points, pointsVersion, model, fixed, a, b, minA, maxA, minB, maxB, side,
                    logColour, grid);
        }
    }

    private record Frame(Job job, LossLandscapeCanvas.Picture picture) {
    }

    /** The A × B window: centred where it was established, ± the span, grown to hold the path. */
    private record Window(int a, int b, double span, double centreA, double centreB, double minA, double maxA,
            double minB, double maxB) {
    }

    private final LossLandscapeCanvas canvas = new LossLandscapeCanvas();
    private final ComboBox<String> choiceA = new ComboBox<>();
    private final ComboBox<String> choiceB = new ComboBox<>();
    private final CheckBox logColourBox = new CheckBox("log colour");
    private final Label readout = new Label();
    private final IntegerProperty parameterA = new SimpleIntegerProperty(this, "parameterA", 0);
    private final IntegerProperty parameterB = new SimpleIntegerProperty(this, "parameterB", 1);
    private final DoubleProperty span = new SimpleDoubleProperty(this, "span", DEFAULT_SPAN);
    private final BooleanProperty logColour = new SimpleBooleanProperty(this, "logColour", true);
    private final ReadOnlyIntegerWrapper gridsPublished = new ReadOnlyIntegerWrapper(this, "gridsPublished", 0);
    private final LatestWinsWorker<Job, Frame> worker;

    private LinearObjective objective;
    private LabeledPoints points;
    private int pointsVersion;
    private LinearModel model;
    private int choiceCount = -1;
    private boolean adjusting;
    private final List<double[]> path = new ArrayList<>();
    private double[] pathA = new double[16];
    private double[] pathB = new double[16];
    private int pathSize;
    private double pathMinA;
    private double pathMaxA;
    private double pathMinB;
    private double pathMaxB;
    private Window window;
    private Job requested;
    private Frame shown;
    private BiConsumer<Double, Double> onPick;

    /** A landscape view; {@code onError} receives failures of the background computation (on the FX thread). */
    public LossLandscapeView(Consumer<Throwable> onError) {
        Objects.requireNonNull(onError, "onError");
        getStyleClass().add("loss-landscape");
        worker = new LatestWinsWorker<>("loss-landscape", LossLandscapeView::render, this::publish, onError);
        canvas.setMessage("The loss landscape appears when there is a model.");

        choiceA.setDisable(true);
        choiceB.setDisable(true);
        choiceA.setId("landscapeParameterA");
        choiceB.setId("landscapeParameterB");
        choiceA.setTooltip(new Tooltip("Parameter on the horizontal axis"));
        choiceB.setTooltip(new Tooltip("Parameter on the vertical axis"));
        choiceA.getSelectionModel().selectedIndexProperty().addListener((o, was, i) -> choose(parameterA, i));
        choiceB.getSelectionModel().selectedIndexProperty().addListener((o, was, i) -> choose(parameterB, i));
        parameterA.addListener((o, old, now) -> pairChanged(parameterA, parameterB, old.intValue(), now.intValue()));
        parameterB.addListener((o, old, now) -> pairChanged(parameterB, parameterA, old.intValue(), now.intValue()));
        logColourBox.selectedProperty().bindBidirectional(logColour);
        logColourBox.setTooltip(new Tooltip("Colour by log(1 + loss), which shows the shape near the minimum"));
        logColour.addListener((o, a, b) -> update(true));
        span.addListener((o, a, b) -> update(true));
        Button resetZoom = new Button("Reset zoom");
        resetZoom.setTooltip(new Tooltip("± " + AxisTicks.format(DEFAULT_SPAN, 1) + " around the current values"));
        resetZoom.setOnAction(e -> {
            span.set(DEFAULT_SPAN);
            window = null;
            update(true);
        });
        Label labelA = new Label("x axis");
        Label labelB = new Label("y axis");
        labelA.setLabelFor(choiceA);
        labelB.setLabelFor(choiceB);
        for (Region r : List.of(labelA, choiceA, labelB, choiceB, logColourBox, resetZoom)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox pair = new HBox(6, labelA, choiceA, labelB, choiceB);
        pair.setAlignment(Pos.CENTER_LEFT);
        HBox options = new HBox(8, logColourBox, resetZoom);
        options.setAlignment(Pos.CENTER_LEFT);
        // Wraps onto a second line when narrow (the projector's large type), instead of truncating the names.
        FlowPane bar = new FlowPane(14, 4, pair, options);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("loss-landscape-bar");
        setTop(bar);

        setCenter(canvas);
        Tooltip.install(canvas, new Tooltip(NOTE + "\nMouse wheel: zoom in and out around the current values."));
        canvas.setOnWheelZoom(f -> span.set(Math.max(0.02, Math.min(500, span.get() * f))));
        canvas.setOnHover(this::hover);
        canvas.setOnPick(ab -> {
            if (onPick != null) {
                onPick.accept(ab[0], ab[1]);
            }
        });

        Label note = new Label(NOTE);
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        readout.getStyleClass().add("loss-landscape-readout");
        readout.setId("landscapeReadout");
        readout.setMinWidth(Region.USE_PREF_SIZE);
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox.setHgrow(note, Priority.SOMETIMES);
        HBox foot = new HBox(10, note, gap2, readout);
        foot.setAlignment(Pos.CENTER_LEFT);
        foot.getStyleClass().add("loss-landscape-foot");
        setBottom(foot);
        // A short view (a small window, the projector's type) gives the note's line to the picture; the note
        // stays in the landscape's tooltip.
        heightProperty().addListener((o, was, h) -> {
            boolean roomy = h.doubleValue() >= 320;
            foot.setVisible(roomy);
            foot.setManaged(roomy);
        });
    }

    /**
     * The current objective, points and model: recomputes the grid in the background when something it
     * depends on changed (latest wins), and moves the current-point marker.
     */
    public void show(LinearObjective objective, LabeledPoints points, LinearModel model) {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(model, "model");
        if (this.points != points && (this.points == null || !samePoints(this.points, points))) {
            pointsVersion++;
        }
        this.objective = objective;
        this.points = points;
        this.model = model;
        refreshChoices();
        update(false);
    }

    /** Appends {@code m}'s (A, B) to the optimisation path (call after each step). */
    public void addPathPoint(LinearModel m) {
        double[] p = m.parameters();
        path.add(p);
        appendToPairPath(p);
        update(false);
    }

    /** Forgets the optimisation path. */
    public void clearPath() {
        path.clear();
        rebuildPairPath();
        update(false);
    }

    /** Flat index of the parameter on the horizontal axis. */
    public IntegerProperty parameterAProperty() {
        return parameterA;
    }

    /** Flat index of the parameter on the vertical axis. */
    public IntegerProperty parameterBProperty() {
        return parameterB;
    }

    /** Half-width of the range around the current values (the mouse wheel zooms it). */
    public DoubleProperty spanProperty() {
        return span;
    }

    /** Whether colours follow log(1 + loss) rather than the loss. */
    public BooleanProperty logColourProperty() {
        return logColour;
    }

    /** How many grids have been shown (for tests). */
    public ReadOnlyIntegerProperty gridsPublishedProperty() {
        return gridsPublished.getReadOnlyProperty();
    }

    /** True while a grid is being computed. */
    public ReadOnlyBooleanProperty busyProperty() {
        return worker.busyProperty();
    }

    /** Called with (A, B) when the user clicks in the landscape; null for none. */
    public void setOnPick(BiConsumer<Double, Double> listener) {
        onPick = listener;
        canvas.setCursor(listener == null ? Cursor.DEFAULT : Cursor.CROSSHAIR);
    }

    /** Stops the background computation for good. */
    public void dispose() {
        worker.dispose();
    }

    /** The grid on screen, or null before the first one. */
    LossLandscape.Grid shownGrid() {
        return shown == null ? null : shown.picture().grid();
    }

    LossLandscapeCanvas canvas() {
        return canvas;
    }

    ComboBox<String> choiceA() {
        return choiceA;
    }

    ComboBox<String> choiceB() {
        return choiceB;
    }

    Label readout() {
        return readout;
    }

    private void choose(IntegerProperty target, Number index) {
        if (!adjusting && index.intValue() >= 0) {
            target.set(index.intValue());
        }
    }

    private void pairChanged(IntegerProperty changed, IntegerProperty other, int old, int now) {
        if (adjusting) {
            return;
        }
        adjusting = true;
        try {
            int count = model == null ? Integer.MAX_VALUE : model.parameterCount();
            if (now < 0 || now >= count) {
                changed.set(old);
                return;
            }
            if (now == other.get()) {
                // A ≠ B: choosing the other axis' parameter swaps the two.
                other.set(old);
            }
            syncChoices();
        } finally {
            adjusting = false;
        }
        rebuildPairPath();
        update(true);
    }

    private void refreshChoices() {
        int count = model.parameterCount();
        if (count == choiceCount) {
            return;
        }
        choiceCount = count;
        adjusting = true;
        try {
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                names.add(model.parameterName(i));
            }
            choiceA.getItems().setAll(names);
            choiceB.getItems().setAll(names);
            choiceA.setDisable(false);
            choiceB.setDisable(false);
            if (parameterA.get() >= count) {
                parameterA.set(parameterB.get() == 0 ? 1 : 0);
            }
            if (parameterB.get() >= count || parameterB.get() == parameterA.get()) {
                parameterB.set(parameterA.get() == 1 ? 0 : 1);
            }
            syncChoices();
        } finally {
            adjusting = false;
        }
        rebuildPairPath();
    }

    private void syncChoices() {
        if (choiceCount > 0) {
            choiceA.getSelectionModel().select(parameterA.get());
            choiceB.getSelectionModel().select(parameterB.get());
        }
    }

    private void rebuildPairPath() {
        pathSize = 0;
        for (double[] p : path) {
            appendToPairPath(p);
        }
    }

    private void appendToPairPath(double[] p) {
        int a = parameterA.get();
        int b = parameterB.get();
        if (a >= p.length || b >= p.length || (model != null && p.length != model.parameterCount())) {
            return;
        }
        if (pathSize == pathA.length) {
            pathA = Arrays.copyOf(pathA, pathSize * 2);
            pathB = Arrays.copyOf(pathB, pathSize * 2);
        }
        pathA[pathSize] = p[a];
        pathB[pathSize] = p[b];
        if (pathSize == 0) {
            pathMinA = p[a];
            pathMaxA = p[a];
            pathMinB = p[b];
            pathMaxB = p[b];
        } else {
            pathMinA = Math.min(pathMinA, p[a]);
            pathMaxA = Math.max(pathMaxA, p[a]);
            pathMinB = Math.min(pathMinB, p[b]);
            pathMaxB = Math.max(pathMaxB, p[b]);
        }
        pathSize++;
    }

    /**
     * Requests a grid if something it depends on changed, and always redraws the marker and path.
     * {@code discrete}: a user's choice (pair, zoom, colour scale), which cancels a running grid.
     */
    private void update(boolean discrete) {
        if (model == null) {
            return;
        }
        int a = parameterA.get();
        int b = parameterB.get();
        double currentA = model.parameter(a);
        double currentB = model.parameter(b);
        Window w = windowFor(a, b, currentA, currentB);
        double[] fixed = model.parameters();
        fixed[a] = 0;
        fixed[b] = 0;
        int side = gridSide(points.size());
        Job job = new Job(objective, points, pointsVersion, model, fixed, a, b, w.minA(), w.maxA(), w.minB(),
                w.maxB(), side, logColour.get(), null);
        boolean newGrid = !job.sameGrid(requested);
        if (newGrid || requested.logColour() != job.logColour()) {
            if (!newGrid && shown != null && shown.job().sameGrid(job)) {
                job = job.reusing(shown.picture().grid());
            }
            requested = job;
            if (discrete) {
                worker.requestReplacing(job);
            } else {
                worker.request(job);
            }
        }
        canvas.setOverlay(a, b, currentA, currentB, pathA, pathB, pathSize);
    }

    private Window windowFor(int a, int b, double currentA, double currentB) {
        double s = span.get();
        Window old = window;
        boolean recentre = old == null || old.a() != a || old.b() != b || old.span() != s
                || Math.abs(currentA - old.centreA()) > 0.8 * s || Math.abs(currentB - old.centreB()) > 0.8 * s;
        double ca = recentre ? currentA : old.centreA();
        double cb = recentre ? currentB : old.centreB();
        double minA = ca - s;
        double maxA = ca + s;
        double minB = cb - s;
        double maxB = cb + s;
        if (pathSize > 0) {
            double margin = 0.1 * s;
            minA = Math.min(minA, pathMinA - margin);
            maxA = Math.max(maxA, pathMaxA + margin);
            minB = Math.min(minB, pathMinB - margin);
            maxB = Math.max(maxB, pathMaxB + margin);
        }
        window = new Window(a, b, s, ca, cb, minA, maxA, minB, maxB);
        return window;
    }

    /** Cells per side: the full 160 for small data sets, fewer when each cell costs many point losses. */
    static int gridSide(int pointCount) {
        double side = Math.sqrt(EVALUATION_BUDGET / Math.max(1, pointCount));
        return (int) Math.max(MIN_SIDE, Math.min(MAX_SIDE, side));
    }

    private static boolean samePoints(LabeledPoints p, LabeledPoints q) {
        return p.classCount() == q.classCount() && p.size() == q.size() && Arrays.equals(p.x(), q.x())
                && Arrays.equals(p.y(), q.y()) && Arrays.equals(p.label(), q.label());
    }

    /** Worker thread: the grid (unless reused), its colours and its contour lines. */
    private static Frame render(Job job, BooleanSupplier cancelled) {
        LossLandscape.Grid grid = job.reuse() != null ? job.reuse()
                : LossLandscape.compute(job.objective(), job.model(), job.points(), job.a(), job.minA(), job.maxA(),
                        job.b(), job.minB(), job.maxB(), job.side(), job.side(), cancelled);
        if (grid == null || cancelled.getAsBoolean()) {
            return null;
        }
        double[] values = grid.values();
        double[] scaled = job.logColour() ? new double[values.length] : values;
        if (job.logColour()) {
            for (int i = 0; i < values.length; i++) {
                scaled[i] = Math.log1p(Math.max(0, values[i]));
            }
        }
        double lo = job.logColour() ? Math.log1p(Math.max(0, grid.min())) : grid.min();
        double hi = job.logColour() ? Math.log1p(Math.max(0, grid.max())) : grid.max();
        double range = hi - lo;
        int[] argb = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            argb[i] = ViridisColorMap.argb(range > 0 ? (scaled[i] - lo) / range : 0);
        }
        double[] fractions = new double[range > 0 ? CONTOUR_LEVELS : 0];
        double[] levels = new double[fractions.length];
        for (int k = 0; k < fractions.length; k++) {
            fractions[k] = (k + 1.0) / (CONTOUR_LEVELS + 1);
            levels[k] = lo + fractions[k] * range;
        }
        ContourLines.Level[] contours = ContourLines.extract(scaled, grid.width(), grid.height(), levels);
        return new Frame(job, new LossLandscapeCanvas.Picture(grid, job.model().parameterName(job.a()),
                job.model().parameterName(job.b()), argb, contours, fractions, job.logColour()));
    }

    private void publish(Frame frame) {
        shown = frame;
        canvas.setPicture(frame.picture());
        gridsPublished.set(gridsPublished.get() + 1);
    }

    private void hover(double[] abLoss) {
        if (abLoss == null || shown == null) {
            readout.setText("");
            return;
        }
        LossLandscapeCanvas.Picture p = shown.picture();
        readout.setText(p.nameA() + " = " + LossHistoryChart.formatLoss(abLoss[0]) + ", "
                + p.nameB() + " = " + LossHistoryChart.formatLoss(abLoss[1]) + ":  L ≈ "
                + LossHistoryChart.formatLoss(abLoss[2]));
    }
}
