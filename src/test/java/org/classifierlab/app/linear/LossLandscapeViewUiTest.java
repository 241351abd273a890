package org.classifierlab.app.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.FxTestSupport;
import org.classifierlab.app.render.ViridisColorMap;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.linear.LinearModel;
import org.classifierlab.core.linear.LinearObjective;
import org.classifierlab.core.linear.LinearScene;
import org.classifierlab.core.linear.LossFormulation;
import org.classifierlab.core.linear.LossLandscape;

/** The loss landscape alone in a window, on the CS231n demo's state (Weston–Watkins hinge loss, λ = 0.1). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LossLandscapeViewUiTest {

    private static final LinearScene DEMO = LinearScene.cs231nDemo();
    private static final LinearObjective OBJECTIVE =
            new LinearObjective(LossFormulation.WESTON_WATKINS, LinearScene.CS231N_LAMBDA);

    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private LossLandscapeView view;

    @Start
    void start(Stage stage) {
        view = new LossLandscapeView(errors::add);
        Scene scene = new Scene(view, 760, 640);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void noErrors() {
        assertThat(errors).isEmpty();
    }

    private void show(LinearModel model) {
        show(DEMO.points(), model);
    }

    private void show(LabeledPoints points, LinearModel model) {
        fx(() -> {
            view.show(OBJECTIVE, points, model);
            return null;
        });
    }

    @Test
    void theDemoLandscapeIsTheTotalLossAroundTheCurrentWeights() {
        show(DEMO.model());
        awaitGrids(1);
        LossLandscape.Grid grid = fx(view::shownGrid);
        // W[0][0] = 1 and W[0][1] = 2, each ± the default span of 3.
        assertThat(grid.paramA()).isZero();
        assertThat(grid.paramB()).isEqualTo(1);
        assertThat(new double[] {grid.minA(), grid.maxA(), grid.minB(), grid.maxB()}).containsExactly(-2, 4, -1, 5);
        LossLandscape.Grid reference = LossLandscape.compute(OBJECTIVE, DEMO.model(), DEMO.points(), 0, -2, 4, 1, -1, 5,
                grid.width(), grid.height(), () -> false);
        assertThat(grid.values()).containsExactly(reference.values());
        assertThat(fx(() -> view.choiceA().getValue())).isEqualTo("W[0][0]");
        assertThat(fx(() -> view.choiceB().getValue())).isEqualTo("W[0][1]");

        // The lowest loss has the colour map's dark end, the highest its bright end.
        PixelReader px = snapshot();
        int lowest = argExtreme(grid.values(), false);
        int highest = argExtreme(grid.values(), true);
        Color low = colourAtCell(px, grid, lowest);
        Color high = colourAtCell(px, grid, highest);
        assertThat(close(low, argbColour(ViridisColorMap.argb(0)), 0.05)).as("min cell %s", low).isTrue();
        assertThat(close(high, argbColour(ViridisColorMap.argb(1)), 0.05)).as("max cell %s", high).isTrue();
        assertThat(low.getBrightness()).isLessThan(high.getBrightness() - 0.4);

        // The marker sits on the current weights (1, 2).
        Point2D marker = fx(() -> view.canvas().toLocal(1, 2));
        assertThat(close(px.getColor((int) marker.getX(), (int) marker.getY()), fx(() -> view.canvas().markerColor()),
                0.05)).isTrue();
    }

    @Test
    void choosingAnotherParameterRecomputesAndSwapsInsteadOfRepeating() {
        show(DEMO.model());
        awaitGrids(1);
        int before = fx(() -> view.gridsPublishedProperty().get());
        fx(() -> {
            view.choiceA().getSelectionModel().select("b[0]");
            return null;
        });
        awaitGrids(before + 1);
        assertThat(fx(() -> view.parameterAProperty().get())).isEqualTo(6);
        LossLandscape.Grid grid = fx(view::shownGrid);
        assertThat(grid.paramA()).isEqualTo(6);
        // b[0] = 0 in the demo: its range is 0 ± 3.
        assertThat(grid.minA()).isEqualTo(-3.0);
        assertThat(grid.maxA()).isEqualTo(3.0);

        // Choosing the vertical axis' parameter for the horizontal one swaps them.
        fx(() -> {
            view.parameterAProperty().set(1);
            return null;
        });
        awaitGrids(before + 2);
        assertThat(fx(() -> view.parameterBProperty().get())).isEqualTo(6);
        assertThat(fx(() -> view.choiceB().getValue())).isEqualTo("b[0]");
        assertThat(fx(view::shownGrid).paramA()).isEqualTo(1);
        assertThat(fx(view::shownGrid).paramB()).isEqualTo(6);
    }

    @Test
    void movingOnlyTheShownParametersMovesTheMarkerWithoutANewGrid() throws Exception {
        show(DEMO.model());
        awaitGrids(1);
        int before = fx(() -> view.gridsPublishedProperty().get());
        show(DEMO.model().withParameter(0, 2.0));
        Thread.sleep(300);
        awaitIdle();
        assertThat(fx(() -> view.gridsPublishedProperty().get())).isEqualTo(before);
        PixelReader px = snapshot();
        Color marker = fx(() -> view.canvas().markerColor());
        Point2D now = fx(() -> view.canvas().toLocal(2, 2));
        Point2D then = fx(() -> view.canvas().toLocal(1, 2));
        assertThat(close(px.getColor((int) now.getX(), (int) now.getY()), marker, 0.05)).isTrue();
        assertThat(close(px.getColor((int) then.getX(), (int) then.getY()), marker, 0.2)).isFalse();

        // A parameter held fixed in the slice changes the landscape itself.
        show(DEMO.model().withParameter(0, 2.0).withParameter(4, 0.5));
        awaitGrids(before + 1);
        assertThat(fx(() -> view.gridsPublishedProperty().get())).isEqualTo(before + 1);
    }

    @Test
    void thePathIsDrawnThroughThePointsAddedAndCleared() {
        show(DEMO.model());
        awaitGrids(1);
        Point2D mid = fx(() -> view.canvas().toLocal(1.75, 2));
        Color path = fx(() -> view.canvas().pathColor());
        assertThat(whitest(snapshot(), mid, path)).as("before").isFalse();

        fx(() -> {
            view.addPathPoint(DEMO.model());
            view.addPathPoint(DEMO.model().withParameter(0, 2.5));
            view.addPathPoint(DEMO.model().withParameter(0, 2.5).withParameter(1, 3.5));
            return null;
        });
        awaitIdle();
        assertThat(whitest(snapshot(), mid, path)).as("on the path").isTrue();
        Point2D corner = fx(() -> view.canvas().toLocal(2.5, 3.5));
        assertThat(whitest(snapshot(), corner, path)).as("a step's dot").isTrue();

        fx(() -> {
            view.clearPath();
            return null;
        });
        awaitIdle();
        assertThat(whitest(snapshot(), mid, path)).as("after clearPath").isFalse();
    }

    @Test
    void aPathLeavingTheRangeWidensIt() {
        show(DEMO.model());
        awaitGrids(1);
        int before = fx(() -> view.gridsPublishedProperty().get());
        fx(() -> {
            view.addPathPoint(DEMO.model().withParameter(0, 9));
            return null;
        });
        awaitGrids(before + 1);
        assertThat(fx(view::shownGrid).maxA()).isGreaterThan(9);
        assertThat(fx(view::shownGrid).minA()).isEqualTo(-2.0);
    }

    @Test
    void theMouseWheelZoomsAroundTheCurrentValues(FxRobot robot) {
        show(DEMO.model());
        awaitGrids(1);
        int before = fx(() -> view.gridsPublishedProperty().get());
        robot.moveTo(fx(() -> view.canvas().localToScreen(view.canvas().toLocal(1, 2))));
        robot.scroll(3, VerticalDirection.UP);
        awaitGrids(before + 1);
        LossLandscape.Grid grid = fx(view::shownGrid);
        double span = fx(() -> view.spanProperty().get());
        assertThat(span).isNotEqualTo(LossLandscapeView.DEFAULT_SPAN);
        assertThat(grid.maxA() - grid.minA()).isCloseTo(2 * span, org.assertj.core.data.Offset.offset(1e-9));
        assertThat((grid.maxA() + grid.minA()) / 2).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void hoveringReadsTheLossAndClickingPicksTheValues(FxRobot robot) {
        show(DEMO.model());
        awaitGrids(1);
        List<double[]> picked = new CopyOnWriteArrayList<>();
        fx(() -> {
            view.setOnPick((a, b) -> picked.add(new double[] {a, b}));
            return null;
        });
        robot.moveTo(fx(() -> view.canvas().localToScreen(view.canvas().toLocal(3, 0))));
        WaitForAsyncUtils.waitForFxEvents();
        String text = fx(() -> view.readout().getText());
        assertThat(text).matches("W\\[0]\\[0] = [0-9.]+, W\\[0]\\[1] = \\S+:  L ≈ [0-9.]+");

        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picked).hasSize(1);
        double a = picked.get(0)[0];
        double b = picked.get(0)[1];
        // The robot lands within a few pixels of where it was sent.
        assertThat(a).isCloseTo(3, org.assertj.core.data.Offset.offset(0.2));
        assertThat(b).isCloseTo(0, org.assertj.core.data.Offset.offset(0.2));
        // The readout names those values and the total loss there (of the nearest grid sample).
        assertThat(text).startsWith("W[0][0] = " + LossHistoryChart.formatLoss(a) + ", W[0][1] = "
                + LossHistoryChart.formatLoss(b) + ":");
        double loss = OBJECTIVE.totalLoss(DEMO.model().withParameter(0, a).withParameter(1, b), DEMO.points());
        double shown = Double.parseDouble(text.substring(text.indexOf('≈') + 1).trim());
        assertThat(shown).isCloseTo(loss, org.assertj.core.data.Offset.offset(0.03 * loss));
    }

    @Test
    void fewerClassesRebuildTheChoicesAndKeepAValidPair() {
        show(DEMO.model());
        awaitGrids(1);
        assertThat(fx(() -> view.choiceA().getItems())).hasSize(9).endsWith("b[2]");
        fx(() -> {
            view.parameterAProperty().set(8);
            return null;
        });
        LinearScene two = DEMO.withLastClassRemoved();
        show(two.points(), two.model());
        awaitIdle();
        assertThat(fx(() -> view.choiceA().getItems())).hasSize(6).endsWith("b[1]");
        int a = fx(() -> view.parameterAProperty().get());
        int b = fx(() -> view.parameterBProperty().get());
        assertThat(a).isBetween(0, 5).isNotEqualTo(b);
        assertThat(b).isBetween(0, 5);
        assertThat(fx(view::shownGrid).paramA()).isEqualTo(a);
        assertThat(fx(() -> view.choiceA().getValue())).isEqualTo(two.model().parameterName(a));
        // An index outside the model is refused.
        fx(() -> {
            view.parameterAProperty().set(6);
            return null;
        });
        assertThat(fx(() -> view.parameterAProperty().get())).isEqualTo(a);
    }

    @Test
    void afterDisposeNoGridIsComputed() throws Exception {
        show(DEMO.model());
        awaitGrids(1);
        int before = fx(() -> view.gridsPublishedProperty().get());
        fx(() -> {
            view.dispose();
            view.show(OBJECTIVE.withLambda(1), DEMO.points(), DEMO.model());
            return null;
        });
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.gridsPublishedProperty().get())).isEqualTo(before);
    }

    /** Whether a pixel within ±1 of {@code p} is (nearly) the path colour. */
    private static boolean whitest(PixelReader px, Point2D p, Color c) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                if (close(px.getColor((int) p.getX() + dx, (int) p.getY() + dy), c, 0.06)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Color colourAtCell(PixelReader px, LossLandscape.Grid grid, int index) {
        Point2D p = fx(() -> view.canvas().gridToLocal(index % grid.width(), index / grid.width()));
        return px.getColor((int) p.getX(), (int) p.getY());
    }

    private static int argExtreme(double[] v, boolean max) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (max ? v[i] > v[best] : v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Color argbColour(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    private static boolean close(Color a, Color b, double tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    private PixelReader snapshot() {
        return FxTestSupport.snapshot(view.canvas());
    }

    private void awaitGrids(int count) {
        awaitFx(20, "no grid number " + count + " within 20 s",
                () -> view.gridsPublishedProperty().get() >= count && !view.busyProperty().get());
    }

    private void awaitIdle() {
        awaitFx(20, "the landscape stayed busy", () -> !view.busyProperty().get());
    }
}
