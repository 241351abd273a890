package org.classifierlab.core.linear;

import java.util.ArrayList;
import java.util.List;

import org.classifierlab.core.knn.LabeledPoints;

/**
 * Compares the analytic gradient of a {@link LinearObjective} with centred finite differences,
 * {@code (L(θ + h) − L(θ − h)) / 2h}, entry by entry. Also reports what the check would say of the
 * CS231n web demo's regularisation gradient, which adds {@code λ W} where {@code ∂(λ Σ W²)/∂W = 2 λ W}.
 * Stateless; any thread.
 */
public final class GradientCheck {

    /** The default finite-difference step. */
    public static final double DEFAULT_STEP = 1e-5;

    /**
     * One parameter's check.
     *
     * @param index          flat parameter index (see {@link LinearModel})
     * @param name           e.g. {@code W[0][1]} or {@code b[2]}
     * @param analytic       our gradient
     * @param numeric        the centred difference
     * @param relativeError  {@code |a − n| / max(|a|, |n|, 1e−6)} (see {@link #relativeError})
     * @param demoAnalytic   the web demo's gradient for this entry (ours minus λW for weights, ours for biases)
     * @param demoRelativeError the relative error of {@code demoAnalytic} against {@code numeric}
     */
    public record Entry(int index, String name, double analytic, double numeric, double relativeError,
            double demoAnalytic, double demoRelativeError) {

        /**
         * Whether both gradients are below {@link #ZERO_SCALE}: then the relative error measures only the
         * rounding of the difference quotient (about ε·L/h), and the entry is judged by {@code |a − n|}.
         */
        public boolean nearZero() {
            return Math.max(Math.abs(analytic), Math.abs(numeric)) < ZERO_SCALE;
        }
    }

    /**
     * The whole check.
     *
     * @param entries one per parameter, in the flat order
     * @param step    the finite-difference step h
     */
    public record Report(List<Entry> entries, double step) {

        public Report {
            entries = List.copyOf(entries);
        }

        /** The largest relative error of our gradient over the entries that are not {@link Entry#nearZero()}. */
        public double maxRelativeError() {
            return entries.stream().filter(e -> !e.nearZero()).mapToDouble(Entry::relativeError).max().orElse(0);
        }

        /** The largest {@code |a − n|} over the {@link Entry#nearZero()} entries (0 if there are none). */
        public double maxNearZeroDifference() {
            return entries.stream().filter(Entry::nearZero).mapToDouble(e -> Math.abs(e.analytic() - e.numeric()))
                    .max().orElse(0);
        }

        /** The names of the {@link Entry#nearZero()} entries, in parameter order. */
        public List<String> nearZeroNames() {
            return entries.stream().filter(Entry::nearZero).map(Entry::name).toList();
        }

        /** How our gradient fares: {@link #maxRelativeError()} read as the CS231n notes read it. */
        public Verdict verdict() {
            return maxNearZeroDifference() >= ZERO_TOLERANCE ? Verdict.WRONG : Verdict.of(maxRelativeError());
        }

        /** The largest relative error the web demo's regularisation gradient would have. */
        public double maxDemoRelativeError() {
            return entries.stream().filter(e -> !e.nearZero()).mapToDouble(Entry::demoRelativeError).max().orElse(0);
        }
    }

    /** The CS231n notes' reading of a gradient check's relative error. */
    public enum Verdict {
        /** Below 1e−7: the gradient is right. */
        CORRECT("the analytic gradient is right"),
        /** Below 1e−4: right, for a loss with kinks (a hinge margin within h of the point) or rounding. */
        CORRECT_WITH_KINKS("the analytic gradient is right (an error this size comes from a hinge kink within h "
                + "of a margin, or from rounding)"),
        /** Below 1e−2: suspicious. */
        SUSPICIOUS("suspicious: a kink of the hinge loss may lie within h of this point (try again after a step), "
                + "or the gradient is wrong"),
        /** Otherwise: wrong. */
        WRONG("the gradients disagree: the analytic gradient is wrong");

        private final String meaning;

        Verdict(String meaning) {
            this.meaning = meaning;
        }

        /** One sentence for the UI. */
        public String meaning() {
            return meaning;
        }

        /** Whether the gradient passes (correct, with or without kinks). */
        public boolean passes() {
            return this == CORRECT || this == CORRECT_WITH_KINKS;
        }

        /** The verdict for a relative error. */
        public static Verdict of(double relativeError) {
            if (relativeError < 1e-7) {
                return CORRECT;
            } else if (relativeError < 1e-4) {
                return CORRECT_WITH_KINKS;
            } else if (relativeError < 1e-2) {
                return SUSPICIOUS;
            }
            return WRONG;
        }
    }

    private GradientCheck() {
    }

    /** Checks every parameter of {@code model} with step {@code h}. */
    public static Report check(LinearObjective objective, LinearModel model, LabeledPoints points, double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("the finite-difference step must be > 0, was " + h);
        }
        Gradient analytic = objective.evaluate(model, points).gradient();
        int weights = model.classCount() * model.dimension();
        List<Entry> entries = new ArrayList<>(model.parameterCount());
        for (int p = 0; p < model.parameterCount(); p++) {
            double v = model.parameter(p);
            double plus = objective.totalLoss(model.withParameter(p, v + h), points);
            double minus = objective.totalLoss(model.withParameter(p, v - h), points);
            double numeric = (plus - minus) / (2 * h);
            double a = analytic.get(p);
            double demo = p < weights ? a - objective.lambda() * v : a;
            entries.add(new Entry(p, model.parameterName(p), a, numeric, relativeError(a, numeric), demo,
                    relativeError(demo, numeric)));
        }
        return new Report(entries, h);
    }

    /** Checks with {@link #DEFAULT_STEP}. */
    public static Report check(LinearObjective objective, LinearModel model, LabeledPoints points) {
        return check(objective, model, points, DEFAULT_STEP);
    }

    /**
     * Below this magnitude a gradient entry counts as zero ({@link Entry#nearZero()}); the relative error
     * also divides by at least this, so an entry that is exactly 0 analytically and 4e−11 numerically
     * (rounding noise of the centred difference, about ε·L/h) reads 4e−5, not 100 %.
     */
    public static final double ZERO_SCALE = 1e-6;

    /** Largest {@code |a − n|} of two near-zero gradients that is still rounding noise. */
    public static final double ZERO_TOLERANCE = 1e-8;

    /** {@code |a − b| / max(|a|, |b|, ZERO_SCALE)}; 0 when both are 0. */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(ZERO_SCALE, Math.max(Math.abs(a), Math.abs(b)));
    }
}
