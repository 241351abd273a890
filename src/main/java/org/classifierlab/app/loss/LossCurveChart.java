package org.classifierlab.app.loss;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.render.Pen;

/**
 * Both losses of the explored example against its correct-class score {@code s_y} (the other scores fixed):
 * the hinge curve, the cross-entropy curve, a legend and the current {@code s_y} marked on both. The samples
 * come from {@link LossCurve} (core's losses); this class only draws. FX thread only.
 */
final class LossCurveChart extends LossChart {

    private LossCurve curve;
    private String correctName = "";
    private double hingeNow;
    private double ceNow;

    LossCurveChart() {
        super(12, 9, 40, 15);
        getStyleClass().add("loss-curve-chart");
        setId("lossCurve");
    }

    void show(LossCurve c, LossReadout now) {
        curve = c;
        correctName = now.example().correctName();
        hingeNow = now.hingeLoss();
        ceNow = now.crossEntropy();
        draw();
    }

    @Override
    void paint(Pen g, double w, double h) {
        if (curve == null || w < 60 || h < 60) {
            return;
        }
        double fs = fontSize.get();
        double sw = strokeWidth.get();
        double[] xs = curve.sy();
        double x0 = xs[0];
        double x1 = xs[xs.length - 1];
        double yMax = 0;
        for (int i = 0; i < xs.length; i++) {
            yMax = Math.max(yMax, Math.max(curve.hinge()[i], curve.ce()[i]));
        }
        yMax = Math.max(1, yMax * 1.08);
        double yStep = tickStep(yMax, Math.max(2, (h - fs * 4) / (fs * 2.6)));
        double labelW = Math.max(textWidth(LossFormat.score(Math.floor(yMax / yStep) * yStep), font()),
                textWidth("0", font()));
        double left = labelW + fs * 0.9;
        double right = fs * 0.8;
        double top = fs * 1.8;
        double bottom = fs * 3.0;
        double pw = w - left - right;
        double ph = h - top - bottom;
        final double ymax = yMax;

        g.setFont(boldFont(1));
        g.setFill(foreground.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        String[] titles = {"Loss as the correct score s_y changes (other scores fixed)", "Loss as s_y changes",
            "Loss"};
        g.fillText(firstFitting(titles, boldFont(1), w - left - right), left, fs * 0.85);

        g.setFont(font());
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t = 0; t <= yMax + 1e-9; t += yStep) {
            double y = top + (1 - t / ymax) * ph;
            g.setStroke(withAlpha(muted.get(), 0.3));
            g.strokeLine(left, y, left + pw, y);
            g.setFill(muted.get());
            g.fillText(LossFormat.score(t), left - fs * 0.35, y);
        }
        double xStep = tickStep(x1 - x0, Math.max(2, pw / (fs * 5)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t = Math.ceil(x0 / xStep) * xStep; t <= x1 + 1e-9; t += xStep) {
            double x = left + (t - x0) / (x1 - x0) * pw;
            g.setStroke(withAlpha(muted.get(), 0.3));
            g.strokeLine(x, top, x, top + ph);
            g.setFill(muted.get());
            g.fillText(LossFormat.score(t), x, top + ph + 3);
        }
        g.setFill(foreground.get());
        // The axis caption as long as the width allows (a narrow chart beside the steps on a projector).
        String caption = firstFitting(new String[] {"s_y  (score of the correct class, " + correctName + ")",
            "s_y  (score of " + correctName + ")", "s_y"}, font(), w - fs);
        double captionX = Math.max(textWidth(caption, font()) / 2 + 2, left + pw / 2);
        g.fillText(caption, Math.min(w - textWidth(caption, font()) / 2 - 2, captionX), top + ph + fs * 1.45);
        g.setStroke(foreground.get());
        g.setLineWidth(Math.max(1, sw * 0.7));
        g.strokeLine(left, top + ph, left + pw, top + ph);
        g.strokeLine(left, top, left, top + ph);

        plot(g, xs, curve.hinge(), hingeColor.get(), sw * 1.6, false, left, top, pw, ph, x0, x1, ymax);
        plot(g, xs, curve.ce(), crossEntropyColor.get(), sw * 1.6, true, left, top, pw, ph, x0, x1, ymax);

        double cx = left + (curve.current() - x0) / (x1 - x0) * pw;
        g.setStroke(foreground.get());
        g.setLineWidth(1);
        g.setLineDashes(3, 4);
        g.strokeLine(cx, top, cx, top + ph);
        g.setLineDashes((double[]) null);
        double r = Math.max(4, sw * 2.6);
        dot(g, cx, top + (1 - hingeNow / ymax) * ph, r, hingeColor.get());
        dot(g, cx, top + (1 - ceNow / ymax) * ph, r, crossEntropyColor.get());

        // Legend, top right.
        Font lf = font();
        String hingeText = "hinge  " + LossFormat.number(hingeNow);
        String ceText = "cross-entropy  " + LossFormat.number(ceNow);
        double lw = Math.max(textWidth(hingeText, lf), textWidth(ceText, lf)) + fs * 3.2;
        double lx = left + pw - lw - 4;
        double ly = top + 4;
        g.setFill(withAlpha(background.get(), 0.9));
        g.fillRect(lx, ly, lw, fs * 3);
        g.setStroke(withAlpha(muted.get(), 0.6));
        g.setLineWidth(1);
        g.strokeRect(lx, ly, lw, fs * 3);
        legendLine(g, lx + fs * 0.4, ly + fs * 0.85, fs * 1.8, hingeColor.get(), false, sw);
        legendLine(g, lx + fs * 0.4, ly + fs * 2.15, fs * 1.8, crossEntropyColor.get(), true, sw);
        g.setFont(lf);
        g.setFill(foreground.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(hingeText, lx + fs * 2.6, ly + fs * 0.85);
        g.fillText(ceText, lx + fs * 2.6, ly + fs * 2.15);
    }

    private static void plot(Pen g, double[] xs, double[] ys, Color colour, double width, boolean dashed,
            double left, double top, double pw, double ph, double x0, double x1, double yMax) {
        g.setStroke(colour);
        g.setLineWidth(width);
        if (dashed) {
            g.setLineDashes(width * 4, width * 2.2);
        }
        g.beginPath();
        for (int i = 0; i < xs.length; i++) {
            double x = left + (xs[i] - x0) / (x1 - x0) * pw;
            double y = top + (1 - Math.min(ys[i], yMax) / yMax) * ph;
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setLineDashes((double[]) null);
    }

    private void legendLine(Pen g, double x, double y, double len, Color colour, boolean dashed,
            double sw) {
        g.setStroke(colour);
        g.setLineWidth(sw * 1.6);
        if (dashed) {
            g.setLineDashes(sw * 6.4, sw * 3.5);
        }
        g.strokeLine(x, y, x + len, y);
        g.setLineDashes((double[]) null);
    }

    private void dot(Pen g, double x, double y, double r, Color colour) {
        g.setFill(colour);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(background.get());
        g.setLineWidth(1.5);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }
}
