package org.classifierlab.core.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.classifierlab.core.knn.LabeledPoints;

/**
 * The CS231n linear-classify demo's default state under the four formulations. Expected values come from
 * the independent NumPy script {@code docs/verification/linear2d_reference.py}.
 */
class LinearObjectiveTest {

    private static final double EXACT = 1e-12;
    private static final LinearScene DEMO = LinearScene.cs231nDemo();

    private static LinearObjective.Evaluation evaluate(LossFormulation f) {
        return new LinearObjective(f, LinearScene.CS231N_LAMBDA).evaluate(DEMO.model(), DEMO.points());
    }

    @Test
    void scoresOfTheDefaultState() {
        LinearObjective.Evaluation e = evaluate(LossFormulation.WESTON_WATKINS);
        assertThat(e.scores()[0]).containsExactly(new double[] {1.3, -0.1, 0.6}, within(EXACT));
        assertThat(e.scores()[6]).containsExactly(new double[] {-0.1, 3.5, 2.0}, within(EXACT));
        assertThat(e.scores()[8]).containsExactly(new double[] {-1.4, 1.7, -1.2}, within(EXACT));
        assertThat(e.predicted(0)).isZero();
        assertThat(e.predicted(3)).isZero(); // a class-1 point the default W gets wrong
        assertThat(e.regLoss()).isCloseTo(3.5, within(EXACT)); // 0.1 · (1 + 4 + 4 + 16 + 9 + 1)
    }

    @Test
    void westonWatkins() {
        LinearObjective.Evaluation e = evaluate(LossFormulation.WESTON_WATKINS);
        assertThat(e.losses()).containsExactly(new double[] {0.3, 1.7, 0, 3.2, 6.8, 2.4, 2.5, 3.3, 4.7}, within(EXACT));
        assertThat(e.dataLoss()).isCloseTo(2.7666666666666675, within(EXACT));
        assertThat(e.totalLoss()).isCloseTo(6.2666666666666675, within(EXACT));
        assertGradient(e, new double[] {-0.23333333333333334, 0.3666666666666667, 0.8111111111111112,
            -1.1777777777777778, 0.6222222222222223, 0.21111111111111114, 0.1111111111111111, -0.1111111111111111, 0});
    }

    @Test
    void oneVsAll() {
        LinearObjective.Evaluation e = evaluate(LossFormulation.ONE_VS_ALL);
        assertThat(e.losses()).containsExactly(new double[] {2.5, 4.5, 0.6, 3.7, 6, 3.4, 5.4, 5.2, 4.9}, within(EXACT));
        assertThat(e.dataLoss()).isCloseTo(4.0222222222222221, within(EXACT));
        assertThat(e.totalLoss()).isCloseTo(7.5222222222222221, within(EXACT));
        assertGradient(e, new double[] {0.17777777777777778, 0.4222222222222222, 0.788888888888889,
            -1.0222222222222221, 0.8222222222222223, 0.0222222222222222, 0.5555555555555556, 0.2222222222222222,
            0.2222222222222222});
    }

    @Test
    void structuredSvm() {
        LinearObjective.Evaluation e = evaluate(LossFormulation.STRUCTURED);
        assertThat(e.losses()).containsExactly(new double[] {0.3, 1.2, 0, 2.7, 5, 2.4, 2.5, 3.3, 3.9}, within(EXACT));
        assertThat(e.dataLoss()).isCloseTo(2.3666666666666671, within(EXACT));
        assertThat(e.totalLoss()).isCloseTo(5.8666666666666671, within(EXACT));
        assertGradient(e, new double[] {-0.10000000000000003, 0.4555555555555556, 0.6444444444444444, -1.1,
            0.6555555555555557, 0.04444444444444445, 0.1111111111111111, 0, -0.1111111111111111});
    }

    @Test
    void softmax() {
        LinearObjective.Evaluation e = evaluate(LossFormulation.SOFTMAX);
        assertThat(e.losses()).containsExactly(new double[] {0.5557123323460855, 1.0395462038649452,
            0.11205509124772814, 1.957341426815969, 4.057398569930205, 1.6841874452731165, 1.7235065914837302,
            2.4046398675740543, 2.9953760162279375}, within(EXACT));
        assertThat(e.dataLoss()).isCloseTo(1.8366403938626412, within(EXACT));
        assertThat(e.totalLoss()).isCloseTo(5.3366403938626412, within(EXACT));
        assertGradient(e, new double[] {-0.00866451896613607, 0.462167419933694, 0.6335708154899937,
            -1.0543517316301927, 0.5750937034761425, -0.00781568830350138, 0.15145292901981441,
            0.03620313285403606, -0.1876560618738505});
    }

    private static void assertGradient(LinearObjective.Evaluation e, double[] expected) {
        assertThat(e.gradient().flat()).containsExactly(expected, within(EXACT));
        assertThat(e.gradient().weight(1, 1)).isCloseTo(expected[3], within(EXACT));
        assertThat(e.gradient().bias(2)).isCloseTo(expected[8], within(EXACT));
    }

    @ParameterizedTest
    @EnumSource(LossFormulation.class)
    void analyticGradientMatchesNumericalGradient(LossFormulation f) {
        LinearObjective objective = new LinearObjective(f, 0.1);
        GradientCheck.Report demo = GradientCheck.check(objective, DEMO.model(), DEMO.points());
        assertThat(demo.entries()).hasSize(9);
        assertThat(demo.maxRelativeError()).isLessThan(1e-8);
        assertThat(demo.verdict()).isEqualTo(GradientCheck.Verdict.CORRECT);
        for (GradientCheck.Entry entry : demo.entries()) {
            if (Math.abs(entry.analytic()) > 1e-3) {
                assertThat(entry.relativeError()).as(entry.name()).isLessThan(1e-8);
            } else {
                assertThat(Math.abs(entry.numeric() - entry.analytic())).as(entry.name()).isLessThan(1e-9);
            }
        }
        assertThat(GradientCheck.Verdict.of(demo.maxDemoRelativeError())).isEqualTo(GradientCheck.Verdict.WRONG);
        // the web demo's λW instead of 2λW is visibly wrong on every weight
        assertThat(demo.maxDemoRelativeError()).isGreaterThan(0.05);
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            LinearModel m = LinearModel.random(4, 2, 2, rng);
            LabeledPoints pts = randomPoints(rng, 30, 4);
            assertThat(GradientCheck.check(objective.withLambda(rng.nextDouble()), m, pts).maxRelativeError())
                    .as("%s trial %d", f, trial).isLessThan(1e-6);
        }
    }

    @Test
    void gradientCheckNamesEveryParameter() {
        GradientCheck.Report r = GradientCheck.check(new LinearObjective(LossFormulation.SOFTMAX, 0.1),
                DEMO.model(), DEMO.points());
        assertThat(r.entries().get(0).name()).isEqualTo("W[0][0]");
        assertThat(r.entries().get(5).name()).isEqualTo("W[2][1]");
        assertThat(r.entries().get(8).name()).isEqualTo("b[2]");
        // biases are not regularised, so the demo's bias gradient is right too
        assertThat(r.entries().get(8).demoRelativeError()).isEqualTo(r.entries().get(8).relativeError());
        assertThat(GradientCheck.relativeError(0, 0)).isZero();
        assertThat(GradientCheck.relativeError(1, 2)).isEqualTo(0.5);
        assertThat(GradientCheck.relativeError(0, 4e-11)).isCloseTo(4e-5, within(1e-15));
        // Weston–Watkins at the default state: b[2] is exactly 0 analytically, rounding noise numerically
        GradientCheck.Report ww = GradientCheck.check(new LinearObjective(LossFormulation.WESTON_WATKINS, 0.1),
                DEMO.model(), DEMO.points());
        assertThat(ww.nearZeroNames()).containsExactly("b[2]");
        assertThat(ww.maxNearZeroDifference()).isLessThan(GradientCheck.ZERO_TOLERANCE);
        assertThat(ww.verdict().passes()).isTrue();
    }

    @Test
    void aStepDownTheGradientLowersTheLoss() {
        for (LossFormulation f : LossFormulation.values()) {
            LinearObjective objective = new LinearObjective(f, LinearScene.CS231N_LAMBDA);
            LinearObjective.Evaluation before = objective.evaluate(DEMO.model(), DEMO.points());
            LinearModel next = DEMO.model().step(before.gradient(), LinearScene.CS231N_STEP);
            assertThat(next.weight(0, 0)).isCloseTo(1 - 0.1 * before.gradient().weight(0, 0), within(EXACT));
            assertThat(objective.totalLoss(next, DEMO.points())).as(f.id()).isLessThan(before.totalLoss());
        }
    }

    @Test
    void totalLossAgreesWithEvaluate() {
        for (LossFormulation f : LossFormulation.values()) {
            LinearObjective objective = new LinearObjective(f, 0.3);
            assertThat(objective.totalLoss(DEMO.model(), DEMO.points()))
                    .isCloseTo(objective.evaluate(DEMO.model(), DEMO.points()).totalLoss(), within(EXACT));
        }
    }

    @Test
    void noPointsLeavesOnlyTheRegularisation() {
        LabeledPoints none = new LabeledPoints(new double[0], new double[0], new int[0], 3);
        LinearObjective.Evaluation e = new LinearObjective(LossFormulation.WESTON_WATKINS, 0.1).evaluate(DEMO.model(), none);
        assertThat(e.dataLoss()).isZero();
        assertThat(e.totalLoss()).isCloseTo(3.5, within(EXACT));
        assertThat(e.gradient().weight(2, 0)).isCloseTo(0.6, within(EXACT)); // 2 · 0.1 · 3
        assertThat(e.gradient().bias(0)).isZero();
    }

    @Test
    void rejectsLabelsBeyondTheModelAndBadLambda() {
        LabeledPoints fourClasses = new LabeledPoints(new double[] {0}, new double[] {0}, new int[] {3}, 4);
        assertThatThrownBy(() -> new LinearObjective(LossFormulation.SOFTMAX, 0).evaluate(DEMO.model(), fourClasses))
                .hasMessageContaining("point 0 has class 3");
        assertThatThrownBy(() -> new LinearObjective(LossFormulation.SOFTMAX, -1)).hasMessageContaining("λ");
        assertThatThrownBy(() -> LossFormulation.byId("hinge")).hasMessageContaining("ww");
        assertThat(LossFormulation.byId(" OVA")).isEqualTo(LossFormulation.ONE_VS_ALL);
    }

    static LabeledPoints randomPoints(SplittableRandom rng, int n, int classes) {
        double[] x = new double[n];
        double[] y = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(-1, 1);
            y[i] = rng.nextDouble(-1, 1);
            label[i] = rng.nextInt(classes);
        }
        return new LabeledPoints(x, y, label, classes);
    }
}
