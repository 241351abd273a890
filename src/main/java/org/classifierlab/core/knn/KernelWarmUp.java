package org.classifierlab.core.knn;

import java.util.Random;
import java.util.function.BooleanSupplier;

import org.classifierlab.core.Progress;

/**
 * Compiles the distance kernels before they are needed. The engine's Vector API loops run interpreted until the JIT
 * has seen them often enough, and interpreted they are some hundred times slower: a studio's first neighbour search
 * over the 5,000-image sample took 2.4–3.2 s, the next ones milliseconds. {@link #run} searches a small set of
 * synthetic photo-like images (smooth colour fields with noise, so the pruning levels work as on real pictures) with
 * brute force and with a pruned index, every metric, so the same code is compiled when the user's first query comes.
 * Any thread; meant for a background daemon thread at start-up.
 */
public final class KernelWarmUp {

    private KernelWarmUp() {
    }

    /**
     * Runs the warm-up for images of {@code channels} × {@code height} × {@code width}; returns early, with nothing
     * kept, once {@code cancelled} says so.
     */
    public static void run(int channels, int height, int width, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            return;
        }
        ByteMatrix images = photoLike(1_200, channels, height, width, new Random(231));
        try {
            ByteMatrix queries = images.copyRows(0, 8);
            for (int round = 0; round < 3 && !cancelled.getAsBoolean(); round++) {
                for (Metric metric : Metric.values()) {
                    DistanceEngine.nearest(queries, images, DistanceEngine.Options.of(10, metric)
                            .withCancellation(cancelled));
                }
            }
            if (cancelled.getAsBoolean()) {
                return;
            }
            PrunedIndex index = PrunedIndex.build(images, channels, height, width, Progress.NONE, cancelled);
            index.warmUp(40, cancelled);
        } catch (java.util.concurrent.CancellationException e) {
            // asked to stop: nothing to keep
        }
    }

    /** {@code n} smooth random colour fields with noise, 0–255. */
    static ByteMatrix photoLike(int n, int channels, int height, int width, Random random) {
        int dims = channels * height * width;
        byte[] data = new byte[n * dims];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                double base = 40 + 170 * random.nextDouble();
                double gx = (random.nextDouble() - 0.5) * 6;
                double gy = (random.nextDouble() - 0.5) * 6;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double v = base + gx * (x - width / 2.0) + gy * (y - height / 2.0) + random.nextGaussian() * 12;
                        data[i * dims + (c * height + y) * width + x] = (byte) Math.max(0, Math.min(255, (int) v));
                    }
                }
            }
        }
        return new ByteMatrix(data, n, dims);
    }
}
