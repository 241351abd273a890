package org.classifierlab.core.linear;

import java.util.Objects;

/**
 * The multiclass SVM (hinge) loss of one example, with the variations the lecture asks about: margin Δ,
 * squared hinge, summing over every class including the correct one, and the mean instead of the sum.
 * Stateless; any thread.
 */
public final class HingeLoss {

    /**
     * How to turn the score vector into one number.
     *
     * @param delta          the margin Δ ≥ 0 (1 in the lecture)
     * @param squared        {@code max(0, ·)²} instead of {@code max(0, ·)}
     * @param includeCorrect also add the term of the correct class, {@code max(0, Δ)} (the lecture's
     *                       "what if the sum were over all classes, including j = y?")
     * @param mean           divide by the number of terms instead of summing
     */
    public record Options(double delta, boolean squared, boolean includeCorrect, boolean mean) {

        /** The lecture's definition: Δ = 1, plain hinge, sum over the wrong classes. */
        public static final Options STANDARD = new Options(1, false, false, false);

        public Options {
            if (!(delta >= 0) || Double.isInfinite(delta)) {
                throw new IllegalArgumentException("the margin must be a finite number ≥ 0, was " + delta);
            }
        }

        public Options withDelta(double d) {
            return new Options(d, squared, includeCorrect, mean);
        }

        public Options withSquared(boolean s) {
            return new Options(delta, s, includeCorrect, mean);
        }

        public Options withIncludeCorrect(boolean i) {
            return new Options(delta, squared, i, mean);
        }

        public Options withMean(boolean m) {
            return new Options(delta, squared, includeCorrect, m);
        }
    }

    /**
     * One example's hinge loss.
     *
     * @param terms   the term of every class, {@code max(0, s_j − s_y + Δ)} (squared if asked); the
     *                correct class's term is 0 unless {@link Options#includeCorrect()}
     * @param margins the raw margins {@code s_j − s_y + Δ} before the max, for every class
     * @param loss    the sum (or mean) of the terms
     */
    public record Result(double[] terms, double[] margins, double loss) {

        /** Whether class {@code j}'s term is above zero (a violated margin). */
        public boolean violated(int j) {
            return terms[j] > 0;
        }
    }

    private HingeLoss() {
    }

    /**
     * The hinge loss of {@code scores} with correct class {@code y}.
     *
     * @throws IllegalArgumentException if there are fewer than 2 scores, a score is not finite, or
     *                                  {@code y} is out of range
     */
    public static Result of(double[] scores, int y, Options options) {
        Objects.requireNonNull(options, "options");
        Scores.check(scores, y);
        int c = scores.length;
        double[] terms = new double[c];
        double[] margins = new double[c];
        double sum = 0;
        for (int j = 0; j < c; j++) {
            margins[j] = scores[j] - scores[y] + options.delta();
            if (j == y && !options.includeCorrect()) {
                continue;
            }
            double t = Math.max(0, margins[j]);
            terms[j] = options.squared() ? t * t : t;
            sum += terms[j];
        }
        int count = options.includeCorrect() ? c : c - 1;
        return new Result(terms, margins, options.mean() ? sum / count : sum);
    }

    /** The lecture's hinge loss (Δ = 1, sum over the wrong classes). */
    public static double loss(double[] scores, int y) {
        return of(scores, y, Options.STANDARD).loss();
    }
}
