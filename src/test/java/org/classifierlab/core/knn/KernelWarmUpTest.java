package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The start-up warm-up: runs every metric through brute force and a pruned index, and stops when asked. */
class KernelWarmUpTest {

    @Test
    void itsImagesAreSmoothPhotoLikeFieldsNotUniformNoise() {
        ByteMatrix m = KernelWarmUp.photoLike(20, 3, 32, 32, new Random(1));
        assertThat(m.rows()).isEqualTo(20);
        assertThat(m.cols()).isEqualTo(3 * 32 * 32);
        // Neighbouring pixels differ by far less than uniform noise would (mean |Δ| ≈ 85), so the block bounds prune.
        double sum = 0;
        int n = 0;
        for (int r = 0; r < m.rows(); r++) {
            for (int j = 0; j + 1 < m.cols(); j++) {
                if ((j + 1) % 32 != 0) {
                    sum += Math.abs(m.get(r, j) - m.get(r, j + 1));
                    n++;
                }
            }
        }
        assertThat(sum / n).isBetween(3.0, 30.0);
    }

    @Test
    void runsOnColourAndGreyShapes() {
        assertThatCode(() -> KernelWarmUp.run(3, 32, 32, () -> false)).doesNotThrowAnyException();
        assertThatCode(() -> KernelWarmUp.run(1, 28, 28, () -> false)).doesNotThrowAnyException();
    }

    @Test
    void aCancelledWarmUpStopsAtTheNextCheckWithoutThrowing() {
        AtomicInteger asked = new AtomicInteger();
        assertThatCode(() -> KernelWarmUp.run(3, 32, 32, () -> asked.incrementAndGet() > 3))
                .doesNotThrowAnyException();
        int whenStopped = asked.get();
        assertThat(whenStopped).isGreaterThan(3);
        AtomicInteger never = new AtomicInteger();
        KernelWarmUp.run(3, 32, 32, () -> never.incrementAndGet() > 0);
        assertThat(never.get()).as("cancelled before it starts: asked once").isEqualTo(1);
    }
}
