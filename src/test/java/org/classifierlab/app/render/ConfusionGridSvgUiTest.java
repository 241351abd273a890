package org.classifierlab.app.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.fx;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.knn.ConfusionMatrix;

/** The confusion grid as SVG: every count, name and accuracy as text, every count cell's shading as a rectangle. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ConfusionGridSvgUiTest {

    private final ConfusionGrid grid = new ConfusionGrid("svgConfusion");

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new StackPane(grid), 700, 500);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theSvgHoldsEveryCellOfTheGrid() throws Exception {
        // 3 classes: cat 2 right 1 wrong, dog 3 right, ship 1 right 1 as cat.
        int[] truth = {0, 0, 0, 1, 1, 1, 2, 2};
        int[] predicted = {0, 0, 1, 1, 1, 1, 2, 0};
        fx(() -> {
            grid.show(ConfusionMatrix.of(truth, predicted, 3), List.of("cat", "dog", "ship"), truth, predicted);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        String svg = fx(grid::toSvg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        List<String> texts = new ArrayList<>();
        NodeList t = doc.getElementsByTagName("text");
        for (int i = 0; i < t.getLength(); i++) {
            texts.add(t.item(i).getTextContent());
        }
        // Row names and rotated column names, 9 counts, 3 accuracies, the corner and the accuracy header.
        assertThat(texts.stream().filter("cat"::equals).count()).isEqualTo(2);
        assertThat(texts.stream().filter("ship"::equals).count()).isEqualTo(2);
        assertThat(texts).contains("67%", "100%", "50%", "class accuracy", "true ↓  predicted →");
        assertThat(texts.stream().filter(s -> s.matches("\\d")).count()).isEqualTo(9);
        // Cells with a count above zero are shaded: cat→cat, cat→dog, dog→dog, ship→cat, ship→ship.
        NodeList rects = doc.getElementsByTagName("rect");
        int shaded = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            String o = ((Element) rects.item(i)).getAttribute("fill-opacity");
            shaded += o.isEmpty() || Double.parseDouble(o) > 0 ? 1 : 0;
        }
        assertThat(shaded).isGreaterThanOrEqualTo(5);
    }
}
