package org.classifierlab.app.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FitAssertions.assertFullyVisible;
import static org.classifierlab.app.FitAssertions.shownScrollBars;
import static org.classifierlab.app.FxTestSupport.fx;
import static org.classifierlab.app.FxTestSupport.showStudio;

import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.render.LessonPicture;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.theme.Theme;

/** The k-NN playground on a 1280 × 800 projector: the plane in full view, and its picture at 2×. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KnnPlaygroundFitUiTest {

    private KnnPlaygroundView view;

    @Start
    void start(Stage stage) {
        AppShell shell = showStudio(stage, 1280, 800, LessonKind.KNN_PLAYGROUND, Theme.PROJECTOR);
        view = (KnnPlaygroundView) ((KnnPlaygroundLesson) shell.lessons().get(0)).view();
    }

    @Test
    void thePlaneIsInFullViewWithoutScrollBars() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownScrollBars(view)).isEmpty();
        assertFullyVisible(view.canvas(), "the plane");
        assertThat(fx(() -> Math.min(view.canvas().getWidth(), view.canvas().getHeight()))).isGreaterThanOrEqualTo(450);
    }

    @Test
    void thePlaneExportsAtTwiceItsPixelsWithItsPointsRedrawn() {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage one = fx(() -> LessonPicture.snapshot(view.canvas(), 1));
        double[] widest = {0};
        javafx.scene.canvas.Canvas points = fx(() -> (javafx.scene.canvas.Canvas) view.canvas().getChildrenUnmodifiable()
                .stream().filter(n -> n instanceof javafx.scene.canvas.Canvas).findFirst().orElseThrow());
        fx(() -> {
            points.widthProperty().addListener((o, a, w) -> widest[0] = Math.max(widest[0], w.doubleValue()));
            return null;
        });
        WritableImage two = fx(() -> LessonPicture.snapshot(view.canvas(), 2));
        assertThat(two.getWidth()).isEqualTo(2 * one.getWidth());
        assertThat(two.getHeight()).isEqualTo(2 * one.getHeight());
        assertThat(widest[0]).as("the points drawn on a layer of twice the size").isEqualTo(2 * one.getWidth());
        assertThat(fx(points::getWidth)).isEqualTo(one.getWidth());
        // Not blank: decision regions of four classes and the points' outlines.
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < (int) two.getHeight(); y += 7) {
            for (int x = 0; x < (int) two.getWidth(); x += 7) {
                colours.add(two.getPixelReader().getArgb(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(8);
    }

    @Test
    void theControlsALectureFlipsAreInViewAndTheRestFoldsUnderTitlesThatOpenIt(org.testfx.api.FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane controls = fx(() -> (javafx.scene.control.ScrollPane) view.getRight());
        assertThat(fx(() -> controls.getContent().getLayoutBounds().getHeight()))
                .as("the control panel needs no scrolling").isLessThanOrEqualTo(fx(() -> controls.getViewportBounds()
                        .getHeight()) + 0.5);
        for (String id : new String[] {"#kSpinner", "#metricL1", "#metricL2", "#kOneCallout"}) {
            assertFullyVisible(view.lookup(id), id);
        }
        assertThat(fx(() -> shown(view.lookup("#regenerate")))).as("Data is folded").isFalse();
        robot.clickOn("#sectionData");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ((javafx.scene.control.Label) view.lookup("#sectionData")).getText())).startsWith("▾");
        org.classifierlab.app.FxTestSupport.awaitFx(5, "Data opens", () -> shown(view.lookup("#regenerate")));
    }

    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
