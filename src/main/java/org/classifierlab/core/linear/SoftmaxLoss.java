package org.classifierlab.core.linear;

/**
 * The softmax cross-entropy loss of one example, kept step by step (scores → exp → normalise → −log p_y)
 * so a view can show every number. Computed stably: the scores are shifted by their maximum first, and
 * the loss is {@code log Σ exp(s_j − max) − (s_y − max)}, which stays finite and exact even when p_y
 * underflows to 0, and stays above 0 (not rounded to 0) when p_y is within 1e−16 of 1. Stateless; any thread.
 */
public final class SoftmaxLoss {

    /**
     * One example's cross-entropy.
     *
     * @param max           the largest score, subtracted before exponentiating
     * @param shifted       {@code s_j − max}
     * @param exps          {@code exp(s_j − max)}, each in (0, 1]
     * @param sumExps       {@code Σ exps}, in [1, C]
     * @param probabilities {@code exps / sumExps}
     * @param loss          {@code −log p_y}, from the shifted scores
     */
    public record Result(double max, double[] shifted, double[] exps, double sumExps, double[] probabilities,
            double loss) {

        /**
         * {@code exp(s_j)} without the shift, as the slides show it; infinite or 0 where it overflows or
         * underflows a double (which is why the computation shifts).
         */
        public double unshiftedExp(int j) {
            return Math.exp(shifted[j] + max);
        }
    }

    private SoftmaxLoss() {
    }

    /**
     * The cross-entropy of {@code scores} with correct class {@code y}.
     *
     * @throws IllegalArgumentException if there are fewer than 2 scores, a score is not finite, or
     *                                  {@code y} is out of range
     */
    public static Result of(double[] scores, int y) {
        Scores.check(scores, y);
        int c = scores.length;
        int top = 0;
        for (int j = 1; j < c; j++) {
            if (scores[j] > scores[top]) {
                top = j;
            }
        }
        double max = scores[top];
        double[] shifted = new double[c];
        double[] exps = new double[c];
        // Σ exp(s_j − max) = 1 + rest, and log1p(rest) keeps a loss like 2·e^−110 that log(1 + rest) rounds to 0.
        double rest = 0;
        for (int j = 0; j < c; j++) {
            shifted[j] = scores[j] - max;
            exps[j] = Math.exp(shifted[j]);
            if (j != top) {
                rest += exps[j];
            }
        }
        double sum = 1 + rest;
        double[] p = new double[c];
        for (int j = 0; j < c; j++) {
            p[j] = exps[j] / sum;
        }
        return new Result(max, shifted, exps, sum, p, Math.log1p(rest) - shifted[y]);
    }

    /** Just the loss. */
    public static double loss(double[] scores, int y) {
        return of(scores, y).loss();
    }
}
