package org.classifierlab.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TsneTest {

    private static final int CLUSTERS = 4;
    private static final int PER_CLUSTER = 60;
    private static final int DIM = 10;

    /** Four Gaussian clusters (σ = 1) with centres 20 apart along different axes of 10-D space. */
    private static float[] clusters(long seed) {
        Random random = new Random(seed);
        float[] x = new float[CLUSTERS * PER_CLUSTER * DIM];
        for (int i = 0; i < CLUSTERS * PER_CLUSTER; i++) {
            int c = i / PER_CLUSTER;
            for (int p = 0; p < DIM; p++) {
                x[i * DIM + p] = (float) ((p == c ? 20 : 0) + random.nextGaussian());
            }
        }
        return x;
    }

    private static Tsne.Options fast() {
        return Tsne.Options.defaults().withIterations(400, 100);
    }

    @Test
    void wellSeparatedClustersStayTogetherInTheMap() {
        int n = CLUSTERS * PER_CLUSTER;
        Tsne.Result r = Tsne.run(clusters(1), n, DIM, fast());
        assertThat(r.size()).isEqualTo(n);
        assertThat(knnPreservation(r.xy(), n, 10)).isGreaterThan(0.97);
        assertThat(r.klDivergence()).isPositive().isLessThan(2);
    }

    @Test
    void theSameSeedGivesTheSameMapAndAnotherSeedAnother() {
        int n = CLUSTERS * PER_CLUSTER;
        float[] x = clusters(2);
        double[] a = Tsne.run(x, n, DIM, fast().withSeed(7)).xy();
        double[] b = Tsne.run(x, n, DIM, fast().withSeed(7)).xy();
        double[] c = Tsne.run(x, n, DIM, fast().withSeed(8)).xy();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void cancellingThrowsAndSnapshotsArriveBeforeThat() {
        int n = CLUSTERS * PER_CLUSTER;
        List<Integer> seen = new ArrayList<>();
        AtomicInteger iterations = new AtomicInteger();
        assertThatThrownBy(() -> Tsne.run(clusters(3), n, DIM, fast()
                .withSnapshots(0, (iteration, xy) -> {
                    assertThat(xy).hasSize(2 * n);
                    seen.add(iteration);
                })
                .withProgress((done, total, message) -> {
                    if (message.startsWith("t-SNE: iteration")) {
                        iterations.set((int) done);
                    }
                })
                .withCancellation(() -> iterations.get() >= 20)))
                .isInstanceOf(CancellationException.class);
        assertThat(iterations.get()).isEqualTo(20);
        assertThat(seen).startsWith(1, 2, 3).hasSize(20);
    }

    @Test
    void perplexityIsMatchedByTheBinarySearch() {
        Random random = new Random(4);
        double[] d2 = new double[90];
        for (int j = 0; j < d2.length; j++) {
            d2[j] = 50 + 400 * random.nextDouble();
        }
        double[] p = Affinities.conditionalRow(d2, 30);
        double entropy = 0;
        double sum = 0;
        for (double v : p) {
            sum += v;
            if (v > 0) {
                entropy -= v * Math.log(v);
            }
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        assertThat(Math.exp(entropy)).isCloseTo(30, within(1e-3));
    }

    @Test
    void affinitiesAreSymmetricAndSumToOne() {
        int n = CLUSTERS * PER_CLUSTER;
        Affinities p = Affinities.of(clusters(5), n, DIM, 10, (a, b, c) -> { }, () -> false);
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                total += p.values[e];
                assertThat(p.columns[e]).isNotEqualTo(i);
                assertThat(entry(p, p.columns[e], i)).isCloseTo(p.values[e], within(1e-15));
            }
        }
        assertThat(total).isCloseTo(1, within(1e-9));
    }

    @Test
    void exactGradientMatchesFiniteDifferencesOfTheKlDivergence() {
        int n = 7;
        Random random = new Random(6);
        float[] x = new float[n * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        Affinities p = Affinities.of(x, n, 3, 2, (a, b, c) -> { }, () -> false);
        double[] y = new double[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian();
        }
        double[] g = new double[2 * n];
        Tsne.gradient(p, y, 1, 0, g);
        double h = 1e-6;
        for (int c = 0; c < 2 * n; c++) {
            double[] plus = y.clone();
            double[] minus = y.clone();
            plus[c] += h;
            minus[c] -= h;
            double numeric = (kl(p, plus) - kl(p, minus)) / (2 * h);
            assertThat(g[c]).as("coordinate %d", c).isCloseTo(numeric, within(1e-6 + 1e-5 * Math.abs(numeric)));
        }
    }

    @Test
    void barnesHutGradientIsCloseToTheExactOne() {
        int n = CLUSTERS * PER_CLUSTER;
        Affinities p = Affinities.of(clusters(7), n, DIM, 20, (a, b, c) -> { }, () -> false);
        Random random = new Random(8);
        double[] y = new double[2 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = 5 * random.nextGaussian();
        }
        double[] exact = new double[2 * n];
        double[] approx = new double[2 * n];
        double zExact = Tsne.gradient(p, y, 1, 0, exact);
        double zApprox = Tsne.gradient(p, y, 1, 0.5, approx);
        assertThat(zApprox).isCloseTo(zExact, within(0.01 * zExact));
        double diff = 0;
        double norm = 0;
        for (int c = 0; c < 2 * n; c++) {
            diff += (exact[c] - approx[c]) * (exact[c] - approx[c]);
            norm += exact[c] * exact[c];
        }
        assertThat(Math.sqrt(diff / norm)).isLessThan(0.05);
        double[] tight = new double[2 * n];
        Tsne.gradient(p, y, 1, 0.05, tight);
        double tightDiff = 0;
        for (int c = 0; c < 2 * n; c++) {
            tightDiff += (exact[c] - tight[c]) * (exact[c] - tight[c]);
        }
        assertThat(Math.sqrt(tightDiff / norm)).isLessThan(Math.sqrt(diff / norm) + 1e-12).isLessThan(1e-3);
    }

    @Test
    void aPerplexityAsLargeAsTheDataIsRefused() {
        assertThatThrownBy(() -> Tsne.run(new float[20], 10, 2, Tsne.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perplexity");
    }

    /** KL(P ‖ Q) with Z summed exactly over all pairs. */
    private static double kl(Affinities p, double[] y) {
        int n = p.n;
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    z += 1 / (1 + dx * dx + dy * dy);
                }
            }
        }
        return Tsne.klDivergence(p, y, z);
    }

    private static double entry(Affinities p, int i, int j) {
        for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
            if (p.columns[e] == j) {
                return p.values[e];
            }
        }
        return 0;
    }

    /** Share of each point's k nearest map neighbours that come from its own cluster. */
    static double knnPreservation(double[] xy, int n, int k) {
        int same = 0;
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                double dx = xy[2 * i] - xy[2 * j];
                double dy = xy[2 * i + 1] - xy[2 * j + 1];
                d[j] = j == i ? Double.POSITIVE_INFINITY : dx * dx + dy * dy;
                order[j] = j;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
            for (int t = 0; t < k; t++) {
                if (order[t] / PER_CLUSTER == i / PER_CLUSTER) {
                    same++;
                }
            }
        }
        return (double) same / (n * k);
    }
}
