package org.classifierlab.app.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FitAssertions.assertFullyVisible;
import static org.classifierlab.app.FitAssertions.shownScrollBars;
import static org.classifierlab.app.FxTestSupport.fx;
import static org.classifierlab.app.FxTestSupport.showStudio;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.render.LessonPicture;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.theme.Theme;

/** The loss explorer on a 1280 × 800 projector: everything in view without scrolling, labels clear of bars, export. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LossExplorerFitUiTest {

    private LossExplorerView view;

    @Start
    void start(Stage stage) {
        AppShell shell = showStudio(stage, 1280, 800, LessonKind.LOSS_EXPLORER, Theme.PROJECTOR);
        view = ((LossExplorerLesson) shell.lessons().get(0)).explorerView();
    }

    @Test
    void formulasSoftmaxStepsAndBothChartsFitTheScreenWithoutAScrollBar() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownScrollBars(view)).isEmpty();
        assertFullyVisible(view.lookup("#hingeBreakdown"), "the hinge terms");
        assertFullyVisible(view.lookup("#softmaxPipeline"), "the softmax table");
        assertFullyVisible(view.lookup("#pipelineLoss"), "the cross-entropy line");
        assertFullyVisible(view.chart(), "the score bars");
        assertFullyVisible(view.lookup("#hingeValue"), "the hinge loss");
        assertFullyVisible(view.lookup("#ceValue"), "the cross-entropy loss");
        assertThat(fx(() -> view.chart().getWidth())).isGreaterThanOrEqualTo(260);
        assertThat(fx(() -> view.chart().getHeight())).isGreaterThanOrEqualTo(200);
    }

    @Test
    void aNegativeScoresLabelSitsBelowItsBarNotOnIt() {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            view.chart().draw();
            return null;
        });
        // The slides' frog scores −1.7.
        for (int j = 0; j < 3; j++) {
            int bar = j;
            assertThat(fx(() -> view.chart().valueLabelBounds(bar).intersects(view.chart().barBounds(bar))))
                    .as("value label of bar " + j + " over its bar").isFalse();
        }
        assertThat(fx(() -> view.chart().valueLabelBounds(2).getMinY()))
                .isGreaterThan(fx(() -> view.chart().barBounds(2).getMaxY()));
    }

    @Test
    void theScoreBarsExportAsSvgWithTheirValuesNamesAndAxis() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String svg = fx(() -> view.chart().toSvg());
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        org.w3c.dom.NodeList t = doc.getElementsByTagName("text");
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        // One value per bar, the class names, the y axis's 0 and 5, the hinge term of car.
        assertThat(texts).contains("3.2", "5.1", "−1.7", "car", "frog", "0", "5", "+2.90");
        assertThat(doc.getElementsByTagName("rect").getLength()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theFigureExportsAtTwiceThePixelsDrawnSharpNotEnlarged(@TempDir Path dir) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage one = fx(() -> LessonPicture.snapshot(view.figure(), 1));
        WritableImage two = fx(() -> LessonPicture.snapshot(view.figure(), 2));
        assertThat(two.getWidth()).isEqualTo(2 * one.getWidth());
        assertThat(two.getHeight()).isEqualTo(2 * one.getHeight());
        // Not blank: the bars' colours are there.
        PixelReader p2 = two.getPixelReader();
        PixelReader p1 = one.getPixelReader();
        int w = (int) one.getWidth();
        int h = (int) one.getHeight();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        int differ = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                int a = p2.getArgb(2 * x + 1, 2 * y + 1);
                colours.add(a);
                // An enlarged 1× bitmap would repeat each pixel four times; a true 2× drawing does not.
                if (a != p1.getArgb(x, y) || p2.getArgb(2 * x, 2 * y) != p2.getArgb(2 * x + 1, 2 * y + 1)) {
                    differ++;
                }
            }
        }
        assertThat(colours.size()).isGreaterThan(20);
        assertThat(differ).as("pixels of the 2× picture that are not a copy of the 1× one").isGreaterThan(500);
        // The chart's own canvas is back at screen resolution after the export.
        assertThat(fx(() -> view.chart().canvas.getWidth())).isEqualTo(fx(() -> view.chart().getWidth()));

        Path file = dir.resolve("loss.png");
        LessonPicture.writePng(two, file).get();
        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo((int) two.getWidth());
        assertThat(read.getHeight()).isEqualTo((int) two.getHeight());
        assertThat(Files.size(file)).isGreaterThan(1000);
    }
}
