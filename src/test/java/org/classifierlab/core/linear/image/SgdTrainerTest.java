package org.classifierlab.core.linear.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.junit.jupiter.api.Test;

class SgdTrainerTest {

    @Test
    void theSameSeedGivesBitIdenticalLossesOnOneAndTwoThreads() throws Exception {
        Dataset d = DatasetLoader.loadSample();
        LinearImageData data = LinearImageData.prepare(d.train(), d.test(),
                SplitSizes.forDataset(d.train().size(), d.test().size()), true, 0);
        for (ImageLoss loss : ImageLoss.values()) {
            TrainConfig cfg = TrainConfig.defaults(loss).withIterations(30);
            LinearImageModel start = LinearImageModel.initial(10, data.dim(), true, 0);
            TrainResult one = SgdTrainer.train(data.train(), start, cfg, null, 0, null, 1);
            TrainResult two = SgdTrainer.train(data.train(), start, cfg, null, 0, null, 2);
            TrainResult again = SgdTrainer.train(data.train(), start, cfg, null, 0, null, 2);
            assertThat(two.lossHistory()).containsExactly(one.lossHistory());
            assertThat(again.lossHistory()).containsExactly(one.lossHistory());
            assertThat(two.model().weights()).containsExactly(one.model().weights());
        }
    }

    @Test
    void aShortRunOnTheSampleBeatsChanceClearly() throws Exception {
        Dataset d = DatasetLoader.loadSample();
        LinearImageData data = LinearImageData.prepare(d.train(), d.test(),
                SplitSizes.forDataset(d.train().size(), d.test().size()), true, 0);
        List<TrainSnapshot> snaps = new ArrayList<>();
        for (ImageLoss loss : ImageLoss.values()) {
            TrainConfig cfg = TrainConfig.defaults(loss).withIterations(300);
            TrainResult r = SgdTrainer.train(data, LinearImageModel.initial(10, data.dim(), true, 0), cfg,
                    snaps::add, 0, null);
            assertThat(r.iterationsDone()).isEqualTo(300);
            assertThat(r.cancelled()).isFalse();
            // chance is 0.10 on ten balanced classes
            assertThat(r.model().accuracy(data.test())).as("%s test accuracy", loss).isBetween(0.2, 0.45);
            assertThat(r.lossHistory()[299]).isLessThan(r.lossHistory()[0]);
        }
        assertThat(snaps).hasSize(600);
    }
}
