package org.classifierlab.app.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;
import static org.classifierlab.app.FxTestSupport.recordFxErrors;
import static org.classifierlab.app.FxTestSupport.regionPixel;
import static org.classifierlab.app.FxTestSupport.screen;
import static org.classifierlab.app.FxTestSupport.showStudio;
import static org.classifierlab.app.FxTestSupport.typeInto;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.FxTestSupport.FxErrors;
import org.classifierlab.app.render.CanvasStyle;
import org.classifierlab.app.render.RegionPalette;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.playground.PlaygroundPoint;
import org.classifierlab.core.playground.PlaygroundScene;

/** What a user sees and does on the playground, driven through the real window with TestFX. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class KnnPlaygroundUiTest {

    private AppShell shell;
    private KnnPlaygroundLesson lesson;
    private KnnPlaygroundViewModel vm;
    private PlaygroundCanvas canvas;

    @Start
    void start(Stage stage) {
        shell = showStudio(stage, 1200, 780, LessonKind.KNN_PLAYGROUND);
        lesson = (KnnPlaygroundLesson) shell.lessons().get(0);
        vm = lesson.viewModel();
        canvas = lesson.playgroundView().canvas();
    }

    @BeforeEach
    void settle() {
        awaitIdle();
    }

    /** Two points on the horizontal axis: class 0 left, class 1 right; the K=1 boundary is x = 0. */
    private static PlaygroundScene twoPoints() {
        return new PlaygroundScene(List.of(new PlaygroundPoint(-0.5, 0, 0, false), new PlaygroundPoint(0.5, 0, 1, false)), 2);
    }

    private void load(PlaygroundScene scene, int k, Metric metric, TieRule rule) {
        fx(() -> {
            vm.load(scene);
            vm.kProperty().set(k);
            vm.metricProperty().set(metric);
            vm.tieRuleProperty().set(rule);
            vm.confidenceShadingProperty().set(false);
            vm.boundaryLinesProperty().set(false);
            vm.probeEnabledProperty().set(false);
            return null;
        });
        awaitIdle();
    }

    @Test
    void draggingAPointAcrossTheBoundaryRecoloursThePixelsItPasses(FxRobot robot) {
        load(twoPoints(), 1, Metric.L2, TieRule.UNDECIDED);
        int class1 = regionColour(1);
        int class0 = regionColour(0);
        assertThat(regionPixel(canvas, 0.25, 0)).isEqualTo(class1);

        robot.drag(screen(canvas, -0.5, 0), MouseButton.PRIMARY).moveTo(screen(canvas, 0.4, 0.05))
                .release(MouseButton.PRIMARY);
        awaitIdle();

        assertThat(regionPixel(canvas, 0.25, 0)).isEqualTo(class0);
        assertThat(vm.scene().points().get(0).x()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.02));
        assertThat(vm.canUndoProperty().get()).isTrue();
    }

    @Test
    void draggingOutsideTheCanvasClampsThePointToTheEdge(FxRobot robot) {
        load(twoPoints(), 1, Metric.L2, TieRule.UNDECIDED);
        Point2D outside = fx(() -> canvas.localToScreen(canvas.getWidth() + 200, canvas.getHeight() / 2));
        robot.drag(screen(canvas, -0.5, 0), MouseButton.PRIMARY).moveTo(outside).release(MouseButton.PRIMARY);
        awaitIdle();
        double edge = fx(() -> canvas.toWorld(canvas.getWidth(), 0).getX());
        assertThat(vm.scene().points().get(0).x()).isCloseTo(edge, org.assertj.core.data.Offset.offset(1e-6));
        // The point is still draggable from where it ended up: it did not stick.
        robot.drag(screen(canvas, edge - 0.01, 0), MouseButton.PRIMARY).moveTo(screen(canvas, -0.3, 0.2))
                .release(MouseButton.PRIMARY);
        awaitIdle();
        assertThat(vm.scene().points().get(0).x()).isCloseTo(-0.3, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void changingKRecoloursThePixelNextToALonePoint(FxRobot robot) {
        // One class-0 point at the origin surrounded by two class-1 points: K=1 says 0 near it, K=3 says 1.
        PlaygroundScene scene = new PlaygroundScene(List.of(new PlaygroundPoint(0, 0, 0, false),
                new PlaygroundPoint(0.3, 0.3, 1, false), new PlaygroundPoint(0.3, -0.3, 1, false)), 2);
        load(scene, 1, Metric.L2, TieRule.UNDECIDED);
        assertThat(regionPixel(canvas, 0.05, 0)).isEqualTo(regionColour(0));

        fx(() -> {
            canvas.requestFocus();
            return null;
        });
        robot.type(KeyCode.ADD).type(KeyCode.ADD);
        awaitIdle();
        assertThat(vm.kProperty().get()).isEqualTo(3);
        assertThat(regionPixel(canvas, 0.05, 0)).isEqualTo(regionColour(1));
    }

    @Test
    void switchingTheMetricRecolours(FxRobot robot) {
        // From the origin: L2 finds the class-1 point at (0.28, 0.28) nearer (0.396 < 0.4); L1 finds class 0 (0.4 < 0.56).
        PlaygroundScene scene = new PlaygroundScene(List.of(new PlaygroundPoint(0.4, 0, 0, false),
                new PlaygroundPoint(0.28, 0.28, 1, false)), 2);
        load(scene, 1, Metric.L2, TieRule.UNDECIDED);
        Point2D origin = nearestPixelCentreWorld(0, 0);
        assertThat(regionPixel(canvas, origin.getX(), origin.getY())).isEqualTo(regionColour(1));
        robot.clickOn("#metricL1");
        awaitIdle();
        assertThat(vm.metricProperty().get()).isEqualTo(Metric.L1);
        assertThat(regionPixel(canvas, origin.getX(), origin.getY())).isEqualTo(regionColour(0));
    }

    @Test
    void aTiedVoteIsWhiteUnderUndecidedAndTakesTheSmallestClassUnderTheAssignmentsRule() {
        // K = 2 with one point of each class: every pixel sees a 1-1 tie.
        load(twoPoints(), 2, Metric.L2, TieRule.UNDECIDED);
        int undecided = fx(() -> CanvasStyle.argb(canvas.style().undecided()));
        assertThat(undecided).isEqualTo(0xFFFFFFFF);
        assertThat(regionPixel(canvas, 0.3, 0.4)).isEqualTo(undecided);
        assertThat(regionPixel(canvas, -0.7, -0.2)).isEqualTo(undecided);

        fx(() -> {
            vm.tieRuleProperty().set(TieRule.SMALLEST_CLASS);
            return null;
        });
        awaitIdle();
        assertThat(regionPixel(canvas, 0.3, 0.4)).isEqualTo(regionColour(0));

        fx(() -> {
            vm.tieRuleProperty().set(TieRule.NEAREST_TIED_CLASS);
            return null;
        });
        awaitIdle();
        assertThat(regionPixel(canvas, 0.3, 0.4)).isEqualTo(regionColour(1));
        assertThat(regionPixel(canvas, -0.3, 0.4)).isEqualTo(regionColour(0));
    }

    @Test
    void addDeleteUndoRedo(FxRobot robot) {
        load(twoPoints(), 1, Metric.L2, TieRule.UNDECIDED);
        fx(() -> {
            vm.addClassProperty().set(1);
            return null;
        });
        // Click on empty space adds a class-1 point; the region around it turns class 1.
        robot.clickOn(screen(canvas, -0.6, 0.8));
        awaitIdle();
        assertThat(vm.scene().points()).hasSize(3);
        assertThat(vm.scene().points().get(2).label()).isEqualTo(1);
        assertThat(regionPixel(canvas, -0.6, 0.75)).isEqualTo(regionColour(1));

        // Right-click removes it again.
        robot.clickOn(screen(canvas, -0.6, 0.8), MouseButton.SECONDARY);
        awaitIdle();
        assertThat(vm.scene().points()).hasSize(2);
        assertThat(regionPixel(canvas, -0.6, 0.75)).isEqualTo(regionColour(0));

        // Undo brings it back, redo removes it again.
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        awaitIdle();
        assertThat(vm.scene().points()).hasSize(3);
        assertThat(regionPixel(canvas, -0.6, 0.75)).isEqualTo(regionColour(1));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        awaitIdle();
        assertThat(vm.scene().points()).hasSize(2);

        // Delete removes the selected point (selected by pressing on it).
        robot.clickOn(screen(canvas, 0.5, 0));
        robot.type(KeyCode.DELETE);
        awaitIdle();
        assertThat(vm.scene().points()).hasSize(1);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        awaitIdle();
        assertThat(vm.scene().points()).hasSize(2);
    }

    @Test
    void regenerateIsUndoable(FxRobot robot) {
        PlaygroundScene before = fx(() -> vm.scene());
        // Regenerate with the same seed reproduces the same points: nothing to undo.
        robot.clickOn("#regenerate");
        awaitIdle();
        assertThat(vm.scene()).isEqualTo(before);
        // A new seed typed into the field regenerates different points.
        robot.doubleClickOn("#seed").eraseText(12).write("77").type(KeyCode.ENTER);
        awaitIdle();
        assertThat(vm.seedProperty().get()).isEqualTo(77L);
        assertThat(vm.scene()).isNotEqualTo(before);
        robot.clickOn("#undo");
        awaitIdle();
        assertThat(vm.scene()).isEqualTo(before);
        robot.clickOn("#redo");
        awaitIdle();
        assertThat(vm.scene()).isNotEqualTo(before);
    }

    @Test
    void kOneShowsPerfectTrainingAccuracyAndTheLessonAboutIt() {
        fx(() -> {
            vm.regenerate();
            vm.kProperty().set(1);
            return null;
        });
        awaitIdle();
        assertThat(text("#trainingAccuracy")).isEqualTo("100.0%");
        assertThat(fx(() -> lesson.playgroundView().lookup("#kOneCallout").isVisible())).isTrue();
        fx(() -> {
            vm.kProperty().set(7);
            return null;
        });
        awaitIdle();
        assertThat(fx(() -> lesson.playgroundView().lookup("#kOneCallout").isVisible())).isFalse();
        assertThat(lesson.playgroundView().cvChart().result()).isNotNull();
        assertThat(text("#cvSummary")).startsWith("Best K = ");
    }

    @Test
    void pngExportWritesAReadableImageOfTheCanvasSize(@TempDir Path dir) throws Exception {
        load(twoPoints(), 1, Metric.L2, TieRule.UNDECIDED);
        Path file = dir.resolve("map.png");
        Path written = fx(() -> lesson.exportPng(file)).get(20, TimeUnit.SECONDS);
        assertThat(written).isEqualTo(file);
        BufferedImage img = ImageIO.read(Files.newInputStream(file));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(fx(() -> canvas.deviceWidth()));
        assertThat(img.getHeight()).isEqualTo(fx(() -> canvas.deviceHeight()));
        // The exported picture shows the regions: a pixel right of the boundary has class 1's colour.
        Point2D p = fx(() -> new Point2D(canvas.toLocalX(0.25) * canvas.renderScale(), canvas.toLocalY(0.3) * canvas.renderScale()));
        assertThat(img.getRGB((int) p.getX(), (int) p.getY())).isEqualTo(regionColour(1));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** The world position of the centre of the device pixel that contains world (wx, wy). */
    private Point2D nearestPixelCentreWorld(double wx, double wy) {
        return fx(() -> {
            double s = canvas.renderScale();
            int px = (int) Math.floor(canvas.toLocalX(wx) * s);
            int py = (int) Math.floor(canvas.toLocalY(wy) * s);
            return canvas.toWorld((px + 0.5) / s, (py + 0.5) / s);
        });
    }

    private int regionColour(int label) {
        return fx(() -> RegionPalette.of(canvas.style(), false, false).colour(label, 1f));
    }

    private String text(String query) {
        return fx(() -> ((javafx.scene.control.Label) lesson.playgroundView().lookup(query)).getText());
    }

    /** Waits until the map shows the current state and the evaluation and cross-validation workers are idle. */
    private void awaitIdle() {
        WaitForAsyncUtils.waitForFxEvents();
        awaitFx(20, "the playground did not settle within 20 s", () -> {
            KnnPlaygroundView v = lesson.playgroundView();
            return !v.renderer().busyProperty().get() && v.renderer().shown() != null
                    && !v.analysis().evaluationBusy().get() && !v.analysis().crossValidationBusy().get();
        });
    }

    @Test
    void nonsenseTypedIntoASpinnerKeepsTheValueWithoutAnError(FxRobot robot) {
        int k = fx(() -> vm.kProperty().get());
        try (FxErrors errors = recordFxErrors()) {
            typeInto(robot, "#kSpinner .text-field", "abc", false);
            robot.clickOn("#kSpinner .increment-arrow-button");
            WaitForAsyncUtils.waitForFxEvents();
            typeInto(robot, "#kSpinner .text-field", "abc", false);
            robot.clickOn("#seed");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(errors.list()).isEmpty();
            assertThat(fx(() -> vm.kProperty().get())).isEqualTo(k + 1);
        } finally {
            fx(() -> {
                vm.kProperty().set(k);
                return null;
            });
            awaitIdle();
        }
    }
}
