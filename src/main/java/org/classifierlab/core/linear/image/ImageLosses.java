package org.classifierlab.core.linear.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.classifierlab.core.linear.GradientCheck;

/**
 * Multiclass SVM and softmax loss with their gradients on a batch of preprocessed rows, vectorised as the
 * notebooks' {@code svm_loss_vectorized} / {@code softmax_loss_vectorized}: the data loss is the mean over
 * the batch, the regularisation {@code reg · Σ W²} with gradient {@code 2 · reg · W} over the whole of W —
 * with the bias trick that includes the bias column, exactly as the notebooks regularise their bias row;
 * a separate b (no bias trick) is not regularised. Scores and gradient sums in float32 like the notebooks'
 * arrays, losses summed in double. Stateless; any thread.
 */
public final class ImageLosses {

    private ImageLosses() {
    }

    /** The loss of the first {@code n} rows of {@code x} (labels {@code y}) and its gradient. */
    public static LossGradient compute(ImageLoss loss, LinearImageModel m, float[] x, int[] y, int n, double reg) {
        Objects.requireNonNull(loss, "loss");
        checkReg(reg);
        if (n < 1 || x.length < (long) n * m.dim() || y.length < n) {
            throw new IllegalArgumentException("need at least 1 row, and " + n + " rows of " + m.dim() + " floats with "
                    + n + " labels; have " + x.length + " floats and " + y.length + " labels");
        }
        checkLabels(y, n, m.classCount());
        Batch batch = new Batch(m.classCount(), m.dim(), !m.biasTrick());
        float[] w = m.weightsShared();
        double dataSum = batch.run(loss, w, m.separateBiasShared(), x, y, null, n, Workers.THREADS);
        float[] gw = new float[w.length];
        float[] gb = new float[m.classCount()];
        double regLoss = batch.gradient(w, n, reg, gw, gb);
        if (m.biasTrick()) {
            for (int c = 0; c < m.classCount(); c++) {
                gb[c] = gw[c * m.dim() + m.dim() - 1];
            }
        }
        double data = dataSum / n;
        return new LossGradient(data + regLoss, data, regLoss, gw, gb);
    }

    /** The loss of every row of {@code s}. */
    public static LossGradient compute(ImageLoss loss, LinearImageModel m, Split s, double reg) {
        if (s.dim() != m.dim()) {
            throw new IllegalArgumentException("split " + s.name() + " has " + s.dim() + " columns, the model " + m.dim());
        }
        return compute(loss, m, s.x(), s.y(), s.n(), reg);
    }

    /**
     * Checks {@code samples} random entries (seeded) of the analytic gradient on {@code dev} against centred
     * differences with step {@link GradientCheck#DEFAULT_STEP}, the loss recomputed in double precision from
     * the rows (an implementation independent of the float kernels).
     */
    public static GradientCheckResult gradientCheck(ImageLoss loss, LinearImageModel m, Split dev, double reg,
                                                    int samples, long seed) {
        return gradientCheck(loss, m, dev, reg, samples, seed, compute(loss, m, dev, reg));
    }

    /** {@link #gradientCheck} of a given analytic gradient (tests: a wrong gradient must fail). */
    static GradientCheckResult gradientCheck(ImageLoss loss, LinearImageModel m, Split dev, double reg, int samples,
                                             long seed, LossGradient analytic) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, was " + samples);
        }
        int c = m.classCount();
        int d = m.dim();
        int n = dev.n();
        double[] w = new double[c * d];
        float[] wf = m.weightsShared();
        double sumSq = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = wf[i];
            sumSq += w[i] * w[i];
        }
        double[] b = new double[c];
        float[] bf = m.separateBiasShared();
        for (int k = 0; k < c && bf != null; k++) {
            b[k] = bf[k];
        }
        double[] scores = new double[n * c];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                double s = b[k];
                for (int j = 0; j < d; j++) {
                    s += w[k * d + j] * dev.x()[i * d + j];
                }
                scores[i * c + k] = s;
            }
        }
        double h = GradientCheck.DEFAULT_STEP;
        SplittableRandom random = new SplittableRandom(seed);
        int entries = c * d + (m.biasTrick() ? 0 : c);
        List<GradientCheckResult.Entry> out = new ArrayList<>(samples);
        double[] row = new double[c];
        for (int t = 0; t < samples; t++) {
            int e = random.nextInt(entries);
            int k = e < c * d ? e / d : e - c * d;
            int j = e < c * d ? e % d : -1;
            double value = j < 0 ? b[k] : w[k * d + j];
            double[] l = new double[2];
            for (int sign = 0; sign < 2; sign++) {
                double delta = sign == 0 ? h : -h;
                double data = 0;
                for (int i = 0; i < n; i++) {
                    System.arraycopy(scores, i * c, row, 0, c);
                    row[k] += j < 0 ? delta : delta * dev.x()[i * d + j];
                    data += rowLoss(loss, row, dev.y()[i]);
                }
                double reg2 = j < 0 ? sumSq : sumSq - value * value + (value + delta) * (value + delta);
                l[sign] = data / n + reg * reg2;
            }
            double numeric = (l[0] - l[1]) / (2 * h);
            double a = j < 0 ? analytic.gradB()[k] : analytic.gradW()[k * d + j];
            out.add(new GradientCheckResult.Entry(k, j, a, numeric, GradientCheck.relativeError(a, numeric)));
        }
        return new GradientCheckResult(out, h);
    }

    /** One row's loss in double precision, straight from the definitions (the gradient check's reference). */
    static double rowLoss(ImageLoss loss, double[] s, int y) {
        double sum = 0;
        if (loss == ImageLoss.SVM) {
            for (int k = 0; k < s.length; k++) {
                if (k != y) {
                    sum += Math.max(0, s[k] - s[y] + 1);
                }
            }
            return sum;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        for (double v : s) {
            sum += Math.exp(v - max);
        }
        return Math.log(sum) - (s[y] - max);
    }

    static void checkReg(double reg) {
        if (!(reg >= 0) || Double.isInfinite(reg)) {
            throw new IllegalArgumentException("the regularisation strength must be ≥ 0 and finite, was " + reg);
        }
    }

    private static void checkLabels(int[] y, int n, int classes) {
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("label " + i + " must be in [0, " + classes + "), was " + y[i]);
            }
        }
    }

    /**
     * Reusable buffers for one batch: the rows are cut into {@link #PARTS} fixed parts, each with its own
     * gradient sum, added in part order at the end, so the result is the same on any number of threads.
     * One thread at a time.
     */
    static final class Batch {

        static final int PARTS = 4;
        /**
         * Rows scored, then added into the gradient, at a time: their pixels (32 × 12 KB for CIFAR) stay in
         * the core's L2 cache between the two products.
         */
        static final int SUB_ROWS = 32;

        private final int c;
        private final int d;
        private final float[][] g;
        private final float[][] gb;
        private final float[][] scores;
        private final double[] loss = new double[PARTS];

        Batch(int classes, int dim, boolean separateBias) {
            this.c = classes;
            this.d = dim;
            this.g = new float[PARTS][classes * dim];
            this.gb = separateBias ? new float[PARTS][classes] : null;
            this.scores = new float[PARTS][SUB_ROWS * classes];
        }

        /**
         * Runs scores, loss and the unscaled gradient sum {@code dSᵀ·X} for rows {@code rows[0 … n)} (or the
         * first n rows when {@code rows} is null); returns the summed data loss.
         */
        double run(ImageLoss kind, float[] w, float[] b, float[] x, int[] y, int[] rows, int n, int threads) {
            Workers.forEach(PARTS, threads, p -> {
                float[] gp = g[p];
                java.util.Arrays.fill(gp, 0f);
                float[] gbp = gb == null ? null : gb[p];
                if (gbp != null) {
                    java.util.Arrays.fill(gbp, 0f);
                }
                float[] s = scores[p];
                double sum = 0;
                int from = p * n / PARTS;
                int to = (p + 1) * n / PARTS;
                for (int r = from; r < to; r += SUB_ROWS) {
                    int count = Math.min(SUB_ROWS, to - r);
                    LinearKernel.scores(w, b, c, d, x, rows, r, count, s);
                    for (int i = 0; i < count; i++) {
                        int label = y[rows == null ? r + i : rows[r + i]];
                        sum += kind == ImageLoss.SVM ? svm(s, i * c, c, label) : softmax(s, i * c, c, label);
                    }
                    LinearKernel.accumulate(s, c, d, x, rows, r, count, gp, gbp);
                }
                loss[p] = sum;
            });
            double total = 0;
            for (double l : loss) {
                total += l;
            }
            return total;
        }

        /**
         * Writes {@code G / n + 2 · reg · W} into {@code gw} and {@code Gb / n} into {@code gb} from the last
         * {@link #run}, and returns {@code reg · Σ W²}.
         */
        double gradient(float[] w, int n, double reg, float[] gw, float[] gbOut) {
            sumParts();
            float inv = 1f / n;
            float twoReg = (float) (2 * reg);
            double sq = 0;
            float[] g0 = g[0];
            for (int i = 0; i < gw.length; i++) {
                float v = w[i];
                sq += (double) v * v;
                gw[i] = g0[i] * inv + twoReg * v;
            }
            if (gb != null) {
                for (int k = 0; k < c; k++) {
                    gbOut[k] = gb[0][k] * inv;
                }
            }
            return reg * sq;
        }

        /**
         * One SGD step from the last {@link #run}: {@code W −= lr · (G / n + 2 · reg · W)}, b likewise
         * without regularisation; returns {@code reg · Σ W²} of W before the step.
         */
        double step(float[] w, float[] b, int n, double reg, double learningRate) {
            sumParts();
            float inv = 1f / n;
            float twoReg = (float) (2 * reg);
            float lr = (float) learningRate;
            double sq = 0;
            float[] g0 = g[0];
            for (int i = 0; i < w.length; i++) {
                float v = w[i];
                sq += (double) v * v;
                w[i] = v - lr * (g0[i] * inv + twoReg * v);
            }
            if (gb != null) {
                for (int k = 0; k < c; k++) {
                    b[k] -= lr * (gb[0][k] * inv);
                }
            }
            return reg * sq;
        }

        /** Adds parts 1, 2, 3 into part 0, in that order. */
        private void sumParts() {
            float[] g0 = g[0];
            for (int p = 1; p < PARTS; p++) {
                float[] gp = g[p];
                for (int i = 0; i < g0.length; i++) {
                    g0[i] += gp[i];
                }
                if (gb != null) {
                    for (int k = 0; k < c; k++) {
                        gb[0][k] += gb[p][k];
                    }
                }
            }
        }

        /** SVM loss of one score row; overwrites the scores with dS (1 per violated margin, −count at y). */
        private static double svm(float[] s, int o, int c, int y) {
            float sy = s[o + y];
            double sum = 0;
            int violated = 0;
            for (int k = 0; k < c; k++) {
                if (k == y) {
                    continue;
                }
                float margin = s[o + k] - sy + 1f;
                if (margin > 0) {
                    sum += margin;
                    violated++;
                    s[o + k] = 1f;
                } else {
                    s[o + k] = 0f;
                }
            }
            s[o + y] = -violated;
            return sum;
        }

        /** Softmax loss of one score row (largest score subtracted); overwrites the scores with p − 1[y]. */
        private static double softmax(float[] s, int o, int c, int y) {
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                max = Math.max(max, s[o + k]);
            }
            double sum = 0;
            for (int k = 0; k < c; k++) {
                sum += Math.exp((double) s[o + k] - max);
            }
            double zy = (double) s[o + y] - max;
            for (int k = 0; k < c; k++) {
                s[o + k] = (float) (Math.exp((double) s[o + k] - max) / sum);
            }
            s[o + y] -= 1f;
            return Math.log(sum) - zy;
        }
    }
}
