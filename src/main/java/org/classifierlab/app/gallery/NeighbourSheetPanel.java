package org.classifierlab.app.gallery;

import static org.classifierlab.app.shell.ControlPanel.intSpinner;
import static org.classifierlab.app.shell.ControlPanel.row;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.classifierlab.app.concurrent.LatestWinsWorker;
import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.app.shell.ErrorReporter;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.images.NeighbourSheet;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;

/**
 * The course notes' figure: N test images, each followed by its 10 nearest training images, as one picture (random
 * rows with a visible seed, the images the browser shows, or the queries picked one by one), previewed here and
 * exported as a PNG at a size a slide can use. Searching and drawing run on a latest-wins worker. FX thread only.
 */
public final class NeighbourSheetPanel extends BorderPane {

    /** What the worker draws: a snapshot of the rows and options. */
    private record Request(Dataset dataset, int[] rows, Metric metric, int scale, boolean captions, NeighbourSearch search) {
    }

    /** A drawn sheet and what it shows. Immutable; any thread. */
    record Sheet(Request request, NeighbourSheet sheet) {
    }

    private final AppContext context;
    private final ImageView preview = new ImageView();
    private final Label info = new Label();
    private final Spinner<Integer> count = intSpinner("sheetRows", 1, 40, 10);
    private final TextField seed = new TextField("0");
    private final ComboBox<Metric> metric = new ComboBox<>(FXCollections.observableArrayList(Metric.values()));
    private final Spinner<Integer> scale = intSpinner("sheetScale", 1, 16, 4);
    private final CheckBox captions = new CheckBox("Class names under the images");
    private final LatestWinsWorker<Request, Sheet> worker;
    private final VBox content;
    private Dataset dataset;
    private NeighbourSearch search;
    private int[] rows = new int[0];
    private Sheet shown;
    private Supplier<List<Integer>> browserImages = List::of;

    public NeighbourSheetPanel(AppContext context) {
        this.context = context;
        ErrorReporter errors = new ErrorReporter(context);
        worker = new LatestWinsWorker<>("neighbour-sheet", NeighbourSheetPanel::draw, this::publish, errors::report);
        getStyleClass().add("neighbour-sheet-panel");
        setId("sheetPanel");
        metric.setId("sheetMetric");
        metric.setValue(Metric.L1);
        metric.setConverter(ControlPanel.displayNames(Metric::label));
        seed.setId("sheetSeed");
        seed.setPrefColumnCount(6);
        captions.setId("sheetCaptions");
        captions.setSelected(true);
        Button random = new Button("Random rows", AppIcon.RANDOM_SEED.node());
        random.setId("sheetRandom");
        random.setOnAction(e -> randomRows());
        Button newSeed = ControlPanel.iconButton(AppIcon.RANDOMISE, "A new seed, then random rows", () -> {
            seed.setText(Integer.toString(new Random().nextInt(1_000_000)));
            randomRows();
        });
        Button fromBrowser = new Button("The browser's images");
        fromBrowser.setId("sheetFromBrowser");
        fromBrowser.setOnAction(e -> useRows(browserImages.get()));
        Button export = new Button("Export PNG…", AppIcon.EXPORT.node());
        export.setId("sheetExport");
        export.setOnAction(e -> exportWithChooser());
        export.disableProperty().bind(worker.busyProperty());
        count.valueProperty().addListener(o -> randomRows());
        metric.valueProperty().addListener(o -> redraw());
        scale.valueProperty().addListener(o -> redraw());
        captions.selectedProperty().addListener(o -> redraw());
        seed.setOnAction(e -> randomRows());

        FlowPane controls = new FlowPane(10, 8, row(new Label("Rows"), count), row(new Label("Seed"), seed, random, newSeed),
                fromBrowser, row(new Label("Distance"), metric), row(new Label("Scale"), scale), captions, export);
        Label hint = new Label("Each row: a test image, then its 10 nearest training images, nearest first; a green frame "
                + "where the neighbour's class is the test image's, orange where it is not (the CS231n notes' figure). "
                + "'The browser's images' takes the first rows the query browser shows, so its filters (e.g. "
                + "misclassified) choose them. Export writes the sheet at the chosen scale.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        info.setId("sheetInfo");
        preview.setPreserveRatio(true);
        preview.setSmooth(true);
        preview.setId("sheetPreview");
        ScrollPane scroller = new ScrollPane(preview);
        scroller.setFitToWidth(true);
        preview.fitWidthProperty().bind(scroller.widthProperty().subtract(24));
        content = new VBox(8, controls, hint, info);
        content.setPadding(new Insets(10));
        setTop(content);
        setCenter(scroller);
    }

    /** Where "The browser's images" takes its rows from. */
    public void setBrowserImages(Supplier<List<Integer>> source) {
        browserImages = source;
    }

    /** Draws the sheet for the test images of {@code d} (random rows with the seed); null: nothing. */
    public void setDataset(Dataset d, NeighbourSearch searchOfD) {
        dataset = d;
        search = searchOfD;
        shown = null;
        preview.setImage(null);
        randomRows();
    }

    /** Uses a faster search of the same dataset from now on (the pruned index). */
    public void setSearch(Dataset d, NeighbourSearch faster) {
        if (d == dataset) {
            search = faster;
        }
    }

    private void randomRows() {
        if (dataset == null || dataset.test().size() == 0) {
            rows = new int[0];
            info.setText(dataset == null ? "No dataset loaded" : "This dataset has no test images");
            return;
        }
        long s;
        try {
            s = Long.parseLong(seed.getText().strip());
            seed.getStyleClass().remove("invalid");
        } catch (NumberFormatException e) {
            if (!seed.getStyleClass().contains("invalid")) {
                seed.getStyleClass().add("invalid");
            }
            info.setText("The seed must be a whole number, e.g. 0");
            return;
        }
        int n = Math.min(count.getValue(), dataset.test().size());
        rows = NeighbourSheet.randomTestIndices(dataset.test().size(), n, s);
        redraw();
    }

    /** Rows of the given test images (at most the rows spinner's number). */
    public void useRows(List<Integer> testIndices) {
        if (dataset == null || testIndices.isEmpty()) {
            info.setText("The browser shows no test images");
            return;
        }
        List<Integer> take = new ArrayList<>(testIndices.subList(0, Math.min(count.getValue(), testIndices.size())));
        rows = take.stream().mapToInt(Integer::intValue).toArray();
        redraw();
    }

    private void redraw() {
        if (dataset == null || rows.length == 0 || dataset.train().size() < NeighbourSheet.NEIGHBOURS) {
            return;
        }
        info.setText("Drawing…");
        worker.requestReplacing(new Request(dataset, rows.clone(), metric.getValue(), scale.getValue(),
                captions.isSelected(), search));
    }

    private static Sheet draw(Request r, BooleanSupplier cancelled) {
        Dataset d = r.dataset;
        int dim = d.test().dim();
        byte[] queries = new byte[r.rows.length * dim];
        for (int i = 0; i < r.rows.length; i++) {
            System.arraycopy(d.test().pixelsShared(), r.rows[i] * dim, queries, i * dim, dim);
        }
        NeighbourTable table = r.search.nearest(new ByteMatrix(queries, r.rows.length, dim),
                DistanceEngine.Options.of(NeighbourSheet.NEIGHBOURS, r.metric).withCancellation(cancelled));
        NeighbourSheet.Layout layout = new NeighbourSheet.Layout(d.test().width(), d.test().height(), r.rows.length,
                NeighbourSheet.NEIGHBOURS, r.scale, r.captions);
        if (layout.pixels() > NeighbourSheet.MAX_PIXELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "A sheet of %d rows at scale %d would be %,d × %,d pixels; choose fewer rows or a smaller scale.",
                    r.rows.length, r.scale, layout.width(), layout.height()));
        }
        return new Sheet(r, NeighbourSheet.render(d.test(), d.train(), r.rows, table, layout));
    }

    private void publish(Sheet s) {
        if (s.request.dataset != dataset) {
            return;
        }
        shown = s;
        NeighbourSheet sheet = s.sheet;
        int[] argb = ((java.awt.image.DataBufferInt) sheet.image().getRaster().getDataBuffer()).getData();
        WritableImage img = Thumbnails.of(argb, sheet.width(), sheet.height());
        preview.setImage(img);
        info.setText(String.format(Locale.ROOT, "%d rows × 10 neighbours under %s; the PNG is %,d × %,d px (test images %s)",
                s.request.rows.length, s.request.metric.label(), sheet.width(), sheet.height(), abbreviate(s.request.rows)));
    }

    private static String abbreviate(int[] rows) {
        String all = Arrays.toString(rows);
        return all.length() <= 60 ? all : all.substring(0, 57) + "…]";
    }

    /** The sheet last drawn, or null. */
    NeighbourSheet sheet() {
        return shown == null ? null : shown.sheet;
    }

    /** Writes the sheet last drawn to {@code file} (PNG) off the FX thread. */
    public CompletableFuture<Path> exportPng(Path file) {
        NeighbourSheet sheet = sheet();
        if (sheet == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No sheet has been drawn yet"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                sheet.writePng(file);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** Asks for a file and writes the sheet there; false if there is no sheet yet. */
    boolean exportWithChooser() {
        if (sheet() == null) {
            return false;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the neighbour sheet as PNG");
        chooser.setInitialFileName("nearest-neighbours-sheet.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(context.window());
        if (file != null) {
            exportPng(file.toPath()).whenComplete((p, e) -> javafx.application.Platform.runLater(() -> {
                if (e != null) {
                    context.showError(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                } else {
                    context.jobs().setDetail("Sheet written to " + p);
                }
            }));
        }
        return true;
    }

    /** The node File ▸ Export saves: the preview of the sheet. */
    public Node picture() {
        return preview;
    }

    public void dispose() {
        worker.dispose();
    }
}
