package org.classifierlab.app.linear;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.render.AxisTicks;
import org.classifierlab.app.render.CanvasLayers;
import org.classifierlab.app.render.ChartAxes;
import org.classifierlab.app.render.Pen;
import org.classifierlab.app.render.ChartCss;
import org.classifierlab.app.render.TextMeter;
import org.classifierlab.app.render.ViridisColorMap;
import org.classifierlab.core.linear.ContourLines;
import org.classifierlab.core.linear.LossLandscape;

/**
 * The loss landscape's picture in three layers: the heat map image (filled from a worker's pixels), a static
 * canvas with contour lines, axes and the colour legend, and an overlay canvas with the optimisation path and
 * the current-point marker, which alone redraws when only the model moves. FX thread only.
 */
final class LossLandscapeCanvas extends Region {

    /**
     * A finished landscape: the grid, the names of its two parameters, its colours
     * ({@code argb[row * width + col]}, opaque) and contour lines in grid coordinates;
     * {@code levelFractions[i]} is where level i sits on the colour scale.
     */
    record Picture(LossLandscape.Grid grid, String nameA, String nameB, int[] argb, ContourLines.Level[] contours,
            double[] levelFractions, boolean logColour) {

        /** The loss a colour-scale fraction {@code t} in [0, 1] stands for. */
        double lossAt(double t) {
            if (logColour) {
                double lo = Math.log1p(Math.max(0, grid.min()));
                double hi = Math.log1p(Math.max(0, grid.max()));
                return Math.expm1(lo + t * (hi - lo));
            }
            return grid.min() + t * (grid.max() - grid.min());
        }
    }

    /** Where the plot sits in local coordinates. */
    record Plot(double left, double top, double width, double height) {
    }

    private final ImageView heat = new ImageView();
    private final Canvas base = new Canvas();
    private final Canvas overlay = new Canvas();
    private final TextMeter meter = new TextMeter();
    private WritableImage image;
    private Picture picture;
    private Plot plot;
    private String message = "";
    private int overlayA = -1;
    private int overlayB = -1;
    private double markerA = Double.NaN;
    private double markerB = Double.NaN;
    private double[] pathA = new double[0];
    private double[] pathB = new double[0];
    private int pathSize;
    private Consumer<double[]> onHover = p -> { };
    private Consumer<double[]> onPick = p -> { };
    private DoubleConsumer onZoom = f -> { };

    private final StyleableObjectProperty<Color> axisColor =
            ChartCss.property(AXIS, this, "axisColor", this::drawAll);
    private final StyleableObjectProperty<Color> contourColor =
            ChartCss.property(CONTOUR, this, "contourColor", this::drawAll);
    private final StyleableObjectProperty<Color> pathColor =
            ChartCss.property(PATH, this, "pathColor", this::drawOverlay);
    private final StyleableObjectProperty<Color> haloColor =
            ChartCss.property(HALO, this, "haloColor", this::drawOverlay);
    private final StyleableObjectProperty<Color> markerColor =
            ChartCss.property(MARKER, this, "markerColor", this::drawOverlay);
    private final StyleableDoubleProperty strokeWidth =
            ChartCss.sizeProperty(STROKE, this, "strokeWidth", this::drawAll);
    private final StyleableObjectProperty<Font> font =
            ChartCss.property(FONT, this, "font", this::drawAll);

    LossLandscapeCanvas() {
        getStyleClass().add("loss-landscape-canvas");
        setMinSize(160, 60);
        setPrefSize(520, 440);
        heat.setSmooth(true);
        heat.setPreserveRatio(false);
        heat.setMouseTransparent(true);
        base.setMouseTransparent(true);
        overlay.setMouseTransparent(true);
        getChildren().addAll(heat, base, overlay);
        setOnMouseMoved(e -> onHover.accept(toParameters(e.getX(), e.getY())));
        setOnMouseExited(e -> onHover.accept(null));
        setOnMouseClicked(e -> {
            double[] ab = toParameters(e.getX(), e.getY());
            if (ab != null && e.isStillSincePress()) {
                onPick.accept(ab);
            }
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                onZoom.accept(Math.pow(1.25, -e.getDeltaY() / 40));
                e.consume();
            }
        });
        setOnZoom(e -> {
            if (e.getZoomFactor() > 0) {
                onZoom.accept(1 / e.getZoomFactor());
            }
        });
    }

    void setOnHover(Consumer<double[]> c) {
        onHover = c;
    }

    void setOnPick(Consumer<double[]> c) {
        onPick = c;
    }

    void setOnWheelZoom(DoubleConsumer c) {
        onZoom = c;
    }

    /** Shows {@code p}: its pixels go into the heat-map image with one copy. */
    void setPicture(Picture p) {
        picture = p;
        LossLandscape.Grid grid = p.grid();
        if (image == null || image.getWidth() != grid.width() || image.getHeight() != grid.height()) {
            image = new WritableImage(grid.width(), grid.height());
            heat.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, grid.width(), grid.height(), PixelFormat.getIntArgbPreInstance(),
                p.argb(), 0, grid.width());
        drawAll();
    }

    Picture picture() {
        return picture;
    }

    /** The text shown while there is no picture. */
    void setMessage(String text) {
        message = text;
        if (picture == null) {
            drawAll();
        }
    }

    /**
     * The current point and the path as values of parameters {@code paramA} and {@code paramB}; only the
     * overlay redraws. They show only over a picture of the same two parameters.
     */
    void setOverlay(int paramA, int paramB, double a, double b, double[] pathAValues, double[] pathBValues,
            int size) {
        overlayA = paramA;
        overlayB = paramB;
        markerA = a;
        markerB = b;
        pathA = pathAValues;
        pathB = pathBValues;
        pathSize = size;
        drawOverlay();
    }

    Plot plot() {
        return plot;
    }

    Color pathColor() {
        return pathColor.get();
    }

    Color markerColor() {
        return markerColor.get();
    }

    /** Local coordinates of parameter values (a, b) in the current picture, or null without one. */
    Point2D toLocal(double a, double b) {
        if (picture == null || plot == null) {
            return null;
        }
        LossLandscape.Grid g = picture.grid();
        double col = (a - g.minA()) / (g.maxA() - g.minA()) * (g.width() - 1);
        double row = (g.maxB() - b) / (g.maxB() - g.minB()) * (g.height() - 1);
        return gridToLocal(col, row);
    }

    /** Local coordinates of grid position (col, row) (cell centres are samples). */
    Point2D gridToLocal(double col, double row) {
        LossLandscape.Grid g = picture.grid();
        return new Point2D(plot.left() + (col + 0.5) / g.width() * plot.width(),
                plot.top() + (row + 0.5) / g.height() * plot.height());
    }

    /** Parameter values (a, b) and the loss of the nearest sample under local point (x, y), or null outside. */
    private double[] toParameters(double x, double y) {
        if (picture == null || plot == null || x < plot.left() || y < plot.top()
                || x > plot.left() + plot.width() || y > plot.top() + plot.height()) {
            return null;
        }
        LossLandscape.Grid g = picture.grid();
        double col = (x - plot.left()) / plot.width() * g.width() - 0.5;
        double row = (y - plot.top()) / plot.height() * g.height() - 0.5;
        int c = (int) Math.max(0, Math.min(g.width() - 1, Math.round(col)));
        int r = (int) Math.max(0, Math.min(g.height() - 1, Math.round(row)));
        return new double[] {g.a(col), g.b(row), g.at(c, r)};
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (CanvasLayers.resize(w, h, base, overlay)) {
            drawAll();
        }
    }

    private void drawAll() {
        drawBase();
        drawOverlay();
    }

    private void drawBase() {
        double w = base.getWidth();
        double h = base.getHeight();
        GraphicsContext g = base.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        plot = null;
        Font f = font.get();
        double fs = f.getSize();
        Font small = Font.font(f.getFamily(), fs * 0.9);
        g.setFont(small);
        g.setFill(axisColor.get());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (picture == null) {
            heat.setVisible(false);
            g.fillText(message, w / 2, h / 2);
            return;
        }
        // Compact when short: no axis names (the choices above name them) and no legend title.
        boolean compact = h < fs * 12;
        double top = compact ? fs * 0.7 : fs * 1.8;
        double bottom = compact ? fs * 1.5 : fs * 3.0;
        LossLandscape.Grid grid = picture.grid();
        double halfCellA = (grid.maxA() - grid.minA()) / (grid.width() - 1) / 2;
        double halfCellB = (grid.maxB() - grid.minB()) / (grid.height() - 1) / 2;
        double loA = grid.minA() - halfCellA;
        double hiA = grid.maxA() + halfCellA;
        double loB = grid.minB() - halfCellB;
        double hiB = grid.maxB() + halfCellB;
        AxisTicks yTicks = AxisTicks.linear(loB, hiB,
                (int) Math.max(2, Math.min(7, (h - top - bottom) / (fs * 2.2))), false, 0);
        double yLabels = 0;
        for (double v : yTicks.values()) {
            yLabels = Math.max(yLabels, meter.width(yTicks.label(v), small));
        }
        String maxLabel = LossHistoryChart.formatLoss(grid.max());
        String minLabel = LossHistoryChart.formatLoss(grid.min());
        String midLabel = LossHistoryChart.formatLoss(picture.lossAt(0.5));
        double bar = fs * 0.9;
        double legendLabels = Math.max(meter.width("loss", small), Math.max(meter.width(maxLabel, small),
                Math.max(meter.width(minLabel, small), meter.width(midLabel, small))));
        double left = (compact ? 0 : fs * 1.6) + yLabels + 8;
        double right = fs * 1.2 + bar + 6 + legendLabels + 4;
        double availW = w - left - right;
        double availH = h - top - bottom;
        if (availW < 40 || availH < 24) {
            heat.setVisible(false);
            g.fillText("Too small for the loss landscape: give it more room.", w / 2, h / 2);
            return;
        }
        // Equal units on both axes where possible, so contour shapes are not distorted; at most 2 : 1, but a
        // short plot (a small window, the projector's type) takes the width it has.
        double ratio = availH < 300 ? Math.max(2, availW / availH)
                : Math.max(0.5, Math.min(2, (hiA - loA) / (hiB - loB)));
        double pw = Math.min(availW, availH * ratio);
        double ph = pw / ratio;
        left += (availW - pw) / 2;
        top += (availH - ph) / 2;
        Plot p = new Plot(left, top, pw, ph);
        plot = p;
        heat.setVisible(true);
        heat.relocate(left, top);
        heat.setFitWidth(pw);
        heat.setFitHeight(ph);

        double sw = strokeWidth.get();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setStroke(contourColor.get());
        g.setLineWidth(Math.max(1, sw * 0.6));
        g.beginPath();
        for (ContourLines.Level level : picture.contours()) {
            double[] s = level.segments();
            for (int i = 0; i < s.length; i += 4) {
                Point2D a = gridToLocal(s[i], s[i + 1]);
                Point2D b = gridToLocal(s[i + 2], s[i + 3]);
                g.moveTo(a.getX(), a.getY());
                g.lineTo(b.getX(), b.getY());
            }
        }
        g.stroke();

        g.setStroke(axisColor.get());
        g.setLineWidth(Math.max(1, sw * 0.7));
        g.strokeRect(left, top, pw, ph);
        ChartAxes.leftTicks(Pen.of(g), left, yTicks.values(), v -> p.top() + (hiB - v) / (hiB - loB) * ph, yTicks::label);
        AxisTicks xTicks = AxisTicks.linear(loA, hiA, (int) Math.max(2, Math.min(8, pw / (fs * 4.5))), false, 0);
        ChartAxes.bottomTicks(Pen.of(g), top + ph, xTicks.values(), v -> p.left() + (v - loA) / (hiA - loA) * pw,
                xTicks::label);
        if (!compact) {
            g.setFont(Font.font(f.getFamily(), FontWeight.BOLD, fs * 0.95));
            g.fillText(picture.nameA(), left + pw / 2, top + ph + 6 + fs * 1.1);
            g.save();
            g.translate(left - yLabels - 10 - fs * 0.2, top + ph / 2);
            g.rotate(-90);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(picture.nameB(), 0, 0);
            g.restore();
            g.setFont(small);
        }

        double bx = left + pw + fs * 1.2;
        for (int y = 0; y < (int) Math.ceil(ph); y++) {
            int argb = ViridisColorMap.argb(1 - (y + 0.5) / ph);
            g.setFill(Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF));
            g.fillRect(bx, top + y, bar, 1);
        }
        g.setStroke(axisColor.get());
        g.setLineWidth(1);
        g.strokeRect(bx, top, bar, ph);
        g.setStroke(contourColor.get());
        g.setLineWidth(Math.max(1, sw * 0.6));
        for (double t : picture.levelFractions()) {
            double y = top + (1 - t) * ph;
            g.strokeLine(bx + 1, y, bx + bar - 1, y);
        }
        g.setFill(axisColor.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(maxLabel, bx + bar + 6, top + fs * 0.4);
        if (ph >= fs * 4.5) {
            g.fillText(midLabel, bx + bar + 6, top + ph / 2);
        }
        if (ph >= fs * 2) {
            g.fillText(minLabel, bx + bar + 6, top + ph - fs * 0.4);
        }
        if (!compact) {
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("loss", bx, top - fs * 0.3);
        }
    }

    private void drawOverlay() {
        double w = overlay.getWidth();
        double h = overlay.getHeight();
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (picture == null || plot == null || picture.grid().paramA() != overlayA
                || picture.grid().paramB() != overlayB) {
            return;
        }
        double sw = strokeWidth.get();
        g.save();
        g.beginPath();
        g.rect(plot.left(), plot.top(), plot.width(), plot.height());
        g.clip();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        if (pathSize > 0) {
            g.beginPath();
            for (int i = 0; i < pathSize; i++) {
                Point2D q = toLocal(pathA[i], pathB[i]);
                if (i == 0) {
                    g.moveTo(q.getX(), q.getY());
                } else {
                    g.lineTo(q.getX(), q.getY());
                }
            }
            g.setStroke(haloColor.get());
            g.setLineWidth(sw * 2.6);
            g.stroke();
            g.setStroke(pathColor.get());
            g.setLineWidth(sw * 1.2);
            g.stroke();
            // A dot per step, skipping steps too close to the last dot drawn so small steps stay a line.
            double r = Math.max(2.5, sw * 1.5);
            g.setFill(pathColor.get());
            g.setStroke(haloColor.get());
            g.setLineWidth(Math.max(1, sw * 0.6));
            Point2D last = null;
            for (int i = 0; i < pathSize; i++) {
                Point2D q = toLocal(pathA[i], pathB[i]);
                if (last == null || q.distance(last) >= 3 * r || i == pathSize - 1) {
                    g.fillOval(q.getX() - r, q.getY() - r, 2 * r, 2 * r);
                    g.strokeOval(q.getX() - r, q.getY() - r, 2 * r, 2 * r);
                    last = q;
                }
            }
        }
        if (Double.isFinite(markerA) && Double.isFinite(markerB)) {
            Point2D m = toLocal(markerA, markerB);
            double r = Math.max(4, Math.min(sw * 4, Math.min(plot.width(), plot.height()) / 14));
            g.setFill(markerColor.get());
            g.setStroke(haloColor.get());
            g.setLineWidth(Math.max(1.5, sw));
            g.fillOval(m.getX() - r, m.getY() - r, 2 * r, 2 * r);
            g.strokeOval(m.getX() - r, m.getY() - r, 2 * r, 2 * r);
            g.setStroke(pathColor.get());
            g.setLineWidth(Math.max(1.5, sw));
            double arm = r * 1.9;
            g.strokeLine(m.getX() - arm, m.getY(), m.getX() - r - 1, m.getY());
            g.strokeLine(m.getX() + r + 1, m.getY(), m.getX() + arm, m.getY());
            g.strokeLine(m.getX(), m.getY() - arm, m.getX(), m.getY() - r - 1);
            g.strokeLine(m.getX(), m.getY() + r + 1, m.getX(), m.getY() + arm);
        }
        g.restore();
    }

    private static final CssMetaData<LossLandscapeCanvas, Color> AXIS =
            ChartCss.color("-cl-axis-color", Color.BLACK, c -> c.axisColor);
    private static final CssMetaData<LossLandscapeCanvas, Color> CONTOUR =
            ChartCss.color("-cl-contour-color", Color.rgb(255, 255, 255, 0.55), c -> c.contourColor);
    private static final CssMetaData<LossLandscapeCanvas, Color> PATH =
            ChartCss.color("-cl-path-color", Color.WHITE, c -> c.pathColor);
    private static final CssMetaData<LossLandscapeCanvas, Color> HALO =
            ChartCss.color("-cl-halo-color", Color.BLACK, c -> c.haloColor);
    private static final CssMetaData<LossLandscapeCanvas, Color> MARKER =
            ChartCss.color("-cl-marker-color", Color.web("#d55e00"), c -> c.markerColor);
    private static final CssMetaData<LossLandscapeCanvas, Number> STROKE =
            ChartCss.size("-cl-stroke-width", 1.5, c -> c.strokeWidth);
    private static final CssMetaData<LossLandscapeCanvas, Font> FONT = ChartCss.font(c -> c.font);
    private static final List<CssMetaData<? extends Styleable, ?>> META =
            ChartCss.list(Region.getClassCssMetaData(), AXIS, CONTOUR, PATH, HALO, MARKER, STROKE, FONT);

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
