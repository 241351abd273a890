package org.classifierlab.core.linear.image;

import java.util.Locale;

/**
 * How many images go into each split, as CS231n assignment 1 (svm.ipynb, softmax.ipynb) cuts CIFAR-10:
 * the first {@code train} training images, the next {@code validation} training images, the first
 * {@code test} test images and {@code dev} random images of the training split. Immutable; any thread.
 */
public record SplitSizes(int train, int validation, int test, int dev) {

    public SplitSizes {
        if (train < 1 || validation < 1 || test < 1 || dev < 1) {
            throw new IllegalArgumentException("every split needs at least one image: train " + train
                    + ", validation " + validation + ", test " + test + ", dev " + dev);
        }
        if (dev > train) {
            throw new IllegalArgumentException("the dev set (" + dev + ") is drawn from the training split and cannot "
                    + "be larger than it (" + train + ")");
        }
    }

    /** The assignments' 49,000 train, 1,000 validation, 1,000 test and 500 dev images. */
    public static SplitSizes assignments() {
        return new SplitSizes(49_000, 1_000, 1_000, 500);
    }

    /**
     * {@link #assignments()} when there are at least 50,000 training and 10,000 test images (CIFAR-10,
     * CIFAR-100, MNIST); otherwise the same shape: 2 % of the training images (at least one) for validation,
     * the rest for training, up to 1,000 test images (all of them when fewer: a 10 % cut of the bundled
     * sample's 500 would leave 50, too few to read an accuracy from) and up to 500 dev images.
     * The bundled sample (5,000 / 500) gives 4,900 · 100 · 500 · 500.
     *
     * @throws IllegalArgumentException with fewer than 2 training or 1 test image
     */
    public static SplitSizes forDataset(int trainImages, int testImages) {
        if (trainImages < 2 || testImages < 1) {
            throw new IllegalArgumentException("need at least 2 training images and 1 test image, have "
                    + trainImages + " and " + testImages);
        }
        if (trainImages >= 50_000 && testImages >= 10_000) {
            return assignments();
        }
        int validation = Math.max(1, (int) Math.round(trainImages * 0.02));
        int train = trainImages - validation;
        return new SplitSizes(train, validation, Math.min(1_000, testImages), Math.min(500, train));
    }

    /** "49,000 train · 1,000 validation · 1,000 test · 500 dev". */
    public String describe() {
        return String.format(Locale.ROOT, "%,d train · %,d validation · %,d test · %,d dev", train, validation, test, dev);
    }
}
