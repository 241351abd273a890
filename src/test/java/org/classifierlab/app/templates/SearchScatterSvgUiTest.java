package org.classifierlab.app.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.fx;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.classifierlab.app.render.LessonPicture;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.linear.image.SearchPoint;

/** The hyperparameter scatter exported as SVG and as a 2× PNG, from the drawing code that paints the screen. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SearchScatterSvgUiTest {

    private final SearchScatter scatter = new SearchScatter();

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new StackPane(scatter), 900, 420);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static List<SearchPoint> points() {
        return List.of(new SearchPoint(1e-7, 2.5e4, 0.30, 0.28, null), new SearchPoint(1e-7, 5e4, 0.33, 0.31, null),
                new SearchPoint(5e-7, 2.5e4, 0.36, 0.35, null), new SearchPoint(5e-7, 5e4, 0.25, 0.24, null));
    }

    @Test
    void theSvgHasTheAxesTextAndOneMarkPerPointInEachPanel(@TempDir Path dir) throws Exception {
        List<SearchPoint> pts = points();
        fx(() -> {
            scatter.show(pts, pts.get(2));
            scatter.drawNow();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve("search.svg");
        LessonPicture.writeSvg(scatter, file).get();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readString(file).getBytes(StandardCharsets.UTF_8)));
        Element svg = doc.getDocumentElement();
        assertThat(svg.getTagName()).isEqualTo("svg");
        assertThat(Double.parseDouble(svg.getAttribute("width"))).isEqualTo(fx(() -> scatter.getWidth()));

        List<String> texts = new ArrayList<>();
        NodeList t = doc.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        assertThat(texts).contains("training accuracy", "validation accuracy", "log learning rate",
                "log regularisation strength");
        // Tick labels of both axes in both panels (log10 of 1e-7 … 5e-7 and of 2.5e4 … 5e4) are text too, and the
        // colour bar's ends (best and worst accuracy).
        assertThat(texts.stream().filter("−7"::equals).count()).isEqualTo(2);
        assertThat(texts.stream().filter("−6.5"::equals).count()).isEqualTo(2);
        assertThat(texts.stream().filter("4.5"::equals).count()).isEqualTo(2);
        assertThat(texts).contains("36.0%", "24.0%");

        int filledDots = 0;
        NodeList e = doc.getElementsByTagName("ellipse");
        for (int i = 0; i < e.getLength(); i++) {
            if (!"none".equals(((Element) e.item(i)).getAttribute("fill"))) {
                filledDots++;
            }
        }
        assertThat(filledDots).as("one dot per point in each of the two panels").isEqualTo(2 * pts.size());
        // The rotated axis caption keeps its rotation.
        boolean rotated = false;
        for (int i = 0; i < t.getLength(); i++) {
            Element el = (Element) t.item(i);
            rotated |= "log regularisation strength".equals(el.getTextContent()) && el.getAttribute("transform")
                    .startsWith("matrix(0 -1 1 0");
        }
        assertThat(rotated).isTrue();
    }

    @Test
    void theTwoTimesPictureIsRedrawnAtDoubleResolution() {
        List<SearchPoint> pts = points();
        fx(() -> {
            scatter.show(pts, pts.get(2));
            scatter.drawNow();
            return null;
        });
        javafx.scene.canvas.Canvas canvas = (javafx.scene.canvas.Canvas) fx(() -> scatter.getChildrenUnmodifiable().get(0));
        double[] widest = {0};
        fx(() -> {
            canvas.widthProperty().addListener((o, a, w) -> widest[0] = Math.max(widest[0], w.doubleValue()));
            return null;
        });
        WritableImage one = fx(() -> LessonPicture.snapshot(scatter, 1));
        WritableImage two = fx(() -> LessonPicture.snapshot(scatter, 2));
        // The chart drew itself on a canvas of twice its size for the picture.
        assertThat(widest[0]).isEqualTo(2 * fx(() -> scatter.getWidth()));
        assertThat(two.getWidth()).isEqualTo(2 * one.getWidth());
        assertThat(two.getHeight()).isEqualTo(2 * one.getHeight());
        // Redrawn, not enlarged: within each 2 × 2 block of the 2× picture, pixels differ where edges and text run.
        int differ = 0;
        for (int y = 0; y < (int) one.getHeight(); y++) {
            for (int x = 0; x < (int) one.getWidth(); x++) {
                int a = two.getPixelReader().getArgb(2 * x, 2 * y);
                if (a != two.getPixelReader().getArgb(2 * x + 1, 2 * y) || a != two.getPixelReader().getArgb(2 * x,
                        2 * y + 1)) {
                    differ++;
                }
            }
        }
        assertThat(differ).isGreaterThan(500);
        assertThat(fx(() -> scatter.getChildrenUnmodifiable().get(0) instanceof javafx.scene.canvas.Canvas c
                && c.getWidth() == scatter.getWidth())).as("back at screen resolution").isTrue();
    }
}
