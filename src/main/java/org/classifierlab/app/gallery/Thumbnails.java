package org.classifierlab.app.gallery;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.classifierlab.core.data.ImageDataset;

/**
 * Images of one image set enlarged by a whole factor with every pixel a sharp square (pixel replication, so no
 * rendering pipeline can blur them), made on first use and kept in a bounded least-recently-used cache. FX thread
 * only.
 */
public final class Thumbnails {

    /** Images kept at most (16 KB each for CIFAR at 2×). */
    private static final int CAPACITY = 3_000;

    private final ImageDataset set;
    private final Map<Long, Image> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
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

    /** Image {@code i} of the set, {@code scale} times its size (1 … 16). */
    public Image get(int i, int scale) {
        return cache.computeIfAbsent((long) i << 5 | scale, key -> scaled(set.argb(i), set.width(), set.height(), scale));
    }

    /** {@code argb} ({@code width} × {@code height}, row-major) with every pixel repeated {@code scale} × {@code scale} times. */
    public static WritableImage scaled(int[] argb, int width, int height, int scale) {
        if (scale < 1 || scale > 16) {
            throw new IllegalArgumentException("scale must be 1 to 16, was " + scale);
        }
        if (scale == 1) {
            return of(argb, width, height);
        }
        int w = width * scale;
        int[] out = new int[w * height * scale];
        for (int y = 0; y < height; y++) {
            int row = y * scale * w;
            for (int x = 0; x < width; x++) {
                java.util.Arrays.fill(out, row + x * scale, row + (x + 1) * scale, argb[y * width + x]);
            }
            for (int r = 1; r < scale; r++) {
                System.arraycopy(out, row, out, row + r * w, w);
            }
        }
        return of(out, w, height * scale);
    }

    /** An image of {@code argb} pixels, row-major, {@code width} × {@code height}. */
    public static WritableImage of(int[] argb, int width, int height) {
        WritableImage img = new WritableImage(width, height);
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }
}
