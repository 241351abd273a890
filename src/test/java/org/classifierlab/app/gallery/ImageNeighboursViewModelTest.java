package org.classifierlab.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.KnnResult;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;
import org.classifierlab.core.knn.TieRule;

/** The gallery's view model on the bundled sample, with the search run synchronously. */
class ImageNeighboursViewModelTest {

    private static Dataset sample;
    private final List<Throwable> errors = new ArrayList<>();
    private final ImageNeighboursViewModel vm = new ImageNeighboursViewModel(Runnable::run, Runnable::run, errors::add);

    @BeforeAll
    static void load() throws Exception {
        sample = DatasetLoader.loadSample();
    }

    private static NeighbourTable direct(byte[] row, Metric m, int k, int excluded) {
        ByteMatrix refs = sample.train().rows();
        DistanceEngine.Options o = DistanceEngine.Options.of(k, m);
        if (excluded >= 0) {
            o = o.excluding(excluded, excluded + 1);
        }
        return DistanceEngine.nearest(new ByteMatrix(row, 1, row.length), refs, o);
    }

    @Test
    void aNewDatasetQueriesTheFirstTestImageUnderL1AndL2() {
        vm.datasetProperty().set(sample);
        ImageNeighboursViewModel.Result r = vm.resultProperty().get();
        assertThat(errors).isEmpty();
        assertThat(r.query().name()).isEqualTo("test #0");
        assertThat(r.tables()).containsOnlyKeys(Metric.L1, Metric.L2);
        byte[] test0 = Query.test(sample, 0).pixels();
        assertThat(r.tables().get(Metric.L1)).isEqualTo(direct(test0, Metric.L1, 50, -1));
        assertThat(r.tables().get(Metric.L2)).isEqualTo(direct(test0, Metric.L2, 50, -1));
        // L1 distances of uint8 images are integers; L2 distances are square roots of integers.
        double l2 = r.tables().get(Metric.L2).distance(0, 0);
        assertThat(Math.rint(l2 * l2)).isEqualTo(Math.round(l2 * l2));
        assertThat(r.tables().get(Metric.L1).distance(0, 0) % 1.0).isZero();
    }

    @Test
    void aTrainingImageQueryLeavesItselfOutAndHistoryGoesBackAndForward() {
        vm.datasetProperty().set(sample);
        vm.goTrain(7);
        NeighbourTable t = vm.resultProperty().get().tables().get(Metric.L2);
        assertThat(t).isEqualTo(direct(Query.train(sample, 7).pixels(), Metric.L2, 50, 7));
        for (int j = 0; j < t.k(); j++) {
            assertThat(t.index(0, j)).isNotEqualTo(7);
        }
        assertThat(vm.canGoBackProperty().get()).isTrue();
        vm.back();
        assertThat(vm.queryProperty().get().name()).isEqualTo("test #0");
        assertThat(vm.resultProperty().get().query().name()).isEqualTo("test #0");
        assertThat(vm.canGoForwardProperty().get()).isTrue();
        vm.forward();
        assertThat(vm.queryProperty().get().name()).isEqualTo("training #7");
        vm.goTest(3);
        assertThat(vm.canGoForwardProperty().get()).isFalse();
    }

    @Test
    void theVoteFollowsKAndTheTieRule() {
        vm.datasetProperty().set(sample);
        vm.goTest(1);
        NeighbourTable t = vm.resultProperty().get().tables().get(Metric.L2);
        vm.kProperty().set(4);
        KnnResult v = vm.vote(Metric.L2);
        int[] counts = new int[10];
        for (int j = 0; j < 4; j++) {
            counts[sample.train().label(t.index(0, j))]++;
        }
        for (int c = 0; c < 10; c++) {
            assertThat(v.tally()[c]).isEqualTo(counts[c]);
        }
        assertThat(v.neighbours()).hasSize(4);
        vm.tieRuleProperty().set(TieRule.UNDECIDED);
        KnnResult u = vm.vote(Metric.L2);
        assertThat(u.predicted() < 0).isEqualTo(u.tie());
    }

    @Test
    void lInfinityRowIsSearchedWhenAskedFor() {
        vm.datasetProperty().set(sample);
        vm.showLinfProperty().set(true);
        assertThat(vm.resultProperty().get().tables()).containsOnlyKeys(Metric.L1, Metric.L2, Metric.LINF);
    }

    @Test
    void changingTheDatasetDropsTheQueryHistory() {
        vm.datasetProperty().set(sample);
        vm.goTest(5);
        Dataset other = new Dataset("other", sample.train().first(100), sample.test().first(10), sample.format(),
                "test");
        vm.datasetProperty().set(other);
        assertThat(vm.canGoBackProperty().get()).isFalse();
        assertThat(vm.resultProperty().get().dataset()).isSameAs(other);
        assertThat(vm.resultProperty().get().tables().get(Metric.L1).k()).isEqualTo(50);
    }

    @Test
    void fashionMnistLoadsAndItsGreyImagesAreQueriedThroughThePrunedIndexExactly() throws Exception {
        java.nio.file.Path fashion = java.nio.file.Path.of("/usr/share/datasets/fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(
                fashion.resolve("train-images-idx3-ubyte.gz")), fashion + " is absent");
        Dataset d = DatasetLoader.load(fashion, org.classifierlab.core.Progress.NONE, () -> false);
        assertThat(d.train().channels()).isEqualTo(1);
        ByteMatrix refs = NeighbourSearch.trainRows(d);
        org.classifierlab.core.knn.PrunedIndex index = org.classifierlab.core.knn.PrunedIndex.build(refs, 1, 28, 28,
                org.classifierlab.core.Progress.NONE, () -> false);
        vm.datasetProperty().set(d);
        vm.useSearch(d, index::nearest);
        vm.goTest(17);
        ImageNeighboursViewModel.Result r = vm.resultProperty().get();
        assertThat(r.indexed()).isTrue();
        byte[] row = Query.test(d, 17).pixels();
        for (Metric m : new Metric[] {Metric.L1, Metric.L2}) {
            assertThat(r.tables().get(m)).isEqualTo(DistanceEngine.nearest(new ByteMatrix(row, 1, row.length), refs,
                    DistanceEngine.Options.of(50, m)));
        }
        assertThat(errors).isEmpty();
    }
}
