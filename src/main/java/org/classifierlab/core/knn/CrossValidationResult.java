package org.classifierlab.core.knn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Accuracy of every tried K on every fold of a cross-validation. Immutable (arrays are copied on
 * the way in and out); any thread.
 *
 * @param ks           the K values tried, in the order given
 * @param foldAccuracy accuracy per [K index][fold]
 * @param mean         mean accuracy per K index
 * @param std          sample standard deviation per K index (denominator folds − 1; 0 for a single
 *                     fold)
 * @param bestK        the K with the highest mean accuracy; ties go to the smallest K
 */
public record CrossValidationResult(int[] ks, double[][] foldAccuracy, double[] mean, double[] std, int bestK) {

    public CrossValidationResult {
        Objects.requireNonNull(ks, "ks");
        Objects.requireNonNull(foldAccuracy, "foldAccuracy");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (foldAccuracy.length != ks.length || mean.length != ks.length || std.length != ks.length) {
            throw new IllegalArgumentException("foldAccuracy, mean and std need one entry per K (" + ks.length + ")");
        }
        ks = ks.clone();
        foldAccuracy = deepCopy(foldAccuracy);
        mean = mean.clone();
        std = std.clone();
    }

    /** Number of folds. */
    public int folds() {
        return foldAccuracy.length == 0 ? 0 : foldAccuracy[0].length;
    }

    /** A copy of the K values. */
    @Override
    public int[] ks() {
        return ks.clone();
    }

    /** A deep copy of the per-fold accuracies, [K index][fold]. */
    @Override
    public double[][] foldAccuracy() {
        return deepCopy(foldAccuracy);
    }

    /** A copy of the mean accuracies. */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the sample standard deviations. */
    @Override
    public double[] std() {
        return std.clone();
    }

    /**
     * Population standard deviation per K index (denominator folds, as {@code np.std} in the CS231n
     * notebook), around the same means; {@link #std()} is the sample one (folds − 1, as {@code torch.std}
     * in EECS 498). For n ≥ 2 folds the two differ by exactly the factor √((n − 1)/n).
     */
    public double[] populationStd() {
        double[] out = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            double sum = 0.0;
            for (double a : foldAccuracy[i]) {
                double d = a - mean[i];
                sum += d * d;
            }
            out[i] = foldAccuracy[i].length == 0 ? 0.0 : Math.sqrt(sum / foldAccuracy[i].length);
        }
        return out;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrossValidationResult r
                && bestK == r.bestK
                && Arrays.equals(ks, r.ks)
                && Arrays.deepEquals(foldAccuracy, r.foldAccuracy)
                && Arrays.equals(mean, r.mean)
                && Arrays.equals(std, r.std);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ks), Arrays.deepHashCode(foldAccuracy), Arrays.hashCode(mean),
                Arrays.hashCode(std), bestK);
    }

    @Override
    public String toString() {
        return "CrossValidationResult[ks=" + Arrays.toString(ks) + ", foldAccuracy="
                + Arrays.deepToString(foldAccuracy) + ", mean=" + Arrays.toString(mean) + ", std="
                + Arrays.toString(std) + ", bestK=" + bestK + "]";
    }
}
