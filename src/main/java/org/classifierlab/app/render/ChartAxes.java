package org.classifierlab.app.render;

import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

import javafx.geometry.VPos;
import javafx.scene.text.TextAlignment;

/**
 * Axes of the lessons' canvas charts, one look for all: tick marks 4 units long, labels 6 units left of the
 * y axis and 5 below the x axis, in the pen's current stroke, fill, line width and font. FX thread only.
 */
public final class ChartAxes {

    private ChartAxes() {
    }

    /** The y axis on the left and the x axis at the bottom of the plot (left, top, width, height). */
    public static void frame(Pen g, double left, double top, double width, double height) {
        g.strokeLine(left, top, left, top + height);
        g.strokeLine(left, top + height, left + width, top + height);
    }

    /** Ticks and labels of the y axis at x = {@code left}: value v at y = {@code y(v)}, labelled {@code label(v)}. */
    public static void leftTicks(Pen g, double left, double[] values, DoubleUnaryOperator y,
            DoubleFunction<String> label) {
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : values) {
            double at = y.applyAsDouble(v);
            g.strokeLine(left - 4, at, left, at);
            g.fillText(label.apply(v), left - 6, at);
        }
    }

    /** Ticks and labels of the x axis at y = {@code bottom}: value v at x = {@code x(v)}, labelled {@code label(v)}. */
    public static void bottomTicks(Pen g, double bottom, double[] values, DoubleUnaryOperator x,
            DoubleFunction<String> label) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double v : values) {
            double at = x.applyAsDouble(v);
            g.strokeLine(at, bottom, at, bottom + 4);
            g.fillText(label.apply(v), at, bottom + 5);
        }
    }
}
