package org.classifierlab.app.knn;

import java.util.List;
import java.util.function.Function;
import java.util.stream.DoubleStream;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.classifierlab.app.render.CanvasLayers;
import org.classifierlab.app.render.ChartAxes;
import org.classifierlab.app.render.ChartCss;
import org.classifierlab.core.knn.CrossValidationResult;

/**
 * Cross-validation accuracy against K: one dot per fold, the mean as a line, ±1 sample standard deviation
 * as error bars, the best K ringed and the current K marked. Colours come from CSS. FX thread only.
 */
final class CrossValidationChart extends Region {

    private final Canvas canvas = new Canvas();
    private CrossValidationResult result;
    private int currentK = -1;

    private final StyleableObjectProperty<Color> foldColor = ChartCss.property(FOLD, this, "foldColor", this::draw);
    private final StyleableObjectProperty<Color> meanColor = ChartCss.property(MEAN, this, "meanColor", this::draw);
    private final StyleableObjectProperty<Color> bestColor = ChartCss.property(BEST, this, "bestColor", this::draw);
    private final StyleableObjectProperty<Color> axisColor = ChartCss.property(AXIS, this, "axisColor", this::draw);
    private final StyleableDoubleProperty strokeWidth = ChartCss.sizeProperty(STROKE, this, "strokeWidth", this::draw);

    CrossValidationChart() {
        getStyleClass().add("cv-chart");
        setId("cvChart");
        getChildren().add(canvas);
        setMinHeight(150);
        setPrefHeight(210);
        setMinWidth(200);
    }

    void setResult(CrossValidationResult r) {
        result = r;
        draw();
    }

    CrossValidationResult result() {
        return result;
    }

    void setCurrentK(int k) {
        currentK = k;
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (CanvasLayers.resize(getWidth(), getHeight(), canvas)) {
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 20 || h < 20) {
            return;
        }
        double fontSize = Math.max(10, Font.getDefault().getSize() * 0.85 * (strokeWidth.get() > 2 ? 1.4 : 1));
        g.setFont(Font.font(fontSize));
        g.setFill(axisColor.get());
        if (result == null) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Cross-validation is computed in the background…", w / 2, h / 2);
            return;
        }
        double left = fontSize * 3.4;
        double right = 10;
        double top = 10;
        double bottom = fontSize * 3.0;
        double pw = w - left - right;
        double ph = h - top - bottom;
        int[] ks = result.ks();
        int kMax = ks[ks.length - 1];
        int kMin = ks[0];
        double yLo = 1;
        for (double[] folds : result.foldAccuracy()) {
            for (double a : folds) {
                yLo = Math.min(yLo, a);
            }
        }
        final double yBottom = Math.max(0, Math.floor((yLo - 0.02) * 10) / 10);
        final double yHi = 1.0;
        double span = Math.max(1, kMax - kMin);
        Function<Double, Double> sx = k -> left + (k - kMin) / span * pw;
        Function<Double, Double> sy = a -> top + (yHi - a) / (yHi - yBottom) * ph;

        double sw = strokeWidth.get();
        g.setStroke(axisColor.get());
        g.setLineWidth(Math.max(1, sw * 0.7));
        ChartAxes.frame(g, left, top, pw, ph);
        ChartAxes.leftTicks(g, left, accuracyTicks(yBottom, yHi), sy::apply, a -> String.format("%.0f%%", a * 100));
        ChartAxes.bottomTicks(g, top + ph, tickKs(ks), sx::apply, k -> Integer.toString((int) k));
        g.fillText("K", left + pw / 2, top + ph + 7 + fontSize * 1.2);

        if (currentK >= kMin && currentK <= kMax) {
            double x = sx.apply((double) currentK);
            g.setStroke(axisColor.get());
            g.setLineDashes(3, 4);
            g.strokeLine(x, top, x, top + ph);
            g.setLineDashes((double[]) null);
        }

        double[][] folds = result.foldAccuracy();
        double dot = Math.max(2.5, sw * 1.8);
        g.setFill(foldColor.get());
        for (int i = 0; i < ks.length; i++) {
            for (double a : folds[i]) {
                g.fillOval(sx.apply((double) ks[i]) - dot / 2, sy.apply(a) - dot / 2, dot, dot);
            }
        }
        g.setStroke(meanColor.get());
        g.setLineWidth(sw);
        for (int i = 0; i < ks.length; i++) {
            double x = sx.apply((double) ks[i]);
            double lo = sy.apply(Math.max(yBottom, result.mean()[i] - result.std()[i]));
            double hi = sy.apply(Math.min(yHi, result.mean()[i] + result.std()[i]));
            g.strokeLine(x, lo, x, hi);
            g.strokeLine(x - 3, lo, x + 3, lo);
            g.strokeLine(x - 3, hi, x + 3, hi);
        }
        g.setLineWidth(sw * 1.3);
        g.beginPath();
        for (int i = 0; i < ks.length; i++) {
            double x = sx.apply((double) ks[i]);
            double y = sy.apply(result.mean()[i]);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] == result.bestK()) {
                double x = sx.apply((double) ks[i]);
                double y = sy.apply(result.mean()[i]);
                double r = dot * 2.4;
                g.setStroke(bestColor.get());
                g.setLineWidth(sw * 1.6);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                g.setFill(bestColor.get());
                g.setTextBaseline(VPos.CENTER);
                String label = "best K = " + ks[i];
                boolean roomRight = x + r + 4 + label.length() * fontSize * 0.6 < left + pw;
                g.setTextAlign(roomRight ? TextAlignment.LEFT : TextAlignment.RIGHT);
                double ly = Math.min(top + ph - fontSize, Math.max(top + fontSize, y + r + fontSize * 0.8));
                g.fillText(label, roomRight ? x + r + 4 : x - r - 4, ly);
            }
        }
    }

    /** Accuracy ticks from {@code bottom} up to {@code top}: every 20% over a wide range, else every 10%. */
    private static double[] accuracyTicks(double bottom, double top) {
        DoubleStream.Builder ticks = DoubleStream.builder();
        double step = (top - bottom) > 0.5 ? 0.2 : 0.1;
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
    private static final CssMetaData<CrossValidationChart, Color> AXIS =
            ChartCss.color("-cl-axis-color", Color.BLACK, c -> c.axisColor);
    private static final CssMetaData<CrossValidationChart, Number> STROKE =
            ChartCss.size("-cl-stroke-width", 1.5, c -> c.strokeWidth);
    private static final List<CssMetaData<? extends Styleable, ?>> META =
            ChartCss.list(Region.getClassCssMetaData(), FOLD, MEAN, BEST, AXIS, STROKE);

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
