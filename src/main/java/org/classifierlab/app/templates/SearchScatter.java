package org.classifierlab.app.templates;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.render.CanvasChart;
import org.classifierlab.app.render.Pen;
import org.classifierlab.app.render.ChartAxes;
import org.classifierlab.app.render.ChartCss;
import org.classifierlab.app.render.ViridisColorMap;
import org.classifierlab.core.linear.image.SearchPoint;

/**
 * The notebooks' hyperparameter scatter: log₁₀ learning rate across, log₁₀ regularisation up, each setting a dot
 * coloured by its accuracy (viridis, one scale for both panels), training accuracy on the left and validation
 * accuracy on the right, the best validation setting ringed. Clicking a dot picks that setting. FX thread only.
 */
final class SearchScatter extends CanvasChart {

    private List<SearchPoint> points = List.of();
    private SearchPoint best;
    private SearchPoint picked;
    private Consumer<SearchPoint> onPick = p -> { };
    private double[][] panels = new double[0][];
    private double xLo;
    private double xHi;
    private double yLo;
    private double yHi;

    private final StyleableObjectProperty<Color> axisColor = ChartCss.property(AXIS, this, "axisColor", this::redraw);
    private final StyleableDoubleProperty strokeWidth =
            ChartCss.sizeProperty(STROKE, this, "strokeWidth", this::redraw);
    private final StyleableObjectProperty<Font> font = ChartCss.property(FONT, this, "font", this::redraw);

    SearchScatter() {
        getStyleClass().add("search-scatter");
        setMinSize(300, 200);
        setPrefSize(760, 330);
        setOnMouseClicked(e -> {
            SearchPoint p = pointAt(e.getX(), e.getY());
            if (p != null) {
                picked = p;
                redraw();
                onPick.accept(p);
            }
        });
    }

    void show(List<SearchPoint> list, SearchPoint bestPoint) {
        points = List.copyOf(list);
        best = bestPoint;
        if (picked != null && !points.contains(picked)) {
            picked = null;
        }
        redraw();
    }

    void setOnPick(Consumer<SearchPoint> action) {
        onPick = action;
    }

    List<SearchPoint> points() {
        return points;
    }

    /** The screen-local centre of point {@code p} in panel {@code panel} (0 train, 1 validation), or null. */
    javafx.geometry.Point2D centre(SearchPoint p, int panel) {
        if (panels.length < 2) {
            return null;
        }
        double[] r = panels[panel];
        return new javafx.geometry.Point2D(x(r, Math.log10(p.learningRate())), y(r, Math.log10(p.reg())));
    }

    private double x(double[] r, double v) {
        return r[0] + (xHi == xLo ? 0.5 : (v - xLo) / (xHi - xLo)) * r[2];
    }

    private double y(double[] r, double v) {
        return r[1] + r[3] - (yHi == yLo ? 0.5 : (v - yLo) / (yHi - yLo)) * r[3];
    }

    private SearchPoint pointAt(double mx, double my) {
        double radius = Math.max(8, font.get().getSize() * 0.8);
        for (int panel = 0; panel < panels.length; panel++) {
            for (SearchPoint p : points) {
                javafx.geometry.Point2D c = centre(p, panel);
                if (c != null && c.distance(mx, my) <= radius + 3) {
                    return p;
                }
            }
        }
        return null;
    }

    @Override
    protected void draw(Pen g, double w, double h) {
        panels = new double[0][];
        Font f = font.get();
        double fs = f.getSize();
        g.setFont(f);
        g.setFill(axisColor.get());
        if (points.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Run the search: each setting of the grid becomes a dot here", w / 2, h / 2);
            return;
        }
        xLo = Double.POSITIVE_INFINITY;
        xHi = Double.NEGATIVE_INFINITY;
        yLo = Double.POSITIVE_INFINITY;
        yHi = Double.NEGATIVE_INFINITY;
        double aLo = 1;
        double aHi = 0;
        for (SearchPoint p : points) {
            xLo = Math.min(xLo, Math.log10(p.learningRate()));
            xHi = Math.max(xHi, Math.log10(p.learningRate()));
            yLo = Math.min(yLo, Math.log10(p.reg()));
            yHi = Math.max(yHi, Math.log10(p.reg()));
            aLo = Math.min(aLo, Math.min(p.trainAccuracy(), p.validationAccuracy()));
            aHi = Math.max(aHi, Math.max(p.trainAccuracy(), p.validationAccuracy()));
        }
        double padX = Math.max(0.25, (xHi - xLo) * 0.08);
        double padY = Math.max(0.25, (yHi - yLo) * 0.08);
        xLo -= padX;
        xHi += padX;
        yLo -= padY;
        yHi += padY;
        double legend = fs * 4.5;
        double left = fs * 4;
        double gap = fs * 3.5;
        double top = fs * 1.8;
        double pw = (w - left - gap - legend - fs) / 2;
        double ph = h - top - fs * 3.4;
        if (pw < 40 || ph < 40) {
            return;
        }
        panels = new double[][] {{left, top, pw, ph}, {left + pw + gap, top, pw, ph}};
        String[] titles = {"training accuracy", "validation accuracy"};
        double radius = Math.max(7, fs * 0.75);
        for (int panel = 0; panel < 2; panel++) {
            double[] r = panels[panel];
            g.setStroke(axisColor.get());
            g.setLineWidth(Math.max(1, strokeWidth.get() * 0.7));
            ChartAxes.frame(g, r[0], r[1], r[2], r[3]);
            g.setFill(axisColor.get());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(titles[panel], r[0] + r[2] / 2, r[1] - 4);
            ChartAxes.bottomTicks(g, r[1] + r[3], ticks(xLo, xHi), v -> x(r, v), TemplatesFormat::exponent);
            ChartAxes.leftTicks(g, r[0], ticks(yLo, yHi), v -> y(r, v), TemplatesFormat::exponent);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText("log learning rate", r[0] + r[2] / 2, r[1] + r[3] + fs * 1.4);
            g.save();
            g.translate(r[0] - fs * 3.2, r[1] + r[3] / 2);
            g.rotate(-90);
            g.fillText("log regularisation strength", 0, 0);
            g.restore();
            for (SearchPoint p : points) {
                double a = panel == 0 ? p.trainAccuracy() : p.validationAccuracy();
                double t = aHi > aLo ? (a - aLo) / (aHi - aLo) : 0.5;
                javafx.geometry.Point2D c = centre(p, panel);
                int argb = ViridisColorMap.argb(t);
                g.setFill(Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
                g.fillOval(c.getX() - radius, c.getY() - radius, 2 * radius, 2 * radius);
                g.setStroke(axisColor.get());
                g.setLineWidth(p == picked ? strokeWidth.get() * 2 : 1);
                g.strokeOval(c.getX() - radius, c.getY() - radius, 2 * radius, 2 * radius);
                if (p == best) {
                    g.setLineWidth(strokeWidth.get());
                    g.strokeOval(c.getX() - radius - 4, c.getY() - radius - 4, 2 * radius + 8, 2 * radius + 8);
                }
            }
        }
        double lx = left + 2 * pw + gap + fs;
        double lh = ph * 0.8;
        for (int i = 0; i < lh; i++) {
            int argb = ViridisColorMap.argb(1 - i / lh);
            g.setFill(Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
            g.fillRect(lx, top + i, fs, 1);
        }
        g.setFill(axisColor.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(Locale.ROOT, "%.1f%%", 100 * aHi), lx + fs * 1.2, top);
        g.fillText(String.format(Locale.ROOT, "%.1f%%", 100 * aLo), lx + fs * 1.2, top + lh);
    }

    /** Whole and half decades between lo and hi. */
    private static double[] ticks(double lo, double hi) {
        double step = hi - lo > 3 ? 1 : 0.5;
        java.util.List<Double> v = new java.util.ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) {
            v.add(t);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static final CssMetaData<SearchScatter, Color> AXIS =
            ChartCss.color("-cl-axis-color", Color.BLACK, c -> c.axisColor);
    private static final CssMetaData<SearchScatter, Number> STROKE =
            ChartCss.size("-cl-stroke-width", 1.5, c -> c.strokeWidth);
    private static final CssMetaData<SearchScatter, Font> FONT = ChartCss.font(c -> c.font);
    private static final List<CssMetaData<? extends Styleable, ?>> META =
            ChartCss.list(Region.getClassCssMetaData(), AXIS, STROKE, FONT);

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }

    /** Axis labels: log₁₀ values as "−7", "−6.5". */
    static final class TemplatesFormat {
        private TemplatesFormat() {
        }

        static String exponent(double v) {
            String s = Math.abs(v - Math.round(v)) < 1e-9 ? Long.toString(Math.round(v))
                    : String.format(Locale.ROOT, "%.1f", v);
            return s.replace('-', '−');
        }
    }
}
