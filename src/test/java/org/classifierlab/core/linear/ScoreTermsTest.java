package org.classifierlab.core.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ScoreTermsTest {

    @Test
    void theLectureExampleScoresAsComputedByHand() {
        ScoreTerms t = ScoreTerms.lectureExample();
        // cat:  0.2·56 − 0.5·231 + 0.1·24 + 2.0·2 + 1.1 = 11.2 − 115.5 + 2.4 + 4 + 1.1 = −96.8
        // dog:  1.5·56 + 1.3·231 + 2.1·24 + 0.0·2 + 3.2 = 84 + 300.3 + 50.4 + 0 + 3.2 = 437.9
        // ship: 0·56 + 0.25·231 + 0.2·24 − 0.3·2 − 1.2 = 0 + 57.75 + 4.8 − 0.6 − 1.2 = 60.75 (the slide prints 61.95)
        assertThat(t.scores()).containsExactly(new double[] {-96.8, 437.9, 60.75}, within(1e-9));
        assertThat(t.product(1, 1)).isCloseTo(300.3, within(1e-9));
    }

    @Test
    void theFormulaWritesEveryTerm() {
        ScoreTerms t = ScoreTerms.lectureExample();
        assertThat(t.formula(0, Locale.ROOT)).isEqualTo("0.2·56 + (−0.5)·231 + 0.1·24 + 2.0·2 + 1.1 = −96.8");
        assertThat(t.formula(2, Locale.ROOT)).isEqualTo("0.0·56 + 0.25·231 + 0.2·24 + (−0.3)·2 + (−1.2) = 60.75");
        assertThat(t.formula(1, Locale.GERMANY)).isEqualTo("1,5·56 + 1,3·231 + 2,1·24 + 0,0·2 + 3,2 = 437,9");
    }

    @Test
    void theBiasTrickGivesTheSameScores() {
        ScoreTerms t = ScoreTerms.lectureExample();
        ScoreTerms trick = t.withBiasTrick();
        assertThat(trick.x()).containsExactly(56, 231, 24, 2, 1);
        assertThat(trick.w()[2]).containsExactly(0, 0.25, 0.2, -0.3, -1.2);
        assertThat(trick.b()).containsExactly(0, 0, 0);
        assertThat(trick.scores()).containsExactly(t.scores(), within(1e-12));
        assertThat(trick.formula(2, Locale.ROOT)).isEqualTo("0.0·56 + 0.25·231 + 0.2·24 + (−0.3)·2 + (−1.2)·1 = 60.75");
    }

    @Test
    void anEditedWeightChangesOnlyItsClass() {
        ScoreTerms t = ScoreTerms.lectureExample().withWeight(0, 3, 3.0);
        // cat: −96.8 + (3.0 − 2.0)·2 = −94.8
        assertThat(t.scores()).containsExactly(new double[] {-94.8, 437.9, 60.75}, within(1e-9));
    }

    @Test
    void mismatchedShapesAreRejected() {
        assertThatThrownBy(() -> new ScoreTerms(new double[][] {{1, 2}}, new double[] {0}, new double[] {1, 2, 3}))
                .hasMessageContaining("row 0 of W has 2 entries, x has 3");
        assertThatThrownBy(() -> new ScoreTerms(new double[][] {{1}}, new double[] {0, 1}, new double[] {1}))
                .hasMessageContaining("one bias per row");
    }
}
