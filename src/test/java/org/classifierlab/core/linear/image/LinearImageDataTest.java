package org.classifierlab.core.linear.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.junit.jupiter.api.Test;

class LinearImageDataTest {

    @Test
    void theAssignmentsSplitsAndTheSamplesProportionalOnes() {
        assertThat(SplitSizes.forDataset(50_000, 10_000)).isEqualTo(new SplitSizes(49_000, 1_000, 1_000, 500));
        assertThat(SplitSizes.assignments().describe()).isEqualTo("49,000 train · 1,000 validation · 1,000 test · 500 dev");
        assertThat(SplitSizes.forDataset(5_000, 500).describe()).isEqualTo("4,900 train · 100 validation · 500 test · 500 dev");
        assertThat(SplitSizes.forDataset(60_000, 10_000)).isEqualTo(SplitSizes.assignments());
        assertThat(SplitSizes.forDataset(10, 3)).isEqualTo(new SplitSizes(9, 1, 3, 9));
        assertThatThrownBy(() -> SplitSizes.forDataset(1, 10)).hasMessageContaining("at least 2 training images");
    }

    @Test
    void theSampleIsCutCentredAndGivenABiasColumn() throws Exception {
        Dataset d = DatasetLoader.loadSample();
        SplitSizes sizes = SplitSizes.forDataset(d.train().size(), d.test().size());
        LinearImageData data = LinearImageData.prepare(d.train(), d.test(), sizes, true, 0);
        assertThat(data.dim()).isEqualTo(3073);
        assertThat(data.pixelDim()).isEqualTo(3072);
        assertThat(data.train().n()).isEqualTo(4900);
        assertThat(data.validation().sourceIndex()[0]).isEqualTo(4900);
        assertThat(data.test().fromTestSet()).isTrue();
        assertThat(data.dev().n()).isEqualTo(500);
        // the mean of the training split is subtracted: each column of the training rows sums to ~0
        double col = 0;
        for (int i = 0; i < data.train().n(); i++) {
            col += data.train().x()[i * 3073 + 100];
        }
        assertThat(col / data.train().n()).isCloseTo(0, within(1e-4));
        assertThat(data.train().x()[3072]).isEqualTo(1f);
        // a row is the raw image minus the mean
        float[] row = data.row(d.test(), 7);
        assertThat(row).containsExactly(data.test().row(7));
        assertThat(row[5]).isCloseTo((d.test().pixelsShared()[7 * 3072 + 5] & 0xFF) - data.mean()[5], within(1e-4f));
        // dev rows are copies of training rows
        int src = data.dev().sourceIndex()[3];
        assertThat(data.dev().row(3)).containsExactly(data.train().row(src));
    }
}
