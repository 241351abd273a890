package org.classifierlab.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.classifierlab.core.data.ImageDataset;
import org.junit.jupiter.api.Test;

class ImageEmbeddingTest {

    /** 3 classes of 4×4 grey images: dark, mid and bright with noise, 40 each, interleaved. */
    private static ImageDataset threeBrightnesses() {
        Random random = new Random(2);
        int n = 120;
        byte[] px = new byte[n * 16];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int p = 0; p < 16; p++) {
                px[i * 16 + p] = (byte) Math.max(0, Math.min(255, 40 + 85 * labels[i] + (int) (8 * random.nextGaussian())));
            }
        }
        return new ImageDataset("three", 1, 4, 4, px, labels, List.of("dark", "mid", "bright"), "test");
    }

    @Test
    void mapsAllImagesWhenThereAreFewAndGroupsTheirClasses() {
        ImageDataset images = threeBrightnesses();
        AtomicInteger snapshots = new AtomicInteger();
        AtomicLong lastProgress = new AtomicLong();
        ImageEmbedding map = ImageEmbedding.compute(images, ImageEmbedding.Settings.of(500).withPerplexity(10)
                        .withIterations(300), (indices, xy) -> snapshots.incrementAndGet(),
                (done, total, message) -> {
                    assertThat(done).isGreaterThanOrEqualTo(lastProgress.get()).isLessThanOrEqualTo(total);
                    lastProgress.set(done);
                }, () -> false);
        assertThat(map.size()).isEqualTo(120);
        assertThat(map.indices()).startsWith(0, 1, 2).endsWith(119);
        assertThat(map.components()).isEqualTo(16);
        assertThat(map.explained()).isCloseTo(1, within(1e-6));
        assertThat(map.classAgreement(images, 5)).isGreaterThan(0.95);
        assertThat(lastProgress.get()).isEqualTo(1000);
    }

    @Test
    void aSubsetIsSeededAndSorted() {
        int[] a = ImageEmbedding.chooseImages(5000, 300, 4);
        assertThat(a).hasSize(300).isSorted().doesNotHaveDuplicates().containsExactly(ImageEmbedding.chooseImages(5000, 300, 4));
        assertThat(a).isNotEqualTo(ImageEmbedding.chooseImages(5000, 300, 5));
        assertThat(ImageEmbedding.chooseImages(50, 300, 4)).hasSize(50);
    }

    @Test
    void cancellingPublishesNothing() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> ImageEmbedding.compute(threeBrightnesses(), ImageEmbedding.Settings.of(100)
                .withPerplexity(10), (i, xy) -> { }, (d, t, m) -> { }, () -> polls.incrementAndGet() > 40))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void tooLargeAPerplexityIsExplained() {
        assertThatThrownBy(() -> ImageEmbedding.compute(threeBrightnesses(), ImageEmbedding.Settings.of(20)
                .withPerplexity(30), (i, xy) -> { }, (d, t, m) -> { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perplexity 30 needs more than 20");
    }
}
