package org.classifierlab.app.render;

import javafx.scene.canvas.Canvas;

/**
 * The canvas layers of a {@link HiResPicture} region and its picture state: {@link #begin} enlarges their buffers to
 * the picture's scale and redraws, {@link #end} puts them back and redraws; while a picture is being taken,
 * {@link #taking()} tells the region's layout to leave the layers' sizes alone. FX thread only.
 */
public final class PictureLayers {

    private final Runnable redraw;
    private final Canvas[] layers;
    private double scale = 1;

    /** Layers redrawn by {@code redraw} (which draws in layout units on the layers' current buffers). */
    public PictureLayers(Runnable redraw, Canvas... layers) {
        this.redraw = redraw;
        this.layers = layers.clone();
    }

    /** Redraws the layers at {@code scale} buffer pixels per layout unit, for a region of {@code width} × {@code height}. */
    public void begin(double scale, double width, double height) {
        this.scale = scale;
        for (Canvas c : layers) {
            HiResPicture.enlarge(c, width, height, scale);
        }
        redraw.run();
    }

    /** Back to screen resolution, for a region of {@code width} × {@code height}. */
    public void end(double width, double height) {
        scale = 1;
        for (Canvas c : layers) {
            HiResPicture.restore(c, width, height);
        }
        redraw.run();
    }

    /** Whether a picture is being taken (layout keeps its hands off the layers). */
    public boolean taking() {
        return scale != 1;
    }

    /** Buffer pixels per layout unit: 1 on screen. */
    public double scale() {
        return scale;
    }
}
