package org.classifierlab.app.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;
import static org.classifierlab.app.FxTestSupport.recordFxErrors;
import static org.classifierlab.app.FxTestSupport.regionPixel;
import static org.classifierlab.app.FxTestSupport.screen;
import static org.classifierlab.app.FxTestSupport.showStudio;
import static org.classifierlab.app.FxTestSupport.typeInto;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.FxTestSupport.FxErrors;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.linear.LinearObjective;
import org.classifierlab.core.linear.LinearScene;
import org.classifierlab.core.linear.LossFormulation;

/** What a user sees and does in the linear-classifier lesson, driven through the real window with TestFX. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LinearClassifierUiTest {

    private static final LinearScene DEMO = LinearScene.cs231nDemo();

    private LinearClassifierLesson lesson;
    private LinearClassifierViewModel vm;
    private LinearClassifierView view;
    private LinearCanvas canvas;

    @Start
    void start(Stage stage) {
        AppShell shell = showStudio(stage, 1240, 780, LessonKind.LINEAR_CLASSIFIER);
        lesson = (LinearClassifierLesson) shell.lessons().get(0);
        vm = lesson.viewModel();
        view = lesson.linearView();
        canvas = view.canvas();
    }

    @BeforeEach
    void settle() {
        awaitIdle();
    }

    @Test
    void theDefaultStateShowsTheCoreEvaluationOfTheCs231nDemo() {
        LinearObjective.Evaluation core = new LinearObjective(LossFormulation.WESTON_WATKINS, LinearScene.CS231N_LAMBDA)
                .evaluate(DEMO.model(), DEMO.points());
        assertThat(text("#totalLoss")).isEqualTo(LinearFormat.fixed(core.totalLoss(), 4)).isEqualTo("6.2667");
        assertThat(text("#dataLoss")).isEqualTo("2.7667");
        assertThat(text("#regLoss")).isEqualTo("3.5000");
        assertThat(text("#regularisationConvention")).isEqualTo("R(W) = λ Σ W², biases not regularised, ∂R/∂W = 2λW");
        assertThat(text("#axesCaption")).contains("y up");
        assertThat(fx(() -> view.table().getItems().size())).isEqualTo(9);
        // Point 0 (0.5, 0.4), class 0: scores 1.3, −0.1, 0.6; WW loss max(0, −0.1 − 1.3 + 1) + max(0, 0.6 − 1.3 + 1)
        // = 0.3 > 0, marked. Point 2 (0.3, 0.8): scores 1.9, −2.1, −0.4 satisfy every margin: loss 0, not marked.
        assertThat(cellText(0, "s0")).isEqualTo("1.30");
        assertThat(cellText(0, "s1")).isEqualTo("−0.10");
        assertThat(cellText(0, "L_i-WW")).isEqualTo("0.300").isEqualTo(LinearFormat.fixed(core.losses()[0], 3));
        assertThat(cell(0, "L_i-WW").getStyleClass()).contains(PointLossTable.POSITIVE);
        // Marked in the light theme's red (-cl-loss-positive), a zero loss in the ordinary text colour.
        assertThat(fx(() -> cell(0, "L_i-WW").getTextFill())).isEqualTo(Color.web("#c62828"));
        assertThat(cellText(2, "L_i-WW")).isEqualTo("0.000");
        assertThat(cell(2, "L_i-WW").getStyleClass()).doesNotContain(PointLossTable.POSITIVE);
        assertThat(fx(() -> cell(2, "L_i-WW").getTextFill())).isNotEqualTo(Color.web("#c62828"));
        assertThat(fx(() -> vm.lambdaProperty().get())).isEqualTo(LinearScene.CS231N_LAMBDA);
        assertThat(fx(() -> ((javafx.scene.control.TextField) view.lookup("#stepSizeField")).getText()))
                .isEqualTo("0.1");
    }

    @Test
    void aStepReducesTheTotalLossAndUndoBringsItBack(FxRobot robot) {
        double before = number(text("#totalLoss"));
        robot.clickOn("#step");
        awaitIdle();
        double after = number(text("#totalLoss"));
        assertThat(after).isLessThan(before);
        assertThat(fx(() -> view.history().size())).isEqualTo(2);
        assertThat(fx(() -> view.history().lastTotal())).isCloseTo(after, within(1e-4));
        robot.clickOn("#undo");
        awaitIdle();
        assertThat(number(text("#totalLoss"))).isEqualTo(before);
        assertThat(fx(() -> vm.scene())).isEqualTo(DEMO);
    }

    @Test
    void editingWRedrawsTheRegions(FxRobot robot) {
        // At (1.5, 0): s = (1.5, 3.5, 4.0), class 2 wins. With W[0][0] = 5, s0 = 7.5 and class 0 wins.
        assertThat(regionPixel(canvas, 1.5, 0)).isEqualTo(regionColour(2));
        typeInto(robot, "#w0_0", "5", true);
        awaitIdle();
        assertThat(fx(() -> vm.scene().model().weight(0, 0))).isEqualTo(5.0);
        assertThat(regionPixel(canvas, 1.5, 0)).isEqualTo(regionColour(0));
        // One undo step for the edit.
        robot.clickOn("#undo");
        awaitIdle();
        assertThat(regionPixel(canvas, 1.5, 0)).isEqualTo(regionColour(2));
        assertThat(fx(() -> vm.canUndoProperty().get())).isFalse();
    }

    @Test
    void draggingAPointChangesItsRowAndUndoRestoresIt(FxRobot robot) {
        assertThat(cellText(0, "x")).isEqualTo("0.50");
        robot.drag(screen(canvas, 0.5, 0.4), MouseButton.PRIMARY).moveTo(screen(canvas, -0.2, -0.8))
                .moveTo(screen(canvas, -0.5, -1.0))
                .release(MouseButton.PRIMARY);
        awaitIdle();
        // The mouse lands on whole pixels: about 0.01 world units.
        assertThat(number(cellText(0, "x"))).isCloseTo(-0.5, within(0.02));
        assertThat(number(cellText(0, "y"))).isCloseTo(-1.0, within(0.02));
        // The moved point is now wrong under the default model: its row says so and its loss grew.
        assertThat(number(cellText(0, "L_i-WW"))).isGreaterThan(0);
        robot.clickOn("#undo");
        awaitIdle();
        assertThat(cellText(0, "x")).isEqualTo("0.50");
        assertThat(cellText(0, "y")).isEqualTo("0.40");
        assertThat(fx(() -> vm.canUndoProperty().get())).isFalse();
    }

    @Test
    void changingTheFormulationUpdatesTheTableAndTheTotal(FxRobot robot) {
        assertThat(headers()).contains("L_i WW", "L_i CE");
        robot.clickOn("#formulation").clickOn("Softmax (cross-entropy)");
        awaitIdle();
        LinearObjective.Evaluation softmax = new LinearObjective(LossFormulation.SOFTMAX, LinearScene.CS231N_LAMBDA)
                .evaluate(DEMO.model(), DEMO.points());
        assertThat(text("#totalLoss")).isEqualTo(LinearFormat.fixed(softmax.totalLoss(), 4));
        assertThat(text("#formulaText")).isEqualTo("L_i = " + LossFormulation.SOFTMAX.formula());
        // The selected loss comes first, the other family (Weston–Watkins) beside it.
        assertThat(headers()).containsSubsequence("L_i CE", "L_i WW");
        assertThat(cellText(0, "L_i-CE")).isEqualTo(LinearFormat.fixed(softmax.losses()[0], 3));
        // Softmax never reaches 0: every row is marked.
        assertThat(cell(0, "L_i-CE").getStyleClass()).contains(PointLossTable.POSITIVE);
        fx(() -> {
            vm.formulationProperty().set(LossFormulation.WESTON_WATKINS);
            return null;
        });
    }

    @Test
    void theGradientCheckShowsATinyRelativeErrorAndExposesTheDemosRegularisationGradient(FxRobot robot) {
        robot.clickOn("#checkGradient");
        awaitIdle();
        assertThat(fx(() -> view.tabs().getSelectionModel().getSelectedItem().getId())).isEqualTo("checkTab");
        assertThat(fx(() -> view.checkPane().table().getItems().size())).isEqualTo(9);
        String verdict = text("#gradientVerdict");
        assertThat(verdict).startsWith("Largest relative error ").contains("the analytic gradient is right");
        double largest = number(verdict.substring("Largest relative error ".length(), verdict.indexOf(':')));
        assertThat(largest).isLessThan(1e-8);
        String demo = text("#demoVerdict");
        assertThat(demo).contains("web demo").contains("wrong");
        assertThat(fx(() -> vm.gradientCheckProperty().get().maxDemoRelativeError())).isGreaterThan(0.1);
        // The check belongs to one state: a step clears it.
        robot.clickOn("#step");
        awaitIdle();
        assertThat(text("#gradientVerdict")).startsWith("Not checked");
        robot.clickOn("#undo");
        awaitIdle();
    }

    @Test
    void pointsAreAddedRelabelledAndDeleted(FxRobot robot) {
        // Key 2 picks class 1 for new points; a click on empty space adds one there.
        fx(() -> {
            canvas.requestFocus();
            return null;
        });
        robot.type(KeyCode.DIGIT2);
        assertThat(fx(() -> vm.addClassProperty().get())).isEqualTo(1);
        robot.clickOn(screen(canvas, -1.8, 1.6));
        awaitIdle();
        assertThat(fx(() -> view.table().getItems().size())).isEqualTo(10);
        assertThat(cellText(9, "class")).startsWith("1");
        // Key 3 relabels the selected (new) point to class 2.
        robot.type(KeyCode.DIGIT3);
        awaitIdle();
        assertThat(cellText(9, "class")).startsWith("2");
        robot.clickOn(screen(canvas, -1.8, 1.6), MouseButton.SECONDARY);
        awaitIdle();
        assertThat(fx(() -> view.table().getItems().size())).isEqualTo(9);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        awaitIdle();
        assertThat(fx(() -> view.table().getItems().size())).isEqualTo(10);
        // Delete removes the selected point.
        robot.clickOn(screen(canvas, -1.8, 1.6));
        robot.type(KeyCode.DELETE);
        awaitIdle();
        assertThat(fx(() -> view.table().getItems().size())).isEqualTo(9);
        fx(() -> {
            vm.reset();
            return null;
        });
    }

    @Test
    void draggingALineMovesItAndDraggingAnArrowHeadTurnsW(FxRobot robot) {
        // Class 0's line x + 2y = 0 passes (−1, 0.5); dragging it up by 0.5 keeps w and sets b = −w·(0, 0.5) = −1.
        robot.drag(screen(canvas, -1, 0.5), MouseButton.PRIMARY).moveTo(screen(canvas, -1, 0.8))
                .moveTo(screen(canvas, -1, 1.0))
                .release(MouseButton.PRIMARY);
        awaitIdle();
        assertThat(fx(() -> vm.scene().model().bias(0))).isCloseTo(-1, within(0.03));
        assertThat(fx(() -> vm.scene().model().weight(0, 0))).isEqualTo(1.0);
        assertThat(fx(() -> vm.scene().model().weight(0, 1))).isEqualTo(2.0);
        robot.clickOn("#undo");
        awaitIdle();
        // Class 0's arrow runs from the origin (b = 0) to (1, 2); its head dragged to (2, 1) makes w = (2, 1), b = 0.
        robot.drag(screen(canvas, 1, 2), MouseButton.PRIMARY).moveTo(screen(canvas, 1.5, 1.5))
                .moveTo(screen(canvas, 2, 1))
                .release(MouseButton.PRIMARY);
        awaitIdle();
        assertThat(fx(() -> vm.scene().model().weight(0, 0))).isCloseTo(2, within(0.03));
        assertThat(fx(() -> vm.scene().model().weight(0, 1))).isCloseTo(1, within(0.03));
        assertThat(fx(() -> vm.scene().model().bias(0))).isCloseTo(0, within(1e-9));
        // Each parameter shows its gradient under its spinner.
        assertThat(fx(() -> ((Label) view.lookup("#grad-w0_0")).getText()))
                .isEqualTo(fx(() -> LinearFormat.fixed(vm.evaluation().gradient().weight(0, 0), 3)));
        robot.clickOn("#undo");
        awaitIdle();
        assertThat(fx(() -> vm.scene())).isEqualTo(DEMO);
    }

    @Test
    void aRunIsOneUndoStepAndADivergingStepStopsWithAMessage(FxRobot robot) {
        robot.clickOn("#run");
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.iterationProperty().get() >= 4));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the run took no steps", e);
        }
        robot.clickOn("#run");
        awaitIdle();
        assertThat(fx(() -> vm.runningProperty().get())).isFalse();
        assertThat(fx(() -> vm.scene())).isNotEqualTo(DEMO);
        assertThat(fx(() -> view.history().size())).isGreaterThanOrEqualTo(5);
        robot.clickOn("#undo");
        awaitIdle();
        assertThat(fx(() -> vm.scene())).isEqualTo(DEMO);

        // λ = 10 and η = 10: the regularisation alone multiplies W by 1 − 2ηλ = −199 per step.
        typeInto(robot, "#lambdaField", "10", true);
        typeInto(robot, "#stepSizeField", "10", true);
        robot.clickOn("#step").clickOn("#step");
        awaitIdle();
        assertThat(text("#linearMessage")).contains("diverges");
        assertThat(fx(() -> view.lookup("#linearMessage").isVisible())).isTrue();
        assertThat(fx(() -> Math.abs(vm.scene().model().weight(1, 1)))).isLessThanOrEqualTo(
                LinearClassifierViewModel.MAX_PARAMETER);
        // Nonsense typed into a field gets a message and the value in force comes back.
        typeInto(robot, "#stepSizeField", "abc", true);
        awaitIdle();
        assertThat(text("#linearMessage")).contains("step size");
        assertThat(fx(() -> vm.stepSizeProperty().get())).isEqualTo(10.0);
        robot.clickOn("#reset");
        awaitIdle();
        assertThat(text("#totalLoss")).isEqualTo("6.2667");
    }

    @Test
    void theClassCountAddsAndRemovesARowOfParameters(FxRobot robot) {
        robot.clickOn("#classCount .increment-arrow-button");
        awaitIdle();
        assertThat(fx(() -> vm.scene().classCount())).isEqualTo(4);
        assertThat(fx(() -> view.lookup("#w3_1") != null)).isTrue();
        assertThat(headers()).contains("s3");
        robot.clickOn("#undo");
        awaitIdle();
        assertThat(fx(() -> vm.scene().classCount())).isEqualTo(3);
        assertThat(fx(() -> view.lookup("#w3_1") == null)).isTrue();
        assertThat(headers()).doesNotContain("s3");
    }

    @Test
    void inTheProjectorThemeAt1280By800EveryNumberOfTheTablesIsShownInFull() {
        Stage stage = fx(() -> (Stage) view.getScene().getWindow());
        double[] size = fx(() -> new double[] {stage.getWidth(), stage.getHeight()});
        try {
            fx(() -> {
                Theme.PROJECTOR.applyTo(view.getScene());
                stage.setWidth(1280);
                stage.setHeight(800);
                return null;
            });
            awaitIdle();
            assertThat(fx(() -> view.table().getWidth())).isLessThan(700);
            assertThat(shortenedCells(view.table())).isEmpty();
            // Each column is measured, and no narrower than its measure.
            assertThat(fx(() -> view.table().getColumns().stream()
                    .allMatch(c -> c.getMinWidth() >= 10 && c.getWidth() >= c.getMinWidth()))).isTrue();

            fx(() -> {
                vm.checkGradient();
                view.tabs().getSelectionModel().select(3);
                return null;
            });
            awaitIdle();
            assertThat(fx(() -> view.checkPane().table().getItems().size())).isEqualTo(9);
            assertThat(shortenedCells(view.checkPane().table())).isEmpty();
        } finally {
            fx(() -> {
                Theme.LIGHT.applyTo(view.getScene());
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                view.tabs().getSelectionModel().select(0);
                return null;
            });
            awaitIdle();
        }
    }

    @Test
    void nonsenseTypedIntoTheWholeNumberSpinnersIsRefusedWithoutAnError(FxRobot robot) {
        try (FxErrors errors = recordFxErrors()) {
            typeInto(robot, "#classCount .text-field", "abc", true);
            typeInto(robot, "#stepsPerSecond .text-field", "abc", true);
            robot.clickOn("#stepsPerSecond .increment-arrow-button");
            typeInto(robot, "#classCount .text-field", "", true);
            robot.clickOn("#classCount .increment-arrow-button");
            awaitIdle();
            assertThat(errors.list()).isEmpty();
            assertThat(fx(() -> vm.scene().classCount())).isEqualTo(4);
            assertThat(fx(() -> vm.stepsPerSecondProperty().get())).isEqualTo(11);
            assertThat(fx(() -> ((javafx.scene.control.TextField) view.lookup("#classCount .text-field")).getText()))
                    .isEqualTo("4");
            typeInto(robot, "#classCount .text-field", "99", true);
            awaitIdle();
            assertThat(fx(() -> vm.scene().classCount())).isEqualTo(LinearScene.MAX_CLASSES);
            assertThat(errors.list()).isEmpty();
        } finally {
            fx(() -> {
                vm.reset();
                vm.stepsPerSecondProperty().set(10);
                return null;
            });
            awaitIdle();
        }
    }

    @Test
    void aTypedLambdaOfZeroUnticksRegularisationAndTickingBringsTheLastLambdaBack(FxRobot robot) {
        typeInto(robot, "#lambdaField", "0", true);
        awaitIdle();
        assertThat(fx(() -> vm.lambdaProperty().get())).isZero();
        assertThat(text("#regLoss")).isEqualTo("0.0000");
        assertThat(fx(() -> view.lookup("#regularise") instanceof javafx.scene.control.CheckBox b && !b.isSelected()))
                .isTrue();
        robot.clickOn("#regularise");
        awaitIdle();
        assertThat(fx(() -> vm.lambdaProperty().get())).isEqualTo(LinearScene.CS231N_LAMBDA);
        assertThat(text("#regLoss")).isEqualTo("3.5000");
        assertThat(fx(() -> ((javafx.scene.control.TextField) view.lookup("#lambdaField")).getText()))
                .isEqualTo("0.1");
        assertThat(fx(() -> view.lookup("#lambdaField").isDisabled())).isFalse();
    }

    /** Collects what the FX thread throws from now on (in the app, each would open the error dialog). */
    /** The cells of {@code table} that show less than their text (an ellipsis instead of digits). */
    private static List<String> shortenedCells(TableView<?> table) {
        return fx(() -> {
            table.layout();
            List<String> shortened = new ArrayList<>();
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && !c.isEmpty() && c.getText() != null
                        && c.lookup(".text") instanceof Text shown && !c.getText().equals(shown.getText())) {
                    shortened.add(c.getText() + " shown as " + shown.getText());
                }
            }
            return shortened;
        });
    }

    private int regionColour(int label) {
        return fx(() -> view.palette().colour(label, 1f));
    }

    private String text(String query) {
        return fx(() -> ((Label) view.lookup(query)).getText());
    }

    private List<String> headers() {
        return fx(() -> view.table().getColumns().stream().map(c -> ((Label) c.getGraphic()).getText()).toList());
    }

    private TableCell<?, ?> cell(int row, String columnId) {
        return fx(() -> {
            view.table().scrollTo(row);
            view.table().layout();
            for (Node n : view.table().lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && ("col-" + columnId).equals(c.getTableColumn().getId()) && c.getIndex() == row
                        && !c.isEmpty()) {
                    return c;
                }
            }
            throw new AssertionError("no cell " + columnId + " in row " + row);
        });
    }

    private String cellText(int row, String columnId) {
        return fx(() -> cell(row, columnId).getText());
    }

    private static double number(String text) {
        return Double.parseDouble(text.trim().replace('−', '-'));
    }

    /** Waits until the region image shows the current model and no work is pending on the FX thread. */
    private void awaitIdle() {
        WaitForAsyncUtils.waitForFxEvents();
        awaitFx(20, "the lesson did not settle within 20 s", () -> {
            LinearRegionsRenderer r = view.renderer();
            return !r.busyProperty().get() && r.shown() != null && r.shown().model().equals(vm.scene().model());
        });
    }
}
