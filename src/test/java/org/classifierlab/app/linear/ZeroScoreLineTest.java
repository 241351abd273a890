package org.classifierlab.app.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import org.classifierlab.core.linear.LinearScene;

class ZeroScoreLineTest {

    @Test
    void theArrowStartsAtTheLinesPointNearestTheOriginAndEndsAtStartPlusW() {
        // Class 2 of the CS231n demo: 3x − y − 0.5 = 0; its foot is 0.5 (3, −1) / 10 = (0.15, −0.05).
        ZeroScoreLine line = ZeroScoreLine.of(LinearScene.cs231nDemo().model(), 2);
        assertThat(line.startX()).isCloseTo(0.15, within(1e-12));
        assertThat(line.startY()).isCloseTo(-0.05, within(1e-12));
        assertThat(line.score(line.startX(), line.startY())).isCloseTo(0, within(1e-12));
        assertThat(line.headX()).isCloseTo(3.15, within(1e-12));
        assertThat(line.headY()).isCloseTo(-1.05, within(1e-12));
        assertThat(line.distance(0, 0)).isCloseTo(0.5 / Math.sqrt(10), within(1e-12));
    }

    @Test
    void translatingALineKeepsWAndMovesItByTheCrossComponentOnly() {
        ZeroScoreLine line = ZeroScoreLine.of(1, 2, 0);
        double b = line.translatedBias(0, 0.5);
        assertThat(b).isEqualTo(-1);
        ZeroScoreLine moved = ZeroScoreLine.of(1, 2, b);
        // Every point of the old line, moved by (0, 0.5), is on the new one.
        assertThat(moved.score(-1, 0.5 + 0.5)).isCloseTo(0, within(1e-12));
        // A move along the line changes nothing.
        assertThat(line.translatedBias(2, -1)).isEqualTo(0);
    }

    @Test
    void draggingTheHeadSetsWToHeadMinusStartAndKeepsTheStartOnTheLine() {
        double[] row = ZeroScoreLine.rotatedTo(0.15, -0.05, 1, 1);
        assertThat(row[0]).isCloseTo(0.85, within(1e-12));
        assertThat(row[1]).isCloseTo(1.05, within(1e-12));
        assertThat(ZeroScoreLine.of(row[0], row[1], row[2]).score(0.15, -0.05)).isCloseTo(0, within(1e-12));
    }

    @Test
    void aZeroWHasNoLineAndItsArrowStartsAtTheOrigin() {
        ZeroScoreLine line = ZeroScoreLine.of(0, 0, 0.7);
        assertThat(line.hasLine()).isFalse();
        assertThat(line.startX()).isZero();
        assertThat(line.clip(-1, 1, -1, 1)).isNull();
        assertThat(line.distance(0, 0)).isInfinite();
    }

    @Test
    void clippingGivesTheTwoCrossingsOfTheBox() {
        double[] seg = ZeroScoreLine.of(0, 1, -0.5).clip(-2, 2, -1, 1);
        assertThat(seg).isNotNull();
        assertThat(Math.min(seg[0], seg[2])).isCloseTo(-2, within(1e-12));
        assertThat(Math.max(seg[0], seg[2])).isCloseTo(2, within(1e-12));
        assertThat(seg[1]).isCloseTo(0.5, within(1e-12));
        assertThat(ZeroScoreLine.of(0, 1, -5).clip(-2, 2, -1, 1)).isNull();
    }
}
