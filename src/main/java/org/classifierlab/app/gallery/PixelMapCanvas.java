package org.classifierlab.app.gallery;

import java.nio.IntBuffer;
import java.util.List;
import java.util.function.IntConsumer;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.render.ChartCss;

/**
 * The map itself: one thumbnail per mapped image at its 2D position, nearest-neighbour scaled, optionally
 * framed in its class colour; wheel zooms about the cursor, drag pans, hover reports the image, a click
 * picks it. Thumbnails come from one atlas image built once per set of mapped images, and only the visible
 * ones are drawn. FX thread only.
 */
final class PixelMapCanvas extends Region {

    /** Thumbnails of the mapped images side by side in one image, slot i for map point i. */
    record Atlas(int[] indices, WritableImage image, int columns, int thumbWidth, int thumbHeight) {

        /** Builds the atlas from ARGB thumbnails computed off the FX thread ({@code argb[i]} for slot i). */
        static Atlas of(int[] indices, int[][] argb, int w, int h) {
            int columns = Math.max(1, (int) Math.ceil(Math.sqrt(indices.length)));
            int rows = Math.max(1, (indices.length + columns - 1) / columns);
            WritableImage image = new WritableImage(columns * w, rows * h);
            int[] all = new int[columns * w * rows * h];
            int stride = columns * w;
            for (int i = 0; i < indices.length; i++) {
                int x0 = (i % columns) * w;
                int y0 = (i / columns) * h;
                for (int y = 0; y < h; y++) {
                    System.arraycopy(argb[i], y * w, all, (y0 + y) * stride + x0, w);
                }
            }
            image.getPixelWriter().setPixels(0, 0, stride, rows * h, PixelFormat.getIntArgbPreInstance(),
                    IntBuffer.wrap(all), stride);
            return new Atlas(indices, image, columns, w, h);
        }
    }

    private static final double MIN_THUMB = 6;
    private static final double MAX_THUMB = 160;

    private final Canvas canvas = new Canvas();
    private Atlas atlas;
    private int[] labels = new int[0];
    private int classCount = 1;
    private double[] xy = new double[0];
    private String emptyMessage = "";
    private boolean framed = true;
    private double thumbSize = 24;

    /** screen = world · scale + offset; fitScale is the scale "fit" chose, for thumbnail growth. */
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double fitScale = 1;
    private boolean userMoved;

    private int hovered = -1;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private IntConsumer onHover = i -> { };
    private IntConsumer onPick = i -> { };
    private boolean drawScheduled;
    private long drawCount;

    private final StyleableObjectProperty<Color> background =
            ChartCss.property(BACKGROUND, this, "backgroundColor", this::requestDraw);
    private final StyleableObjectProperty<Color> text = ChartCss.property(TEXT, this, "textColor", this::requestDraw);
    private final StyleableObjectProperty<Color> highlight =
            ChartCss.property(HIGHLIGHT, this, "highlightColor", this::requestDraw);
    private final StyleableDoubleProperty frameWidth =
            ChartCss.sizeProperty(FRAME, this, "frameWidth", this::requestDraw);
    private final StyleableObjectProperty<Font> font = ChartCss.property(FONT, this, "font", this::requestDraw);

    PixelMapCanvas() {
        getStyleClass().add("pixel-map-canvas");
        getChildren().add(canvas);
        canvas.setManaged(false);
        setMinSize(200, 160);
        setPrefSize(800, 600);
        setFocusTraversable(true);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> setHovered(pointAt(e.getX(), e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(-1));
    }

    void setOnHover(IntConsumer listener) {
        onHover = listener;
    }

    void setOnPick(IntConsumer listener) {
        onPick = listener;
    }

    /** Shows nothing but {@code message} (no dataset, not computed yet). */
    void clear(String message) {
        atlas = null;
        xy = new double[0];
        emptyMessage = message;
        userMoved = false;
        setHovered(-1);
        requestDraw();
    }

    /** New thumbnails and class labels (per map point) for the map about to be computed. */
    void setImages(Atlas thumbnails, int[] pointLabels, int classes) {
        atlas = thumbnails;
        labels = pointLabels.clone();
        classCount = classes;
        xy = new double[0];
        userMoved = false;
        setHovered(-1);
        requestDraw();
    }

    /** The line shown while there are no positions yet (what the computation is doing). */
    void setMessage(String message) {
        if (!message.equals(emptyMessage)) {
            emptyMessage = message;
            if (points() == 0) {
                requestDraw();
            }
        }
    }

    /** Current zoom: screen pixels per map unit. */
    double scale() {
        return scale;
    }

    /** Map x of local x. */
    double mapX(double localX) {
        return (localX - offsetX) / scale;
    }

    /** Map y of local y. */
    double mapY(double localY) {
        return (localY - offsetY) / scale;
    }

    /** The atlas shown, or null. */
    Atlas atlas() {
        return atlas;
    }

    /**
     * New positions for the current thumbnails (x0, y0, x1, y1, …): a snapshot while t-SNE runs or the result.
     * Refits the view unless the user has zoomed or panned since the images were set.
     */
    void setLayout(double[] positions) {
        setLayout(positions, false);
    }

    /**
     * Like {@link #setLayout(double[])}; with {@code forming} (a snapshot of a layout still forming) the view
     * fits the middle 99% of the points on each axis, so a few early stragglers do not shrink the rest to a dot.
     */
    void setLayout(double[] positions, boolean forming) {
        xy = positions;
        if (!userMoved) {
            fit(forming ? 0.005 : 0);
        }
        requestDraw();
    }

    int points() {
        return atlas == null ? 0 : Math.min(atlas.indices().length, xy.length / 2);
    }

    void setFramed(boolean value) {
        framed = value;
        requestDraw();
    }

    void setThumbSize(double pixels) {
        thumbSize = pixels;
        requestDraw();
    }

    /** Scales and centres the view so every point shows with a margin of one thumbnail. */
    void fit() {
        fit(0);
    }

    /** Fits the points between quantiles {@code trim} and 1 − trim of each axis (0: all of them). */
    private void fit(double trim) {
        int n = points();
        double w = getWidth();
        double h = getHeight();
        if (n == 0 || w <= 0 || h <= 0) {
            return;
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        java.util.Arrays.sort(xs);
        java.util.Arrays.sort(ys);
        int lo = (int) Math.floor(trim * (n - 1));
        int hi = n - 1 - lo;
        double minX = xs[lo];
        double maxX = xs[hi];
        double minY = ys[lo];
        double maxY = ys[hi];
        double margin = thumbSize + 8;
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        scale = Math.max(1e-9, Math.min((w - 2 * margin) / spanX, (h - 2 * margin) / spanY));
        fitScale = scale;
        offsetX = w / 2 - scale * (minX + maxX) / 2;
        offsetY = h / 2 - scale * (minY + maxY) / 2;
        requestDraw();
    }

    /** Fits the view and forgets that the user moved it (the F key, the Fit button). */
    void fitByUser() {
        userMoved = false;
        fit();
    }

    /** Zooms by {@code factor} keeping local point (x, y) where it is. */
    void zoom(double factor, double x, double y) {
        double s = Math.max(fitScale / 8, Math.min(fitScale * 64, scale * factor));
        double f = s / scale;
        offsetX = x - f * (x - offsetX);
        offsetY = y - f * (y - offsetY);
        scale = s;
        userMoved = true;
        requestDraw();
    }

    /** Side of a thumbnail on screen: the chosen size, growing with the square root of the zoom. */
    double thumbOnScreen() {
        double zoom = fitScale > 0 ? scale / fitScale : 1;
        return Math.max(MIN_THUMB, Math.min(MAX_THUMB, thumbSize * Math.sqrt(Math.max(zoom, 1e-6))));
    }

    /** Local x of map point i's centre. */
    double localX(int i) {
        return xy[2 * i] * scale + offsetX;
    }

    /** Local y of map point i's centre. */
    double localY(int i) {
        return xy[2 * i + 1] * scale + offsetY;
    }

    /** The map point whose thumbnail is on top at local (x, y), or −1. */
    int pointAt(double x, double y) {
        int n = points();
        double half = thumbOnScreen() / 2;
        if (hovered >= 0 && hovered < n) {
            double hh = half * HOVER_GROWTH;
            if (Math.abs(x - localX(hovered)) <= hh && Math.abs(y - localY(hovered)) <= hh) {
                return hovered;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (Math.abs(x - localX(i)) <= half && Math.abs(y - localY(i)) <= half) {
                return i;
            }
        }
        return -1;
    }

    int hovered() {
        return hovered;
    }

    /** Number of times the map was painted (tests wait on it). */
    long drawCount() {
        return drawCount;
    }

    private static final double HOVER_GROWTH = 2.5;

    private void setHovered(int point) {
        if (point != hovered) {
            hovered = point;
            onHover.accept(point);
            requestDraw();
        }
    }

    private void onScroll(ScrollEvent e) {
        if (points() == 0 || e.getDeltaY() == 0) {
            return;
        }
        zoom(Math.exp(e.getDeltaY() * 0.004), e.getX(), e.getY());
        setHovered(pointAt(e.getX(), e.getY()));
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        lastX = pressX;
        lastY = pressY;
        dragged = false;
    }

    private void onDragged(MouseEvent e) {
        if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 4) {
            return;
        }
        dragged = true;
        offsetX += e.getX() - lastX;
        offsetY += e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        userMoved = true;
        requestDraw();
    }

    private void onReleased(MouseEvent e) {
        if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            int p = pointAt(e.getX(), e.getY());
            if (p >= 0) {
                onPick.accept(atlas.indices()[p]);
            }
        }
        dragged = false;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            boolean first = canvas.getWidth() == 0;
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (!userMoved || first) {
                fit();
            }
            requestDraw();
        }
    }

    /** Repaints once at the next opportunity, however many changes asked for it. */
    void requestDraw() {
        if (!drawScheduled) {
            drawScheduled = true;
            javafx.application.Platform.runLater(this::draw);
        }
    }

    private void draw() {
        drawScheduled = false;
        drawCount++;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.setFill(background.get());
        g.fillRect(0, 0, w, h);
        int n = points();
        if (n == 0) {
            g.setFill(text.get());
            g.setFont(font.get());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyMessage, w / 2, h / 2, Math.max(10, w - 40));
            return;
        }
        double side = thumbOnScreen();
        double half = side / 2;
        double frame = framed ? Math.max(1, Math.min(frameWidth.get(), side / 6)) : 0;
        int tw = atlas.thumbWidth();
        int th = atlas.thumbHeight();
        int cols = atlas.columns();
        for (int i = 0; i < n; i++) {
            double cx = localX(i);
            double cy = localY(i);
            if (cx + half < 0 || cy + half < 0 || cx - half > w || cy - half > h) {
                continue;
            }
            if (frame > 0) {
                g.setFill(ImageClassColors.of(labels[i], classCount));
                g.fillRect(cx - half - frame, cy - half - frame, side + 2 * frame, side + 2 * frame);
            }
            g.drawImage(atlas.image(), (i % cols) * tw, (i / cols) * th, tw, th, cx - half, cy - half, side, side);
        }
        if (hovered >= 0 && hovered < n) {
            double big = side * HOVER_GROWTH;
            double bh = big / 2;
            double cx = localX(hovered);
            double cy = localY(hovered);
            double ring = Math.max(2, frameWidth.get());
            g.setFill(highlight.get());
            g.fillRect(cx - bh - 2 * ring, cy - bh - 2 * ring, big + 4 * ring, big + 4 * ring);
            g.setFill(ImageClassColors.of(labels[hovered], classCount));
            g.fillRect(cx - bh - ring, cy - bh - ring, big + 2 * ring, big + 2 * ring);
            g.drawImage(atlas.image(), (hovered % cols) * tw, (hovered / cols) * th, tw, th, cx - bh, cy - bh, big, big);
        }
    }

    /** The background colour the map is painted on (tests compare thumbnail pixels against it). */
    Color backgroundColor() {
        return background.get();
    }

    private static final CssMetaData<PixelMapCanvas, Color> BACKGROUND =
            ChartCss.color("-cl-background-color", Color.WHITE, c -> c.background);
    private static final CssMetaData<PixelMapCanvas, Color> TEXT =
            ChartCss.color("-cl-text-color", Color.web("#5b6270"), c -> c.text);
    private static final CssMetaData<PixelMapCanvas, Color> HIGHLIGHT =
            ChartCss.color("-cl-highlight-color", Color.web("#1f2329"), c -> c.highlight);
    private static final CssMetaData<PixelMapCanvas, Number> FRAME = ChartCss.size("-cl-frame-width", 2, c -> c.frameWidth);
    private static final CssMetaData<PixelMapCanvas, Font> FONT = ChartCss.font(c -> c.font);
    private static final List<CssMetaData<? extends Styleable, ?>> META =
            ChartCss.list(Region.getClassCssMetaData(), BACKGROUND, TEXT, HIGHLIGHT, FRAME, FONT);

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
