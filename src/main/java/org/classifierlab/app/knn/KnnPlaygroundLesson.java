package org.classifierlab.app.knn;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;

import org.classifierlab.app.render.ImageExport;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ErrorReporter;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.shell.Lesson;
import org.classifierlab.app.shell.Shortcut;

/** The k-NN playground lesson: view model, view, export and shortcuts. FX thread only. */
public final class KnnPlaygroundLesson implements Lesson {

    private final AppContext context;
    private final KnnPlaygroundViewModel viewModel = new KnnPlaygroundViewModel();
    private final KnnPlaygroundView view;
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
        PlaygroundCanvas canvas = view.canvas();
        return canvas.localToScene(canvas.toLocalX(x), canvas.toLocalY(y));
    }

    /** A picture of the canvas (regions, points, probe) at device resolution. */
    WritableImage snapshot() {
        PlaygroundCanvas canvas = view.canvas();
        SnapshotParameters params = new SnapshotParameters();
        double s = canvas.renderScale();
        params.setTransform(Transform.scale(s, s));
        params.setFill(Color.TRANSPARENT);
        return canvas.snapshot(params, null);
    }

    /** Writes the canvas picture to {@code file} off the FX thread; the future completes when it is on disk. */
    public CompletableFuture<Path> exportPng(Path file) {
        ImageExport.Pixels pixels = ImageExport.pixels(snapshot());
        return CompletableFuture.supplyAsync(() -> {
            try {
                ImageExport.writePng(pixels, file);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public boolean exportImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the playground as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName("knn-playground.png");
        File file = chooser.showSaveDialog(context.window());
        if (file == null) {
            return false;
        }
        Path path = file.toPath().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")
                ? file.toPath() : file.toPath().resolveSibling(file.getName() + ".png");
        JobStatus.Job job = context.jobs().start("Writing " + path.getFileName());
        exportPng(path).whenComplete((p, error) -> Platform.runLater(() -> {
            job.done();
            if (error != null) {
                Alert alert = new Alert(Alert.AlertType.ERROR, (error.getCause() != null ? error.getCause() : error).getMessage());
                alert.setHeaderText("The picture was not saved");
                alert.initOwner(context.window());
                alert.show();
            } else {
                context.jobs().setDetail("Saved " + p);
            }
        }));
        return true;
    }

    @Override
    public boolean copyImage() {
        ClipboardContent content = new ClipboardContent();
        content.putImage(snapshot());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        context.jobs().setDetail("Picture copied to the clipboard");
        return true;
    }

    @Override
    public void dispose() {
        view.dispose();
    }
}
