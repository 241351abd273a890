package org.classifierlab.core.images;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.classifierlab.core.Progress;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;

/**
 * Every image of a set ranked by its exact L2 pixel distance to one image (ascending, ties by index), computed
 * with the {@link DistanceEngine} in chunks so a caller sees progress and can cancel: answers "how many
 * training images are nearer than this copy?". Immutable once computed; any thread.
 */
public final class PixelDistanceRow {

    /** Images per engine call: progress and cancellation come between chunks. */
    static final int CHUNK = 5_000;

    private final int[] indices;
    private final long[] squared;

    private PixelDistanceRow(int[] indices, long[] squared) {
        this.indices = indices;
        this.squared = squared;
    }

    /**
     * Ranks the images of {@code refs} by L2 distance to {@code image} (CHW bytes of their shape), leaving out
     * image {@code excludeIndex} (e.g. the image itself when it comes from {@code refs}; −1 for none).
     *
     * @param progress  told the images done after each chunk, on the calling thread
     * @param cancelled polled between chunks and by the engine
     * @throws CancellationException if {@code cancelled} turned true
     */
    public static PixelDistanceRow compute(byte[] image, ImageDataset refs, int excludeIndex, Progress progress,
            BooleanSupplier cancelled) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        int dim = refs.dim();
        if (image.length != dim) {
            throw new IllegalArgumentException("the image has " + image.length + " bytes, the images of "
                    + refs.name() + " " + dim);
        }
        if (excludeIndex < -1 || excludeIndex >= refs.size()) {
            throw new IllegalArgumentException("excluded image " + excludeIndex + " is not in " + refs.name());
        }
        int n = refs.size();
        int kept = excludeIndex >= 0 ? n - 1 : n;
        long[] keys = new long[kept];
        ByteMatrix query = new ByteMatrix(image, 1, dim);
        ByteMatrix all = new ByteMatrix(refs.pixelsShared(), n, dim);
        int out = 0;
        for (int from = 0; from < n; from += CHUNK) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("distances cancelled");
            }
            int to = Math.min(n, from + CHUNK);
            ByteMatrix chunk = all.copyRows(from, to);
            int exFrom = 0;
            int exTo = 0;
            if (excludeIndex >= from && excludeIndex < to) {
                exFrom = excludeIndex - from;
                exTo = exFrom + 1;
            }
            int k = to - from - (exTo - exFrom);
            if (k > 0) {
                NeighbourTable table = DistanceEngine.nearest(query, chunk,
                        DistanceEngine.Options.of(k, Metric.L2).excluding(exFrom, exTo).withCancellation(cancelled));
                for (int j = 0; j < k; j++) {
                    double d = table.distance(0, j);
                    // d is the correctly rounded √ of an exact integer below 2^53, so squaring and rounding
                    // gives that integer back exactly; packed with the index it sorts by (distance, index).
                    keys[out++] = pack(Math.round(d * d), from + table.index(0, j), n);
                }
            }
            progress.update(to, n, "Pixel distances to " + refs.name());
        }
        Arrays.sort(keys);
        int[] indices = new int[kept];
        long[] squared = new long[kept];
        for (int r = 0; r < kept; r++) {
            indices[r] = (int) (keys[r] % n);
            squared[r] = keys[r] / n;
        }
        return new PixelDistanceRow(indices, squared);
    }

    private static long pack(long squaredDistance, int index, int n) {
        // Squared distances are at most dim · 255² (2·10^8 for CIFAR), so squared · n stays far below 2^63.
        return Math.addExact(Math.multiplyExact(squaredDistance, (long) n), index);
    }

    /** Number of images ranked. */
    public int size() {
        return indices.length;
    }

    /** Index in the reference set of the image at {@code rank} (0 = nearest). */
    public int index(int rank) {
        return indices[Objects.checkIndex(rank, indices.length)];
    }

    /** Exact squared L2 distance of the image at {@code rank}. */
    public long squared(int rank) {
        return squared[Objects.checkIndex(rank, squared.length)];
    }

    /** L2 distance of the image at {@code rank}. */
    public double distance(int rank) {
        return Math.sqrt(squared(rank));
    }

    /** How many images lie strictly nearer than squared distance {@code bound}. */
    public int countBelow(long bound) {
        int lo = 0;
        int hi = squared.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (squared[mid] < bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
