package org.classifierlab.app.loss;

import java.util.ArrayList;
import java.util.List;

import org.classifierlab.core.linear.HingeLoss;

/**
 * The hinge loss written out with the example's numbers substituted, e.g.
 * {@code max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9 + 0 = 2.9}. The numbers come from core's
 * {@link HingeLoss.Result}; this class only writes them. Stateless; any thread.
 */
final class HingeFormula {

    private HingeFormula() {
    }

    /** The classes that contribute a term, in order: the wrong ones, plus y when the options include it. */
    static List<Integer> termClasses(LossExample e, HingeLoss.Options o) {
        List<Integer> list = new ArrayList<>();
        for (int j = 0; j < e.classCount(); j++) {
            if (j != e.correct() || o.includeCorrect()) {
                list.add(j);
            }
        }
        return list;
    }

    /** {@code max(0, s_j − s_y + Δ)} with the numbers, squared if the options say so. */
    static String term(LossExample e, HingeLoss.Options o, int j) {
        String inner = "max(0, " + LossFormat.score(e.score(j)) + " " + minusTerm(e.score(e.correct())) + " + "
                + LossFormat.score(o.delta()) + ")";
        return o.squared() ? inner + "²" : inner;
    }

    /** The symbolic form of the loss for these options. */
    static String symbolic(HingeLoss.Options o) {
        String t = o.squared() ? "max(0, s_j − s_y + Δ)²" : "max(0, s_j − s_y + Δ)";
        String over = o.includeCorrect() ? "all j" : "j ≠ y";
        return o.mean() ? "mean over " + over + " of " + t : "Σ over " + over + " of " + t;
    }

    /** The whole loss with numbers: terms, their values and the total. */
    static String full(LossExample e, HingeLoss.Options o, HingeLoss.Result r) {
        List<Integer> js = termClasses(e, o);
        List<String> terms = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int j : js) {
            terms.add(term(e, o, j));
            values.add(LossFormat.score(r.terms()[j]));
        }
        String sum = String.join(" + ", values);
        String total = o.mean() ? "(" + sum + ") / " + js.size() : sum;
        return String.join(" + ", terms) + " = " + total + " = " + LossFormat.score(r.loss());
    }

    /** {@code − 3.2}, or {@code − (−3.2)} for a negative score. */
    private static String minusTerm(double v) {
        String s = LossFormat.score(v);
        return v < 0 ? "− (" + s + ")" : "− " + s;
    }
}
