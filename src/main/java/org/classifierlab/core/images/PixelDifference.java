package org.classifierlab.core.images;

import java.util.Objects;

import org.classifierlab.core.data.ImageDataset;

/**
 * Two uint8 images of the same shape compared pixel by pixel: the image of absolute differences
 * {@code |a − b|} (CHW, like {@link ImageDataset}) and the distances made from it, L1 = Σ|a − b|,
 * squared L2 = Σ(a − b)², L2 and L∞ = max|a − b|, all exact. Also the lecture slide's worked 4×4 example.
 * Immutable; any thread.
 */
public final class PixelDifference {

    /** Side of the slide's worked example. */
    public static final int SLIDE_SIZE = 4;
    /** L1 distance of the slide's example, as the slide adds it up. */
    public static final long SLIDE_L1 = 456;

    private static final int[] SLIDE_TEST = {
        56, 32, 10, 18,
        90, 23, 128, 133,
        24, 26, 178, 200,
        2, 0, 255, 220};
    private static final int[] SLIDE_TRAINING = {
        10, 20, 24, 17,
        8, 10, 89, 100,
        12, 16, 178, 170,
        4, 32, 233, 112};

    private final int channels;
    private final int height;
    private final int width;
    private final byte[] absolute;
    private final long l1;
    private final long squaredL2;
    private final int lInf;

    private PixelDifference(int channels, int height, int width, byte[] absolute) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.absolute = absolute;
        long sum = 0;
        long squares = 0;
        int max = 0;
        for (byte v : absolute) {
            int d = v & 0xFF;
            sum += d;
            squares += (long) d * d;
            max = Math.max(max, d);
        }
        this.l1 = sum;
        this.squaredL2 = squares;
        this.lInf = max;
    }

    /** Image {@code i} of {@code a} against image {@code j} of {@code b}; the two sets must have one shape. */
    public static PixelDifference between(ImageDataset a, int i, ImageDataset b, int j) {
        Objects.checkIndex(i, a.size());
        Objects.checkIndex(j, b.size());
        if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalArgumentException("images differ in shape: " + a.channels() + "×" + a.height() + "×"
                    + a.width() + " and " + b.channels() + "×" + b.height() + "×" + b.width());
        }
        return between(a.pixelsShared(), i * a.dim(), b.pixelsShared(), j * b.dim(), a.channels(), a.height(),
                a.width());
    }

    /** Two whole CHW images of {@code channels × height × width} bytes each. */
    public static PixelDifference between(byte[] a, byte[] b, int channels, int height, int width) {
        int dim = dim(channels, height, width);
        if (a.length != dim || b.length != dim) {
            throw new IllegalArgumentException("a " + channels + "×" + height + "×" + width + " image has " + dim
                    + " bytes; got " + a.length + " and " + b.length);
        }
        return between(a, 0, b, 0, channels, height, width);
    }

    /** The CHW images starting at {@code aOffset} in {@code a} and {@code bOffset} in {@code b}. */
    public static PixelDifference between(byte[] a, int aOffset, byte[] b, int bOffset, int channels, int height,
            int width) {
        int dim = dim(channels, height, width);
        Objects.checkFromIndexSize(aOffset, dim, a.length);
        Objects.checkFromIndexSize(bOffset, dim, b.length);
        byte[] abs = new byte[dim];
        for (int p = 0; p < dim; p++) {
            abs[p] = (byte) Math.abs((a[aOffset + p] & 0xFF) - (b[bOffset + p] & 0xFF));
        }
        return new PixelDifference(channels, height, width, abs);
    }

    /**
     * Two one-channel images given as row-major values (as typed into a grid of cells).
     *
     * @throws IllegalArgumentException naming the first cell whose value is outside 0–255
     */
    public static PixelDifference ofValues(int[] a, int[] b, int height, int width) {
        int dim = dim(1, height, width);
        if (a.length != dim || b.length != dim) {
            throw new IllegalArgumentException("a " + height + "×" + width + " grid has " + dim + " values; got "
                    + a.length + " and " + b.length);
        }
        return between(bytes(a, width, "first"), bytes(b, width, "second"), 1, height, width);
    }

    /** The slide's test image, 4×4 row-major values (a new array each call). */
    public static int[] slideTestImage() {
        return SLIDE_TEST.clone();
    }

    /** The slide's training image, 4×4 row-major values (a new array each call). */
    public static int[] slideTrainingImage() {
        return SLIDE_TRAINING.clone();
    }

    /** The slide's worked example: its test image against its training image (L1 = {@link #SLIDE_L1}). */
    public static PixelDifference slideExample() {
        return ofValues(SLIDE_TEST, SLIDE_TRAINING, SLIDE_SIZE, SLIDE_SIZE);
    }

    private static byte[] bytes(int[] values, int width, String which) {
        byte[] out = new byte[values.length];
        for (int p = 0; p < values.length; p++) {
            int v = values[p];
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("the " + which + " image's value at row " + (p / width + 1)
                        + ", column " + (p % width + 1) + " is " + v + "; pixel values are 0–255");
            }
            out[p] = (byte) v;
        }
        return out;
    }

    private static int dim(int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("channels, height and width must be positive, were " + channels + ", "
                    + height + " and " + width);
        }
        return Math.multiplyExact(Math.multiplyExact(channels, height), width);
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** {@code |a − b|} at channel {@code c}, row {@code y}, column {@code x}, in [0, 255]. */
    public int absolute(int c, int y, int x) {
        Objects.checkIndex(c, channels);
        Objects.checkIndex(y, height);
        Objects.checkIndex(x, width);
        return absolute[(c * height + y) * width + x] & 0xFF;
    }

    /** The absolute-difference image, CHW bytes (a new array each call). */
    public byte[] absoluteImage() {
        return absolute.clone();
    }

    /** Σ|a − b| over channel {@code c} alone. */
    public long channelL1(int c) {
        Objects.checkIndex(c, channels);
        long sum = 0;
        int plane = height * width;
        for (int p = c * plane; p < (c + 1) * plane; p++) {
            sum += absolute[p] & 0xFF;
        }
        return sum;
    }

    /** L1 (Manhattan) distance: the sum of the absolute differences. */
    public long l1() {
        return l1;
    }

    /** Squared L2 distance: the sum of the squared differences, exact. */
    public long squaredL2() {
        return squaredL2;
    }

    /** L2 (Euclidean) distance: √(squared L2). */
    public double l2() {
        return Math.sqrt(squaredL2);
    }

    /** L∞ (Chebyshev) distance: the largest absolute difference. */
    public int lInf() {
        return lInf;
    }

    /** Squared L2 distance between two CHW byte images of equal length, without building the difference. */
    public static long squaredL2(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("images have " + a.length + " and " + b.length + " bytes");
        }
        long s = 0;
        for (int p = 0; p < a.length; p++) {
            int d = (a[p] & 0xFF) - (b[p] & 0xFF);
            s += d * d;
        }
        return s;
    }
}
