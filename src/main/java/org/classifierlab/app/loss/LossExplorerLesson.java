package org.classifierlab.app.loss;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.scene.Node;

import org.classifierlab.app.render.LessonPicture;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.Lesson;
import org.classifierlab.app.shell.Shortcut;
import org.classifierlab.app.shell.TabSelection;
import org.classifierlab.core.scene.LessonState;
import org.classifierlab.core.scene.LossExplorerState;

/**
 * The loss explorer lesson: hinge (SVM) loss and softmax cross-entropy side by side on one score vector,
 * with the slides' examples and the lecture's questions. Everything it computes takes microseconds, so it
 * has no background work. FX thread only.
 */
public final class LossExplorerLesson implements Lesson {

    private final AppContext context;
    private final LossExplorerViewModel viewModel = new LossExplorerViewModel();
    private final LossExplorerView view;

    public LossExplorerLesson(AppContext context) {
        this.context = context;
        view = new LossExplorerView(viewModel);
    }

    @Override
    public Node view() {
        return view;
    }

    public LossExplorerViewModel viewModel() {
        return viewModel;
    }

    LossExplorerView explorerView() {
        return view;
    }

    @Override
    public List<Shortcut> shortcuts() {
        String g = "Loss explorer";
        return List.of(
                new Shortcut(g, "Drag a bar", "Change its score (snaps to 0.1; Shift+drag: 0.01)"),
                new Shortcut(g, "Double-click", "A bar: type its exact score; a name: rename the class"),
                new Shortcut(g, "Click a name", "Make that class the correct class y"),
                new Shortcut(g, "1 … 9, 0", "Correct class y = class 1 … 9, 10"),
                new Shortcut(g, "←  /  →", "Select the previous / next bar"),
                new Shortcut(g, "↑  /  ↓", "Selected score +0.1 / −0.1 (with Shift: ±1)"),
                new Shortcut(g, "Enter  /  C", "Type the selected score / make it the correct class"),
                new Shortcut(g, "D  /  Shift+D", "Margin Δ +1 / −1"),
                new Shortcut(g, "Q  /  Y  /  M", "Squared hinge / sum includes y / mean instead of sum"),
                new Shortcut(g, "+  /  −", "Add / remove a class"),
                new Shortcut(g, "PgUp  /  PgDn", "Explore the previous / next example of the table"),
                new Shortcut(g, "Esc", "Hide the lecture-question note"),
                new Shortcut(g, "Ctrl+Z  /  Ctrl+Shift+Z", "Undo / redo"));
    }

    /** Writes the figure's picture to {@code file} off the FX thread; the future completes when it is on disk. */
    public CompletableFuture<Path> exportPng(Path file) {
        return LessonPicture.writePng(LessonPicture.snapshot(view.figure()), file);
    }

    @Override
    public boolean exportImage() {
        return LessonPicture.exportWithChooser(context, view.figure(), "Export the loss explorer as PNG",
                "loss-explorer.png");
    }

    @Override
    public org.classifierlab.app.render.SvgChart svgChart() {
        return view.chart();
    }

    @Override
    public boolean copyImage() {
        return LessonPicture.copyToClipboard(context, view.figure());
    }

    @Override
    public LessonState sceneState() {
        return viewModel.sceneState();
    }

    @Override
    public void applyScene(LessonState state) {
        viewModel.applyScene(TabSelection.expect(LossExplorerState.class, state));
    }

    @Override
    public void dispose() {
        // Nothing runs in the background and every listener lives in this lesson's own objects.
    }
}
