package org.classifierlab.app.linear;

import java.util.Arrays;
import java.util.List;

import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.render.AxisTicks;
import org.classifierlab.app.render.CanvasLayers;
import org.classifierlab.app.render.ChartAxes;
import org.classifierlab.app.render.ChartCss;
import org.classifierlab.app.render.HiResPicture;
import org.classifierlab.app.render.Pen;
import org.classifierlab.app.render.PictureLayers;
import org.classifierlab.app.render.SvgChart;
import org.classifierlab.app.render.SvgPen;
import org.classifierlab.app.render.TextMeter;

/**
 * Loss per iteration (data and total), drawn on a canvas, decimated for long runs: with more points than
 * pixel columns, each column draws the range of its points, so no spike disappears. Adds are coalesced into
 * at most one redraw per pulse. Colours, stroke width and font come from CSS. FX thread only.
 */
public final class LossHistoryChart extends Region implements SvgChart, HiResPicture {

    /** What the chart says before the first step. */
    static final String EMPTY_TEXT = "Take a step to start the loss curve";

    private final Canvas canvas = new Canvas();
    private final PictureLayers picture = new PictureLayers(this::draw, canvas);
    private final ToggleButton logToggle = new ToggleButton("log");
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final TextMeter meter = new TextMeter();

    private int[] iterations = new int[1024];
    private double[] dataLoss = new double[1024];
    private double[] totalLoss = new double[1024];
    private int size;
    private boolean showData = true;
    private String emptyText = EMPTY_TEXT;
    private double lowest = Double.POSITIVE_INFINITY;
    private double highest = Double.NEGATIVE_INFINITY;
    private double lowestPositive = Double.POSITIVE_INFINITY;

    private double[] columnFirst = new double[0];
    private double[] columnLast = new double[0];
    private double[] columnMin = new double[0];
    private double[] columnMax = new double[0];
    private boolean[] columnUsed = new boolean[0];
    private Geometry geometry;
    private int drawnSize = -1;
    private boolean drawnLog;

    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            draw();
        }
    };

    private final StyleableObjectProperty<Color> totalColor =
            ChartCss.property(TOTAL, this, "totalColor", this::scheduleDraw);
    private final StyleableObjectProperty<Color> dataColor =
            ChartCss.property(DATA, this, "dataColor", this::scheduleDraw);
    private final StyleableObjectProperty<Color> axisColor =
            ChartCss.property(AXIS, this, "axisColor", this::scheduleDraw);
    private final StyleableObjectProperty<Color> gridColor =
            ChartCss.property(GRID, this, "gridColor", this::scheduleDraw);
    private final StyleableDoubleProperty strokeWidth =
            ChartCss.sizeProperty(STROKE, this, "strokeWidth", this::scheduleDraw);
    private final StyleableObjectProperty<Font> font =
            ChartCss.property(FONT, this, "font", this::scheduleDraw);

    /** Where the last drawing put the plot and how it maps iterations and losses to local coordinates. */
    record Geometry(double left, double top, double width, double height, double xMin, double xMax, AxisTicks y) {

        double x(double iteration) {
            return left + (iteration - xMin) / (xMax - xMin) * width;
        }

        double y(double loss) {
            return top + (1 - y.fraction(loss)) * height;
        }
    }

    public LossHistoryChart() {
        getStyleClass().add("loss-history-chart");
        setMinSize(200, 140);
        setPrefSize(380, 230);
        logToggle.getStyleClass().add("loss-history-log-toggle");
        logToggle.setTooltip(new Tooltip("Logarithmic loss axis"));
        logToggle.setFocusTraversable(false);
        logToggle.selectedProperty().bindBidirectional(logScale);
        logScale.addListener((o, a, b) -> scheduleDraw());
        getChildren().addAll(canvas, logToggle);
    }

    /** Appends one point and redraws (at most once per pulse). */
    public void add(int iteration, double dataLoss, double totalLoss) {
        if (size == iterations.length) {
            int capacity = size * 2;
            iterations = Arrays.copyOf(iterations, capacity);
            this.dataLoss = Arrays.copyOf(this.dataLoss, capacity);
            this.totalLoss = Arrays.copyOf(this.totalLoss, capacity);
        }
        iterations[size] = iteration;
        this.dataLoss[size] = dataLoss;
        this.totalLoss[size] = totalLoss;
        size++;
        track(dataLoss);
        track(totalLoss);
        scheduleDraw();
    }

    private void track(double v) {
        if (Double.isFinite(v)) {
            lowest = Math.min(lowest, v);
            highest = Math.max(highest, v);
            if (v > 0) {
                lowestPositive = Math.min(lowestPositive, v);
            }
        }
    }

    /** Whether the data-loss series is drawn (off for a chart of total loss only, whose data loss is not known). */
    public void setShowData(boolean on) {
        showData = on;
        scheduleDraw();
    }

    /** What the chart says while it has no points. */
    public void setEmptyText(String text) {
        emptyText = text;
        scheduleDraw();
    }

    /** Removes every point. */
    public void clear() {
        size = 0;
        lowest = Double.POSITIVE_INFINITY;
        highest = Double.NEGATIVE_INFINITY;
        lowestPositive = Double.POSITIVE_INFINITY;
        scheduleDraw();
    }

    /** Number of points. */
    public int size() {
        return size;
    }

    /** The total loss of the last point, NaN when empty. */
    public double lastTotal() {
        return size == 0 ? Double.NaN : totalLoss[size - 1];
    }

    /** The data loss of the last point, NaN when empty. */
    public double lastData() {
        return size == 0 ? Double.NaN : dataLoss[size - 1];
    }

    /** Whether the loss axis is logarithmic (the "log" toggle in the corner). */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    Geometry geometry() {
        return geometry;
    }

    /** How many points the last drawing showed, and whether on a log axis (tests wait for the pulse with these). */
    int drawnSize() {
        return drawnSize;
    }

    boolean drawnLog() {
        return drawnLog;
    }

    Color totalColor() {
        return totalColor.get();
    }

    Color dataColor() {
        return dataColor.get();
    }

    ToggleButton logToggle() {
        return logToggle;
    }

    /** The plot area of the last drawing in local coordinates, or null if nothing was plotted. */
    Rectangle2D plotArea() {
        return geometry == null ? null : new Rectangle2D(geometry.left, geometry.top, geometry.width, geometry.height);
    }

    private void scheduleDraw() {
        // Bursts of adds (one per optimisation step, many per frame) become one drawing on the next pulse.
        pulse.start();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        logToggle.autosize();
        logToggle.relocate(Math.max(0, w - logToggle.getWidth() - 4), 3);
        if (!picture.taking() && CanvasLayers.resize(w, h, canvas)) {
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

    /** Draws now (tests; the chart itself draws on the pulse after a change). */
    void draw() {
        pulse.stop();
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
        geometry = null;
        drawnSize = size;
        drawnLog = logScale.get();
        if (w < 60 || h < 60) {
            return;
        }
        Font base = font.get();
        double fs = base.getSize();
        Font small = Font.font(base.getFamily(), fs * 0.9);
        double sw = strokeWidth.get();
        g.setFont(small);
        String totalText = "total " + (size == 0 ? "" : formatLoss(totalLoss[size - 1]));
        String dataText = "data " + (size == 0 ? "" : formatLoss(dataLoss[size - 1]));
        double swatch = small.getSize() * 1.6;
        double legendWidth = showData ? 6 + 2 * (swatch + 5) + meter.width(totalText, small) + small.getSize() * 1.3
                + meter.width(dataText, small) : 6 + swatch + 5 + meter.width(totalText, small);
        // The legend takes two lines when one would run into the log toggle.
        boolean twoLines = legendWidth > w - logToggle.getWidth() - 12;
        double line = Math.max(logToggle.getHeight(), fs * 1.5);
        double header = (twoLines ? line + fs * 1.3 : line) + 6;
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.ROUND);
        if (size == 0) {
            g.setFill(axisColor.get());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(emptyText, w / 2, (h + header) / 2);
            return;
        }
        drawLegend(g, small, line / 2 + 3, twoLines ? line / 2 + 3 + fs * 1.3 : -1, totalText, dataText, swatch, sw);

        boolean log = logScale.get();
        double hi = Double.isFinite(highest) ? highest : 1;
        double topFree = h - header - fs * 3.2;
        int maxYTicks = (int) Math.max(2, Math.min(8, topFree / (fs * 2.2)));
        AxisTicks yTicks = log
                ? AxisTicks.decades(Double.isFinite(lowestPositive) ? lowestPositive : 1e-3,
                        Math.max(hi, Double.isFinite(lowestPositive) ? lowestPositive : 1e-3))
                : AxisTicks.linear(Math.min(0, Double.isFinite(lowest) ? lowest : 0), hi, maxYTicks, true, 0);
        double labelWidth = 0;
        for (double v : yTicks.values()) {
            labelWidth = Math.max(labelWidth, meter.width(yTicks.label(v), small));
        }
        double left = fs * 1.5 + labelWidth + 8;
        double top = header + fs * 0.5;
        double pw = w - left - fs;
        double ph = h - top - fs * 2.9;
        if (pw < 20 || ph < 20) {
            return;
        }
        double xMin = iterations[0];
        double xMax = Math.max(iterations[size - 1], xMin + 1);
        Geometry geo = new Geometry(left, top, pw, ph, xMin, xMax, yTicks);
        geometry = geo;

        g.setLineWidth(1);
        g.setStroke(gridColor.get());
        for (double v : yTicks.values()) {
            double y = Math.round(geo.y(v)) + 0.5;
            g.strokeLine(left, y, left + pw, y);
        }
        g.setStroke(axisColor.get());
        g.setFill(axisColor.get());
        g.setLineWidth(Math.max(1, sw * 0.7));
        ChartAxes.frame(g, left, top, pw, ph);
        ChartAxes.leftTicks(g, left, yTicks.values(), geo::y, yTicks::label);
        AxisTicks xTicks = AxisTicks.linear(xMin, xMax, (int) Math.max(2, pw / (fs * 5)), false, 1);
        ChartAxes.bottomTicks(g, top + ph, xTicks.values(), geo::x, xTicks::label);
        g.fillText("iteration", left + pw / 2, top + ph + 6 + fs * 1.15);
        g.save();
        g.translate(fs * 0.2, top + ph / 2);
        g.rotate(-90);
        g.fillText(log ? "loss (log scale)" : "loss", 0, 0);
        g.restore();

        g.save();
        g.beginPath();
        g.rect(left, top - sw * 2, pw + sw * 2, ph + sw * 4);
        g.clip();
        if (showData) {
            g.setStroke(dataColor.get());
            g.setLineWidth(Math.max(1, sw * 0.9));
            g.setLineDashes(sw * 3, sw * 2.5);
            traceSeries(g, dataLoss, geo);
            g.stroke();
            g.setLineDashes((double[]) null);
        }
        g.setStroke(totalColor.get());
        g.setLineWidth(sw * 1.3);
        traceSeries(g, totalLoss, geo);
        g.stroke();
        double r = Math.max(3, sw * 2);
        g.setFill(totalColor.get());
        g.fillOval(geo.x(iterations[size - 1]) - r, geo.y(totalLoss[size - 1]) - r, 2 * r, 2 * r);
        g.restore();
    }

    /** The legend: a line swatch and the last value of each series, on one line or (dataY ≥ 0) two. */
    private void drawLegend(Pen g, Font small, double totalY, double dataY, String totalText,
            String dataText, double swatch, double sw) {
        double x = 6;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setStroke(totalColor.get());
        g.setLineWidth(sw * 1.3);
        g.strokeLine(x, totalY, x + swatch, totalY);
        g.setFill(axisColor.get());
        g.fillText(totalText, x + swatch + 5, totalY);
        if (!showData) {
            return;
        }
        double y = totalY;
        if (dataY >= 0) {
            y = dataY;
        } else {
            x += swatch + 5 + meter.width(totalText, small) + small.getSize() * 1.3;
        }
        g.setStroke(dataColor.get());
        g.setLineWidth(Math.max(1, sw * 0.9));
        g.setLineDashes(sw * 3, sw * 2.5);
        g.strokeLine(x, y, x + swatch, y);
        g.setLineDashes((double[]) null);
        g.fillText(dataText, x + swatch + 5, y);
    }

    /** Traces one series as the current path: every point, or per pixel column first, min, max, last. */
    private void traceSeries(Pen g, double[] values, Geometry geo) {
        g.beginPath();
        int columns = Math.max(1, (int) Math.ceil(geo.width));
        if (size <= 2 * columns) {
            boolean started = false;
            for (int i = 0; i < size; i++) {
                if (!Double.isFinite(values[i])) {
                    started = false;
                } else if (started) {
                    g.lineTo(geo.x(iterations[i]), geo.y(values[i]));
                } else {
                    g.moveTo(geo.x(iterations[i]), geo.y(values[i]));
                    started = true;
                }
            }
            return;
        }
        if (columnUsed.length < columns) {
            columnFirst = new double[columns];
            columnLast = new double[columns];
            columnMin = new double[columns];
            columnMax = new double[columns];
            columnUsed = new boolean[columns];
        }
        Arrays.fill(columnUsed, false);
        double scale = columns / (geo.xMax - geo.xMin);
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(values[i])) {
                continue;
            }
            int c = (int) Math.min(columns - 1, Math.max(0, (iterations[i] - geo.xMin) * scale));
            double y = geo.y(values[i]);
            if (!columnUsed[c]) {
                columnUsed[c] = true;
                columnFirst[c] = y;
                columnMin[c] = y;
                columnMax[c] = y;
            } else {
                columnMin[c] = Math.min(columnMin[c], y);
                columnMax[c] = Math.max(columnMax[c], y);
            }
            columnLast[c] = y;
        }
        boolean started = false;
        for (int c = 0; c < columns; c++) {
            if (!columnUsed[c]) {
                continue;
            }
            double x = geo.left + c + 0.5;
            if (started) {
                g.lineTo(x, columnFirst[c]);
            } else {
                g.moveTo(x, columnFirst[c]);
                started = true;
            }
            g.lineTo(x, columnMin[c]);
            g.lineTo(x, columnMax[c]);
            g.lineTo(x, columnLast[c]);
        }
    }

    /** A loss with four significant digits. */
    static String formatLoss(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double resolution = v == 0 ? 1 : Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 3);
        return AxisTicks.format(v, resolution);
    }

    private static final CssMetaData<LossHistoryChart, Color> TOTAL =
            ChartCss.color("-cl-total-color", Color.web("#0072b2"), c -> c.totalColor);
    private static final CssMetaData<LossHistoryChart, Color> DATA =
            ChartCss.color("-cl-data-color", Color.web("#5b6270"), c -> c.dataColor);
    private static final CssMetaData<LossHistoryChart, Color> AXIS =
            ChartCss.color("-cl-axis-color", Color.BLACK, c -> c.axisColor);
    private static final CssMetaData<LossHistoryChart, Color> GRID =
            ChartCss.color("-cl-grid-color", Color.LIGHTGRAY, c -> c.gridColor);
    private static final CssMetaData<LossHistoryChart, Number> STROKE =
            ChartCss.size("-cl-stroke-width", 1.5, c -> c.strokeWidth);
    private static final CssMetaData<LossHistoryChart, Font> FONT = ChartCss.font(c -> c.font);
    private static final List<CssMetaData<? extends Styleable, ?>> META =
            ChartCss.list(Region.getClassCssMetaData(), TOTAL, DATA, AXIS, GRID, STROKE, FONT);

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
