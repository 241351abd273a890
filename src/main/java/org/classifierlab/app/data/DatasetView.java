package org.classifierlab.app.data;

import java.io.File;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.ImageDataset;

/**
 * The dataset chooser: where the images come from (bundled sample, a folder or archive, the CIFAR-10
 * download), what is loaded now, and a few training images of every class, as in the CS231n assignment's
 * first plot. FX thread only.
 */
public final class DatasetView extends VBox {

    /** Thumbnails shown per class. */
    static final int PER_CLASS = 10;

    private final DatasetService service;
    private final Label summary = new Label();
    private final GridPane gallery = new GridPane();

    public DatasetView(DatasetService service, java.util.function.Supplier<Window> owner) {
        this.service = service;
        getStyleClass().add("dataset-view");
        setId("datasetView");
        setSpacing(10);
        setPadding(new Insets(14));

        Button sample = new Button("Bundled sample");
        sample.setId("useSample");
        sample.setTooltip(new Tooltip("5,000 training and 500 test images of CIFAR-10 shipped with the app (works offline)"));
        sample.setOnAction(e -> service.useSample());
        Button folder = new Button("Open folder…");
        folder.setId("openFolder");
        folder.setTooltip(new Tooltip("cifar-10-batches-bin, cifar-10-batches-py, cifar-100-binary or a folder of MNIST-style IDX files"));
        folder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a dataset folder");
            File dir = chooser.showDialog(owner.get());
            if (dir != null) {
                service.open(dir.toPath());
            }
        });
        Button archive = new Button("Open archive…");
        archive.setId("openArchive");
        archive.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a dataset archive");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Dataset archives", "*.tar.gz", "*.tgz", "*.gz"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File file = chooser.showOpenDialog(owner.get());
            if (file != null) {
                service.open(file.toPath());
            }
        });
        Button download = new Button("Download CIFAR-10 (170 MB)");
        download.setId("downloadCifar10");
        download.setTooltip(new Tooltip("The official binary archive, checked against its MD5, kept in your cache folder; "
                + "an interrupted download resumes"));
        download.setOnAction(e -> service.downloadCifar10());
        for (Button b : List.of(sample, folder, archive, download)) {
            b.disableProperty().bind(service.busyProperty());
        }
        // Wraps instead of truncating the labels when the projector theme's large type needs the room.
        FlowPane sources = new FlowPane(8, 8, sample, folder, archive, download);
        sources.setAlignment(Pos.CENTER_LEFT);
        for (Button b : List.of(sample, folder, archive, download)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        summary.setId("datasetSummary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.getStyleClass().add("dataset-summary");
        Label hint = new Label("Loading shows its progress in the status bar, with Cancel. A failed or cancelled "
                + "load keeps the dataset you had.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        gallery.setHgap(4);
        gallery.setVgap(4);
        gallery.setId("datasetGallery");
        ScrollPane scroll = new ScrollPane(gallery);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);

        getChildren().addAll(sources, summary, hint, scroll);
        service.currentProperty().addListener((o, a, d) -> show(d));
        show(service.current());
    }

    private void show(Dataset d) {
        gallery.getChildren().clear();
        if (d == null) {
            summary.setText(service.busyProperty().get() ? "Loading…" : "No dataset loaded yet.");
            return;
        }
        ImageDataset train = d.train();
        summary.setText(String.format(Locale.ROOT,
                "%s (%s)%n%,d training and %,d test images of %d×%d pixels, %d channel%s, %d classes, %.1f MB in memory%nSource: %s",
                d.name(), d.format().label(), train.size(), d.test().size(), train.width(), train.height(),
                train.channels(), train.channels() == 1 ? "" : "s", train.classCount(),
                (train.heapBytes() + d.test().heapBytes()) / 1e6, d.source()));
        int classes = Math.min(train.classCount(), 20);
        int[] shown = new int[classes];
        for (int c = 0; c < classes; c++) {
            Label name = new Label(train.classNames().get(c));
            name.setMinWidth(90);
            gallery.add(name, 0, c);
            gallery.add(new HBox(3), 1, c);
        }
        for (int i = 0; i < train.size(); i++) {
            int c = train.label(i);
            if (c < classes && shown[c] < PER_CLASS) {
                shown[c]++;
                HBox row = (HBox) gallery.getChildren().get(2 * c + 1);
                row.getChildren().add(thumbnail(train, i));
            }
        }
    }

    /** Image {@code i} at twice its size with hard pixels, so 32×32 stays recognisable as pixels. */
    static ImageView thumbnail(ImageDataset data, int i) {
        WritableImage img = new WritableImage(data.width(), data.height());
        img.getPixelWriter().setPixels(0, 0, data.width(), data.height(), PixelFormat.getIntArgbInstance(),
                data.argb(i), 0, data.width());
        ImageView view = new ImageView(img);
        view.setSmooth(false);
        view.setFitWidth(data.width() * 2.0);
        view.setFitHeight(data.height() * 2.0);
        return view;
    }
}
