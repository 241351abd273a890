package org.classifierlab.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.classifierlab.core.data.ImageDataset;

class PixelDistanceRowTest {

    private static Dataset sample;

    @BeforeAll
    static void load() throws IOException {
        sample = DatasetLoader.loadSample();
    }

    @Test
    void ranksEveryTrainingImageByItsExactDistance() {
        ImageDataset train = sample.train();
        byte[] query = SameDistanceCopies.image(sample.test(), 0);
        List<Long> progress = new ArrayList<>();
        PixelDistanceRow row = PixelDistanceRow.compute(query, train, -1, (done, total, what) -> progress.add(done),
                () -> false);
        assertThat(row.size()).isEqualTo(5000);
        assertThat(progress).containsExactly(5000L);
        long[] brute = new long[train.size()];
        for (int i = 0; i < train.size(); i++) {
            brute[i] = bruteSquared(query, train, i);
        }
        boolean[] seen = new boolean[train.size()];
        for (int r = 0; r < row.size(); r++) {
            int i = row.index(r);
            assertThat(seen[i]).isFalse();
            seen[i] = true;
            assertThat(row.squared(r)).isEqualTo(brute[i]);
            if (r > 0) {
                assertThat(row.squared(r)).isGreaterThanOrEqualTo(row.squared(r - 1));
            }
        }
        long bound = row.squared(100);
        int below = 0;
        for (long b : brute) {
            if (b < bound) {
                below++;
            }
        }
        assertThat(row.countBelow(bound)).isEqualTo(below).isLessThanOrEqualTo(100);
        assertThat(row.countBelow(0)).isZero();
        assertThat(row.countBelow(Long.MAX_VALUE)).isEqualTo(5000);
    }

    private static long bruteSquared(byte[] query, ImageDataset set, int i) {
        return PixelDifference.squaredL2(query, SameDistanceCopies.image(set, i));
    }

    @Test
    void anImageOfTheSetItselfIsLeftOutAndProgressComesPerChunk() {
        // 12,000 images (the sample repeated) make three chunks.
        ImageDataset train = sample.train();
        int[] order = new int[12_000];
        for (int i = 0; i < order.length; i++) {
            order[i] = i % train.size();
        }
        ImageDataset big = train.subset(order);
        List<Long> progress = new ArrayList<>();
        PixelDistanceRow row = PixelDistanceRow.compute(SameDistanceCopies.image(big, 7007), big, 7007,
                (done, total, what) -> progress.add(done), () -> false);
        assertThat(row.size()).isEqualTo(11_999);
        assertThat(progress).containsExactly(5000L, 10_000L, 12_000L);
        // Its copies 2007 (and 12007 does not exist): the first is at distance 0, the excluded one is absent.
        assertThat(row.squared(0)).isZero();
        assertThat(row.index(0)).isEqualTo(2007);
        for (int r = 0; r < row.size(); r++) {
            assertThat(row.index(r)).isNotEqualTo(7007);
        }
    }

    @Test
    void cancellationStopsTheWork() {
        assertThatThrownBy(() -> PixelDistanceRow.compute(new byte[3072], sample.train(), -1, (d, t, w) -> { },
                () -> true)).isInstanceOf(CancellationException.class);
    }

    @Test
    void aWrongSizedImageIsRefused() {
        assertThatThrownBy(() -> PixelDistanceRow.compute(new byte[784], sample.train(), -1, (d, t, w) -> { },
                () -> false)).hasMessageContaining("784 bytes").hasMessageContaining("3072");
    }
}
