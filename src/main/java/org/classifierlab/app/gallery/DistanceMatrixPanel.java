package org.classifierlab.app.gallery;

import static org.classifierlab.app.shell.ControlPanel.row;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiConsumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SegmentedButton;

import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.PairwiseDistances;

/**
 * The test × train distance matrix as the CS231n notebook plots it ({@code plt.imshow(dists)}): a grey picture,
 * black = the nearest pair, white = the farthest, of the first N test × first M training images under L1, L2 or
 * L∞, optionally ordered by class so the block structure shows. Computed off the FX thread with progress and
 * Cancel in the status bar; hover gives the exact distance, a click opens the pair. FX thread only.
 */
public final class DistanceMatrixPanel extends BorderPane {

    /** Most distances held at once: 25 million floats (100 MB) plus one grey byte each. */
    public static final long MAX_CELLS = 25_000_000L;
    static final int DEFAULT_TEST = 500;
    static final int DEFAULT_TRAIN = 5000;

    private final AppContext context;
    private final PanelJob job;
    private final DistanceMatrixView view = new DistanceMatrixView();
    private final Spinner<Integer> testCount = GallerySpinners.of("dmTestCount", 1, DEFAULT_TEST, DEFAULT_TEST);
    private final Spinner<Integer> trainCount = GallerySpinners.of("dmTrainCount", 1, DEFAULT_TRAIN, DEFAULT_TRAIN);
    private final SegmentedButton metric = new SegmentedButton();
    private final CheckBox byClass = new CheckBox("Order by class");
    private final Button compute = new Button("Compute");
    private final Label sizeNote = new Label();
    private final Label legendLow = new Label();
    private final Label legendHigh = new Label();
    private final Label readout = new Label();
    private final Label normalisation = new Label();
    private final VBox picture;
    private Dataset dataset;
    private Shown shown;
    private BiConsumer<Integer, Integer> onOpenPair = (i, j) -> { };

    /** The matrix on screen and what it was computed from. */
    private record Shown(Dataset dataset, ImageDataset test, ImageDataset train, PairwiseDistances distances,
                         byte[] grey) {
    }

    public DistanceMatrixPanel(AppContext context) {
        this.context = context;
        job = new PanelJob("distance-matrix", context.jobs(), context::showError);
        getStyleClass().add("distance-matrix-panel");

        for (Metric m : Metric.values()) {
            ToggleButton b = new ToggleButton(m == Metric.LINF ? "L∞" : m.name());
            b.setId("dmMetric" + m.name());
            b.setUserData(m);
            b.setTooltip(new Tooltip(m.label()));
            b.setSelected(m == Metric.L2);
            metric.getButtons().add(b);
        }
        metric.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null && a != null) {
                a.setSelected(true);
            } else if (t != null) {
                computeNow();
            }
        });
        byClass.setId("dmByClass");
        byClass.setTooltip(new Tooltip("Sort rows and columns by label (within a class in dataset order)"));
        byClass.selectedProperty().addListener(o -> showContent());
        compute.setId("dmCompute");
        compute.setGraphic(AppIcon.RUN.node());
        compute.setOnAction(e -> computeNow());
        compute.disableProperty().bind(job.runningProperty());
        Button fit = ControlPanel.iconButton(AppIcon.FIT_VIEW, "Show the whole matrix (double-click)", view::fit);
        fit.setId("dmFit");
        Button zoomIn = new Button("+");
        zoomIn.setTooltip(new Tooltip("Zoom in (mouse wheel); drag to pan"));
        zoomIn.setOnAction(e -> view.zoom(2));
        Button zoomOut = new Button("−");
        zoomOut.setTooltip(new Tooltip("Zoom out (mouse wheel)"));
        zoomOut.setOnAction(e -> view.zoom(0.5));
        testCount.valueProperty().addListener(o -> checkSize());
        trainCount.valueProperty().addListener(o -> checkSize());
        sizeNote.getStyleClass().add("hint");
        sizeNote.setId("dmSizeNote");

        FlowPane bar = new FlowPane(18, 6,
                row(new Label("Test images"), testCount),
                row(new Label("Training images"), trainCount),
                row(new Label("Distance"), metric),
                row(compute, byClass),
                row(fit, zoomIn, zoomOut),
                sizeNote);
        bar.getStyleClass().add("panel-bar");
        bar.setAlignment(Pos.CENTER_LEFT);

        Region ramp = new Region();
        ramp.getStyleClass().add("grey-ramp");
        ramp.setPrefSize(180, 14);
        ramp.setMinSize(120, 14);
        legendLow.setId("dmLegendLow");
        legendHigh.setId("dmLegendHigh");
        HBox legend = row(legendLow, ramp, legendHigh);
        legend.setSpacing(8);
        normalisation.getStyleClass().add("hint");
        normalisation.setWrapText(true);
        normalisation.setText("Grey = (d − min) / (max − min) over the whole matrix, as plt.imshow scales the "
                + "notebook's dists. Bright rows: test images far from every training image; bright columns: "
                + "training images far from every test image (the notebook's inline question 1).");
        readout.setId("dmReadout");
        readout.getStyleClass().add("probe-readout");
        readout.setText("Hover over the matrix for a pair and its distance; click to open the pair.");
        readout.setWrapText(true);
        VBox.setVgrow(view, Priority.ALWAYS);
        picture = new VBox(6, view, legend);
        picture.getStyleClass().add("distance-matrix-picture");
        VBox foot = new VBox(4, readout, normalisation);
        foot.setPadding(new Insets(4, 10, 8, 10));
        setTop(bar);
        setCenter(picture);
        setBottom(foot);

        view.setOnHover(this::showHover);
        view.setOnCellClicked((i, j) -> onOpenPair.accept(i, j));
        showLegend();
    }

    /** Calls {@code action} with (test index, training index) in dataset numbering when a cell is clicked. */
    public void setOnOpenPair(BiConsumer<Integer, Integer> action) {
        onOpenPair = action == null ? (i, j) -> { } : action;
    }

    /** Sets the dataset (null: none) and computes its default matrix; a job for the old one is cancelled. */
    public void setDataset(Dataset d) {
        job.cancel();
        dataset = d;
        shown = null;
        view.setContent(null);
        showLegend();
        if (d == null) {
            return;
        }
        GallerySpinners.setRange(testCount, 1, d.test().size(), Math.min(DEFAULT_TEST, d.test().size()));
        GallerySpinners.setRange(trainCount, 1, d.train().size(), Math.min(DEFAULT_TRAIN, d.train().size()));
        computeNow();
    }

    /** The node whose snapshot File ▸ Export saves: the matrix with its grey scale. */
    public Node picture() {
        return picture;
    }

    /** Cancels a running computation. */
    public void dispose() {
        job.dispose();
    }

    DistanceMatrixView view() {
        return view;
    }

    /** The distances shown, or null. */
    PairwiseDistances distances() {
        return shown == null ? null : shown.distances();
    }

    Metric metric() {
        return metric.getToggleGroup().getSelectedToggle() == null ? Metric.L2
                : (Metric) metric.getToggleGroup().getSelectedToggle().getUserData();
    }

    private boolean checkSize() {
        long cells = (long) testCount.getValue() * trainCount.getValue();
        boolean ok = cells <= MAX_CELLS;
        sizeNote.setText(String.format(Locale.ROOT, "%,d distances (%,d MB)%s", cells,
                (cells * 5 + (1 << 19)) >> 20, ok ? "" : String.format(Locale.ROOT, ": more than the %,d million "
                        + "this view holds; choose fewer images", MAX_CELLS / 1_000_000)));
        sizeNote.getStyleClass().remove("warning-text");
        if (!ok) {
            sizeNote.getStyleClass().add("warning-text");
        }
        return ok;
    }

    private void computeNow() {
        if (dataset == null) {
            return;
        }
        if (!checkSize()) {
            context.showError(sizeNote.getText());
            return;
        }
        Dataset d = dataset;
        int n = testCount.getValue();
        int m = trainCount.getValue();
        Metric metricNow = metric();
        String title = String.format(Locale.ROOT, "%s distances of %,d test × %,d training images", shortName(metricNow), n, m);
        job.run(title, (progress, cancelled) -> {
            ImageDataset test = n == d.test().size() ? d.test() : d.test().first(n);
            ImageDataset train = m == d.train().size() ? d.train() : d.train().first(m);
            ByteMatrix q = new ByteMatrix(test.pixelsShared(), n, test.dim());
            ByteMatrix r = new ByteMatrix(train.pixelsShared(), m, train.dim());
            PairwiseDistances dist = PairwiseDistances.compute(q, r, metricNow, progress, cancelled);
            float[] v = dist.valuesShared();
            byte[] grey = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                grey[i] = (byte) dist.grey(v[i]);
            }
            return new Shown(d, test, train, dist, grey);
        }, s -> {
            if (s.dataset() == dataset) {
                shown = s;
                showContent();
                showLegend();
                context.jobs().setDetail(String.format(Locale.ROOT, "%,d × %,d %s distances", n, m,
                        shortName(metricNow)));
            }
        });
    }

    private void showContent() {
        if (shown == null) {
            view.setContent(null);
            return;
        }
        int[] rowLabels = shown.test().labels();
        int[] colLabels = shown.train().labels();
        boolean sorted = byClass.isSelected();
        int[] rowOrder = sorted ? PairwiseDistances.classOrder(rowLabels) : identity(rowLabels.length);
        int[] colOrder = sorted ? PairwiseDistances.classOrder(colLabels) : identity(colLabels.length);
        view.setContent(new DistanceMatrixView.Content(rowLabels.length, colLabels.length, shown.grey(), rowLabels,
                colLabels, shown.test().classNames(), rowOrder, colOrder, sorted));
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> i);
        return a;
    }

    private void showLegend() {
        if (shown == null) {
            legendLow.setText("black = nearest");
            legendHigh.setText("white = farthest");
            return;
        }
        PairwiseDistances d = shown.distances();
        legendLow.setText("black = nearest, " + shortName(d.metric()) + " " + format(d.min(), d.metric()));
        legendHigh.setText("white = farthest, " + format(d.max(), d.metric()));
    }

    private void showHover(int i, int j) {
        if (shown == null || i < 0) {
            readout.setText("Hover over the matrix for a pair and its distance; click to open the pair.");
            return;
        }
        ImageDataset test = shown.test();
        ImageDataset train = shown.train();
        Metric m = shown.distances().metric();
        double exact = PairwiseDistances.exactDistance(test.pixelsShared(), i, train.pixelsShared(), j, test.dim(), m);
        readout.setText(hoverText(i, test.classNames().get(test.label(i)), j, train.classNames().get(train.label(j)),
                m, exact, shown.distances().grey(i, j)));
    }

    /** The hover line for test image i and training image j at distance {@code exact}. */
    static String hoverText(int i, String testClass, int j, String trainClass, Metric m, double exact, int grey) {
        return String.format(Locale.ROOT, "test %,d (%s) · train %,d (%s) · %s distance %s · grey %d", i, testClass, j,
                trainClass, shortName(m), format(exact, m), grey);
    }

    /** A distance as shown: whole numbers for L1 and L∞ (exact integers on pixels), three decimals for L2. */
    static String format(double d, Metric m) {
        return m == Metric.L2 ? String.format(Locale.ROOT, "%,.3f", d) : String.format(Locale.ROOT, "%,.0f", d);
    }

    static String shortName(Metric m) {
        return m == Metric.LINF ? "L∞" : m.name();
    }
}
