package org.classifierlab.app.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** One image's scores, its losses and the classes handed to the loss explorer. */
class ImageScoresTest {

    @Test
    void theSlidesCatExampleHasHingeLoss29AndCrossEntropy204() {
        ImageScores s = ImageScores.of(new double[] {3.2, 5.1, -1.7}, 0, List.of("cat", "car", "frog"));
        // max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9; −log(e^3.2 / (e^3.2 + e^5.1 + e^−1.7)) = 2.0404.
        assertThat(s.hinge()).isCloseTo(2.9, within(1e-12));
        assertThat(s.crossEntropy()).isCloseTo(2.0404, within(1e-4));
        assertThat(s.partial()).isFalse();
        assertThat(s.shownNames()).containsExactly("cat", "car", "frog");
        assertThat(s.predicted()).isEqualTo(1);
    }

    @Test
    void withAHundredClassesTheTenHighestAreShownWithTheCorrectClassInPlaceOfTheTenth() {
        double[] scores = IntStream.range(0, 100).mapToDouble(j -> j).toArray();
        List<String> names = IntStream.range(0, 100).mapToObj(j -> "c" + j).toList();
        ImageScores s = ImageScores.of(scores, 5, names);
        assertThat(s.partial()).isTrue();
        assertThat(s.shown()).containsExactly(5, 91, 92, 93, 94, 95, 96, 97, 98, 99);
        assertThat(s.shownCorrect()).isZero();
        assertThat(s.shownScores()).containsExactly(5, 91, 92, 93, 94, 95, 96, 97, 98, 99);
        ImageScores top = ImageScores.of(scores, 95, names);
        assertThat(top.shown()).containsExactly(90, 91, 92, 93, 94, 95, 96, 97, 98, 99);
        assertThat(top.shownCorrect()).isEqualTo(5);
    }
}
