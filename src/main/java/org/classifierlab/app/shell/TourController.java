package org.classifierlab.app.shell;

import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.classifierlab.core.scene.LecturePresets;
import org.classifierlab.core.scene.SceneDocument;

/**
 * The Lecture 2 tour: the lecture presets in the lecture's order (the tour of {@code lecture-2.json}), one step at a
 * time, each step opening its preset as a scene (two lessons side by side where the preset has two). While it runs the
 * lesson list is hidden and a caption bar under the menu shows the lecture part, the step's caption in large type, the
 * preset's note and the step counter. PgDn / PgUp step (what presenter remotes send), so do → / ← unless a text field
 * has the keyboard; Esc leaves and puts back the lessons, their states and the layout as they were before the tour.
 * FX thread only.
 */
public final class TourController {

    private final AppShell shell;
    private final SceneCommands scenes;
    private final VBox bar = new VBox();
    private final Label part = new Label();
    private final Label caption = new Label();
    private final Label note = new Label();
    private final Label counter = new Label();
    private final Button previous = new Button("◀");
    private final Button next = new Button("▶");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", -1);
    private final ReadOnlyIntegerWrapper shownStep = new ReadOnlyIntegerWrapper(this, "shownStep", -1);
    private LecturePresets tour;
    private SceneDocument before;
    private boolean navigatorBefore;
    /** Whether the user wants the control panels (F9): put back after a step that hides them, and when leaving. */
    private boolean userControls;
    private boolean hidingControls;

    TourController(AppShell shell, SceneCommands scenes) {
        this.shell = shell;
        this.scenes = scenes;
        bar.setId("tourBar");
        bar.getStyleClass().add("tour-bar");
        part.setId("tourPart");
        part.getStyleClass().add("tour-part");
        caption.setId("tourCaption");
        caption.getStyleClass().add("tour-caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        note.setId("tourNote");
        note.getStyleClass().add("tour-note");
        note.setWrapText(true);
        counter.setId("tourCounter");
        counter.getStyleClass().add("tour-counter");
        previous.setId("tourPrevious");
        previous.setTooltip(new Tooltip("Previous step (PgUp, ←)"));
        previous.setOnAction(e -> previous());
        previous.setFocusTraversable(false);
        next.setId("tourNext");
        next.setTooltip(new Tooltip("Next step (PgDn, →)"));
        next.setOnAction(e -> next());
        next.setFocusTraversable(false);
        Button leave = new Button("Leave");
        leave.setId("tourLeave");
        leave.setTooltip(new Tooltip("Back to the lessons as they were (Esc)"));
        leave.setOnAction(e -> leave());
        leave.setFocusTraversable(false);
        // One line: the caption in large type, then the counter and the buttons (never squeezed); under it the lecture
        // part and the preset's note in small type.
        caption.setWrapText(false);
        caption.setMinWidth(0);
        HBox.setHgrow(caption, Priority.ALWAYS);
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {counter, previous, next, leave}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox top = new HBox(10, caption, counter, previous, next, leave);
        top.setAlignment(Pos.CENTER_LEFT);
        part.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox below = new HBox(10, part, note);
        below.setAlignment(Pos.TOP_LEFT);
        bar.getChildren().addAll(top, below);
    }

    /** Starts the tour shipped with the app at its first step; a broken index gives a message instead. */
    public void start() {
        try {
            start(LecturePresets.bundled());
        } catch (org.classifierlab.core.scene.SceneFormatException e) {
            scenes.showPresetError(e);
        }
    }

    /** Starts {@code presets}' tour at its first step (again at the first if it runs already). */
    public void start(LecturePresets presets) {
        Objects.requireNonNull(presets);
        if (!isRunning()) {
            SceneDocument now = shell.captureScene();
            // The theme is left to the user (and to the presentation view), not put back with the lessons.
            before = new SceneDocument(null, now.dataset(), now.primary(), now.secondary(), now.lessons(),
                    now.secondaryLessons(), null, java.util.List.of(), java.util.Map.of());
            navigatorBefore = shell.isNavigatorShown();
            userControls = shell.isControlsShown();
            hidingControls = false;
            shell.banner().getChildren().setAll(bar);
        }
        tour = presets;
        shell.setNavigatorShown(false);
        go(0);
    }

    public boolean isRunning() {
        return tour != null;
    }

    /** The step shown (0-based), −1 when the tour is not running. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The step whose preset has been applied to the lessons (it lags {@link #stepProperty()} while reading). */
    public ReadOnlyIntegerProperty shownStepProperty() {
        return shownStep.getReadOnlyProperty();
    }

    /** The tour running, or null. */
    public LecturePresets presets() {
        return tour;
    }

    public void next() {
        if (isRunning() && step.get() < tour.steps().size() - 1) {
            go(step.get() + 1);
        }
    }

    public void previous() {
        if (isRunning() && step.get() > 0) {
            go(step.get() - 1);
        }
    }

    /** Goes to step {@code i} (0-based). */
    public void go(int i) {
        if (!isRunning()) {
            return;
        }
        LecturePresets.Step s = tour.steps().get(Objects.checkIndex(i, tour.steps().size()));
        step.set(i);
        part.setText(s.part());
        caption.setText(s.caption());
        note.setText("Opening " + s.preset().title() + "…");
        counter.setText(String.format(Locale.ROOT, "%d / %d", i + 1, tour.steps().size()));
        if (!hidingControls) {
            userControls = shell.isControlsShown();
        }
        hidingControls = !s.controlPanel();
        shell.setControlsShown(userControls && s.controlPanel());
        previous.setDisable(i == 0);
        next.setDisable(i == tour.steps().size() - 1);
        scenes.openPreset(s.preset(), () -> isRunning() && step.get() == i).thenAccept(scene -> {
            note.setText(scene.note() == null ? "" : scene.note());
            shownStep.set(i);
            // The lesson takes the keyboard, so its own keys (+, −, M …) work during the step.
            shell.focusPrimaryLesson();
        });
    }

    /** Leaves the tour: the caption bar goes, the lessons and the layout are as they were before it started. */
    public void leave() {
        if (!isRunning()) {
            return;
        }
        tour = null;
        step.set(-1);
        shownStep.set(-1);
        shell.banner().getChildren().remove(bar);
        if (hidingControls) {
            shell.setControlsShown(userControls);
        }
        shell.applyScene(before, "from before the tour");
        before = null;
        shell.setNavigatorShown(navigatorBefore && !shell.presentation().isActive());
        scenes.say("Left the lecture tour; the lessons are as they were before it");
    }

    /** What the lesson list goes back to when the tour ends (set by the presentation view leaving during it). */
    void rememberNavigator(boolean shown) {
        navigatorBefore = shown;
    }

    /** PgDn, PgUp, → and ← (not while typing) step, Esc leaves; true (and consumed) if {@code e} was one of them. */
    boolean handle(KeyEvent e) {
        if (!isRunning() || e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        KeyCode c = e.getCode();
        boolean arrows = !ShortcutOverlay.isTyping(e);
        if (c == KeyCode.PAGE_DOWN || (arrows && c == KeyCode.RIGHT)) {
            next();
        } else if (c == KeyCode.PAGE_UP || (arrows && c == KeyCode.LEFT)) {
            previous();
        } else if (c == KeyCode.ESCAPE) {
            leave();
        } else {
            return false;
        }
        e.consume();
        return true;
    }
}
