package org.classifierlab.app.loss;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.playground.EditHistory;
import org.classifierlab.core.scene.LossExplorerState;

/**
 * State and commands of one loss explorer: the examples and the explored score vector with undo, the hinge
 * options, the note of the last lecture question, and the derived losses (from core, recomputed on every
 * change: microseconds, so no background work). Holds no nodes. FX thread only.
 */
public final class LossExplorerViewModel {

    static final int HISTORY_LIMIT = 300;
    /** Largest margin Δ that may be typed (the slider goes to {@link #DELTA_SLIDER_MAX}). */
    public static final double DELTA_MAX = 100;
    public static final double DELTA_SLIDER_MAX = 20;
    static final int MAX_EXAMPLES = 100;
    static final int MAX_NAME_LENGTH = 24;

    private final ReadOnlyObjectWrapper<LossState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<LossReadout> readout = new ReadOnlyObjectWrapper<>(this, "readout");
    private final ReadOnlyObjectWrapper<ExampleLosses> examples = new ReadOnlyObjectWrapper<>(this, "examples");
    private final ReadOnlyObjectWrapper<LossPreset.Note> note = new ReadOnlyObjectWrapper<>(this, "note");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final IntegerProperty selectedBar = new SimpleIntegerProperty(this, "selectedBar", 1);
    private final ReadOnlyBooleanWrapper dragging = new ReadOnlyBooleanWrapper(this, "dragging");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final EditHistory<LossState> history;

    public LossExplorerViewModel() {
        LossState first = LossState.initial();
        history = new EditHistory<>(first, HISTORY_LIMIT);
        state.addListener((o, a, s) -> {
            readout.set(LossReadout.of(s.current(), s.options()));
            if (a == null || !a.examples().equals(s.examples()) || !a.options().equals(s.options())) {
                examples.set(ExampleLosses.of(s.examples(), s.options()));
            }
            int bars = s.current().classCount();
            if (selectedBar.get() >= bars) {
                selectedBar.set(bars - 1);
            }
        });
        state.set(first);
    }

    public ReadOnlyObjectProperty<LossState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public LossState state() {
        return state.get();
    }

    /** Both losses of the explored example. */
    public ReadOnlyObjectProperty<LossReadout> readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** Every example's losses and the averages, for the table. */
    public ReadOnlyObjectProperty<ExampleLosses> examplesProperty() {
        return examples.getReadOnlyProperty();
    }

    /** The note of the last lecture question, or null. */
    public ReadOnlyObjectProperty<LossPreset.Note> noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Why the last typed value was refused, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The bar the arrow keys move. */
    public IntegerProperty selectedBarProperty() {
        return selectedBar;
    }

    public ReadOnlyBooleanProperty draggingProperty() {
        return dragging.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Sets score {@code j} of the explored example (undoable); false with a message if the value is refused. */
    public boolean setScore(int j, double value) {
        try {
            LossExample.checkScore(value);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
        LossExample e = state.get().current();
        if (j < 0 || j >= e.classCount()) {
            return false;
        }
        record(state.get().withCurrent(e.withScore(j, value)));
        return true;
    }

    /** Adds {@code step} to the selected bar's score, rounded to the step's decimals (undoable). */
    public void nudgeSelected(double step, int decimals) {
        int j = selectedBar.get();
        LossExample e = state.get().current();
        if (j >= 0 && j < e.classCount()) {
            double v = snap(e.score(j) + step, decimals);
            setScore(j, Math.max(-LossExample.MAX_ABS_SCORE, Math.min(LossExample.MAX_ABS_SCORE, v)));
        }
    }

    /** Starts dragging bar {@code j}: the drag becomes one undo step when it ends. */
    public void beginDrag(int j) {
        selectedBar.set(j);
        dragging.set(true);
    }

    /** Moves the dragged bar's score (not recorded until {@link #endDrag}). */
    public void dragScore(int j, double value) {
        LossExample e = state.get().current();
        double v = Math.max(-LossExample.MAX_ABS_SCORE, Math.min(LossExample.MAX_ABS_SCORE, value));
        if (dragging.get() && j >= 0 && j < e.classCount() && v != e.score(j)) {
            state.set(state.get().withCurrent(e.withScore(j, v)));
        }
    }

    public void endDrag() {
        if (dragging.get()) {
            dragging.set(false);
            if (!state.get().equals(history.current())) {
                record(state.get());
            }
        }
    }

    /** Rounds {@code v} to {@code decimals} decimals, as a drag snaps (0.1, or 0.01 with Shift). */
    public static double snap(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    public void setCorrect(int y) {
        LossExample e = state.get().current();
        if (y >= 0 && y < e.classCount() && y != e.correct()) {
            record(state.get().withCurrent(e.withCorrect(y)));
        }
    }

    public boolean setClassCount(int n) {
        LossExample e = state.get().current();
        if (n == e.classCount()) {
            return true;
        }
        try {
            record(state.get().withCurrent(e.withClassCount(n)));
            return true;
        } catch (IllegalArgumentException ex) {
            message.set(ex.getMessage());
            return false;
        }
    }

    public boolean renameClass(int j, String name) {
        String n = name == null ? "" : name.strip();
        LossExample e = state.get().current();
        if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
            message.set("A class name needs 1 to " + MAX_NAME_LENGTH + " characters.");
            return false;
        }
        if (j >= 0 && j < e.classCount() && !n.equals(e.className(j))) {
            record(state.get().withCurrent(e.withClassName(j, n)));
        }
        return true;
    }

    public HingeLoss.Options options() {
        return state.get().options();
    }

    /** Sets Δ (undoable); false with a message outside [0, {@link #DELTA_MAX}]. */
    public boolean setDelta(double delta) {
        if (!checkDelta(delta)) {
            return false;
        }
        if (delta != options().delta()) {
            record(state.get().withOptions(options().withDelta(delta)));
        } else if (!state.get().equals(history.current())) {
            record(state.get());
        }
        return true;
    }

    /** Shows Δ while the slider moves, recorded once by the final {@link #setDelta}. */
    public void previewDelta(double delta) {
        if (delta >= 0 && delta <= DELTA_MAX && delta != options().delta()) {
            state.set(state.get().withOptions(options().withDelta(delta)));
        }
    }

    public void stepDelta(double step) {
        setDelta(Math.max(0, Math.min(DELTA_MAX, snap(options().delta() + step, 2))));
    }

    private boolean checkDelta(double delta) {
        if (!(delta >= 0 && delta <= DELTA_MAX)) {
            message.set("The margin Δ must be between 0 and " + (int) DELTA_MAX + ".");
            return false;
        }
        message.set("");
        return true;
    }

    public void setSquared(boolean on) {
        if (on != options().squared()) {
            record(state.get().withOptions(options().withSquared(on)));
        }
    }

    public void setIncludeCorrect(boolean on) {
        if (on != options().includeCorrect()) {
            record(state.get().withOptions(options().withIncludeCorrect(on)));
        }
    }

    public void setMean(boolean on) {
        if (on != options().mean()) {
            record(state.get().withOptions(options().withMean(on)));
        }
    }

    /** Explores table row {@code row}; the explored example's edits are already in its row. */
    public void selectExample(int row) {
        LossState s = state.get();
        if (row >= 0 && row < s.examples().size() && row != s.selected()) {
            record(s.withSelected(row));
        }
    }

    /** Explores the previous or next table row. */
    public void stepExample(int step) {
        LossState s = state.get();
        int n = s.examples().size();
        int from = s.selected() < 0 ? (step > 0 ? -1 : n) : s.selected();
        selectExample(Math.max(0, Math.min(n - 1, from + step)));
    }

    /** Puts the slides' three examples back; a preset state being explored stays explored. */
    public void resetExamples() {
        LossState s = state.get();
        List<LossExample> slides = LossExample.slideExamples();
        int row = s.exploringRow() ? Math.min(s.selected(), slides.size() - 1) : -1;
        LossState next = s.withExamples(slides, row);
        if (!next.equals(s)) {
            record(next);
        }
    }

    /** Appends the explored example to the table and explores that new row. */
    public boolean addCurrentAsExample() {
        LossState s = state.get();
        if (s.examples().size() >= MAX_EXAMPLES) {
            message.set("The table holds at most " + MAX_EXAMPLES + " examples.");
            return false;
        }
        List<LossExample> list = new ArrayList<>(s.examples());
        list.add(s.current().withName(Integer.toString(list.size() + 1)));
        record(s.withExamples(list, list.size() - 1));
        return true;
    }

    /** Applies a lecture question: its state (undoable) and its note. */
    public void applyPreset(LossPreset preset) {
        LossPreset.Outcome outcome = preset.apply(state.get());
        record(outcome.state());
        note.set(outcome.note());
    }

    /**
     * Explores an example handed in from elsewhere (e.g. one image's class scores from the linear classifier on
     * images) as one undoable edit: {@code classes} names (2 to {@link LossExample#MAX_CLASSES}; longer names are
     * shortened to {@link #MAX_NAME_LENGTH} characters), their {@code scores} and the correct class. The examples
     * table is kept; the example is explored beside it, as a lecture question's state is. False, with the reason as
     * the message, if the example cannot be explored.
     */
    public boolean loadExample(String name, List<String> classes, double[] scores, int correct) {
        List<String> names = new ArrayList<>();
        for (String c : classes) {
            String n = c == null || c.isBlank() ? "class " + (names.size() + 1) : c.strip();
            names.add(n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH - 1) + "…" : n);
        }
        LossExample e;
        try {
            e = new LossExample(name, names, scores, correct);
        } catch (IllegalArgumentException ex) {
            message.set("This example cannot be explored: " + ex.getMessage());
            return false;
        }
        note.set(null);
        record(state.get().withScratch(e));
        return true;
    }

    /** Explores a state of the note's comparison table. */
    public void explore(LossState target) {
        if (target != null && !target.equals(state.get())) {
            record(target);
        }
    }

    /** Shows why a typed value was refused (one the view could not even parse). */
    public void refuse(String why) {
        message.set(why);
    }

    public void dismissNote() {
        note.set(null);
    }

    public void undo() {
        if (history.canUndo()) {
            dragging.set(false);
            state.set(history.undo());
            updateUndo();
        }
    }

    public void redo() {
        if (history.canRedo()) {
            dragging.set(false);
            state.set(history.redo());
            updateUndo();
        }
    }

    private void record(LossState next) {
        message.set("");
        history.push(next);
        state.set(next);
        updateUndo();
    }

    private void updateUndo() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    /** The examples, the explored row or example, the hinge options and the selected bar, for a scene file. */
    public LossExplorerState sceneState() {
        LossState st = state.get();
        List<LossExplorerState.Example> rows = new ArrayList<>();
        st.examples().forEach(e -> rows.add(toScene(e)));
        return new LossExplorerState(rows, st.selected(), st.scratch() == null ? null : toScene(st.scratch()),
                st.options(), selectedBar.get());
    }

    /** Takes a scene's state (checked by the scene reader) as one undo step; the lecture note is dismissed. */
    public void applyScene(LossExplorerState s) {
        List<LossExample> rows = new ArrayList<>();
        s.examples().forEach(e -> rows.add(fromScene(e)));
        LossState next = new LossState(rows, s.selected(), s.scratch() == null ? null : fromScene(s.scratch()),
                s.options());
        dragging.set(false);
        note.set(null);
        if (!next.equals(state.get())) {
            record(next);
        }
        selectedBar.set(Math.min(s.selectedBar(), next.current().classCount() - 1));
    }

    private static LossExplorerState.Example toScene(LossExample e) {
        return new LossExplorerState.Example(e.name(), e.classes(), e.scores(), e.correct());
    }

    private static LossExample fromScene(LossExplorerState.Example e) {
        return new LossExample(e.name(), e.classes(), e.scores(), e.correct());
    }
}
