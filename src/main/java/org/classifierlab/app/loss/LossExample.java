package org.classifierlab.app.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One example of the explorer: a name, the class names, the score of every class and the correct class.
 * Immutable (the score array is copied in and out); any thread.
 *
 * @param name    how the examples table names it ("1", "2", …) or what a preset state is
 * @param classes the class names, 2 to {@link #MAX_CLASSES}
 * @param scores  one finite score per class, each within ±{@link #MAX_ABS_SCORE}
 * @param correct the index of the correct class y
 */
public record LossExample(String name, List<String> classes, double[] scores, int correct) {

    public static final int MIN_CLASSES = 2;
    public static final int MAX_CLASSES = 10;
    /** Largest score magnitude the explorer accepts: far beyond where a naive exp overflows (≈ 709.8). */
    public static final double MAX_ABS_SCORE = 1e6;

    public LossExample {
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(classes);
        scores = scores.clone();
        if (classes.size() != scores.length) {
            throw new IllegalArgumentException(classes.size() + " class names but " + scores.length + " scores");
        }
        if (scores.length < MIN_CLASSES || scores.length > MAX_CLASSES) {
            throw new IllegalArgumentException("an example needs " + MIN_CLASSES + " to " + MAX_CLASSES
                    + " classes, was " + scores.length);
        }
        if (correct < 0 || correct >= scores.length) {
            throw new IllegalArgumentException("the correct class must be 0 to " + (scores.length - 1)
                    + ", was " + correct);
        }
        for (double s : scores) {
            checkScore(s);
        }
    }

    /** The slides' three training examples: a cat, a car and a frog image scored for cat, car and frog. */
    public static List<LossExample> slideExamples() {
        List<String> classes = List.of("cat", "car", "frog");
        return List.of(new LossExample("1", classes, new double[] {3.2, 5.1, -1.7}, 0),
                new LossExample("2", classes, new double[] {1.3, 4.9, 2.0}, 1),
                new LossExample("3", classes, new double[] {2.2, 2.5, -3.1}, 2));
    }

    /**
     * Checks a score the user entered.
     *
     * @throws IllegalArgumentException with a message fit to show
     */
    public static void checkScore(double s) {
        if (!Double.isFinite(s) || Math.abs(s) > MAX_ABS_SCORE) {
            throw new IllegalArgumentException("A score must be a number between " + LossFormat.MINUS
                    + "1,000,000 and 1,000,000.");
        }
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    public double score(int j) {
        return scores[j];
    }

    public int classCount() {
        return scores.length;
    }

    public String className(int j) {
        return classes.get(j);
    }

    public String correctName() {
        return classes.get(correct);
    }

    public LossExample withName(String n) {
        return new LossExample(n, classes, scores, correct);
    }

    public LossExample withScore(int j, double value) {
        double[] s = scores.clone();
        s[j] = value;
        return new LossExample(name, classes, s, correct);
    }

    public LossExample withScores(double[] s) {
        return new LossExample(name, classes, s, correct);
    }

    public LossExample withCorrect(int y) {
        return new LossExample(name, classes, scores, y);
    }

    public LossExample withClassName(int j, String className) {
        List<String> c = new ArrayList<>(classes);
        c.set(j, className);
        return new LossExample(name, c, scores, correct);
    }

    /**
     * The example with {@code n} classes: new classes are called "class k" (1-based, as the table shows them)
     * and score 0; removed classes are taken from the end, and if the correct class goes, class 0 becomes it.
     */
    public LossExample withClassCount(int n) {
        if (n < MIN_CLASSES || n > MAX_CLASSES) {
            throw new IllegalArgumentException("The number of classes must be " + MIN_CLASSES + " to "
                    + MAX_CLASSES + ".");
        }
        List<String> c = new ArrayList<>(classes.subList(0, Math.min(n, classes.size())));
        for (int k = c.size(); k < n; k++) {
            String candidate = "class " + (k + 1);
            c.add(c.contains(candidate) ? "class " + (k + 1) + "'" : candidate);
        }
        return new LossExample(name, c, Arrays.copyOf(scores, n), correct < n ? correct : 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossExample e && e.name.equals(name) && e.classes.equals(classes)
                && Arrays.equals(e.scores, scores) && e.correct == correct;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, classes, Arrays.hashCode(scores), correct);
    }

    @Override
    public String toString() {
        return "LossExample[" + name + ", " + classes + ", " + Arrays.toString(scores) + ", y=" + correct + "]";
    }
}
