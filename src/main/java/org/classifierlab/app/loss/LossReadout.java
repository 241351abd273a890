package org.classifierlab.app.loss;

import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.SoftmaxLoss;

/**
 * Both losses of one example, step by step, as computed by core's {@link HingeLoss} and {@link SoftmaxLoss}:
 * what every panel of the explorer shows. Immutable; any thread.
 */
public record LossReadout(LossExample example, HingeLoss.Options options, HingeLoss.Result hinge,
        SoftmaxLoss.Result softmax) {

    /** Computes both losses of {@code example} (microseconds: fine on the FX thread on every drag event). */
    public static LossReadout of(LossExample example, HingeLoss.Options options) {
        double[] s = example.scores();
        return new LossReadout(example, options, HingeLoss.of(s, example.correct(), options),
                SoftmaxLoss.of(s, example.correct()));
    }

    public double hingeLoss() {
        return hinge.loss();
    }

    public double crossEntropy() {
        return softmax.loss();
    }

    /** Whether {@code exp(s_j)} without the shift overflows a double, the reason the softmax shifts by the max. */
    public boolean overflows(int j) {
        return Double.isInfinite(softmax.unshiftedExp(j));
    }

    /** Whether any unshifted {@code exp(s_j)} overflows. */
    public boolean anyOverflow() {
        for (int j = 0; j < example.classCount(); j++) {
            if (overflows(j)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Σ exp(s_j)} without the shift, as the slide adds it up; ∞ once one term overflows. */
    public double unshiftedExpSum() {
        double sum = 0;
        for (int j = 0; j < example.classCount(); j++) {
            sum += softmax.unshiftedExp(j);
        }
        return sum;
    }

    /** The level {@code s_y − Δ} every wrong score must stay below for its hinge term to be 0. */
    public double marginLevel() {
        return example.score(example.correct()) - options.delta();
    }
}
