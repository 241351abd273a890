package org.classifierlab.core.linear.image;

import java.util.Objects;

/**
 * One preprocessed split: {@code n} rows of {@code dim} floats, row-major ({@code x[i · dim + j]}), their
 * labels, and where each row came from ({@code sourceIndex[i]} is an image index of the training set, or of
 * the test set when {@code fromTestSet}). The arrays are shared, not copied: nobody may write them. Any thread.
 */
public record Split(String name, float[] x, int[] y, int n, int dim, int[] sourceIndex, boolean fromTestSet) {

    public Split {
        Objects.requireNonNull(name, "name");
        if (n < 0 || dim < 1 || x.length != (long) n * dim || y.length != n || sourceIndex.length != n) {
            throw new IllegalArgumentException("split " + name + ": need " + n + " × " + dim + " floats, " + n
                    + " labels and " + n + " source indices, have " + x.length + ", " + y.length + " and "
                    + sourceIndex.length);
        }
    }

    /** The first {@code m} rows (at most n) as a split of their own, copied; for quick estimates while training. */
    public Split first(int m, String newName) {
        int k = Math.max(0, Math.min(m, n));
        return new Split(newName, java.util.Arrays.copyOf(x, k * dim), java.util.Arrays.copyOf(y, k), k, dim,
                java.util.Arrays.copyOf(sourceIndex, k), fromTestSet);
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        Objects.checkIndex(i, n);
        float[] r = new float[dim];
        System.arraycopy(x, i * dim, r, 0, dim);
        return r;
    }

    @Override
    public String toString() {
        return "Split[" + name + ": " + n + " × " + dim + (fromTestSet ? ", from the test set]" : "]");
    }
}
