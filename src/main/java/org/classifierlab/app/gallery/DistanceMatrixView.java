package org.classifierlab.app.gallery;

import java.util.List;
import java.util.function.DoubleFunction;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.render.AxisTicks;
import org.classifierlab.app.render.CanvasLayers;
import org.classifierlab.app.render.ChartCss;
import org.classifierlab.app.render.TextMeter;

/**
 * The distance matrix as a grey picture, test images down, training images across, in dataset order or ordered
 * by class (class strips, boundaries and names on the axes); mouse wheel zooms about the pointer (up to single
 * cells many pixels wide), a drag pans, a double-click fits. Only the visible part is drawn, at device
 * resolution, a box average of the cells under each pixel when zoomed out. FX thread only.
 */
final class DistanceMatrixView extends Region {

    /** What the view shows; immutable once handed over. */
    record Content(int rows, int cols, byte[] grey, int[] rowLabels, int[] colLabels, List<String> classNames,
                   int[] rowOrder, int[] colOrder, boolean byClass) {

        int rowAt(int displayRow) {
            return rowOrder[displayRow];
        }

        int colAt(int displayCol) {
            return colOrder[displayCol];
        }
    }

    /** Listens to the cell under the pointer: natural row and column, or -1, -1 when off the matrix. */
    interface HoverListener {
        void hovered(int row, int col);
    }

    private static final double MAX_CELL_PIXELS = 40;
    private static final int MAX_SAMPLES = 3;

    private final ImageView picture = new ImageView();
    private final Canvas overlay = new Canvas();
    private final TextMeter meter = new TextMeter();
    private WritableImage image;
    private int[] buffer = new int[0];
    private Content content;
    private int[] rowPosition = new int[0];
    private int[] colPosition = new int[0];
    private double scaleX = 1;
    private double scaleY = 1;
    private double originX;
    private double originY;
    private boolean fitted = true;
    private List<Object> lastLayout = List.of();
    private int hoverRow = -1;
    private int hoverCol = -1;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private HoverListener onHover = (r, c) -> { };
    private HoverListener onClick = (r, c) -> { };

    private final StyleableObjectProperty<Color> axisColor = ChartCss.property(AXIS, this, "axisColor", this::redraw);
    private final StyleableObjectProperty<Color> boundaryColor =
            ChartCss.property(BOUNDARY, this, "boundaryColor", this::redraw);
    private final StyleableObjectProperty<Color> hoverColor = ChartCss.property(HOVER, this, "hoverColor", this::redraw);
    private final StyleableObjectProperty<Color> emptyColor = ChartCss.property(EMPTY, this, "emptyColor", this::redraw);
    private final StyleableObjectProperty<Font> font = ChartCss.property(FONT, this, "font", this::redraw);

    DistanceMatrixView() {
        getStyleClass().add("distance-matrix-view");
        setId("distanceMatrixView");
        picture.setSmooth(false);
        picture.setManaged(false);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        getChildren().addAll(picture, overlay);
        setMinSize(200, 150);
        setPrefSize(900, 520);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> hover(-1, -1));
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        setOnMouseDragged(this::onDrag);
        setOnMouseClicked(this::onClicked);
    }

    void setOnHover(HoverListener listener) {
        onHover = listener;
    }

    void setOnCellClicked(HoverListener listener) {
        onClick = listener;
    }

    void setContent(Content c) {
        boolean sameShape = content != null && c != null && content.rows() == c.rows() && content.cols() == c.cols();
        content = c;
        rowPosition = c == null ? new int[0] : inverse(c.rowOrder());
        colPosition = c == null ? new int[0] : inverse(c.colOrder());
        hoverRow = -1;
        hoverCol = -1;
        if (!sameShape) {
            fitted = true;
        }
        layoutAndRender();
    }

    Content content() {
        return content;
    }

    /** Shows the whole matrix in the plot area (rows and columns stretched independently). */
    void fit() {
        fitted = true;
        layoutAndRender();
    }

    /** Zooms by {@code factor} about the plot's centre. */
    void zoom(double factor) {
        zoomAbout(factor, plotLeft() + plotWidth() / 2, plotTop() + plotHeight() / 2);
    }

    double scaleX() {
        return scaleX;
    }

    /** Centre of natural cell (row, col) in local coordinates, or null when it is outside the visible part. */
    javafx.geometry.Point2D cellCentre(int row, int col) {
        if (content == null) {
            return null;
        }
        double x = plotLeft() + (colPosition[col] + 0.5 - originX) * scaleX;
        double y = plotTop() + (rowPosition[row] + 0.5 - originY) * scaleY;
        if (x < plotLeft() || y < plotTop() || x >= plotLeft() + plotWidth() || y >= plotTop() + plotHeight()) {
            return null;
        }
        return new javafx.geometry.Point2D(x, y);
    }

    /** The grey (0–255) the picture shows at local point (x, y), read back from its image. */
    int shownGrey(double x, double y) {
        double s = renderScale();
        int px = (int) Math.floor((x - plotLeft()) * s);
        int py = (int) Math.floor((y - plotTop()) * s);
        return image.getPixelReader().getArgb(px, py) & 0xFF;
    }

    private static int[] inverse(int[] order) {
        int[] pos = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            pos[order[i]] = i;
        }
        return pos;
    }

    private double fontSize() {
        return font.get().getSize() * 0.85;
    }

    private double plotLeft() {
        if (content != null && content.byClass()) {
            double widest = 0;
            Font f = Font.font(font.get().getFamily(), fontSize());
            for (String n : content.classNames()) {
                widest = Math.max(widest, meter.width(n, f));
            }
            return Math.min(getWidth() * 0.3, widest + 14) + strip() + fontSize() * 1.4;
        }
        return meter.width("10,000", Font.font(font.get().getFamily(), fontSize())) + 12 + strip() + fontSize() * 1.4;
    }

    private double plotTop() {
        return fontSize() * 2.6 + strip() + 4;
    }

    private double strip() {
        return Math.max(6, fontSize() * 0.55);
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - plotLeft() - 8);
    }

    private double plotHeight() {
        return Math.max(1, getHeight() - plotTop() - 8);
    }

    private double renderScale() {
        return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getRenderScaleX() : 1;
    }

    @Override
    protected void layoutChildren() {
        layoutAndRender();
    }

    private void layoutAndRender() {
        CanvasLayers.resize(getWidth(), getHeight(), overlay);
        if (content != null && fitted) {
            scaleX = plotWidth() / content.cols();
            scaleY = plotHeight() / content.rows();
            originX = 0;
            originY = 0;
        }
        clamp();
        List<Object> key = List.of(getWidth(), getHeight(), renderScale(), scaleX, scaleY, originX, originY,
                content == null ? 0 : System.identityHashCode(content));
        if (key.equals(lastLayout)) {
            return;
        }
        lastLayout = key;
        render();
        redraw();
    }

    private void clamp() {
        if (content == null) {
            return;
        }
        double fitX = plotWidth() / content.cols();
        double fitY = plotHeight() / content.rows();
        scaleX = Math.max(fitX, Math.min(Math.max(fitX, MAX_CELL_PIXELS), scaleX));
        scaleY = Math.max(fitY, Math.min(Math.max(fitY, MAX_CELL_PIXELS), scaleY));
        originX = Math.max(0, Math.min(content.cols() - plotWidth() / scaleX, originX));
        originY = Math.max(0, Math.min(content.rows() - plotHeight() / scaleY, originY));
    }

    /** Draws the visible cells into the picture at device resolution. */
    private void render() {
        double s = renderScale();
        int w = (int) Math.max(1, Math.round(plotWidth() * s));
        int h = (int) Math.max(1, Math.round(plotHeight() * s));
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            buffer = new int[w * h];
        }
        int empty = argb(emptyColor.get());
        if (content == null) {
            java.util.Arrays.fill(buffer, empty);
        } else {
            int[][] cols = samples(w, originX, scaleX * s, content.cols());
            int[][] rows = samples(h, originY, scaleY * s, content.rows());
            byte[] grey = content.grey();
            int nc = content.cols();
            for (int y = 0; y < h; y++) {
                int[] rs = rows[y];
                for (int x = 0; x < w; x++) {
                    int[] cs = cols[x];
                    if (rs.length == 0 || cs.length == 0) {
                        buffer[y * w + x] = empty;
                        continue;
                    }
                    int sum = 0;
                    for (int r : rs) {
                        int base = content.rowAt(r) * nc;
                        for (int c : cs) {
                            sum += grey[base + content.colAt(c)] & 0xFF;
                        }
                    }
                    int v = (sum + rs.length * cs.length / 2) / (rs.length * cs.length);
                    buffer[y * w + x] = 0xFF000000 | v << 16 | v << 8 | v;
                }
            }
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), buffer, 0, w);
        picture.setImage(image);
        picture.setFitWidth(w / s);
        picture.setFitHeight(h / s);
        picture.relocate(plotLeft(), plotTop());
    }

    /**
     * For each of {@code n} device pixels, the display cells it shows: the one under its centre when a cell is at
     * least a pixel wide, else up to MAX_SAMPLES spread evenly over the cells it covers (a box average).
     */
    private static int[][] samples(int n, double origin, double cellPixels, int cells) {
        int[][] out = new int[n][];
        for (int p = 0; p < n; p++) {
            if (cellPixels >= 1) {
                // Zoomed in: each pixel shows the one cell under its centre, so cells stay crisp squares.
                int c = (int) Math.floor(origin + (p + 0.5) / cellPixels);
                out[p] = c < cells ? new int[] {c} : new int[0];
                continue;
            }
            double a = origin + p / cellPixels;
            double b = origin + (p + 1) / cellPixels;
            int c0 = (int) Math.floor(a + 1e-9);
            int c1 = Math.max(c0 + 1, (int) Math.ceil(b - 1e-9));
            c1 = Math.min(c1, cells);
            if (c0 >= cells) {
                out[p] = new int[0];
                continue;
            }
            int count = Math.min(MAX_SAMPLES, c1 - c0);
            int[] at = new int[count];
            for (int i = 0; i < count; i++) {
                at[i] = c0 + (int) ((long) i * (c1 - c0) / count + (c1 - c0) / (2L * count));
            }
            out[p] = at;
        }
        return out;
    }

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Axes, class strips, names and boundaries, and the hovered cell. */
    private void redraw() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (content == null) {
            return;
        }
        double left = plotLeft();
        double top = plotTop();
        double pw = plotWidth();
        double ph = plotHeight();
        double strip = strip();
        double fs = fontSize();
        Font f = Font.font(font.get().getFamily(), fs);
        g.setFont(f);
        g.setFill(axisColor.get());
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("training image (column j)" + (content.byClass() ? ", by class" : ""), left + pw / 2, fs * 0.7);
        g.save();
        g.translate(fs * 0.7, top + ph / 2);
        g.rotate(-90);
        g.fillText("test image (row i)" + (content.byClass() ? ", by class" : ""), 0, 0);
        g.restore();

        int classCount = content.classNames().size();
        // Class strips: each visible row's / column's class colour beside the picture.
        int firstCol = (int) Math.floor(originX);
        int lastCol = Math.min(content.cols(), (int) Math.ceil(originX + pw / scaleX));
        for (int c = firstCol; c < lastCol; c++) {
            double x0 = Math.max(left, left + (c - originX) * scaleX);
            double x1 = Math.min(left + pw, left + (c + 1 - originX) * scaleX);
            g.setFill(ImageClassColors.of(content.colLabels()[content.colAt(c)], classCount));
            g.fillRect(x0, top - strip - 2, Math.max(x1 - x0, 0.5), strip);
        }
        int firstRow = (int) Math.floor(originY);
        int lastRow = Math.min(content.rows(), (int) Math.ceil(originY + ph / scaleY));
        for (int r = firstRow; r < lastRow; r++) {
            double y0 = Math.max(top, top + (r - originY) * scaleY);
            double y1 = Math.min(top + ph, top + (r + 1 - originY) * scaleY);
            g.setFill(ImageClassColors.of(content.rowLabels()[content.rowAt(r)], classCount));
            g.fillRect(left - strip - 2, y0, strip, Math.max(y1 - y0, 0.5));
        }
        g.setFill(axisColor.get());
        if (content.byClass()) {
            drawClassBlocks(g, f, left, top, pw, ph, strip);
        } else {
            drawIndexTicks(g, left, top, pw, ph, strip);
        }
        if (hoverRow >= 0) {
            double x = left + (colPosition[hoverCol] - originX) * scaleX;
            double y = top + (rowPosition[hoverRow] - originY) * scaleY;
            g.setStroke(hoverColor.get());
            g.setLineWidth(1.5);
            double cw = Math.max(scaleX, 3);
            double ch = Math.max(scaleY, 3);
            g.strokeRect(x - (cw - scaleX) / 2, y - (ch - scaleY) / 2, cw, ch);
            g.setLineDashes(2, 3);
            g.strokeLine(left, y + scaleY / 2, x - (cw - scaleX) / 2, y + scaleY / 2);
            g.strokeLine(x + scaleX / 2, top, x + scaleX / 2, y - (ch - scaleY) / 2);
            g.setLineDashes((double[]) null);
        }
    }

    private void drawClassBlocks(GraphicsContext g, Font f, double left, double top, double pw, double ph,
                                 double strip) {
        List<String> names = content.classNames();
        g.setStroke(boundaryColor.get());
        g.setLineWidth(1.2);
        int[] colStart = blockStarts(content.colLabels(), content.colOrder(), names.size());
        int[] rowStart = blockStarts(content.rowLabels(), content.rowOrder(), names.size());
        for (int c = 0; c < names.size(); c++) {
            // Columns: boundary line and the name centred over its block when it fits.
            double x0 = left + (colStart[c] - originX) * scaleX;
            double x1 = left + (colStart[c + 1] - originX) * scaleX;
            if (colStart[c] > 0 && x0 > left && x0 < left + pw) {
                g.strokeLine(x0, top, x0, top + ph);
            }
            double cx0 = Math.max(left, x0);
            double cx1 = Math.min(left + pw, x1);
            if (cx1 - cx0 > meter.width(names.get(c), f) + 4) {
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(names.get(c), (cx0 + cx1) / 2, top - strip - 2 - f.getSize() * 0.75);
            }
            double y0 = top + (rowStart[c] - originY) * scaleY;
            double y1 = top + (rowStart[c + 1] - originY) * scaleY;
            if (rowStart[c] > 0 && y0 > top && y0 < top + ph) {
                g.strokeLine(left, y0, left + pw, y0);
            }
            double cy0 = Math.max(top, y0);
            double cy1 = Math.min(top + ph, y1);
            if (cy1 - cy0 > f.getSize() * 1.1) {
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(names.get(c), left - strip - 6, (cy0 + cy1) / 2);
            }
        }
    }

    /** Where each class's block starts in display order, plus the end: blockStarts[c] … blockStarts[c + 1]. */
    private static int[] blockStarts(int[] labels, int[] order, int classCount) {
        int[] starts = new int[classCount + 1];
        int[] counts = new int[classCount];
        for (int i : order) {
            counts[labels[i]]++;
        }
        for (int c = 0; c < classCount; c++) {
            starts[c + 1] = starts[c] + counts[c];
        }
        return starts;
    }

    private void drawIndexTicks(GraphicsContext g, double left, double top, double pw, double ph, double strip) {
        g.setStroke(axisColor.get());
        g.setLineWidth(1);
        DoubleFunction<String> label = v -> String.format("%,d", (long) v);
        double fs = fontSize();
        AxisTicks cols = AxisTicks.linear(originX, originX + pw / scaleX, Math.max(2, (int) (pw / (fs * 6))), false, 1);
        g.setTextAlign(TextAlignment.CENTER);
        for (double v : cols.values()) {
            double x = left + (v + 0.5 - originX) * scaleX;
            if (v < content.cols() && x >= left && x <= left + pw) {
                g.fillText(label.apply(v), x, top - strip - 2 - fs * 0.75);
            }
        }
        AxisTicks rows = AxisTicks.linear(originY, originY + ph / scaleY, Math.max(2, (int) (ph / (fs * 3))), false, 1);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v : rows.values()) {
            double y = top + (v + 0.5 - originY) * scaleY;
            if (v < content.rows() && y >= top && y <= top + ph) {
                g.fillText(label.apply(v), left - strip - 6, y);
            }
        }
    }

    private int[] cellAt(double x, double y) {
        if (content == null || x < plotLeft() || y < plotTop() || x >= plotLeft() + plotWidth()
                || y >= plotTop() + plotHeight()) {
            return null;
        }
        int c = (int) Math.floor(originX + (x - plotLeft()) / scaleX);
        int r = (int) Math.floor(originY + (y - plotTop()) / scaleY);
        if (c < 0 || r < 0 || c >= content.cols() || r >= content.rows()) {
            return null;
        }
        return new int[] {content.rowAt(r), content.colAt(c)};
    }

    private void hover(double x, double y) {
        int[] cell = cellAt(x, y);
        int r = cell == null ? -1 : cell[0];
        int c = cell == null ? -1 : cell[1];
        if (r != hoverRow || c != hoverCol) {
            hoverRow = r;
            hoverCol = c;
            redraw();
            onHover.hovered(r, c);
        }
    }

    private void onScroll(ScrollEvent e) {
        if (content == null || e.getDeltaY() == 0) {
            return;
        }
        zoomAbout(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY());
        e.consume();
    }

    private void zoomAbout(double factor, double x, double y) {
        if (content == null) {
            return;
        }
        double cx = originX + (x - plotLeft()) / scaleX;
        double cy = originY + (y - plotTop()) / scaleY;
        scaleX *= factor;
        scaleY *= factor;
        fitted = false;
        clamp();
        originX = cx - (x - plotLeft()) / scaleX;
        originY = cy - (y - plotTop()) / scaleY;
        clamp();
        render();
        redraw();
    }

    private void onDrag(MouseEvent e) {
        if (content == null || fitted && scaleIsFit()) {
            return;
        }
        originX -= (e.getX() - dragX) / scaleX;
        originY -= (e.getY() - dragY) / scaleY;
        dragX = e.getX();
        dragY = e.getY();
        dragged = true;
        fitted = false;
        clamp();
        render();
        redraw();
    }

    private boolean scaleIsFit() {
        return scaleX <= plotWidth() / content.cols() + 1e-9 && scaleY <= plotHeight() / content.rows() + 1e-9;
    }

    private void onClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || dragged) {
            return;
        }
        if (e.getClickCount() == 2) {
            fit();
            return;
        }
        int[] cell = cellAt(e.getX(), e.getY());
        if (cell != null) {
            onClick.hovered(cell[0], cell[1]);
        }
    }

    private static final CssMetaData<DistanceMatrixView, Color> AXIS =
            ChartCss.color("-cl-axis-color", Color.BLACK, v -> v.axisColor);
    private static final CssMetaData<DistanceMatrixView, Color> BOUNDARY =
            ChartCss.color("-cl-boundary-color", Color.web("#d55e00"), v -> v.boundaryColor);
    private static final CssMetaData<DistanceMatrixView, Color> HOVER =
            ChartCss.color("-cl-hover-color", Color.web("#d55e00"), v -> v.hoverColor);
    private static final CssMetaData<DistanceMatrixView, Color> EMPTY =
            ChartCss.color("-cl-empty-color", Color.web("#f3f4f6"), v -> v.emptyColor);
    private static final CssMetaData<DistanceMatrixView, Font> FONT = ChartCss.font(v -> v.font);
    private static final List<CssMetaData<? extends Styleable, ?>> META =
            ChartCss.list(Region.getClassCssMetaData(), AXIS, BOUNDARY, HOVER, EMPTY, FONT);

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
