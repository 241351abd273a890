package org.classifierlab.app.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.DoubleStream;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.classifierlab.core.knn.CrossValidationResult;

/**
 * Cross-validation accuracy against K for one or more series (e.g. L1 and L2): a dot per fold, the mean as a
 * line, ±1 standard deviation (sample, n − 1, or population, n) as error bars, each series' best K ringed and
 * the current K marked. One series keeps the k-NN playground's look (grey dots, one accent); several get a colour
 * and marker each and a legend. Colours come from CSS. FX thread only.
 */
public final class CrossValidationChart extends Region implements SvgChart, HiResPicture {

    /** One curve: a name for the legend and best-K label (e.g. "L1") and its cross-validation. */
    public record Series(String name, CrossValidationResult result) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(result, "result");
        }
    }

    private final Canvas canvas = new Canvas();
    private final PictureLayers picture = new PictureLayers(this::draw, canvas);
    private final TextMeter meter = new TextMeter();
    private List<Series> series = List.of();
    private int currentK = -1;
    private String emptyText = "Cross-validation is computed in the background…";
    private final BooleanProperty populationStd = new SimpleBooleanProperty(this, "populationStd", false);
    private final BooleanProperty logK = new SimpleBooleanProperty(this, "logK", false);

    private final StyleableObjectProperty<Color> foldColor = ChartCss.property(FOLD, this, "foldColor", this::draw);
    private final StyleableObjectProperty<Color> meanColor = ChartCss.property(MEAN, this, "meanColor", this::draw);
    private final StyleableObjectProperty<Color> bestColor = ChartCss.property(BEST, this, "bestColor", this::draw);
    private final StyleableObjectProperty<Color> secondColor =
            ChartCss.property(SECOND, this, "secondColor", this::draw);
    private final StyleableObjectProperty<Color> axisColor = ChartCss.property(AXIS, this, "axisColor", this::draw);
    private final StyleableDoubleProperty strokeWidth = ChartCss.sizeProperty(STROKE, this, "strokeWidth", this::draw);
    private final StyleableObjectProperty<Font> font = ChartCss.property(FONT, this, "font", this::draw);

    public CrossValidationChart() {
        getStyleClass().add("cv-chart");
        setId("cvChart");
        getChildren().add(canvas);
        setMinHeight(150);
        setPrefHeight(210);
        setMinWidth(200);
        populationStd.addListener(o -> draw());
        logK.addListener(o -> draw());
    }

    /** Shows one series (the playground's single curve), or nothing for null. */
    public void setResult(CrossValidationResult r) {
        setSeries(r == null ? List.of() : List.of(new Series("", r)));
    }

    /** The first series' result, or null when nothing is shown. */
    public CrossValidationResult result() {
        return series.isEmpty() ? null : series.get(0).result();
    }

    /** Shows {@code all} in one chart (at most two series get distinct colours; more share the second). */
    public void setSeries(List<Series> all) {
        series = List.copyOf(all);
        draw();
    }

    public List<Series> series() {
        return series;
    }

    /** The K drawn as a dashed vertical line; -1 for none. */
    public void setCurrentK(int k) {
        currentK = k;
        draw();
    }

    /** What the empty chart says. */
    public void setEmptyText(String text) {
        emptyText = Objects.requireNonNull(text);
        draw();
    }

    /** Error bars of the population standard deviation (n, {@code np.std}) instead of the sample one (n − 1). */
    public BooleanProperty populationStdProperty() {
        return populationStd;
    }

    /** A logarithmic K axis (the small K stay apart when K runs to 100). */
    public BooleanProperty logKProperty() {
        return logK;
    }

    /** The means plotted for series {@code s}, per K index. */
    public double[] plottedMean(int s) {
        return series.get(s).result().mean();
    }

    /** The half-lengths of the error bars plotted for series {@code s} (before clipping to the axes), per K index. */
    public double[] plottedSpread(int s) {
        CrossValidationResult r = series.get(s).result();
        return populationStd.get() ? r.populationStd() : r.std();
    }

    @Override
    protected void layoutChildren() {
        if (!picture.taking() && CanvasLayers.resize(getWidth(), getHeight(), canvas)) {
            draw();
        }
    }

    @Override
    public void beginPicture(double scale) {
        picture.begin(scale, getWidth(), getHeight());
    }

    @Override
    public void endPicture() {
        picture.end(getWidth(), getHeight());
    }

    private Color seriesColor(int s) {
        return s == 0 ? meanColor.get() : secondColor.get();
    }

    private void draw() {
        paint(Pen.of(canvas.getGraphicsContext2D()), canvas.getWidth() / picture.scale(),
                canvas.getHeight() / picture.scale());
    }

    /** The chart as SVG, at its size on screen (File ▸ Export chart as SVG). */
    @Override
    public String toSvg() {
        SvgPen pen = new SvgPen(getWidth(), getHeight());
        paint(pen, getWidth(), getHeight());
        return pen.toSvg();
    }

    private void paint(Pen g, double w, double h) {
        g.clearRect(0, 0, w, h);
        if (w < 20 || h < 20) {
            return;
        }
        Font f = font.get();
        double fontSize = f.getSize() * 0.9;
        Font text = Font.font(f.getFamily(), fontSize);
        g.setFont(text);
        g.setFill(axisColor.get());
        if (series.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, w / 2, h / 2);
            return;
        }
        boolean several = series.size() > 1;
        int kMin = Integer.MAX_VALUE;
        int kMax = Integer.MIN_VALUE;
        double yLo = 1;
        for (Series s : series) {
            for (int k : s.result().ks()) {
                kMin = Math.min(kMin, k);
                kMax = Math.max(kMax, k);
            }
            for (double[] folds : s.result().foldAccuracy()) {
                for (double a : folds) {
                    yLo = Math.min(yLo, a);
                }
            }
        }
        double left = meter.width("100%", text) + 12;
        double right = 12;
        double top = several ? fontSize * 2.2 : 10;
        double bottom = fontSize * 3.0;
        double pw = w - left - right;
        double ph = h - top - bottom;
        // Room for the dots' spread: the axis starts at a whole 10% below the lowest fold.
        final double yBottom = Math.max(0, Math.floor((yLo - 0.02) * 10) / 10);
        final double yHi = Math.max(yBottom + 0.1, Math.min(1, Math.ceil((maxAccuracy() + 0.02) * 10) / 10));
        boolean log = logK.get() && kMin >= 1 && kMax > kMin;
        double lo = log ? Math.log(kMin) : kMin;
        double span = Math.max(1e-9, (log ? Math.log(kMax) : kMax) - lo);
        double inset = log ? 0.03 * pw : 0;
        int kFrom = kMin;
        DoubleUnaryOperator sx = k -> left + inset + ((log ? Math.log(Math.max(k, kFrom)) : k) - lo) / span
                * (pw - 2 * inset);
        DoubleUnaryOperator sy = a -> top + (yHi - a) / (yHi - yBottom) * ph;

        double sw = strokeWidth.get();
        g.setStroke(axisColor.get());
        g.setLineWidth(Math.max(1, sw * 0.7));
        ChartAxes.frame(g, left, top, pw, ph);
        ChartAxes.leftTicks(g, left, accuracyTicks(yBottom, yHi), sy, a -> String.format("%.0f%%", a * 100));
        double[] xTicks = log ? spacedKs(allKs(), sx, text) : tickKs(allKs());
        ChartAxes.bottomTicks(g, top + ph, xTicks, sx, k -> Integer.toString((int) k));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(log ? "K (logarithmic axis)" : "K", left + pw / 2, top + ph + 7 + fontSize * 1.2);

        if (currentK >= kMin && currentK <= kMax) {
            double x = sx.applyAsDouble(currentK);
            g.setStroke(axisColor.get());
            g.setLineDashes(3, 4);
            g.strokeLine(x, top, x, top + ph);
            g.setLineDashes((double[]) null);
        }

        double dot = several ? Math.max(4.5, sw * 3) : Math.max(2.5, sw * 1.8);
        for (int s = 0; s < series.size(); s++) {
            CrossValidationResult r = series.get(s).result();
            int[] ks = r.ks();
            double[] mean = r.mean();
            double[] spread = plottedSpread(s);
            Color c = seriesColor(s);
            double shift = several ? (s - (series.size() - 1) / 2.0) * dot * 1.6 : 0;
            Marker marker = several ? (s == 0 ? Marker.CIRCLE : Marker.SQUARE) : Marker.CIRCLE;
            double[][] folds = r.foldAccuracy();
            Color foldFill = several ? c.deriveColor(0, 1, 1, 0.55) : foldColor.get();
            g.setFill(foldFill);
            for (int i = 0; i < ks.length; i++) {
                for (double a : folds[i]) {
                    marker.trace(g, sx.applyAsDouble(ks[i]) + shift, sy.applyAsDouble(a), dot / 2);
                    g.fill();
                }
            }
            g.setStroke(c);
            g.setLineWidth(sw);
            for (int i = 0; i < ks.length; i++) {
                double x = sx.applyAsDouble(ks[i]) + shift;
                double yl = sy.applyAsDouble(Math.max(yBottom, mean[i] - spread[i]));
                double yh = sy.applyAsDouble(Math.min(yHi, mean[i] + spread[i]));
                g.strokeLine(x, yl, x, yh);
                g.strokeLine(x - 3, yl, x + 3, yl);
                g.strokeLine(x - 3, yh, x + 3, yh);
            }
            g.setLineWidth(sw * 1.3);
            g.beginPath();
            for (int i = 0; i < ks.length; i++) {
                double x = sx.applyAsDouble(ks[i]) + shift;
                double y = sy.applyAsDouble(mean[i]);
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            for (int i = 0; i < ks.length; i++) {
                if (ks[i] == r.bestK()) {
                    drawBest(g, series.get(s).name(), ks[i], sx.applyAsDouble(ks[i]) + shift,
                            sy.applyAsDouble(mean[i]), dot, several ? c : bestColor.get(), s, text, left, top, pw, ph);
                }
            }
        }
        if (several) {
            drawLegend(g, text, left, pw, fontSize, dot);
        }
    }

    private void drawBest(Pen g, String name, int k, double x, double y, double dot, Color c, int s,
                          Font text, double left, double top, double pw, double ph) {
        double sw = strokeWidth.get();
        double r = dot * 2.4;
        g.setStroke(c);
        g.setLineWidth(sw * 1.6);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        if (!name.isEmpty()) {
            // Several series: the legend names each best K, so labels never cross each other's curves.
            return;
        }
        g.setFill(c);
        g.setTextBaseline(VPos.CENTER);
        String label = (name.isEmpty() ? "" : name + ": ") + "best K = " + k;
        double width = meter.width(label, text);
        boolean roomRight = x + r + 4 + width < left + pw;
        g.setTextAlign(roomRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
        double fs = text.getSize();
        // The second series' label goes above its ring, the first one's below, so two near rings keep both.
        double wanted = s == 0 ? y + r + fs * 0.8 : y - r - fs * 0.8;
        double ly = Math.min(top + ph - fs, Math.max(top + fs, wanted));
        g.fillText(label, roomRight ? x + r + 4 : x - r - 4, ly);
    }

    private void drawLegend(Pen g, Font text, double left, double pw, double fontSize, double dot) {
        double x = left + pw;
        double y = fontSize * 1.0;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        String spread = populationStd.get() ? "population std (n)" : "sample std (n − 1)";
        for (int s = series.size() - 1; s >= 0; s--) {
            String name = series.get(s).name() + ", best K = " + series.get(s).result().bestK();
            g.setFill(seriesColor(s));
            g.fillText(name, x, y);
            x -= meter.width(name, text) + 4 + dot;
            (s == 0 ? Marker.CIRCLE : Marker.SQUARE).trace(g, x, y, dot * 0.9);
            g.fill();
            x -= dot + 14;
        }
        g.setFill(axisColor.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("Dots: folds · line: mean · bars: ±1 " + spread, left, y);
    }

    private double maxAccuracy() {
        double hi = 0;
        for (Series s : series) {
            for (double[] folds : s.result().foldAccuracy()) {
                for (double a : folds) {
                    hi = Math.max(hi, a);
                }
            }
        }
        return hi;
    }

    private int[] allKs() {
        return series.stream().flatMapToInt(s -> java.util.Arrays.stream(s.result().ks())).distinct().sorted().toArray();
    }

    /** The tried K values whose labels do not overlap the previous label's. */
    private double[] spacedKs(int[] ks, DoubleUnaryOperator sx, Font text) {
        List<Double> out = new ArrayList<>();
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int k : ks) {
            double half = meter.width(Integer.toString(k), text) / 2;
            double x = sx.applyAsDouble(k);
            if (x - half > lastRight + 4) {
                out.add((double) k);
                lastRight = x + half;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Accuracy ticks from {@code bottom} up to {@code top}: every 20% over a wide range, 10% or 5% over narrower ones. */
    private static double[] accuracyTicks(double bottom, double top) {
        DoubleStream.Builder ticks = DoubleStream.builder();
        double step = (top - bottom) > 0.5 ? 0.2 : (top - bottom) > 0.25 ? 0.1 : 0.05;
        for (double a = bottom; a <= top + 1e-9; a += step) {
            ticks.add(a);
        }
        return ticks.build().toArray();
    }

    private static double[] tickKs(int[] ks) {
        DoubleStream.Builder ticks = DoubleStream.builder();
        int kMax = ks[ks.length - 1];
        int step = kMax <= 12 ? 1 : kMax <= 30 ? 5 : kMax <= 60 ? 10 : kMax <= 150 ? 25 : 100;
        ticks.add(ks[0]);
        for (int k = step; k <= kMax; k += step) {
            if (k > ks[0] + step / 2) {
                ticks.add(k);
            }
        }
        return ticks.build().toArray();
    }

    private static final CssMetaData<CrossValidationChart, Color> FOLD =
            ChartCss.color("-cl-fold-color", Color.GRAY, c -> c.foldColor);
    private static final CssMetaData<CrossValidationChart, Color> MEAN =
            ChartCss.color("-cl-mean-color", Color.web("#0072b2"), c -> c.meanColor);
    private static final CssMetaData<CrossValidationChart, Color> BEST =
            ChartCss.color("-cl-best-color", Color.web("#d55e00"), c -> c.bestColor);
    private static final CssMetaData<CrossValidationChart, Color> SECOND =
            ChartCss.color("-cl-second-series-color", Color.web("#d55e00"), c -> c.secondColor);
    private static final CssMetaData<CrossValidationChart, Color> AXIS =
            ChartCss.color("-cl-axis-color", Color.BLACK, c -> c.axisColor);
    private static final CssMetaData<CrossValidationChart, Number> STROKE =
            ChartCss.size("-cl-stroke-width", 1.5, c -> c.strokeWidth);
    private static final CssMetaData<CrossValidationChart, Font> FONT = ChartCss.font(c -> c.font);
    private static final List<CssMetaData<? extends Styleable, ?>> META =
            ChartCss.list(Region.getClassCssMetaData(), FOLD, MEAN, BEST, SECOND, AXIS, STROKE, FONT);

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
