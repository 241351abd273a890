package org.classifierlab.core.knn;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.classifierlab.core.Progress;

/**
 * K-fold cross-validation of k-NN on uint8 rows (images) over several K, with the fold arithmetic and
 * tie semantics of {@link CrossValidation}. Stateless; any thread.
 */
public final class ImageCrossValidation {

    /**
     * How each fold finds its neighbours: the brute-force {@link DistanceEngine}, or a {@link PrunedIndex}
     * built once over all rows (images of {@code channels × height × width}) and searched with each fold
     * excluded. Both give the same neighbours, so the same result. Immutable; any thread.
     */
    public record Search(boolean pruned, int channels, int height, int width) {

        /** Every fold by brute force. */
        public static Search bruteForce() {
            return new Search(false, 1, 1, 1);
        }

        /** A pruned index over images of {@code channels} planes of {@code height × width} pixels. */
        public static Search pruned(int channels, int height, int width) {
            return new Search(true, channels, height, width);
        }
    }

    private ImageCrossValidation() {
    }

    /**
     * {@link #run(ByteMatrix, int[], int, int, int[], Metric, TieRule, boolean, long, Search, Progress,
     * BooleanSupplier)} with a pruned index that reads each row as one line of pixels (1 × 1 × columns).
     */
    public static CrossValidationResult run(ByteMatrix data, int[] labels, int classCount, int folds, int[] ks,
                                            Metric metric, TieRule rule, boolean shuffle, long seed,
                                            Progress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(data, "data");
        return run(data, labels, classCount, folds, ks, metric, rule, shuffle, seed, Search.pruned(1, 1, data.cols()),
                progress, cancelled);
    }

    /**
     * Runs the cross-validation. The (optionally shuffled) rows are split into contiguous, nearly equal
     * folds like {@code numpy.array_split} ({@link CrossValidation#foldSizes}); each fold is tested
     * against all other rows in row order, so distance ties go to the row that comes first in
     * {@code np.concatenate} of the other folds. Each fold needs one neighbour search with the largest
     * K; every K is voted from it. Without shuffling no row is copied but the fold's queries; with it
     * the data are copied once in shuffled order.
     *
     * @param data       one row per sample
     * @param labels     class of every row, in [0, classCount)
     * @param classCount number of classes, 1 to {@value LabeledPoints#MAX_CLASSES}
     * @param folds      number of folds, in [2, rows]
     * @param ks         the K values, each at least 1; K above a fold's training set size is clamped
     * @param shuffle    whether to shuffle the rows with {@link Permutation#shuffled}{@code (rows, seed)}
     * @param search     brute force or a pruned index (built here, over the rows in fold order)
     * @param progress   told the number of rows evaluated so far, out of all rows (message
     *                   "Cross-validation fold …"), after the index's build progress (message "Indexing images")
     * @param cancelled  polled from the worker threads; must be thread-safe
     * @throws IllegalArgumentException for invalid folds, ks, labels or image shape
     * @throws CancellationException    if {@code cancelled} turned true
     */
    public static CrossValidationResult run(ByteMatrix data, int[] labels, int classCount, int folds, int[] ks,
                                            Metric metric, TieRule rule, boolean shuffle, long seed, Search search,
                                            Progress progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(ks, "ks");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        int n = data.rows();
        if (labels.length != n) {
            throw new IllegalArgumentException("need one label per row (" + n + "), got " + labels.length);
        }
        if (classCount < 1 || classCount > LabeledPoints.MAX_CLASSES) {
            throw new IllegalArgumentException("classCount must be between 1 and " + LabeledPoints.MAX_CLASSES
                    + ", was " + classCount);
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("label of row " + i + " must be in [0, " + classCount + "), was "
                        + labels[i]);
            }
        }
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("folds must be between 2 and the number of rows (" + n + "), was "
                    + folds);
        }
        if (ks.length == 0) {
            throw new IllegalArgumentException("ks must contain at least one K");
        }
        int maxK = 0;
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("every K must be at least 1, got " + k);
            }
            maxK = Math.max(maxK, k);
        }
        ByteMatrix rows = data;
        int[] rowLabels = labels;
        if (shuffle) {
            int[] order = Permutation.shuffled(n, seed);
            rows = data.copyRows(order);
            rowLabels = new int[n];
            for (int i = 0; i < n; i++) {
                rowLabels[i] = labels[order[i]];
            }
        }
        PrunedIndex index = search.pruned()
                ? PrunedIndex.build(rows, search.channels(), search.height(), search.width(), progress, cancelled)
                : null;
        int[] sizes = CrossValidation.foldSizes(n, folds);
        double[][] accuracy = new double[ks.length][folds];
        int start = 0;
        for (int f = 0; f < folds; f++) {
            int end = start + sizes[f];
            int trainSize = n - sizes[f];
            int kMax = Math.min(maxK, trainSize);
            int done = start;
            String message = "Cross-validation fold " + (f + 1) + " of " + folds;
            DistanceEngine.Options options = DistanceEngine.Options.of(kMax, metric)
                    .excluding(start, end)
                    .withCancellation(cancelled)
                    .withProgress((queries, total, ignored) -> progress.update(done + queries, n, message));
            ByteMatrix queries = rows.copyRows(start, end);
            NeighbourTable table = index != null ? index.nearest(queries, options)
                    : DistanceEngine.nearest(queries, rows, options);
            int[] clamped = new int[ks.length];
            for (int j = 0; j < ks.length; j++) {
                clamped[j] = Math.min(ks[j], trainSize);
            }
            int[][] predicted = ImageKnnClassifier.predict(table, rowLabels, classCount, clamped, rule);
            for (int j = 0; j < ks.length; j++) {
                int correct = 0;
                for (int q = 0; q < sizes[f]; q++) {
                    if (predicted[j][q] == rowLabels[start + q]) {
                        correct++;
                    }
                }
                accuracy[j][f] = (double) correct / sizes[f];
            }
            start = end;
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cross-validation cancelled");
        }
        double[] mean = new double[ks.length];
        double[] std = new double[ks.length];
        int best = 0;
        for (int i = 0; i < ks.length; i++) {
            double sum = 0.0;
            for (double a : accuracy[i]) {
                sum += a;
            }
            mean[i] = sum / folds;
            std[i] = CrossValidation.sampleStd(accuracy[i], mean[i]);
            if (mean[i] > mean[best] || (mean[i] == mean[best] && ks[i] < ks[best])) {
                best = i;
            }
        }
        return new CrossValidationResult(ks, accuracy, mean, std, ks[best]);
    }
}
