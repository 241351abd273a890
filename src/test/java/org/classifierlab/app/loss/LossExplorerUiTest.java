package org.classifierlab.app.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.fx;
import static org.classifierlab.app.FxTestSupport.recordFxErrors;
import static org.classifierlab.app.FxTestSupport.showStudio;
import static org.classifierlab.app.FxTestSupport.typeInto;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.FxTestSupport.FxErrors;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.SoftmaxLoss;

/** What a student sees and does in the loss explorer, driven through the real window with TestFX. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LossExplorerUiTest {

    private LossExplorerLesson lesson;
    private LossExplorerViewModel vm;
    private LossExplorerView view;

    @Start
    void start(Stage stage) {
        AppShell shell = showStudio(stage, 1280, 800, LessonKind.LOSS_EXPLORER);
        lesson = (LossExplorerLesson) shell.lessons().get(0);
        vm = lesson.viewModel();
        view = lesson.explorerView();
    }

    @BeforeEach
    void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFirstSlideExampleIsShownWithTheSlidesLossesAndTheTableWithTheAverage() {
        assertThat(text("#hingeValue")).isEqualTo("2.90");
        assertThat(text("#ceValue")).isEqualTo("2.04");
        assertThat(text("#pipelineLoss")).isEqualTo("L = −log p_cat = −log(0.13) = 2.04");
        Map<Integer, String> hinge = tableColumn("Hinge");
        assertThat(hinge).containsEntry(0, "2.90").containsEntry(1, "0.00").containsEntry(2, "12.90");
        assertThat(tableColumn("CE")).containsEntry(0, "2.04");
        assertThat(tableColumn("Scores")).containsEntry(0, "[3.2, 5.1, −1.7]");
        assertThat(text("#averageHinge")).isEqualTo("5.27");
    }

    @Test
    void draggingAWrongClassBarChangesBothLossesOnScreen(FxRobot robot) {
        String hingeBefore = text("#hingeValue");
        String ceBefore = text("#ceValue");
        Point2D carTop = fx(() -> view.chart().localToScreen(view.chart().barCentreX(1),
                view.chart().toLocalY(5.1) + 6));
        robot.drag(carTop, MouseButton.PRIMARY).moveBy(0, 40).moveBy(0, 40).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double[] s = fx(() -> vm.state().current().scores());
        assertThat(s[1]).isLessThan(5.0);
        assertThat(s[0]).isEqualTo(3.2);
        String hinge = LossFormat.number(HingeLoss.of(s, 0, HingeLoss.Options.STANDARD).loss());
        String ce = LossFormat.number(SoftmaxLoss.loss(s, 0));
        assertThat(text("#hingeValue")).isEqualTo(hinge).isNotEqualTo(hingeBefore);
        assertThat(text("#ceValue")).isEqualTo(ce).isNotEqualTo(ceBefore);
        // The table row of the explored example follows the edit, and the drag is one undo step.
        assertThat(tableColumn("Hinge")).containsEntry(0, hinge);
        fx(() -> {
            vm.undo();
            return null;
        });
        assertThat(text("#hingeValue")).isEqualTo("2.90");
    }

    @Test
    void clickingTheThirdRowExploresTheFrog(FxRobot robot) {
        robot.clickOn(tableRow(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#hingeValue")).isEqualTo("12.90");
        assertThat(fx(() -> vm.state().current().correctName())).isEqualTo("frog");
        assertThat(text("#hingeTotal")).isEqualTo("L = 6.3 + 6.6 = 12.90");
    }

    @Test
    void scoresAroundAThousandShowFiniteLossesAndTheOverflow(FxRobot robot) {
        robot.clickOn("#presetStability");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#hingeValue")).isEqualTo("2.00");
        assertThat(text("#ceValue")).isEqualTo("1.31");
        LabelGrid grid = view.lookupAll(".pipeline-grid").stream().map(LabelGrid.class::cast).findFirst().orElseThrow();
        assertThat(fx(() -> grid.cell(1, 2).getText())).isEqualTo("∞ (overflow)");
        assertThat(fx(() -> grid.cell(1, 4).getText())).isEqualTo("0.37");
        assertThat(text("#shiftNote")).contains("overflows");
        assertThat(text("#noteText")).contains("cross-entropy = 1.31");
    }

    @Test
    void theInitialisationPresetShowsCMinusOneAndLnC(FxRobot robot) {
        robot.clickOn("#presetInitialisation");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#hingeValue")).isEqualTo("2.00");
        assertThat(text("#ceValue")).isEqualTo("1.10");
        assertThat(text("#noteText")).contains("C − 1 = 2").contains("ln 3 = 1.10");

        robot.doubleClickOn("#classCount .text-field").write("5\n");
        robot.clickOn("#presetInitialisation");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#hingeValue")).isEqualTo("4.00");
        assertThat(text("#ceValue")).isEqualTo(LossFormat.number(Math.log(5)));
    }

    @Test
    void theDeltaTenPresetShowsEight(FxRobot robot) {
        robot.clickOn("#presetDeltaTen");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#hingeValue")).isEqualTo("8.00");
        assertThat(text("#noteText")).contains("= 0 + 8 = 8");
        assertThat(text("#hingeTotal")).isEqualTo("L = 0 + 8 = 8.00");
        assertThat(fx(() -> ((javafx.scene.control.TextField) view.lookup("#deltaField")).getText())).isEqualTo("10");
        // Clicking a class name makes it the correct class: frog (11) then beats cat by 2 < Δ.
        Point2D frogName = fx(() -> view.chart().localToScreen(view.chart().barCentreX(2), view.chart().nameRowY()));
        robot.clickOn(frogName);
        WaitForAsyncUtils.waitForFxEvents();
        double expected = HingeLoss.of(new double[] {13, -7, 11}, 2, HingeLoss.Options.STANDARD.withDelta(10)).loss();
        assertThat(text("#hingeValue")).isEqualTo(LossFormat.number(expected));
    }

    @Test
    void aComparisonRowLoadsItsStateAndTheKeysEditTheExplorer(FxRobot robot) {
        robot.clickOn("#presetMarginsMet");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#ceValue")).isEqualTo("0.55");
        robot.clickOn("#comparison1_0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.state().current().scores())).containsExactly(10, -100, -100);
        assertThat(text("#hingeValue")).isEqualTo("0.00");
        assertThat(text("#ceValue")).isEqualTo("3.4e−48");

        // Double-click a bar, type its exact score; then keys: D raises Δ, Q squares, 3 makes frog correct.
        Point2D car = fx(() -> view.chart().localToScreen(view.chart().barCentreX(1), view.chart().toLocalY(-50)));
        robot.doubleClickOn(car).write("9.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.state().current().score(1))).isEqualTo(9.5);
        assertThat(text("#hingeValue")).isEqualTo("0.50");
        robot.type(KeyCode.D).type(KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.options().delta())).isEqualTo(2);
        assertThat(text("#hingeValue")).isEqualTo("2.25"); // max(0, 9.5 − 10 + 2)² = 1.5²
        robot.type(KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm.state().current().correct())).isEqualTo(2);
        // A typed absurd score is refused with a message and changes nothing.
        robot.doubleClickOn(car).write("1e9").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#inputMessage")).contains("between");
        assertThat(fx(() -> vm.state().current().score(1))).isEqualTo(9.5);
    }

    @Test
    void ctrlZUndoesAndCtrlShiftZOrCtrlYRedoesTheLastEdit(FxRobot robot) {
        fx(() -> {
            view.chart().requestFocus();
            return null;
        });
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#hingeValue")).isEqualTo("3.90"); // Δ = 2: car adds 5.1 − 3.2 + 2
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#hingeValue")).isEqualTo("2.90");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#hingeValue")).isEqualTo("3.90");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#hingeValue")).isEqualTo("3.90");
        // Ctrl+Y redoes; it does not also toggle "include y" as Y alone does.
        assertThat(fx(() -> vm.options().includeCorrect())).isFalse();
    }

    @Test
    void nonsenseTypedAsTheClassCountGetsAMessageAndNoErrorWhenTheFieldIsLeft(FxRobot robot) {
        try (FxErrors errors = recordFxErrors()) {
            for (String typed : List.of("abc", "99")) {
                typeInto(robot, "#classCount .text-field", typed, false);
                robot.clickOn("#scoreField");
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(errors.list()).as(typed).isEmpty();
                assertThat(fx(() -> vm.state().current().classCount())).as(typed).isEqualTo(3);
                assertThat(text("#inputMessage")).as(typed).contains("2 to 10");
            }
            typeInto(robot, "#classCount .text-field", "abc", false);
            robot.clickOn("#classCount .increment-arrow-button");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(errors.list()).isEmpty();
            assertThat(fx(() -> vm.state().current().classCount())).isEqualTo(4);
        } finally {
            fx(() -> {
                vm.undo();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void exportWritesThePictureOfTheFigure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("loss.png");
        Path written = fx(() -> lesson.exportPng(file)).get(20, TimeUnit.SECONDS);
        BufferedImage img = ImageIO.read(written.toFile());
        assertThat(img.getWidth()).isEqualTo((int) Math.ceil(fx(() -> view.figure().getLayoutBounds().getWidth())));
        assertThat(img.getHeight()).isGreaterThan(300);
    }

    private String text(String query) {
        return fx(() -> ((Label) view.lookup(query)).getText());
    }

    /** The texts the table's cells show in the column titled {@code title}, by row index. */
    private Map<Integer, String> tableColumn(String title) {
        return fx(() -> {
            view.table().layout();
            Map<Integer, String> map = new HashMap<>();
            for (Node n : view.table().lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                        && title.equals(cell.getTableColumn().getText()) && !cell.isEmpty() && cell.getIndex() >= 0) {
                    map.put(cell.getIndex(), cell.getText());
                }
            }
            return map;
        });
    }

    private Node tableRow(int index) {
        return fx(() -> view.table().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index).findFirst().orElseThrow());
    }
}
