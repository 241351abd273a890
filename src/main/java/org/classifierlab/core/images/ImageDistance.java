package org.classifierlab.core.images;

import java.util.Objects;

import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.Metric;

/**
 * The exact integer distance key between two uint8 images: the L1 sum, the L2 <em>squared</em> sum (the
 * distance is its square root) or the L∞ maximum of the absolute pixel differences. Used to print distances
 * exactly, e.g. "1234.5678 (√1524156)". Stateless; any thread.
 */
public final class ImageDistance {

    private ImageDistance() {
    }

    /** The key between image {@code q} of {@code queries} and image {@code r} of {@code refs}. */
    public static long key(ImageDataset queries, int q, ImageDataset refs, int r, Metric metric) {
        Objects.checkIndex(q, queries.size());
        Objects.checkIndex(r, refs.size());
        if (queries.dim() != refs.dim()) {
            throw new IllegalArgumentException("images of " + queries.dim() + " and " + refs.dim()
                    + " values cannot be compared");
        }
        int d = queries.dim();
        return key(queries.pixelsShared(), q * d, refs.pixelsShared(), r * d, d, metric);
    }

    /** The key between {@code a[aOffset …]} and {@code b[bOffset …]}, {@code length} unsigned bytes each. */
    public static long key(byte[] a, int aOffset, byte[] b, int bOffset, int length, Metric metric) {
        Objects.checkFromIndexSize(aOffset, length, a.length);
        Objects.checkFromIndexSize(bOffset, length, b.length);
        Objects.requireNonNull(metric, "metric");
        long key = 0;
        for (int i = 0; i < length; i++) {
            int diff = Math.abs((a[aOffset + i] & 0xFF) - (b[bOffset + i] & 0xFF));
            switch (metric) {
                case L1 -> key += diff;
                case L2 -> key += (long) diff * diff;
                case LINF -> key = Math.max(key, diff);
            }
        }
        return key;
    }

    /** The distance of a key: its square root for L2, the key itself otherwise. */
    public static double distance(long key, Metric metric) {
        return metric.distanceFromRank(key);
    }
}
