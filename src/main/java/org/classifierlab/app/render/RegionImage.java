package org.classifierlab.app.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Objects;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * A region image shown in an {@link ImageView}, backed by a {@link PixelBuffer}: a worker computes ARGB pixels
 * into its own array and the FX thread copies them in with one {@code updateBuffer} call. FX thread only.
 */
public final class RegionImage {

    private final ImageView view;
    private WritableImage image;
    private PixelBuffer<IntBuffer> pixels;

    public RegionImage(ImageView view) {
        this.view = Objects.requireNonNull(view);
    }

    /** Shows the first {@code width × height} entries of {@code argb} (premultiplied, opaque) in the view. */
    public void show(int[] argb, int width, int height) {
        if (image == null || pixels.getWidth() != width || pixels.getHeight() != height) {
            IntBuffer direct = ByteBuffer.allocateDirect(width * height * Integer.BYTES)
                    .order(ByteOrder.nativeOrder()).asIntBuffer();
            pixels = new PixelBuffer<>(width, height, direct, PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixels);
        }
        IntBuffer buffer = pixels.getBuffer();
        buffer.clear();
        buffer.put(argb, 0, width * height);
        buffer.flip();
        pixels.updateBuffer(b -> null);
        view.setImage(image);
    }
}
