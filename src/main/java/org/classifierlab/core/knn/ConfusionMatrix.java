package org.classifierlab.core.knn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts of (true class, predicted class) pairs, with an extra "undecided" column for predictions of
 * -1 (ties under {@link TieRule#UNDECIDED}). Immutable; any thread.
 */
public final class ConfusionMatrix {

    private final int classCount;
    /** counts[t * (classCount + 1) + p]; column classCount is undecided. */
    private final int[] counts;
    private final int total;

    private ConfusionMatrix(int classCount, int[] counts, int total) {
        this.classCount = classCount;
        this.counts = counts;
        this.total = total;
    }

    /**
     * Tallies the pairs {@code (truth[i], predicted[i])}.
     *
     * @param truth      true classes, in [0, classCount)
     * @param predicted  predicted classes, in [0, classCount) or -1 for undecided
     * @param classCount number of classes, at least 1
     * @throws IllegalArgumentException if the lengths differ or a class is out of range
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int classCount) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount must be at least 1, was " + classCount);
        }
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " entries, predicted " + predicted.length);
        }
        int width = classCount + 1;
        int[] counts = new int[Math.multiplyExact(classCount, width)];
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            int p = predicted[i];
            if (t < 0 || t >= classCount) {
                throw new IllegalArgumentException("true class " + i + " must be in [0, " + classCount + "), was " + t);
            }
            if (p < -1 || p >= classCount) {
                throw new IllegalArgumentException("predicted class " + i + " must be -1 or in [0, " + classCount
                        + "), was " + p);
            }
            counts[t * width + (p < 0 ? classCount : p)]++;
        }
        return new ConfusionMatrix(classCount, counts, truth.length);
    }

    /** Number of classes. */
    public int classCount() {
        return classCount;
    }

    /** How many of class {@code truth} were predicted as {@code predicted} (-1: undecided). */
    public int count(int truth, int predicted) {
        Objects.checkIndex(truth, classCount);
        if (predicted < -1 || predicted >= classCount) {
            throw new IndexOutOfBoundsException("predicted class " + predicted + " out of [-1, " + classCount + ")");
        }
        return counts[truth * (classCount + 1) + (predicted < 0 ? classCount : predicted)];
    }

    /** How many of class {@code truth} were left undecided. */
    public int undecided(int truth) {
        return count(truth, -1);
    }

    /**
     * A copy of the counts, {@code [true][predicted]}, with {@code classCount + 1} columns: the last one
     * is undecided.
     */
    public int[][] counts() {
        int[][] rows = new int[classCount][];
        for (int t = 0; t < classCount; t++) {
            rows[t] = Arrays.copyOfRange(counts, t * (classCount + 1), (t + 1) * (classCount + 1));
        }
        return rows;
    }

    /** Number of samples of class {@code truth}. */
    public int support(int truth) {
        Objects.checkIndex(truth, classCount);
        int sum = 0;
        for (int p = 0; p <= classCount; p++) {
            sum += counts[truth * (classCount + 1) + p];
        }
        return sum;
    }

    /** Number of samples. */
    public int total() {
        return total;
    }

    /** Number of samples predicted correctly (the diagonal). */
    public int correct() {
        int sum = 0;
        for (int c = 0; c < classCount; c++) {
            sum += counts[c * (classCount + 1) + c];
        }
        return sum;
    }

    /** Fraction of samples predicted correctly (undecided counts as wrong); NaN without samples. */
    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct() / total;
    }

    /** Fraction of class {@code truth} predicted correctly (its recall); NaN if it has no samples. */
    public double classAccuracy(int truth) {
        int support = support(truth);
        return support == 0 ? Double.NaN : (double) count(truth, truth) / support;
    }

    /** {@link #classAccuracy} of every class. */
    public double[] perClassAccuracy() {
        double[] result = new double[classCount];
        for (int c = 0; c < classCount; c++) {
            result[c] = classAccuracy(c);
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && classCount == m.classCount && Arrays.equals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classCount + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix[classCount=" + classCount + ", counts=" + Arrays.deepToString(counts()) + "]";
    }
}
