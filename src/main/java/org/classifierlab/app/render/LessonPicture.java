package org.classifierlab.app.render;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;

import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.JobStatus;

/**
 * A lesson's picture: a snapshot of one of its nodes at device resolution, saved as PNG (encoded off the
 * FX thread) or copied to the clipboard. Shared by every lesson's export and copy commands. FX thread only,
 * except where a method says otherwise.
 */
public final class LessonPicture {

    private LessonPicture() {
    }

    /** A snapshot of {@code node} at the window's render scale (at least 1), transparent background. */
    public static WritableImage snapshot(Node node) {
        return snapshot(node, 1);
    }

    /**
     * A snapshot of {@code node} at {@code scale} times the window's render scale (at least 1), transparent
     * background: a 2× picture of a 600 × 400 node on a 1× screen is 1200 × 800 pixels. Text, controls and shapes
     * are drawn at that resolution, and so are the canvases of {@link HiResPicture} regions (charts, the planes'
     * points and arrows), which draw themselves again for it; only pixel images (decision regions, photos) are
     * enlarged as they are.
     */
    public static WritableImage snapshot(Node node, double scale) {
        double s = scale;
        if (node.getScene() != null && node.getScene().getWindow() != null) {
            s *= Math.max(1, node.getScene().getWindow().getRenderScaleX());
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(s, s));
        params.setFill(Color.TRANSPARENT);
        List<HiResPicture> redrawn = new ArrayList<>();
        if (s > 1) {
            collect(node, redrawn);
        }
        try {
            for (HiResPicture p : redrawn) {
                p.beginPicture(s);
            }
            return node.snapshot(params, null);
        } finally {
            for (HiResPicture p : redrawn) {
                p.endPicture();
            }
        }
    }

    private static void collect(Node node, List<HiResPicture> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof HiResPicture p) {
            into.add(p);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    /**
     * Writes {@code image} to {@code file}: the pixels are read now, on the FX thread, and encoded on a
     * background thread; the future completes when the file is on disk.
     */
    public static CompletableFuture<Path> writePng(WritableImage image, Path file) {
        ImageExport.Pixels pixels = ImageExport.pixels(image);
        return CompletableFuture.supplyAsync(() -> {
            try {
                ImageExport.writePng(pixels, file);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Asks for a file name (suggesting {@code suggestedName}), then saves {@code node}'s picture there as a
     * job in the status bar; an error is shown in a dialog. Returns false if the user cancelled.
     */
    public static boolean exportWithChooser(AppContext context, Node node, String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(context.window());
        if (file == null) {
            return false;
        }
        Path path = file.getName().toLowerCase(Locale.ROOT).endsWith(".png")
                ? file.toPath() : file.toPath().resolveSibling(file.getName() + ".png");
        int scale = context.exportScaleProperty().get();
        JobStatus.Job job = context.jobs().start("Writing " + path.getFileName() + " (" + scale + "×)");
        writePng(snapshot(node, scale), path).whenComplete((p, error) -> Platform.runLater(() -> {
            job.done();
            if (error != null) {
                Alert alert = new Alert(Alert.AlertType.ERROR,
                        (error.getCause() != null ? error.getCause() : error).getMessage());
                alert.setHeaderText("The picture was not saved");
                alert.initOwner(context.window());
                alert.show();
            } else {
                context.jobs().setDetail("Saved " + p);
            }
        }));
        return true;
    }

    /**
     * Asks for a file name (suggesting {@code suggestedName}), then saves {@code chart} there as SVG (written off the
     * FX thread, through a temporary file) as a job in the status bar. Returns false if the user cancelled.
     */
    public static boolean exportSvgWithChooser(AppContext context, SvgChart chart, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the chart as SVG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SVG drawing", "*.svg"));
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(context.window());
        if (file == null) {
            return false;
        }
        Path path = file.getName().toLowerCase(Locale.ROOT).endsWith(".svg")
                ? file.toPath() : file.toPath().resolveSibling(file.getName() + ".svg");
        JobStatus.Job job = context.jobs().start("Writing " + path.getFileName());
        writeSvg(chart, path).whenComplete((p, error) -> Platform.runLater(() -> {
            job.done();
            if (error != null) {
                Alert alert = new Alert(Alert.AlertType.ERROR,
                        (error.getCause() != null ? error.getCause() : error).getMessage());
                alert.setHeaderText("The chart was not saved");
                alert.initOwner(context.window());
                alert.show();
            } else {
                context.jobs().setDetail("Saved " + p);
            }
        }));
        return true;
    }

    /**
     * Writes {@code chart} as SVG to {@code file}: drawn now, on the FX thread, and written on a background thread
     * through a temporary file; the future completes when the file is on disk.
     */
    public static CompletableFuture<Path> writeSvg(SvgChart chart, Path file) {
        String svg = chart.toSvg();
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path dir = file.toAbsolutePath().getParent();
                Path tmp = java.nio.file.Files.createTempFile(dir, ".export-", ".svg.part");
                try {
                    java.nio.file.Files.writeString(tmp, svg, java.nio.charset.StandardCharsets.UTF_8);
                    java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    java.nio.file.Files.deleteIfExists(tmp);
                }
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** Copies {@code node}'s picture to the system clipboard and says so in the status bar. */
    public static boolean copyToClipboard(AppContext context, Node node) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(snapshot(node, context.exportScaleProperty().get()));
        Clipboard.getSystemClipboard().setContent(content);
        context.jobs().setDetail("Picture copied to the clipboard");
        return true;
    }
}
