package org.classifierlab.core.images;

import java.util.Objects;

/**
 * A picture as {@code 0xAARRGGBB} pixels, row-major ({@code y · width + x}), not premultiplied. Wraps the
 * array without copying (a 50-megapixel photo is 200 MB): nobody may write it once wrapped; then any thread.
 */
public final class ArgbImage {

    private final int width;
    private final int height;
    private final int[] pixels;

    /**
     * @param pixels exactly {@code width · height} pixels; taken over, not copied
     * @throws IllegalArgumentException if a side is below 1 or the array has the wrong length
     */
    public ArgbImage(int width, int height, int[] pixels) {
        Objects.requireNonNull(pixels, "pixels");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("width and height must be positive, were " + width + " and " + height);
        }
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException(width + " × " + height + " needs " + (long) width * height
                    + " pixels, the array has " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** The pixel at ({@code x}, {@code y}) as {@code 0xAARRGGBB}. */
    public int argb(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return pixels[y * width + x];
    }

    /** The backing array, not a copy; read-only by convention. */
    public int[] pixelsShared() {
        return pixels;
    }

    @Override
    public String toString() {
        return "ArgbImage[" + width + "×" + height + "]";
    }
}
