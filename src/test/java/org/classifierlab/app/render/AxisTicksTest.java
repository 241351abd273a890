package org.classifierlab.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AxisTicksTest {

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(AxisTicks.niceStep(0.9)).isEqualTo(1);
        assertThat(AxisTicks.niceStep(2.013)).isEqualTo(2);
        assertThat(AxisTicks.niceStep(4)).isEqualTo(5);
        assertThat(AxisTicks.niceStep(8)).isEqualTo(10);
        assertThat(AxisTicks.niceStep(0.03)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void anExtendedAxisEndsOnTicks() {
        AxisTicks t = AxisTicks.linear(0.2, 6.3, 7, true, 0);
        assertThat(t.step()).isEqualTo(1);
        assertThat(t.min()).isEqualTo(0);
        assertThat(t.max()).isEqualTo(7);
        assertThat(t.values()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(t.fraction(3.5)).isEqualTo(0.5);
    }

    @Test
    void aTightAxisKeepsItsRangeAndListsTheTicksInside() {
        AxisTicks t = AxisTicks.linear(-2.02, 4.02, 3, false, 0);
        assertThat(t.min()).isEqualTo(-2.02);
        assertThat(t.values()).containsExactly(-2, 0, 2, 4);
        assertThat(t.label(-2)).isEqualTo("\u22122");
        // Whole numbers only, e.g. iterations.
        assertThat(AxisTicks.linear(0, 3, 10, false, 1).values()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void labelsHaveTheDecimalsTheStepNeeds() {
        AxisTicks t = AxisTicks.linear(0, 1, 5, true, 0);
        assertThat(t.step()).isEqualTo(0.2);
        assertThat(t.label(0.6000000000000001)).isEqualTo("0.6");
        assertThat(t.label(0)).isEqualTo("0");
        assertThat(AxisTicks.format(1234567, 1)).isEqualTo("1.2e6");
        assertThat(AxisTicks.format(2.34567, 0.001)).isEqualTo("2.346");
    }

    @Test
    void logarithmicTicksAreDecadesWithTwoAndFiveOnShortRanges() {
        AxisTicks wide = AxisTicks.decades(0.003, 250);
        assertThat(wide.min()).isEqualTo(0.001);
        assertThat(wide.max()).isEqualTo(1000);
        assertThat(wide.values()).hasSize(7);
        assertThat(wide.fraction(1)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(wide.label(0.01)).isEqualTo("0.01");
        AxisTicks narrow = AxisTicks.decades(0.3, 4);
        assertThat(narrow.values()).containsExactly(0.1, 0.2, 0.5, 1, 2, 5, 10);
    }

    @Test
    void viridisRunsFromDarkPurpleToYellow() {
        assertThat(ViridisColorMap.argb(0)).isEqualTo(0xFF440154);
        assertThat(ViridisColorMap.argb(1)).isEqualTo(0xFFFDE725);
        assertThat(ViridisColorMap.argb(Double.NaN)).isEqualTo(0xFF440154);
        assertThat(ViridisColorMap.argb(0.5)).isEqualTo(0xFF21918C);
    }
}
