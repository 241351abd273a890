package org.classifierlab.core.linear.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.classifierlab.core.data.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assignments' published accuracy levels on all of CIFAR-10 (skipped unless {@code CLASSIFIER_LAB_CIFAR10}
 * names a folder with the five training batches). Ranges, not one run's numbers: the notebooks' own runs
 * differ from ours in pixel order (HWC there, CHW here) and random draws.
 */
class FullCifarTest {

    private static LinearImageData data;

    @BeforeAll
    static void prepare() {
        Dataset d = RealRows.full();
        data = LinearImageData.prepare(d.train(), d.test(), SplitSizes.forDataset(d.train().size(), d.test().size()),
                true, 0);
    }

    @Test
    void theSplitsAreTheAssignments() {
        assertThat(data.sizes()).isEqualTo(SplitSizes.assignments());
        assertThat(data.validation().sourceIndex()[0]).isEqualTo(49_000);
    }

    @Test
    void defaultSvmAndTheNotebookGridReachAboutPoint39() {
        TrainResult r = SgdTrainer.train(data, LinearImageModel.initial(10, data.dim(), true, 0),
                TrainConfig.defaults(ImageLoss.SVM), null, 0, null);
        double val = r.model().accuracy(data.validation());
        System.out.printf("SVM defaults: train %.4f, val %.4f, test %.4f%n", r.model().accuracy(data.train()), val,
                r.model().accuracy(data.test()));
        assertThat(val).isBetween(0.35, 0.41);
        // svm.ipynb: "if you are careful you should be able to get a classification accuracy of about 0.39 on the
        // validation set" (tuning with its grid learning_rates = [1e-7, 5e-5], regularization_strengths =
        // [2.5e4, 5e4]); lr 5e-5 diverges there as here ("you may see runtime/overflow warnings")
        List<SearchPoint> points = HyperparameterSearch.run(data, ImageLoss.SVM, SearchGrid.svmNotebook(), 1500, 200, 0,
                p -> System.out.printf("SVM grid lr %g reg %g: train %.4f val %.4f%n", p.learningRate(), p.reg(),
                        p.trainAccuracy(), p.validationAccuracy()), null);
        assertThat(points).hasSize(4);
        SearchPoint best = HyperparameterSearch.best(points);
        assertThat(best.validationAccuracy()).isBetween(0.37, 0.42);
        assertThat(best.learningRate()).isEqualTo(1e-7);
        System.out.printf("SVM best: test %.4f%n", best.model().accuracy(data.test()));
        assertThat(best.model().accuracy(data.test())).isBetween(0.35, 0.42);
    }

    @Test
    void softmaxTunedGetsOverPoint35() {
        // softmax.ipynb: "if you are careful you should be able to get a classification accuracy of over 0.35 on the
        // validation set", its reference grid learning_rates = [1e-7, 5e-7], regularization_strengths = [2.5e4, 5e4].
        // That grid alone stays just under (0.344 for lr 5e-7, reg 2.5e4 with seed 0; 0.342–0.351 over seeds):
        // reg 2.5e4 holds W small; "careful" means a weaker reg, e.g. 5e3 (0.385–0.388 with seeds 0 and 1).
        List<SearchPoint> notebook = HyperparameterSearch.run(data, ImageLoss.SOFTMAX, SearchGrid.softmaxNotebook(),
                1500, 200, 0, p -> System.out.printf("softmax grid lr %g reg %g: train %.4f val %.4f%n",
                        p.learningRate(), p.reg(), p.trainAccuracy(), p.validationAccuracy()), null);
        assertThat(HyperparameterSearch.best(notebook).validationAccuracy()).isBetween(0.33, 0.37);
        SearchGrid careful = new SearchGrid(new double[] {1e-7, 5e-7}, new double[] {5e3, 2.5e4}, "careful");
        SearchPoint best = HyperparameterSearch.best(HyperparameterSearch.run(data, ImageLoss.SOFTMAX, careful, 1500,
                200, 0, null, null));
        System.out.printf("softmax tuned lr %g reg %g: val %.4f test %.4f%n", best.learningRate(), best.reg(),
                best.validationAccuracy(), best.model().accuracy(data.test()));
        assertThat(best.validationAccuracy()).isBetween(0.35, 0.42);
        assertThat(best.model().accuracy(data.test())).isBetween(0.34, 0.42);
        TrainResult r = SgdTrainer.train(data, LinearImageModel.initial(10, data.dim(), true, 0),
                TrainConfig.defaults(ImageLoss.SOFTMAX), null, 0, null);
        System.out.printf("softmax defaults: val %.4f%n", r.model().accuracy(data.validation()));
        assertThat(r.model().accuracy(data.validation())).isBetween(0.30, 0.38);
    }
}
