package org.classifierlab.app.render;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.transform.Scale;

/**
 * A region drawn on canvases that can draw itself again at a higher resolution for an exported picture, so a 2×
 * PNG has sharp lines and text instead of an enlarged bitmap. {@link LessonPicture#snapshot(javafx.scene.Node,
 * double)} calls {@link #beginPicture} on every such region in the picture, takes the snapshot, then calls
 * {@link #endPicture}; all within one FX-thread call, so the screen never shows the enlarged state. FX thread only.
 */
public interface HiResPicture {

    /** Redraws at {@code scale} device pixels per layout unit (its layout size stays the same). */
    void beginPicture(double scale);

    /** Goes back to drawing at screen resolution. */
    void endPicture();

    /**
     * Gives {@code layer} a buffer of {@code scale} × its layout size, drawn at that scale (its drawing code keeps
     * using layout units) and shown shrunk back to its layout size.
     */
    static void enlarge(Canvas layer, double width, double height, double scale) {
        layer.setWidth(width * scale);
        layer.setHeight(height * scale);
        layer.getTransforms().setAll(new Scale(1 / scale, 1 / scale, 0, 0));
        GraphicsContext g = layer.getGraphicsContext2D();
        g.setTransform(scale, 0, 0, scale, 0, 0);
    }

    /** Undoes {@link #enlarge}: a buffer of the layout size, drawn one to one. */
    static void restore(Canvas layer, double width, double height) {
        layer.getTransforms().clear();
        layer.getGraphicsContext2D().setTransform(1, 0, 0, 1, 0, 0);
        layer.setWidth(width);
        layer.setHeight(height);
    }
}
