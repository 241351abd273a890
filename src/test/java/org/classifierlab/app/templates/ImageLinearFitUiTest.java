package org.classifierlab.app.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FitAssertions.shownScrollBars;
import static org.classifierlab.app.FxTestSupport.fx;
import static org.classifierlab.app.FxTestSupport.showStudio;

import javafx.scene.control.Tab;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.theme.Theme;

/** The linear classifier on images on a 1280 × 800 projector: the training panel folds, no tab scrolls sideways. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImageLinearFitUiTest {

    private ImageLinearView view;

    @Start
    void start(Stage stage) {
        AppShell shell = showStudio(stage, 1280, 800, LessonKind.IMAGE_LINEAR, Theme.PROJECTOR);
        view = ((ImageLinearLesson) shell.lessons().get(0)).linearView();
    }

    @Test
    void theTabsGetTheWidthAndNoneScrollsSideways() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.lookup("#showTraining").isVisible())).isTrue();
        assertThat(fx(() -> view.tabs().getWidth())).as("the training panel folded away").isGreaterThan(900);
        for (Tab tab : fx(() -> java.util.List.copyOf(view.tabs().getTabs()))) {
            fx(() -> {
                view.tabs().getSelectionModel().select(tab);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(shownScrollBars(tab.getContent()).stream().filter(s -> s.startsWith("HORIZONTAL")))
                    .as(tab.getText()).isEmpty();
        }
    }

    @Test
    void bothScoreChartsOfOneImageAreInViewSideBySide() {
        Tab scores = fx(() -> view.tabs().getTabs().stream().filter(t -> t.getText().startsWith("Scores")).findFirst()
                .orElseThrow());
        fx(() -> {
            view.tabs().getSelectionModel().select(scores);
            return null;
        });
        org.classifierlab.app.FxTestSupport.awaitFx(60, "both loss charts are shown", () -> {
            javafx.scene.Node charts = view.lookup("#scoreBarsSoftmax");
            return charts != null && charts.getScene() != null && view.lookup("#scoreBarsSvm").getScene() != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownScrollBars(scores.getContent())).as("nothing in the tab scrolls").isEmpty();
        org.classifierlab.app.FitAssertions.assertFullyVisible(view.lookup("#scoreBarsSvm"), "the SVM's score bars");
        org.classifierlab.app.FitAssertions.assertFullyVisible(view.lookup("#scoreBarsSoftmax"),
                "the softmax's score bars");
        org.classifierlab.app.FitAssertions.assertFullyVisible(view.lookup("#exploreSoftmax"),
                "the softmax's Explore button");
        javafx.geometry.Bounds svm = fx(() -> view.lookup("#scoreBarsSvm").localToScene(
                view.lookup("#scoreBarsSvm").getLayoutBounds()));
        javafx.geometry.Bounds softmax = fx(() -> view.lookup("#scoreBarsSoftmax").localToScene(
                view.lookup("#scoreBarsSoftmax").getLayoutBounds()));
        assertThat(softmax.getMinX()).as("side by side").isGreaterThan(svm.getMaxX());
        assertThat(svm.getWidth()).as("a readable chart").isGreaterThan(300);
        assertThat(svm.getHeight()).as("a readable chart").isGreaterThan(200);
    }
}
