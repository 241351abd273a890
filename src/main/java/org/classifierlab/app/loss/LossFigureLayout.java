package org.classifierlab.app.loss;

import javafx.geometry.Insets;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Lays out the loss explorer's figure so it fits the space it gets without scrolling: the score bars, the loss
 * curve and the step-by-step tables (hinge terms, softmax pipeline).
 * <ul>
 * <li>{@link Mode#STACKED}, when tall enough: the bars across the whole width, below them the tables and the loss
 * curve side by side;</li>
 * <li>{@link Mode#COLUMNS}, when short (a 1280 × 800 projector): the tables in a column of their own on the right,
 * the bars above the loss curve on the left;</li>
 * <li>{@link Mode#NARROW}, when neither fits the width: everything one below the other (the lesson then scrolls).</li>
 * </ul>
 * FX thread only.
 */
final class LossFigureLayout extends Pane {

    enum Mode { STACKED, COLUMNS, NARROW }

    private final Region chart;
    private final Region curve;
    private final Region tables;
    private final double gap;
    private Mode mode = Mode.STACKED;

    LossFigureLayout(Region chart, Region curve, Region tables, double gap) {
        this.chart = chart;
        this.curve = curve;
        this.tables = tables;
        this.gap = gap;
        getStyleClass().add("loss-figure-layout");
        getChildren().addAll(chart, curve, tables);
    }

    /** The arrangement of the last layout (tests). */
    Mode mode() {
        return mode;
    }

    /** The least width at which the tables go beside the bars instead of below them. */
    double columnsMinWidth() {
        return tablesWidth() + gap + Math.max(chart.minWidth(-1), curve.minWidth(-1)) + in(true);
    }

    private double tablesWidth() {
        return Math.max(tables.minWidth(-1), tables.prefWidth(-1));
    }

    private boolean stackedFitsWidth(double w) {
        return w - tablesWidth() - gap >= curve.minWidth(-1) && w >= chart.minWidth(-1);
    }

    private boolean columnsFitWidth(double w) {
        return w - tablesWidth() - gap >= Math.max(chart.minWidth(-1), curve.minWidth(-1));
    }

    private double bottomHeight() {
        return Math.max(tables.prefHeight(tablesWidth()), curve.minHeight(-1));
    }

    private double stackedHeight() {
        return chart.minHeight(-1) + gap + bottomHeight();
    }

    private double columnsHeight() {
        return Math.max(tables.prefHeight(tablesWidth()), chart.minHeight(-1) + gap + curve.minHeight(-1));
    }

    private double narrowHeight(double w) {
        return chart.minHeight(w) + gap + tables.prefHeight(w) + gap + curve.minHeight(w);
    }

    private Mode choose(double w, double h) {
        if (stackedFitsWidth(w) && (h >= stackedHeight() || !columnsFitWidth(w))) {
            return Mode.STACKED;
        }
        return columnsFitWidth(w) ? Mode.COLUMNS : Mode.NARROW;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        mode = choose(w, h);
        switch (mode) {
            case STACKED -> {
                double bottom = bottomHeight();
                double tw = tablesWidth();
                double chartH = Math.max(chart.minHeight(-1), h - bottom - gap);
                chart.resizeRelocate(x, y, w, chartH);
                tables.resizeRelocate(x, y + chartH + gap, tw, bottom);
                curve.resizeRelocate(x + tw + gap, y + chartH + gap, w - tw - gap, bottom);
            }
            case COLUMNS -> {
                double tw = tablesWidth();
                double left = w - tw - gap;
                // The bars take what the loss curve leaves, the curve at most 40 % of the height.
                double curveH = Math.max(curve.minHeight(-1), Math.min(curve.prefHeight(-1), (h - gap) * 0.4));
                double chartH = Math.max(chart.minHeight(-1), h - curveH - gap);
                chart.resizeRelocate(x, y, left, chartH);
                curve.resizeRelocate(x, y + chartH + gap, left, Math.max(curve.minHeight(-1), h - chartH - gap));
                tables.resizeRelocate(x + left + gap, y, tw, tables.prefHeight(tw));
            }
            case NARROW -> {
                double th = tables.prefHeight(w);
                double curveH = curve.minHeight(w);
                double chartH = Math.max(chart.minHeight(w), h - th - curveH - 2 * gap);
                chart.resizeRelocate(x, y, w, chartH);
                tables.resizeRelocate(x, y + chartH + gap, w, th);
                curve.resizeRelocate(x, y + chartH + gap + th + gap, w, curveH);
            }
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(chart.minWidth(-1), tables.minWidth(-1)) + in(true);
    }

    @Override
    protected double computePrefWidth(double height) {
        return tablesWidth() + gap + Math.max(chart.prefWidth(-1), curve.prefWidth(-1)) + in(true);
    }

    @Override
    protected double computeMinHeight(double width) {
        double w = (width < 0 ? getWidth() : width) - in(true);
        double best;
        if (w > 0 && columnsFitWidth(w)) {
            best = columnsHeight();
            if (stackedFitsWidth(w)) {
                best = Math.min(best, stackedHeight());
            }
        } else if (w > 0 && stackedFitsWidth(w)) {
            best = stackedHeight();
        } else {
            best = narrowHeight(w > 0 ? w : -1);
        }
        return best + in(false);
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
    }

    private double in(boolean horizontal) {
        Insets i = getInsets();
        return horizontal ? i.getLeft() + i.getRight() : i.getTop() + i.getBottom();
    }
}
