package org.classifierlab.core.linear;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A linear score function {@code f(x) = W x + b} for C classes and D inputs. Immutable (arrays are
 * copied in and out); any thread. Parameters also have a flat index: the entries of W row by row
 * ({@code c · D + d}), then the biases ({@code C · D + c}).
 */
public final class LinearModel {

    private final int classes;
    private final int dims;
    private final double[] w; // row-major C × D
    private final double[] b;

    private LinearModel(int classes, int dims, double[] w, double[] b) {
        if (classes < 2) {
            throw new IllegalArgumentException("a linear classifier needs at least 2 classes, was " + classes);
        }
        if (dims < 1) {
            throw new IllegalArgumentException("a linear classifier needs at least 1 input, was " + dims);
        }
        for (double v : w) {
            checkFinite(v);
        }
        for (double v : b) {
            checkFinite(v);
        }
        this.classes = classes;
        this.dims = dims;
        this.w = w;
        this.b = b;
    }

    /**
     * A model from W (C rows of D weights) and b (C biases).
     *
     * @throws IllegalArgumentException if the shapes disagree, there are fewer than 2 classes or a value
     *                                  is not finite
     */
    public static LinearModel of(double[][] weights, double[] biases) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(biases, "biases");
        int c = weights.length;
        if (c != biases.length) {
            throw new IllegalArgumentException("W has " + c + " rows but b has " + biases.length + " entries");
        }
        int d = c == 0 ? 0 : weights[0].length;
        double[] flat = new double[c * d];
        for (int i = 0; i < c; i++) {
            if (weights[i].length != d) {
                throw new IllegalArgumentException("row " + i + " of W has " + weights[i].length
                        + " entries, row 0 has " + d);
            }
            System.arraycopy(weights[i], 0, flat, i * d, d);
        }
        return new LinearModel(c, d, flat, biases.clone());
    }

    /** All-zero parameters. */
    public static LinearModel zeros(int classes, int dims) {
        return new LinearModel(classes, dims, new double[classes * dims], new double[classes]);
    }

    /**
     * Random parameters: weights and biases uniform in [−scale, scale], like the web demo's "randomize".
     */
    public static LinearModel random(int classes, int dims, double scale, RandomGenerator rng) {
        double[] w = new double[classes * dims];
        double[] b = new double[classes];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble(-scale, scale);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble(-scale, scale);
        }
        return new LinearModel(classes, dims, w, b);
    }

    /** Number of classes C. */
    public int classCount() {
        return classes;
    }

    /** Number of inputs D. */
    public int dimension() {
        return dims;
    }

    /** Number of parameters, {@code C · D + C}. */
    public int parameterCount() {
        return classes * dims + classes;
    }

    /** W[c][d]. */
    public double weight(int c, int d) {
        Objects.checkIndex(c, classes);
        Objects.checkIndex(d, dims);
        return w[c * dims + d];
    }

    /** b[c]. */
    public double bias(int c) {
        return b[Objects.checkIndex(c, classes)];
    }

    /** A copy of W as C rows. */
    public double[][] weights() {
        double[][] rows = new double[classes][];
        for (int c = 0; c < classes; c++) {
            rows[c] = Arrays.copyOfRange(w, c * dims, (c + 1) * dims);
        }
        return rows;
    }

    /** A copy of b. */
    public double[] biases() {
        return b.clone();
    }

    /** Parameter {@code index} in the flat order (W row by row, then b). */
    public double parameter(int index) {
        Objects.checkIndex(index, parameterCount());
        return index < w.length ? w[index] : b[index - w.length];
    }

    /** A copy of every parameter in the flat order. */
    public double[] parameters() {
        double[] p = Arrays.copyOf(w, parameterCount());
        System.arraycopy(b, 0, p, w.length, classes);
        return p;
    }

    /** The model with parameter {@code index} set to {@code value}. */
    public LinearModel withParameter(int index, double value) {
        Objects.checkIndex(index, parameterCount());
        double[] nw = w.clone();
        double[] nb = b.clone();
        if (index < w.length) {
            nw[index] = value;
        } else {
            nb[index - w.length] = value;
        }
        return new LinearModel(classes, dims, nw, nb);
    }

    /** The model with W[c][d] set. */
    public LinearModel withWeight(int c, int d, double value) {
        Objects.checkIndex(d, dims);
        return withParameter(Objects.checkIndex(c, classes) * dims + d, value);
    }

    /** The model with b[c] set. */
    public LinearModel withBias(int c, double value) {
        return withParameter(classes * dims + Objects.checkIndex(c, classes), value);
    }

    /** The model with class {@code c}'s whole row (its D weights and its bias) replaced. */
    public LinearModel withRow(int c, double[] weights, double bias) {
        Objects.checkIndex(c, classes);
        if (weights.length != dims) {
            throw new IllegalArgumentException("a row has " + dims + " weights, was " + weights.length);
        }
        double[] nw = w.clone();
        double[] nb = b.clone();
        System.arraycopy(weights, 0, nw, c * dims, dims);
        nb[c] = bias;
        return new LinearModel(classes, dims, nw, nb);
    }

    /** The model with parameters in the flat order. */
    public LinearModel withParameters(double[] parameters) {
        if (parameters.length != parameterCount()) {
            throw new IllegalArgumentException("expected " + parameterCount() + " parameters, was "
                    + parameters.length);
        }
        return new LinearModel(classes, dims, Arrays.copyOf(parameters, w.length),
                Arrays.copyOfRange(parameters, w.length, parameters.length));
    }

    /** One gradient-descent step: every parameter minus {@code stepSize} times its gradient. */
    public LinearModel step(Gradient gradient, double stepSize) {
        double[] p = parameters();
        double[] g = gradient.flat();
        if (g.length != p.length) {
            throw new IllegalArgumentException("the gradient has " + g.length + " entries, the model "
                    + p.length);
        }
        for (int i = 0; i < p.length; i++) {
            p[i] -= stepSize * g[i];
        }
        return withParameters(p);
    }

    /** The model with one more class whose row is all zero. */
    public LinearModel withClassAdded() {
        double[] nw = Arrays.copyOf(w, w.length + dims);
        double[] nb = Arrays.copyOf(b, classes + 1);
        return new LinearModel(classes + 1, dims, nw, nb);
    }

    /** The model without class {@code c}'s row (later classes move down by one). */
    public LinearModel withClassRemoved(int c) {
        Objects.checkIndex(c, classes);
        double[] nw = new double[w.length - dims];
        double[] nb = new double[classes - 1];
        for (int k = 0, o = 0; k < classes; k++) {
            if (k != c) {
                System.arraycopy(w, k * dims, nw, o * dims, dims);
                nb[o++] = b[k];
            }
        }
        return new LinearModel(classes - 1, dims, nw, nb);
    }

    /** The scores of input {@code x} (length D) written into {@code out} (length C); returns {@code out}. */
    public double[] scores(double[] x, double[] out) {
        for (int c = 0; c < classes; c++) {
            double s = b[c];
            int row = c * dims;
            for (int d = 0; d < dims; d++) {
                s += w[row + d] * x[d];
            }
            out[c] = s;
        }
        return out;
    }

    /** The score of class {@code c} for a 2D input (x, y). Requires D = 2. */
    public double score2d(int c, double x, double y) {
        requireTwoInputs();
        return w[c * 2] * x + w[c * 2 + 1] * y + b[c];
    }

    /** The class with the highest score for a 2D input; the lowest index wins a tie. Requires D = 2. */
    public int argmax2d(double x, double y) {
        requireTwoInputs();
        int best = 0;
        double top = w[0] * x + w[1] * y + b[0];
        for (int c = 1; c < classes; c++) {
            double s = w[c * 2] * x + w[c * 2 + 1] * y + b[c];
            if (s > top) {
                top = s;
                best = c;
            }
        }
        return best;
    }

    /** Σ W² (the biases are not included). */
    public double squaredWeightNorm() {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return s;
    }

    /** The name of flat parameter {@code index}, e.g. {@code W[1][0]} or {@code b[2]}. */
    public String parameterName(int index) {
        Objects.checkIndex(index, parameterCount());
        return index < w.length
                ? String.format(Locale.ROOT, "W[%d][%d]", index / dims, index % dims)
                : String.format(Locale.ROOT, "b[%d]", index - w.length);
    }

    private void requireTwoInputs() {
        if (dims != 2) {
            throw new IllegalStateException("a 2D input needs a model with 2 inputs, this one has " + dims);
        }
    }

    private static void checkFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a parameter is not a finite number: " + v);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearModel m && m.classes == classes && m.dims == dims && Arrays.equals(m.w, w)
                && Arrays.equals(m.b, b);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(w) + Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        return "LinearModel[W=" + Arrays.deepToString(weights()) + ", b=" + Arrays.toString(b) + "]";
    }
}
