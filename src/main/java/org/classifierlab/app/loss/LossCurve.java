package org.classifierlab.app.loss;

import java.util.Arrays;

import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.SoftmaxLoss;

/**
 * Both losses of one example as its correct-class score {@code s_y} varies and the other scores stay put,
 * sampled by core over a range around the current {@code s_y}. The hinge loss is piecewise linear, so its
 * kinks ({@code s_y = s_j + Δ}) are sampled exactly. Immutable; any thread.
 *
 * @param sy       the sampled values of {@code s_y}, increasing
 * @param hinge    the hinge loss at each sample
 * @param ce       the cross-entropy at each sample
 * @param current  the example's current {@code s_y}
 */
public record LossCurve(double[] sy, double[] hinge, double[] ce, double current) {

    /** Uniform samples across the range; kinks are added on top. */
    static final int SAMPLES = 240;

    /** The range of {@code s_y} to plot: around the current value and the strongest wrong class ± Δ. */
    public static double[] range(LossExample e, double delta) {
        int y = e.correct();
        double sy = e.score(y);
        double strongest = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < e.classCount(); j++) {
            if (j != y) {
                strongest = Math.max(strongest, e.score(j));
            }
        }
        double lo = Math.min(sy, strongest - delta - 2);
        double hi = Math.max(sy, strongest + delta + 2);
        double pad = Math.max(1, 0.12 * (hi - lo));
        return new double[] {lo - pad, hi + pad};
    }

    /** Samples both losses of {@code e} with {@code options} over {@link #range}. */
    public static LossCurve of(LossExample e, HingeLoss.Options options) {
        double[] r = range(e, options.delta());
        int y = e.correct();
        double[] xs = new double[SAMPLES + e.classCount()];
        int n = 0;
        for (int i = 0; i < SAMPLES; i++) {
            xs[n++] = r[0] + (r[1] - r[0]) * i / (SAMPLES - 1);
        }
        for (int j = 0; j < e.classCount(); j++) {
            double kink = e.score(j) + options.delta();
            if (j != y && kink > r[0] && kink < r[1]) {
                xs[n++] = kink;
            }
        }
        xs = Arrays.stream(xs, 0, n).sorted().distinct().toArray();
        double[] hinge = new double[xs.length];
        double[] ce = new double[xs.length];
        double[] s = e.scores();
        for (int i = 0; i < xs.length; i++) {
            s[y] = xs[i];
            hinge[i] = HingeLoss.of(s, y, options).loss();
            ce[i] = SoftmaxLoss.loss(s, y);
        }
        return new LossCurve(xs, hinge, ce, e.score(y));
    }
}
