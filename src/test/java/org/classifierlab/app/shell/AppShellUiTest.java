package org.classifierlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.linear.LinearClassifierLesson;
import org.classifierlab.app.theme.Theme;

/** The shell: themes, shortcut overlay, two lessons side by side, status bar. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AppShellUiTest {

    private AppShell shell;
    private AppContext context;
    private Scene scene;

    @Start
    void start(Stage stage) {
        context = new AppContext(new JobStatus());
        shell = new AppShell(context);
        scene = new Scene(shell.root(), 1200, 780);
        context.themeProperty().get().applyTo(scene);
        context.themeProperty().addListener((o, a, t) -> t.applyTo(scene));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void themesSwitchAtRunTimeAndTheProjectorThemeEnlargesText(FxRobot robot) {
        double lightFont = fx(() -> scene.getRoot().lookup(".label").getScene().getRoot().getStyleClass().contains("theme-light") ? 1.0 : 0.0);
        assertThat(lightFont).isEqualTo(1.0);
        double before = fx(() -> ((javafx.scene.control.Label) shell.root().lookup("#statusDetail")).getFont().getSize());
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        assertThat(fx(() -> context.themeProperty().get())).isEqualTo(Theme.DARK);
        assertThat(fx(() -> scene.getRoot().getStyleClass())).contains("theme-dark").doesNotContain("theme-light");
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        assertThat(fx(() -> context.themeProperty().get())).isEqualTo(Theme.PROJECTOR);
        WaitForAsyncUtils.waitForFxEvents();
        double after = fx(() -> ((javafx.scene.control.Label) shell.root().lookup("#statusDetail")).getFont().getSize());
        assertThat(after).isGreaterThan(before * 1.4);
    }

    @Test
    void aLessonPickedWithTheMouseTakesTheKeyboardAtOnce(FxRobot robot) {
        robot.clickOn("Linear classifier");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shell.activeLesson())).isInstanceOf(LinearClassifierLesson.class);
        LinearClassifierLesson lesson = (LinearClassifierLesson) fx(() -> shell.activeLesson());
        double before = fx(() -> lesson.viewModel().evaluation().totalLoss());
        robot.type(KeyCode.SPACE); // one gradient-descent step
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> lesson.viewModel().iterationProperty().get())).isEqualTo(1);
        assertThat(fx(() -> lesson.viewModel().evaluation().totalLoss())).isLessThan(before);
    }

    @Test
    void leavingALessonAndComingBackKeepsWhatTheUserDid(FxRobot robot) {
        robot.clickOn("Linear classifier");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        LinearClassifierLesson lesson = (LinearClassifierLesson) fx(() -> shell.activeLesson());
        double afterStep = fx(() -> lesson.viewModel().evaluation().totalLoss());
        robot.clickOn("Loss explorer");
        robot.clickOn("Linear classifier");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shell.activeLesson())).isSameAs(lesson);
        assertThat(fx(() -> lesson.viewModel().iterationProperty().get())).isEqualTo(1);
        assertThat(fx(() -> lesson.viewModel().evaluation().totalLoss())).isEqualTo(afterStep);
        // the second pane is another instance, and its chooser names lessons by title
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> shell.lessons().get(1))).isNotSameAs(lesson).isInstanceOf(LinearClassifierLesson.class);
        assertThat(fx(() -> scene.getRoot().lookupAll(".pane-header .combo-box .list-cell").stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n).filter(c -> c.getItem() != null)
                .map(javafx.scene.control.ListCell::getText).toList())).containsExactly("Linear classifier");
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void f1OpensTheShortcutOverlayAndEscapeClosesIt(FxRobot robot) {
        robot.type(KeyCode.F1);
        assertThat(fx(() -> shell.overlay().isShowing())).isTrue();
        assertThat(robot.lookup("Keyboard shortcuts").tryQuery()).isPresent();
        assertThat(robot.lookup("Undo / redo").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
        assertThat(fx(() -> shell.overlay().isShowing())).isFalse();
    }

    @Test
    void twoLessonsSideBySideAreIndependent(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertThat(fx(() -> shell.lessons().size())).isEqualTo(2);
        assertThat(fx(() -> shell.lessons().get(0) != shell.lessons().get(1))).isTrue();
        assertThat(robot.lookup("#playgroundCanvas").queryAll()).hasSize(2);
        fx(() -> {
            shell.setSideBySide(false);
            return null;
        });
        assertThat(fx(() -> shell.lessons().size())).isEqualTo(1);
    }

    @Test
    void theStatusBarShowsTheRunningJob() {
        JobStatus.Job job = fx(() -> context.jobs().start("Loading CIFAR-10"));
        assertThat(fx(() -> context.jobs().textProperty().get())).isEqualTo("Loading CIFAR-10…");
        fx(() -> {
            job.progress(0.25);
            return null;
        });
        assertThat(fx(() -> ((org.controlsfx.control.StatusBar) shell.root().lookup("#statusBar")).getProgress())).isEqualTo(0.25);
        fx(() -> {
            job.done();
            return null;
        });
        assertThat(fx(() -> context.jobs().textProperty().get())).isEqualTo("Ready");
    }

    @Test
    void anUncaughtErrorOpensADialogWithItsMessageInsteadOfDying(FxRobot robot) throws Exception {
        context.setWindow(scene.getWindow());
        ErrorReporter reporter = new ErrorReporter(context);
        javafx.application.Platform.runLater(() -> reporter.report(new IllegalStateException("map worker exploded")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(n -> n instanceof javafx.scene.control.DialogPane).tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(n -> n instanceof javafx.scene.control.DialogPane).query();
        assertThat(fx(pane::getHeaderText)).contains("IllegalStateException").contains("map worker exploded");
        fx(() -> {
            ((Stage) pane.getScene().getWindow()).close();
            return null;
        });
        // The main window is still there and working.
        assertThat(fx(() -> scene.getWindow().isShowing())).isTrue();
    }

    @Test
    void theThemeIsRememberedBetweenRuns() throws Exception {
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot().node("org/classifierlab/test-theme");
        try {
            new AppPreferences(node).setTheme(Theme.PROJECTOR);
            assertThat(new AppPreferences(node).theme()).isEqualTo(Theme.PROJECTOR);
            node.put("theme", "no-such-theme");
            assertThat(new AppPreferences(node).theme()).isEqualTo(Theme.LIGHT);
        } finally {
            node.removeNode();
        }
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
