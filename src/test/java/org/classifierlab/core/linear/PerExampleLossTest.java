package org.classifierlab.core.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The per-example losses against the lecture slides (cat, car, frog) and the lecture's worked questions,
 * all values computed by hand.
 */
class PerExampleLossTest {

    private static final double EXACT = 1e-12;
    private static final double[] CAT = {3.2, 5.1, -1.7};
    private static final double[] CAR = {1.3, 4.9, 2.0};
    private static final double[] FROG = {2.2, 2.5, -3.1};

    @Test
    void slideExamplesHingeLossesAndTheirAverage() {
        // cat: max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9 + 0
        HingeLoss.Result cat = HingeLoss.of(CAT, 0, HingeLoss.Options.STANDARD);
        assertThat(cat.loss()).isCloseTo(2.9, within(EXACT));
        assertThat(cat.terms()).containsExactly(new double[] {0, 2.9, 0}, within(EXACT));
        assertThat(cat.margins()[2]).isCloseTo(-3.9, within(EXACT));
        assertThat(cat.violated(1)).isTrue();
        assertThat(cat.violated(2)).isFalse();
        // car: max(0, 1.3 − 4.9 + 1) + max(0, 2.0 − 4.9 + 1) = 0
        double car = HingeLoss.loss(CAR, 1);
        assertThat(car).isZero();
        // frog: max(0, 2.2 + 3.1 + 1) + max(0, 2.5 + 3.1 + 1) = 6.3 + 6.6 = 12.9
        double frog = HingeLoss.loss(FROG, 2);
        assertThat(frog).isCloseTo(12.9, within(EXACT));
        assertThat((cat.loss() + car + frog) / 3).isCloseTo(15.8 / 3, within(EXACT)); // the slides' 5.27
    }

    @Test
    void slideExampleCrossEntropyIsTwoPointZeroFour() {
        SoftmaxLoss.Result r = SoftmaxLoss.of(CAT, 0);
        double sum = Math.exp(3.2) + Math.exp(5.1) + Math.exp(-1.7);
        assertThat(r.loss()).isCloseTo(-Math.log(Math.exp(3.2) / sum), within(EXACT));
        assertThat(r.loss()).isCloseTo(2.04, within(0.005)); // as printed on the slide
        assertThat(r.unshiftedExp(0)).isCloseTo(24.5, within(0.05)); // the slide's exp row: 24.5, 164.0, 0.18
        assertThat(r.unshiftedExp(1)).isCloseTo(164.0, within(0.05));
        assertThat(r.unshiftedExp(2)).isCloseTo(0.18, within(0.005));
        assertThat(r.probabilities()).containsExactly(new double[] {0.13, 0.87, 0.00}, within(0.005));
        assertThat(r.max()).isEqualTo(5.1);
        assertThat(r.shifted()).containsExactly(new double[] {3.2 - 5.1, 0, -1.7 - 5.1}, within(EXACT));
        assertThat(r.sumExps()).isCloseTo(sum / Math.exp(5.1), within(EXACT));
    }

    @Test
    void marginsAlreadyMetGiveZeroHingeButCrossEntropyKeepsPushing() {
        double[] close = {10, 9, 9};
        double[] far = {10, -100, -100};
        double[] doubled = {20, 9, 9};
        assertThat(HingeLoss.loss(close, 0)).isZero();
        assertThat(HingeLoss.loss(far, 0)).isZero();
        assertThat(HingeLoss.loss(doubled, 0)).isZero();
        assertThat(SoftmaxLoss.loss(close, 0)).isCloseTo(Math.log(1 + 2 * Math.exp(-1)), within(EXACT)); // 0.551
        assertThat(SoftmaxLoss.loss(far, 0)).isCloseTo(2 * Math.exp(-110), within(1e-60)).isPositive();
        assertThat(SoftmaxLoss.loss(doubled, 0)).isCloseTo(Math.log1p(2 * Math.exp(-11)), within(EXACT))
                .isLessThan(SoftmaxLoss.loss(close, 0));
    }

    @Test
    void marginTenExample() {
        // s = [13, −7, 11], y = 0, Δ = 10: max(0, −7 − 13 + 10) + max(0, 11 − 13 + 10) = 0 + 8
        HingeLoss.Result r = HingeLoss.of(new double[] {13, -7, 11}, 0, HingeLoss.Options.STANDARD.withDelta(10));
        assertThat(r.loss()).isCloseTo(8, within(EXACT));
        assertThat(r.terms()).containsExactly(new double[] {0, 0, 8}, within(EXACT));
    }

    @Test
    void scoresNearZeroAtInitialisationGiveCMinusOneAndLnC() {
        for (int c = 2; c <= 10; c++) {
            double[] zeros = new double[c];
            assertThat(HingeLoss.loss(zeros, 0)).isCloseTo(c - 1, within(EXACT));
            assertThat(SoftmaxLoss.loss(zeros, c - 1)).isCloseTo(Math.log(c), within(EXACT));
        }
        assertThat(SoftmaxLoss.loss(new double[10], 3)).isCloseTo(2.302585092994046, within(EXACT));
    }

    @Test
    void carScoreDroppingByHalfLeavesHingeAtZero() {
        double[] dropped = {1.3, 4.4, 2.0};
        assertThat(HingeLoss.loss(dropped, 1)).isZero(); // margins −2.1 and −1.4 still met
        assertThat(SoftmaxLoss.loss(dropped, 1)).isGreaterThan(SoftmaxLoss.loss(CAR, 1));
    }

    @Test
    void summingOverAllClassesAddsDeltaMeanDividesSquaredSquares() {
        HingeLoss.Options all = HingeLoss.Options.STANDARD.withIncludeCorrect(true);
        assertThat(HingeLoss.of(CAT, 0, all).loss()).isCloseTo(3.9, within(EXACT));
        assertThat(HingeLoss.of(CAT, 0, all).terms()[0]).isEqualTo(1.0);
        assertThat(HingeLoss.of(CAR, 1, all).loss()).isCloseTo(1, within(EXACT));
        assertThat(HingeLoss.of(CAT, 0, HingeLoss.Options.STANDARD.withMean(true)).loss()).isCloseTo(1.45, within(EXACT));
        assertThat(HingeLoss.of(CAT, 0, all.withMean(true)).loss()).isCloseTo(1.3, within(EXACT));
        HingeLoss.Options squared = HingeLoss.Options.STANDARD.withSquared(true);
        assertThat(HingeLoss.of(CAT, 0, squared).loss()).isCloseTo(8.41, within(EXACT));
        assertThat(HingeLoss.of(FROG, 2, squared).loss()).isCloseTo(6.3 * 6.3 + 6.6 * 6.6, within(1e-11));
    }

    @Test
    void minimumAndMaximumLoss() {
        assertThat(HingeLoss.loss(new double[] {50, 0, 0}, 0)).isZero();
        assertThat(HingeLoss.loss(new double[] {-50, 0, 0}, 0)).isCloseTo(102, within(EXACT)); // grows without bound
        assertThat(SoftmaxLoss.loss(new double[] {800, 0, 0}, 0)).isZero();
        assertThat(SoftmaxLoss.loss(new double[] {-800, 0, 0}, 0)).isCloseTo(800 + Math.log(2), within(1e-9));
    }

    @Test
    void softmaxIsStableAroundPlusMinusOneThousand() {
        double[] s = {1000, 1001, -1000};
        SoftmaxLoss.Result r = SoftmaxLoss.of(s, 0);
        double logSum = Math.log(Math.exp(-1) + 1);
        assertThat(r.loss()).isCloseTo(logSum + 1, within(EXACT)); // 1.3133
        assertThat(SoftmaxLoss.loss(s, 2)).isCloseTo(logSum + 2001, within(1e-9));
        assertThat(r.probabilities()[2]).isZero();
        assertThat(Double.isInfinite(r.unshiftedExp(0))).isTrue(); // why the shift is needed
        assertThat(SoftmaxLoss.loss(new double[] {-1000, -1000, -1000}, 1)).isCloseTo(Math.log(3), within(EXACT));
        assertThat(HingeLoss.loss(s, 0)).isCloseTo(2, within(EXACT));
        for (LossFormulation f : LossFormulation.values()) {
            assertThat(f.loss(s, 0)).isFinite();
        }
    }

    @Test
    void badArgumentsAreRejectedWithAMessage() {
        assertThatThrownBy(() -> HingeLoss.loss(new double[] {1}, 0)).hasMessageContaining("2 to");
        assertThatThrownBy(() -> SoftmaxLoss.loss(CAT, 3)).hasMessageContaining("between 0 and 2");
        assertThatThrownBy(() -> SoftmaxLoss.loss(new double[] {1, Double.NaN}, 0)).hasMessageContaining("score 1");
        assertThatThrownBy(() -> HingeLoss.Options.STANDARD.withDelta(-1)).hasMessageContaining("margin");
    }
}
