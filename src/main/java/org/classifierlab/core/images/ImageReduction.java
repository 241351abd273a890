package org.classifierlab.core.images;

import java.util.Arrays;
import java.util.Objects;

import org.classifierlab.core.data.ImageDataset;

/**
 * Reduces any picture to a dataset's image shape so it can be queried like a test image: centre crop to
 * the target aspect ratio, exact area averaging, transparent pixels composited on white, grey by ITU-R
 * BT.601 luma; the result is uint8 CHW bytes laid out like one {@link ImageDataset} row. Stateless; any
 * thread; inputs are only read.
 */
public final class ImageReduction {

    /*
     * Exactness. The crop is continuous (a 3 × 2 picture cropped square keeps columns 0.5 … 2.5), and every
     * boundary - of source pixels, of the crop and of the output pixels - falls on an integer multiple of a
     * unit chosen per axis (1 / (2 · target height) of a source pixel along x when the width is cropped, for
     * instance). Each source pixel therefore weighs an integer number of units² in each output pixel, and
     * the weighted sums are exact longs. Colours are composited on white as 255 · c' = c·a + 255·(255 − a),
     * also an integer, so a channel value is the exact rational Σ w · 255c' / (255 · Σ w), rounded once to
     * the nearest integer (halves up). Luma is formed from the exact channel sums before that one rounding.
     * Averaging is on the stored (gamma-encoded sRGB) values, as PIL's resize and most image tools do.
     */

    /** BT.601 luma weights in thousandths: L = (299 R + 587 G + 114 B) / 1000, PIL's "L" conversion. */
    public static final int LUMA_RED = 299;
    /** See {@link #LUMA_RED}. */
    public static final int LUMA_GREEN = 587;
    /** See {@link #LUMA_RED}. */
    public static final int LUMA_BLUE = 114;

    private static final long LUMA_TOTAL = 1000;
    private static final long MAX_COMPOSITED = 255L * 255;

    private ImageReduction() {
    }

    /**
     * The part of a {@code width × height} picture that {@link #reduce} keeps, in source pixel coordinates
     * (fractional where the crop splits a pixel). Immutable; any thread.
     */
    public record Crop(double x, double y, double width, double height) {
    }

    /** The centred region of the target's aspect ratio (width : height) that a reduction keeps. */
    public static Crop centreCrop(int width, int height, int targetWidth, int targetHeight) {
        checkSides(width, height, targetWidth, targetHeight);
        long wide = (long) width * targetHeight;
        long tall = (long) height * targetWidth;
        if (wide > tall) {
            double w = (double) height * targetWidth / targetHeight;
            return new Crop((width - w) / 2, 0, w, height);
        }
        if (tall > wide) {
            double h = (double) width * targetHeight / targetWidth;
            return new Crop(0, (height - h) / 2, width, h);
        }
        return new Crop(0, 0, width, height);
    }

    /** {@link #reduce(int[], int, int, int, int, int)} of {@code image} to the shape of {@code like}'s images. */
    public static byte[] reduce(ArgbImage image, ImageDataset like) {
        return reduce(image.pixelsShared(), image.width(), image.height(), like.channels(), like.height(), like.width());
    }

    /**
     * The picture reduced to {@code channels × targetHeight × targetWidth} uint8 values, channel-major
     * (CHW: red plane, green plane, blue plane; or one grey plane), as an {@link ImageDataset} stores an
     * image. Works for any sizes, upscaling included.
     *
     * @param argb     {@code 0xAARRGGBB}, not premultiplied, row-major, {@code width · height} long
     * @param channels 3 for RGB, 1 for grey (BT.601 luma, see {@link #LUMA_RED})
     * @return a new array of {@code channels · targetHeight · targetWidth} bytes
     * @throws IllegalArgumentException for non-positive sides, a wrong array length or other channel counts
     */
    public static byte[] reduce(int[] argb, int width, int height, int channels, int targetHeight, int targetWidth) {
        Objects.requireNonNull(argb, "argb");
        checkSides(width, height, targetWidth, targetHeight);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        if ((long) width * height != argb.length) {
            throw new IllegalArgumentException(width + " × " + height + " needs " + (long) width * height
                    + " pixels, the array has " + argb.length);
        }
        Axis xs;
        Axis ys;
        long wide = (long) width * targetHeight;
        long tall = (long) height * targetWidth;
        if (wide > tall) {
            xs = new Axis(width, targetWidth, 2L * targetHeight, wide - tall, 2L * height);
            ys = new Axis(height, targetHeight, targetHeight, 0, height);
        } else if (tall > wide) {
            xs = new Axis(width, targetWidth, targetWidth, 0, width);
            ys = new Axis(height, targetHeight, 2L * targetWidth, tall - wide, 2L * width);
        } else {
            xs = new Axis(width, targetWidth, targetWidth, 0, width);
            ys = new Axis(height, targetHeight, targetHeight, 0, height);
        }
        long area;
        try {
            area = Math.multiplyExact(xs.step, ys.step);
            // Bound of 2 · numerator + denominator in rounded(): every sum stays below it.
            Math.multiplyExact(area, 4 * LUMA_TOTAL * MAX_COMPOSITED);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a " + width + " × " + height + " picture is too large to reduce to "
                    + targetWidth + " × " + targetHeight + " exactly", e);
        }
        int plane = targetHeight * targetWidth;
        byte[] out = new byte[channels * plane];
        long[] sums = new long[3 * targetWidth];
        int xFrom = xs.first[0];
        int xTo = xs.first[targetWidth - 1] + xs.weights[targetWidth - 1].length;
        int[] red = new int[width];
        int[] green = new int[width];
        int[] blue = new int[width];
        for (int i = 0; i < targetHeight; i++) {
            Arrays.fill(sums, 0);
            long[] rowWeights = ys.weights[i];
            for (int r = 0; r < rowWeights.length; r++) {
                int y = ys.first[i] + r;
                long wy = rowWeights[r];
                composite(argb, y * width, xFrom, xTo, red, green, blue);
                for (int j = 0; j < targetWidth; j++) {
                    long[] colWeights = xs.weights[j];
                    int x0 = xs.first[j];
                    long sr = 0;
                    long sg = 0;
                    long sb = 0;
                    for (int c = 0; c < colWeights.length; c++) {
                        long wx = colWeights[c];
                        sr += wx * red[x0 + c];
                        sg += wx * green[x0 + c];
                        sb += wx * blue[x0 + c];
                    }
                    sums[3 * j] += wy * sr;
                    sums[3 * j + 1] += wy * sg;
                    sums[3 * j + 2] += wy * sb;
                }
            }
            for (int j = 0; j < targetWidth; j++) {
                long sr = sums[3 * j];
                long sg = sums[3 * j + 1];
                long sb = sums[3 * j + 2];
                int p = i * targetWidth + j;
                if (channels == 3) {
                    long d = 255 * area;
                    out[p] = (byte) rounded(sr, d);
                    out[plane + p] = (byte) rounded(sg, d);
                    out[2 * plane + p] = (byte) rounded(sb, d);
                } else {
                    out[p] = (byte) rounded(LUMA_RED * sr + LUMA_GREEN * sg + LUMA_BLUE * sb, 255 * LUMA_TOTAL * area);
                }
            }
        }
        return out;
    }

    /**
     * CHW uint8 values (as {@link #reduce} returns) as opaque {@code 0xAARRGGBB} pixels, row-major, grey for one
     * channel: to show the reduced picture. A new array.
     */
    public static int[] toArgb(byte[] chw, int channels, int height, int width) {
        Objects.requireNonNull(chw, "chw");
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        int plane = Math.multiplyExact(height, width);
        if (chw.length != channels * (long) plane) {
            throw new IllegalArgumentException(channels + " × " + height + " × " + width + " needs "
                    + channels * (long) plane + " values, the array has " + chw.length);
        }
        int[] out = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = chw[p] & 0xFF;
            int g = channels == 3 ? chw[plane + p] & 0xFF : r;
            int b = channels == 3 ? chw[2 * plane + p] & 0xFF : r;
            out[p] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** 255 × the colour composited on white of pixels [from, to) of the row starting at {@code base}. */
    private static void composite(int[] argb, int base, int from, int to, int[] red, int[] green, int[] blue) {
        for (int x = from; x < to; x++) {
            int px = argb[base + x];
            int a = px >>> 24;
            int white = 255 * (255 - a);
            red[x] = (px >>> 16 & 0xFF) * a + white;
            green[x] = (px >>> 8 & 0xFF) * a + white;
            blue[x] = (px & 0xFF) * a + white;
        }
    }

    /** numerator / denominator rounded to the nearest integer, halves up, clamped to [0, 255]. */
    private static int rounded(long numerator, long denominator) {
        long q = (2 * numerator + denominator) / (2 * denominator);
        return (int) Math.min(255, Math.max(0, q));
    }

    private static void checkSides(int width, int height, int targetWidth, int targetHeight) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("the picture's sides must be positive, were " + width + " × " + height);
        }
        if (targetWidth < 1 || targetHeight < 1) {
            throw new IllegalArgumentException("the target's sides must be positive, were " + targetWidth + " × "
                    + targetHeight);
        }
    }

    /**
     * One axis in integer units: source pixel s spans [s · pixel, (s + 1) · pixel), output pixel j spans
     * [begin + j · step, begin + (j + 1) · step). For each output pixel, the first source pixel it touches and
     * the overlap of each touched source pixel, in units.
     */
    private static final class Axis {
        final long step;
        final int[] first;
        final long[][] weights;

        Axis(int sourceSize, int targetSize, long pixel, long begin, long step) {
            this.step = step;
            first = new int[targetSize];
            weights = new long[targetSize][];
            for (int j = 0; j < targetSize; j++) {
                long lo = begin + j * step;
                long hi = lo + step;
                int s0 = (int) (lo / pixel);
                int s1 = (int) Math.min(sourceSize, (hi + pixel - 1) / pixel);
                long[] w = new long[s1 - s0];
                for (int s = s0; s < s1; s++) {
                    w[s - s0] = Math.min(hi, (s + 1) * pixel) - Math.max(lo, s * pixel);
                }
                first[j] = s0;
                weights[j] = w;
            }
        }
    }
}
