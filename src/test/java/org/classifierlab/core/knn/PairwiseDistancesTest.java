package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.classifierlab.core.Progress;
import org.junit.jupiter.api.Test;

/** The test × train distance matrix in chunks, its grey normalisation, exact distances and class order. */
class PairwiseDistancesTest {

    private static ByteMatrix random(int rows, int cols, long seed) {
        byte[] data = new byte[rows * cols];
        new Random(seed).nextBytes(data);
        return new ByteMatrix(data, rows, cols);
    }

    @Test
    void chunkedMatrixEqualsTheExactDistancesOfEveryPair() {
        // 150 queries: three chunks, the last one short
        ByteMatrix q = random(150, 48, 1);
        ByteMatrix r = random(70, 48, 2);
        for (Metric m : Metric.values()) {
            List<Long> done = new ArrayList<>();
            Progress p = (d, total, msg) -> done.add(d);
            PairwiseDistances d = PairwiseDistances.compute(q, r, m, p, () -> false);
            assertThat(done).containsExactly(64L, 128L, 150L);
            assertThat(d.rows()).isEqualTo(150);
            assertThat(d.cols()).isEqualTo(70);
            for (int i = 0; i < 150; i++) {
                for (int j = 0; j < 70; j++) {
                    double exact = PairwiseDistances.exactDistance(q.data(), i, r.data(), j, 48, m);
                    assertThat(d.distance(i, j)).as("%s (%d, %d)", m, i, j).isEqualTo((float) exact);
                }
            }
        }
    }

    @Test
    void greyRunsFromBlackAtTheSmallestToWhiteAtTheLargestDistance() {
        PairwiseDistances d = PairwiseDistances.compute(random(30, 16, 3), random(40, 16, 4), Metric.L1,
                Progress.NONE, () -> false);
        assertThat(d.grey(d.min())).isZero();
        assertThat(d.grey(d.max())).isEqualTo(255);
        float mid = (d.min() + d.max()) / 2;
        assertThat(d.grey(mid)).isBetween(127, 128);
        assertThat(d.grey(0, 0)).isEqualTo((int) Math.round(255.0 * (d.distance(0, 0) - d.min()) / (d.max() - d.min())));
    }

    @Test
    void exactDistancesOfTwoSmallImages() {
        byte[] a = {0, 3, (byte) 255};
        byte[] b = {4, 0, (byte) 250};
        assertThat(PairwiseDistances.exactDistance(a, 0, b, 0, 3, Metric.L1)).isEqualTo(12);
        assertThat(PairwiseDistances.exactDistance(a, 0, b, 0, 3, Metric.L2)).isEqualTo(Math.sqrt(16 + 9 + 25));
        assertThat(PairwiseDistances.exactDistance(a, 0, b, 0, 3, Metric.LINF)).isEqualTo(5);
    }

    @Test
    void classOrderIsStable() {
        assertThat(PairwiseDistances.classOrder(new int[] {2, 0, 1, 0, 2, 1})).containsExactly(1, 3, 2, 5, 0, 4);
    }

    @Test
    void cancellingStopsBeforeTheNextChunk() {
        assertThatThrownBy(() -> PairwiseDistances.compute(random(100, 8, 5), random(10, 8, 6), Metric.L2,
                Progress.NONE, () -> true)).isInstanceOf(CancellationException.class);
    }
}
