package org.classifierlab.app.gallery;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import org.classifierlab.app.concurrent.LatestWinsWorker;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.Progress;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.images.PixelDistanceRow;
import org.classifierlab.core.images.SameDistanceCopies;

/**
 * "Distances on pixels are not informative": an image and three copies of it — shifted, boxed, tinted — at one
 * adjustable L2 distance, beside the training images that pixel distance calls nearer to the original than all
 * three copies. The copies are made on a latest-wins worker, the distances to the training set on a background
 * thread with progress and Cancel in the status bar. FX thread only.
 */
public final class SameDistancePanel extends BorderPane {

    /** Nearer training images shown as thumbnails. */
    static final int SHOWN = 10;

    private record CopyRequest(long generation, byte[] image, int channels, int height, int width, double target) {
    }

    private record CopyResult(CopyRequest request, SameDistanceCopies copies) {
    }

    private final AppContext context;
    private final VBox content = new VBox();
    private final ChangeListener<Theme> themeListener = (o, a, t) -> resizeTiles();
    private final LatestWinsWorker<CopyRequest, CopyResult> copiesWorker;
    private final ExecutorService rowExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pixel-distance-row");
        t.setDaemon(true);
        return t;
    });

    private Dataset dataset;
    private ImageDataset set;
    private int index = -1;
    private byte[] image;
    private long generation;
    private SameDistanceCopies copies;
    private PixelDistanceRow row;
    private AtomicBoolean rowCancel;
    private JobStatus.Job rowJob;
    private boolean updatingTarget;
    /** Whether the user chose the target for the current image (then it is never raised for them). */
    private boolean targetChosen;

    private final Slider targetSlider = new Slider(0, 4000, 1000);
    private final TextField targetField = new TextField();
    private final Label targetMessage = new Label();
    private final Label targetNote = new Label();
    private final ImageView[] views = new ImageView[4];
    private final Label[] names = new Label[4];
    private final Label[] distances = new Label[4];
    private final Label[] notes = new Label[4];
    private final Label nearerCount = ControlPanel.valueLabel("nearerCount");
    private final Label nearerExplain = new Label();
    private final ProgressBar rowProgress = new ProgressBar(0);
    private final Button cancelRow = new Button("Cancel");
    private final Button tenNearer = new Button(SHOWN + " training images nearer");
    private final FlowPane nearerThumbs = new FlowPane();
    private static final double MIN_TILE = 64;
    private double viewportWidth;

    public SameDistancePanel(AppContext context) {
        this.context = context;
        getStyleClass().add("same-distance-panel");
        content.getStyleClass().add("pixel-lesson");
        copiesWorker = new LatestWinsWorker<>("same-distance-copies",
                (in, cancelled) -> new CopyResult(in, SameDistanceCopies.make(in.image(), in.channels(), in.height(),
                        in.width(), in.target())),
                this::showCopies, e -> context.showError("Could not make the copies: " + e.getMessage()));
        content.getChildren().addAll(copiesSection(), nearerSection());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        // The four tiles share the width they get (never a sideways scroll bar); the page scrolls only down.
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a == null || Math.abs(a.getWidth() - b.getWidth()) > 0.5) {
                viewportWidth = b.getWidth();
                resizeTiles();
            }
        });
        scroll.getStyleClass().add("pixel-lesson-scroll");
        setCenter(scroll);
        context.themeProperty().addListener(themeListener);
        resizeTiles();
        clear("No dataset loaded");
    }

    /**
     * The dataset in use ({@code null} while none is loaded); the copies' neighbours come from its training set.
     * An image from another dataset is replaced by its first test image; distances being computed for the old
     * dataset are cancelled and never shown.
     */
    public void setDataset(Dataset dataset) {
        if (dataset == this.dataset) {
            return;
        }
        this.dataset = dataset;
        cancelRowJob();
        row = null;
        if (dataset == null) {
            set = null;
            image = null;
            generation++;
            clear("No dataset loaded");
        } else if (set != dataset.test() && set != dataset.train()) {
            setImage(dataset.test(), 0);
        } else {
            startRow();
            showNearer();
        }
    }

    /** Shows copies of image {@code index} of {@code set} (a set of the current dataset), at its default target. */
    public void setImage(ImageDataset set, int index) {
        Objects.checkIndex(index, set.size());
        this.set = set;
        this.index = index;
        this.image = SameDistanceCopies.image(set, index);
        generation++;
        copies = null;
        row = null;
        double target = SameDistanceCopies.defaultTarget(set, index);
        double reach = Math.sqrt(set.dim()) * 255;
        targetSlider.setMax(Math.min(reach, Math.max(1000, Math.ceil(target * 4 / 100) * 100)));
        views[0].setImage(Thumbnails.of(set.argb(index), set.width(), set.height()));
        names[0].setText(String.format(Locale.ROOT, "Original: %s %,d (%s)", set == trainSet() ? "training image"
                : "test image", index, set.classNames().get(set.label(index))));
        distances[0].setText("L2 = 0");
        notes[0].setText("");
        for (int k = 1; k < 4; k++) {
            distances[k].setText("…");
            notes[k].setText("");
        }
        targetChosen = false;
        targetNote.setText("");
        setTarget(target);
        startRow();
        showNearer();
    }

    /** What File ▸ Export saves: the copies and the nearer training images. */
    public Node picture() {
        return content;
    }

    /** Cancels the background work and stops following the theme. */
    public void dispose() {
        context.themeProperty().removeListener(themeListener);
        copiesWorker.dispose();
        cancelRowJob();
        rowExecutor.shutdownNow();
    }

    /** The target distance the copies aim at now. */
    double target() {
        return targetSlider.getValue();
    }

    private Node copiesSection() {
        Label title = new Label("Distances on pixels are not informative");
        title.getStyleClass().add("pixel-section-title");
        title.setWrapText(true);
        Label hint = new Label("Three copies of one image, each at the same L2 pixel distance from it. To a person "
                + "they are the same picture; to pixel distance they are as far away as many different pictures.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        targetSlider.setId("targetSlider");
        targetSlider.setBlockIncrement(10);
        HBox.setHgrow(targetSlider, Priority.ALWAYS);
        targetSlider.setMaxWidth(Double.MAX_VALUE);
        targetSlider.valueProperty().addListener((o, a, v) -> {
            if (!updatingTarget) {
                chooseTarget(v.doubleValue());
            }
        });
        targetField.setId("targetField");
        targetField.setPrefColumnCount(7);
        targetField.setOnAction(e -> commitField());
        targetField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitField();
            }
        });
        Button shift = new Button("a one-pixel shift");
        shift.setId("defaultTarget");
        shift.setTooltip(new Tooltip("The distance between the image and itself moved one pixel right and down"));
        shift.setOnAction(e -> {
            if (set != null) {
                chooseTarget(SameDistanceCopies.defaultTarget(set, index));
            }
        });
        tenNearer.setId("tenNearer");
        tenNearer.setTooltip(new Tooltip("The distance of the " + (SHOWN + 1) + "th-nearest training image: "
                + SHOWN + " training images are then nearer to the original than the copies"));
        tenNearer.setDisable(true);
        tenNearer.setOnAction(e -> {
            if (row != null && row.size() > SHOWN) {
                chooseTarget(row.distance(SHOWN));
            }
        });
        targetMessage.getStyleClass().add("input-message");
        targetMessage.setId("targetMessage");
        targetMessage.setWrapText(true);
        HBox targetRow = ControlPanel.row(new Label("Target L2 distance"), targetSlider, targetField);
        targetRow.getStyleClass().add("target-row");
        FlowPane presets = new FlowPane(6, 6, new Label("Set it to"), shift, tenNearer);
        presets.setAlignment(Pos.CENTER_LEFT);
        HBox tiles = new HBox(16);
        tiles.getStyleClass().add("pixel-tiles");
        String[] ids = {"original", "SHIFTED", "BOXED", "TINTED"};
        for (int k = 0; k < 4; k++) {
            views[k] = PixelTiles.view("copy-" + ids[k]);
            names[k] = new Label(k == 0 ? "Original" : SameDistanceCopies.Kind.values()[k - 1].label());
            names[k].getStyleClass().add("pixel-tile-title");
            names[k].setWrapText(true);
            distances[k] = new Label("…");
            distances[k].setId("distance-" + ids[k]);
            distances[k].getStyleClass().add("metric-value");
            notes[k] = new Label();
            notes[k].setId("note-" + ids[k]);
            notes[k].getStyleClass().add("pixel-tile-caption");
            notes[k].setWrapText(true);
            VBox box = new VBox(4, views[k], names[k], distances[k], notes[k]);
            box.getStyleClass().add("pixel-tile-box");
            tiles.getChildren().add(box);
        }
        targetMessage.managedProperty().bind(targetMessage.textProperty().isNotEmpty());
        targetMessage.visibleProperty().bind(targetMessage.managedProperty());
        targetNote.getStyleClass().add("hint");
        targetNote.setId("targetNote");
        targetNote.setWrapText(true);
        targetNote.managedProperty().bind(targetNote.textProperty().isNotEmpty());
        targetNote.visibleProperty().bind(targetNote.managedProperty());
        VBox section = new VBox(8, title, hint, targetRow, presets, targetMessage, targetNote, tiles);
        section.getStyleClass().add("pixel-section");
        return section;
    }

    private Node nearerSection() {
        Label title = new Label("Training images nearer than all three copies");
        title.getStyleClass().add("pixel-section-title");
        nearerExplain.getStyleClass().add("hint");
        nearerExplain.setWrapText(true);
        nearerExplain.setId("nearerExplain");
        rowProgress.setId("rowProgress");
        rowProgress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(rowProgress, Priority.ALWAYS);
        cancelRow.setId("cancelRow");
        cancelRow.setOnAction(e -> cancelRowJob());
        HBox progressRow = ControlPanel.row(rowProgress, cancelRow);
        progressRow.visibleProperty().bind(cancelRow.disabledProperty().not());
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        cancelRow.setDisable(true);
        nearerThumbs.setHgap(10);
        nearerThumbs.setVgap(10);
        nearerThumbs.setId("nearerThumbs");
        VBox section = new VBox(8, title, nearerCount, nearerExplain, progressRow, nearerThumbs);
        section.getStyleClass().add("pixel-section");
        return section;
    }

    private void commitField() {
        String text = targetField.getText().strip().replace(",", "");
        try {
            double v = Double.parseDouble(text);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            targetMessage.setText("");
            if (Math.abs(v - target()) > 1e-9) {
                chooseTarget(v);
            }
        } catch (NumberFormatException e) {
            targetMessage.setText("“" + targetField.getText() + "” is not a distance: type a number ≥ 0.");
            targetField.setText(format(target()));
        }
    }

    /** A target the user picked (slider, field, preset buttons): kept as it is when the distances arrive. */
    private void chooseTarget(double target) {
        targetChosen = true;
        targetNote.setText("");
        setTarget(target);
    }

    /**
     * When the distances to the training set arrive and the user has not picked a target, a one-pixel shift that
     * leaves fewer than {@link #SHOWN} training images nearer would make the demo say nothing: the target is raised
     * to the distance of the ({@code SHOWN}+1)th-nearest training image, so that {@code SHOWN} are nearer, and a
     * note says so.
     */
    private void raiseDefaultTarget() {
        if (targetChosen || row == null || row.size() <= SHOWN) {
            return;
        }
        double shift = target();
        int fewer = row.countBelow(Math.round(shift * shift));
        if (fewer >= SHOWN) {
            return;
        }
        setTarget(row.distance(SHOWN));
        targetNote.setText(String.format(Locale.ROOT, "A one-pixel shift (L2 = %s) leaves %s training image%s nearer, "
                + "so the target starts at the distance of the %dth-nearest, %s: %d training images are nearer than "
                + "the copies. “a one-pixel shift” sets it back.", format(shift), fewer == 0 ? "no" : fewer,
                fewer == 1 ? "" : "s", SHOWN + 1, format(row.distance(SHOWN)), SHOWN));
    }

    private void setTarget(double target) {
        updatingTarget = true;
        if (target > targetSlider.getMax()) {
            double reach = set == null ? target : Math.sqrt(set.dim()) * 255;
            targetSlider.setMax(Math.min(reach, Math.max(target, targetSlider.getMax())));
        }
        targetSlider.setValue(target);
        updatingTarget = false;
        targetField.setText(format(target));
        if (image != null) {
            copiesWorker.request(new CopyRequest(generation, image, set.channels(), set.height(), set.width(), target));
        }
    }

    private void showCopies(CopyResult result) {
        if (result.request().generation() != generation) {
            return;
        }
        copies = result.copies();
        for (int k = 1; k < 4; k++) {
            SameDistanceCopies.Copy c = copies.copies().get(k - 1);
            views[k].setImage(Thumbnails.of(org.classifierlab.core.images.ImageReduction.toArgb(c.pixels(), set.channels(), set.height(), set.width()),
                    set.width(), set.height()));
            distances[k].setText("L2 = " + format(c.distance()));
            String note = c.description();
            if (!c.reached()) {
                note = "Cannot reach " + format(copies.target()) + ": at most " + format(c.maxDistance()) + " ("
                        + c.description() + ")";
                distances[k].getStyleClass().add("unreachable");
            } else {
                distances[k].getStyleClass().remove("unreachable");
            }
            notes[k].setText(note);
        }
        showNearer();
    }

    private void startRow() {
        cancelRowJob();
        ImageDataset train = trainSet();
        if (train == null || image == null) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        rowCancel = cancelled;
        long forGeneration = generation;
        JobStatus.Job job = context.jobs().start(String.format(Locale.ROOT, "Pixel distances to %,d training images",
                train.size()), () -> cancelled.set(true));
        rowJob = job;
        cancelRow.setDisable(false);
        rowProgress.setProgress(0);
        ProgressRelay relay = new ProgressRelay(job, cancelled);
        byte[] query = image;
        int exclude = set == train ? index : -1;
        rowExecutor.execute(() -> {
            PixelDistanceRow result = null;
            Throwable failure = null;
            try {
                result = PixelDistanceRow.compute(query, train, exclude, relay, cancelled::get);
            } catch (Throwable t) {
                failure = t;
            }
            PixelDistanceRow finished = result;
            Throwable error = failure;
            // Back on the FX thread: only the newest, uncancelled computation for the current image is shown.
            Platform.runLater(() -> finishRow(cancelled, job, forGeneration, finished, error));
        });
    }

    private void finishRow(AtomicBoolean cancelled, JobStatus.Job job, long forGeneration, PixelDistanceRow result,
            Throwable error) {
        job.done();
        if (rowCancel == cancelled) {
            rowCancel = null;
            rowJob = null;
            cancelRow.setDisable(true);
        }
        if (cancelled.get() || error instanceof CancellationException || forGeneration != generation) {
            return;
        }
        if (error != null) {
            context.showError("Could not compute the pixel distances: " + error.getMessage());
            return;
        }
        row = result;
        raiseDefaultTarget();
        showNearer();
    }

    private void cancelRowJob() {
        if (rowCancel != null) {
            rowCancel.set(true);
            rowCancel = null;
            // The job leaves the status bar now; the worker's late finish finds it already done.
            rowJob.done();
            rowJob = null;
            nearerExplain.setText("Cancelled.");
        }
        cancelRow.setDisable(true);
    }

    private ImageDataset trainSet() {
        return dataset == null ? null : dataset.train();
    }

    private void showNearer() {
        nearerThumbs.getChildren().clear();
        ImageDataset train = trainSet();
        if (train == null) {
            tenNearer.setDisable(true);
            nearerCount.setText("—");
            nearerExplain.setText("Load a dataset to compare the copies with its training images.");
            return;
        }
        tenNearer.setDisable(row == null || row.size() <= SHOWN);
        if (row == null || copies == null) {
            nearerCount.setText("…");
            if (rowCancel != null) {
                nearerExplain.setText(String.format(Locale.ROOT, "Measuring the distance to each of the %,d training "
                        + "images…", train.size()));
            }
            return;
        }
        long bound = copies.nearestCopySquared();
        int count = row.countBelow(bound);
        nearerCount.setText(String.format(Locale.ROOT, "%,d of %,d", count, row.size()));
        nearerExplain.setText(String.format(Locale.ROOT, "%,d training images (%.1f%%) are nearer to the original "
                + "than every copy (L2 below %s), though each copy is this very picture. The nearest %d:", count,
                100.0 * count / Math.max(1, row.size()), format(Math.sqrt(bound)), Math.min(SHOWN, count)));
        if (count == 0) {
            int nearest = row.index(0);
            nearerExplain.setText(String.format(Locale.ROOT, "None: even the nearest training image (number %,d, "
                    + "%s) is at L2 = %s, farther than these copies. Raise the target, or press “%s”, to see which "
                    + "pictures pixel distance ranks above them.", nearest,
                    train.classNames().get(train.label(nearest)), format(row.distance(0)), tenNearer.getText()));
        }
        double side = PixelTiles.tileSide(context.themeProperty().get()) * 0.5;
        for (int r = 0; r < Math.min(SHOWN, count); r++) {
            int i = row.index(r);
            ImageView v = PixelTiles.view("nearer-" + r);
            v.setImage(Thumbnails.of(train.argb(i), train.width(), train.height()));
            v.setFitWidth(side);
            v.setFitHeight(side);
            Rectangle bar = new Rectangle(side, 5, ImageClassColors.of(train.label(i), train.classCount()));
            Label name = new Label(train.classNames().get(train.label(i)));
            name.getStyleClass().add("pixel-tile-caption");
            Label d = new Label(format(row.distance(r)));
            d.setId("nearerDistance-" + r);
            d.getStyleClass().add("pixel-tile-caption");
            VBox box = new VBox(2, v, bar, name, d);
            box.setAlignment(Pos.TOP_LEFT);
            box.setMaxWidth(Region.USE_PREF_SIZE);
            Tooltip.install(box, new Tooltip(String.format(Locale.ROOT, "Training image %,d", i)));
            nearerThumbs.getChildren().add(box);
        }
    }

    private void clear(String why) {
        for (int k = 0; k < 4; k++) {
            views[k].setImage(null);
            distances[k].setText("—");
            notes[k].setText("");
        }
        names[0].setText(why);
        copies = null;
        showNearer();
    }

    /** The side of a copy's tile: the theme's, or less so that the four tiles fit the panel's width. */
    double tileSide() {
        double full = PixelTiles.tileSide(context.themeProperty().get());
        if (viewportWidth <= 0) {
            return full;
        }
        Insets in = content.getInsets();
        // 16 between tiles, and the sections' own padding (≈ 2 em) on both sides.
        double room = viewportWidth - in.getLeft() - in.getRight() - 3 * 16 - 40;
        return Math.max(MIN_TILE, Math.min(full, Math.floor(room / 4)));
    }

    private void resizeTiles() {
        double side = tileSide();
        for (ImageView v : views) {
            v.setFitWidth(side);
            v.setFitHeight(side);
        }
        for (Node n : new Node[] {names[0], names[1], names[2], names[3], notes[0], notes[1], notes[2], notes[3]}) {
            ((Label) n).setMaxWidth(side);
        }
        showNearer();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** Coalesces a worker's progress into at most one pending FX update; nothing after a cancel. */
    private final class ProgressRelay implements Progress {
        private final JobStatus.Job job;
        private final AtomicBoolean cancelled;
        private final AtomicReference<double[]> latest = new AtomicReference<>();

        ProgressRelay(JobStatus.Job job, AtomicBoolean cancelled) {
            this.job = job;
            this.cancelled = cancelled;
        }

        @Override
        public void update(long done, long total, String what) {
            if (latest.getAndSet(new double[] {done, total}) == null) {
                Platform.runLater(() -> {
                    double[] v = latest.getAndSet(null);
                    if (!cancelled.get()) {
                        double f = v[1] > 0 ? Math.min(1, v[0] / v[1]) : -1;
                        job.progress(f, String.format(Locale.ROOT, "%,.0f of %,.0f", v[0], v[1]));
                        rowProgress.setProgress(f);
                    }
                });
            }
        }
    }
}
