package org.classifierlab.core.linear.image;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * The weights of a linear classifier on images: W with {@code classCount} rows of {@code dim} floats (row c
 * is class c's template, in the data's CHW pixel order; with the bias trick its last column is the bias),
 * and a separate bias b when there is no bias trick (zeros otherwise, the bias being W's last column).
 * The notebooks store W as D × C; this is its transpose, so that scores and gradient both run along D.
 * Immutable; any thread.
 */
public final class LinearImageModel {

    private final int classCount;
    private final int dim;
    private final boolean biasTrick;
    private final float[] w;
    private final float[] b;

    /** Takes the arrays without copying: nobody may write them afterwards. */
    LinearImageModel(int classCount, int dim, boolean biasTrick, float[] w, float[] b) {
        if (classCount < 1 || dim < (biasTrick ? 2 : 1)) {
            throw new IllegalArgumentException("need at least 1 class and " + (biasTrick ? 2 : 1)
                    + " columns, have " + classCount + " and " + dim);
        }
        if (w.length != (long) classCount * dim || b.length != classCount) {
            throw new IllegalArgumentException("W must hold " + classCount + " × " + dim + " and b " + classCount
                    + " floats, have " + w.length + " and " + b.length);
        }
        this.classCount = classCount;
        this.dim = dim;
        this.biasTrick = biasTrick;
        this.w = w;
        this.b = b;
    }

    /**
     * A model from copies of {@code weights} (C × dim, row-major) and {@code bias} (C; must be zeros or null
     * with the bias trick, whose bias is W's last column).
     */
    public static LinearImageModel of(int classCount, int dim, boolean biasTrick, float[] weights, float[] bias) {
        float[] b = bias == null ? new float[classCount] : bias.clone();
        if (biasTrick) {
            for (float v : b) {
                if (v != 0f) {
                    throw new IllegalArgumentException("with the bias trick the bias is W's last column; b must be 0");
                }
            }
        }
        return new LinearImageModel(classCount, dim, biasTrick, weights.clone(), b);
    }

    /**
     * The assignments' start: every weight {@code 0.0001 · N(0, 1)} from {@code new Random(seed)}, in row order
     * (the bias column included with the bias trick, as the notebooks draw their D × C W), b = 0.
     */
    public static LinearImageModel initial(int classCount, int dim, boolean biasTrick, long seed) {
        if (classCount < 1 || dim < 1) {
            throw new IllegalArgumentException("need at least 1 class and 1 column, have " + classCount + " and " + dim);
        }
        Random random = new Random(seed);
        float[] w = new float[Math.multiplyExact(classCount, dim)];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.0001 * random.nextGaussian());
        }
        return new LinearImageModel(classCount, dim, biasTrick, w, new float[classCount]);
    }

    public int classCount() {
        return classCount;
    }

    /** Columns of W: the pixel dimension, plus one with the bias trick. */
    public int dim() {
        return dim;
    }

    public boolean biasTrick() {
        return biasTrick;
    }

    /** A copy of W, C × dim row-major. */
    public float[] weights() {
        return w.clone();
    }

    /** W[c][j]. */
    public float weight(int c, int j) {
        Objects.checkIndex(c, classCount);
        return w[c * dim + Objects.checkIndex(j, dim)];
    }

    /** A copy of the biases: W's last column with the bias trick, else b. */
    public float[] bias() {
        if (!biasTrick) {
            return b.clone();
        }
        float[] out = new float[classCount];
        for (int c = 0; c < classCount; c++) {
            out[c] = w[c * dim + dim - 1];
        }
        return out;
    }

    /** Class c's pixel weights (the first {@code pixelDim} columns of row c, CHW), without the bias. */
    public float[] template(int c, int pixelDim) {
        Objects.checkIndex(c, classCount);
        if (pixelDim < 1 || pixelDim > dim - (biasTrick ? 1 : 0)) {
            throw new IllegalArgumentException("pixelDim must be in [1, " + (dim - (biasTrick ? 1 : 0)) + "], was "
                    + pixelDim);
        }
        return Arrays.copyOfRange(w, c * dim, c * dim + pixelDim);
    }

    /** The C scores of one preprocessed row of {@code dim} floats. */
    public double[] scores(float[] x) {
        checkRow(x);
        float[] s = new float[classCount];
        LinearKernel.scores(w, biasTrick ? null : b, classCount, dim, x, null, 0, 1, s);
        double[] out = new double[classCount];
        for (int c = 0; c < classCount; c++) {
            out[c] = s[c];
        }
        return out;
    }

    /** The class with the highest score (the lowest index on ties). */
    public int predict(float[] x) {
        return argmax(scores(x));
    }

    /** The predicted class of every row of {@code s}, on all cores. */
    public int[] predict(Split s) {
        checkSplit(s);
        int[] out = new int[s.n()];
        forBlocks(s, (from, count, sc) -> {
            for (int i = 0; i < count; i++) {
                int best = 0;
                for (int c = 1; c < classCount; c++) {
                    if (sc[i * classCount + c] > sc[i * classCount + best]) {
                        best = c;
                    }
                }
                out[from + i] = best;
            }
        });
        return out;
    }

    /** The fraction of rows of {@code s} predicted right (0 for an empty split). */
    public double accuracy(Split s) {
        int[] p = predict(s);
        int right = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == s.y()[i]) {
                right++;
            }
        }
        return p.length == 0 ? 0 : (double) right / p.length;
    }

    /** Every row's C scores, {@code n × C}, on all cores. */
    public double[][] scores(Split s) {
        checkSplit(s);
        double[][] out = new double[s.n()][classCount];
        forBlocks(s, (from, count, sc) -> {
            for (int i = 0; i < count; i++) {
                double[] row = out[from + i];
                for (int c = 0; c < classCount; c++) {
                    row[c] = sc[i * classCount + c];
                }
            }
        });
        return out;
    }

    /** Package use: W itself, never to be written. */
    float[] weightsShared() {
        return w;
    }

    /** Package use: b itself (null with the bias trick), never to be written. */
    float[] separateBiasShared() {
        return biasTrick ? null : b;
    }

    private interface BlockScores {
        void accept(int from, int count, float[] scores);
    }

    private static final int BLOCK_ROWS = 64;

    private void forBlocks(Split s, BlockScores sink) {
        int blocks = (s.n() + BLOCK_ROWS - 1) / BLOCK_ROWS;
        int parts = Math.min(blocks, 4 * Workers.THREADS);
        float[] bias = separateBiasShared();
        Workers.forEach(parts, p -> {
            float[] sc = new float[BLOCK_ROWS * classCount];
            for (int blk = p * blocks / parts; blk < (p + 1) * blocks / parts; blk++) {
                int from = blk * BLOCK_ROWS;
                int count = Math.min(BLOCK_ROWS, s.n() - from);
                LinearKernel.scores(w, bias, classCount, dim, s.x(), null, from, count, sc);
                sink.accept(from, count, sc);
            }
        });
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private void checkRow(float[] x) {
        if (x.length != dim) {
            throw new IllegalArgumentException("a row must have " + dim + " floats, has " + x.length);
        }
    }

    private void checkSplit(Split s) {
        if (s.dim() != dim) {
            throw new IllegalArgumentException("split " + s.name() + " has " + s.dim() + " columns, the model " + dim);
        }
    }

    @Override
    public String toString() {
        return "LinearImageModel[" + classCount + " × " + dim + (biasTrick ? ", bias trick]" : ", separate b]");
    }
}
