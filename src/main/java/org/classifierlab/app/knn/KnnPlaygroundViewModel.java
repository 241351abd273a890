package org.classifierlab.app.knn;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.classifierlab.app.shell.PointEditing;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.playground.Distribution;
import org.classifierlab.core.playground.EditHistory;
import org.classifierlab.core.playground.GeneratorSettings;
import org.classifierlab.core.playground.PlaygroundPoint;
import org.classifierlab.core.playground.PlaygroundScene;
import org.classifierlab.core.playground.PointGenerator;
import org.classifierlab.core.scene.KnnPlaygroundState;
import org.classifierlab.core.scene.ScenePoint;

/**
 * State and commands of one k-NN playground: the point scene with its undo history, the generator
 * settings, the classifier settings and the display switches. Holds no nodes. FX thread only.
 */
public final class KnnPlaygroundViewModel implements PointEditing {

    /** Most undo steps kept; a scene of 5,000 points is ~200 kB, so this stays small. */
    static final int HISTORY_LIMIT = 200;
    public static final int MAX_CLASSES = 7;

    private final ObjectProperty<Distribution> distribution = new SimpleObjectProperty<>(this, "distribution");
    private final IntegerProperty classes = new SimpleIntegerProperty(this, "classes");
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count");
    private final DoubleProperty noise = new SimpleDoubleProperty(this, "noise");
    private final LongProperty seed = new SimpleLongProperty(this, "seed");
    private final DoubleProperty testFraction = new SimpleDoubleProperty(this, "testFraction", 0);

    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 1);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric", Metric.L2);
    private final ObjectProperty<TieRule> tieRule = new SimpleObjectProperty<>(this, "tieRule", TieRule.UNDECIDED);
    private final BooleanProperty confidenceShading = new SimpleBooleanProperty(this, "confidenceShading", false);
    private final BooleanProperty boundaryLines = new SimpleBooleanProperty(this, "boundaryLines", false);
    private final BooleanProperty probeEnabled = new SimpleBooleanProperty(this, "probeEnabled", true);
    private final IntegerProperty addClass = new SimpleIntegerProperty(this, "addClass", 0);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final IntegerProperty folds = new SimpleIntegerProperty(this, "folds", 5);

    private final ReadOnlyObjectWrapper<PlaygroundScene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final IntegerBinding trainingCount;
    private EditHistory<PlaygroundScene> history;
    private PlaygroundScene beforeDrag;

    public KnnPlaygroundViewModel() {
        GeneratorSettings d = GeneratorSettings.defaults();
        distribution.set(d.distribution());
        classes.set(d.classes());
        count.set(d.count());
        noise.set(d.noise());
        seed.set(d.seed());
        PlaygroundScene first = generateScene();
        history = new EditHistory<>(first, HISTORY_LIMIT);
        scene.set(first);
        trainingCount = Bindings.createIntegerBinding(() -> scene.get().training().size(), scene);
        trainingCount.addListener((obs, old, n) -> clampK());
        updateUndoState();
    }

    /** Replaces the points by freshly generated ones from the current settings (undoable). */
    public void regenerate() {
        commit(generateScene());
        selected.set(-1);
    }

    /** Picks a new random seed and regenerates (undoable). */
    public void regenerateWithNewSeed() {
        seed.set(Math.floorMod(System.nanoTime() * 6364136223846793005L, 1_000_000L));
        regenerate();
    }

    private PlaygroundScene generateScene() {
        GeneratorSettings s = new GeneratorSettings(distribution.get(), classes.get(), count.get(), noise.get(), seed.get());
        return PlaygroundScene.of(PointGenerator.generate(s)).withTestSplit(testFraction.get(), seed.get());
    }

    /** Replaces the points by {@code scene} (a prepared scene, a test fixture) as one undoable step. */
    public void load(PlaygroundScene newScene) {
        if (newScene.classCount() > MAX_CLASSES) {
            throw new IllegalArgumentException("a playground scene has at most " + MAX_CLASSES + " classes, not "
                    + newScene.classCount());
        }
        selected.set(-1);
        commit(newScene);
    }

    /** Marks {@code fraction} of the points as held-out test points, chosen with the seed (undoable). */
    public void applyTestSplit(double fraction) {
        testFraction.set(fraction);
        commit(scene.get().withTestSplit(fraction, seed.get()));
    }

    /** Adds a training point of the selected class at world position (x, y) (undoable); returns its index. */
    public int addPoint(double x, double y) {
        int label = Math.min(addClass.get(), scene.get().classCount() - 1);
        commit(scene.get().withAdded(new PlaygroundPoint(x, y, label, false)));
        int index = scene.get().points().size() - 1;
        selected.set(index);
        return index;
    }

    /** Starts dragging point {@code index}: moves until {@link #endDrag()} form one undo step. */
    public void beginDrag(int index) {
        beforeDrag = scene.get();
        selected.set(index);
    }

    /** Moves point {@code index} to world position (x, y) while dragging (no undo step of its own). */
    public void dragTo(int index, double x, double y) {
        PlaygroundPoint p = scene.get().points().get(index);
        if (p.x() == x && p.y() == y) {
            return;
        }
        scene.set(scene.get().withPoint(index, new PlaygroundPoint(x, y, p.label(), p.test())));
    }

    /** Ends a drag: records one undo step if the point moved. */
    public void endDrag() {
        if (beforeDrag != null && !beforeDrag.equals(scene.get())) {
            history.push(scene.get());
            updateUndoState();
        }
        beforeDrag = null;
    }

    public boolean isDragging() {
        return beforeDrag != null;
    }

    /** Removes point {@code index} (undoable). */
    public void removePoint(int index) {
        if (index < 0 || index >= scene.get().points().size()) {
            return;
        }
        if (scene.get().training().size() <= 1 && !scene.get().points().get(index).test()) {
            return;
        }
        selected.set(-1);
        commit(scene.get().without(index));
    }

    /** Gives point {@code index} class {@code label} (undoable). */
    @Override
    public void relabel(int index, int label) {
        PlaygroundPoint p = scene.get().points().get(index);
        if (label < 0 || label >= scene.get().classCount() || p.label() == label) {
            return;
        }
        commit(scene.get().withPoint(index, new PlaygroundPoint(p.x(), p.y(), label, p.test())));
    }

    /** Moves point {@code index} to the next class (undoable). */
    public void cycleClass(int index) {
        PlaygroundPoint p = scene.get().points().get(index);
        relabel(index, (p.label() + 1) % scene.get().classCount());
    }

    /** Turns a training point into a held-out test point and back (undoable). */
    public void toggleTest(int index) {
        PlaygroundPoint p = scene.get().points().get(index);
        if (!p.test() && scene.get().training().size() <= 1) {
            return;
        }
        commit(scene.get().withPoint(index, new PlaygroundPoint(p.x(), p.y(), p.label(), !p.test())));
    }

    @Override
    public void undo() {
        if (history.canUndo()) {
            endDrag();
            scene.set(history.undo());
            selected.set(-1);
            updateUndoState();
        }
    }

    @Override
    public void redo() {
        if (history.canRedo()) {
            scene.set(history.redo());
            selected.set(-1);
            updateUndoState();
        }
    }

    private void commit(PlaygroundScene next) {
        if (next.equals(scene.get())) {
            return;
        }
        history.push(next);
        scene.set(next);
        updateUndoState();
    }

    private void updateUndoState() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    private void clampK() {
        int n = Math.max(1, trainingCount.get());
        if (k.get() > n) {
            k.set(n);
        }
    }

    /** K one step up or down, kept in [1, number of training points]. */
    public void stepK(int delta) {
        k.set(Math.max(1, Math.min(trainingCount.get(), k.get() + delta)));
    }

    public void cycleMetric() {
        Metric[] all = Metric.values();
        metric.set(all[(metric.get().ordinal() + 1) % all.length]);
    }

    public void cycleTieRule() {
        TieRule[] all = TieRule.values();
        tieRule.set(all[(tieRule.get().ordinal() + 1) % all.length]);
    }

    public ReadOnlyObjectProperty<PlaygroundScene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public PlaygroundScene scene() {
        return scene.get();
    }

    public IntegerBinding trainingCount() {
        return trainingCount;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ObjectProperty<Distribution> distributionProperty() {
        return distribution;
    }

    public IntegerProperty classesProperty() {
        return classes;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public DoubleProperty noiseProperty() {
        return noise;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public DoubleProperty testFractionProperty() {
        return testFraction;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    public ObjectProperty<TieRule> tieRuleProperty() {
        return tieRule;
    }

    public BooleanProperty confidenceShadingProperty() {
        return confidenceShading;
    }

    public BooleanProperty boundaryLinesProperty() {
        return boundaryLines;
    }

    public BooleanProperty probeEnabledProperty() {
        return probeEnabled;
    }

    @Override
    public IntegerProperty addClassProperty() {
        return addClass;
    }

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

    public IntegerProperty foldsProperty() {
        return folds;
    }

    /** Everything a scene file keeps of this playground. */
    public KnnPlaygroundState sceneState() {
        java.util.List<ScenePoint> points = new java.util.ArrayList<>();
        for (PlaygroundPoint p : scene.get().points()) {
            points.add(new ScenePoint(p.x(), p.y(), p.label(), p.test()));
        }
        return new KnnPlaygroundState(points, scene.get().classCount(), distribution.get(), classes.get(), count.get(),
                noise.get(), seed.get(), testFraction.get(), k.get(), metric.get(), tieRule.get(), folds.get(),
                confidenceShading.get(), boundaryLines.get(), probeEnabled.get(), addClass.get());
    }

    /**
     * Takes a scene's state (checked by the scene reader): the points replace the current ones as one undo step, and
     * the settings follow without regenerating anything.
     */
    public void applyScene(KnnPlaygroundState s) {
        java.util.List<PlaygroundPoint> points = new java.util.ArrayList<>();
        for (ScenePoint p : s.points()) {
            points.add(new PlaygroundPoint(p.x(), p.y(), p.label(), p.test()));
        }
        PlaygroundScene next = new PlaygroundScene(points, s.classCount());
        endDrag();
        distribution.set(s.distribution());
        classes.set(s.classes());
        count.set(s.count());
        noise.set(s.noise());
        seed.set(s.seed());
        testFraction.set(s.testFraction());
        load(next);
        k.set(Math.max(1, Math.min(s.k(), trainingCount.get())));
        metric.set(s.metric());
        tieRule.set(s.tieRule());
        folds.set(s.folds());
        confidenceShading.set(s.confidenceShading());
        boundaryLines.set(s.boundaryLines());
        probeEnabled.set(s.probe());
        addClass.set(Math.min(s.addClass(), s.classCount() - 1));
    }
}
