package org.classifierlab.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.fx;

import java.io.IOException;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.FxTestSupport;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.images.PixelDifference;

/** The pixel-distance panel: the pair's difference image and distances, the slide's editable 4×4 example, the patch. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PixelDistancePanelUiTest {

    private static Dataset sample;
    private PixelDistancePanel panel;

    @BeforeAll
    static void load() throws IOException {
        sample = DatasetLoader.loadSample();
    }

    @Start
    void start(Stage stage) {
        AppContext context = new AppContext(new JobStatus());
        panel = new PixelDistancePanel(context);
        Scene scene = new Scene(panel, 1200, 780);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static String fieldText(TextField field) {
        return fx(field::getText);
    }

    @Test
    void editingACellOfTheSlideChangesL1ToTheHandComputedValue(FxRobot robot) {
        assertThat(text(robot, "#slideL1")).isEqualTo("456");
        assertThat(text(robot, "#slideL2")).contains("√26,280 = 162.11");
        // Top-left test pixel 56 → 100: |100 − 10| = 90 instead of 46, so L1 = 456 + 44 = 500, row 1 sums to 117.
        FxTestSupport.typeInto(robot, "#slideTest-0-0", "100", true);
        assertThat(text(robot, "#slideDiff-0-0")).isEqualTo("90");
        assertThat(text(robot, "#slideRowSum-0")).isEqualTo("117");
        assertThat(text(robot, "#slideL1")).isEqualTo("500");
        // 90² − 46² = 8100 − 2116 = 5984 more: √32,264 = 179.62.
        assertThat(text(robot, "#slideL2")).contains("√32,264 = 179.62");
        // Training pixel (3, 3) 112 → 255: |220 − 255| = 35 instead of 108, L1 = 500 − 73 = 427.
        FxTestSupport.typeInto(robot, "#slideTrain-3-3", "255", true);
        assertThat(text(robot, "#slideL1")).isEqualTo("427");
    }

    @Test
    void badTextInACellIsRefused(FxRobot robot) {
        fx(() -> {
            robot.lookup("#slideReset").queryButton().fire();
            return null;
        });
        TextField cell = robot.lookup("#slideTest-1-1").queryAs(TextField.class);
        FxTestSupport.typeInto(robot, "#slideTest-1-1", "7", false);
        robot.write("x9");
        // "7x" is refused, then "79" accepted: 79 − 10 = 69 instead of 13, L1 = 456 + 56 = 512.
        assertThat(fieldText(cell)).isEqualTo("79");
        assertThat(text(robot, "#slideL1")).isEqualTo("512");
        robot.write("9");
        // 799 is not a pixel value: refused, with a message, the cell keeps 79.
        assertThat(fieldText(cell)).isEqualTo("79");
        assertThat(text(robot, "#slideMessage")).contains("0 to 255");
        // An emptied cell keeps its last value in the sums and gets it back when the focus leaves.
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        assertThat(fieldText(cell)).isEmpty();
        assertThat(text(robot, "#slideL1")).isEqualTo("512");
        robot.clickOn("#slideTest-2-2");
        assertThat(fieldText(cell)).isEqualTo("79");
    }

    @Test
    void theDifferenceImageShowsTheAbsoluteDifferenceOfThePair(FxRobot robot) {
        ImageDataset test = sample.test();
        ImageDataset train = sample.train();
        fx(() -> {
            panel.setDataset(sample);
            panel.setPair(test, 3, train, 7);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ImageView view = robot.lookup("#differenceImage").queryAs(ImageView.class);
        int plane = 32 * 32;
        byte[] a = test.pixelsShared();
        byte[] b = train.pixelsShared();
        for (int[] xy : new int[][] {{0, 0}, {5, 9}, {31, 31}, {17, 2}}) {
            int p = xy[1] * 32 + xy[0];
            int argb = fx(() -> view.getImage().getPixelReader().getArgb(xy[0], xy[1]));
            for (int c = 0; c < 3; c++) {
                int expected = Math.abs((a[3 * 3072 + c * plane + p] & 0xFF) - (b[7 * 3072 + c * plane + p] & 0xFF));
                assertThat(argb >> (16 - 8 * c) & 0xFF).as("channel " + c + " at " + xy[0] + ", " + xy[1])
                        .isEqualTo(expected);
            }
        }
        PixelDifference d = PixelDifference.between(test, 3, train, 7);
        assertThat(text(robot, "#pairL1")).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", d.l1()));
        assertThat(text(robot, "#pairL2")).endsWith(String.format(java.util.Locale.ROOT, "= %,.2f", d.l2()));
        assertThat(text(robot, "#pairLInf")).isEqualTo(Integer.toString(d.lInf()));
        // The patch grids read the query's numbers: red value of pixel (column 12, row 12) first.
        int[] origin = fx(panel::patchOrigin);
        int red = a[3 * 3072 + origin[1] * 32 + origin[0]] & 0xFF;
        assertThat(text(robot, "#patch-0-0-0")).isEqualTo(Integer.toString(red));
    }

    @Test
    void draggingOnTheImageMovesThePatch(FxRobot robot) {
        fx(() -> {
            panel.setDataset(sample);
            panel.setPair(sample.test(), 0, sample.train(), 0);
            return null;
        });
        fx(() -> {
            javafx.scene.Node stage = robot.lookup("#patchStage").query();
            stage.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_PRESSED, 8, 8, 0, 0,
                    javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false,
                    false, false, null));
            return null;
        });
        assertThat(fx(panel::patchOrigin)).containsExactly(0, 0);
        int red = sample.test().pixelsShared()[0] & 0xFF;
        assertThat(text(robot, "#patch-0-0-0")).isEqualTo(Integer.toString(red));
        assertThat(text(robot, "#patchCaption")).startsWith("Columns 0–7, rows 0–7");
        fx(() -> {
            panel.setDataset(null);
            return null;
        });
        assertThat(text(robot, "#pairL1")).isEqualTo("—");
    }
}
