package org.classifierlab.app.render;

import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A chart drawn on one canvas that fills the region: changes ask for {@link #redraw()}, and a burst of them (live
 * training updates, CSS changes on a theme switch) becomes one drawing on the next pulse; a new size draws at once.
 * Subclasses draw in {@link #draw(GraphicsContext, double, double)}. FX thread only.
 */
public abstract class CanvasChart extends Region {

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

    @Override
    protected void layoutChildren() {
        if (CanvasLayers.resize(getWidth(), getHeight(), canvas)) {
            drawNow();
        }
    }

    /** Draws now, cancelling a drawing waiting for the pulse (tests; the chart draws by itself after changes). */
    public final void drawNow() {
        pulse.stop();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        draw(g, canvas.getWidth(), canvas.getHeight());
    }

    /** Paints the chart on a cleared canvas of {@code width} × {@code height}. */
    protected abstract void draw(GraphicsContext g, double width, double height);
}
