package org.classifierlab.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.classifierlab.core.data.ImageDataset;

class SameDistanceCopiesTest {

    private static Dataset sample;

    @BeforeAll
    static void load() throws IOException {
        sample = DatasetLoader.loadSample();
    }

    /** Each copy's reported distance is its real one, and lies within rounding of the target. */
    private static void assertOnTarget(SameDistanceCopies copies, byte[] original, SameDistanceCopies.Copy copy) {
        assertThat(copy.reached()).as(copy.kind() + " reached").isTrue();
        assertThat(copy.squaredDistance()).as(copy.kind() + " reported distance")
                .isEqualTo(PixelDifference.squaredL2(original, copy.pixels()));
        assertThat(Math.abs(copy.distance() - copies.target())).as(copy.kind() + ": " + copy.distance())
                .isLessThanOrEqualTo(1.0);
        assertThat(copy.pixels()).hasSameSizeAs(original).isNotEqualTo(original);
    }

    @Test
    void onRealCifarImagesAllThreeCopiesLieAtTheTargetDistance() {
        ImageDataset test = sample.test();
        for (int i : new int[] {0, 1, 7, 123, 499}) {
            byte[] original = SameDistanceCopies.image(test, i);
            double target = SameDistanceCopies.defaultTarget(test, i);
            assertThat(target).isGreaterThan(100);
            for (double t : new double[] {target, 0.5 * target, 2 * target, 1234.5}) {
                SameDistanceCopies copies = SameDistanceCopies.make(test, i, t);
                assertThat(copies.targetSquared()).isEqualTo(Math.round(t * t));
                for (SameDistanceCopies.Copy copy : copies.copies()) {
                    assertOnTarget(copies, original, copy);
                }
                assertThat(copies.nearestCopySquared()).isEqualTo(copies.copies().stream()
                        .mapToLong(SameDistanceCopies.Copy::squaredDistance).min().orElseThrow());
            }
        }
    }

    @Test
    void onTheFirstFortyTestImagesEveryCopyHitsTheRoundedSquaredTargetExactly() {
        ImageDataset test = sample.test();
        for (int i = 0; i < 40; i++) {
            SameDistanceCopies copies = SameDistanceCopies.make(test, i, SameDistanceCopies.defaultTarget(test, i));
            for (SameDistanceCopies.Copy copy : copies.copies()) {
                assertThat(copy.squaredDistance()).as("image " + i + ", " + copy.kind())
                        .isEqualTo(copies.targetSquared());
            }
        }
    }

    @Test
    void theDefaultTargetIsTheOnePixelShiftAndTheShiftFindsIt() {
        ImageDataset test = sample.test();
        SameDistanceCopies copies = SameDistanceCopies.make(test, 3, SameDistanceCopies.defaultTarget(test, 3));
        assertThat(copies.shifted().squaredDistance()).isEqualTo(copies.targetSquared());
        assertThat(copies.shifted().strength()).isBetween(0.0, 16.0);
        assertThat(copies.shifted().description()).startsWith("shifted ").endsWith(" px right and down");
        assertThat(copies.boxed().description()).contains("box");
        assertThat(copies.tinted().description()).startsWith("added colour (");
    }

    @Test
    void aBlackImageIsBoxedInWhiteAndTintedUpwardsButCannotBeShiftedAway() {
        byte[] black = new byte[3 * 32 * 32];
        SameDistanceCopies copies = SameDistanceCopies.make(black, 3, 32, 32, 2000);
        assertOnTarget(copies, black, copies.boxed());
        assertOnTarget(copies, black, copies.tinted());
        assertThat(copies.boxed().description()).startsWith("white box");
        // A uniform image looks the same however it is shifted: distance 0 is all a shift can reach.
        assertThat(copies.shifted().reached()).isFalse();
        assertThat(copies.shifted().maxSquaredDistance()).isZero();
        assertThat(copies.shifted().pixels()).isEqualTo(black);
    }

    @Test
    void aWhiteImageIsDarkenedWithoutWrappingAround() {
        byte[] white = new byte[3 * 32 * 32];
        Arrays.fill(white, (byte) 255);
        SameDistanceCopies copies = SameDistanceCopies.make(white, 3, 32, 32, 3000);
        assertOnTarget(copies, white, copies.boxed());
        assertOnTarget(copies, white, copies.tinted());
        assertThat(copies.boxed().description()).startsWith("black box");
        // Tinting could only go down from 255; a wrap past 255 would show up as a small unsigned value.
        int min = 255;
        for (byte b : copies.tinted().pixels()) {
            min = Math.min(min, b & 0xFF);
        }
        assertThat(min).isGreaterThan(100);
        assertThat(copies.tinted().description()).contains("-");
    }

    @Test
    void anUnreachableTargetIsReportedWithTheFarthestCopy() {
        byte[] grey = new byte[32 * 32];
        Arrays.fill(grey, (byte) 100);
        // The farthest any copy of a uniform grey 100 image can go: every pixel to 255 (a white box, or
        // the tint upwards), √(1024 · 155²) = 4960.
        SameDistanceCopies copies = SameDistanceCopies.make(grey, 1, 32, 32, 6000);
        for (SameDistanceCopies.Copy copy : copies.copies()) {
            assertThat(copy.reached()).as(copy.kind().label()).isFalse();
            assertThat(copy.maxDistance()).isLessThan(6000);
        }
        assertThat(copies.boxed().squaredDistance()).isEqualTo(1024L * 155 * 155);
        assertThat(copies.boxed().maxDistance()).isEqualTo(4960.0);
        assertThat(copies.tinted().squaredDistance()).isEqualTo(1024L * 155 * 155);
        SameDistanceCopies reachable = SameDistanceCopies.make(grey, 1, 32, 32, 4000);
        assertOnTarget(reachable, grey, reachable.boxed());
        assertOnTarget(reachable, grey, reachable.tinted());
    }

    @Test
    void greyImagesWorkToo() {
        // A grey 28×28 gradient, like an MNIST-sized image.
        byte[] img = new byte[28 * 28];
        for (int p = 0; p < img.length; p++) {
            img[p] = (byte) (p % 28 * 9);
        }
        double target = SameDistanceCopies.defaultTarget(img, 1, 28, 28);
        SameDistanceCopies copies = SameDistanceCopies.make(img, 1, 28, 28, target);
        for (SameDistanceCopies.Copy copy : copies.copies()) {
            assertOnTarget(copies, img, copy);
        }
    }

    @Test
    void aZeroTargetGivesTheOriginalThreeTimes() {
        byte[] img = SameDistanceCopies.image(sample.test(), 5);
        SameDistanceCopies copies = SameDistanceCopies.make(img, 3, 32, 32, 0);
        for (SameDistanceCopies.Copy copy : copies.copies()) {
            assertThat(copy.squaredDistance()).isZero();
            assertThat(copy.pixels()).isEqualTo(img);
        }
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> SameDistanceCopies.make(new byte[10], 3, 32, 32, 5))
                .hasMessageContaining("3×32×32 image has 3072 bytes, this one 10");
        assertThatThrownBy(() -> SameDistanceCopies.make(new byte[4], 1, 2, 2, -1)).hasMessageContaining("≥ 0");
        assertThatThrownBy(() -> SameDistanceCopies.make(new byte[4], 1, 2, 2, Double.NaN)).hasMessageContaining("≥ 0");
    }
}
