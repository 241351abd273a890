package org.classifierlab.core.linear;

import java.util.Arrays;
import java.util.Locale;

/**
 * The four data losses of the CS231n linear-classify demo, each for one example with margin 1, with the
 * gradient with respect to the scores. Stateless; any thread.
 */
public enum LossFormulation {

    /** Weston–Watkins 1999: {@code Σ_{j≠y} max(0, s_j − s_y + 1)}. */
    WESTON_WATKINS("ww", "Weston–Watkins SVM", "Σ_{j≠y} max(0, s_j − s_y + 1)", true) {
        @Override
        double lossAndGradient(double[] s, int y, double[] ds) {
            double loss = 0;
            for (int j = 0; j < s.length; j++) {
                if (j == y) {
                    continue;
                }
                double margin = s[j] - s[y] + 1;
                if (margin > 0) {
                    loss += margin;
                    ds[j] += 1;
                    ds[y] -= 1;
                }
            }
            return loss;
        }
    },

    /** One-vs-all: {@code Σ_j max(0, 1 − t_j s_j)} with {@code t_y = +1} and {@code t_j = −1} otherwise. */
    ONE_VS_ALL("ova", "One-vs-all SVM", "Σ_j max(0, 1 − t_j·s_j),  t_y = +1, t_j = −1", true) {
        @Override
        double lossAndGradient(double[] s, int y, double[] ds) {
            double loss = 0;
            for (int j = 0; j < s.length; j++) {
                double t = j == y ? 1 : -1;
                double margin = 1 - t * s[j];
                if (margin > 0) {
                    loss += margin;
                    ds[j] -= t;
                }
            }
            return loss;
        }
    },

    /**
     * Structured SVM (Crammer–Singer): only the highest-scoring wrong class counts,
     * {@code max(0, max_{j≠y} s_j − s_y + 1)}; of tied wrong classes the lowest index takes the gradient.
     */
    STRUCTURED("structured", "Structured SVM", "max(0, max_{j≠y} s_j − s_y + 1)", true) {
        @Override
        double lossAndGradient(double[] s, int y, double[] ds) {
            int worst = -1;
            for (int j = 0; j < s.length; j++) {
                if (j != y && (worst < 0 || s[j] > s[worst])) {
                    worst = j;
                }
            }
            double margin = s[worst] - s[y] + 1;
            if (margin <= 0) {
                return 0;
            }
            ds[worst] += 1;
            ds[y] -= 1;
            return margin;
        }
    },

    /** Softmax cross-entropy: {@code −log(e^{s_y} / Σ_j e^{s_j})}, computed stably. */
    SOFTMAX("softmax", "Softmax (cross-entropy)", "−log( e^{s_y} / Σ_j e^{s_j} )", false) {
        @Override
        double lossAndGradient(double[] s, int y, double[] ds) {
            SoftmaxLoss.Result r = SoftmaxLoss.of(s, y);
            for (int j = 0; j < s.length; j++) {
                ds[j] += r.probabilities()[j];
            }
            ds[y] -= 1;
            return r.loss();
        }
    };

    private final String id;
    private final String title;
    private final String formula;
    private final boolean hinge;

    LossFormulation(String id, String title, String formula, boolean hinge) {
        this.id = id;
        this.title = title;
        this.formula = formula;
        this.hinge = hinge;
    }

    /** Short name used on the command line: ww, ova, structured, softmax. */
    public String id() {
        return id;
    }

    /** Name shown in the UI. */
    public String title() {
        return title;
    }

    /** The per-example loss as a one-line formula. */
    public String formula() {
        return formula;
    }

    /** Whether this is one of the hinge (SVM) family, as opposed to cross-entropy. */
    public boolean isHinge() {
        return hinge;
    }

    /**
     * The formulation of the other family, for showing both side by side: softmax for the hinge losses,
     * Weston–Watkins for softmax.
     */
    public LossFormulation otherFamily() {
        return hinge ? SOFTMAX : WESTON_WATKINS;
    }

    /**
     * The loss of one example; adds {@code ∂L_i/∂s} into {@code dScores} (same length as the scores).
     *
     * @throws IllegalArgumentException if a score is not finite, or {@code y} or the lengths are wrong
     */
    public double loss(double[] scores, int y, double[] dScores) {
        Scores.check(scores, y);
        if (dScores.length != scores.length) {
            throw new IllegalArgumentException("dScores has " + dScores.length + " entries, scores "
                    + scores.length);
        }
        return lossAndGradient(scores, y, dScores);
    }

    /** The loss of one example. */
    public double loss(double[] scores, int y) {
        return loss(scores, y, new double[scores.length]);
    }

    abstract double lossAndGradient(double[] s, int y, double[] ds);

    /**
     * The formulation named {@code id} (case-insensitive; {@code ww}, {@code ova}, {@code structured},
     * {@code softmax}).
     *
     * @throws IllegalArgumentException naming the accepted ids
     */
    public static LossFormulation byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        for (LossFormulation f : values()) {
            if (f.id.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "'; use one of "
                + Arrays.stream(values()).map(LossFormulation::id).toList());
    }
}
