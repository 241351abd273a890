package org.classifierlab.app.render;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the lessons' charts draw with: the part of {@link GraphicsContext} they use, with the same names and meanings,
 * so one drawing method paints the screen's canvas ({@link #of(GraphicsContext)}) and writes an SVG file
 * ({@link SvgPen}). FX thread only.
 */
public interface Pen {

    /** A pen that draws on {@code g}. */
    static Pen of(GraphicsContext g) {
        return new FxPen(g);
    }

    void setFill(Paint p);

    void setStroke(Paint p);

    void setLineWidth(double w);

    void setLineDashes(double... dashes);

    void setLineCap(StrokeLineCap cap);

    void setLineJoin(StrokeLineJoin join);

    void setFont(Font f);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void save();

    void restore();

    void translate(double x, double y);

    /** Rotates by {@code degrees} clockwise (as {@link GraphicsContext#rotate}). */
    void rotate(double degrees);

    void clearRect(double x, double y, double w, double h);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void fillRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void strokeRoundRect(double x, double y, double w, double h, double arcWidth, double arcHeight);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillText(String text, double x, double y);

    /** Text squeezed to at most {@code maxWidth} wide, as {@link GraphicsContext#fillText(String, double, double, double)}. */
    void fillText(String text, double x, double y, double maxWidth);

    void strokeText(String text, double x, double y);

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    void closePath();

    void rect(double x, double y, double w, double h);

    /** An arc of the ellipse around (x, y), angles in degrees counter-clockwise, as {@link GraphicsContext#arc}. */
    void arc(double x, double y, double radiusX, double radiusY, double startAngle, double length);

    void fill();

    void stroke();

    /** Clips to the current path (until {@link #restore}). */
    void clip();
}
