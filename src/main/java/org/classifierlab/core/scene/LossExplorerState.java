package org.classifierlab.core.scene;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.classifierlab.core.linear.HingeLoss;

/**
 * The loss explorer in a scene: the examples table, the explored row (−1: the {@code scratch} example of a lecture
 * question), the hinge options and the selected bar. Immutable; any thread.
 */
public record LossExplorerState(List<Example> examples, int selected, Example scratch, HingeLoss.Options options,
                                int selectedBar) implements LessonState {

    /** One example: name, class names, one score per class, the correct class. Immutable (arrays copied). */
    public record Example(String name, List<String> classes, double[] scores, int correct) {
        public Example {
            classes = List.copyOf(classes);
            scores = scores.clone();
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Example e && e.name.equals(name) && e.classes.equals(classes)
                    && Arrays.equals(e.scores, scores) && e.correct == correct;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, classes, Arrays.hashCode(scores), correct);
        }

        @Override
        public String toString() {
            return "Example[" + name + ", " + classes + ", " + Arrays.toString(scores) + ", y=" + correct + "]";
        }
    }

    public LossExplorerState {
        examples = List.copyOf(examples);
        Objects.requireNonNull(options, "options");
    }

    @Override
    public SceneLesson lesson() {
        return SceneLesson.LOSS_EXPLORER;
    }
}
