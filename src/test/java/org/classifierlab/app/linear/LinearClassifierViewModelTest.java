package org.classifierlab.app.linear;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.classifierlab.core.linear.LinearObjective;
import org.classifierlab.core.linear.LinearScene;
import org.classifierlab.core.linear.LossFormulation;

/** The view model's commands and their undo steps, without a window (no run: that needs the FX pulse). */
class LinearClassifierViewModelTest {

    private final LinearClassifierViewModel vm = new LinearClassifierViewModel();

    @Test
    void startsAtTheCs231nDemoWithItsEvaluation() {
        assertThat(vm.scene()).isEqualTo(LinearScene.cs231nDemo());
        assertThat(vm.lambdaProperty().get()).isEqualTo(LinearScene.CS231N_LAMBDA);
        assertThat(vm.stepSizeProperty().get()).isEqualTo(LinearScene.CS231N_STEP);
        assertThat(vm.evaluation().totalLoss()).isEqualTo(new LinearObjective(LossFormulation.WESTON_WATKINS,
                LinearScene.CS231N_LAMBDA).totalLoss(vm.scene().model(), vm.scene().points()));
        assertThat(vm.otherEvaluationProperty().get().totalLoss()).isEqualTo(new LinearObjective(
                LossFormulation.SOFTMAX, LinearScene.CS231N_LAMBDA).totalLoss(vm.scene().model(), vm.scene().points()));
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void everyFormulationsStepGoesDownhillAndIsOneUndoStep() {
        for (LossFormulation f : LossFormulation.values()) {
            vm.reset();
            vm.formulationProperty().set(f);
            double before = vm.evaluation().totalLoss();
            assertThat(vm.step()).isTrue();
            assertThat(vm.evaluation().totalLoss()).as(f.name()).isLessThan(before);
            assertThat(vm.iterationProperty().get()).isEqualTo(1);
            vm.undo();
            assertThat(vm.evaluation().totalLoss()).isEqualTo(before);
        }
    }

    @Test
    void aDragIsOneUndoStepAndStartsANewOptimisationPathOnlyWhenItChangesTheModel() {
        int path = vm.trajectoryProperty().get();
        vm.beginGesture();
        vm.previewPointMove(0, 0.1, 0.1);
        vm.previewPointMove(0, 0.2, 0.2);
        vm.endGesture();
        assertThat(vm.trajectoryProperty().get()).isEqualTo(path);
        vm.beginGesture();
        vm.previewRow(1, 1, 1, 0.3);
        vm.previewRow(1, 1.5, 1, 0.3);
        vm.endGesture();
        assertThat(vm.trajectoryProperty().get()).isGreaterThan(path);
        vm.undo();
        assertThat(vm.scene().model()).isEqualTo(LinearScene.cs231nDemo().model());
        assertThat(vm.scene().points().x(0)).isEqualTo(0.2);
        vm.undo();
        assertThat(vm.scene()).isEqualTo(LinearScene.cs231nDemo());
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void absurdValuesGetAMessageAndChangeNothing() {
        assertThat(vm.setParameter(0, Double.NaN)).isFalse();
        assertThat(vm.messageProperty().get()).contains("W[0][0]");
        assertThat(vm.setParameter(0, 1e9)).isFalse();
        assertThat(vm.setLambda(-1)).isFalse();
        assertThat(vm.messageProperty().get()).contains("λ");
        assertThat(vm.setStepSize(0)).isFalse();
        assertThat(vm.scene()).isEqualTo(LinearScene.cs231nDemo());
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void aDivergingStepIsRefusedWithAnExplanation() {
        vm.setLambda(10);
        vm.setStepSize(10);
        boolean first = vm.step();
        boolean second = vm.step();
        assertThat(first && second).isFalse();
        assertThat(vm.messageProperty().get()).contains("diverges").contains("1 − 2ηλ");
        for (double p : vm.scene().model().parameters()) {
            assertThat(Math.abs(p)).isLessThanOrEqualTo(LinearClassifierViewModel.MAX_PARAMETER);
        }
    }

    @Test
    void pointsStopAtTheLimit() {
        int added = 0;
        while (vm.addPoint(0.01 * added, 0) >= 0) {
            added++;
        }
        assertThat(vm.scene().points().size()).isEqualTo(LinearClassifierViewModel.MAX_POINTS);
        assertThat(vm.messageProperty().get()).contains("at most " + LinearClassifierViewModel.MAX_POINTS);
    }

    @Test
    void classesComeWithARowOfTheirOwnAndGoWithTheirPoints() {
        vm.setClassCount(5);
        assertThat(vm.scene().classCount()).isEqualTo(5);
        assertThat(vm.scene().model().weight(4, 0) != 0 || vm.scene().model().weight(4, 1) != 0).isTrue();
        vm.addClassProperty().set(4);
        vm.addPoint(0.5, 0.5);
        vm.setClassCount(2);
        assertThat(vm.scene().classCount()).isEqualTo(2);
        assertThat(vm.scene().points().size()).isEqualTo(6);
        assertThat(vm.addClassProperty().get()).isEqualTo(1);
        vm.undo();
        assertThat(vm.scene().classCount()).isEqualTo(5);
        assertThat(vm.scene().points().size()).isEqualTo(10);
    }

    @Test
    void theGradientCheckBelongsToOneState() {
        assertThat(vm.checkGradient().maxDemoRelativeError()).isGreaterThan(0.1);
        assertThat(vm.gradientCheckProperty().get()).isNotNull();
        vm.step();
        assertThat(vm.gradientCheckProperty().get()).isNull();
    }
}
