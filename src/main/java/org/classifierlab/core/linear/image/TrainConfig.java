package org.classifierlab.core.linear.image;

import java.util.Locale;
import java.util.Objects;

/**
 * One minibatch SGD run as the notebooks' {@code LinearClassifier.train}: loss, learning rate, regularisation
 * strength, iterations, batch size and the seed of the minibatch draws. Immutable; any thread.
 *
 * @throws IllegalArgumentException naming the field, for a learning rate that is not positive and finite, a
 *                                  negative or infinite reg, fewer than 1 or more than {@link #MAX_ITERATIONS}
 *                                  iterations, a batch outside {@code [1, MAX_BATCH]}
 */
public record TrainConfig(ImageLoss loss, double learningRate, double reg, int iterations, int batchSize, long seed) {

    /** Most iterations accepted (a thousand times the notebooks' longest runs). */
    public static final int MAX_ITERATIONS = 1_000_000;
    /** Largest batch accepted. */
    public static final int MAX_BATCH = 100_000;

    public TrainConfig {
        Objects.requireNonNull(loss, "loss");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be > 0 and finite, was " + learningRate);
        }
        ImageLosses.checkReg(reg);
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the iterations must be between 1 and %,d, were %,d", MAX_ITERATIONS, iterations));
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the batch size must be between 1 and %,d, was %,d", MAX_BATCH, batchSize));
        }
    }

    /** The notebooks' defaults: lr 1e−7, reg 2.5e4, 1,500 iterations, batch 200, seed 0. */
    public static TrainConfig defaults(ImageLoss loss) {
        return new TrainConfig(loss, 1e-7, 2.5e4, 1500, 200, 0);
    }

    public TrainConfig withLearningRate(double lr) {
        return new TrainConfig(loss, lr, reg, iterations, batchSize, seed);
    }

    public TrainConfig withReg(double r) {
        return new TrainConfig(loss, learningRate, r, iterations, batchSize, seed);
    }

    public TrainConfig withIterations(int n) {
        return new TrainConfig(loss, learningRate, reg, n, batchSize, seed);
    }

    public TrainConfig withBatchSize(int n) {
        return new TrainConfig(loss, learningRate, reg, iterations, n, seed);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(loss, learningRate, reg, iterations, batchSize, s);
    }

    public TrainConfig withLoss(ImageLoss l) {
        return new TrainConfig(l, learningRate, reg, iterations, batchSize, seed);
    }
}
