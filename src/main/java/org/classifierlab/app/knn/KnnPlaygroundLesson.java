package org.classifierlab.app.knn;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.scene.Node;

import org.classifierlab.app.render.LessonPicture;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ErrorReporter;
import org.classifierlab.app.shell.Lesson;
import org.classifierlab.app.shell.Shortcut;
import org.classifierlab.app.shell.TabSelection;
import org.classifierlab.core.scene.KnnPlaygroundState;
import org.classifierlab.core.scene.LessonState;

/** The k-NN playground lesson: view model, view, export and shortcuts. FX thread only. */
public final class KnnPlaygroundLesson implements Lesson {

    private final AppContext context;
    private final KnnPlaygroundViewModel viewModel = new KnnPlaygroundViewModel();
    private final KnnPlaygroundView view;
    private final javafx.beans.value.ChangeListener<org.classifierlab.app.theme.Theme> themeListener =
            (o, a, t) -> playgroundView().setProjector(t == org.classifierlab.app.theme.Theme.PROJECTOR);
    private final javafx.beans.property.ReadOnlyIntegerWrapper mapsPublished = new javafx.beans.property.ReadOnlyIntegerWrapper(this, "mapsPublished");

    public KnnPlaygroundLesson(AppContext context) {
        this.context = context;
        ErrorReporter errors = new ErrorReporter(context);
        view = new KnnPlaygroundView(viewModel, new PlaygroundAnalysis.Listener() {
            @Override
            public void mapPublished(DecisionMapRenderer.Result r) {
                mapsPublished.set(mapsPublished.get() + 1);
                if (r.recomputed()) {
                    context.jobs().setDetail(String.format(Locale.ROOT, "Decision map %d × %d px in %.1f ms",
                            r.request().width(), r.request().height(), r.computeNanos() / 1e6));
                }
            }

            @Override
            public void failed(Throwable error) {
                errors.report(error);
            }

            @Override
            public JobStatus jobs() {
                return context.jobs();
            }
        });
        context.themeProperty().addListener(themeListener);
        view.setProjector(context.themeProperty().get() == org.classifierlab.app.theme.Theme.PROJECTOR);
    }


    /** How many decision maps have reached the screen so far. */
    public javafx.beans.property.ReadOnlyIntegerProperty mapsPublishedProperty() {
        return mapsPublished.getReadOnlyProperty();
    }

    @Override
    public Node view() {
        return view;
    }

    public KnnPlaygroundViewModel viewModel() {
        return viewModel;
    }

    KnnPlaygroundView playgroundView() {
        return view;
    }

    @Override
    public List<Shortcut> shortcuts() {
        String g = "k-NN playground";
        return List.of(
                new Shortcut(g, "Click / drag", "Add a point / move a point"),
                new Shortcut(g, "Right-click, Delete", "Remove the point (Delete: the selected one)"),
                new Shortcut(g, "1 … 7", "Class of new points (and of the selected point)"),
                new Shortcut(g, "C", "Next class for the selected point"),
                new Shortcut(g, "H", "Selected point: held-out test ↔ training"),
                new Shortcut(g, "+  /  −", "K up / down"),
                new Shortcut(g, "M", "Next distance: L1, L2, L∞"),
                new Shortcut(g, "T", "Next tie rule"),
                new Shortcut(g, "S  /  B", "Confidence shading / boundary lines"),
                new Shortcut(g, "N", "Neighbour probe on / off"),
                new Shortcut(g, "Shift+click  or  P", "Pin the probe (Esc unpins)"),
                new Shortcut(g, "R  /  Shift+R", "Regenerate / new seed"),
                new Shortcut(g, "Ctrl+Z  /  Ctrl+Shift+Z", "Undo / redo"));
    }

    /** Scene coordinates of world position (x, y) on the canvas (for scripted input in benchmarks). */
    public javafx.geometry.Point2D worldToScene(double x, double y) {
        return view.canvas().worldToScene(x, y);
    }

    /** Writes the canvas picture to {@code file} off the FX thread; the future completes when it is on disk. */
    public CompletableFuture<Path> exportPng(Path file) {
        return LessonPicture.writePng(LessonPicture.snapshot(view.canvas()), file);
    }

    @Override
    public boolean exportImage() {
        return LessonPicture.exportWithChooser(context, view.canvas(), "Export the playground as PNG",
                "knn-playground.png");
    }

    @Override
    public org.classifierlab.app.render.SvgChart svgChart() {
        return view.cvChart();
    }

    @Override
    public boolean copyImage() {
        return LessonPicture.copyToClipboard(context, view.canvas());
    }

    @Override
    public LessonState sceneState() {
        return viewModel.sceneState();
    }

    @Override
    public void applyScene(LessonState state) {
        viewModel.applyScene(TabSelection.expect(KnnPlaygroundState.class, state));
    }

    @Override
    public void dispose() {
        context.themeProperty().removeListener(themeListener);
        view.dispose();
    }
}
