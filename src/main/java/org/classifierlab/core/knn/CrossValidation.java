package org.classifierlab.core.knn;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * K-fold cross-validation of k-NN over several values of K, in the style of the CS231n assignment.
 * Stateless; any thread.
 */
public final class CrossValidation {

    private static final int CANCEL_CHECK_INTERVAL = 32;

    private CrossValidation() {
    }

    /**
     * Runs the cross-validation. The (optionally shuffled) point indices are split into contiguous,
     * nearly equal folds like {@code numpy.array_split}: the first {@code size % folds} folds get one
     * extra point. Each fold is tested against the concatenation of the other folds in fold order
     * (as {@code np.concatenate}; distance ties are broken by position in that training set). Each
     * held-out point's neighbour order is computed once and reused for every K.
     *
     * @param folds       number of folds, in [2, number of points]
     * @param ks          the K values to try, each at least 1; K larger than a fold's training set
     *                    is clamped to its size
     * @param shuffleSeed seed of the Fisher–Yates shuffle ({@link Permutation#shuffled})
     * @param shuffle     whether to shuffle the indices before splitting
     * @param cancelled   polled regularly on the calling thread
     * @return the result, or null if cancelled
     * @throws IllegalArgumentException for invalid folds or ks
     */
    public static CrossValidationResult run(LabeledPoints pts, int folds, int[] ks, Metric metric, TieRule rule,
                                            long shuffleSeed, boolean shuffle, BooleanSupplier cancelled) {
        Objects.requireNonNull(pts, "pts");
        Objects.requireNonNull(ks, "ks");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(cancelled, "cancelled");
        int n = pts.size();
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("folds must be between 2 and the number of points ("
                    + n + "), was " + folds);
        }
        if (ks.length == 0) {
            throw new IllegalArgumentException("ks must contain at least one K");
        }
        int maxK = 0;
        for (int kv : ks) {
            if (kv < 1) {
                throw new IllegalArgumentException("every K must be at least 1, got " + kv);
            }
            maxK = Math.max(maxK, kv);
        }
        int[] order = permutation(n, shuffle, shuffleSeed);
        double[][] accuracy = new double[ks.length][folds];
        int base = n / folds;
        int extra = n % folds;
        int start = 0;
        for (int f = 0; f < folds; f++) {
            int end = start + base + (f < extra ? 1 : 0);
            if (!evaluateFold(pts, order, start, end, ks, maxK, metric, rule, cancelled, accuracy, f)) {
                return null;
            }
            start = end;
        }
        double[] mean = new double[ks.length];
        double[] std = new double[ks.length];
        int best = 0;
        for (int i = 0; i < ks.length; i++) {
            mean[i] = mean(accuracy[i]);
            std[i] = sampleStd(accuracy[i], mean[i]);
            if (mean[i] > mean[best] || (mean[i] == mean[best] && ks[i] < ks[best])) {
                best = i;
            }
        }
        return new CrossValidationResult(ks, accuracy, mean, std, ks[best]);
    }

    /** The fold sizes {@link #run} uses for {@code n} points: the first {@code n % folds} get one extra. */
    public static int[] foldSizes(int n, int folds) {
        if (folds < 1 || n < 0) {
            throw new IllegalArgumentException("need folds ≥ 1 and n ≥ 0, got folds=" + folds + ", n=" + n);
        }
        int[] sizes = new int[folds];
        for (int f = 0; f < folds; f++) {
            sizes[f] = n / folds + (f < n % folds ? 1 : 0);
        }
        return sizes;
    }

    /**
     * Sample standard deviation (denominator {@code values.length - 1}) around {@code mean}; 0 for
     * fewer than two values.
     */
    static double sampleStd(double[] values, double mean) {
        if (values.length < 2) {
            return 0.0;
        }
        double sum = 0.0;
        for (double v : values) {
            double d = v - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    private static double mean(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static int[] permutation(int n, boolean shuffle, long seed) {
        int[] order = shuffle ? Permutation.shuffled(n, seed) : Permutation.identity(n);
        return order;
    }

    private static boolean evaluateFold(LabeledPoints pts, int[] order, int start, int end, int[] ks, int maxK,
                                        Metric metric, TieRule rule, BooleanSupplier cancelled,
                                        double[][] accuracy, int fold) {
        int n = order.length;
        int trainSize = n - (end - start);
        int[] trainIndex = new int[trainSize];
        System.arraycopy(order, 0, trainIndex, 0, start);
        System.arraycopy(order, end, trainIndex, start, n - end);
        LabeledPoints train = pts.subset(trainIndex);
        int kMax = Math.min(maxK, trainSize);
        double[] ranks = new double[trainSize];
        int[] index = new int[kMax];
        double[] rank = new double[kMax];
        int[] labels = new int[kMax];
        Ballot ballot = new Ballot(pts.classCount(), kMax);
        int[] correct = new int[ks.length];
        for (int p = start; p < end; p++) {
            if ((p - start) % CANCEL_CHECK_INTERVAL == 0 && cancelled.getAsBoolean()) {
                return false;
            }
            int q = order[p];
            double qx = pts.x(q);
            double qy = pts.y(q);
            for (int i = 0; i < trainSize; i++) {
                ranks[i] = metric.rank(qx, qy, train.x(i), train.y(i));
            }
            NearestSelection.select(ranks, trainSize, -1, kMax, index, rank);
            for (int i = 0; i < kMax; i++) {
                labels[i] = train.label(index[i]);
            }
            for (int j = 0; j < ks.length; j++) {
                ballot.cast(rule, metric, Math.min(ks[j], trainSize), labels, rank, null);
                if (ballot.predicted == pts.label(q)) {
                    correct[j]++;
                }
            }
        }
        for (int j = 0; j < ks.length; j++) {
            accuracy[j][fold] = (double) correct[j] / (end - start);
        }
        return !cancelled.getAsBoolean();
    }
}
