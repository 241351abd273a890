package org.classifierlab.app.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.linear.image.SgdTrainer;
import org.classifierlab.core.linear.image.SplitSizes;
import org.classifierlab.core.linear.image.TrainConfig;
import org.classifierlab.core.linear.image.TrainResult;

/**
 * The lesson's state without a toolkit: every job runs synchronously on the test thread, so each command has
 * finished when it returns.
 */
class ImageLinearViewModelTest {

    private static Dataset small;
    private final List<String> errors = new ArrayList<>();
    private final ImageLinearViewModel vm = new ImageLinearViewModel(Runnable::run, Runnable::run, Runnable::run,
            errors::add);

    @BeforeAll
    static void load() throws Exception {
        small = org.classifierlab.app.FxTestSupport.sampleSubset(600, 100);
    }

    private void use(int iterations) {
        vm.datasetProperty().set(small);
        vm.iterationsProperty().set(iterations);
        vm.batchSizeProperty().set(50);
    }

    @Test
    void theDatasetIsPreparedWithTheStatedSplitSizes() {
        use(10);
        LinearImageData d = vm.dataProperty().get();
        assertThat(d).isNotNull();
        SplitSizes sizes = SplitSizes.forDataset(600, 100);
        assertThat(d.train().n()).isEqualTo(sizes.train());
        assertThat(d.validation().n()).isEqualTo(sizes.validation());
        assertThat(d.test().n()).isEqualTo(sizes.test());
        assertThat(vm.splitDescription()).isEqualTo(sizes.describe());
        assertThat(d.dim()).isEqualTo(3073);
        vm.biasTrickProperty().set(false);
        assertThat(vm.dataProperty().get().dim()).isEqualTo(3072);
        assertThat(errors).isEmpty();
    }

    @Test
    void bothLossesTrainFromTheSameInitialWAsCoreTrainsThem() {
        use(20);
        vm.modeProperty().set(ImageLinearViewModel.Mode.BOTH);
        vm.train();
        LinearImageData d = vm.dataProperty().get();
        LinearImageModel start = LinearImageModel.initial(10, d.dim(), true, 0);
        for (ImageLoss l : ImageLoss.values()) {
            TrainResult direct = SgdTrainer.train(d, start, vm.config(l), null, 0, null);
            ImageLinearViewModel.Trained t = vm.modelsProperty().get().byLoss().get(l);
            assertThat(t.model().weights()).as("%s", l).containsExactly(direct.model().weights());
            assertThat(t.lossHistory()).containsExactly(direct.lossHistory());
            assertThat(t.validationAccuracy()).isEqualTo(direct.model().accuracy(d.validation()));
            assertThat(t.trainAccuracy()).isEqualTo(direct.model().accuracy(d.train()));
        }
        assertThat(vm.lossCurve(ImageLoss.SVM)).hasSize(20);
        assertThat(vm.liveProperty().get()).isNull();
        assertThat(vm.trainingProperty().get()).isFalse();
    }

    @Test
    void whileTrainingTheAccuracyIsMeasuredLiveAndItsLastValueIsTheFinalModels() {
        use(30);
        vm.modeProperty().set(ImageLinearViewModel.Mode.BOTH);
        List<ImageLinearViewModel.LiveAccuracy> seen = new ArrayList<>();
        vm.liveProperty().addListener((o, a, l) -> {
            if (l != null && l.accuracy().containsKey(ImageLoss.SOFTMAX)) {
                seen.add(l.accuracy().get(ImageLoss.SOFTMAX));
            }
        });
        vm.train();
        assertThat(seen).isNotEmpty();
        ImageLinearViewModel.LiveAccuracy last = seen.get(seen.size() - 1);
        ImageLinearViewModel.Trained t = vm.modelsProperty().get().byLoss().get(ImageLoss.SOFTMAX);
        assertThat(last.iteration()).isEqualTo(30);
        // The sample's training split here has fewer than 1,000 images: the estimate uses all of them.
        assertThat(last.trainRows()).isEqualTo(vm.dataProperty().get().train().n());
        assertThat(last.train()).isEqualTo(t.trainAccuracy());
        assertThat(last.validation()).isEqualTo(t.validationAccuracy());
    }

    @Test
    void continueAppendsIterationsAndUndoGoesBackToThePreviousModel() {
        use(15);
        vm.modeProperty().set(ImageLinearViewModel.Mode.SVM);
        assertThat(vm.canUndoProperty().get()).isFalse();
        vm.train();
        ImageLinearViewModel.Trained first = vm.modelsProperty().get().byLoss().get(ImageLoss.SVM);
        assertThat(first.iterations()).isEqualTo(15);
        vm.continueTraining();
        ImageLinearViewModel.Trained second = vm.modelsProperty().get().byLoss().get(ImageLoss.SVM);
        assertThat(second.iterations()).isEqualTo(30);
        assertThat(second.lossHistory()).startsWith(first.lossHistory());
        // Continuing trains from the first model, with the seed moved on by the iterations already done.
        TrainConfig cfg = vm.config(ImageLoss.SVM);
        TrainResult direct = SgdTrainer.train(vm.dataProperty().get(), first.model(), new TrainConfig(ImageLoss.SVM,
                cfg.learningRate(), cfg.reg(), 15, cfg.batchSize(), cfg.seed() + 15), null, 0, null);
        assertThat(second.model().weights()).containsExactly(direct.model().weights());
        vm.undo();
        assertThat(vm.modelsProperty().get().byLoss().get(ImageLoss.SVM)).isSameAs(first);
        vm.undo();
        assertThat(vm.modelsProperty().get().byLoss()).isEmpty();
        assertThat(vm.canUndoProperty().get()).isFalse();
        vm.redo();
        assertThat(vm.modelsProperty().get().byLoss().get(ImageLoss.SVM)).isSameAs(first);
    }

    @Test
    void badSettingsAreRefusedWithAMessage() {
        use(10);
        vm.learningRateProperty().set(0);
        vm.train();
        assertThat(vm.modelsProperty().get().byLoss()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("learning rate above 0");
    }

    @Test
    void aNewDatasetDropsTheModelsOfTheOldOne() {
        use(10);
        vm.train();
        assertThat(vm.modelsProperty().get().byLoss()).isNotEmpty();
        Dataset other = new Dataset("other", small.train().first(300), small.test().first(50), small.format(), "x");
        vm.datasetProperty().set(other);
        assertThat(vm.modelsProperty().get().byLoss()).isEmpty();
        assertThat(vm.dataProperty().get().train().n()).isEqualTo(SplitSizes.forDataset(300, 50).train());
        assertThat(vm.canUndoProperty().get()).isFalse();
    }

    @Test
    void aSearchPointsModelIsLoadedAsOneUndoStep() {
        use(5);
        vm.search(ImageLoss.SOFTMAX, SearchPanel.grids(ImageLoss.SOFTMAX).get(0), 5);
        assertThat(vm.searchPointsProperty().get()).hasSize(4);
        var p = vm.searchPointsProperty().get().get(2);
        vm.load(p, ImageLoss.SOFTMAX);
        assertThat(vm.modelsProperty().get().byLoss().get(ImageLoss.SOFTMAX).model()).isSameAs(p.model());
        assertThat(vm.modelsProperty().get().byLoss().get(ImageLoss.SOFTMAX).validationAccuracy())
                .isEqualTo(p.validationAccuracy());
        vm.undo();
        assertThat(vm.modelsProperty().get().byLoss()).isEmpty();
    }
}
