package org.classifierlab.app.gallery;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.classifierlab.core.data.ImageDataset;

/**
 * Images of one image set at their own size (32 × 32 for CIFAR), made on first use and kept in a bounded
 * least-recently-used cache, for grids and neighbour rows that scale them without smoothing. FX thread only.
 */
public final class Thumbnails {

    /** Images kept at most (about 4 KB each for CIFAR). */
    private static final int CAPACITY = 6_000;

    private final ImageDataset set;
    private final Map<Integer, Image> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
            return size() > CAPACITY;
        }
    };

    public Thumbnails(ImageDataset set) {
        this.set = set;
    }

    /** The image set the thumbnails show. */
    public ImageDataset set() {
        return set;
    }

    /** Image {@code i} of the set. */
    public Image get(int i) {
        return cache.computeIfAbsent(i, j -> of(set.argb(j), set.width(), set.height()));
    }

    /** An image of {@code argb} pixels, row-major, {@code width} × {@code height}. */
    public static WritableImage of(int[] argb, int width, int height) {
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }

    /** A CHW uint8 row of {@code set}'s shape as an image (for the user's own, reduced image). */
    public static WritableImage ofRow(byte[] row, int channels, int height, int width) {
        int plane = height * width;
        int[] out = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = row[p] & 0xFF;
            int g = channels == 1 ? r : row[plane + p] & 0xFF;
            int b = channels == 1 ? r : row[2 * plane + p] & 0xFF;
            out[p] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return of(out, width, height);
    }
}
