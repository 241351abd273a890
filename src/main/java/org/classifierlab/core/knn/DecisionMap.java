package org.classifierlab.core.knn;

import java.util.Objects;

/**
 * Reusable output buffers for a width × height decision grid: the class of every pixel (-1 =
 * undecided) and its confidence, row-major ({@code index = row * width + col}). Mutable and not
 * synchronised: owned by one thread at a time and handed over by the caller.
 */
public final class DecisionMap {

    private int width;
    private int height;
    private byte[] labels;
    private float[] confidence;

    /**
     * Creates buffers for a {@code width × height} grid.
     *
     * @throws IllegalArgumentException if a dimension is negative or the area exceeds an array
     */
    public DecisionMap(int width, int height) {
        int area = area(width, height);
        this.width = width;
        this.height = height;
        this.labels = new byte[area];
        this.confidence = new float[area];
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /**
     * The backing class buffer (not a copy): the first {@code width × height} entries hold the class
     * of each pixel, -1 for undecided; after shrinking {@link #resize} the array may be longer.
     */
    public byte[] labels() {
        return labels;
    }

    /** The backing confidence buffer (not a copy), laid out like {@link #labels()}. */
    public float[] confidence() {
        return confidence;
    }

    /**
     * Changes the dimensions, reallocating the buffers only when their capacity is too small. The
     * contents are unspecified afterwards.
     */
    public void resize(int width, int height) {
        int area = area(width, height);
        if (area > labels.length) {
            labels = new byte[area];
            confidence = new float[area];
        }
        this.width = width;
        this.height = height;
    }

    /** Class of pixel (col, row), -1 if undecided. */
    public int labelAt(int col, int row) {
        return labels[offset(col, row)];
    }

    /** Confidence of pixel (col, row). */
    public float confidenceAt(int col, int row) {
        return confidence[offset(col, row)];
    }

    private int offset(int col, int row) {
        Objects.checkIndex(col, width);
        Objects.checkIndex(row, height);
        return row * width + col;
    }

    private static int area(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("dimensions must not be negative, were " + width + "×" + height);
        }
        long area = (long) width * height;
        if (area > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid too large: " + width + "×" + height);
        }
        return (int) area;
    }
}
