package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** x = 0, 1, 2 (class 0), 5, 10, 11 (class 1), all at y = 0. */
    private static final LabeledPoints LINE = new LabeledPoints(
            new double[] {0, 1, 2, 5, 10, 11}, new double[6], new int[] {0, 0, 0, 1, 1, 1}, 2);

    @Test
    void trainingAccuracyWithKOneIsPerfectForDistinctPoints() {
        assertThat(Evaluation.trainingAccuracy(LINE, 1, Metric.L2, TieRule.UNDECIDED)).isEqualTo(1.0);
    }

    @Test
    void coincidentPointsWithDifferentLabelsCostTrainingAccuracy() {
        // point 1 sits on point 0; with K = 1 it finds point 0 first (lower index) and is wrong
        LabeledPoints pts = new LabeledPoints(new double[] {0, 0, 5}, new double[] {0, 0, 5}, new int[] {0, 1, 1}, 2);
        assertThat(Evaluation.trainingAccuracy(pts, 1, Metric.L2, TieRule.UNDECIDED)).isEqualTo(2.0 / 3.0);
    }

    @Test
    void trainingAccuracyWithLargerK() {
        // K = 3 with itself included: 0 -> {0,1,2} ok, 1 -> ok, 2 -> {2,1,0} ok, 5 -> {5,2,1} wrong,
        // 10 -> {10,11,5} ok, 11 -> ok
        assertThat(Evaluation.trainingAccuracy(LINE, 3, Metric.L2, TieRule.UNDECIDED)).isEqualTo(5.0 / 6.0);
    }

    @Test
    void leaveOneOutExcludesThePointItself() {
        // K = 1: x=1 has x=0 and x=2 at distance 1 (index 0 wins, class 0: right); x=5 finds x=2: wrong
        assertThat(Evaluation.leaveOneOutAccuracy(LINE, 1, Metric.L1, TieRule.UNDECIDED)).isEqualTo(5.0 / 6.0);
        // K = 2: x=0 {1,2} ok; x=1 {0,2} ok; x=2 {1,0} ok; x=5 {2,1} wrong; x=10 {11,5} ok; x=11 {10,5} ok
        assertThat(Evaluation.leaveOneOutAccuracy(LINE, 2, Metric.L1, TieRule.UNDECIDED)).isEqualTo(5.0 / 6.0);
        // K = 9 is clamped to the 5 remaining points: each point sees 2 of its class and 3 of the other
        assertThat(Evaluation.leaveOneOutAccuracy(LINE, 9, Metric.L1, TieRule.UNDECIDED)).isZero();
    }

    @Test
    void undecidedPredictionsCountAsWrong() {
        LabeledPoints train = new LabeledPoints(new double[] {-1, 1}, new double[2], new int[] {0, 1}, 2);
        LabeledPoints test = new LabeledPoints(new double[] {0, -0.5}, new double[2], new int[] {0, 0}, 2);
        // K = 2: both test points see one neighbour of each class
        assertThat(Evaluation.accuracy(train, test, 2, Metric.L2, TieRule.UNDECIDED)).isZero();
        assertThat(Evaluation.accuracy(train, test, 2, Metric.L2, TieRule.SMALLEST_CLASS)).isEqualTo(1.0);
        // distance weighting: (0, 0) ties (goes to class 0), (-0.5, 0) is nearer class 0
        assertThat(Evaluation.accuracy(train, test, 2, Metric.L2, TieRule.DISTANCE_WEIGHTED)).isEqualTo(1.0);
        assertThat(Evaluation.accuracy(train, test, 1, Metric.L2, TieRule.UNDECIDED)).isEqualTo(1.0);
    }

    @Test
    void accuracyOnATestSet() {
        LabeledPoints test = new LabeledPoints(new double[] {3, 4, 9, -3}, new double[4], new int[] {0, 1, 0, 0}, 2);
        // K = 1: 3 -> x=2 (0) right; 4 -> x=5 (1) right; 9 -> x=10 (1) wrong; -3 -> x=0 (0) right
        assertThat(Evaluation.accuracy(LINE, test, 1, Metric.L2, TieRule.UNDECIDED)).isEqualTo(0.75);
    }

    @Test
    void emptySetsGiveNaN() {
        LabeledPoints empty = new LabeledPoints(new double[0], new double[0], new int[0], 2);
        LabeledPoints single = new LabeledPoints(new double[] {1}, new double[] {1}, new int[] {0}, 2);
        assertThat(Evaluation.accuracy(LINE, empty, 3, Metric.L2, TieRule.UNDECIDED)).isNaN();
        assertThat(Evaluation.trainingAccuracy(empty, 3, Metric.L2, TieRule.UNDECIDED)).isNaN();
        assertThat(Evaluation.leaveOneOutAccuracy(single, 3, Metric.L2, TieRule.UNDECIDED)).isNaN();
        assertThatThrownBy(() -> Evaluation.accuracy(empty, single, 1, Metric.L2, TieRule.UNDECIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training set is empty");
    }
}
