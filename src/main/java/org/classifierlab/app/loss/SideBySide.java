package org.classifierlab.app.loss;

import java.util.function.DoubleSupplier;

import javafx.geometry.Insets;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Lays out a main region and a side region side by side when the main one keeps at least its minimum width,
 * and the side one below the main one otherwise (a narrow window, a projector's large type). Heights are
 * asked for at the widths the regions will get, so wrapped text gets its lines. FX thread only.
 */
final class SideBySide extends Pane {

    private final Region main;
    private final Region side;
    private final DoubleSupplier mainMinWidth;
    private final double gap;
    private final boolean sideFirst;

    /**
     * @param sideFirst whether the side region goes left of (or above) the main one instead of right of
     *                  (or below) it
     */
    SideBySide(Region main, Region side, DoubleSupplier mainMinWidth, double gap, boolean sideFirst) {
        this.main = main;
        this.side = side;
        this.mainMinWidth = mainMinWidth;
        this.gap = gap;
        this.sideFirst = sideFirst;
        getChildren().addAll(main, side);
    }

    private boolean wide(double width) {
        return width - sideWidth() - gap >= mainMinWidth.getAsDouble();
    }

    private double sideWidth() {
        return Math.max(side.minWidth(-1), side.prefWidth(-1));
    }

    private double horizontal() {
        Insets i = getInsets();
        return i.getLeft() + i.getRight();
    }

    private double vertical() {
        Insets i = getInsets();
        return i.getTop() + i.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - horizontal();
        double h = getHeight() - vertical();
        if (wide(w)) {
            double sideW = sideWidth();
            double mainW = w - sideW - gap;
            main.resizeRelocate(sideFirst ? x + sideW + gap : x, y, mainW, h);
            side.resizeRelocate(sideFirst ? x : x + mainW + gap, y, sideW, h);
        } else {
            double sideH = side.prefHeight(w);
            double mainH = Math.max(main.minHeight(w), h - sideH - gap);
            main.resizeRelocate(x, sideFirst ? y + sideH + gap : y, w, mainH);
            side.resizeRelocate(x, sideFirst ? y : y + mainH + gap, w, sideH);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return mainMinWidth.getAsDouble() + gap + sideWidth() + horizontal();
    }

    @Override
    protected double computeMinWidth(double height) {
        return Math.max(main.minWidth(-1), side.minWidth(-1)) + horizontal();
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(width, false);
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(width, true);
    }

    private double height(double width, boolean min) {
        double w = (width < 0 ? getWidth() : width) - horizontal();
        if (w <= 0) {
            return (min ? main.minHeight(-1) : main.prefHeight(-1)) + vertical();
        }
        if (wide(w)) {
            double sideW = sideWidth();
            double mainW = w - sideW - gap;
            return Math.max(min ? main.minHeight(mainW) : main.prefHeight(mainW), side.prefHeight(sideW))
                    + vertical();
        }
        return (min ? main.minHeight(w) : main.prefHeight(w)) + gap + side.prefHeight(w) + vertical();
    }
}
