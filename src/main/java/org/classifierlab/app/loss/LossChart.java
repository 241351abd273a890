package org.classifierlab.app.loss;

import java.util.ArrayList;
import java.util.List;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import org.classifierlab.app.render.ChartCss;
import org.classifierlab.app.render.HiResPicture;
import org.classifierlab.app.render.Pen;
import org.classifierlab.app.render.PictureLayers;
import org.classifierlab.app.render.SvgChart;
import org.classifierlab.app.render.SvgPen;
import org.classifierlab.app.render.TextMeter;

/**
 * A region that paints one canvas with colours and sizes read from CSS ({@code .loss-chart} in the
 * stylesheet), so a theme switch repaints it, sized in multiples of its font size. Subclasses draw; they hold
 * no loss maths. FX thread only.
 */
abstract class LossChart extends Region implements HiResPicture, SvgChart {

    static final int CLASS_SLOTS = ChartCss.CLASS_SLOTS;

    private static final List<CssMetaData<LossChart, Color>> CLASS_META =
            ChartCss.classColors((c, slot) -> c.classColors.get(slot));
    private static final CssMetaData<LossChart, Color> BACKGROUND =
            ChartCss.color("-cl-background-color", Color.WHITE, c -> c.background);
    private static final CssMetaData<LossChart, Color> FOREGROUND =
            ChartCss.color("-cl-foreground-color", Color.BLACK, c -> c.foreground);
    private static final CssMetaData<LossChart, Color> MUTED =
            ChartCss.color("-cl-muted-color", Color.GRAY, c -> c.muted);
    private static final CssMetaData<LossChart, Color> ACCENT =
            ChartCss.color("-cl-accent-color", Color.web("#0072b2"), c -> c.accent);
    private static final CssMetaData<LossChart, Color> WARNING =
            ChartCss.color("-cl-warning-color", Color.web("#a15c00"), c -> c.warning);
    private static final CssMetaData<LossChart, Color> GOOD =
            ChartCss.color("-cl-good-color", Color.web("#007a55"), c -> c.good);
    private static final CssMetaData<LossChart, Color> HINGE =
            ChartCss.color("-cl-hinge-color", Color.web("#0072b2"), c -> c.hingeColor);
    private static final CssMetaData<LossChart, Color> CROSS_ENTROPY =
            ChartCss.color("-cl-cross-entropy-color", Color.web("#d55e00"), c -> c.crossEntropyColor);
    private static final CssMetaData<LossChart, Number> STROKE =
            ChartCss.size("-cl-stroke-width", 1.5, c -> c.strokeWidth);
    private static final CssMetaData<LossChart, Number> FONT_SIZE =
            ChartCss.size("-cl-chart-font-size", 13, c -> c.fontSize);
    private static final List<CssMetaData<? extends Styleable, ?>> META = ChartCss.list(Region.getClassCssMetaData(),
            CLASS_META, BACKGROUND, FOREGROUND, MUTED, ACCENT, WARNING, GOOD, HINGE, CROSS_ENTROPY, STROKE, FONT_SIZE);

    final Canvas canvas = new Canvas();
    private final List<StyleableObjectProperty<Color>> classColors = new ArrayList<>();
    final StyleableObjectProperty<Color> background = ChartCss.property(BACKGROUND, this, "background", this::draw);
    final StyleableObjectProperty<Color> foreground = ChartCss.property(FOREGROUND, this, "foreground", this::draw);
    final StyleableObjectProperty<Color> muted = ChartCss.property(MUTED, this, "muted", this::draw);
    final StyleableObjectProperty<Color> accent = ChartCss.property(ACCENT, this, "accent", this::draw);
    final StyleableObjectProperty<Color> warning = ChartCss.property(WARNING, this, "warning", this::draw);
    final StyleableObjectProperty<Color> good = ChartCss.property(GOOD, this, "good", this::draw);
    final StyleableObjectProperty<Color> hingeColor = ChartCss.property(HINGE, this, "hingeColor", this::draw);
    final StyleableObjectProperty<Color> crossEntropyColor =
            ChartCss.property(CROSS_ENTROPY, this, "crossEntropyColor", this::draw);
    final StyleableDoubleProperty strokeWidth = ChartCss.sizeProperty(STROKE, this, "strokeWidth", this::draw);
    final StyleableDoubleProperty fontSize = ChartCss.sizeProperty(FONT_SIZE, this, "fontSize", this::draw);

    private final TextMeter meter = new TextMeter();
    private final double minWidthEm;
    private final double minHeightEm;
    private final double prefWidthEm;
    private final double prefHeightEm;

    /** A chart of at least {@code minWidthEm} × {@code minHeightEm} font sizes, preferring the {@code pref} ones. */
    LossChart(double minWidthEm, double minHeightEm, double prefWidthEm, double prefHeightEm) {
        this.minWidthEm = minWidthEm;
        this.minHeightEm = minHeightEm;
        this.prefWidthEm = prefWidthEm;
        this.prefHeightEm = prefHeightEm;
        getStyleClass().add("loss-chart");
        for (int i = 0; i < CLASS_SLOTS; i++) {
            classColors.add(ChartCss.property(CLASS_META.get(i), this, "classColor" + i, this::draw));
        }
        getChildren().add(canvas);
        fontSize.addListener((o, a, b) -> requestLayout());
    }

    /** Class {@code c}'s colour; classes beyond the palette reuse it (and are hatched by the bar chart). */
    Color classColor(int c) {
        return classColors.get(Math.floorMod(c, CLASS_SLOTS)).get();
    }

    Font font() {
        return Font.font(fontSize.get());
    }

    Font boldFont(double scale) {
        return Font.font(null, FontWeight.BOLD, fontSize.get() * scale);
    }

    /** The width of {@code text} set in {@code f}. */
    double textWidth(String text, Font f) {
        return meter.width(text, f);
    }

    /** The first of {@code candidates} (longest first) whose width in {@code f} fits {@code width}, else the last. */
    String firstFitting(String[] candidates, Font f, double width) {
        for (String c : candidates) {
            if (textWidth(c, f) <= width) {
                return c;
            }
        }
        return candidates[candidates.length - 1];
    }

    /** A tick step of 1, 2, 5 or 10 × 10^k, the smallest such at least {@code span / count}. */
    static double tickStep(double span, double count) {
        double raw = span / count;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    @Override
    protected double computeMinWidth(double height) {
        return fontSize.get() * minWidthEm;
    }

    @Override
    protected double computeMinHeight(double width) {
        return fontSize.get() * minHeightEm;
    }

    @Override
    protected double computePrefWidth(double height) {
        return fontSize.get() * prefWidthEm;
    }

    @Override
    protected double computePrefHeight(double width) {
        return fontSize.get() * prefHeightEm;
    }

    private final PictureLayers picture = new PictureLayers(this::draw, canvas);

    @Override
    public void beginPicture(double scale) {
        picture.begin(scale, canvas.getWidth(), canvas.getHeight());
    }

    @Override
    public void endPicture() {
        picture.end(canvas.getWidth() / picture.scale(), canvas.getHeight() / picture.scale());
    }

    @Override
    protected void layoutChildren() {
        if (picture.taking()) {
            return;
        }
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** Repaints the whole canvas from the current data and style: the background, then {@link #paint}. */
    final void draw() {
        double w = canvas.getWidth() / picture.scale();
        double h = canvas.getHeight() / picture.scale();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background.get());
        g.fillRect(0, 0, w, h);
        paint(Pen.of(g), w, h);
    }

    /** The chart as SVG, drawn by the same {@link #paint} at its size on screen. */
    @Override
    public String toSvg() {
        double w = getWidth();
        double h = getHeight();
        SvgPen pen = new SvgPen(w, h);
        pen.setFill(background.get());
        pen.fillRect(0, 0, w, h);
        paint(pen, w, h);
        return pen.toSvg();
    }

    /** Draws the chart over the cleared {@code w × h} canvas (nothing when there is no data or room). */
    abstract void paint(Pen g, double w, double h);

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
