package org.classifierlab.app.loss;

import static org.classifierlab.app.loss.LossFormat.number;
import static org.classifierlab.app.loss.LossFormat.scores;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.SoftmaxLoss;

/**
 * The lecture's questions about the two losses, one click each: every preset sets the explorer's state and
 * writes a note with what to notice, the numbers computed by core, and where it helps a small comparison
 * table whose rows can be explored. Stateless; any thread.
 */
public enum LossPreset {

    MARGINS_MET("[10, 9, 9] vs [10, −100, −100] vs 20",
            "Once the margins hold, does either loss still care?") {
        @Override
        public Outcome apply(LossState from) {
            LossExample a = slide("margins met: [10, 9, 9]", 10, 9, 9);
            LossExample b = slide("margins met: [10, −100, −100]", 10, -100, -100);
            LossExample c = slide("margins met: correct score doubled", 20, 9, 9);
            String text = String.format(Locale.ROOT, "Hinge loss is %s, %s and %s: once every wrong score is at "
                    + "least Δ = 1 below the correct one, the SVM does not care by how much ([10, 9, 9] sits exactly "
                    + "on the margin: 9 − 10 + 1 = 0). Cross-entropy is %s, %s and %s: it is never exactly 0 and "
                    + "always wants a bigger gap. Click a row to explore it.",
                    number(hinge(a)), number(hinge(b)), number(hinge(c)), number(ce(a)), number(ce(b)), number(ce(c)));
            return compared(title(), from, a, text, List.of(a, b, c));
        }
    },

    DELTA_TEN("s = [13, −7, 11], y = 0, Δ = 10", "The lecture notes' worked example with a margin of 10") {
        @Override
        public Outcome apply(LossState from) {
            LossExample e = slide("notes: Δ = 10", 13, -7, 11);
            HingeLoss.Options o = STANDARD.withDelta(10);
            HingeLoss.Result r = HingeLoss.of(e.scores(), 0, o);
            String text = String.format(Locale.ROOT, "Hinge = %s. The correct class (cat, 13) beats frog (11) by "
                    + "only 2, less than the margin Δ = 10, so frog adds 10 − 2 = %s; car is 20 below, far past "
                    + "the margin, and adds 0. Cross-entropy = %s.",
                    HingeFormula.full(e, o, r), LossFormat.score(r.terms()[2]), number(ce(e)));
            return new Outcome(scratchState(from, e, o), new Note(title(), text, null));
        }
    },

    INITIALISATION("All scores ≈ 0 (initialisation)", "What loss should training start from?") {
        @Override
        public Outcome apply(LossState from) {
            LossExample current = from.current();
            int c = current.classCount();
            LossExample zero = zeros(current, c);
            int other = c == LossExample.MAX_CLASSES ? 3 : LossExample.MAX_CLASSES;
            List<LossExample> states = new ArrayList<>(List.of(zero, zeros(current, other)));
            if (other < c) {
                states = List.of(states.get(1), states.get(0));
            }
            String text = String.format(Locale.ROOT, "With small random weights every score is ≈ 0. Each of the "
                    + "C − 1 wrong classes then has margin 0 − 0 + 1 = 1, so hinge = C − 1 = %d, here %s; softmax "
                    + "gives every class p = 1/C, so cross-entropy = ln C = ln %d = %s. A first loss far from "
                    + "these values means a bug (CIFAR-10: 9 and 2.30).",
                    c - 1, number(hinge(zero)), c, number(ce(zero)));
            List<Row> rows = new ArrayList<>();
            for (LossExample e : states) {
                int k = e.classCount();
                rows.add(new Row(List.of("C = " + k + (k == 10 ? " (CIFAR-10)" : ""),
                        number(hinge(e)) + "  (C − 1)", number(ce(e)) + "  (ln " + k + ")"),
                        scratchState(from, e, STANDARD)));
            }
            Comparison table = new Comparison(List.of("Classes", "Hinge", "Cross-entropy"), rows);
            return new Outcome(scratchState(from, zero, STANDARD), new Note(title(), text, table));
        }

        private static LossExample zeros(LossExample like, int c) {
            LossExample e = like.withClassCount(c).withName("initialisation, C = " + c);
            return e.withScores(new double[c]);
        }
    },

    CAR_DROPS("Car's score drops by 0.5", "Example 2 (a car): what if car's score changes a bit?") {
        @Override
        public Outcome apply(LossState from) {
            LossExample before = LossExample.slideExamples().get(1).withName("car image");
            LossExample after = before.withScore(1, 4.4).withName("car image, car − 0.5");
            String text = String.format(Locale.ROOT, "Car beats cat by 3.6 and frog by 2.9, far more than Δ = 1. "
                    + "Lowering it from 4.9 to 4.4 keeps both margins, so the hinge loss stays %s → %s: the SVM "
                    + "ignores small changes once the margins hold. Cross-entropy rises from %s to %s: every "
                    + "change of any score moves it.",
                    number(hinge(before)), number(hinge(after)), number(ce(before)), number(ce(after)));
            return compared(title(), from, after, text, List.of(before, after));
        }
    },

    MIN_MAX("Min / max possible loss", "What are the smallest and largest values each loss can take?") {
        @Override
        public Outcome apply(LossState from) {
            LossExample best = slide("correct class far ahead", 20, -20, -20);
            LossExample worst = slide("correct class far behind", -20, 20, 20);
            String text = String.format(Locale.ROOT, "Both losses lie in [0, ∞). Hinge reaches its minimum 0 as "
                    + "soon as every margin holds (%s with cat 40 ahead); cross-entropy only approaches 0 as p_y → 1 "
                    + "(%s) and never reaches it with finite scores. With the correct class 40 behind, hinge = %s "
                    + "and cross-entropy = %s: both grow without bound as the gap grows.",
                    number(hinge(best)), number(ce(best)), number(hinge(worst)), number(ce(worst)));
            return compared(title(), from, worst, text, List.of(best, worst));
        }
    },

    INCLUDE_CORRECT("Sum over all classes, including y", "What if the sum also ran over j = y?",
            new OptionSwitch(HingeLoss.Options.STANDARD.withIncludeCorrect(true), "Σ over j ≠ y", "Σ over all j",
                    "Including j = y adds max(0, s_y − s_y + Δ) = Δ = 1 to every example: %s; average %s → %s. "
                    + "A constant shift: the best W does not change, only the minimum becomes Δ instead of 0 "
                    + "(which is why the sum leaves y out).")),

    MEAN("Mean instead of sum", "What if we averaged the terms instead of summing them?",
            new OptionSwitch(HingeLoss.Options.STANDARD.withMean(true), "Sum", "Mean",
                    "The mean divides each example's loss by its number of terms, C − 1: %s; average %s → %s. "
                    + "Scaling by a constant does not change which W is best.")),

    SQUARED("Squared hinge", "What if we squared each term, max(0, s_j − s_y + Δ)²?",
            new OptionSwitch(HingeLoss.Options.STANDARD.withSquared(true), "Hinge", "Squared",
                    "Squaring each term: %s; average %s → %s. Not a rescaling but a different loss: a big violation "
                    + "costs much more (6.6 → 43.56), a small one less (0.5 → 0.25).")),

    STABILITY("Scores around ±1000", "Why shift the scores by their maximum before exp?") {
        @Override
        public Outcome apply(LossState from) {
            LossExample e = slide("scores around ±1000", 1000, 1001, -1000);
            SoftmaxLoss.Result r = SoftmaxLoss.of(e.scores(), 0);
            String text = String.format(Locale.ROOT, "exp(1000) overflows a double (the largest is ≈ exp(709.8)): "
                    + "naively e^s = ∞ and p = ∞/∞ = NaN. Shifting by max = %s first (the notes' f -= np.max(f)) "
                    + "gives exp(−1) = %s, exp(0) = %s and exp(−2001) = 0, a harmless underflow: the same "
                    + "probabilities, so cross-entropy = %s, finite and correct. Hinge = %s needs no exp.",
                    LossFormat.score(r.max()), number(r.exps()[0]), number(r.exps()[1]), number(r.loss()),
                    number(hinge(e)));
            return new Outcome(scratchState(from, e, STANDARD), new Note(title(), text, null));
        }
    };

    /** What a preset shows beside the explorer: a title, the text to read and an optional comparison. */
    public record Note(String title, String text, Comparison comparison) {
    }

    /** A small table comparing states; clicking a row with a target explores that state. */
    public record Comparison(List<String> headers, List<Row> rows) {
        public Comparison {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
        }
    }

    /** One comparison row: its cells and the state it stands for (null for a summary row). */
    public record Row(List<String> cells, LossState target) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** The explorer's new state and the note to show. */
    public record Outcome(LossState state, Note note) {
    }

    private static final HingeLoss.Options STANDARD = HingeLoss.Options.STANDARD;
    private static final List<String> SLIDE_CLASSES = List.of("cat", "car", "frog");

    private final String title;
    private final String question;
    private final OptionSwitch optionSwitch;

    /** A preset with its own story: its constant overrides {@link #apply}. */
    LossPreset(String title, String question) {
        this(title, question, null);
    }

    /** A preset that switches one hinge option on for the whole examples table. */
    LossPreset(String title, String question, OptionSwitch optionSwitch) {
        this.title = title;
        this.question = question;
        this.optionSwitch = optionSwitch;
    }

    /** The button text. */
    public String title() {
        return title;
    }

    /** The lecture's question, as a tooltip. */
    public String question() {
        return question;
    }

    /** This preset applied on top of {@code from}: the examples table is kept, never overwritten. */
    public Outcome apply(LossState from) {
        return optionSwitch.apply(from, title);
    }

    private static LossExample slide(String name, double cat, double car, double frog) {
        return new LossExample(name, SLIDE_CLASSES, new double[] {cat, car, frog}, 0);
    }

    private static LossState scratchState(LossState from, LossExample e, HingeLoss.Options o) {
        return from.withScratch(e).withOptions(o);
    }

    private static double hinge(LossExample e) {
        return HingeLoss.of(e.scores(), e.correct(), STANDARD).loss();
    }

    private static double ce(LossExample e) {
        return SoftmaxLoss.loss(e.scores(), e.correct());
    }

    /** Explores {@code shown} with a note titled {@code title}: {@code text} and a table of {@code states}. */
    private static Outcome compared(String title, LossState from, LossExample shown, String text,
            List<LossExample> states) {
        return new Outcome(scratchState(from, shown, STANDARD),
                new Note(title, text, stateTable(from, states, STANDARD)));
    }

    /** Rows of scores with both losses, each explorable. */
    private static Comparison stateTable(LossState from, List<LossExample> states, HingeLoss.Options o) {
        List<Row> rows = new ArrayList<>();
        for (LossExample e : states) {
            rows.add(new Row(List.of(scores(e.scores()), number(HingeLoss.of(e.scores(), e.correct(), o).loss()),
                    number(ce(e))), scratchState(from, e, o)));
        }
        return new Comparison(List.of("Scores (y = " + states.get(0).correctName() + ")", "Hinge", "Cross-entropy"),
                rows);
    }

    /**
     * A hinge option switched on for the whole examples table: each example's loss before and after, and the
     * averages; {@code format} gets the per-example changes and the two averages.
     */
    private record OptionSwitch(HingeLoss.Options variant, String beforeHeader, String afterHeader, String format) {

        Outcome apply(LossState from, String title) {
            ExampleLosses before = ExampleLosses.of(from.examples(), STANDARD);
            ExampleLosses after = ExampleLosses.of(from.examples(), variant);
            LossState target = from.withSelected(from.exploringRow() ? from.selected() : 0).withOptions(variant);
            List<Row> rows = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            for (int i = 0; i < before.rows().size(); i++) {
                String b = number(before.rows().get(i).hinge());
                String a = number(after.rows().get(i).hinge());
                changes.add(b + " → " + a);
                rows.add(new Row(List.of(before.rows().get(i).example().name(), b, a), target.withSelected(i)));
            }
            rows.add(new Row(List.of("Average", number(before.meanHinge()), number(after.meanHinge())), null));
            String shown = changes.size() <= 4 ? String.join(", ", changes)
                    : String.join(", ", changes.subList(0, 3)) + ", …";
            String text = String.format(Locale.ROOT, format, shown, number(before.meanHinge()),
                    number(after.meanHinge()));
            return new Outcome(target, new Note(title, text,
                    new Comparison(List.of("Example", beforeHeader, afterHeader), rows)));
        }
    }
}
