package org.classifierlab.core.linear.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cancellation, snapshots, the bias trick, ranking and refused settings, on the bundled sample. */
class TrainingBehaviourTest {

    private static LinearImageData trick;
    private static LinearImageData separate;

    @BeforeAll
    static void load() throws Exception {
        Dataset d = DatasetLoader.loadSample();
        SplitSizes sizes = SplitSizes.forDataset(d.train().size(), d.test().size());
        trick = LinearImageData.prepare(d.train(), d.test(), sizes, true, 0);
        separate = LinearImageData.prepare(d.train(), d.test(), sizes, false, 0);
    }

    @Test
    void cancellingStopsAtOnceAndKeepsTheModelSoFar() {
        AtomicInteger checks = new AtomicInteger();
        TrainResult r = SgdTrainer.train(trick, LinearImageModel.initial(10, trick.dim(), true, 0),
                TrainConfig.defaults(ImageLoss.SVM), null, 0, () -> checks.incrementAndGet() > 7);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.iterationsDone()).isEqualTo(7);
        assertThat(r.lossHistory()).hasSize(7);
        TrainResult seven = SgdTrainer.train(trick, LinearImageModel.initial(10, trick.dim(), true, 0),
                TrainConfig.defaults(ImageLoss.SVM).withIterations(7), null, 0, null);
        assertThat(r.model().weights()).containsExactly(seven.model().weights());
    }

    @Test
    void snapshotsComeAtTheBoundedRateAndOnceAtTheEnd() {
        List<TrainSnapshot> snaps = new ArrayList<>();
        SgdTrainer.train(trick, LinearImageModel.initial(10, trick.dim(), true, 0),
                TrainConfig.defaults(ImageLoss.SOFTMAX).withIterations(40), snaps::add, Long.MAX_VALUE, null);
        assertThat(snaps).hasSize(1);
        TrainSnapshot last = snaps.get(0);
        assertThat(last.iteration()).isEqualTo(40);
        assertThat(last.lossHistory()).hasSize(40);
        assertThat(last.loss()).isEqualTo(last.lossHistory()[39]);
        snaps.clear();
        SgdTrainer.train(trick, LinearImageModel.initial(10, trick.dim(), true, 0),
                TrainConfig.defaults(ImageLoss.SOFTMAX).withIterations(40), snaps::add, 0, null);
        assertThat(snaps).extracting(TrainSnapshot::iteration).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, 40).boxed().toArray(Integer[]::new));
        // each snapshot is a copy: the first still holds the weights after one step
        assertThat(snaps.get(0).model().weights()).isNotEqualTo(snaps.get(39).model().weights());
    }

    @Test
    void theBiasTrickAndASeparateBiasGiveTheSameScores() {
        float[] w = LinearImageModel.initial(10, trick.dim(), true, 3).weights();
        float[] pixels = new float[10 * separate.dim()];
        float[] b = new float[10];
        for (int c = 0; c < 10; c++) {
            System.arraycopy(w, c * trick.dim(), pixels, c * separate.dim(), separate.dim());
            b[c] = w[c * trick.dim() + trick.dim() - 1] + 0.5f * c;
            w[c * trick.dim() + trick.dim() - 1] = b[c];
        }
        LinearImageModel withTrick = LinearImageModel.of(10, trick.dim(), true, w, null);
        LinearImageModel withB = LinearImageModel.of(10, separate.dim(), false, pixels, b);
        assertThat(withTrick.bias()).containsExactly(b);
        double[][] s1 = withTrick.scores(trick.test());
        double[][] s2 = withB.scores(separate.test());
        for (int i = 0; i < s1.length; i++) {
            assertThat(s1[i]).containsExactly(s2[i], within(1e-5));
        }
        assertThat(withTrick.predict(trick.test())).containsExactly(withB.predict(separate.test()));
        // the losses agree but for the regularisation of the bias, which only the bias trick regularises
        for (ImageLoss loss : ImageLoss.values()) {
            LossGradient a = ImageLosses.compute(loss, withTrick, trick.dev(), 1.0);
            LossGradient c = ImageLosses.compute(loss, withB, separate.dev(), 1.0);
            assertThat(a.dataLoss()).isCloseTo(c.dataLoss(), within(1e-5 * a.dataLoss()));
            double biasSq = 0;
            for (float v : b) {
                biasSq += (double) v * v;
            }
            assertThat(a.regLoss() - c.regLoss()).isCloseTo(biasSq, within(1e-9));
            for (int k = 0; k < 10; k++) {
                assertThat((double) a.gradB()[k]).isCloseTo(c.gradB()[k] + 2 * b[k], within(1e-4));
            }
        }
    }

    @Test
    void templateRankingListsTheHighestAndLowestScoringRows() {
        LinearImageModel m = SgdTrainer.train(trick, LinearImageModel.initial(10, trick.dim(), true, 0),
                TrainConfig.defaults(ImageLoss.SVM).withIterations(100), null, 0, null).model();
        double[][] s = m.scores(trick.train());
        int[] top = TemplateRanking.highest(m, trick.train(), 6, 8);
        int[] bottom = TemplateRanking.lowest(m, trick.train(), 6, 8);
        assertThat(top).hasSize(8).doesNotHaveDuplicates();
        for (int i = 1; i < 8; i++) {
            assertThat(s[top[i - 1]][6]).isGreaterThanOrEqualTo(s[top[i]][6]);
            assertThat(s[bottom[i - 1]][6]).isLessThanOrEqualTo(s[bottom[i]][6]);
        }
        for (double[] row : s) {
            assertThat(row[6]).isLessThanOrEqualTo(s[top[0]][6]).isGreaterThanOrEqualTo(s[bottom[0]][6]);
        }
        // the frog template likes frogs: of its top 20 training images, far more are frogs than the 2 of chance
        long frogs = java.util.Arrays.stream(TemplateRanking.highest(m, trick.train(), 6, 20))
                .filter(i -> trick.train().y()[i] == 6).count();
        assertThat(frogs).isGreaterThanOrEqualTo(5);
        assertThat(TemplateRanking.highest(m, trick.train(), 6, 0)).isEmpty();
    }

    @Test
    void absurdSettingsAreRefusedWithAReason() {
        assertThatThrownBy(() -> TrainConfig.defaults(ImageLoss.SVM).withLearningRate(-1e-7))
                .hasMessageContaining("the learning rate must be > 0");
        assertThatThrownBy(() -> TrainConfig.defaults(ImageLoss.SVM).withLearningRate(Double.NaN))
                .hasMessageContaining("the learning rate must be > 0");
        assertThatThrownBy(() -> TrainConfig.defaults(ImageLoss.SVM).withReg(-1))
                .hasMessageContaining("regularisation strength must be ≥ 0");
        assertThatThrownBy(() -> TrainConfig.defaults(ImageLoss.SVM).withBatchSize(0))
                .hasMessageContaining("the batch size must be between 1 and 100,000, was 0");
        assertThatThrownBy(() -> TrainConfig.defaults(ImageLoss.SVM).withIterations(2_000_000_000))
                .hasMessageContaining("the iterations must be between 1 and 1,000,000");
        assertThatThrownBy(() -> SgdTrainer.train(trick, LinearImageModel.initial(10, 7, true, 0),
                TrainConfig.defaults(ImageLoss.SVM), null, 0, null)).hasMessageContaining("3073 columns, the model 7");
        assertThatThrownBy(() -> new SplitSizes(10, 1, 1, 11)).hasMessageContaining("dev set (11)");
    }
}
