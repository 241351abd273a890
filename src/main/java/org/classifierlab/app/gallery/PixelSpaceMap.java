package org.classifierlab.app.gallery;

import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.embedding.ImageEmbedding;
import org.classifierlab.core.embedding.Pca;

/**
 * The pixel-space map panel of the "Nearest neighbours on images" lesson: training images laid out in 2D by
 * PCA then t-SNE of their raw pixels, drawn as thumbnails (zoom, pan, hover, click to query). Computed on a
 * background thread only when the user presses Run, animated while t-SNE runs. FX thread only.
 */
public final class PixelSpaceMap extends BorderPane {

    /** Neighbours per image for the class-agreement figure. */
    static final int AGREEMENT_K = 10;

    private final AppContext context;
    private final PixelMapCanvas map = new PixelMapCanvas();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "classifierlab-pixel-map");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final Spinner<Integer> count = new Spinner<>(2, ImageEmbedding.MAX_COUNT, ImageEmbedding.DEFAULT_COUNT, 100);
    private final Spinner<Integer> perplexity = new Spinner<>(2, 100, 30);
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 0);
    private final Button run = new Button("Run", AppIcon.RUN.node());
    private final Button cancel = new Button("Cancel", AppIcon.STOP.node());
    private final CheckBox frames = new CheckBox("Frame thumbnails in their class colour");
    private final Slider thumbSize = new Slider(8, 64, 24);
    private final Label summary = new Label();
    private final Label agreement = new Label();
    private final Label hover = new Label();
    private final Label datasetLabel = new Label();
    private final FlowPane legend = new FlowPane(10, 4);
    private final Random seeds = new Random();
    private final ChangeListener<Theme> themeListener = (o, old, now) -> map.requestDraw();

    private Dataset dataset;
    private IntConsumer onPick = i -> { };
    private Run current;

    /** One press of Run: its inputs, cancellation flag and status-bar job. */
    private final class Run {
        final ImageDataset images;
        final ImageEmbedding.Settings settings;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final JobStatus.Job job;
        final long started = System.nanoTime();
        final AtomicReference<double[]> pendingLayout = new AtomicReference<>();
        final AtomicReference<double[]> pendingProgress = new AtomicReference<>();
        volatile String progressText = "";

        Run(ImageDataset images, ImageEmbedding.Settings settings) {
            this.images = images;
            this.settings = settings;
            this.job = context.jobs().start("Pixel-space map", PixelSpaceMap.this::cancel);
        }

        /** Worker thread: keeps the newest layout and asks the FX thread once to show it. */
        void layout(double[] xy) {
            if (pendingLayout.getAndSet(xy) == null) {
                Platform.runLater(() -> {
                    double[] newest = pendingLayout.getAndSet(null);
                    if (current == this && !cancelled.get() && newest != null) {
                        map.setLayout(newest, true);
                    }
                });
            }
        }

        /** Worker thread: coalesces progress like the dataset service's relay. */
        void progress(long done, long total, String message) {
            progressText = message;
            if (pendingProgress.getAndSet(new double[] {done, total}) == null) {
                Platform.runLater(() -> {
                    double[] v = pendingProgress.getAndSet(null);
                    if (current == this && v != null) {
                        job.progress(v[1] > 0 ? Math.min(1, v[0] / v[1]) : -1, progressText);
                        map.setMessage(progressText + "…");
                    }
                });
            }
        }
    }

    public PixelSpaceMap(AppContext context) {
        this.context = Objects.requireNonNull(context, "context");
        getStyleClass().add("pixel-space-map");
        map.setOnHover(this::showHover);
        map.setOnPick(i -> onPick.accept(i));
        hover.getStyleClass().add("pixel-map-hover");
        hover.setId("pixelMapHover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        StackPane centre = new StackPane(map, hover);
        StackPane.setAlignment(hover, Pos.TOP_LEFT);
        setCenter(centre);
        setRight(ControlPanel.scroller(buildControls(), "pixel-map-controls"));
        map.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F) {
                map.fitByUser();
                e.consume();
            }
        });
        context.themeProperty().addListener(themeListener);
        setDataset(null);
    }

    private Node buildControls() {
        VBox panel = new VBox();
        panel.getStyleClass().add("control-panel");

        datasetLabel.setId("pixelMapDataset");
        datasetLabel.setWrapText(true);
        count.setId("pixelMapCount");
        perplexity.setId("pixelMapPerplexity");
        seed.setId("pixelMapSeed");
        for (Spinner<Integer> s : java.util.List.of(count, perplexity, seed)) {
            s.setEditable(true);
            ControlPanel.wholeNumbers(s);
            s.setPrefWidth(120);
            s.focusedProperty().addListener((o, was, focused) -> {
                if (!focused) {
                    commit(s);
                }
            });
            s.getEditor().setOnAction(e -> commit(s));
        }
        Button dice = ControlPanel.iconButton(AppIcon.RANDOM_SEED, "A new random seed", () ->
                seed.getValueFactory().setValue(seeds.nextInt(1_000_000)));
        GridPane grid = ControlPanel.grid();
        grid.addRow(0, new Label("Images"), count);
        grid.addRow(1, new Label("Perplexity"), perplexity);
        grid.addRow(2, new Label("Seed"), ControlPanel.row(seed, dice));

        run.setId("pixelMapRun");
        run.setDefaultButton(false);
        run.setOnAction(e -> start());
        cancel.setId("pixelMapCancel");
        cancel.setOnAction(e -> cancel());
        run.disableProperty().bind(running.getReadOnlyProperty());
        cancel.disableProperty().bind(running.getReadOnlyProperty().not());
        HBox buttons = ControlPanel.row(run, cancel);

        Label method = new Label(String.format(Locale.ROOT, "Raw pixels → PCA (%d components) → t-SNE (Barnes–Hut, "
                + "θ = 0.5). A random subset of the training images when there are more.", Pca.DEFAULT_COMPONENTS));
        method.getStyleClass().add("hint");
        method.setWrapText(true);

        summary.setId("pixelMapSummary");
        summary.setWrapText(true);
        agreement.setId("pixelMapAgreement");
        agreement.setWrapText(true);
        agreement.getStyleClass().add("metric-value");

        frames.setId("pixelMapFrames");
        frames.setSelected(true);
        frames.setWrapText(true);
        frames.selectedProperty().addListener((o, was, on) -> map.setFramed(on));
        thumbSize.setId("pixelMapThumbSize");
        thumbSize.valueProperty().addListener((o, was, now) -> map.setThumbSize(now.doubleValue()));
        Button fit = new Button("Fit", AppIcon.FIT_VIEW.node());
        fit.setId("pixelMapFit");
        fit.setTooltip(new javafx.scene.control.Tooltip("Show the whole map (F)"));
        fit.setOnAction(e -> map.fitByUser());
        GridPane view = ControlPanel.grid();
        view.addRow(0, new Label("Thumbnails"), thumbSize);

        Label how = new Label("Wheel zooms about the cursor, drag pans, F fits. Hover an image for its class; "
                + "click it to query it.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        Label point = new Label("Neighbours on this map share colours and backgrounds far more often than classes: "
                + "distances between raw pixels see the picture, not what it shows.");
        point.getStyleClass().add("hint");
        point.setWrapText(true);

        legend.setId("pixelMapLegend");
        legend.getStyleClass().add("pixel-map-legend");

        panel.getChildren().addAll(ControlPanel.section("Pixel-space map"), datasetLabel, grid, buttons, method,
                ControlPanel.section("Result"), summary, agreement, point,
                ControlPanel.section("View"), frames, view, fit, how,
                ControlPanel.section("Classes"), legend);
        return panel;
    }

    private static void commit(Spinner<Integer> s) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = (SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        try {
            int v = Integer.parseInt(s.getEditor().getText().strip());
            f.setValue(Math.max(f.getMin(), Math.min(f.getMax(), v)));
        } catch (NumberFormatException ex) {
            // Not a whole number: the value in force stays and is shown again below.
        }
        s.getEditor().setText(Integer.toString(f.getValue()));
    }

    /**
     * The dataset whose training images the map shows; null while none is loaded. A map being computed for
     * the old dataset is cancelled and never shown; the new one is computed only when the user presses Run.
     */
    public void setDataset(Dataset value) {
        cancel();
        dataset = value;
        summary.setText("");
        agreement.setText("");
        if (value == null) {
            datasetLabel.setText("No dataset loaded.");
            map.clear("No dataset loaded");
            legend.getChildren().clear();
            return;
        }
        ImageDataset train = value.train();
        int max = Math.min(ImageEmbedding.MAX_COUNT, train.size());
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) count.getValueFactory();
        f.setMin(Math.min(2, max));
        f.setMax(max);
        f.setValue(Math.min(ImageEmbedding.DEFAULT_COUNT, max));
        datasetLabel.setText(String.format(Locale.ROOT, "%s: %,d training images of %d×%d", value.name(),
                train.size(), train.width(), train.height()));
        map.clear(String.format(Locale.ROOT, "Press Run to map %,d training images by their pixels", f.getValue()));
        rebuildLegend(train);
    }

    private void rebuildLegend(ImageDataset train) {
        legend.getChildren().clear();
        int classes = train.classCount();
        for (int c = 0; c < classes; c++) {
            Rectangle swatch = new Rectangle(12, 12, ImageClassColors.of(c, classes));
            swatch.getStyleClass().add("pixel-map-swatch");
            Label l = new Label(train.classNames().get(c), swatch);
            l.getStyleClass().add("pixel-map-legend-entry");
            legend.getChildren().add(l);
        }
    }

    /** Called with the training index of an image the user clicks on the map. */
    public void setOnPick(IntConsumer listener) {
        onPick = Objects.requireNonNull(listener, "listener");
    }

    /** The node File ▸ Export saves: the map as shown. */
    public Node picture() {
        return map;
    }

    /** True while a map is being computed. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Starts computing the map for the current settings (what Run does); ignored while one runs or without data. */
    public void start() {
        if (dataset == null || running.get()) {
            return;
        }
        commit(count);
        commit(perplexity);
        commit(seed);
        ImageDataset train = dataset.train();
        ImageEmbedding.Settings settings = ImageEmbedding.Settings.of(Math.max(2, count.getValue()))
                .withPerplexity(perplexity.getValue())
                .withSeed(seed.getValue());
        Run r = new Run(train, settings);
        current = r;
        running.set(true);
        summary.setText("Computing…");
        agreement.setText("");
        int[] chosen = ImageEmbedding.chooseImages(train.size(), settings.count(), settings.seed());
        PixelMapCanvas.Atlas reuse = map.atlas();
        boolean sameImages = reuse != null && java.util.Arrays.equals(reuse.indices(), chosen);
        if (!sameImages) {
            map.clear("Preparing thumbnails…");
        }
        worker.execute(() -> compute(r, chosen, sameImages ? reuse : null));
    }

    /** Worker thread: thumbnails (unless reused), then PCA and t-SNE; everything shown goes through runLater. */
    private void compute(Run r, int[] chosen, PixelMapCanvas.Atlas reuse) {
        ImageEmbedding result = null;
        Throwable failure = null;
        double agree = Double.NaN;
        try {
            if (r.cancelled.get()) {
                throw new CancellationException();
            }
            if (reuse == null) {
                int[][] argb = new int[chosen.length][];
                for (int i = 0; i < chosen.length; i++) {
                    argb[i] = r.images.argb(chosen[i]);
                }
                int[] labels = new int[chosen.length];
                for (int i = 0; i < chosen.length; i++) {
                    labels[i] = r.images.label(chosen[i]);
                }
                // The atlas image is created and written on the FX thread, from the arrays made here.
                Platform.runLater(() -> {
                    if (current == r && !r.cancelled.get()) {
                        map.setImages(PixelMapCanvas.Atlas.of(chosen, argb, r.images.width(), r.images.height()),
                                labels, r.images.classCount());
                    }
                });
            } else {
                Platform.runLater(() -> {
                    if (current == r && !r.cancelled.get()) {
                        map.setImages(reuse, labelsOf(r.images, chosen), r.images.classCount());
                    }
                });
            }
            result = ImageEmbedding.compute(r.images, r.settings, (indices, xy) -> r.layout(xy), r::progress,
                    r.cancelled::get);
            agree = result.classAgreement(r.images, AGREEMENT_K);
        } catch (Throwable t) {
            failure = t;
        }
        ImageEmbedding finalResult = result;
        Throwable finalFailure = failure;
        double finalAgree = agree;
        // Back on the FX thread: show the result only if this run is still the current, uncancelled one.
        Platform.runLater(() -> finish(r, finalResult, finalAgree, finalFailure));
    }

    private static int[] labelsOf(ImageDataset images, int[] chosen) {
        int[] labels = new int[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            labels[i] = images.label(chosen[i]);
        }
        return labels;
    }

    private void finish(Run r, ImageEmbedding result, double agree, Throwable failure) {
        if (current != r) {
            return;
        }
        r.job.done();
        current = null;
        running.set(false);
        if (r.cancelled.get() || failure instanceof CancellationException) {
            summary.setText("Cancelled.");
            return;
        }
        if (failure != null) {
            summary.setText("");
            context.showError("The pixel-space map could not be computed: " + failure.getMessage());
            return;
        }
        map.setLayout(result.xy());
        double seconds = (System.nanoTime() - r.started) / 1e9;
        summary.setText(String.format(Locale.ROOT, "%,d images, %d PCA components keep %.0f%% of the pixel variance;"
                + " t-SNE KL divergence %.2f; %.1f s.", result.size(), result.components(), 100 * result.explained(),
                result.klDivergence(), seconds));
        agreement.setText(String.format(Locale.ROOT, "%.0f%% of each image's %d nearest map neighbours share its class "
                + "(%.0f%% by chance)", 100 * agree, AGREEMENT_K, 100 * chance(r.images, result)));
        context.jobs().setDetail(String.format(Locale.ROOT, "Pixel-space map of %,d images in %.1f s",
                result.size(), seconds));
    }

    /** Agreement a random layout would give: Σ_c share_c² over the mapped images' classes. */
    private static double chance(ImageDataset images, ImageEmbedding result) {
        int[] counts = new int[images.classCount()];
        for (int i = 0; i < result.size(); i++) {
            counts[images.label(result.index(i))]++;
        }
        double s = 0;
        for (int c : counts) {
            double share = (double) c / result.size();
            s += share * share;
        }
        return s;
    }

    /** Cancels the map being computed, if any: its result will never show. */
    public void cancel() {
        Run r = current;
        if (r == null) {
            return;
        }
        r.cancelled.set(true);
        r.job.done();
        current = null;
        running.set(false);
        summary.setText("Cancelled.");
        // The frames shown so far belong to a layout that will never finish: show none of it.
        map.clear("Cancelled; press Run to map the images");
    }

    /** Cancels background work and removes listeners; the panel is not used afterwards. */
    public void dispose() {
        cancel();
        context.themeProperty().removeListener(themeListener);
        worker.shutdownNow();
    }

    private void showHover(int point) {
        PixelMapCanvas.Atlas a = map.atlas();
        if (point < 0 || a == null || dataset == null) {
            hover.setVisible(false);
            return;
        }
        int index = a.indices()[point];
        ImageDataset train = dataset.train();
        hover.setText(String.format(Locale.ROOT, "Training image %,d · %s", index,
                train.classNames().get(train.label(index))));
        hover.setVisible(true);
    }

    /** The map canvas, for the UI tests. */
    PixelMapCanvas mapCanvas() {
        return map;
    }

    /** Region holding the controls, for the UI tests. */
    Region controls() {
        return (Region) getRight();
    }
}
