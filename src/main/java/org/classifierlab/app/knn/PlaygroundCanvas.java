package org.classifierlab.app.knn;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.render.CanvasLayers;
import org.classifierlab.app.render.HiResPicture;
import org.classifierlab.app.render.PictureLayers;
import org.classifierlab.app.render.Marker;
import org.classifierlab.app.render.PlaneCanvas;
import org.classifierlab.core.knn.KnnResult;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.Neighbour;
import org.classifierlab.core.playground.PlaygroundPoint;
import org.classifierlab.core.playground.PlaygroundScene;

/**
 * The playground's picture in three layers: the decision-region image (filled by the worker), the points,
 * and the probe overlay. World coordinates are the square [-1, 1]² with y up, fitted into the shorter side
 * and centred. FX thread only.
 */
final class PlaygroundCanvas extends PlaneCanvas implements HiResPicture {

    /** World half-extent that fits the shorter side (a margin so points at ±1 stay fully visible). */
    static final double FIT = 1.1;

    private final Canvas points = new Canvas();
    private final Canvas overlay = new Canvas();

    PlaygroundCanvas() {
        super("playground-canvas", "playgroundCanvas", "decisionRegions");
        points.setMouseTransparent(true);
        overlay.setMouseTransparent(true);
        getChildren().addAll(regionsView(), points, overlay);
        setMinSize(120, 120);
        setPrefSize(900, 700);
    }

    private Runnable lastPoints = () -> { };
    private Runnable lastProbe;
    private final PictureLayers picture = new PictureLayers(this::redrawLayers, points, overlay);

    @Override
    public void beginPicture(double scale) {
        picture.begin(scale, getWidth(), getHeight());
    }

    @Override
    public void endPicture() {
        picture.end(getWidth(), getHeight());
    }

    private void redrawLayers() {
        lastPoints.run();
        if (lastProbe != null) {
            lastProbe.run();
        }
    }

    @Override
    protected void layoutChildren() {
        if (picture.taking()) {
            return;
        }
        if (CanvasLayers.resize(getWidth(), getHeight(), points, overlay)) {
            geometryChanged();
        }
        regionsView().relocate(0, 0);
        points.relocate(0, 0);
        overlay.relocate(0, 0);
    }

    /** Layout units per world unit. */
    double scale() {
        return Math.max(1e-9, Math.min(getWidth(), getHeight()) / (2 * FIT));
    }

    @Override
    public double toLocalX(double wx) {
        return getWidth() / 2 + wx * scale();
    }

    @Override
    public double toLocalY(double wy) {
        return getHeight() / 2 - wy * scale();
    }

    @Override
    public Point2D toWorld(double lx, double ly) {
        return new Point2D((lx - getWidth() / 2) / scale(), (getHeight() / 2 - ly) / scale());
    }

    /** How far (layout units) a press may be from a point and still grab it: generous for projectors. */
    double hitRadius() {
        return Math.max(14, style().pointRadius() + 9);
    }

    /** Index of the point nearest to (lx, ly) within the hit radius, or -1. */
    int pointAt(PlaygroundScene scene, double lx, double ly) {
        List<PlaygroundPoint> pts = scene.points();
        return nearest(pts.size(), i -> pts.get(i).x(), i -> pts.get(i).y(), lx, ly, hitRadius());
    }

    /** Redraws the point layer: training points filled, test points hollow, the selected one ringed. */
    void drawPoints(PlaygroundScene scene, int selected, boolean[] misclassifiedTest) {
        lastPoints = () -> drawPoints(scene, selected, misclassifiedTest);
        GraphicsContext g = points.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        int n = scene.points().size();
        double r = style().pointRadius() * (n > 1500 ? 0.6 : n > 400 ? 0.8 : 1);
        double sw = style().strokeWidth();
        g.setLineCap(StrokeLineCap.ROUND);
        for (int i = 0; i < n; i++) {
            PlaygroundPoint p = scene.points().get(i);
            double x = toLocalX(p.x());
            double y = toLocalY(p.y());
            Marker m = Marker.forClass(p.label());
            Color c = style().classColor(p.label());
            if (p.test()) {
                g.setFill(style().background());
                g.setStroke(c);
                g.setLineWidth(sw * 2.2);
                m.draw(g, x, y, r * 1.05, true);
                g.setStroke(style().pointStroke());
                g.setLineWidth(Math.max(1, sw * 0.6));
                m.draw(g, x, y, r * 1.05 + sw * 1.3, false);
                if (misclassifiedTest != null && i < misclassifiedTest.length && misclassifiedTest[i]) {
                    g.setLineWidth(sw * 1.4);
                    double a = r * 0.7;
                    g.strokeLine(x - a, y - a, x + a, y + a);
                    g.strokeLine(x - a, y + a, x + a, y - a);
                }
            } else {
                g.setFill(c);
                g.setStroke(style().pointStroke());
                g.setLineWidth(sw);
                m.draw(g, x, y, r, true);
            }
            if (i == selected) {
                drawSelectionRing(g, x, y, r);
            }
        }
    }

    /** Clears the probe layer. */
    void clearProbe() {
        lastProbe = null;
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        // An empty layer still costs a full-size blend per frame in software rendering: hide it.
        overlay.setVisible(false);
    }

    /**
     * Draws the neighbour probe at world (qx, qy): lines to the K nearest training points with their
     * distances, and the metric's unit ball (L1 diamond, L2 circle, L∞ square) scaled to the K-th distance.
     */
    void drawProbe(double qx, double qy, KnnResult result, List<PlaygroundPoint> training, Metric metric, boolean pinned) {
        clearProbe();
        lastProbe = () -> drawProbe(qx, qy, result, training, metric, pinned);
        overlay.setVisible(true);
        GraphicsContext g = overlay.getGraphicsContext2D();
        double x = toLocalX(qx);
        double y = toLocalY(qy);
        double sw = style().strokeWidth();
        Color ink = style().probe();
        double rk = result.kthDistance() * scale();

        g.setStroke(ink);
        g.setLineWidth(sw * 1.2);
        g.setLineDashes(7, 5);
        g.beginPath();
        switch (metric) {
            case L1 -> {
                g.moveTo(x, y - rk);
                g.lineTo(x + rk, y);
                g.lineTo(x, y + rk);
                g.lineTo(x - rk, y);
                g.closePath();
            }
            case L2 -> g.arc(x, y, rk, rk, 0, 360);
            case LINF -> g.rect(x - rk, y - rk, 2 * rk, 2 * rk);
        }
        g.stroke();
        g.setLineDashes((double[]) null);

        List<Neighbour> nbs = result.neighbours();
        int labelled = Math.min(nbs.size(), 12);
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(11, style().pointRadius() * 1.7)));
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < nbs.size(); i++) {
            Neighbour nb = nbs.get(i);
            PlaygroundPoint p = training.get(nb.index());
            double px = toLocalX(p.x());
            double py = toLocalY(p.y());
            g.setStroke(ink);
            g.setLineWidth(sw * 2.4);
            g.strokeLine(x, y, px, py);
            g.setStroke(style().classColor(nb.label()));
            g.setLineWidth(sw * 1.2);
            g.strokeLine(x, y, px, py);
            if (i < labelled) {
                String text = String.format("%.2f", nb.distance());
                double mx = (x + px) / 2;
                double my = (y + py) / 2;
                g.setLineWidth(3);
                g.setStroke(style().background());
                g.strokeText(text, mx, my);
                g.setFill(ink);
                g.fillText(text, mx, my);
            }
        }
        double r = style().pointRadius();
        g.setFill(result.predicted() < 0 ? style().undecided() : style().classColor(result.predicted()));
        g.setStroke(ink);
        g.setLineWidth(sw * 1.5);
        g.fillOval(x - r * 1.2, y - r * 1.2, r * 2.4, r * 2.4);
        g.strokeOval(x - r * 1.2, y - r * 1.2, r * 2.4, r * 2.4);
        if (pinned) {
            g.strokeLine(x - r * 2.2, y, x - r * 1.4, y);
            g.strokeLine(x + r * 1.4, y, x + r * 2.2, y);
            g.strokeLine(x, y - r * 2.2, x, y - r * 1.4);
            g.strokeLine(x, y + r * 1.4, x, y + r * 2.2);
        }
    }
}
