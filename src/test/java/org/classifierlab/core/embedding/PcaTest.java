package org.classifierlab.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.classifierlab.core.knn.Permutation;
import org.junit.jupiter.api.Test;

class PcaTest {

    private static final double EPS = 1e-4;

    @Test
    void pointsOnALineNeedOneComponent() {
        // 31 rows (10, 20, 30) + t · (1, 2, 2), t = 0 … 30: the line's direction is (1, 2, 2) / 3.
        int n = 31;
        byte[] px = new byte[n * 3];
        for (int t = 0; t < n; t++) {
            px[3 * t] = (byte) (10 + t);
            px[3 * t + 1] = (byte) (20 + 2 * t);
            px[3 * t + 2] = (byte) (30 + 2 * t);
        }
        PcaModel pca = Pca.fit(px, 3, Permutation.identity(n), Pca.Options.of(3));
        assertThat(pca.components()).isEqualTo(3);
        assertThat(pca.explainedVarianceRatio(0)).isCloseTo(1, within(1e-6));
        assertThat(pca.explainedVarianceRatio(1)).isCloseTo(0, within(1e-6));
        double[] axis = pca.axis(0);
        double sign = Math.signum(axis[0]);
        assertThat(sign * axis[0]).isCloseTo(1 / 3.0, within(EPS));
        assertThat(sign * axis[1]).isCloseTo(2 / 3.0, within(EPS));
        assertThat(sign * axis[2]).isCloseTo(2 / 3.0, within(EPS));
        // variance of t · |(1, 2, 2)| = 3t over t = 0 … 30 (population): 9 · (31² − 1) / 12 = 720
        assertThat(pca.variance(0)).isCloseTo(720, within(1e-3));
        assertThat(pca.totalVariance()).isCloseTo(720, within(1e-3));
        assertThat(pca.mean()).containsExactly(new double[] {25, 50, 60}, within(1e-12));
        assertOrthonormal(pca);
        // one coordinate reconstructs every row
        for (int t = 0; t < n; t++) {
            double[] row = {10 + t, 20 + 2 * t, 30 + 2 * t};
            double[] c = pca.project(row);
            double[] back = pca.reconstruct(new double[] {c[0], 0, 0});
            assertThat(back).containsExactly(row, within(1e-3));
            assertThat(c[0]).isCloseTo(sign * 3 * (t - 15), within(1e-3));
        }
    }

    @Test
    void axisAlignedSpreadGivesTheAxesAndTheirVariances() {
        // x takes 0, 10, …, 100 and y 0, 2, 4, 6 in a full grid; the third column is constant.
        int n = 11 * 4;
        byte[] px = new byte[n * 3];
        int r = 0;
        for (int i = 0; i <= 10; i++) {
            for (int j = 0; j < 4; j++) {
                px[3 * r] = (byte) (10 * i);
                px[3 * r + 1] = (byte) (2 * j);
                px[3 * r + 2] = 77;
                r++;
            }
        }
        PcaModel pca = Pca.fit(px, 3, Permutation.identity(n), Pca.Options.of(2));
        assertThat(pca.components()).isEqualTo(2);
        assertThat(Math.abs(pca.axis(0)[0])).isCloseTo(1, within(EPS));
        assertThat(Math.abs(pca.axis(1)[1])).isCloseTo(1, within(EPS));
        // population variances: x = 10 · (0 … 10) → 100 · 10; y = 2 · (0 … 3) → 4 · 1.25
        assertThat(pca.variance(0)).isCloseTo(1000, within(1e-3));
        assertThat(pca.variance(1)).isCloseTo(5, within(1e-4));
        assertThat(pca.explainedVarianceRatio()).isCloseTo(1, within(1e-9));
    }

    @Test
    void allComponentsReconstructEveryRowAndVariancesSumToTheTotal() {
        Random random = new Random(3);
        int n = 120;
        int dim = 30;
        byte[] px = new byte[n * dim];
        random.nextBytes(px);
        PcaModel pca = Pca.fit(px, dim, Permutation.identity(n), Pca.Options.of(dim));
        assertThat(pca.components()).isEqualTo(dim);
        assertOrthonormal(pca);
        double sum = 0;
        for (int c = 0; c < dim; c++) {
            sum += pca.variance(c);
            if (c > 0) {
                assertThat(pca.variance(c)).isLessThanOrEqualTo(pca.variance(c - 1) + 1e-9);
            }
        }
        assertThat(sum).isCloseTo(pca.totalVariance(), within(1e-4 * sum));
        for (int i = 0; i < n; i += 17) {
            double[] row = new double[dim];
            for (int p = 0; p < dim; p++) {
                row[p] = px[i * dim + p] & 0xFF;
            }
            assertThat(pca.reconstruct(pca.project(row))).containsExactly(row, within(1e-2));
        }
    }

    @Test
    void subspaceIterationFindsTheTopEigenpairsOfTheFullCovariance() {
        // 400 rows of 100 values driven by 8 latent factors of decaying size plus noise: the block (5 + 16)
        // is far smaller than the dimension, so this exercises the iteration, checked against Jacobi on C.
        Random random = new Random(11);
        int n = 400;
        int dim = 100;
        double[][] factors = new double[8][dim];
        for (double[] f : factors) {
            for (int p = 0; p < dim; p++) {
                f[p] = random.nextGaussian();
            }
        }
        byte[] px = new byte[n * dim];
        for (int i = 0; i < n; i++) {
            double[] row = new double[dim];
            for (int f = 0; f < 8; f++) {
                double a = random.nextGaussian() * 12 / (f + 1);
                for (int p = 0; p < dim; p++) {
                    row[p] += a * factors[f][p];
                }
            }
            for (int p = 0; p < dim; p++) {
                px[i * dim + p] = (byte) Math.max(0, Math.min(255, Math.round(128 + row[p] + 3 * random.nextGaussian())));
            }
        }
        PcaModel pca = Pca.fit(px, dim, Permutation.identity(n), Pca.Options.of(5).withCovarianceRows(0));
        double[] mean = pca.mean();
        double[][] cov = new double[dim][dim];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dim; a++) {
                double xa = (px[i * dim + a] & 0xFF) - mean[a];
                for (int b = a; b < dim; b++) {
                    cov[a][b] += xa * ((px[i * dim + b] & 0xFF) - mean[b]) / n;
                }
            }
        }
        SymmetricEigen exact = SymmetricEigen.of(cov);
        for (int c = 0; c < 5; c++) {
            assertThat(pca.variance(c)).isCloseTo(exact.value(c), within(1e-4 * exact.value(0)));
            double[] u = exact.vector(c);
            double[] v = pca.axis(c);
            double dot = 0;
            for (int p = 0; p < dim; p++) {
                dot += u[p] * v[p];
            }
            assertThat(Math.abs(dot)).isCloseTo(1, within(1e-3));
        }
        assertOrthonormal(pca);
    }

    @Test
    void aSeededSampleGivesTheSameModelAndProjectionAgrees() {
        Random random = new Random(5);
        int n = 300;
        int dim = 48;
        byte[] px = new byte[n * dim];
        random.nextBytes(px);
        int[] rows = Permutation.identity(n);
        Pca.Options options = Pca.Options.of(4).withCovarianceRows(100).withSeed(9);
        PcaModel a = Pca.fit(px, dim, rows, options);
        PcaModel b = Pca.fit(px, dim, rows, options);
        assertThat(a.sampleRows()).isEqualTo(100);
        for (int c = 0; c < 4; c++) {
            assertThat(a.axis(c)).containsExactly(b.axis(c));
        }
        float[] projected = a.project(px, new int[] {7, 8}, () -> false);
        double[] row = new double[dim];
        for (int p = 0; p < dim; p++) {
            row[p] = px[8 * dim + p] & 0xFF;
        }
        double[] expected = a.project(row);
        for (int c = 0; c < 4; c++) {
            assertThat((double) projected[4 + c]).isCloseTo(expected[c], within(1e-3));
        }
    }

    @Test
    void cancellationThrows() {
        byte[] px = new byte[200 * 64];
        new Random(1).nextBytes(px);
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> Pca.fit(px, 64, Permutation.identity(200),
                Pca.Options.of(3).withCancellation(() -> polls.incrementAndGet() > 3)))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void rowsOutsideTheArrayAreRefusedWithTheirNumber() {
        assertThatThrownBy(() -> Pca.fit(new byte[30], 3, new int[] {0, 10}, Pca.Options.of(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 10");
    }

    private static void assertOrthonormal(PcaModel pca) {
        for (int a = 0; a < pca.components(); a++) {
            for (int b = a; b < pca.components(); b++) {
                double[] u = pca.axis(a);
                double[] v = pca.axis(b);
                double dot = 0;
                for (int p = 0; p < u.length; p++) {
                    dot += u[p] * v[p];
                }
                assertThat(dot).as("axis %d · axis %d", a, b).isCloseTo(a == b ? 1 : 0, within(1e-9));
            }
        }
    }
}
