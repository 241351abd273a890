package org.classifierlab.core.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import org.classifierlab.core.knn.LabeledPoints;

/** The linear model, the 2D scene, the region map and the loss landscape. */
class LinearModelTest {

    private static final LinearScene DEMO = LinearScene.cs231nDemo();

    @Test
    void flatParameterOrderIsWRowByRowThenB() {
        LinearModel m = DEMO.model();
        assertThat(m.parameters()).containsExactly(1, 2, 2, -4, 3, -1, 0, 0.5, -0.5);
        assertThat(m.parameterCount()).isEqualTo(9);
        assertThat(m.withWeight(2, 1, 7).parameter(5)).isEqualTo(7);
        assertThat(m.withBias(1, 9).parameter(7)).isEqualTo(9);
        assertThat(m.withRow(0, new double[] {5, 6}, 7).parameters()).startsWith(5, 6, 2, -4);
        assertThat(m.parameterName(3)).isEqualTo("W[1][1]");
        assertThat(m.parameterName(6)).isEqualTo("b[0]");
        assertThat(m.withParameters(m.parameters())).isEqualTo(m);
        assertThat(m.score2d(1, 0.5, 0.4)).isCloseTo(2 * 0.5 - 4 * 0.4 + 0.5, within(1e-15));
        assertThat(m.argmax2d(0.7, -0.4)).isEqualTo(1);
    }

    @Test
    void classesCanBeAddedAndRemoved() {
        LinearScene four = DEMO.withClassAdded();
        assertThat(four.classCount()).isEqualTo(4);
        assertThat(four.model().weights()[3]).containsExactly(0, 0);
        assertThat(four.points().size()).isEqualTo(9);
        LinearScene two = DEMO.withLastClassRemoved();
        assertThat(two.classCount()).isEqualTo(2);
        assertThat(two.points().size()).isEqualTo(6);
        assertThat(two.model().biases()).containsExactly(0, 0.5);
        assertThatThrownBy(two::withLastClassRemoved).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> LinearModel.of(new double[][] {{1, 2}}, new double[] {0, 1}))
                .hasMessageContaining("b has 2");
        assertThatThrownBy(() -> DEMO.model().withWeight(0, 0, Double.NaN)).hasMessageContaining("finite");
    }

    @Test
    void regionsArgmaxEveryPixelWithYUp() {
        // 4 × 2 pixels of 0.5 world units from (−1, 0.5): centres x = −0.75 … 0.75, y = 0.25 (top row), −0.25
        LinearModel m = LinearModel.of(new double[][] {{1, 0}, {-1, 0}, {0, 4}}, new double[] {0, 0, 0});
        byte[] labels = new byte[8];
        float[] conf = new float[8];
        assertThat(LinearRegions.compute(m, -1, 0.5, 0.5, 4, 2, labels, conf, () -> false)).isTrue();
        // top row (y = 0.25): class 2 scores 1 and wins everywhere; bottom row (y = −0.25): x < 0 → 1, x > 0 → 0
        assertThat(labels).containsExactly(2, 2, 2, 2, 1, 1, 0, 0);
        double[] s = {-0.75, 0.75, 1};
        assertThat(conf[0]).isCloseTo((float) SoftmaxLoss.of(s, 2).probabilities()[2], within(1e-6f));
        // a tie goes to the lower class: x = 0 between classes 0 and 1 on the bottom row
        LinearRegions.compute(m, -0.25, -0.0, 0.5, 1, 1, labels, null, () -> false);
        assertThat(labels[0]).isEqualTo((byte) 0);
        assertThat(LinearRegions.compute(m, -1, 0.5, 0.5, 4, 2, labels, null, () -> true)).isFalse();
    }

    @Test
    void landscapeSpansBothParametersAndFindsTheCurrentLoss() {
        LinearObjective objective = new LinearObjective(LossFormulation.WESTON_WATKINS, 0.1);
        LossLandscape.Grid g = LossLandscape.compute(objective, DEMO.model(), DEMO.points(), 0, 0, 2, 1, 1, 3, 3, 3,
                () -> false);
        // centre cell is W[0][0] = 1, W[0][1] = 2: the current model
        assertThat(g.at(1, 1)).isCloseTo(objective.totalLoss(DEMO.model(), DEMO.points()), within(1e-12));
        assertThat(g.a(0)).isZero();
        assertThat(g.b(0)).isEqualTo(3); // top row is the largest B
        assertThat(g.at(0, 0)).isCloseTo(objective.totalLoss(DEMO.model().withWeight(0, 0, 0).withWeight(0, 1, 3),
                DEMO.points()), within(1e-12));
        assertThat(g.min()).isLessThanOrEqualTo(g.at(1, 1));
        assertThat(LossLandscape.compute(objective, DEMO.model(), DEMO.points(), 0, 0, 2, 1, 1, 3, 3, 3, () -> true))
                .isNull();
        assertThatThrownBy(() -> LossLandscape.compute(objective, DEMO.model(), DEMO.points(), 2, 0, 1, 2, 0, 1, 3, 3,
                () -> false)).hasMessageContaining("two different");
    }

    @Test
    void sceneRejectsMismatchedClassCounts() {
        LabeledPoints pts = new LabeledPoints(new double[] {0}, new double[] {0}, new int[] {0}, 2);
        assertThatThrownBy(() -> new LinearScene(pts, DEMO.model())).hasMessageContaining("2 classes");
    }
}
