package org.classifierlab.app.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.SoftmaxLoss;

/** The explorer's model without a window: table losses, presets, formatting and the view model's commands. */
class LossExplorerModelTest {

    private static final HingeLoss.Options STANDARD = HingeLoss.Options.STANDARD;

    @Test
    void theSlidesTableHasTheSlidesLossesAndAverage() {
        ExampleLosses t = ExampleLosses.of(LossExample.slideExamples(), STANDARD);
        assertThat(t.rows()).extracting(r -> LossFormat.number(r.hinge())).containsExactly("2.90", "0.00", "12.90");
        assertThat(LossFormat.number(t.meanHinge())).isEqualTo("5.27");
        assertThat(LossFormat.number(t.rows().get(0).crossEntropy())).isEqualTo("2.04");
        assertThat(t.meanCrossEntropy()).isCloseTo((SoftmaxLoss.loss(new double[] {3.2, 5.1, -1.7}, 0)
                + SoftmaxLoss.loss(new double[] {1.3, 4.9, 2.0}, 1)
                + SoftmaxLoss.loss(new double[] {2.2, 2.5, -3.1}, 2)) / 3, within(1e-12));
    }

    @Test
    void numbersAreWrittenForReading() {
        assertThat(LossFormat.number(2.9000000000000004)).isEqualTo("2.90");
        assertThat(LossFormat.number(0)).isEqualTo("0.00");
        assertThat(LossFormat.number(2.2e-48)).isEqualTo("2.2e−48");
        assertThat(LossFormat.number(1.8e7)).isEqualTo("1.8e7");
        assertThat(LossFormat.number(Double.POSITIVE_INFINITY)).isEqualTo("∞");
        assertThat(LossFormat.number(-0.5)).isEqualTo("−0.50");
        assertThat(LossFormat.score(-1.7)).isEqualTo("−1.7");
        assertThat(LossFormat.score(1000)).isEqualTo("1000");
        assertThat(LossFormat.score(-0.0)).isEqualTo("0");
        assertThat(LossFormat.scores(new double[] {10, -100, -100})).isEqualTo("[10, −100, −100]");
        assertThat(LossFormat.editable(-1.7)).isEqualTo("-1.7");
        assertThat(LossFormat.parse(" −2,5 ")).isEqualTo(-2.5);
        assertThat(LossFormat.parse("1e3")).isEqualTo(1000);
        assertThatThrownBy(() -> LossFormat.parse("NaN")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> LossFormat.parse("12abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> LossFormat.parse("1e999")).hasMessageContaining("too large");
    }

    @Test
    void theHingeFormulaSubstitutesTheNumbers() {
        LossExample cat = LossExample.slideExamples().get(0);
        HingeLoss.Result r = HingeLoss.of(cat.scores(), 0, STANDARD);
        assertThat(HingeFormula.full(cat, STANDARD, r))
                .isEqualTo("max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9 + 0 = 2.9");
        LossExample negative = cat.withScore(0, -3);
        assertThat(HingeFormula.term(negative, STANDARD.withSquared(true), 1)).isEqualTo("max(0, 5.1 − (−3) + 1)²");
    }

    @Test
    void deltaTenGivesEight() {
        LossPreset.Outcome o = LossPreset.DELTA_TEN.apply(LossState.initial());
        LossReadout r = LossReadout.of(o.state().current(), o.state().options());
        assertThat(r.hingeLoss()).isCloseTo(8, within(1e-12));
        assertThat(o.note().text()).contains("max(0, −7 − 13 + 10) + max(0, 11 − 13 + 10) = 0 + 8 = 8");
        assertThat(o.state().examples()).isEqualTo(LossExample.slideExamples());
    }

    @Test
    void initialisationGivesCMinusOneAndLnCForTheCurrentClassCount() {
        LossState ten = LossState.initial().withCurrent(LossState.initial().current().withClassCount(10));
        for (LossState from : List.of(LossState.initial(), ten)) {
            int c = from.current().classCount();
            LossPreset.Outcome o = LossPreset.INITIALISATION.apply(from);
            LossReadout r = LossReadout.of(o.state().current(), o.state().options());
            assertThat(r.example().classCount()).isEqualTo(c);
            assertThat(r.hingeLoss()).isEqualTo(c - 1);
            assertThat(r.crossEntropy()).isCloseTo(Math.log(c), within(1e-12));
            assertThat(o.note().text()).contains("C − 1 = " + (c - 1)).contains("ln " + c + " = "
                    + LossFormat.number(Math.log(c)));
            assertThat(o.note().comparison().rows()).hasSize(2);
        }
    }

    @Test
    void marginsMetComparesThreeStates() {
        LossPreset.Outcome o = LossPreset.MARGINS_MET.apply(LossState.initial());
        List<LossPreset.Row> rows = o.note().comparison().rows();
        assertThat(rows).extracting(r -> r.cells().get(0))
                .containsExactly("[10, 9, 9]", "[10, −100, −100]", "[20, 9, 9]");
        assertThat(rows).extracting(r -> r.cells().get(1)).containsOnly("0.00");
        assertThat(rows.get(0).cells().get(2)).isEqualTo("0.55");
        assertThat(rows.get(1).cells().get(2)).isEqualTo("3.4e−48");
        assertThat(rows.get(2).target().current().scores()).containsExactly(20, 9, 9);
        assertThat(o.state()).isEqualTo(rows.get(0).target());
    }

    @Test
    void carDropsKeepsHingeAtZeroAndRaisesCrossEntropy() {
        LossPreset.Outcome o = LossPreset.CAR_DROPS.apply(LossState.initial());
        List<LossPreset.Row> rows = o.note().comparison().rows();
        assertThat(rows.get(0).cells()).containsExactly("[1.3, 4.9, 2]", "0.00", "0.08");
        assertThat(rows.get(1).cells()).containsExactly("[1.3, 4.4, 2]", "0.00", "0.13");
        assertThat(o.state().current().score(1)).isEqualTo(4.4);
    }

    @Test
    void aggregationPresetsChangeEveryExampleAndTheAverage() {
        assertThat(averages(LossPreset.INCLUDE_CORRECT)).containsExactly("5.27", "6.27");
        assertThat(averages(LossPreset.MEAN)).containsExactly("5.27", "2.63");
        assertThat(averages(LossPreset.SQUARED)).containsExactly("5.27", "30.55");
        LossPreset.Outcome squared = LossPreset.SQUARED.apply(LossState.initial());
        assertThat(squared.note().comparison().rows().get(0).cells()).containsExactly("1", "2.90", "8.41");
        assertThat(squared.state().options().squared()).isTrue();
        assertThat(LossPreset.INCLUDE_CORRECT.apply(LossState.initial()).note().text())
                .contains("2.90 → 3.90, 0.00 → 1.00, 12.90 → 13.90");
    }

    private static List<String> averages(LossPreset p) {
        List<LossPreset.Row> rows = p.apply(LossState.initial()).note().comparison().rows();
        return rows.get(rows.size() - 1).cells().subList(1, 3);
    }

    @Test
    void scoresAroundAThousandGiveFiniteLosses() {
        LossPreset.Outcome o = LossPreset.STABILITY.apply(LossState.initial());
        LossReadout r = LossReadout.of(o.state().current(), o.state().options());
        assertThat(r.anyOverflow()).isTrue();
        assertThat(r.unshiftedExpSum()).isInfinite();
        assertThat(r.crossEntropy()).isCloseTo(1 + Math.log(1 + Math.exp(-1)), within(1e-12));
        assertThat(r.hingeLoss()).isEqualTo(2);
        assertThat(o.note().text()).contains("cross-entropy = 1.31");
    }

    @Test
    void minMaxShowsZeroAndLargeLosses() {
        List<LossPreset.Row> rows = LossPreset.MIN_MAX.apply(LossState.initial()).note().comparison().rows();
        assertThat(rows.get(0).cells().get(1)).isEqualTo("0.00");
        assertThat(rows.get(1).cells()).containsExactly("[−20, 20, 20]", "82.00", "40.69");
    }

    @Test
    void theCurveSamplesCoreExactlyAtTheKinks() {
        LossExample cat = LossExample.slideExamples().get(0);
        LossCurve c = LossCurve.of(cat, STANDARD);
        assertThat(c.sy()).contains(6.1); // car's kink: s_y = 5.1 + 1
        for (int i = 0; i < c.sy().length; i += 17) {
            double[] s = cat.scores();
            s[0] = c.sy()[i];
            assertThat(c.hinge()[i]).isEqualTo(HingeLoss.of(s, 0, STANDARD).loss());
            assertThat(c.ce()[i]).isEqualTo(SoftmaxLoss.loss(s, 0));
        }
        assertThat(c.sy()[0]).isLessThan(3.2);
        assertThat(c.sy()[c.sy().length - 1]).isGreaterThan(6.1);
    }

    @Test
    void editsStayInTheirRowAndADragIsOneUndoStep() {
        LossExplorerViewModel vm = new LossExplorerViewModel();
        vm.beginDrag(1);
        vm.dragScore(1, 4.0);
        vm.dragScore(1, 3.0);
        vm.endDrag();
        assertThat(vm.state().current().score(1)).isEqualTo(3.0);
        assertThat(vm.readoutProperty().get().hingeLoss()).isCloseTo(0.8, within(1e-12));
        vm.selectExample(2);
        assertThat(vm.readoutProperty().get().hingeLoss()).isCloseTo(12.9, within(1e-12));
        vm.selectExample(0);
        assertThat(vm.state().current().score(1)).isEqualTo(3.0);
        assertThat(LossFormat.number(vm.examplesProperty().get().rows().get(0).hinge())).isEqualTo("0.80");
        vm.undo();
        vm.undo();
        vm.undo();
        assertThat(vm.state().current().score(1)).isEqualTo(5.1);
        vm.redo();
        assertThat(vm.state().current().score(1)).isEqualTo(3.0);
    }

    @Test
    void presetsLeaveTheTableAloneAndAddCurrentKeepsAPresetState() {
        LossExplorerViewModel vm = new LossExplorerViewModel();
        vm.setScore(2, 7);
        vm.applyPreset(LossPreset.DELTA_TEN);
        assertThat(vm.state().exploringRow()).isFalse();
        assertThat(vm.state().examples().get(0).score(2)).isEqualTo(7);
        assertThat(vm.noteProperty().get().title()).isEqualTo(LossPreset.DELTA_TEN.title());
        vm.addCurrentAsExample();
        assertThat(vm.state().examples()).hasSize(4);
        assertThat(vm.state().selected()).isEqualTo(3);
        assertThat(vm.examplesProperty().get().rows().get(3).hinge()).isEqualTo(8);
        vm.resetExamples();
        assertThat(vm.state().examples()).isEqualTo(LossExample.slideExamples());
        assertThat(vm.state().selected()).isEqualTo(2);
    }

    @Test
    void absurdInputIsRefusedWithAMessage() {
        LossExplorerViewModel vm = new LossExplorerViewModel();
        assertThat(vm.setScore(1, 1e9)).isFalse();
        assertThat(vm.messageProperty().get()).contains("between");
        assertThat(vm.state().current().score(1)).isEqualTo(5.1);
        assertThat(vm.setDelta(-1)).isFalse();
        assertThat(vm.messageProperty().get()).contains("Δ");
        assertThat(vm.setClassCount(11)).isFalse();
        assertThat(vm.renameClass(0, "  ")).isFalse();
        assertThat(vm.setScore(1, 2)).isTrue();
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void newClassesAreNamedAndScoreZeroAndRemovingTheCorrectClassFallsBackToTheFirst() {
        LossExample frog = LossExample.slideExamples().get(2).withClassCount(5);
        assertThat(frog.classes()).containsExactly("cat", "car", "frog", "class 4", "class 5");
        assertThat(frog.score(4)).isZero();
        assertThat(frog.withClassCount(2).correct()).isZero();
    }
}
