package org.classifierlab.core.linear;

import java.util.Objects;

/** Argument checks shared by the per-example losses. Stateless; any thread. */
final class Scores {

    /** Most classes a score vector may have. */
    static final int MAX_CLASSES = 1000;

    private Scores() {
    }

    static void check(double[] scores, int y) {
        Objects.requireNonNull(scores, "scores");
        if (scores.length < 2 || scores.length > MAX_CLASSES) {
            throw new IllegalArgumentException("a score vector needs 2 to " + MAX_CLASSES
                    + " classes, was " + scores.length);
        }
        if (y < 0 || y >= scores.length) {
            throw new IllegalArgumentException("the correct class must be between 0 and " + (scores.length - 1)
                    + ", was " + y);
        }
        for (int j = 0; j < scores.length; j++) {
            if (!Double.isFinite(scores[j])) {
                throw new IllegalArgumentException("score " + j + " is not a finite number: " + scores[j]);
            }
        }
    }
}
