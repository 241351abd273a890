package org.classifierlab.core.embedding;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.classifierlab.core.Progress;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.FloatMatrix;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;
import org.classifierlab.core.knn.Permutation;

/**
 * A 2D map of images by their raw pixels: a seeded subset of a dataset, reduced by {@link Pca} and laid out
 * by {@link Tsne}. Immutable; any thread ({@link #compute} runs on the calling thread).
 *
 * @param indices      the images mapped, as indices into the dataset, ascending
 * @param xy           their map positions, x0, y0, x1, y1, … in the order of {@code indices}
 * @param explained    share of the pixel variance the PCA components kept
 * @param components   PCA components t-SNE ran on
 * @param klDivergence final KL(P ‖ Q) of the layout
 */
public record ImageEmbedding(int[] indices, double[] xy, double explained, int components, double klDivergence) {

    /** Images mapped by default: the map of the notes' figure stays readable and takes seconds. */
    public static final int DEFAULT_COUNT = 2000;
    /** Most images the map takes (exact neighbour search and the quadtree stay within seconds per step). */
    public static final int MAX_COUNT = 10_000;

    /** Share of the overall progress the PCA takes; the neighbour search and t-SNE share the rest. */
    private static final double PCA_SHARE = 0.15;
    private static final double NEIGHBOUR_SHARE = 0.1;

    public ImageEmbedding {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(xy, "xy");
        if (xy.length != 2 * indices.length) {
            throw new IllegalArgumentException("need 2 coordinates per image: " + indices.length + " images, "
                    + xy.length + " coordinates");
        }
        indices = indices.clone();
        xy = xy.clone();
    }

    /**
     * What to map. Immutable; any thread.
     *
     * @param count      images to map (at most the dataset's size and {@link #MAX_COUNT}); all images when the
     *                   dataset has no more, else a seeded random subset
     * @param perplexity t-SNE perplexity
     * @param seed       seeds the subset, the PCA sample and the t-SNE start
     * @param components PCA components before t-SNE
     * @param iterations t-SNE iterations (250 of them early-exaggerated, fewer if there are fewer)
     */
    public record Settings(int count, double perplexity, long seed, int components, int iterations) {
        public Settings {
            if (count < 2 || count > MAX_COUNT) {
                throw new IllegalArgumentException("count must be in [2, " + MAX_COUNT + "], was " + count);
            }
            if (components < 1 || iterations < 1 || !(perplexity > 0)) {
                throw new IllegalArgumentException("need components ≥ 1, iterations ≥ 1 and perplexity > 0, got "
                        + components + ", " + iterations + " and " + perplexity);
            }
        }

        /** {@code count} images, perplexity 30, seed 0, 50 components, 750 iterations. */
        public static Settings of(int count) {
            return new Settings(count, Tsne.DEFAULT_PERPLEXITY, 0, Pca.DEFAULT_COMPONENTS, Tsne.DEFAULT_ITERATIONS);
        }

        public Settings withPerplexity(double value) {
            return new Settings(count, value, seed, components, iterations);
        }

        public Settings withSeed(long value) {
            return new Settings(count, perplexity, value, components, iterations);
        }

        public Settings withIterations(int value) {
            return new Settings(count, perplexity, seed, components, value);
        }
    }

    /** Receives a snapshot of the map while t-SNE runs (on the computing thread; keep it cheap). */
    @FunctionalInterface
    public interface Snapshots {
        /** @param xy positions in the order of {@code indices}, the receiver's to keep */
        void snapshot(int[] indices, double[] xy);
    }

    /** Number of images mapped. */
    public int size() {
        return indices.length;
    }

    /** Dataset index of map point {@code i}. */
    public int index(int i) {
        return indices[i];
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public double[] xy() {
        return xy.clone();
    }

    /**
     * Share of the mapped images' {@code k} nearest neighbours on the map (Euclidean in 2D, ties by index) that
     * have the same class in {@code images}: how well the layout groups classes. 0 when fewer than 2 images.
     */
    public double classAgreement(ImageDataset images, int k) {
        int n = indices.length;
        int kk = Math.min(k, n - 1);
        if (kk < 1) {
            return 0;
        }
        float[] points = new float[2 * n];
        for (int c = 0; c < points.length; c++) {
            points[c] = (float) xy[c];
        }
        FloatMatrix m = new FloatMatrix(points, n, 2);
        NeighbourTable table = DistanceEngine.nearest(m, m, DistanceEngine.Options.of(kk + 1, Metric.L2));
        long same = 0;
        for (int i = 0; i < n; i++) {
            int label = images.label(indices[i]);
            int taken = 0;
            for (int j = 0; j <= kk && taken < kk; j++) {
                int r = table.index(i, j);
                if (r == i) {
                    continue;
                }
                taken++;
                if (images.label(indices[r]) == label) {
                    same++;
                }
            }
        }
        return (double) same / ((long) n * kk);
    }

    /** The images to map for these settings: all when the dataset is no bigger, else a seeded subset. */
    public static int[] chooseImages(int datasetSize, int count, long seed) {
        int n = Math.min(count, datasetSize);
        int[] chosen = n == datasetSize ? Permutation.identity(n)
                : Arrays.copyOf(Permutation.shuffled(datasetSize, seed), n);
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * Maps images of {@code images} for {@code settings}, telling {@code progress} the overall progress
     * (out of 1,000) and {@code snapshots} the layout as it forms (at most 20 times a second).
     *
     * @throws IllegalArgumentException if fewer than 2 images would be mapped or the perplexity is too large
     *                                  for them
     * @throws CancellationException    if {@code cancelled} turned true; nothing is returned
     */
    public static ImageEmbedding compute(ImageDataset images, Settings settings, Snapshots snapshots,
                                         Progress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(snapshots, "snapshots");
        int[] chosen = chooseImages(images.size(), settings.count(), settings.seed());
        int n = chosen.length;
        if (n < 2) {
            throw new IllegalArgumentException("a map needs at least 2 images, " + images.name() + " has " + n);
        }
        if (settings.perplexity() >= n) {
            throw new IllegalArgumentException(String.format("perplexity %.0f needs more than %d images; lower it or"
                    + " map more images", settings.perplexity(), n));
        }
        PcaModel pca = Pca.fit(images.pixelsShared(), images.dim(), chosen, Pca.Options.of(settings.components())
                .withSeed(settings.seed())
                // The map needs the subspace, not eigenvectors to many digits: 10⁻⁴ halves the iterations.
                .withTolerance(1e-4)
                .withCancellation(cancelled)
                .withProgress(scaled(progress, 0, PCA_SHARE)));
        float[] reduced = pca.project(images.pixelsShared(), chosen, cancelled);
        int exaggerated = Math.min(250, settings.iterations() / 3);
        Progress tsneProgress = (done, total, message) -> {
            boolean neighbours = message.contains("neighbours");
            double start = neighbours ? PCA_SHARE : PCA_SHARE + NEIGHBOUR_SHARE;
            double share = neighbours ? NEIGHBOUR_SHARE : 1 - PCA_SHARE - NEIGHBOUR_SHARE;
            scaled(progress, start, share).update(done, total, message);
        };
        Tsne.Result layout = Tsne.run(reduced, n, pca.components(), Tsne.Options.defaults()
                .withPerplexity(settings.perplexity())
                .withSeed(settings.seed())
                .withIterations(settings.iterations(), exaggerated)
                .withSnapshots(50, (iteration, xy) -> snapshots.snapshot(chosen.clone(), xy))
                .withProgress(tsneProgress)
                .withCancellation(cancelled));
        return new ImageEmbedding(chosen, layout.xy(), pca.explainedVarianceRatio(), pca.components(),
                layout.klDivergence());
    }

    private static Progress scaled(Progress target, double start, double share) {
        return (done, total, message) -> {
            double f = total > 0 ? Math.min(1, (double) done / total) : 0;
            target.update(Math.round(1000 * (start + share * f)), 1000, message);
        };
    }
}
