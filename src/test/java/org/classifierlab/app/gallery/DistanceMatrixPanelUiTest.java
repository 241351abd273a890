package org.classifierlab.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.Metric;

/** The distance-matrix panel on 100 test × 600 training images: pixels, hover, class order and clicks. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DistanceMatrixPanelUiTest {

    private DistanceMatrixPanel panel;
    private final AtomicReference<int[]> opened = new AtomicReference<>();
    private final Dataset data = org.classifierlab.app.FxTestSupport.sampleSubset(600, 100);

    @Start
    void start(Stage stage) {
        AppContext context = new AppContext(new JobStatus());
        panel = new DistanceMatrixPanel(context);
        panel.setOnOpenPair((i, j) -> opened.set(new int[] {i, j}));
        Scene scene = new Scene(panel, 1200, 760);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void load() {
        fx(() -> {
            panel.setDataset(data);
            return null;
        });
        awaitFx(60, "the matrix was not computed", () -> panel.distances() != null && panel.view().content() != null);
    }

    private float[] coreDistances(Metric m) {
        ByteMatrix q = new ByteMatrix(data.test().pixelsShared(), 100, data.test().dim());
        ByteMatrix r = new ByteMatrix(data.train().pixelsShared(), 600, data.train().dim());
        return DistanceEngine.distanceMatrix(q, r, m);
    }

    private static int expectedGrey(float[] d, int at) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : d) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return (int) Math.round(255.0 * ((double) d[at] - min) / ((double) max - min));
    }

    @Test
    void everyShownPixelHasTheGreyOfTheCoreDistance() {
        float[] d = coreDistances(Metric.L2);
        assertThat(fx(() -> panel.distances().rows())).isEqualTo(100);
        assertThat(fx(() -> panel.distances().cols())).isEqualTo(600);
        for (int[] cell : new int[][] {{0, 0}, {7, 123}, {99, 599}, {42, 300}, {63, 5}}) {
            int i = cell[0];
            int j = cell[1];
            int shown = fx(() -> {
                Point2D c = panel.view().cellCentre(i, j);
                return panel.view().shownGrey(c.getX(), c.getY());
            });
            assertThat(shown).as("grey of (%d, %d)", i, j).isEqualTo(expectedGrey(d, i * 600 + j));
        }
        String low = fx(() -> ((Label) panel.lookup("#dmLegendLow")).getText());
        assertThat(low).startsWith("black = nearest, L2 ");
    }

    @Test
    void theL1MatrixIsDrawnToo(FxRobot robot) {
        robot.clickOn("#dmMetricL1");
        awaitFx(60, "no L1 matrix", () -> panel.distances() != null && panel.distances().metric() == Metric.L1);
        float[] d = coreDistances(Metric.L1);
        int shown = fx(() -> {
            Point2D c = panel.view().cellCentre(12, 34);
            return panel.view().shownGrey(c.getX(), c.getY());
        });
        assertThat(shown).isEqualTo(expectedGrey(d, 12 * 600 + 34));
    }

    @Test
    void hoverShowsTheExactDistanceAndAClickOpensThePair(FxRobot robot) {
        int i = 17;
        int j = 250;
        Point2D screen = fx(() -> panel.view().localToScreen(panel.view().cellCentre(i, j)));
        robot.moveTo(screen);
        long sum = 0;
        int dim = data.test().dim();
        for (int c = 0; c < dim; c++) {
            int diff = (data.test().pixelsShared()[i * dim + c] & 0xFF) - (data.train().pixelsShared()[j * dim + c] & 0xFF);
            sum += (long) diff * diff;
        }
        String exact = String.format(java.util.Locale.ROOT, "%,.3f", Math.sqrt(sum));
        String names = data.test().classNames().get(data.test().label(i));
        awaitFx(10, "no hover text", () -> ((Label) panel.lookup("#dmReadout")).getText().startsWith("test 17 "));
        assertThat(fx(() -> ((Label) panel.lookup("#dmReadout")).getText()))
                .startsWith("test 17 (" + names + ") · train 250 (")
                .contains("L2 distance " + exact + " ·");
        robot.clickOn(screen);
        awaitFx(10, "no pair opened", () -> opened.get() != null);
        assertThat(opened.get()).containsExactly(i, j);
    }

    @Test
    void orderingByClassPermutesRowsAndClicksStillReportDatasetIndices(FxRobot robot) {
        robot.clickOn("#dmByClass");
        awaitFx(10, "not ordered", () -> panel.view().content().byClass());
        int firstTestOfClass0 = first(data.test().labels(), 0);
        int firstTrainOfClass0 = first(data.train().labels(), 0);
        int lastTestOfClass9 = last(data.test().labels(), 9);
        assertThat(fx(() -> panel.view().content().rowAt(0))).isEqualTo(firstTestOfClass0);
        assertThat(fx(() -> panel.view().content().rowAt(99))).isEqualTo(lastTestOfClass9);
        assertThat(fx(() -> panel.view().content().colAt(0))).isEqualTo(firstTrainOfClass0);
        // The top-left cell now shows the first airplane test image against the first airplane training image.
        float[] d = coreDistances(Metric.L2);
        Point2D topLeft = fx(() -> panel.view().cellCentre(firstTestOfClass0, firstTrainOfClass0));
        Point2D naturalFirst = fx(() -> panel.view().cellCentre(0, 0));
        assertThat(topLeft.getY()).isLessThan(naturalFirst.getY() + 1e-9);
        int shown = fx(() -> panel.view().shownGrey(topLeft.getX(), topLeft.getY()));
        assertThat(shown).isEqualTo(expectedGrey(d, firstTestOfClass0 * 600 + firstTrainOfClass0));
        // a click reports dataset indices, not sorted positions
        int i = lastTestOfClass9;
        int j = last(data.train().labels(), 3);
        robot.clickOn(fx(() -> panel.view().localToScreen(panel.view().cellCentre(i, j))));
        awaitFx(10, "no pair opened", () -> opened.get() != null);
        assertThat(opened.get()).containsExactly(i, j);
        robot.clickOn("#dmByClass");
    }

    @Test
    void zoomedInACellIsManyPixelsWideAndStillShowsItsGrey(FxRobot robot) {
        float[] d = coreDistances(Metric.L2);
        fx(() -> {
            for (int z = 0; z < 5; z++) {
                panel.view().zoom(2);
            }
            return null;
        });
        assertThat(fx(() -> panel.view().scaleX())).isGreaterThan(20);
        // The zoom keeps the centre: the cell there fills a block of pixels with its grey, edge to edge.
        int[] cell = fx(() -> {
            java.util.List<int[]> visible = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                for (int j = 0; j < 600; j++) {
                    if (panel.view().cellCentre(i, j) != null) {
                        visible.add(new int[] {i, j});
                    }
                }
            }
            if (visible.isEmpty()) {
                return null;
            }
            int[] rows = visible.stream().mapToInt(c -> c[0]).distinct().sorted().toArray();
            int[] cols = visible.stream().mapToInt(c -> c[1]).distinct().sorted().toArray();
            return new int[] {rows[rows.length / 2], cols[cols.length / 2]};
        });
        assertThat(cell).isNotNull();
        int expected = expectedGrey(d, cell[0] * 600 + cell[1]);
        double w = fx(() -> panel.view().scaleX());
        for (double dx : new double[] {-0.4, 0, 0.4}) {
            int shown = fx(() -> {
                Point2D c = panel.view().cellCentre(cell[0], cell[1]);
                return panel.view().shownGrey(c.getX() + dx * w, c.getY());
            });
            assertThat(shown).isEqualTo(expected);
        }
        robot.clickOn("#dmFit");
        assertThat(fx(() -> panel.view().scaleX())).isCloseTo(fx(() -> panel.view().cellCentre(0, 1).getX()
                - panel.view().cellCentre(0, 0).getX()), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aNewDatasetCancelsTheRunningMatrixAndNoneIsShown() throws InterruptedException {
        fx(() -> {
            panel.setDataset(data);
            panel.setDataset(null);
            return null;
        });
        Thread.sleep(1500);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> panel.distances())).isNull();
        assertThat(fx(() -> panel.view().content())).isNull();
    }

    private static int first(int[] labels, int c) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == c) {
                return i;
            }
        }
        throw new AssertionError("no class " + c);
    }

    private static int last(int[] labels, int c) {
        for (int i = labels.length - 1; i >= 0; i--) {
            if (labels[i] == c) {
                return i;
            }
        }
        throw new AssertionError("no class " + c);
    }
}
