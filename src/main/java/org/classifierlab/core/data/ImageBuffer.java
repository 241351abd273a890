package org.classifierlab.core.data;

import java.util.Arrays;
import java.util.List;

/**
 * Collects the batches of one split into the arrays that become its {@link ImageDataset}: sized once from the
 * expected count, so batches of the expected size are copied in once and the arrays handed over as they are.
 * Single thread.
 */
final class ImageBuffer {

    private final int dim;
    private byte[] pixels;
    private int[] labels;
    private int size;

    ImageBuffer(int dim, int capacity) {
        this.dim = dim;
        this.pixels = new byte[Math.multiplyExact(dim, capacity)];
        this.labels = new int[capacity];
    }

    /** Appends a batch, growing the arrays only if it does not fit. */
    void add(byte[] batchPixels, int[] batchLabels) {
        int first = size;
        int needed = Math.addExact(size, batchLabels.length);
        if (needed > labels.length) {
            pixels = Arrays.copyOf(pixels, Math.multiplyExact(needed, dim));
            labels = Arrays.copyOf(labels, needed);
        }
        System.arraycopy(batchPixels, 0, pixels, first * dim, batchPixels.length);
        System.arraycopy(batchLabels, 0, labels, first, batchLabels.length);
        size = needed;
    }

    /** The images added so far; hands over the arrays (trimmed only if fewer images came than expected). */
    ImageDataset build(String name, int channels, int height, int width, List<String> classNames, String source) {
        byte[] px = size == labels.length ? pixels : Arrays.copyOf(pixels, size * dim);
        int[] lb = size == labels.length ? labels : Arrays.copyOf(labels, size);
        return new ImageDataset(name, channels, height, width, px, lb, classNames, source);
    }
}
