package org.classifierlab.core.knn;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of 2-D points with class labels in {@code [0, classCount)}. Immutable (all arrays are
 * copied on the way in and out); any thread.
 *
 * @param x          x coordinates, finite
 * @param y          y coordinates, finite, same length as {@code x}
 * @param label      class of each point, in {@code [0, classCount)}
 * @param classCount number of classes, 1 to {@value #MAX_CLASSES}
 */
public record LabeledPoints(double[] x, double[] y, int[] label, int classCount) {

    /** Largest supported number of classes. */
    public static final int MAX_CLASSES = 255;

    private static final int TO_STRING_POINTS = 8;

    public LabeledPoints {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(label, "label");
        if (x.length != y.length || x.length != label.length) {
            throw new IllegalArgumentException("x, y and label must have equal lengths, were "
                    + x.length + ", " + y.length + " and " + label.length);
        }
        if (classCount < 1 || classCount > MAX_CLASSES) {
            throw new IllegalArgumentException(
                    "classCount must be between 1 and " + MAX_CLASSES + ", was " + classCount);
        }
        x = x.clone();
        y = y.clone();
        label = label.clone();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException(
                        "point " + i + " has a non-finite coordinate (" + x[i] + ", " + y[i] + ")");
            }
            if (label[i] < 0 || label[i] >= classCount) {
                throw new IllegalArgumentException("label of point " + i + " must be in [0, "
                        + classCount + "), was " + label[i]);
            }
        }
    }

    /** Number of points. */
    public int size() {
        return label.length;
    }

    /** x coordinate of point {@code i}. */
    public double x(int i) {
        return x[i];
    }

    /** y coordinate of point {@code i}. */
    public double y(int i) {
        return y[i];
    }

    /** Class of point {@code i}. */
    public int label(int i) {
        return label[i];
    }

    /** A copy of the x coordinates. */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** A copy of the y coordinates. */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** A copy of the labels. */
    @Override
    public int[] label() {
        return label.clone();
    }

    /** The points at {@code indices}, in that order (repeats allowed), with the same class count. */
    public LabeledPoints subset(int[] indices) {
        int n = indices.length;
        double[] sx = new double[n];
        double[] sy = new double[n];
        int[] sl = new int[n];
        for (int j = 0; j < n; j++) {
            int i = indices[j];
            Objects.checkIndex(i, size());
            sx[j] = x[i];
            sy[j] = y[i];
            sl[j] = label[i];
        }
        return new LabeledPoints(sx, sy, sl, classCount);
    }

    /** All points except the one at {@code index}; later points move down by one index. */
    public LabeledPoints without(int index) {
        Objects.checkIndex(index, size());
        int[] keep = new int[size() - 1];
        for (int i = 0, j = 0; i < size(); i++) {
            if (i != index) {
                keep[j++] = i;
            }
        }
        return subset(keep);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledPoints p
                && classCount == p.classCount
                && Arrays.equals(x, p.x)
                && Arrays.equals(y, p.y)
                && Arrays.equals(label, p.label);
    }

    @Override
    public int hashCode() {
        int h = Integer.hashCode(classCount);
        h = 31 * h + Arrays.hashCode(x);
        h = 31 * h + Arrays.hashCode(y);
        return 31 * h + Arrays.hashCode(label);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LabeledPoints[size=").append(size())
                .append(", classCount=").append(classCount).append(", points=[");
        int shown = Math.min(size(), TO_STRING_POINTS);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('(').append(x[i]).append(", ").append(y[i]).append("):").append(label[i]);
        }
        if (shown < size()) {
            sb.append(", \u2026");
        }
        return sb.append("]]").toString();
    }
}
