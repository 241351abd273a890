package org.classifierlab.app.gallery;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * A virtualised grid of image thumbnails drawn on one canvas: only the visible rows are drawn, so 10,000 or 50,000
 * images scroll as smoothly as 50; every thumbnail is a whole-number enlargement with sharp pixels, a strip in its
 * class colour below it and a frame when it is the selected one. Clicking a thumbnail reports its item. Replaces
 * ControlsFX's GridView, whose row skins lay out cells during the layout pass and left the rest of the window
 * waiting for a layout that never came (see docs/decisions/0013). FX thread only.
 */
public final class ThumbnailGrid extends Region {

    private static final double GAP = 4;
    private static final double STRIP = 4;
    private static final double FRAME = 3;

    private final Canvas canvas = new Canvas();
    private final ScrollBar bar = new ScrollBar();
    private final Tooltip tip = new Tooltip();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private List<Integer> items = List.of();
    private Thumbnails thumbnails;
    private int scale = 2;
    private int hovered = -1;
    private IntConsumer onPick = i -> { };
    private Color frameColor = Color.web("#0072b2");
    private Color background = Color.WHITE;

    public ThumbnailGrid() {
        getStyleClass().add("thumbnail-grid");
        bar.setOrientation(Orientation.VERTICAL);
        bar.valueProperty().addListener(o -> draw());
        getChildren().addAll(canvas, bar);
        selected.addListener(o -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int item = itemAt(e.getX(), e.getY());
            if (item >= 0) {
                onPick.accept(item);
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(itemAt(e.getX(), e.getY())));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1));
        addEventHandler(ScrollEvent.SCROLL, e -> {
            bar.setValue(clamp(bar.getValue() - e.getDeltaY(), bar.getMin(), bar.getMax()));
            e.consume();
        });
        tip.setShowDelay(Duration.millis(300));
        Tooltip.install(canvas, tip);
        setMinSize(0, 0);
    }

    /** Shows {@code shown} (item numbers of {@code thumbs}' image set) in order, {@code scale} times their size. */
    public void show(Thumbnails thumbs, List<Integer> shown, int enlargement) {
        thumbnails = thumbs;
        items = List.copyOf(shown);
        scale = enlargement;
        hovered = -1;
        layoutBar();
        draw();
    }

    /** Colours for the selection frame and the background (from the theme). */
    public void setColors(Color frame, Color back) {
        frameColor = frame;
        background = back;
        draw();
    }

    /** The item shown framed, -1 for none. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Called with an item when its thumbnail is clicked. */
    public void setOnPick(IntConsumer action) {
        onPick = action;
    }

    /** Scrolls so that {@code item} is visible. */
    public void scrollTo(int item) {
        int at = items.indexOf(item);
        if (at < 0) {
            return;
        }
        double top = (at / columns()) * cellHeight();
        if (top < bar.getValue()) {
            bar.setValue(top);
        } else if (top + cellHeight() > bar.getValue() + canvas.getHeight()) {
            bar.setValue(clamp(top + cellHeight() - canvas.getHeight(), bar.getMin(), bar.getMax()));
        }
    }

    /** The item at canvas position (x, y), -1 where there is none. */
    public int itemAt(double x, double y) {
        if (thumbnails == null) {
            return -1;
        }
        int col = (int) ((x - GAP) / cellWidth());
        int row = (int) ((y + bar.getValue() - GAP) / cellHeight());
        if (col < 0 || col >= columns() || x < GAP || y < 0) {
            return -1;
        }
        double inX = x - GAP - col * cellWidth();
        if (inX > imageWidth() + 2 * FRAME) {
            return -1;
        }
        int index = row * columns() + col;
        return index >= 0 && index < items.size() ? items.get(index) : -1;
    }

    /** Canvas position of the top-left corner of {@code item}'s image, or null if it is not shown. */
    public javafx.geometry.Point2D positionOf(int item) {
        int at = items.indexOf(item);
        if (at < 0) {
            return null;
        }
        int col = at % columns();
        int row = at / columns();
        return new javafx.geometry.Point2D(GAP + col * cellWidth() + FRAME, GAP + row * cellHeight() + FRAME - bar.getValue());
    }

    private void hover(int item) {
        if (item == hovered) {
            return;
        }
        hovered = item;
        if (item < 0 || thumbnails == null) {
            tip.setText("");
            tip.hide();
        } else {
            tip.setText(String.format(Locale.ROOT, "#%d · %s", item,
                    thumbnails.set().classNames().get(thumbnails.set().label(item))));
        }
    }

    private double imageWidth() {
        return thumbnails == null ? 64 : thumbnails.set().width() * scale;
    }

    private double imageHeight() {
        return thumbnails == null ? 64 : thumbnails.set().height() * scale;
    }

    private double cellWidth() {
        return imageWidth() + 2 * FRAME + GAP;
    }

    private double cellHeight() {
        return imageHeight() + 2 * FRAME + STRIP + GAP;
    }

    /** Thumbnails per row at the current width. */
    public int columns() {
        return Math.max(1, (int) ((canvas.getWidth() - GAP) / cellWidth()));
    }

    private void layoutBar() {
        int rows = (items.size() + columns() - 1) / columns();
        double content = rows * cellHeight() + GAP;
        double max = Math.max(0, content - canvas.getHeight());
        bar.setMin(0);
        bar.setMax(max);
        bar.setVisibleAmount(max == 0 ? 1 : canvas.getHeight() * max / Math.max(1, content));
        bar.setUnitIncrement(cellHeight() / 2);
        bar.setBlockIncrement(Math.max(cellHeight(), canvas.getHeight() - cellHeight()));
        bar.setValue(clamp(bar.getValue(), 0, max));
        bar.setDisable(max == 0);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bw = bar.prefWidth(-1);
        bar.resizeRelocate(w - bw, 0, bw, h);
        double cw = Math.max(0, w - bw);
        if (canvas.getWidth() != cw || canvas.getHeight() != h) {
            canvas.setWidth(cw);
            canvas.setHeight(h);
            layoutBar();
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 4 * 70 + bar.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        if (thumbnails == null || items.isEmpty()) {
            return;
        }
        g.setImageSmoothing(false);
        int cols = columns();
        double ch = cellHeight();
        double cw = cellWidth();
        int firstRow = (int) Math.floor((bar.getValue() - GAP) / ch);
        int lastRow = (int) Math.floor((bar.getValue() + h) / ch);
        int classes = thumbnails.set().classCount();
        for (int row = Math.max(0, firstRow); row <= lastRow; row++) {
            for (int col = 0; col < cols; col++) {
                int at = row * cols + col;
                if (at >= items.size()) {
                    return;
                }
                int item = items.get(at);
                double x = GAP + col * cw;
                double y = GAP + row * ch - bar.getValue();
                if (item == selected.get()) {
                    g.setFill(frameColor);
                    g.fillRect(x, y, imageWidth() + 2 * FRAME, imageHeight() + 2 * FRAME + STRIP);
                }
                g.drawImage(thumbnails.get(item, scale), x + FRAME, y + FRAME);
                g.setFill(ImageClassColors.of(thumbnails.set().label(item), classes));
                g.fillRect(x + FRAME, y + FRAME + imageHeight(), imageWidth(), STRIP);
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
