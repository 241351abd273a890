package org.classifierlab.core.linear;

import java.util.Arrays;
import java.util.Objects;

/**
 * The gradient of a loss with respect to W (C × D) and b (C), in the flat parameter order of
 * {@link LinearModel}. Immutable; any thread.
 */
public final class Gradient {

    private final int classes;
    private final int dims;
    private final double[] flat;

    Gradient(int classes, int dims, double[] flat) {
        this.classes = classes;
        this.dims = dims;
        this.flat = flat;
    }

    /** ∂L/∂W[c][d]. */
    public double weight(int c, int d) {
        Objects.checkIndex(c, classes);
        return flat[c * dims + Objects.checkIndex(d, dims)];
    }

    /** ∂L/∂b[c]. */
    public double bias(int c) {
        return flat[classes * dims + Objects.checkIndex(c, classes)];
    }

    /** The derivative for flat parameter {@code index}. */
    public double get(int index) {
        return flat[index];
    }

    /** Number of entries. */
    public int size() {
        return flat.length;
    }

    /** A copy of every entry in the flat order. */
    public double[] flat() {
        return flat.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gradient g && g.classes == classes && g.dims == dims && Arrays.equals(g.flat, flat);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(flat);
    }

    @Override
    public String toString() {
        return "Gradient" + Arrays.toString(flat);
    }
}
