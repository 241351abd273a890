package org.classifierlab.app.linear;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.geometry.Point2D;
import javafx.scene.Node;

import org.classifierlab.app.render.LessonPicture;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ErrorReporter;
import org.classifierlab.app.shell.Lesson;
import org.classifierlab.app.shell.Shortcut;
import org.classifierlab.app.shell.TabSelection;
import org.classifierlab.core.scene.LessonState;
import org.classifierlab.core.scene.Linear2dState;

/** The 2D linear-classifier lesson: view model, view, export and shortcuts. FX thread only. */
public final class LinearClassifierLesson implements Lesson {

    private final AppContext context;
    private final LinearClassifierViewModel viewModel = new LinearClassifierViewModel();
    private final LinearClassifierView view;

    public LinearClassifierLesson(AppContext context) {
        this.context = context;
        ErrorReporter errors = new ErrorReporter(context);
        view = new LinearClassifierView(viewModel, r -> context.jobs().setDetail(String.format(Locale.ROOT,
                "Regions %d × %d px in %.1f ms", r.request().width(), r.request().height(), r.computeNanos() / 1e6)),
                errors::report);
    }

    @Override
    public Node view() {
        return view;
    }

    public LinearClassifierViewModel viewModel() {
        return viewModel;
    }

    LinearClassifierView linearView() {
        return view;
    }

    @Override
    public List<Shortcut> shortcuts() {
        String g = "Linear classifier";
        return List.of(
                new Shortcut(g, "Click / drag", "Add a point / move a point, a line (b) or an arrow head (w)"),
                new Shortcut(g, "Right-click, Delete", "Remove the point (Delete: the selected one)"),
                new Shortcut(g, "1 … 7  /  C", "Class of new (and the selected) points / next class"),
                new Shortcut(g, "Space", "One gradient-descent step"),
                new Shortcut(g, "R", "Run / stop"),
                new Shortcut(g, "Shift+R  /  Home", "Randomise W, b / reset to the CS231n demo"),
                new Shortcut(g, "L", "Next loss: Weston–Watkins, one-vs-all, structured, softmax"),
                new Shortcut(g, "G", "Check the gradient"),
                new Shortcut(g, "Mouse wheel  /  F", "Zoom / fit the view"),
                new Shortcut(g, "Ctrl+Z  /  Ctrl+Shift+Z", "Undo / redo"));
    }

    /** Scene coordinates of world position (x, y) on the canvas (for scripted input). */
    public Point2D worldToScene(double x, double y) {
        return view.canvas().worldToScene(x, y);
    }

    /** Writes the canvas picture to {@code file} off the FX thread; the future completes when it is on disk. */
    public CompletableFuture<Path> exportPng(Path file) {
        return LessonPicture.writePng(LessonPicture.snapshot(view.canvas()), file);
    }

    @Override
    public boolean exportImage() {
        return LessonPicture.exportWithChooser(context, view.canvas(), "Export the linear classifier as PNG",
                "linear-classifier.png");
    }

    @Override
    public org.classifierlab.app.render.SvgChart svgChart() {
        return view.history();
    }

    @Override
    public boolean copyImage() {
        return LessonPicture.copyToClipboard(context, view.canvas());
    }

    @Override
    public LessonState sceneState() {
        Linear2dState s = viewModel.sceneState();
        return new Linear2dState(s.points(), s.classCount(), s.weights(), s.biases(), s.lambda(), s.stepSize(),
                s.formulation(), s.stepsPerSecond(), s.addClass(), view.shadingBox().isSelected(),
                view.boundariesBox().isSelected(), TabSelection.selectedId(view.tabPane()));
    }

    @Override
    public void applyScene(LessonState state) {
        Linear2dState s = TabSelection.expect(Linear2dState.class, state);
        viewModel.applyScene(s);
        view.shadingBox().setSelected(s.shading());
        view.boundariesBox().setSelected(s.boundaries());
        TabSelection.select(view.tabPane(), s.tab());
    }

    @Override
    public void dispose() {
        viewModel.dispose();
        view.dispose();
    }
}
