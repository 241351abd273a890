package org.classifierlab.app.gallery;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.classifierlab.app.theme.Theme;

/**
 * Small pieces the pixel-distance panels share: CHW bytes to an image, and image views that scale pixels up as
 * blocks (never smoothed). FX thread only, except {@link #argb}, which any thread may call.
 */
final class PixelTiles {

    private PixelTiles() {
    }

    /** Opaque ARGB, row-major, of a CHW uint8 image of 1 (grey) or 3 (RGB) channels. */
    static int[] argb(byte[] chw, int channels, int height, int width) {
        int plane = height * width;
        int[] out = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = chw[p] & 0xFF;
            int g = channels == 3 ? chw[plane + p] & 0xFF : r;
            int b = channels == 3 ? chw[2 * plane + p] & 0xFF : r;
            out[p] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** A new image of {@code width × height} ARGB pixels. */
    static WritableImage image(int[] argb, int width, int height) {
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }

    /** An image view showing pixels as sharp blocks, {@code id} for tests. */
    static ImageView view(String id) {
        ImageView v = new ImageView();
        v.setSmooth(false);
        v.setPreserveRatio(true);
        v.setId(id);
        v.getStyleClass().add("pixel-tile");
        return v;
    }

    /** Side in layout pixels of an image tile: larger on the projector. */
    static double tileSide(Theme theme) {
        return theme == Theme.PROJECTOR ? 192 : 160;
    }
}
