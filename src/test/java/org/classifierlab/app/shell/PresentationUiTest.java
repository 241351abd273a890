package org.classifierlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.FxTestSupport;
import org.classifierlab.app.knn.KnnPlaygroundLesson;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.scene.LecturePresets;

/**
 * The presentation view through the real window: F5 goes full screen in the projector theme with the lesson list
 * hidden and the laser pointer on; F9 hides and shows the control panel (the picture gets its room); the laser's dot
 * follows the mouse without taking its clicks; Esc or F5 leaves and puts back the user's theme and layout.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PresentationUiTest {

    private AppContext context;
    private AppShell shell;
    private Stage stage;
    private FxTestSupport.FxErrors errors;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        errors = FxTestSupport.recordFxErrors();
        FxTestSupport.Studio studio = FxTestSupport.studio(stage, 1280, 800, Theme.DARK);
        context = studio.context();
        shell = studio.shell();
        shell.navigator().getSelectionModel().select(LessonKind.KNN_PLAYGROUND);
    }

    @AfterEach
    void noErrors() {
        List<Throwable> list = errors.list();
        errors.close();
        fx(() -> {
            shell.presentation().setActive(false);
            shell.tour().leave();
            stage.setFullScreen(false);
            shell.dispose();
            return null;
        });
        assertThat(list).isEmpty();
    }

    private void key(FxRobot robot, KeyCode k) {
        robot.press(k).release(k);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Node> controlPanels() {
        return fx(() -> List.copyOf(shell.root().lookupAll(".control-panel-scroll")));
    }

    private double canvasWidth() {
        return fx(() -> shell.root().lookup("#playgroundCanvas").getLayoutBounds().getWidth());
    }

    @Test
    void f5PresentsAndEscapePutsEverythingBack(FxRobot robot) {
        robot.clickOn("#playgroundCanvas", javafx.scene.input.MouseButton.MIDDLE);
        key(robot, KeyCode.F5);
        assertThat(fx(() -> shell.presentation().isActive())).isTrue();
        assertThat(fx(() -> context.themeProperty().get())).isEqualTo(Theme.PROJECTOR);
        assertThat(fx(() -> shell.root().getStyleClass().contains("theme-projector"))).isTrue();
        assertThat(fx(() -> shell.isNavigatorShown())).isFalse();
        assertThat(fx(() -> stage.isFullScreen())).isTrue();
        assertThat(fx(() -> shell.laser().enabledProperty().get())).isTrue();

        key(robot, KeyCode.ESCAPE);
        assertThat(fx(() -> shell.presentation().isActive())).isFalse();
        assertThat(fx(() -> context.themeProperty().get())).isEqualTo(Theme.DARK);
        assertThat(fx(() -> shell.root().getStyleClass().contains("theme-dark"))).isTrue();
        assertThat(fx(() -> shell.isNavigatorShown())).isTrue();
        assertThat(fx(() -> stage.isFullScreen())).isFalse();
        assertThat(fx(() -> shell.laser().enabledProperty().get())).isFalse();

        // F5 leaves as well as it enters.
        key(robot, KeyCode.F5);
        assertThat(fx(() -> shell.presentation().isActive())).isTrue();
        key(robot, KeyCode.F5);
        assertThat(fx(() -> shell.presentation().isActive())).isFalse();
        assertThat(fx(() -> context.themeProperty().get())).isEqualTo(Theme.DARK);
    }

    @Test
    void f9HidesAndShowsTheControlPanelAndThePictureGetsTheRoom(FxRobot robot) {
        robot.clickOn("#playgroundCanvas", javafx.scene.input.MouseButton.MIDDLE);
        key(robot, KeyCode.F5);
        assertThat(controlPanels()).isNotEmpty().allMatch(Node::isVisible);
        double wide = canvasWidth();
        key(robot, KeyCode.F9);
        assertThat(fx(() -> shell.isControlsShown())).isFalse();
        assertThat(controlPanels()).allMatch(n -> !n.isVisible() && !n.isManaged());
        awaitFx(5, "the canvas takes the panel's room", () -> canvasWidth() > wide + 150);
        // A lesson opened now has its panel hidden too; so has a second pane.
        fx(() -> {
            shell.navigator().getSelectionModel().select(LessonKind.LINEAR_CLASSIFIER);
            shell.setSideBySide(true);
            return null;
        });
        assertThat(controlPanels()).hasSizeGreaterThanOrEqualTo(2).allMatch(n -> !n.isVisible());
        key(robot, KeyCode.F9);
        assertThat(controlPanels()).allMatch(n -> n.isVisible() && n.isManaged());
        // Leaving the presentation puts the panel back as it was before it (shown), even when hidden during it.
        key(robot, KeyCode.F9);
        key(robot, KeyCode.ESCAPE);
        assertThat(controlPanels()).allMatch(Node::isVisible);
    }

    @Test
    void theLaserFollowsTheMouseAndLetsClicksThrough(FxRobot robot) {
        key(robot, KeyCode.F5);
        Node canvas = fx(() -> shell.root().lookup("#playgroundCanvas"));
        Point2D target = fx(() -> canvas.localToScreen(canvas.getLayoutBounds().getWidth() * 0.3,
                canvas.getLayoutBounds().getHeight() * 0.4));
        robot.moveTo(target);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shell.laser().isShowing())).isTrue();
        Point2D atScene = fx(() -> shell.root().getScene().getRoot().screenToLocal(target));
        Point2D dot = fx(() -> shell.laser().position());
        assertThat(dot.getX()).isCloseTo(atScene.getX(), within(1.5));
        assertThat(dot.getY()).isCloseTo(atScene.getY(), within(1.5));
        Point2D elsewhere = target.add(120, 60);
        robot.moveTo(elsewhere);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D moved = fx(() -> shell.laser().position());
        assertThat(moved.getX() - dot.getX()).isCloseTo(120, within(1.5));
        assertThat(moved.getY() - dot.getY()).isCloseTo(60, within(1.5));
        assertThat(fx(() -> shell.laser().node().isMouseTransparent())).isTrue();
        // A click under the dot still reaches the playground: it adds a point there.
        KnnPlaygroundLesson l = fx(() -> (KnnPlaygroundLesson) shell.lessons().get(0));
        int before = fx(() -> l.viewModel().pointCount());
        robot.clickOn(elsewhere);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> l.viewModel().pointCount())).isEqualTo(before + 1);
        // F8 turns it off (and on) by itself.
        key(robot, KeyCode.F8);
        assertThat(fx(() -> shell.laser().isShowing())).isFalse();
        key(robot, KeyCode.F8);
        robot.moveTo(target);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shell.laser().isShowing())).isTrue();
        key(robot, KeyCode.ESCAPE);
        assertThat(fx(() -> shell.laser().isShowing())).isFalse();
    }

    @Test
    void escapeLeavesTheTourFirstThenThePresentation(FxRobot robot) throws Exception {
        robot.clickOn("#playgroundCanvas", javafx.scene.input.MouseButton.MIDDLE);
        key(robot, KeyCode.F5);
        fx(() -> {
            shell.tour().start(LecturePresets.bundled());
            return null;
        });
        awaitFx(30, "the tour's first step", () -> shell.tour().shownStepProperty().get() == 0);
        key(robot, KeyCode.ESCAPE);
        assertThat(fx(() -> shell.tour().isRunning())).isFalse();
        assertThat(fx(() -> shell.presentation().isActive())).isTrue();
        assertThat(fx(() -> shell.isNavigatorShown())).as("still presenting: the list stays hidden").isFalse();
        key(robot, KeyCode.ESCAPE);
        assertThat(fx(() -> shell.presentation().isActive())).isFalse();
        assertThat(fx(() -> shell.isNavigatorShown())).isTrue();
        assertThat(fx(() -> context.themeProperty().get())).isEqualTo(Theme.DARK);
    }
}
