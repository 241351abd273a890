package org.classifierlab.app.render;

import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A chart drawn on one canvas that fills the region: changes ask for {@link #redraw()}, and a burst of them (live
 * training updates, CSS changes on a theme switch) becomes one drawing on the next pulse; a new size draws at once.
 * Subclasses draw in {@link #draw(Pen, double, double)} (a canvas on screen, {@link SvgPen} for SVG). FX thread only.
 */
public abstract class CanvasChart extends Region implements HiResPicture, SvgChart {

    private final Canvas canvas = new Canvas();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawNow();
        }
    };

    protected CanvasChart() {
        getChildren().add(canvas);
    }

    /** Draws on the next pulse (once, however often it is called before). */
    protected final void redraw() {
        pulse.start();
    }

    private final PictureLayers picture = new PictureLayers(this::drawNow, canvas);

    @Override
    protected void layoutChildren() {
        if (!picture.taking() && CanvasLayers.resize(getWidth(), getHeight(), canvas)) {
            drawNow();
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

    /** Draws now, cancelling a drawing waiting for the pulse (tests; the chart draws by itself after changes). */
    public final void drawNow() {
        pulse.stop();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth() / picture.scale();
        double h = canvas.getHeight() / picture.scale();
        g.clearRect(0, 0, w, h);
        draw(Pen.of(g), w, h);
    }

    /** Paints the chart on a cleared canvas of {@code width} × {@code height}. */
    protected abstract void draw(Pen g, double width, double height);

    /** The chart as SVG, drawn by the same {@link #draw} at its size on screen. */
    @Override
    public String toSvg() {
        SvgPen pen = new SvgPen(getWidth(), getHeight());
        draw(pen, getWidth(), getHeight());
        return pen.toSvg();
    }
}
