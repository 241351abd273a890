package org.classifierlab.app.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.SoftmaxLoss;

/**
 * One image's class scores under one model, its hinge (Δ = 1) and cross-entropy loss over all classes, and the
 * classes shown as bars and handed to the loss explorer: all of them up to {@link #MAX_SHOWN}, else the
 * {@link #MAX_SHOWN} highest, with the correct class in place of the last when it is not among them. Immutable; any
 * thread.
 *
 * @param scores  every class's score
 * @param correct the true class
 * @param names   every class's name
 * @param shown   the classes shown, in class order
 */
public record ImageScores(double[] scores, int correct, List<String> names, int[] shown, double hinge,
                          double crossEntropy) {

    /** Most classes shown and explored (the loss explorer's limit). */
    public static final int MAX_SHOWN = 10;

    public ImageScores {
        scores = scores.clone();
        shown = shown.clone();
        names = List.copyOf(names);
    }

    /** The scores of an image of class {@code correct}, with both losses from core. */
    public static ImageScores of(double[] scores, int correct, List<String> names) {
        int c = scores.length;
        int[] shown;
        if (c <= MAX_SHOWN) {
            shown = IntStream.range(0, c).toArray();
        } else {
            List<Integer> top = new ArrayList<>(IntStream.range(0, c).boxed()
                    .sorted(Comparator.comparingDouble((Integer j) -> -scores[j]).thenComparing(j -> j))
                    .limit(MAX_SHOWN).toList());
            if (!top.contains(correct)) {
                top.set(MAX_SHOWN - 1, correct);
            }
            shown = top.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return new ImageScores(scores, correct, names, shown, HingeLoss.loss(scores, correct),
                SoftmaxLoss.loss(scores, correct));
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public int[] shown() {
        return shown.clone();
    }

    /** Whether only some classes are shown (more than {@link #MAX_SHOWN}). */
    public boolean partial() {
        return shown.length < scores.length;
    }

    /** The shown classes' scores, in the order of {@link #shown()}. */
    public double[] shownScores() {
        return IntStream.of(shown).mapToDouble(j -> scores[j]).toArray();
    }

    /** The shown classes' names. */
    public List<String> shownNames() {
        return IntStream.of(shown).mapToObj(names::get).toList();
    }

    /** The position of the correct class among the shown ones. */
    public int shownCorrect() {
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] == correct) {
                return i;
            }
        }
        throw new IllegalStateException("the correct class is always shown");
    }

    /** The class with the highest score (the prediction), the smallest index on a tie. */
    public int predicted() {
        int best = 0;
        for (int j = 1; j < scores.length; j++) {
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        return best;
    }
}
