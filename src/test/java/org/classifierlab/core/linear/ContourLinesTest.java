package org.classifierlab.core.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContourLinesTest {

    /** Segments as order-free strings "x0,y0-x1,y1" with the smaller end first, rounded to 1e-9. */
    private static Set<String> asSet(double[] segments) {
        Set<String> set = new HashSet<>();
        for (int i = 0; i < segments.length; i += 4) {
            String a = point(segments[i], segments[i + 1]);
            String b = point(segments[i + 2], segments[i + 3]);
            set.add(a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a);
        }
        return set;
    }

    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "%.9f,%.9f", x + 0.0, y + 0.0);
    }

    private static String seg(double x0, double y0, double x1, double y1) {
        String a = point(x0, y0);
        String b = point(x1, y1);
        return a.compareTo(b) <= 0 ? a + "-" + b : b + "-" + a;
    }

    @Test
    void aPeakInTheMiddleGivesADiamondThroughTheEdgeMidpoints() {
        double[] peak = {
            0, 0, 0,
            0, 1, 0,
            0, 0, 0};
        // Each of the four cells has only the centre (1, 1) inside; level 0.5 crosses its two edges at halfway.
        assertThat(asSet(ContourLines.segments(peak, 3, 3, 0.5))).containsExactlyInAnyOrder(
                seg(1, 0.5, 0.5, 1), seg(1, 0.5, 1.5, 1), seg(0.5, 1, 1, 1.5), seg(1.5, 1, 1, 1.5));
    }

    @Test
    void crossingsAreInterpolatedLinearlyAlongTheEdges() {
        double[] ramp = {
            0, 4,
            0, 4};
        // The value rises from 0 to 4 along x: level 1 is a vertical line a quarter of the way across.
        assertThat(asSet(ContourLines.segments(ramp, 2, 2, 1))).containsExactly(seg(0.25, 0, 0.25, 1));
        // Level 3 in a 3 × 2 grid where the second cell rises from 2 to 6: x = 1 + (3 − 2) / 4.
        double[] two = {
            0, 2, 6,
            0, 2, 6};
        assertThat(asSet(ContourLines.segments(two, 3, 2, 3))).containsExactly(seg(1.25, 0, 1.25, 1));
    }

    @Test
    void aSaddleIsSplitByTheMeanOfItsCorners() {
        double[] saddle = {
            1, 0,
            0, 1};
        // Mean 0.5 ≥ level 0.5: the inside diagonal (tl, br) is connected, so tr and bl are cut off.
        assertThat(asSet(ContourLines.segments(saddle, 2, 2, 0.5))).containsExactlyInAnyOrder(
                seg(0.5, 0, 1, 0.5), seg(0, 0.5, 0.5, 1));
        // Mean 0.5 < level 0.6: the inside corners tl and br are cut off instead.
        assertThat(asSet(ContourLines.segments(saddle, 2, 2, 0.6))).containsExactlyInAnyOrder(
                seg(0, 0.4, 0.4, 0), seg(0.6, 1, 1, 0.6));
    }

    @Test
    void flatFieldsAndNaNCellsHaveNoLine() {
        assertThat(ContourLines.segments(new double[] {2, 2, 2, 2}, 2, 2, 1)).isEmpty();
        assertThat(ContourLines.segments(new double[] {0, 0, 0, 0}, 2, 2, 1)).isEmpty();
        assertThat(ContourLines.segments(new double[] {0, Double.NaN, 2, 2}, 2, 2, 1)).isEmpty();
    }

    @Test
    void extractKeepsTheLevelsInOrder() {
        double[] peak = {0, 0, 0, 0, 1, 0, 0, 0, 0};
        ContourLines.Level[] levels = ContourLines.extract(peak, 3, 3, 0.25, 0.75, 2);
        assertThat(levels).extracting(ContourLines.Level::value).containsExactly(0.25, 0.75, 2.0);
        assertThat(levels).extracting(ContourLines.Level::segmentCount).containsExactly(4, 4, 0);
        assertThat(asSet(levels[0].segments())).contains(seg(1, 0.25, 0.25, 1));
    }

    @Test
    void aLossLandscapeOfABowlHasClosedRings() {
        // λ Σ W² alone (no points) over W[0][0] × W[0][1] is a bowl: every level inside the range is a ring
        // whose points all lie on the circle of that loss.
        LinearObjective objective = new LinearObjective(LossFormulation.SOFTMAX, 1);
        var none = new org.classifierlab.core.knn.LabeledPoints(new double[0], new double[0], new int[0], 2);
        LossLandscape.Grid grid = LossLandscape.compute(objective, LinearModel.zeros(2, 2), none, 0, -2, 2, 1, -2, 2,
                41, 41, () -> false);
        double[] seg = ContourLines.segments(grid.values(), grid.width(), grid.height(), 1.0);
        assertThat(seg.length).isGreaterThan(40);
        for (int i = 0; i < seg.length; i += 2) {
            double a = grid.a(seg[i]);
            double b = grid.b(seg[i + 1]);
            assertThat(a * a + b * b).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void rejectsAGridOfTheWrongSize() {
        assertThatThrownBy(() -> ContourLines.segments(new double[5], 2, 2, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 × 2");
    }
}
