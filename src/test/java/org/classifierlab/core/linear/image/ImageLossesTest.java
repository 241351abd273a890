package org.classifierlab.core.linear.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Loss and gradient of both losses against a plain double-precision computation, and the gradient check. */
class ImageLossesTest {

    /** Random rows of odd width (not a multiple of the vector length) and a class count not a multiple of 5. */
    private static Split randomSplit(int n, int dim, int classes, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * 60);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return new Split("random", x, y, n, dim, new int[n], false);
    }

    private static LinearImageModel randomModel(int classes, int dim, boolean biasTrick, long seed) {
        Random r = new Random(seed);
        float[] w = new float[classes * dim];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() * 0.01);
        }
        float[] b = new float[classes];
        for (int k = 0; k < classes && !biasTrick; k++) {
            b[k] = (float) r.nextGaussian();
        }
        return LinearImageModel.of(classes, dim, biasTrick, w, b);
    }

    @Test
    void bothLossesMatchTheDefinitionsInDoublePrecision() {
        // 7 classes × 37 columns: every class and column in the kernels' tails
        check(7, 37, 23);
        // 12 classes × 785 columns (MNIST's 784 grey pixels and the bias): blocks of five classes and four
        // vectors with a class tail, a vector tail and a column tail
        check(12, 785, 9);
    }

    private static void check(int classes, int dim, int rows) {
        for (boolean trick : new boolean[] {true, false}) {
            Split s = randomSplit(rows, dim, classes, 1);
            LinearImageModel m = randomModel(classes, dim, trick, 2);
            for (ImageLoss loss : ImageLoss.values()) {
                double reg = 0.3;
                double[] gw = new double[classes * dim];
                double[] gb = new double[classes];
                double data = 0;
                for (int i = 0; i < s.n(); i++) {
                    double[] sc = new double[classes];
                    for (int k = 0; k < classes; k++) {
                        sc[k] = trick ? 0 : m.bias()[k];
                        for (int j = 0; j < dim; j++) {
                            sc[k] += (double) m.weight(k, j) * s.x()[i * dim + j];
                        }
                    }
                    data += ImageLosses.rowLoss(loss, sc, s.y()[i]);
                    double[] ds = scoreGradient(loss, sc, s.y()[i]);
                    for (int k = 0; k < classes; k++) {
                        gb[k] += ds[k] / s.n();
                        for (int j = 0; j < dim; j++) {
                            gw[k * dim + j] += ds[k] * s.x()[i * dim + j] / s.n();
                        }
                    }
                }
                double sq = 0;
                for (int i = 0; i < gw.length; i++) {
                    float wi = m.weightsShared()[i];
                    sq += (double) wi * wi;
                    gw[i] += 2 * reg * wi;
                }
                LossGradient g = ImageLosses.compute(loss, m, s, reg);
                assertThat(g.dataLoss()).as("%s data loss", loss).isCloseTo(data / s.n(), within(1e-5 * data / s.n()));
                assertThat(g.regLoss()).isCloseTo(reg * sq, within(1e-9));
                assertThat(g.loss()).isCloseTo(g.dataLoss() + g.regLoss(), within(1e-12));
                for (int i = 0; i < gw.length; i++) {
                    assertThat((double) g.gradW()[i]).as("%s dW[%d]", loss, i).isCloseTo(gw[i], within(1e-4));
                }
                for (int k = 0; k < classes; k++) {
                    double expected = trick ? gw[k * dim + dim - 1] : gb[k];
                    assertThat((double) g.gradB()[k]).isCloseTo(expected, within(1e-4));
                }
            }
        }
    }

    private static double[] scoreGradient(ImageLoss loss, double[] s, int y) {
        double[] ds = new double[s.length];
        if (loss == ImageLoss.SVM) {
            for (int k = 0; k < s.length; k++) {
                if (k != y && s[k] - s[y] + 1 > 0) {
                    ds[k] = 1;
                    ds[y] -= 1;
                }
            }
            return ds;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : s) {
            sum += Math.exp(v - max);
        }
        for (int k = 0; k < s.length; k++) {
            ds[k] = Math.exp(s[k] - max) / sum - (k == y ? 1 : 0);
        }
        return ds;
    }

    @Test
    void theGradientCheckPassesForBothLosses() {
        Split dev = randomSplit(50, 41, 10, 3);
        for (boolean trick : new boolean[] {true, false}) {
            LinearImageModel m = randomModel(10, 41, trick, 4);
            for (ImageLoss loss : ImageLoss.values()) {
                GradientCheckResult r = ImageLosses.gradientCheck(loss, m, dev, 2.5e4 * 1e-4, 20, 5);
                assertThat(r.entries()).hasSize(20);
                assertThat(r.verdict().passes()).as("%s, bias trick %s: max error %s", loss, trick,
                        r.maxRelativeError()).isTrue();
            }
        }
    }
}
