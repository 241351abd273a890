package org.classifierlab.core.linear.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.classifierlab.core.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Both losses on real CIFAR-10 rows against the independent NumPy script
 * {@code docs/verification/linear_images_reference.py}, whose output these expected values are
 * ({@code python3 docs/verification/linear_images_reference.py ../shared/data/cifar-10-batches-bin}, numpy 2.4.6):
 * the first 20 images of data_batch_1 minus the mean of its first 1,000, bias trick,
 * {@code W[j][c] = 1e−4 · (((7j + 13c) mod 17) − 8)}, reg 0.1. Ours runs in float32, the script in float64.
 * Also the assignments' sanity checks on real rows.
 */
class ImageLossesReferenceTest {

    private static final double RELATIVE = 1e-5;

    private static LinearImageData data() {
        Dataset d = RealRows.batch1();
        return LinearImageData.prepare(d.train().first(1001), d.test().first(1), new SplitSizes(1000, 1, 1, 1), true, 0);
    }

    private static LinearImageModel fixedW() {
        int c = 10;
        int dim = 3073;
        float[] w = new float[c * dim];
        for (int k = 0; k < c; k++) {
            for (int j = 0; j < dim; j++) {
                w[k * dim + j] = (float) (1e-4 * (((7 * j + 13 * k) % 17) - 8));
            }
        }
        return LinearImageModel.of(c, dim, true, w, null);
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(RELATIVE * Math.abs(expected)));
    }

    @Test
    void theRowsAreThoseOfTheScript() {
        Split train = data().train();
        assertThat(java.util.Arrays.copyOf(train.y(), 20)).containsExactly(6, 9, 9, 4, 1, 1, 2, 7, 8, 3, 4, 7, 7, 2,
                9, 9, 9, 3, 2, 6);
        close(train.x()[0], -74.4670029);
        close(train.x()[1], -89.7639999);
        close(train.x()[2], -83.7030029);
        assertThat(train.x()[3072]).isEqualTo(1f);
        double[] s = fixedW().scores(train.row(0));
        double[] expected = {0.0818900297, 0.114417695, 0.0961035112, -0.231979619, -0.271159551, 0.422489666,
            -0.00273666794, -0.0473992004, -0.0262290237, -0.0718928591};
        for (int k = 0; k < 10; k++) {
            // scores are sums of ±0.1 terms that cancel to ~0.1: compare against the terms' scale
            assertThat(s[k]).isCloseTo(expected[k], within(2e-5));
        }
    }

    @Test
    void svmLossAndGradientMatchTheScript() {
        check(ImageLoss.SVM, 9.57417318525, 0.000737560995882, 8097.52925886,
                new double[] {-22408.5554, 46114.2999, 32826.3554, 98925.2999, 107255.8, -26648.8107, 1976.29994,
                    -77940.1446, -74068.2556, -86032.2891},
                new double[] {-10.9438108, -12.1258199, 48.9498601, -23.1799192, -29.6715193, 0.95016, -0.50006});
    }

    @Test
    void softmaxLossAndGradientMatchTheScript() {
        check(ImageLoss.SOFTMAX, 2.41048074281, 0.000737560995882, 822.989533281,
                new double[] {-2529.96305, 4521.7638, 3038.30883, 9608.86165, 10874.8701, -2473.53709, 646.054653,
                    -8260.68215, -7558.97202, -7866.70499},
                new double[] {-1.5044517, -1.47469828, 4.62145294, -2.39236159, -2.396979, 0.112353734, -0.0409267785});
    }

    private static void check(ImageLoss loss, double data, double reg, double norm, double[] columnSums,
                              double[] entries) {
        Split train = data().train();
        LossGradient g = ImageLosses.compute(loss, fixedW(), train.x(), train.y(), 20, 0.1);
        close(g.dataLoss(), data);
        close(g.regLoss(), reg);
        close(g.loss(), data + reg);
        double sq = 0;
        double[] sums = new double[10];
        for (int k = 0; k < 10; k++) {
            for (int j = 0; j < 3073; j++) {
                double v = g.gradW()[k * 3073 + j];
                sq += v * v;
                sums[k] += v;
            }
        }
        close(Math.sqrt(sq), norm);
        for (int k = 0; k < 10; k++) {
            // a sum of 3,073 float32 entries of either sign: a looser bound than single entries
            assertThat(sums[k]).isCloseTo(columnSums[k], within(1e-4 * Math.abs(columnSums[k])));
        }
        int[][] at = {{0, 0}, {1, 0}, {1000, 3}, {2047, 5}, {3071, 9}, {3072, 0}, {3072, 7}};
        for (int e = 0; e < at.length; e++) {
            close(g.gradW()[at[e][1] * 3073 + at[e][0]], entries[e]);
        }
        close(g.gradB()[7], entries[6]);
    }

    @Test
    void atWNearZeroTheLossesAreCMinusOneAndLnC() {
        LinearImageData data = data();
        LinearImageModel w0 = LinearImageModel.initial(10, 3073, true, 0);
        // svm.ipynb / softmax.ipynb sanity checks: with W ≈ 0 every margin is ≈ Δ = 1, so the SVM loss is
        // ≈ C − 1 = 9, and every class has probability ≈ 1/10, so the softmax loss is ≈ −log(0.1) = 2.303
        LossGradient svm = ImageLosses.compute(ImageLoss.SVM, w0, data.train(), 0);
        LossGradient softmax = ImageLosses.compute(ImageLoss.SOFTMAX, w0, data.train(), 0);
        // (the margins spread around Δ by the scores' spread: W·x of 3,072 strongly correlated pixels is ~±0.5 here,
        // which lifts the mean hinge a little above 9; 9.65 on these rows)
        assertThat(svm.loss()).isCloseTo(9, within(1.0));
        assertThat(softmax.loss()).isCloseTo(Math.log(10), within(0.1));
    }

    @Test
    void theGradientCheckPassesOnTheDevSetAndCatchesAWrongGradient() {
        Dataset d = RealRows.batch1();
        LinearImageData data = LinearImageData.prepare(d.train(), d.test(),
                SplitSizes.forDataset(d.train().size(), d.test().size()), true, 0);
        LinearImageModel w0 = LinearImageModel.initial(10, data.dim(), true, 0);
        double reg = 5e1;
        for (ImageLoss loss : ImageLoss.values()) {
            GradientCheckResult ok = ImageLosses.gradientCheck(loss, w0, data.dev(), reg, 10, 1);
            assertThat(ok.verdict().passes()).as("%s: %s", loss, ok.entries()).isTrue();
            // the web demo's slip: regularisation gradient reg·W instead of 2·reg·W
            LossGradient right = ImageLosses.compute(loss, w0, data.dev(), reg);
            float[] wrong = right.gradW().clone();
            float[] w = w0.weights();
            for (int i = 0; i < wrong.length; i++) {
                wrong[i] -= (float) (reg * w[i]);
            }
            GradientCheckResult bad = ImageLosses.gradientCheck(loss, w0, data.dev(), reg, 10, 1,
                    new LossGradient(right.loss(), right.dataLoss(), right.regLoss(), wrong, right.gradB()));
            assertThat(bad.verdict().passes()).as("%s with reg·W: %s", loss, bad.maxRelativeError()).isFalse();
        }
    }
}
