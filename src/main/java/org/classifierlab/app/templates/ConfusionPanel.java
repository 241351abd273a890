package org.classifierlab.app.templates;

import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.classifierlab.app.gallery.PanelJob;
import org.classifierlab.app.render.ConfusionGrid;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.core.data.Cifar100Labels;
import org.classifierlab.core.knn.ConfusionMatrix;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.linear.image.Split;

/**
 * The confusion matrix and per-class accuracy of a trained model on the validation or test split (the gallery's
 * {@link ConfusionGrid}; CIFAR-100 by its 20 superclasses), computed off the FX thread. Clicking a test-split cell
 * shows its images in the scores tab's browser. FX thread only.
 */
final class ConfusionPanel extends VBox {

    /** Which split the matrix is of. */
    enum Which {
        VALIDATION("Validation split"), TEST("Test split");

        private final String label;

        Which(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** A computed matrix with what produced it. */
    record Result(LinearImageData data, ImageLoss loss, Which which, ConfusionMatrix matrix, List<String> names,
                  int[] truth, int[] predicted, int[] sourceIndex, double accuracy) {
    }

    /** Receives the test images of a clicked cell. */
    interface CellListener {
        void clicked(String what, int[] testIndices);
    }

    private final ImageLinearViewModel vm;
    private final ComboBox<ImageLoss> loss = new ComboBox<>();
    private final ComboBox<Which> which = new ComboBox<>(FXCollections.observableArrayList(Which.values()));
    private final Label title = new Label("Train a model to see its confusion matrix.");
    private final ConfusionGrid grid = new ConfusionGrid("linearConfusion");
    private final PanelJob job;
    private final VBox picture;
    private Result shown;
    private boolean refreshing;
    private CellListener onCell = (w, i) -> { };

    ConfusionPanel(AppContext context, ImageLinearViewModel vm) {
        super(8);
        this.vm = vm;
        setId("confusionPanel");
        setPadding(new Insets(4));
        job = new PanelJob("linear-confusion", context.jobs(), context::showError);
        loss.setId("confusionLoss");
        loss.setConverter(ControlPanel.displayNames(ImageLoss::label));
        which.setId("confusionSplit");
        which.setConverter(ControlPanel.displayNames(Which::label));
        which.setValue(Which.VALIDATION);
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setId("confusionTitle");
        Label hint = new Label("Rows: true class · columns: predicted class (highest score) · last column: the "
                + "class's accuracy. On the test split, click a cell to see its images in “Scores of one image”.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        FlowPane bar = new FlowPane(14, 6, ControlPanel.row(new Label("Model"), loss),
                ControlPanel.row(new Label("Split"), which));
        picture = new VBox(6, title, grid, hint);
        getChildren().addAll(bar, picture);
        loss.valueProperty().addListener(o -> {
            if (!refreshing) {
                compute();
            }
        });
        which.valueProperty().addListener(o -> compute());
        vm.modelsProperty().addListener(o -> refreshLosses());
        grid.setOnCell((t, p, indices) -> {
            Result r = shown;
            if (r != null && r.which() == Which.TEST) {
                int[] test = java.util.Arrays.stream(indices).map(i -> r.sourceIndex()[i]).toArray();
                onCell.clicked(String.format(Locale.ROOT, "Confusion cell: true %s, predicted %s (%d)", r.names().get(t),
                        p < 0 ? "undecided" : r.names().get(p), test.length), test);
            }
        });
        refreshLosses();
    }

    void setOnCell(CellListener listener) {
        onCell = listener;
    }

    private void refreshLosses() {
        ImageLinearViewModel.Models m = vm.modelsProperty().get();
        List<ImageLoss> trained = m == null ? List.of() : List.copyOf(m.byLoss().keySet());
        ImageLoss keep = loss.getValue();
        // One computation for the new models, not one per change of the choice box's items and value.
        refreshing = true;
        try {
            if (!loss.getItems().equals(trained)) {
                loss.getItems().setAll(trained);
            }
            loss.setValue(keep != null && trained.contains(keep) ? keep : trained.isEmpty() ? null : trained.get(0));
        } finally {
            refreshing = false;
        }
        compute();
    }

    private void compute() {
        ImageLinearViewModel.Models m = vm.modelsProperty().get();
        ImageLoss l = loss.getValue();
        Which w = which.getValue();
        if (m == null || l == null || !m.byLoss().containsKey(l)) {
            job.cancel();
            shown = null;
            grid.clear();
            title.setText("Train a model to see its confusion matrix.");
            return;
        }
        LinearImageModel model = m.byLoss().get(l).model();
        LinearImageData data = m.data();
        job.run("Confusion matrix", (progress, cancelled) -> {
            Split s = w == Which.TEST ? data.test() : data.validation();
            int[] predicted = model.predict(s);
            int[] truth = s.y().clone();
            double accuracy = 0;
            for (int i = 0; i < truth.length; i++) {
                accuracy += predicted[i] == truth[i] ? 1 : 0;
            }
            accuracy /= Math.max(1, truth.length);
            List<String> names = data.classNames();
            if (data.classCount() == 100) {
                // A 100 × 100 grid is unreadable: CIFAR-100 is shown by its 20 superclasses, as the gallery does.
                truth = Cifar100Labels.coarseOf(truth);
                predicted = Cifar100Labels.coarseOf(predicted);
                names = Cifar100Labels.COARSE_NAMES;
            }
            return new Result(data, l, w, ConfusionMatrix.of(truth, predicted, names.size()), names, truth, predicted,
                    s.sourceIndex(), accuracy);
        }, this::show);
    }

    private void show(Result r) {
        shown = r;
        boolean coarse = r.names().size() != r.data().classCount();
        title.setText(String.format(Locale.ROOT, "%s model on the %s (%,d images): accuracy %.1f%%%s", r.loss().label(),
                r.which() == Which.TEST ? "test split" : "validation split", r.truth().length, 100 * r.accuracy(),
                coarse ? String.format(Locale.ROOT, "; by superclass %.1f%%", 100 * r.matrix().accuracy()) : ""));
        grid.show(r.matrix(), r.names(), r.truth(), r.predicted());
    }

    Result shown() {
        return shown;
    }

    VBox picture() {
        return picture;
    }

    void dispose() {
        job.dispose();
    }

    /** The grid on show, for SVG export. */
    ConfusionGrid grid() {
        return grid;
    }
}
