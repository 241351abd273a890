package org.classifierlab.app.linear;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.render.CanvasLayers;
import org.classifierlab.app.render.HiResPicture;
import org.classifierlab.app.render.PictureLayers;
import org.classifierlab.app.render.Marker;
import org.classifierlab.app.render.PlaneCanvas;
import org.classifierlab.app.render.TextMeter;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.linear.LinearModel;

/**
 * The lesson's picture: the argmax regions (an image filled by the worker), then math axes with y up, each
 * class's zero-score line and weight arrow, and the points. The view is a world square whose half-extent
 * {@link #halfExtent()} fits the shorter side, around a centre that wheel zooms move. FX thread only.
 */
final class LinearCanvas extends PlaneCanvas implements HiResPicture {

    /** World half-extent of the shorter side after "fit": room for the points (±1) and most weight arrows. */
    static final double DEFAULT_HALF_EXTENT = 2.5;
    static final double MIN_HALF_EXTENT = 0.25;
    static final double MAX_HALF_EXTENT = 60;

    /** What a press grabbed: a point, an arrow head or a zero-score line of a class. */
    enum Target { POINT, ARROW, LINE }

    /** The thing under the mouse: kind and index (point index or class). */
    record Hit(Target target, int index) {
    }

    private static final double CAPTION_PAD = 6;

    private final Canvas drawing = new Canvas();
    private final TextMeter meter = new TextMeter();
    private Runnable lastDraw = () -> { };
    private final PictureLayers picture = new PictureLayers(() -> lastDraw.run(), drawing);
    private final java.util.Map<Integer, Bounds> weightLabels = new java.util.HashMap<>();
    private final Label caption = new Label("axes: y up (the web demo draws y down)");
    private double halfExtent = DEFAULT_HALF_EXTENT;
    private double centreX;
    private double centreY;

    LinearCanvas() {
        super("linear-canvas", "linearCanvas", "linearRegions");
        drawing.setMouseTransparent(true);
        caption.getStyleClass().add("canvas-caption");
        caption.setId("axesCaption");
        caption.setMouseTransparent(true);
        caption.setManaged(false);
        getChildren().addAll(regionsView(), drawing, caption);
        setMinSize(160, 160);
        setPrefSize(800, 560);
    }

    @Override
    public void beginPicture(double scale) {
        picture.begin(scale, getWidth(), getHeight());
    }

    @Override
    public void endPicture() {
        picture.end(getWidth(), getHeight());
    }

    @Override
    protected void layoutChildren() {
        if (picture.taking()) {
            return;
        }
        double w = getWidth();
        double h = getHeight();
        if (CanvasLayers.resize(w, h, drawing)) {
            geometryChanged();
        }
        ImageView regions = regionsView();
        regions.relocate(0, 0);
        regions.setFitWidth(w);
        regions.setFitHeight(h);
        drawing.relocate(0, 0);
        caption.autosize();
        caption.relocate(CAPTION_PAD, h - caption.getHeight() - CAPTION_PAD);
    }

    /** Half the world extent of the shorter side. */
    double halfExtent() {
        return halfExtent;
    }

    /** Layout units per world unit. */
    double scale() {
        return Math.max(1e-9, Math.min(getWidth(), getHeight()) / (2 * halfExtent));
    }

    @Override
    public double toLocalX(double wx) {
        return getWidth() / 2 + (wx - centreX) * scale();
    }

    @Override
    public double toLocalY(double wy) {
        return getHeight() / 2 - (wy - centreY) * scale();
    }

    @Override
    public Point2D toWorld(double lx, double ly) {
        return new Point2D(centreX + (lx - getWidth() / 2) / scale(), centreY + (getHeight() / 2 - ly) / scale());
    }

    /** World x of the left edge. */
    double worldLeft() {
        return toWorld(0, 0).getX();
    }

    /** World y of the top edge. */
    double worldTop() {
        return toWorld(0, 0).getY();
    }

    /** Zooms by {@code factor} (above 1: out) keeping the world point under (lx, ly) in place. */
    void zoom(double factor, double lx, double ly) {
        Point2D anchor = toWorld(lx, ly);
        double next = Math.max(MIN_HALF_EXTENT, Math.min(MAX_HALF_EXTENT, halfExtent * factor));
        if (next == halfExtent) {
            return;
        }
        halfExtent = next;
        double s = scale();
        centreX = anchor.getX() - (lx - getWidth() / 2) / s;
        centreY = anchor.getY() + (ly - getHeight() / 2) / s;
        geometryChanged();
    }

    /** Back to the default view: the origin in the middle, ±{@value #DEFAULT_HALF_EXTENT} on the shorter side. */
    void fit() {
        halfExtent = DEFAULT_HALF_EXTENT;
        centreX = 0;
        centreY = 0;
        geometryChanged();
    }

    /** How far (layout units) a press may be from a point or a handle and still grab it: generous for projectors. */
    double hitRadius() {
        return Math.max(12, style().pointRadius() + 7);
    }

    /** What a press at (lx, ly) grabs: a point first, then an arrow head, then a line; null for empty space. */
    Hit hitAt(LabeledPoints points, LinearModel model, double lx, double ly) {
        int index = nearest(points.size(), points::x, points::y, lx, ly, hitRadius());
        if (index >= 0) {
            return new Hit(Target.POINT, index);
        }
        index = nearest(model.classCount(), c -> ZeroScoreLine.of(model, c).headX(),
                c -> ZeroScoreLine.of(model, c).headY(), lx, ly, hitRadius());
        if (index >= 0) {
            return new Hit(Target.ARROW, index);
        }
        Point2D w = toWorld(lx, ly);
        double tolerance = Math.max(6, style().strokeWidth() * 2.5) / scale();
        double closest = tolerance;
        for (int c = model.classCount() - 1; c >= 0; c--) {
            double d = ZeroScoreLine.of(model, c).distance(w.getX(), w.getY());
            if (d < closest) {
                closest = d;
                index = c;
            }
        }
        return index >= 0 ? new Hit(Target.LINE, index) : null;
    }

    /**
     * Redraws axes, lines, arrows and points. {@code anchoredClass} ≥ 0 draws that class's arrow from
     * (anchorX, anchorY) instead of its line's foot (the fixed start while its head is dragged).
     */
    void draw(LabeledPoints points, LinearModel model, int selected, Hit hover, int anchoredClass, double anchorX,
            double anchorY) {
        lastDraw = () -> draw(points, model, selected, hover, anchoredClass, anchorX, anchorY);
        GraphicsContext g = drawing.getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 2 || h < 2) {
            return;
        }
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        drawAxes(g, w, h);
        double sw = style().strokeWidth();
        Point2D topLeft = toWorld(0, 0);
        Point2D bottomRight = toWorld(w, h);
        for (int c = 0; c < model.classCount(); c++) {
            ZeroScoreLine line = ZeroScoreLine.of(model, c);
            boolean hot = hover != null && hover.index() == c && hover.target() != Target.POINT;
            double[] seg = line.clip(topLeft.getX(), bottomRight.getX(), bottomRight.getY(), topLeft.getY());
            if (seg != null) {
                // Dashed, so a zero-score line never reads as a weight arrow.
                double x0 = toLocalX(seg[0]);
                double y0 = toLocalY(seg[1]);
                double x1 = toLocalX(seg[2]);
                double y1 = toLocalY(seg[3]);
                double dash = 9 + sw * 3;
                g.setLineCap(StrokeLineCap.BUTT);
                g.setLineDashes(dash, dash * 0.55);
                g.setStroke(style().pointStroke());
                g.setLineWidth(sw * (hot ? 3.2 : 2.2));
                g.strokeLine(x0, y0, x1, y1);
                g.setStroke(style().classColor(c));
                g.setLineWidth(sw * (hot ? 2.0 : 1.2));
                g.strokeLine(x0, y0, x1, y1);
                g.setLineDashes((double[]) null);
                g.setLineCap(StrokeLineCap.ROUND);
            }
        }
        weightLabels.clear();
        for (int c = 0; c < model.classCount(); c++) {
            ZeroScoreLine line = ZeroScoreLine.of(model, c);
            double sx = c == anchoredClass ? anchorX : line.startX();
            double sy = c == anchoredClass ? anchorY : line.startY();
            boolean hot = hover != null && hover.index() == c && hover.target() == Target.ARROW;
            drawArrow(g, c, toLocalX(sx), toLocalY(sy), toLocalX(sx + line.wx()), toLocalY(sy + line.wy()), hot);
        }
        drawPoints(g, points, selected);
    }

    private void drawArrow(GraphicsContext g, int c, double x0, double y0, double x1, double y1, boolean hot) {
        double sw = style().strokeWidth();
        double len = Math.hypot(x1 - x0, y1 - y0);
        double head = Math.min(len * 0.45, 7 + sw * 4);
        double ux = len > 1e-9 ? (x1 - x0) / len : 1;
        double uy = len > 1e-9 ? (y1 - y0) / len : 0;
        double bx = x1 - ux * head;
        double by = y1 - uy * head;
        double px = -uy * head * 0.55;
        double py = ux * head * 0.55;
        Color colour = style().classColor(c);
        for (int pass = 0; pass < 2; pass++) {
            boolean outline = pass == 0;
            g.setStroke(outline ? style().pointStroke() : colour);
            g.setLineWidth(sw * (outline ? 3.4 : 1.8));
            if (len > 1e-9) {
                g.strokeLine(x0, y0, bx, by);
            }
            g.setFill(outline ? style().pointStroke() : colour);
            g.beginPath();
            g.moveTo(x1, y1);
            g.lineTo(bx + px, by + py);
            g.lineTo(bx - px, by - py);
            g.closePath();
            if (outline) {
                g.stroke();
            }
            g.fill();
        }
        double r = Math.max(3, sw * 1.6);
        g.setFill(colour);
        g.setStroke(style().pointStroke());
        g.setLineWidth(Math.max(1, sw * 0.8));
        g.fillOval(x0 - r, y0 - r, 2 * r, 2 * r);
        g.strokeOval(x0 - r, y0 - r, 2 * r, 2 * r);
        if (hot) {
            double hr = hitRadius();
            g.setStroke(style().probe());
            g.setLineDashes(4, 3);
            g.strokeOval(x1 - hr, y1 - hr, 2 * hr, 2 * hr);
            g.setLineDashes((double[]) null);
        }
        String text = "w" + c;
        double fs = labelFontSize();
        g.setFont(Font.font(null, FontWeight.BOLD, fs));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double tx = x1 + ux * fs * 1.1;
        double ty = y1 + uy * fs * 1.1;
        double margin = fs * 1.2;
        double w = getWidth();
        double h = getHeight();
        if (x1 < 0 || y1 < 0 || x1 > w || y1 > h) {
            // The head is out of view: name the arrow where it leaves, and say how to see it.
            double t = exitFraction(x0, y0, x1, y1, margin, w - margin, margin, h - margin);
            tx = x0 + (x1 - x0) * t;
            ty = y0 + (y1 - y0) * t;
            text = text + " (zoom out)";
        }
        // Keep the whole label inside, and off the axes caption in the bottom-left corner: above it, else beside it.
        Font font = Font.font(null, FontWeight.BOLD, fs);
        double half = meter.width(text, font) / 2 + 4;
        tx = Math.max(half, Math.min(w - half, tx));
        ty = Math.max(margin, Math.min(h - margin, ty));
        Bounds cap = captionBounds();
        if (labelBox(tx, ty, half, fs).intersects(cap)) {
            double above = cap.getMinY() - fs * 0.75 - 2;
            if (above >= margin) {
                ty = above;
            } else {
                tx = Math.min(w - half, cap.getMaxX() + half + 2);
            }
        }
        weightLabels.put(c, labelBox(tx, ty, half, fs));
        g.setStroke(style().background());
        g.setLineWidth(Math.max(3, sw * 2));
        g.strokeText(text, tx, ty);
        g.setFill(style().probe());
        g.fillText(text, tx, ty);
    }

    /** How far along (x0, y0) → (x1, y1) the segment leaves the box, 0 if it starts outside. */
    private static double exitFraction(double x0, double y0, double x1, double y1, double left, double right,
            double top, double bottom) {
        double t = 1;
        double dx = x1 - x0;
        double dy = y1 - y0;
        if (dx > 0) {
            t = Math.min(t, (right - x0) / dx);
        } else if (dx < 0) {
            t = Math.min(t, (left - x0) / dx);
        }
        if (dy > 0) {
            t = Math.min(t, (bottom - y0) / dy);
        } else if (dy < 0) {
            t = Math.min(t, (top - y0) / dy);
        }
        return Math.max(0, t);
    }

    private void drawPoints(GraphicsContext g, LabeledPoints points, int selected) {
        int n = points.size();
        double r = style().pointRadius() * (n > 200 ? 0.75 : 1);
        double sw = style().strokeWidth();
        for (int i = 0; i < n; i++) {
            double x = toLocalX(points.x(i));
            double y = toLocalY(points.y(i));
            g.setFill(style().classColor(points.label(i)));
            g.setStroke(style().pointStroke());
            g.setLineWidth(sw);
            Marker.forClass(points.label(i)).draw(g, x, y, r, true);
            if (i == selected) {
                drawSelectionRing(g, x, y, r);
            }
        }
    }

    private static Bounds labelBox(double cx, double cy, double half, double fs) {
        return new BoundingBox(cx - half, cy - fs * 0.7, 2 * half, fs * 1.4);
    }

    /** Where the axes caption is (or goes, before the first layout), in the canvas's coordinates. */
    Bounds captionBounds() {
        double cw = caption.prefWidth(-1);
        double ch = caption.prefHeight(cw);
        return new BoundingBox(CAPTION_PAD, getHeight() - ch - CAPTION_PAD, cw, ch);
    }

    /** Where weight arrow {@code c}'s name ("w1", "w1 (zoom out)") was last drawn; null if not drawn. */
    Bounds weightLabelBounds(int c) {
        return weightLabels.get(c);
    }

    private double labelFontSize() {
        return Math.max(11, style().pointRadius() * 1.6);
    }

    /** The x and y axes through the origin with ticks at a round spacing, labelled. */
    private void drawAxes(GraphicsContext g, double w, double h) {
        double s = scale();
        double spacing = niceStep(70 / s);
        Point2D tl = toWorld(0, 0);
        Point2D br = toWorld(w, h);
        double ox = Math.max(0, Math.min(w, toLocalX(0)));
        double oy = Math.max(0, Math.min(h, toLocalY(0)));
        double sw = Math.max(1, style().strokeWidth() * 0.8);
        Color axis = style().axis();
        double fs = Math.max(10, labelFontSize() * 0.75);
        g.setStroke(axis);
        g.setLineWidth(sw);
        g.strokeLine(0, oy, w, oy);
        g.strokeLine(ox, 0, ox, h);
        g.setFont(Font.font(fs));
        g.setFill(axis);
        double tick = 4 + sw * 2;
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        boolean labelsBelow = oy + tick + fs * 1.4 < h;
        for (double v = Math.ceil(tl.getX() / spacing) * spacing; v <= br.getX(); v += spacing) {
            double x = toLocalX(v);
            g.strokeLine(x, oy - tick, x, oy + tick);
            if (Math.abs(v) > spacing / 2) {
                g.setTextBaseline(labelsBelow ? VPos.TOP : VPos.BOTTOM);
                g.fillText(tickLabel(v, spacing), x, labelsBelow ? oy + tick + 1 : oy - tick - 1);
            }
        }
        boolean labelsLeft = ox - tick - fs * 3 > 0;
        g.setTextAlign(labelsLeft ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double v = Math.ceil(br.getY() / spacing) * spacing; v <= tl.getY(); v += spacing) {
            double y = toLocalY(v);
            g.strokeLine(ox - tick, y, ox + tick, y);
            if (Math.abs(v) > spacing / 2) {
                g.fillText(tickLabel(v, spacing), labelsLeft ? ox - tick - 2 : ox + tick + 2, y);
            }
        }
        g.setFont(Font.font(null, FontWeight.BOLD, fs * 1.1));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("x", w - 6, oy - tick - 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("y ↑", ox + tick + 4, 4);
    }

    /** A round tick spacing (1, 2 or 5 × 10^k) not below {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String tickLabel(double v, double spacing) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(spacing) - 1e-9));
        return LinearFormat.fixed(v, decimals);
    }
}
