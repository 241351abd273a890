package org.classifierlab.app.render;

import javafx.scene.canvas.Canvas;

/** The canvas layers of a canvas-drawn region follow the region's size. FX thread only. */
public final class CanvasLayers {

    private CanvasLayers() {
    }

    /**
     * Sizes {@code layers} (all of one size, the first one telling) to {@code width} × {@code height}; true if
     * they had another size, so the caller redraws them.
     */
    public static boolean resize(double width, double height, Canvas... layers) {
        if (layers[0].getWidth() == width && layers[0].getHeight() == height) {
            return false;
        }
        for (Canvas layer : layers) {
            layer.setWidth(width);
            layer.setHeight(height);
        }
        return true;
    }
}
