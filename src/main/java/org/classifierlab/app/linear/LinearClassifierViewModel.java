package org.classifierlab.app.linear;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import javafx.animation.AnimationTimer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.classifierlab.app.shell.PointEditing;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.linear.GradientCheck;
import org.classifierlab.core.linear.LinearModel;
import org.classifierlab.core.linear.LinearObjective;
import org.classifierlab.core.linear.LinearScene;
import org.classifierlab.core.linear.LossFormulation;
import org.classifierlab.core.playground.EditHistory;
import org.classifierlab.core.scene.Linear2dState;
import org.classifierlab.core.scene.ScenePoint;

/**
 * State and commands of the 2D linear-classifier lesson: the scene (points and W, b) with its undo history,
 * the loss formulation, λ and the step size, the evaluation of the current state, gradient descent (single
 * steps and runs) and the gradient check. Every user edit is one undo step; a whole run is one. Holds no
 * nodes. FX thread only (evaluation of at most {@value #MAX_POINTS} points is cheap enough for it).
 */
public final class LinearClassifierViewModel implements PointEditing {

    /** Most points the lesson keeps: evaluation, table and gradient check stay instant on the FX thread. */
    public static final int MAX_POINTS = 500;
    /** Largest |parameter| a spinner or a step may produce: beyond it a step has diverged. */
    public static final double MAX_PARAMETER = 1000;
    /** Most steps per second of a run. */
    public static final int MAX_STEPS_PER_SECOND = 60;
    /** Weights and biases of "randomise" are uniform in ±this. */
    public static final double RANDOM_SCALE = 2;
    /** Most steps one animation frame may take (a slow frame does not make a run race to catch up). */
    static final int MAX_STEPS_PER_FRAME = 6;
    static final int HISTORY_LIMIT = 300;
    private static final double NEW_CLASS_SCALE = 1;

    private final ObjectProperty<LossFormulation> formulation =
            new SimpleObjectProperty<>(this, "formulation", LossFormulation.WESTON_WATKINS);
    private final ReadOnlyDoubleWrapper lambda = new ReadOnlyDoubleWrapper(this, "lambda", LinearScene.CS231N_LAMBDA);
    private final ReadOnlyDoubleWrapper stepSize = new ReadOnlyDoubleWrapper(this, "stepSize", LinearScene.CS231N_STEP);
    private final IntegerProperty stepsPerSecond = new SimpleIntegerProperty(this, "stepsPerSecond", 10);
    private final IntegerProperty addClass = new SimpleIntegerProperty(this, "addClass", 0);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);

    private final ReadOnlyObjectWrapper<LinearScene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ReadOnlyObjectWrapper<LinearObjective.Evaluation> evaluation =
            new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ReadOnlyObjectWrapper<LinearObjective.Evaluation> otherEvaluation =
            new ReadOnlyObjectWrapper<>(this, "otherEvaluation");
    private final ReadOnlyObjectWrapper<GradientCheck.Report> gradientCheck =
            new ReadOnlyObjectWrapper<>(this, "gradientCheck");
    private final ReadOnlyIntegerWrapper iteration = new ReadOnlyIntegerWrapper(this, "iteration", 0);
    private final ReadOnlyIntegerWrapper trajectory = new ReadOnlyIntegerWrapper(this, "trajectory", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final EditHistory<LinearScene> history;
    private final SplittableRandom random = new SplittableRandom(231);
    private LinearScene beforeGesture;
    private LinearScene beforeRun;
    private AnimationTimer runTimer;
    private long lastFrame = -1;
    private double stepBudget;

    public LinearClassifierViewModel() {
        LinearScene first = LinearScene.cs231nDemo();
        history = new EditHistory<>(first, HISTORY_LIMIT);
        scene.set(first);
        formulation.addListener((o, a, f) -> {
            if (f == null) {
                formulation.set(a);
                return;
            }
            evaluate();
        });
        stepsPerSecond.addListener((o, a, v) -> {
            int clamped = Math.max(1, Math.min(MAX_STEPS_PER_SECOND, v.intValue()));
            if (clamped != v.intValue()) {
                stepsPerSecond.set(clamped);
            }
        });
        evaluate();
        updateUndoState();
    }

    /** The objective in force: the selected formulation with λ. */
    public LinearObjective objective() {
        return new LinearObjective(formulation.get(), lambda.get());
    }

    /** Sets λ; false (and a message) unless it is a finite number ≥ 0. */
    public boolean setLambda(double value) {
        if (!(value >= 0) || value > 1e6) {
            message.set(String.format(Locale.ROOT, "λ must be a number from 0 to 1e6, not %s.", value));
            return false;
        }
        if (value != lambda.get()) {
            lambda.set(value);
            evaluate();
        }
        return true;
    }

    /** Sets the step size η; false (and a message) unless it is a finite number > 0. */
    public boolean setStepSize(double value) {
        if (!(value > 0) || value > 1e6) {
            message.set(String.format(Locale.ROOT, "The step size must be a number above 0 and at most 1e6, not %s.",
                    value));
            return false;
        }
        stepSize.set(value);
        return true;
    }

    /** Switches to the next loss formulation (WW → one-vs-all → structured → softmax → WW). */
    public void cycleFormulation() {
        LossFormulation[] all = LossFormulation.values();
        formulation.set(all[(formulation.get().ordinal() + 1) % all.length]);
    }

    /** One gradient-descent step as its own undo step (while running, the run takes its steps itself). */
    public boolean step() {
        if (running.get()) {
            return false;
        }
        endGesture();
        LinearModel next = steppedModel();
        if (next == null) {
            return false;
        }
        history.push(scene.get().withModel(next));
        updateUndoState();
        applyStep(next);
        return true;
    }

    /** Starts stepping {@link #stepsPerSecondProperty()} times a second until {@link #stopRun()}. */
    public void startRun() {
        if (running.get()) {
            return;
        }
        endGesture();
        beforeRun = scene.get();
        lastFrame = -1;
        stepBudget = 0;
        if (runTimer == null) {
            runTimer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    advanceRun(now);
                }
            };
        }
        running.set(true);
        message.set("");
        runTimer.start();
    }

    /** Stops a run; the whole run becomes one undo step. */
    public void stopRun() {
        if (!running.get()) {
            return;
        }
        runTimer.stop();
        running.set(false);
        if (beforeRun != null && !beforeRun.equals(scene.get())) {
            history.push(scene.get());
            updateUndoState();
        }
        beforeRun = null;
    }

    /** Starts or stops a run. */
    public void toggleRun() {
        if (running.get()) {
            stopRun();
        } else {
            startRun();
        }
    }

    /** One animation frame of a run at time {@code now} (ns): takes the steps that are due. */
    void advanceRun(long now) {
        if (!running.get()) {
            return;
        }
        if (lastFrame < 0) {
            stepBudget = 1;
        } else {
            stepBudget += (now - lastFrame) * 1e-9 * stepsPerSecond.get();
        }
        lastFrame = now;
        int due = Math.min(MAX_STEPS_PER_FRAME, (int) stepBudget);
        stepBudget = Math.min(stepBudget - due, 1);
        for (int i = 0; i < due && running.get(); i++) {
            LinearModel next = steppedModel();
            if (next == null) {
                stopRun();
                return;
            }
            applyStep(next);
        }
    }

    /** W, b minus η times the gradient, or null (and a message) if that would leave the allowed range. */
    private LinearModel steppedModel() {
        LinearModel model = scene.get().model();
        double[] p = model.parameters();
        double[] g = evaluation.get().gradient().flat();
        double eta = stepSize.get();
        for (int i = 0; i < p.length; i++) {
            p[i] -= eta * g[i];
            if (!Double.isFinite(p[i]) || Math.abs(p[i]) > MAX_PARAMETER) {
                message.set(String.format(Locale.ROOT, "Stopped: this step would take %s beyond ±%.0f — the "
                        + "optimisation diverges. Make the step size smaller (with λ = %s each step multiplies W "
                        + "by 1 − 2ηλ = %.3g from the regularisation alone).", model.parameterName(i), MAX_PARAMETER,
                        LinearFormat.number(lambda.get()), 1 - 2 * eta * lambda.get()));
                return null;
            }
        }
        return model.withParameters(p);
    }

    private void applyStep(LinearModel next) {
        message.set("");
        setScene(scene.get().withModel(next), true);
        iteration.set(iteration.get() + 1);
    }

    /** Sets flat parameter {@code index} (W row by row, then b) as one undo step; false on a bad value. */
    public boolean setParameter(int index, double value) {
        LinearModel model = scene.get().model();
        if (index < 0 || index >= model.parameterCount()) {
            return false;
        }
        if (!Double.isFinite(value) || Math.abs(value) > MAX_PARAMETER) {
            message.set(String.format(Locale.ROOT, "%s must be a number between −%.0f and %.0f.",
                    model.parameterName(index), MAX_PARAMETER, MAX_PARAMETER));
            return false;
        }
        if (model.parameter(index) != value) {
            commit(scene.get().withModel(model.withParameter(index, value)));
        }
        return true;
    }

    /** Sets two flat parameters at once (a click in the loss landscape) as one undo step; false on a bad value. */
    public boolean setParameters(int a, double valueA, int b, double valueB) {
        LinearModel model = scene.get().model();
        if (a < 0 || b < 0 || a >= model.parameterCount() || b >= model.parameterCount()) {
            return false;
        }
        if (!Double.isFinite(valueA) || !Double.isFinite(valueB) || Math.abs(valueA) > MAX_PARAMETER
                || Math.abs(valueB) > MAX_PARAMETER) {
            message.set(String.format(Locale.ROOT, "Parameters must be numbers between −%.0f and %.0f.",
                    MAX_PARAMETER, MAX_PARAMETER));
            return false;
        }
        commit(scene.get().withModel(model.withParameter(a, valueA).withParameter(b, valueB)));
        return true;
    }

    /**
     * Sets class {@code c}'s row while a line or arrow drag is under way (see {@link #beginGesture()});
     * values are clamped to ±{@link #MAX_PARAMETER}.
     */
    public void previewRow(int c, double wx, double wy, double b) {
        if (!Double.isFinite(wx) || !Double.isFinite(wy) || !Double.isFinite(b)) {
            return;
        }
        LinearModel model = scene.get().model();
        LinearModel next = model.withRow(c, new double[] {clamp(wx), clamp(wy)}, clamp(b));
        if (!next.equals(model)) {
            setScene(scene.get().withModel(next), false);
        }
    }

    /** New random W and b, uniform in ±{@value #RANDOM_SCALE} (one undo step). */
    public void randomise() {
        stopRun();
        endGesture();
        commit(scene.get().withModel(LinearModel.random(scene.get().classCount(), 2, RANDOM_SCALE, random)));
    }

    /** The CS231n demo's points, W, b, λ, step size and loss again (the points and model as one undo step). */
    public void reset() {
        stopRun();
        endGesture();
        selected.set(-1);
        formulation.set(LossFormulation.WESTON_WATKINS);
        lambda.set(LinearScene.CS231N_LAMBDA);
        stepSize.set(LinearScene.CS231N_STEP);
        addClass.set(0);
        commit(LinearScene.cs231nDemo());
        evaluate();
        startTrajectory();
    }

    /**
     * Sets the number of classes (2–7) as one undo step: new classes get a small random row of W and b
     * (a zero row would score 0 everywhere and have no line to grab); removed classes take their points along.
     */
    public void setClassCount(int count) {
        int target = Math.max(LinearScene.MIN_CLASSES, Math.min(LinearScene.MAX_CLASSES, count));
        LinearScene s = scene.get();
        if (target == s.classCount()) {
            return;
        }
        stopRun();
        endGesture();
        while (s.classCount() < target) {
            s = s.withClassAdded();
            int c = s.classCount() - 1;
            s = s.withModel(s.model().withRow(c, new double[] {random.nextDouble(-NEW_CLASS_SCALE, NEW_CLASS_SCALE),
                random.nextDouble(-NEW_CLASS_SCALE, NEW_CLASS_SCALE)}, random.nextDouble(-0.5, 0.5)));
        }
        while (s.classCount() > target) {
            s = s.withLastClassRemoved();
        }
        selected.set(-1);
        if (addClass.get() >= target) {
            addClass.set(target - 1);
        }
        commit(s);
    }

    /** Adds a point of the class for new points at (x, y) (one undo step); its index, or -1 at the limit. */
    public int addPoint(double x, double y) {
        LabeledPoints p = scene.get().points();
        if (p.size() >= MAX_POINTS) {
            message.set("The lesson keeps at most " + MAX_POINTS + " points (the table and gradient check stay "
                    + "instant); delete some first.");
            return -1;
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return -1;
        }
        int label = Math.max(0, Math.min(addClass.get(), scene.get().classCount() - 1));
        double[] xs = Arrays.copyOf(p.x(), p.size() + 1);
        double[] ys = Arrays.copyOf(p.y(), p.size() + 1);
        int[] ls = Arrays.copyOf(p.label(), p.size() + 1);
        xs[p.size()] = x;
        ys[p.size()] = y;
        ls[p.size()] = label;
        commit(scene.get().withPoints(new LabeledPoints(xs, ys, ls, p.classCount())));
        selected.set(p.size());
        return p.size();
    }

    /** Removes point {@code index} (one undo step). */
    public void removePoint(int index) {
        LabeledPoints p = scene.get().points();
        if (index < 0 || index >= p.size()) {
            return;
        }
        selected.set(-1);
        commit(scene.get().withPoints(p.without(index)));
    }

    /** Gives point {@code index} class {@code label} (one undo step). */
    @Override
    public void relabel(int index, int label) {
        LabeledPoints p = scene.get().points();
        if (index < 0 || index >= p.size() || label < 0 || label >= p.classCount() || p.label(index) == label) {
            return;
        }
        int[] ls = p.label();
        ls[index] = label;
        commit(scene.get().withPoints(new LabeledPoints(p.x(), p.y(), ls, p.classCount())));
    }

    /** Moves point {@code index} to the next class (one undo step). */
    public void cycleClass(int index) {
        LabeledPoints p = scene.get().points();
        if (index >= 0 && index < p.size()) {
            relabel(index, (p.label(index) + 1) % p.classCount());
        }
    }

    /** Moves point {@code index} to (x, y) during a drag (see {@link #beginGesture()}). */
    public void previewPointMove(int index, double x, double y) {
        LabeledPoints p = scene.get().points();
        if (index < 0 || index >= p.size() || !Double.isFinite(x) || !Double.isFinite(y)
                || (p.x(index) == x && p.y(index) == y)) {
            return;
        }
        double[] xs = p.x();
        double[] ys = p.y();
        xs[index] = x;
        ys[index] = y;
        setScene(scene.get().withPoints(new LabeledPoints(xs, ys, p.label(), p.classCount())), false);
    }

    /** Starts a drag: the changes until {@link #endGesture()} form one undo step. */
    public void beginGesture() {
        endGesture();
        beforeGesture = scene.get();
    }

    /** Ends a drag: one undo step if anything changed (during a run, the run's step covers it). */
    public void endGesture() {
        if (beforeGesture != null && !beforeGesture.equals(scene.get()) && !running.get()) {
            history.push(scene.get());
            updateUndoState();
        }
        beforeGesture = null;
    }

    public boolean isInGesture() {
        return beforeGesture != null;
    }

    @Override
    public void undo() {
        stopRun();
        endGesture();
        if (history.canUndo()) {
            selected.set(-1);
            setScene(history.undo(), false);
            updateUndoState();
        }
    }

    @Override
    public void redo() {
        stopRun();
        endGesture();
        if (history.canRedo()) {
            selected.set(-1);
            setScene(history.redo(), false);
            updateUndoState();
        }
    }

    private void commit(LinearScene next) {
        if (next.equals(scene.get())) {
            return;
        }
        if (!running.get() && beforeGesture == null) {
            history.push(next);
            updateUndoState();
        }
        setScene(next, false);
    }

    private void setScene(LinearScene next, boolean byStep) {
        LinearScene old = scene.get();
        scene.set(next);
        if (!byStep) {
            message.set("");
        }
        evaluate();
        if (!byStep && !next.model().equals(old.model())) {
            startTrajectory();
        }
    }

    private void startTrajectory() {
        iteration.set(0);
        trajectory.set(trajectory.get() + 1);
    }

    private void updateUndoState() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    private void evaluate() {
        LinearScene s = scene.get();
        LinearObjective objective = objective();
        evaluation.set(objective.evaluate(s.model(), s.points()));
        otherEvaluation.set(objective.withFormulation(formulation.get().otherFamily()).evaluate(s.model(), s.points()));
        gradientCheck.set(null);
    }

    /** Compares the analytic gradient of the current state with centred differences. */
    public GradientCheck.Report checkGradient() {
        LinearScene s = scene.get();
        GradientCheck.Report report = GradientCheck.check(objective(), s.model(), s.points());
        gradientCheck.set(report);
        return report;
    }

    private static double clamp(double v) {
        return Math.max(-MAX_PARAMETER, Math.min(MAX_PARAMETER, v));
    }

    /** Stops a run; call when the lesson closes. */
    public void dispose() {
        stopRun();
    }

    public ReadOnlyObjectProperty<LinearScene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public LinearScene scene() {
        return scene.get();
    }

    public ReadOnlyObjectProperty<LinearObjective.Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    public LinearObjective.Evaluation evaluation() {
        return evaluation.get();
    }

    /** The evaluation under the other family's loss ({@link LossFormulation#otherFamily()}), same λ. */
    public ReadOnlyObjectProperty<LinearObjective.Evaluation> otherEvaluationProperty() {
        return otherEvaluation.getReadOnlyProperty();
    }

    /** The last gradient check, or null if the state changed since. */
    public ReadOnlyObjectProperty<GradientCheck.Report> gradientCheckProperty() {
        return gradientCheck.getReadOnlyProperty();
    }

    public ObjectProperty<LossFormulation> formulationProperty() {
        return formulation;
    }

    public ReadOnlyDoubleProperty lambdaProperty() {
        return lambda.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty stepSizeProperty() {
        return stepSize.getReadOnlyProperty();
    }

    /** Steps per second of a run, 1 to {@value #MAX_STEPS_PER_SECOND}. */
    public IntegerProperty stepsPerSecondProperty() {
        return stepsPerSecond;
    }

    /** The class a click adds. */
    @Override
    public IntegerProperty addClassProperty() {
        return addClass;
    }

    /** The selected point, or -1. */
    @Override
    public IntegerProperty selectedProperty() {
        return selected;
    }

    @Override
    public int classCount() {
        return scene().classCount();
    }

    @Override
    public int pointCount() {
        return scene().points().size();
    }

    /** Steps taken since W, b were last set another way (an edit, randomise, reset, undo). */
    public ReadOnlyIntegerProperty iterationProperty() {
        return iteration.getReadOnlyProperty();
    }

    /** Counts optimisation paths: it goes up whenever W, b are set other than by a step. */
    public ReadOnlyIntegerProperty trajectoryProperty() {
        return trajectory.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** A message for the user (a limit reached, a diverging step), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The points, W, b, λ, step size, loss, run speed and class of new points for a scene file (view switches: null tab, off). */
    public Linear2dState sceneState() {
        LinearScene sc = scene.get();
        LabeledPoints p = sc.points();
        java.util.List<ScenePoint> points = new java.util.ArrayList<>(p.size());
        for (int i = 0; i < p.size(); i++) {
            points.add(new ScenePoint(p.x(i), p.y(i), p.label(i), false));
        }
        return new Linear2dState(points, sc.classCount(), sc.model().weights(), sc.model().biases(), lambda.get(),
                stepSize.get(), formulation.get(), stepsPerSecond.get(), addClass.get(), false, false, null);
    }

    /** Takes a scene's state (checked by the scene reader): a run stops, points and W, b become one undo step. */
    public void applyScene(Linear2dState s) {
        stopRun();
        endGesture();
        int n = s.points().size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            ScenePoint p = s.points().get(i);
            x[i] = p.x();
            y[i] = p.y();
            label[i] = p.label();
        }
        LinearScene next = new LinearScene(new LabeledPoints(x, y, label, s.classCount()),
                LinearModel.of(s.weights(), s.biases()));
        selected.set(-1);
        formulation.set(s.formulation());
        lambda.set(s.lambda());
        stepSize.set(s.stepSize());
        stepsPerSecond.set(s.stepsPerSecond());
        addClass.set(Math.min(s.addClass(), s.classCount() - 1));
        commit(next);
        evaluate();
        startTrajectory();
    }
}
