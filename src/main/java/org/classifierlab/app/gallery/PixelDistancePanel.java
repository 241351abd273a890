package org.classifierlab.app.gallery;

import java.util.Locale;
import java.util.function.UnaryOperator;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import org.classifierlab.app.render.CanvasStyle;
import org.classifierlab.app.render.ViridisColorMap;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.images.PixelDifference;

/**
 * "Distance, pixel by pixel": a query and a neighbour with the image of their absolute differences and their L1,
 * L2 and L∞ distances; the lecture slide's 4×4 L1 example as editable cells; and "what the computer sees", a
 * patch of an image as its 0–255 numbers per channel. All computing is a few thousand additions, done on the FX
 * thread. FX thread only.
 */
public final class PixelDistancePanel extends BorderPane {

    /** How the difference image is drawn. */
    enum DifferenceMode {
        PER_CHANNEL("Per channel: |ΔR|, |ΔG|, |ΔB| as a colour"),
        SUMMED("Summed over channels, viridis scale");

        private final String label;

        DifferenceMode(String label) {
            this.label = label;
        }
    }

    /** Side of the "what the computer sees" patch. */
    static final int PATCH = 8;
    private static final int N = PixelDifference.SLIDE_SIZE;

    private final AppContext context;
    private final VBox content = new VBox();
    private final ChangeListener<Theme> themeListener = (o, a, t) -> redrawAll();

    private ImageDataset test;
    private ImageDataset train;
    private int testIndex = -1;
    private int trainIndex = -1;
    private PixelDifference difference;

    private final ImageView queryView = PixelTiles.view("queryImage");
    private final ImageView neighbourView = PixelTiles.view("neighbourImage");
    private final ImageView differenceView = PixelTiles.view("differenceImage");
    private final Label queryCaption = new Label();
    private final Label neighbourCaption = new Label();
    private final Label differenceCaption = new Label("|query − neighbour|");
    private final ChoiceBox<DifferenceMode> mode = new ChoiceBox<>();
    private final HBox legend = new HBox(6);
    private final ImageView legendBar = PixelTiles.view("differenceLegend");
    private final Label legendMax = new Label();
    private final Label pairL1 = ControlPanel.valueLabel("pairL1");
    private final Label pairL2 = ControlPanel.valueLabel("pairL2");
    private final Label pairLInf = ControlPanel.valueLabel("pairLInf");
    private final Label pairChannels = new Label();

    private final int[] slideTest = PixelDifference.slideTestImage();
    private final int[] slideTrain = PixelDifference.slideTrainingImage();
    private final TextField[] slideTestCells = new TextField[N * N];
    private final TextField[] slideTrainCells = new TextField[N * N];
    private final Label[] slideDiffCells = new Label[N * N];
    private final Label[] slideRowSums = new Label[N];
    private final Label slideL1 = ControlPanel.valueLabel("slideL1");
    private final Label slideL1Sum = new Label();
    private final Label slideL2 = new Label();
    private final Label slideMessage = new Label();

    private final ChoiceBox<String> patchSource = new ChoiceBox<>();
    private final ImageView patchImage = PixelTiles.view("patchImage");
    private final Rectangle patchFrame = new Rectangle();
    private final Pane patchStage = new Pane(patchImage, patchFrame);
    private final Label patchCaption = new Label();
    private final FlowPane patchGrids = new FlowPane();
    private final Label[][] patchCells = new Label[3][PATCH * PATCH];
    private final VBox[] patchGridBoxes = new VBox[3];
    private int patchX = 12;
    private int patchY = 12;

    public PixelDistancePanel(AppContext context) {
        this.context = context;
        getStyleClass().add("pixel-distance-panel");
        content.getStyleClass().add("pixel-lesson");
        content.getChildren().addAll(pairSection(), slideSection(), patchSection());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("pixel-lesson-scroll");
        setCenter(scroll);
        context.themeProperty().addListener(themeListener);
        refreshSlide();
        showPair();
    }

    /** Shows {@code test[testIndex]} against {@code train[trainIndex]}; both sets must hold images of one shape. */
    public void setPair(ImageDataset test, int testIndex, ImageDataset train, int trainIndex) {
        java.util.Objects.checkIndex(testIndex, test.size());
        java.util.Objects.checkIndex(trainIndex, train.size());
        this.test = test;
        this.testIndex = testIndex;
        this.train = train;
        this.trainIndex = trainIndex;
        difference = PixelDifference.between(test, testIndex, train, trainIndex);
        patchX = Math.min(patchX, Math.max(0, test.width() - PATCH));
        patchY = Math.min(patchY, Math.max(0, test.height() - PATCH));
        showPair();
    }

    /**
     * The dataset in use ({@code null} while none is loaded). A pair from another dataset is replaced by the
     * first test image against the first training image until {@link #setPair} says otherwise.
     */
    public void setDataset(Dataset dataset) {
        if (dataset == null) {
            test = null;
            train = null;
            difference = null;
            showPair();
        } else if (dataset.test() != test || dataset.train() != train) {
            setPair(dataset.test(), 0, dataset.train(), 0);
        }
    }

    /** What File ▸ Export saves: the whole panel's content. */
    public Node picture() {
        return content;
    }

    /** Stops following the theme. */
    public void dispose() {
        context.themeProperty().removeListener(themeListener);
    }

    private Node pairSection() {
        Label title = sectionTitle("Distance, pixel by pixel");
        Label hint = hint("Compare two images pixel by pixel and add up the differences: L1 sums |I₁ − I₂| over "
                + "every pixel and channel, L2 is the square root of the sum of squares, L∞ the largest difference.");
        mode.getItems().setAll(DifferenceMode.values());
        mode.setConverter(ControlPanel.displayNames(m -> m.label));
        mode.setValue(DifferenceMode.PER_CHANNEL);
        mode.setId("differenceMode");
        mode.valueProperty().addListener((o, a, b) -> drawDifference());
        legendBar.setFitHeight(14);
        legendBar.setPreserveRatio(false);
        legendBar.setFitWidth(160);
        int[] ramp = new int[256];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = ViridisColorMap.argb(i / 255.0);
        }
        legendBar.setImage(Thumbnails.of(ramp, 256, 1));
        legend.getChildren().setAll(new Label("0"), legendBar, legendMax);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setId("differenceScale");
        HBox tiles = new HBox(16, tile(queryView, queryCaption), tile(neighbourView, neighbourCaption),
                tile(differenceView, differenceCaption));
        tiles.getStyleClass().add("pixel-tiles");
        GridPane numbers = ControlPanel.grid();
        numbers.addRow(0, new Label("L1 = Σ |I₁ − I₂|"), pairL1);
        numbers.addRow(1, new Label("L2 = √Σ (I₁ − I₂)²"), pairL2);
        numbers.addRow(2, new Label("L∞ = max |I₁ − I₂|"), pairLInf);
        numbers.add(pairChannels, 0, 3, 2, 1);
        pairChannels.getStyleClass().add("hint");
        pairChannels.setWrapText(true);
        HBox modeRow = ControlPanel.row(new Label("Difference image"), mode);
        return section(title, hint, tiles, modeRow, legend, numbers);
    }

    private static VBox tile(ImageView view, Label caption) {
        caption.setWrapText(true);
        caption.getStyleClass().add("pixel-tile-caption");
        VBox box = new VBox(4, view, caption);
        box.getStyleClass().add("pixel-tile-box");
        return box;
    }

    private Node slideSection() {
        Label title = sectionTitle("The slide's example: L1 distance of two 4×4 images");
        Label hint = hint("Edit any cell (whole numbers 0–255): the differences, their sum and L2 follow.");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("slide-grid");
        grid.setHgap(4);
        grid.setVgap(4);
        int testCol = 0;
        int trainCol = N + 1;
        int diffCol = 2 * N + 2;
        int sumCol = 3 * N + 3;
        grid.add(header("test image"), testCol, 0, N, 1);
        grid.add(header("training image"), trainCol, 0, N, 1);
        grid.add(header("|test − training|"), diffCol, 0, N, 1);
        grid.add(header("row sum"), sumCol, 0);
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                int p = r * N + c;
                slideTestCells[p] = cell("slideTest-" + r + "-" + c, slideTest, p);
                slideTrainCells[p] = cell("slideTrain-" + r + "-" + c, slideTrain, p);
                Label d = new Label();
                d.setId("slideDiff-" + r + "-" + c);
                d.getStyleClass().add("slide-diff");
                d.setAlignment(Pos.CENTER_RIGHT);
                d.setMaxWidth(Double.MAX_VALUE);
                slideDiffCells[p] = d;
                grid.add(slideTestCells[p], testCol + c, r + 1);
                grid.add(slideTrainCells[p], trainCol + c, r + 1);
                grid.add(d, diffCol + c, r + 1);
            }
            slideRowSums[r] = new Label();
            slideRowSums[r].setId("slideRowSum-" + r);
            slideRowSums[r].getStyleClass().add("slide-row-sum");
            grid.add(slideRowSums[r], sumCol, r + 1);
        }
        Label minus = operator("−");
        Label equals = operator("=");
        Label arrow = operator("→");
        grid.add(minus, N, 1, 1, N);
        grid.add(equals, 2 * N + 1, 1, 1, N);
        grid.add(arrow, 3 * N + 2, 1, 1, N);
        Button reset = new Button("Back to the slide's numbers");
        reset.setId("slideReset");
        reset.setOnAction(e -> resetSlide());
        slideL1Sum.getStyleClass().add("slide-formula");
        slideL1Sum.setWrapText(true);
        slideL2.setId("slideL2");
        slideL2.getStyleClass().add("slide-formula");
        slideL2.setWrapText(true);
        slideMessage.getStyleClass().add("input-message");
        slideMessage.setId("slideMessage");
        slideMessage.setWrapText(true);
        slideMessage.managedProperty().bind(slideMessage.textProperty().isNotEmpty());
        slideMessage.visibleProperty().bind(slideMessage.managedProperty());
        HBox l1Row = ControlPanel.row(new Label("L1 ="), slideL1Sum, new Label("="), slideL1);
        l1Row.getStyleClass().add("slide-total");
        return section(title, hint, grid, l1Row, slideL2, slideMessage, reset);
    }

    private TextField cell(String id, int[] values, int p) {
        TextField f = new TextField(Integer.toString(values[p]));
        f.setId(id);
        f.setPrefColumnCount(3);
        f.getStyleClass().add("slide-cell");
        f.setAlignment(Pos.CENTER_RIGHT);
        UnaryOperator<TextFormatter.Change> filter = change -> {
            String text = change.getControlNewText();
            if (text.matches("\\d{0,3}") && (text.isEmpty() || Integer.parseInt(text) <= 255)) {
                return change;
            }
            slideMessage.setText("“" + text + "” is refused: a pixel is a whole number from 0 to 255.");
            return null;
        };
        f.setTextFormatter(new TextFormatter<>(filter));
        f.textProperty().addListener((o, a, text) -> {
            if (text.isEmpty()) {
                f.getStyleClass().add("invalid");
                slideMessage.setText("Type a value from 0 to 255; until then the sum keeps " + values[p] + ".");
                return;
            }
            f.getStyleClass().remove("invalid");
            values[p] = Integer.parseInt(text);
            slideMessage.setText("");
            refreshSlide();
        });
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now && f.getText().isEmpty()) {
                f.setText(Integer.toString(values[p]));
            }
        });
        return f;
    }

    private void resetSlide() {
        int[] t = PixelDifference.slideTestImage();
        int[] tr = PixelDifference.slideTrainingImage();
        for (int p = 0; p < N * N; p++) {
            slideTestCells[p].setText(Integer.toString(t[p]));
            slideTrainCells[p].setText(Integer.toString(tr[p]));
        }
        slideMessage.setText("");
    }

    private void refreshSlide() {
        PixelDifference d = PixelDifference.ofValues(slideTest, slideTrain, N, N);
        StringBuilder sums = new StringBuilder();
        StringBuilder squares = new StringBuilder();
        for (int r = 0; r < N; r++) {
            long rowSum = 0;
            for (int c = 0; c < N; c++) {
                int v = d.absolute(0, r, c);
                slideDiffCells[r * N + c].setText(Integer.toString(v));
                rowSum += v;
                squares.append(r + c == 0 ? "" : " + ").append(v).append("²");
            }
            slideRowSums[r].setText(Long.toString(rowSum));
            sums.append(r == 0 ? "" : " + ").append(rowSum);
        }
        slideL1Sum.setText(sums.toString());
        slideL1.setText(String.format(Locale.ROOT, "%,d", d.l1()));
        slideL2.setText(String.format(Locale.ROOT, "L2 = √(%s) = √%,d = %.2f", squares, d.squaredL2(), d.l2()));
    }

    private Node patchSection() {
        Label title = sectionTitle("What the computer sees");
        Label hint = hint("To the computer an image is only numbers: each pixel is three values from 0 to 255 "
                + "(red, green, blue). Drag the frame over the image, or use the arrow keys, to read them.");
        patchSource.getItems().setAll("Query", "Neighbour");
        patchSource.setValue("Query");
        patchSource.setId("patchSource");
        patchSource.valueProperty().addListener((o, a, b) -> drawPatch());
        patchFrame.setManaged(false);
        patchFrame.setMouseTransparent(true);
        patchFrame.getStyleClass().add("patch-frame");
        patchFrame.setFill(Color.TRANSPARENT);
        patchStage.setId("patchStage");
        patchStage.setFocusTraversable(true);
        patchStage.addEventHandler(MouseEvent.MOUSE_PRESSED, this::movePatch);
        patchStage.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::movePatch);
        patchStage.addEventHandler(KeyEvent.KEY_PRESSED, this::nudgePatch);
        patchStage.getStyleClass().add("patch-stage");
        patchGrids.setHgap(14);
        patchGrids.setVgap(10);
        for (int ch = 0; ch < 3; ch++) {
            GridPane g = new GridPane();
            g.getStyleClass().add("patch-grid");
            for (int p = 0; p < PATCH * PATCH; p++) {
                Label l = new Label();
                l.getStyleClass().add("patch-cell");
                l.setAlignment(Pos.CENTER_RIGHT);
                l.setMaxWidth(Double.MAX_VALUE);
                l.setId("patch-" + ch + "-" + p / PATCH + "-" + p % PATCH);
                patchCells[ch][p] = l;
                g.add(l, p % PATCH, p / PATCH);
            }
            Label name = header(ch == 0 ? "red" : ch == 1 ? "green" : "blue");
            patchGridBoxes[ch] = new VBox(4, name, g);
        }
        patchGrids.getChildren().setAll(patchGridBoxes);
        patchCaption.getStyleClass().add("hint");
        patchCaption.setId("patchCaption");
        VBox left = new VBox(6, ControlPanel.row(new Label("Image"), patchSource), patchStage, patchCaption);
        HBox body = new HBox(18, left, patchGrids);
        HBox.setHgrow(patchGrids, javafx.scene.layout.Priority.ALWAYS);
        return section(title, hint, body);
    }

    private void movePatch(MouseEvent e) {
        ImageDataset set = patchSet();
        if (set == null) {
            return;
        }
        patchStage.requestFocus();
        double zoom = patchZoom(set);
        int side = Math.min(PATCH, Math.min(set.width(), set.height()));
        patchX = clamp((int) Math.floor(e.getX() / zoom) - side / 2, set.width() - side);
        patchY = clamp((int) Math.floor(e.getY() / zoom) - side / 2, set.height() - side);
        drawPatch();
    }

    private void nudgePatch(KeyEvent e) {
        ImageDataset set = patchSet();
        if (set == null) {
            return;
        }
        int side = Math.min(PATCH, Math.min(set.width(), set.height()));
        switch (e.getCode()) {
            case LEFT -> patchX = clamp(patchX - 1, set.width() - side);
            case RIGHT -> patchX = clamp(patchX + 1, set.width() - side);
            case UP -> patchY = clamp(patchY - 1, set.height() - side);
            case DOWN -> patchY = clamp(patchY + 1, set.height() - side);
            default -> {
                return;
            }
        }
        e.consume();
        drawPatch();
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }

    /** The patch's top-left pixel (column, row), for tests. */
    int[] patchOrigin() {
        return new int[] {patchX, patchY};
    }

    private ImageDataset patchSet() {
        return "Neighbour".equals(patchSource.getValue()) ? train : test;
    }

    private int patchIndex() {
        return "Neighbour".equals(patchSource.getValue()) ? trainIndex : testIndex;
    }

    private double patchZoom(ImageDataset set) {
        double side = context.themeProperty().get() == Theme.PROJECTOR ? 288 : 256;
        return Math.max(1, Math.floor(side / Math.max(set.width(), set.height())));
    }

    private void redrawAll() {
        showPair();
    }

    private void showPair() {
        double side = PixelTiles.tileSide(context.themeProperty().get());
        for (ImageView v : new ImageView[] {queryView, neighbourView, differenceView}) {
            v.setFitWidth(side);
            v.setFitHeight(side);
        }
        legendBar.setFitWidth(side);
        if (difference == null) {
            queryView.setImage(null);
            neighbourView.setImage(null);
            differenceView.setImage(null);
            queryCaption.setText("No dataset loaded");
            neighbourCaption.setText("");
            for (Label l : new Label[] {pairL1, pairL2, pairLInf}) {
                l.setText("—");
            }
            pairChannels.setText("");
            drawPatch();
            return;
        }
        queryView.setImage(Thumbnails.of(test.argb(testIndex), test.width(), test.height()));
        neighbourView.setImage(Thumbnails.of(train.argb(trainIndex), train.width(), train.height()));
        queryCaption.setText(String.format(Locale.ROOT, "Query: test image %,d (%s)", testIndex,
                test.classNames().get(test.label(testIndex))));
        neighbourCaption.setText(String.format(Locale.ROOT, "Neighbour: training image %,d (%s)", trainIndex,
                train.classNames().get(train.label(trainIndex))));
        pairL1.setText(String.format(Locale.ROOT, "%,d", difference.l1()));
        pairL2.setText(String.format(Locale.ROOT, "√%,d = %,.2f", difference.squaredL2(), difference.l2()));
        pairLInf.setText(Integer.toString(difference.lInf()));
        if (difference.channels() == 3) {
            pairChannels.setText(String.format(Locale.ROOT, "L1 per channel: red %,d + green %,d + blue %,d, over "
                    + "%,d values (%d × %d pixels × 3 channels)", difference.channelL1(0), difference.channelL1(1),
                    difference.channelL1(2), 3 * difference.width() * difference.height(), difference.width(),
                    difference.height()));
        } else {
            pairChannels.setText(String.format(Locale.ROOT, "over %,d grey values (%d × %d pixels)",
                    difference.width() * difference.height(), difference.width(), difference.height()));
        }
        drawDifference();
        drawPatch();
    }

    private void drawDifference() {
        if (difference == null) {
            return;
        }
        int w = difference.width();
        int h = difference.height();
        int[] argb = new int[w * h];
        boolean summed = mode.getValue() == DifferenceMode.SUMMED;
        legend.setVisible(summed);
        legend.setManaged(summed);
        if (summed) {
            int max = 1;
            int[] sums = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int s = 0;
                    for (int c = 0; c < difference.channels(); c++) {
                        s += difference.absolute(c, y, x);
                    }
                    sums[y * w + x] = s;
                    max = Math.max(max, s);
                }
            }
            for (int p = 0; p < sums.length; p++) {
                argb[p] = ViridisColorMap.argb(sums[p] / (double) max);
            }
            legendMax.setText(String.format(Locale.ROOT, "%d = largest Σ|Δ| of a pixel", max));
            differenceCaption.setText("Σ over channels of |query − neighbour|");
        } else {
            argb = org.classifierlab.core.images.ImageReduction.toArgb(difference.absoluteImage(), difference.channels(), h, w);
            differenceCaption.setText("|query − neighbour|, black = equal");
        }
        differenceView.setImage(Thumbnails.of(argb, w, h));
    }

    private void drawPatch() {
        ImageDataset set = patchSet();
        int index = patchIndex();
        if (set == null || index < 0) {
            patchImage.setImage(null);
            patchFrame.setVisible(false);
            patchCaption.setText("");
            for (Label[] cells : patchCells) {
                for (Label l : cells) {
                    l.setText("");
                    l.setStyle("");
                }
            }
            return;
        }
        double zoom = patchZoom(set);
        patchImage.setImage(Thumbnails.of(set.argb(index), set.width(), set.height()));
        patchImage.setFitWidth(set.width() * zoom);
        patchImage.setFitHeight(set.height() * zoom);
        patchStage.setPrefSize(set.width() * zoom, set.height() * zoom);
        patchStage.setMinSize(set.width() * zoom, set.height() * zoom);
        patchStage.setMaxSize(set.width() * zoom, set.height() * zoom);
        int side = Math.min(PATCH, Math.min(set.width(), set.height()));
        patchX = clamp(patchX, set.width() - side);
        patchY = clamp(patchY, set.height() - side);
        patchFrame.setVisible(true);
        patchFrame.relocate(patchX * zoom, patchY * zoom);
        patchFrame.setWidth(side * zoom);
        patchFrame.setHeight(side * zoom);
        patchCaption.setText(String.format(Locale.ROOT, "Columns %d–%d, rows %d–%d of %d × %d", patchX,
                patchX + side - 1, patchY, patchY + side - 1, set.width(), set.height()));
        byte[] px = set.pixelsShared();
        int plane = set.width() * set.height();
        int base = index * set.dim();
        for (int ch = 0; ch < 3; ch++) {
            boolean shown = ch < set.channels();
            patchGridBoxes[ch].setVisible(shown);
            patchGridBoxes[ch].setManaged(shown);
            ((Label) patchGridBoxes[ch].getChildren().get(0)).setText(set.channels() == 1 ? "grey"
                    : ch == 0 ? "red (R)" : ch == 1 ? "green (G)" : "blue (B)");
            for (int p = 0; p < PATCH * PATCH; p++) {
                Label l = patchCells[ch][p];
                int r = p / PATCH;
                int c = p % PATCH;
                if (!shown || r >= side || c >= side) {
                    l.setText("");
                    l.setStyle("");
                    continue;
                }
                int v = px[base + ch * plane + (patchY + r) * set.width() + patchX + c] & 0xFF;
                l.setText(Integer.toString(v));
                Color fill = set.channels() == 1 ? Color.gray(v / 255.0)
                        : Color.rgb(ch == 0 ? v : 0, ch == 1 ? v : 0, ch == 2 ? v : 0);
                double luminance = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
                // An inline style, because the stylesheet's label colour would win over setTextFill.
                l.setStyle(String.format(Locale.ROOT, "-fx-background-color: #%06x; -fx-text-fill: %s;",
                        CanvasStyle.argb(fill) & 0xFFFFFF, luminance > 0.4 ? "black" : "white"));
            }
        }
    }

    private static VBox section(Node... nodes) {
        VBox box = new VBox(8, nodes);
        box.getStyleClass().add("pixel-section");
        return box;
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pixel-section-title");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("grid-header");
        return l;
    }

    private static Label operator(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("slide-operator");
        return l;
    }
}
