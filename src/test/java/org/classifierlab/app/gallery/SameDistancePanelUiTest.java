package org.classifierlab.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.io.IOException;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.FxTestSupport;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.classifierlab.core.images.PixelDifference;
import org.classifierlab.core.images.SameDistanceCopies;

/** The same-distance panel: three copies at the target distance, recomputed when it changes, and nearer images. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SameDistancePanelUiTest {

    private static final String[] KINDS = {"SHIFTED", "BOXED", "TINTED"};
    private static Dataset sample;
    private SameDistancePanel panel;
    private JobStatus jobs;

    @BeforeAll
    static void load() throws IOException {
        sample = DatasetLoader.loadSample();
    }

    @Start
    void start(Stage stage) {
        jobs = new JobStatus();
        AppContext context = new AppContext(jobs);
        panel = new SameDistancePanel(context);
        Scene scene = new Scene(panel, 1200, 780);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    private static String label(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static double shown(FxRobot robot, String kind) {
        String text = fx(() -> robot.lookup("#distance-" + kind).queryAs(Label.class).getText());
        return Double.parseDouble(text.replace("L2 = ", "").replace(",", ""));
    }

    private void awaitDistances(FxRobot robot, double target) {
        awaitFx(20, "the three copies at " + target, () -> {
            for (String k : KINDS) {
                String t = robot.lookup("#distance-" + k).queryAs(Label.class).getText();
                if (!t.startsWith("L2 = ")
                        || Math.abs(Double.parseDouble(t.replace("L2 = ", "").replace(",", "")) - target) > 1) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void threeCopiesLieAtTheTargetAndANewTargetRecomputesThem(FxRobot robot) {
        fx(() -> {
            panel.setDataset(sample);
            panel.setImage(sample.test(), 3);
            return null;
        });
        // The default target (a one-pixel shift, raised when that leaves fewer than SHOWN nearer training images)
        // settles once the distances to the training set are in.
        awaitFx(30, "the distances to the training set", () -> !robot.lookup("#tenNearer").queryButton().isDisabled());
        double target = fx(panel::target);
        assertThat(target).isGreaterThanOrEqualTo(SameDistanceCopies.defaultTarget(sample.test(), 3) - 1e-9);
        awaitDistances(robot, target);
        for (String k : KINDS) {
            assertThat(Math.abs(shown(robot, k) - target)).as(k).isLessThanOrEqualTo(0.01);
        }
        FxTestSupport.typeInto(robot, "#targetField", "1000", true);
        awaitDistances(robot, 1000);
        for (String k : KINDS) {
            assertThat(Math.abs(shown(robot, k) - 1000)).as(k).isLessThanOrEqualTo(0.01);
        }
        assertThat(fx(panel::target)).isEqualTo(1000.0);
        // Nonsense is refused with a message; the target stays.
        FxTestSupport.typeInto(robot, "#targetField", "far", true);
        assertThat(label(robot, "#targetMessage")).contains("not a distance");
        assertThat(fx(panel::target)).isEqualTo(1000.0);
    }

    @Test
    void theNearerTrainingImagesAreCountedAgainstTheCopies(FxRobot robot) {
        fx(() -> {
            panel.setDataset(sample);
            panel.setImage(sample.test(), 0);
            return null;
        });
        double oneShift = SameDistanceCopies.defaultTarget(sample.test(), 0);
        // The distances of the query to every training image, sorted, computed here independently of the panel.
        byte[] query = SameDistanceCopies.image(sample.test(), 0);
        long[] squared = new long[sample.train().size()];
        for (int i = 0; i < squared.length; i++) {
            squared[i] = PixelDifference.squaredL2(query, SameDistanceCopies.image(sample.train(), i));
        }
        java.util.Arrays.sort(squared);
        // A one-pixel shift is nearer than every training image of the sample, so the demo would show nothing: the
        // default target is raised to the 11th-nearest training image's distance, and a note says why.
        assertThat(Math.round(oneShift * oneShift)).isLessThan(squared[0]);
        double raised = Math.sqrt(squared[SameDistancePanel.SHOWN]);
        awaitFx(30, "the raised default target", () -> Math.abs(panel.target() - raised) < 1e-9);
        awaitDistances(robot, raised);
        awaitFx(10, "the nearer images", () -> robot.lookup("#nearer-0").tryQuery().isPresent());
        long bound = Math.round(raised * raised);
        int expected = 0;
        for (long q : squared) {
            if (q < bound) {
                expected++;
            }
        }
        assertThat(expected).isEqualTo(SameDistancePanel.SHOWN);
        assertThat(label(robot, "#nearerCount")).isEqualTo(String.format(java.util.Locale.ROOT, "%,d of 5,000", expected));
        assertThat(label(robot, "#targetNote")).contains("one-pixel shift").contains("11th-nearest");
        double first = Double.parseDouble(label(robot, "#nearerDistance-0").replace(",", ""));
        assertThat(first).isEqualTo(Math.sqrt(squared[0]), org.assertj.core.api.Assertions.within(0.005));
        assertThat(robot.lookup("#nearer-" + (SameDistancePanel.SHOWN - 1)).tryQuery()).isPresent();
        // "a one-pixel shift" puts the shift back: no training image is nearer, and the explanation names the nearest.
        robot.clickOn("#defaultTarget");
        awaitDistances(robot, oneShift);
        awaitFx(10, "the count", () -> label(robot, "#nearerCount").equals("0 of 5,000"));
        assertThat(label(robot, "#nearerExplain")).contains("nearest training image");
        assertThat(label(robot, "#targetNote")).isEmpty();
        // The user's choice is kept: "10 training images nearer" gives the raised target again, by request.
        robot.clickOn("#tenNearer");
        awaitDistances(robot, raised);
        awaitFx(10, "the count", () -> label(robot, "#nearerCount").equals(String.format(java.util.Locale.ROOT,
                "%,d of 5,000", SameDistancePanel.SHOWN)));
        awaitFx(10, "the job ends", jobs::isIdle);
    }

    @Test
    void aNewDatasetCancelsTheDistancesOfTheOldOne(FxRobot robot) {
        fx(() -> {
            panel.setDataset(sample);
            panel.setImage(sample.test(), 1);
            // At once, before the distances to the training set can have finished.
            panel.setDataset(null);
            return null;
        });
        awaitFx(10, "the job ends", jobs::isIdle);
        org.testfx.util.WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#nearerCount")).isEqualTo("—");
        assertThat(label(robot, "#distance-SHIFTED")).isEqualTo("—");
        assertThat(robot.lookup("#nearer-0").tryQuery()).isEmpty();
        assertThat(robot.lookup("#tenNearer").queryButton().isDisabled()).isTrue();
    }
}
