package org.classifierlab.app.gallery;

import static org.classifierlab.app.shell.ControlPanel.grid;
import static org.classifierlab.app.shell.ControlPanel.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SegmentedButton;

import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.render.CrossValidationChart;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.core.Progress;
import org.classifierlab.core.data.Cifar100Labels;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetFormat;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.ConfusionMatrix;
import org.classifierlab.core.knn.CrossValidationResult;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.ImageCrossValidation;
import org.classifierlab.core.knn.ImageKnnClassifier;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;
import org.classifierlab.core.knn.TieRule;

/**
 * Choosing K on images as the assignments do: n-fold cross-validation (contiguous folds) on the first N training
 * images for a list of K under L1 and L2 in one chart, then, on request only, the accuracy on the test set at the
 * chosen K with a confusion matrix (CIFAR-100 per superclass) whose cells filter the query browser. Jobs run off
 * the FX thread with progress and Cancel in the status bar. FX thread only.
 */
public final class CrossValidationPanel extends BorderPane {

    /** Receives a confusion-matrix cell: true class, predicted class (-1 undecided) and the test images in it. */
    @FunctionalInterface
    public interface FilterListener {
        void filter(int trueClass, int predictedClass, int[] testIndices);
    }

    static final String DEFAULT_KS = "1, 3, 5, 8, 10, 12, 15, 20, 50, 100";
    private static final Metric[] METRICS = {Metric.L1, Metric.L2};

    private final AppContext context;
    private final PanelJob job;
    private final CrossValidationChart chart = new CrossValidationChart();
    private final Spinner<Integer> trainCount = GallerySpinners.of("cvTrainCount", 2, 5000, 5000);
    private final Spinner<Integer> folds = GallerySpinners.of("cvFolds", 2, 20, 5);
    private final TextField ks = new TextField(DEFAULT_KS);
    private final ComboBox<TieRule> tieRule = new ComboBox<>(FXCollections.observableArrayList(TieRule.values()));
    private final ToggleGroup spread = new ToggleGroup();
    private final RadioButton population = new RadioButton("Population std, ÷ n (np.std, CS231n)");
    private final RadioButton sample = new RadioButton("Sample std, ÷ (n − 1) (torch.std, EECS 498)");
    private final CheckBox logK = new CheckBox("Logarithmic K axis (the notebook's is linear)");
    private final Button run = new Button("Run cross-validation (L1 and L2)");
    private final Label best = new Label("Run the cross-validation to compare K.");
    private final GridPane table = new GridPane();
    private final Spinner<Integer> testK = GallerySpinners.of("cvTestK", 1, 5000, 1);
    private final SegmentedButton testMetric = new SegmentedButton();
    private final Button evaluate = new Button();
    private final Label testAccuracy = new Label();
    private final Label confusionTitle = new Label();
    private final org.classifierlab.app.render.ConfusionGrid confusion =
            new org.classifierlab.app.render.ConfusionGrid("cvConfusion");
    private final VBox confusionBox = new VBox(6);
    private final VBox picture;
    private final ReadOnlyObjectWrapper<TestPredictions> predictions = new ReadOnlyObjectWrapper<>(this, "predictions");
    private final ReadOnlyObjectWrapper<ConfusionMatrix> confusionMatrix =
            new ReadOnlyObjectWrapper<>(this, "confusionMatrix");
    private Dataset dataset;
    private CvRun cv;
    private FilterListener onFilter = (t, p, i) -> { };

    /** A finished cross-validation: per metric, with what it ran on. */
    private record CvRun(Dataset dataset, int trainImages, TieRule rule, List<CrossValidationResult> results) {
    }

    /** A finished test evaluation, before it is shown. */
    private record TestRun(Dataset dataset, TestPredictions predictions) {
    }

    public CrossValidationPanel(AppContext context) {
        this.context = context;
        job = new PanelJob("image-cross-validation", context.jobs(), context::showError);
        getStyleClass().add("cross-validation-panel");

        ks.setId("cvKs");
        ks.setPrefColumnCount(16);
        tieRule.setId("cvTieRule");
        tieRule.setConverter(ControlPanel.displayNames(TieRule::label));
        tieRule.setValue(TieRule.SMALLEST_CLASS);
        tieRule.setMaxWidth(Double.MAX_VALUE);
        tieRule.setTooltip(new Tooltip("Smallest class index is the assignments' np.argmax(np.bincount(…))"));
        population.setId("cvPopulationStd");
        population.setTooltip(new Tooltip("Population standard deviation, divides by n folds: np.std, as the CS231n "
                + "notebook"));
        sample.setId("cvSampleStd");
        sample.setTooltip(new Tooltip("Sample standard deviation, divides by n − 1: torch.std, as EECS 498"));
        population.setToggleGroup(spread);
        sample.setToggleGroup(spread);
        population.setWrapText(true);
        sample.setWrapText(true);
        population.setSelected(true);
        spread.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null && a != null) {
                a.setSelected(true);
            }
            chart.populationStdProperty().set(population.isSelected());
            showTable();
        });
        chart.populationStdProperty().set(true);
        logK.setId("cvLogK");
        logK.setWrapText(true);
        logK.setSelected(true);
        chart.logKProperty().bind(logK.selectedProperty());
        chart.setEmptyText("Run the cross-validation to see accuracy against K for L1 and L2.");
        chart.setPrefHeight(420);
        chart.setMinHeight(340);
        run.setId("cvRun");
        run.setGraphic(AppIcon.RUN.node());
        run.setMaxWidth(Double.MAX_VALUE);
        run.setOnAction(e -> runCrossValidation());
        run.disableProperty().bind(job.runningProperty());
        best.setId("cvBest");
        best.setWrapText(true);
        best.getStyleClass().add("metric-value");
        table.setId("cvTable");
        table.getStyleClass().add("cv-table");

        for (Metric m : METRICS) {
            ToggleButton b = new ToggleButton(m.name());
            b.setId("cvTestMetric" + m.name());
            b.setUserData(m);
            b.setTooltip(new Tooltip(m.label()));
            testMetric.getButtons().add(b);
        }
        testMetric.getButtons().get(1).setSelected(true);
        testMetric.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null && a != null) {
                a.setSelected(true);
            }
        });
        testK.valueProperty().addListener(o -> evaluate.setText("Accuracy on the test set at K = " + testK.getValue()));
        evaluate.setText("Accuracy on the test set at K = " + testK.getValue());
        evaluate.setId("cvEvaluate");
        evaluate.setWrapText(true);
        evaluate.setMaxWidth(Double.MAX_VALUE);
        evaluate.setOnAction(e -> evaluateTestSet());
        evaluate.disableProperty().bind(job.runningProperty());
        testAccuracy.setId("cvTestAccuracy");
        testAccuracy.setWrapText(true);
        testAccuracy.getStyleClass().add("metric-value");
        Label warning = new Label("The test set is used once, at the very end: choose K (and the distance) by "
                + "cross-validation on the training data, then measure the test accuracy. Picking K by its test "
                + "accuracy would make the test set part of training, and the number would no longer say how "
                + "the classifier does on new images.");
        warning.setWrapText(true);
        VBox callout = new VBox(warning);
        callout.getStyleClass().add("lesson-callout");
        callout.setId("cvTestWarning");

        GridPane settings = grid();
        int r = 0;
        settings.addRow(r++, new Label("Training images"), trainCount);
        settings.addRow(r++, new Label("Folds"), folds);
        settings.add(new Label("K values"), 0, r++, 2, 1);
        settings.add(ks, 0, r++, 2, 1);
        settings.addRow(r++, new Label("Ties"), tieRule);
        Label how = new Label("Contiguous folds, as np.array_split in the assignments: each fold is held out once "
                + "and classified by its K nearest images in the other folds.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        Label spreadLabel = new Label("Error bars: ±1 standard deviation over the folds");
        spreadLabel.setWrapText(true);
        GridPane testGrid = grid();
        testGrid.addRow(0, new Label("K"), testK);
        testGrid.addRow(1, new Label("Distance"), testMetric);

        VBox panel = new VBox(6,
                section("Cross-validation on the training images"), settings, run, how,
                spreadLabel, population, sample, logK,
                section("Result"), best, table,
                section("Test set"), callout, testGrid, evaluate, testAccuracy);
        panel.getStyleClass().add("control-panel");
        ScrollPane controls = ControlPanel.scroller(panel);

        confusionTitle.getStyleClass().add("section-title");
        confusionTitle.setId("cvConfusionTitle");
        confusionTitle.setWrapText(true);
        confusion.setOnCell((t, p, indices) -> onFilter.filter(t, p, indices));
        Label confusionHint = new Label("Rows: true class · columns: predicted class · click a cell to see its test "
                + "images in the query browser.");
        confusionHint.getStyleClass().add("hint");
        confusionHint.setWrapText(true);
        confusionBox.getChildren().addAll(confusionTitle, confusion, confusionHint);
        confusionBox.setVisible(false);
        confusionBox.setManaged(false);
        VBox.setVgrow(chart, Priority.ALWAYS);
        picture = new VBox(10, chart, confusionBox);
        picture.setPadding(new Insets(10));
        picture.getStyleClass().add("cross-validation-picture");
        ScrollPane center = new ScrollPane(picture);
        center.setFitToWidth(true);
        center.setFitToHeight(true);
        center.getStyleClass().add("cross-validation-center");
        setCenter(center);
        setRight(controls);
    }

    /** Calls {@code listener} when a confusion-matrix cell is clicked (classes are superclasses for CIFAR-100). */
    public void setOnFilter(FilterListener listener) {
        onFilter = listener == null ? (t, p, i) -> { } : listener;
    }

    /** The newest test-set predictions (null before the first evaluation or after a dataset change). */
    public ReadOnlyObjectProperty<TestPredictions> predictionsProperty() {
        return predictions.getReadOnlyProperty();
    }

    /** The confusion matrix shown (per superclass for CIFAR-100), or null. */
    public ReadOnlyObjectProperty<ConfusionMatrix> confusionMatrixProperty() {
        return confusionMatrix.getReadOnlyProperty();
    }

    /** Sets the dataset (null: none); running work for the old one is cancelled and results cleared. */
    public void setDataset(Dataset d) {
        job.cancel();
        dataset = d;
        cv = null;
        chart.setSeries(List.of());
        best.setText("Run the cross-validation to compare K.");
        table.getChildren().clear();
        testAccuracy.setText("");
        predictions.set(null);
        confusionMatrix.set(null);
        confusionBox.setVisible(false);
        confusionBox.setManaged(false);
        if (d != null) {
            GallerySpinners.setRange(trainCount, 2, d.train().size(), d.train().size());
            GallerySpinners.setRange(folds, 2, Math.min(20, d.train().size()), 5);
            GallerySpinners.setRange(testK, 1, d.train().size(), 1);
        }
    }

    /** The chart and the confusion matrix: what File ▸ Export saves. */
    public Node picture() {
        return picture;
    }

    /** Cancels running work. */
    public void dispose() {
        job.dispose();
    }

    CrossValidationChart chart() {
        return chart;
    }

    /** Parses "1, 3, 5" into ascending distinct K ≥ 1; null (with the reason shown) for bad text. */
    int[] parseKs() {
        TreeSet<Integer> values = new TreeSet<>();
        for (String part : ks.getText().split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int k = Integer.parseInt(part.strip());
                if (k < 1) {
                    throw new NumberFormatException();
                }
                values.add(k);
            } catch (NumberFormatException e) {
                context.showError("K values: \"" + part + "\" is not a whole number of at least 1. Write the K to try "
                        + "separated by commas, e.g. " + DEFAULT_KS + ".");
                return null;
            }
        }
        if (values.isEmpty()) {
            context.showError("K values: give at least one K, e.g. " + DEFAULT_KS + ".");
            return null;
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private void runCrossValidation() {
        if (dataset == null) {
            return;
        }
        int[] kList = parseKs();
        if (kList == null) {
            return;
        }
        Dataset d = dataset;
        int n = trainCount.getValue();
        int f = folds.getValue();
        if (f > n) {
            context.showError("Folds: " + f + " folds need at least " + f + " training images, " + n + " are chosen.");
            return;
        }
        TieRule rule = tieRule.getValue();
        String title = String.format(Locale.ROOT, "Cross-validation of %,d training images, %d folds", n, f);
        job.run(title, (progress, cancelled) -> {
            ImageDataset train = n == d.train().size() ? d.train() : d.train().first(n);
            ByteMatrix data = new ByteMatrix(train.pixelsShared(), n, train.dim());
            int[] labels = train.labels();
            List<CrossValidationResult> results = new ArrayList<>();
            for (int m = 0; m < METRICS.length; m++) {
                int offset = m;
                String name = METRICS[m].name();
                Progress p = (done, total, what) -> progress.update(offset * (long) n + done, 2L * n, name + ": " + what);
                results.add(ImageCrossValidation.run(data, labels, train.classCount(), f, kList, METRICS[m], rule,
                        false, 0, p, cancelled));
            }
            return new CvRun(d, n, rule, List.copyOf(results));
        }, result -> {
            if (result.dataset() == dataset) {
                showCrossValidation(result);
            }
        });
    }

    private void showCrossValidation(CvRun result) {
        cv = result;
        List<CrossValidationChart.Series> series = new ArrayList<>();
        for (int m = 0; m < METRICS.length; m++) {
            series.add(new CrossValidationChart.Series(METRICS[m].name(), result.results().get(m)));
        }
        chart.setSeries(series);
        int bestMetric = bestMetric(result);
        CrossValidationResult b = result.results().get(bestMetric);
        GallerySpinners.setRange(testK, 1, result.trainImages(), b.bestK());
        testMetric.getButtons().get(bestMetric).setSelected(true);
        chart.setCurrentK(b.bestK());
        showTable();
        context.jobs().setDetail(best.getText());
    }

    private static int bestMetric(CvRun r) {
        int bestMetric = 0;
        for (int m = 1; m < METRICS.length; m++) {
            if (meanAt(r.results().get(m), r.results().get(m).bestK())
                    > meanAt(r.results().get(bestMetric), r.results().get(bestMetric).bestK())) {
                bestMetric = m;
            }
        }
        return bestMetric;
    }

    private static double meanAt(CrossValidationResult r, int k) {
        int[] list = r.ks();
        for (int i = 0; i < list.length; i++) {
            if (list[i] == k) {
                return r.mean()[i];
            }
        }
        return Double.NaN;
    }

    /** The K × metric table of mean ± std, in the chosen standard deviation, and the best-K line. */
    private void showTable() {
        table.getChildren().clear();
        if (cv == null) {
            return;
        }
        boolean pop = population.isSelected();
        StringBuilder line = new StringBuilder("Best K: ");
        table.add(header("K"), 0, 0);
        for (int m = 0; m < METRICS.length; m++) {
            CrossValidationResult r = cv.results().get(m);
            table.add(header(METRICS[m].name() + " mean ± " + (pop ? "σ" : "s")), m + 1, 0);
            int[] list = r.ks();
            double[] sd = pop ? r.populationStd() : r.std();
            for (int i = 0; i < list.length; i++) {
                if (m == 0) {
                    table.add(cell(Integer.toString(list[i]), "cvK" + list[i]), 0, i + 1);
                }
                Label c = cell(String.format(Locale.ROOT, "%.1f%% ± %.1f%%", 100 * r.mean()[i], 100 * sd[i]),
                        "cv" + METRICS[m].name() + "K" + list[i]);
                if (list[i] == r.bestK()) {
                    c.getStyleClass().add("best");
                }
                table.add(c, m + 1, i + 1);
            }
            line.append(m == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %d (%.1f%%)", METRICS[m].name(),
                    r.bestK(), 100 * meanAt(r, r.bestK())));
        }
        line.append(String.format(Locale.ROOT, " over %d folds of %,d training images", cv.results().get(0).folds(),
                cv.trainImages()));
        best.setText(line.toString());
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("grid-cell", "header");
        return l;
    }

    private static Label cell(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add("grid-cell");
        return l;
    }

    private Metric chosenTestMetric() {
        return (Metric) testMetric.getToggleGroup().getSelectedToggle().getUserData();
    }

    private void evaluateTestSet() {
        if (dataset == null) {
            return;
        }
        Dataset d = dataset;
        int n = trainCount.getValue();
        int k = Math.min(testK.getValue(), n);
        Metric metric = chosenTestMetric();
        TieRule rule = tieRule.getValue();
        String title = String.format(Locale.ROOT, "Test accuracy at K = %d (%s)", k, metric.name());
        job.run(title, (progress, cancelled) -> {
            ImageDataset train = n == d.train().size() ? d.train() : d.train().first(n);
            ImageDataset test = d.test();
            ByteMatrix refs = new ByteMatrix(train.pixelsShared(), n, train.dim());
            ByteMatrix queries = test.rows();
            NeighbourTable t = DistanceEngine.nearest(queries, refs, DistanceEngine.Options.of(k, metric)
                    .withProgress(progress).withCancellation(cancelled));
            int[] predicted = ImageKnnClassifier.predict(t, train.labels(), train.classCount(), k, rule);
            return new TestRun(d, new TestPredictions(k, metric, rule, n, predicted));
        }, result -> {
            if (result.dataset() == dataset) {
                showTestResult(result.predictions());
            }
        });
    }

    /** Whether the confusion matrix is per superclass: CIFAR-100 with its 100 fine labels. */
    private static boolean bySuperclass(Dataset d) {
        return d.format() == DatasetFormat.CIFAR100_BINARY && d.test().classCount() == 100;
    }

    private void showTestResult(TestPredictions p) {
        predictions.set(p);
        int[] truth = dataset.test().labels();
        int[] predicted = p.predicted();
        List<String> names = dataset.test().classNames();
        boolean coarse = bySuperclass(dataset);
        double fineAccuracy = ImageKnnClassifier.accuracy(predicted, truth);
        if (coarse) {
            truth = Cifar100Labels.coarseOf(truth);
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = predicted[i] < 0 ? -1 : Cifar100Labels.coarseOf(predicted[i]);
            }
            names = Cifar100Labels.COARSE_NAMES;
        }
        ConfusionMatrix m = ConfusionMatrix.of(truth, predicted, names.size());
        confusionMatrix.set(m);
        int correct = (int) Math.round(fineAccuracy * truth.length);
        testAccuracy.setText(String.format(Locale.ROOT, "Test accuracy at K = %d (%s): %.1f%% (%,d of %,d)", p.k(),
                p.metric().name(), 100 * fineAccuracy, correct, truth.length)
                + (coarse ? String.format(Locale.ROOT, "; superclass right: %.1f%%", 100 * m.accuracy()) : ""));
        confusionTitle.setText(String.format(Locale.ROOT, "Confusion on the %,d test images%s, K = %d, %s, %s",
                truth.length, coarse ? " by superclass (CIFAR-100's 20 coarse classes)" : "", p.k(), p.metric().name(),
                p.tieRule().label().toLowerCase(Locale.ROOT)));
        confusion.show(m, names, truth, predicted);
        confusionBox.setVisible(true);
        confusionBox.setManaged(true);
    }
}
