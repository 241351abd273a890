package org.classifierlab.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.Progress;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.ConfusionMatrix;
import org.classifierlab.core.knn.CrossValidationResult;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.ImageCrossValidation;
import org.classifierlab.core.knn.ImageKnnClassifier;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;

/** The cross-validation panel on 600 training and 100 test images: the chart's means, error bars and the test set. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CrossValidationPanelUiTest {

    private static final int[] KS = {1, 3, 5, 8, 10, 12, 15, 20, 50, 100};
    private CrossValidationPanel panel;
    private final Dataset data = org.classifierlab.app.FxTestSupport.sampleSubset(600, 100);
    private final AtomicReference<Object[]> filtered = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        AppContext context = new AppContext(new JobStatus());
        panel = new CrossValidationPanel(context);
        panel.setOnFilter((t, p, indices) -> filtered.set(new Object[] {t, p, indices}));
        Scene scene = new Scene(panel, 1260, 790);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        panel.setDataset(data);
    }

    private CrossValidationResult core(Metric m) {
        ByteMatrix x = new ByteMatrix(data.train().pixelsShared(), 600, data.train().dim());
        return ImageCrossValidation.run(x, data.train().labels(), 10, 5, KS, m, TieRule.SMALLEST_CLASS, false, 0,
                Progress.NONE, () -> false);
    }

    private String text(String id) {
        return fx(() -> ((Label) panel.lookup(id)).getText());
    }

    @Test
    void theChartShowsTheCoreMeansAndTheStdSwitchScalesTheBarsBySqrtNOverNMinusOne(FxRobot robot) {
        robot.clickOn("#cvRun");
        awaitFx(120, "no cross-validation", () -> panel.chart().series().size() == 2);
        CrossValidationResult l1 = core(Metric.L1);
        CrossValidationResult l2 = core(Metric.L2);
        assertThat(fx(() -> panel.chart().plottedMean(0))).containsExactly(l1.mean());
        assertThat(fx(() -> panel.chart().plottedMean(1))).containsExactly(l2.mean());
        // CS231n's np.std by default
        double[] population = fx(() -> panel.chart().plottedSpread(1));
        assertThat(population).containsExactly(l2.populationStd());
        assertThat(text("#cvL2K5")).isEqualTo(String.format(Locale.ROOT, "%.1f%% ± %.1f%%", 100 * l2.mean()[2],
                100 * l2.populationStd()[2]));
        assertThat(text("#cvBest")).startsWith("Best K: L1 " + l1.bestK() + " (").contains(", L2 " + l2.bestK() + " (");

        robot.clickOn("#cvSampleStd");
        double[] sample = fx(() -> panel.chart().plottedSpread(1));
        assertThat(sample).containsExactly(l2.std());
        for (int i = 0; i < KS.length; i++) {
            if (population[i] > 0) {
                assertThat(sample[i] / population[i]).isCloseTo(Math.sqrt(5.0 / 4.0), within(1e-12));
            }
        }
        assertThat(text("#cvL2K5")).isEqualTo(String.format(Locale.ROOT, "%.1f%% ± %.1f%%", 100 * l2.mean()[2],
                100 * l2.std()[2]));
        robot.clickOn("#cvPopulationStd");

        // The test set, on request, at the chosen K: the confusion matrix of the core's predictions.
        int k = fx(() -> panel.lookup("#cvTestK") instanceof javafx.scene.control.Spinner<?> s ? (Integer) s.getValue() : -1);
        Metric metric = l2.mean()[index(l2.bestK())] >= l1.mean()[index(l1.bestK())] ? Metric.L2 : Metric.L1;
        assertThat(k).isEqualTo(metric == Metric.L2 ? l2.bestK() : l1.bestK());
        // The button is at the foot of the scrolling control panel: press it as the keyboard would.
        fx(() -> {
            ((javafx.scene.control.Button) panel.lookup("#cvEvaluate")).fire();
            return null;
        });
        awaitFx(60, "no test predictions", () -> panel.predictionsProperty().get() != null);
        ByteMatrix refs = new ByteMatrix(data.train().pixelsShared(), 600, data.train().dim());
        ByteMatrix queries = new ByteMatrix(data.test().pixelsShared(), 100, data.test().dim());
        int[] predicted = ImageKnnClassifier.predict(DistanceEngine.nearest(queries, refs, DistanceEngine.Options.of(k,
                metric)), data.train().labels(), 10, k, TieRule.SMALLEST_CLASS);
        int[] truth = data.test().labels();
        ConfusionMatrix expected = ConfusionMatrix.of(truth, predicted, 10);
        assertThat(fx(() -> panel.confusionMatrixProperty().get())).isEqualTo(expected);
        assertThat(fx(() -> panel.predictionsProperty().get().predicted())).containsExactly(predicted);
        assertThat(fx(() -> panel.predictionsProperty().get().k())).isEqualTo(k);
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                assertThat(text("#confusion-" + t + "-" + p)).as("cell %d, %d", t, p)
                        .isEqualTo(Integer.toString(expected.count(t, p)));
            }
            assertThat(text("#classAccuracy-" + t)).isEqualTo(String.format(Locale.ROOT, "%.0f%%",
                    100 * expected.classAccuracy(t)));
        }
        assertThat(text("#cvTestAccuracy")).startsWith(String.format(Locale.ROOT,
                "Test accuracy at K = %d (%s): %.1f%% (%d of 100)", k, metric.name(), expected.accuracy() * 100,
                expected.correct()));

        // A cell click reports exactly the test images in it: an off-diagonal cell with images.
        int[] cell = offDiagonalWithImages(expected);
        robot.clickOn("#confusion-" + cell[0] + "-" + cell[1]);
        awaitFx(10, "no filter", () -> filtered.get() != null);
        int[] indices = IntStream.range(0, 100).filter(i -> truth[i] == cell[0] && predicted[i] == cell[1]).toArray();
        assertThat(filtered.get()[0]).isEqualTo(cell[0]);
        assertThat(filtered.get()[1]).isEqualTo(cell[1]);
        assertThat((int[]) filtered.get()[2]).containsExactly(indices).hasSize(expected.count(cell[0], cell[1]));
    }

    private static int index(int k) {
        for (int i = 0; i < KS.length; i++) {
            if (KS[i] == k) {
                return i;
            }
        }
        throw new AssertionError(k);
    }

    private static int[] offDiagonalWithImages(ConfusionMatrix m) {
        int[] best = null;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                if (t != p && (best == null || m.count(t, p) > m.count(best[0], best[1]))) {
                    best = new int[] {t, p};
                }
            }
        }
        return best;
    }
}
