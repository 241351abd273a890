package org.classifierlab.app.templates;

import java.util.List;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.linear.LinearFormat;
import org.classifierlab.app.render.CanvasChart;
import org.classifierlab.app.render.Pen;
import org.classifierlab.app.render.ChartCss;

/**
 * An image's class scores as vertical bars from a zero line, the correct class's bar in the accent colour with its
 * name underlined and marked "✓", the predicted class named above the chart; values written on the bars. Colours,
 * stroke and font from CSS, so the projector theme reads from the back row. FX thread only.
 */
final class ScoreBars extends CanvasChart {

    private ImageScores scores;

    private final StyleableObjectProperty<Color> barColor = ChartCss.property(BAR, this, "barColor", this::redraw);
    private final StyleableObjectProperty<Color> correctColor =
            ChartCss.property(CORRECT, this, "correctColor", this::redraw);
    private final StyleableObjectProperty<Color> axisColor = ChartCss.property(AXIS, this, "axisColor", this::redraw);
    private final StyleableDoubleProperty strokeWidth =
            ChartCss.sizeProperty(STROKE, this, "strokeWidth", this::redraw);
    private final StyleableObjectProperty<Font> font = ChartCss.property(FONT, this, "font", this::redraw);

    ScoreBars() {
        getStyleClass().add("score-bars");
        setMinSize(220, 160);
        setPrefSize(420, 240);
    }

    void show(ImageScores s) {
        scores = s;
        redraw();
    }

    ImageScores shown() {
        return scores;
    }

    @Override
    protected void draw(Pen g, double w, double h) {
        if (scores == null || w < 40 || h < 40) {
            return;
        }
        Font base = font.get();
        double fs = base.getSize();
        Font small = Font.font(base.getFamily(), fs * 0.85);
        Font bold = Font.font(base.getFamily(), FontWeight.BOLD, fs * 0.85);
        double[] v = scores.shownScores();
        List<String> names = scores.shownNames();
        int y = scores.shownCorrect();
        double max = 0;
        double min = 0;
        for (double s : v) {
            max = Math.max(max, s);
            min = Math.min(min, s);
        }
        if (max == min) {
            max = 1;
        }
        // Room for the caption and the value labels above positive bars and below negative ones.
        double top = fs * 1.5 + (max > 0 ? fs * 1.1 : 0);
        double bottom = h - fs * 2.6 - (min < 0 ? fs * 1.1 : 0);
        double plot = bottom - top;
        double zero = top + plot * max / (max - min);
        double slot = w / v.length;
        double barW = Math.max(4, slot * 0.6);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < v.length; i++) {
            double cx = slot * (i + 0.5);
            double y1 = top + plot * (max - v[i]) / (max - min);
            g.setFill(i == y ? correctColor.get() : barColor.get());
            g.fillRect(cx - barW / 2, Math.min(zero, y1), barW, Math.max(1, Math.abs(zero - y1)));
            g.setFill(axisColor.get());
            g.setFont(small);
            g.setTextBaseline(v[i] >= 0 ? VPos.BOTTOM : VPos.TOP);
            g.fillText(LinearFormat.number(Math.round(v[i] * 100) / 100.0), cx, v[i] >= 0 ? y1 - 2 : y1 + 2);
            g.setTextBaseline(VPos.TOP);
            g.setFont(i == y ? bold : small);
            String name = names.get(i);
            double nameY = h - fs * 2.4;
            g.fillText(i == y ? "✓ " + name : name, cx, nameY, slot - 2);
            if (i == y) {
                g.setStroke(correctColor.get());
                g.setLineWidth(strokeWidth.get());
                g.strokeLine(cx - barW / 2, nameY + fs * 1.15, cx + barW / 2, nameY + fs * 1.15);
            }
        }
        g.setStroke(axisColor.get());
        g.setLineWidth(Math.max(1, strokeWidth.get() * 0.7));
        g.strokeLine(0, Math.round(zero) + 0.5, w, Math.round(zero) + 0.5);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFont(small);
        g.setFill(axisColor.get());
        int p = scores.predicted();
        g.fillText("predicted: " + scores.names().get(p) + (p == scores.correct() ? " (right)" : " (wrong)")
                + (scores.partial() ? " · the 10 highest scores shown, with the correct class" : ""), 2, 2, w - 4);
    }

    private static final CssMetaData<ScoreBars, Color> BAR =
            ChartCss.color("-cl-bar-color", Color.web("#8a93a3"), c -> c.barColor);
    private static final CssMetaData<ScoreBars, Color> CORRECT =
            ChartCss.color("-cl-correct-color", Color.web("#0072b2"), c -> c.correctColor);
    private static final CssMetaData<ScoreBars, Color> AXIS =
            ChartCss.color("-cl-axis-color", Color.BLACK, c -> c.axisColor);
    private static final CssMetaData<ScoreBars, Number> STROKE =
            ChartCss.size("-cl-stroke-width", 1.5, c -> c.strokeWidth);
    private static final CssMetaData<ScoreBars, Font> FONT = ChartCss.font(c -> c.font);
    private static final List<CssMetaData<? extends Styleable, ?>> META =
            ChartCss.list(Region.getClassCssMetaData(), BAR, CORRECT, AXIS, STROKE, FONT);

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
