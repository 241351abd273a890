package org.classifierlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Label;
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
import org.classifierlab.app.gallery.ImageNeighboursLesson;
import org.classifierlab.app.knn.KnnPlaygroundLesson;
import org.classifierlab.app.linear.LinearClassifierLesson;
import org.classifierlab.app.loss.LossExplorerLesson;
import org.classifierlab.app.templates.ImageLinearLesson;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.scene.LecturePresets;
import org.classifierlab.core.scene.SceneDocument;
import org.classifierlab.core.scene.SceneLesson;

/**
 * The Lecture 2 tour through the real window: it steps through every preset with PgDn (and back with PgUp, → and ←),
 * each step showing its lesson (two side by side where the preset has two), caption and counter with the lesson list
 * hidden; Esc puts back the lessons and the layout from before.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TourUiTest {

    private static final Map<SceneLesson, Class<?>> LESSON_CLASS = Map.of(
            SceneLesson.KNN_PLAYGROUND, KnnPlaygroundLesson.class,
            SceneLesson.IMAGE_NEIGHBOURS, ImageNeighboursLesson.class,
            SceneLesson.IMAGE_LINEAR, ImageLinearLesson.class,
            SceneLesson.LINEAR_2D, LinearClassifierLesson.class,
            SceneLesson.LOSS_EXPLORER, LossExplorerLesson.class);

    private AppContext context;
    private AppShell shell;
    private FxTestSupport.FxErrors errors;

    @Start
    void start(Stage stage) {
        errors = FxTestSupport.recordFxErrors();
        FxTestSupport.Studio studio = FxTestSupport.studio(stage, 1280, 800, Theme.LIGHT);
        context = studio.context();
        shell = studio.shell();
        shell.navigator().getSelectionModel().select(LessonKind.KNN_PLAYGROUND);
    }

    @AfterEach
    void noErrors() {
        List<Throwable> list = errors.list();
        errors.close();
        fx(() -> {
            shell.tour().leave();
            shell.dispose();
            return null;
        });
        assertThat(list).isEmpty();
    }

    private String text(String id) {
        return fx(() -> ((Label) shell.root().lookup("#" + id)).getText());
    }

    private boolean shown(String id) {
        return fx(() -> {
            Node n = shell.root().lookup("#" + id);
            return n != null && n.getScene() != null && n.isVisible();
        });
    }

    private void awaitStep(int i) {
        awaitFx(30, "step " + (i + 1) + " is shown", () -> shell.tour().shownStepProperty().get() == i);
    }

    private KnnPlaygroundLesson playground() {
        return fx(() -> (KnnPlaygroundLesson) shell.lessons().get(0));
    }

    @Test
    void pageDownStepsThroughEveryPresetWithItsLessonAndCaption(FxRobot robot) throws Exception {
        LecturePresets tour = LecturePresets.bundled();
        int n = tour.steps().size();
        assertThat(shown("tourBar")).isFalse();
        fx(() -> {
            shell.tour().start(tour);
            return null;
        });
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
            }
            awaitStep(i);
            LecturePresets.Step step = tour.steps().get(i);
            SceneDocument d = LecturePresets.open(step.preset());
            assertThat(text("tourCaption")).isEqualTo(step.caption());
            assertThat(text("tourPart")).isEqualTo(step.part());
            assertThat(text("tourCounter")).isEqualTo((i + 1) + " / " + n);
            assertThat(text("tourNote")).isEqualTo(d.note());
            List<Lesson> lessons = fx(() -> shell.lessons());
            assertThat(lessons).as(step.preset().file()).hasSize(d.secondary() == null ? 1 : 2);
            assertThat(lessons.get(0)).isInstanceOf(LESSON_CLASS.get(d.primary()));
            if (d.secondary() != null) {
                assertThat(lessons.get(1)).isInstanceOf(LESSON_CLASS.get(d.secondary()));
            }
            assertThat(fx(() -> shell.isNavigatorShown())).as("the lesson list is hidden").isFalse();
            assertThat(fx(() -> shell.isControlsShown())).as("control panels at " + step.preset().file())
                    .isEqualTo(step.controlPanel());
            assertThat(shown("tourBar")).isTrue();
        }
        // At the last step PgDn stays there.
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shell.tour().stepProperty().get())).isEqualTo(n - 1);
    }

    @Test
    void backAndForwardWithPageKeysAndArrowsButNotWhileTyping(FxRobot robot) throws Exception {
        LecturePresets tour = LecturePresets.bundled();
        fx(() -> {
            shell.tour().start(tour);
            return null;
        });
        awaitStep(0);
        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shell.tour().stepProperty().get())).as("PgUp at the first step stays").isZero();
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        awaitStep(1);
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        awaitStep(2);
        assertThat(text("tourCaption")).isEqualTo(tour.steps().get(2).caption());
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        awaitStep(1);
        robot.press(KeyCode.PAGE_UP).release(KeyCode.PAGE_UP);
        awaitStep(0);
        assertThat(text("tourCounter")).isEqualTo("1 / " + tour.steps().size());
        // The buttons step too.
        robot.clickOn("#tourNext");
        awaitStep(1);
        // In a text field the arrows move the caret; PgDn still steps.
        robot.clickOn("#seed");
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shell.tour().stepProperty().get())).isEqualTo(1);
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        awaitStep(2);
    }

    @Test
    void escapePutsBackTheLessonsAndTheLayoutFromBefore(FxRobot robot) throws Exception {
        fx(() -> {
            playground().viewModel().kProperty().set(7);
            shell.setSideBySide(true);
            return null;
        });
        Lesson left = playground();
        int pointsBefore = fx(() -> left.sceneState() instanceof org.classifierlab.core.scene.KnnPlaygroundState s
                ? s.points().size() : -1);
        fx(() -> {
            shell.tour().start(LecturePresets.bundled());
            return null;
        });
        awaitStep(0);
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        awaitStep(1);
        // The outlier preset replaced the points and K, and closed the second pane.
        assertThat(fx(() -> playground().viewModel().kProperty().get())).isEqualTo(1);
        assertThat(fx(() -> shell.isSideBySide())).isFalse();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        awaitFx(10, "the tour has ended", () -> !shell.tour().isRunning());
        assertThat(shown("tourBar")).isFalse();
        assertThat(fx(() -> shell.isNavigatorShown())).isTrue();
        assertThat(fx(() -> shell.isSideBySide())).isTrue();
        assertThat(fx(() -> shell.lessons().get(1))).isInstanceOf(KnnPlaygroundLesson.class);
        assertThat(fx(() -> playground().viewModel().kProperty().get())).isEqualTo(7);
        assertThat(fx(() -> ((org.classifierlab.core.scene.KnnPlaygroundState) playground().sceneState()).points()
                .size())).isEqualTo(pointsBefore);
        // Keys are the lessons' again: PgDn does not step, → is not taken.
        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shell.tour().stepProperty().get())).isEqualTo(-1);
    }

    @Test
    void theButtonUnderTheLessonListStartsTheTour(FxRobot robot) throws Exception {
        robot.clickOn("#navigatorTour");
        awaitStep(0);
        assertThat(text("tourCaption")).isEqualTo(LecturePresets.bundled().steps().get(0).caption());
        assertThat(shown("navigatorTour")).as("it goes with the lesson list").isFalse();
        robot.clickOn("#tourLeave");
        awaitFx(10, "the tour has ended", () -> !shell.tour().isRunning());
        assertThat(shown("navigatorTour")).isTrue();
    }

    @Test
    void theMenuListsTheTourAndEveryPresetByPart() throws Exception {
        LecturePresets p = LecturePresets.bundled();
        javafx.scene.control.Menu menu = fx(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) shell.root().lookup("#menuBar");
            return (javafx.scene.control.Menu) bar.getMenus().get(0).getItems().stream()
                    .filter(i -> "lecturePresetsMenu".equals(i.getId())).findFirst().orElseThrow();
        });
        assertThat(menu.getItems().get(0).getText()).isEqualTo("Start the tour: Lecture 2: Image classification");
        List<String> items = menu.getItems().stream().filter(i -> i instanceof javafx.scene.control.Menu)
                .flatMap(m -> ((javafx.scene.control.Menu) m).getItems().stream()).map(i -> i.getText()).toList();
        assertThat(items).containsExactlyElementsOf(p.presets().stream().map(LecturePresets.Preset::title).toList());
        fx(() -> {
            menu.getItems().get(0).fire();
            return null;
        });
        awaitStep(0);
        assertThat(text("tourCaption")).isEqualTo(p.steps().get(0).caption());
    }
}
