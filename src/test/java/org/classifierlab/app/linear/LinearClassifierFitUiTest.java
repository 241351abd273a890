package org.classifierlab.app.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FitAssertions.assertFullyVisible;
import static org.classifierlab.app.FitAssertions.shownScrollBars;
import static org.classifierlab.app.FxTestSupport.fx;
import static org.classifierlab.app.FxTestSupport.showStudio;

import javafx.geometry.Bounds;
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

/** The linear classifier on a 1280 × 800 projector: a large canvas, weight names clear of the axes caption, export. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LinearClassifierFitUiTest {

    private Stage stage;
    private LinearClassifierView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        AppShell shell = showStudio(stage, 1280, 800, LessonKind.LINEAR_CLASSIFIER, Theme.PROJECTOR);
        // The stage is shared by the tests and one of them resizes it: start each at the scene's 1280 × 800.
        stage.sizeToScene();
        view = ((LinearClassifierLesson) shell.lessons().get(0)).linearView();
    }

    @Test
    void theCanvasGetsMostOfTheScreenAndNothingScrollsSideways() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownScrollBars(view)).isEmpty();
        assertFullyVisible(view.canvas(), "the canvas");
        assertThat(fx(() -> view.canvas().getWidth())).isGreaterThanOrEqualTo(600);
        assertThat(fx(() -> view.canvas().getHeight())).isGreaterThanOrEqualTo(450);
    }

    @Test
    void noWeightNameIsCoveredByTheAxesCaption() {
        // The demo's w1 leaves the view at the bottom, near the caption; check at several sizes (the headless screen is
        // 1280 × 800).
        double[] before = fx(() -> new double[] {stage.getWidth(), stage.getHeight()});
        try {
            checkCaptionAtSizes();
        } finally {
            // The stage outlives this class: give it back its size.
            fx(() -> {
                stage.setWidth(before[0]);
                stage.setHeight(before[1]);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void checkCaptionAtSizes() {
        for (double[] size : new double[][] {{1280, 800}, {1240, 780}, {1100, 720}, {1000, 680}}) {
            fx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                view.getScene().getRoot().layout();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            Bounds caption = fx(() -> view.canvas().captionBounds());
            for (int c = 0; c < 3; c++) {
                int cls = c;
                Bounds label = fx(() -> view.canvas().weightLabelBounds(cls));
                assertThat(label).as("w" + c + " drawn at " + size[0] + " × " + size[1]).isNotNull();
                assertThat(label.intersects(caption)).as("w" + c + " " + label + " over the caption " + caption
                        + " at " + size[0] + " × " + size[1]).isFalse();
            }
        }
    }

    @Test
    void theCanvasExportsAtTwiceItsSizeAndBackAtScreenResolutionAfterwards() {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage one = fx(() -> LessonPicture.snapshot(view.canvas(), 1));
        WritableImage two = fx(() -> LessonPicture.snapshot(view.canvas(), 2));
        assertThat(two.getWidth()).isEqualTo(2 * one.getWidth());
        assertThat(two.getHeight()).isEqualTo(2 * one.getHeight());
        int differ = 0;
        for (int y = 0; y < (int) one.getHeight(); y += 2) {
            for (int x = 0; x < (int) one.getWidth(); x += 2) {
                if (two.getPixelReader().getArgb(2 * x, 2 * y) != two.getPixelReader().getArgb(2 * x + 1, 2 * y + 1)) {
                    differ++;
                }
            }
        }
        // Arrows, points, axes and their labels are drawn at 2×: their edges fall between the 1× pixels.
        assertThat(differ).isGreaterThan(300);
        WritableImage again = fx(() -> LessonPicture.snapshot(view.canvas(), 1));
        assertThat(again.getWidth()).isEqualTo(one.getWidth());
    }
}
