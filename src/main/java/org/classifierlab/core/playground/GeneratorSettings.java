package org.classifierlab.core.playground;

import java.util.Objects;

/**
 * Parameters of a generated toy data set. Immutable; any thread.
 *
 * @param distribution the shape to draw from
 * @param classes      number of classes, 2 to 7
 * @param count        number of points, 2 to 5000
 * @param noise        amount of positional jitter, 0 to 1
 * @param seed         seed of the random generator; equal settings give equal points
 */
public record GeneratorSettings(Distribution distribution, int classes, int count, double noise, long seed) {

    /** Smallest number of classes. */
    public static final int MIN_CLASSES = 2;
    /** Largest number of classes. */
    public static final int MAX_CLASSES = 7;
    /** Smallest number of points. */
    public static final int MIN_COUNT = 2;
    /** Largest number of points. */
    public static final int MAX_COUNT = 5000;

    public GeneratorSettings {
        Objects.requireNonNull(distribution, "distribution");
        if (classes < MIN_CLASSES || classes > MAX_CLASSES) {
            throw new IllegalArgumentException(
                    "classes must be between " + MIN_CLASSES + " and " + MAX_CLASSES + ", was " + classes);
        }
        if (count < MIN_COUNT || count > MAX_COUNT) {
            throw new IllegalArgumentException(
                    "count must be between " + MIN_COUNT + " and " + MAX_COUNT + ", was " + count);
        }
        if (!(noise >= 0.0 && noise <= 1.0)) {
            throw new IllegalArgumentException("noise must be between 0 and 1, was " + noise);
        }
    }

    /**
     * Settings resembling the CS231n k-NN demo: four overlapping Gaussian clusters of ten points
     * each, seed 1.
     */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(Distribution.GAUSSIAN_CLUSTERS, 4, 40, 0.3, 1L);
    }

    /** A copy with another distribution. */
    public GeneratorSettings withDistribution(Distribution d) {
        return new GeneratorSettings(d, classes, count, noise, seed);
    }

    /** A copy with another number of classes. */
    public GeneratorSettings withClasses(int c) {
        return new GeneratorSettings(distribution, c, count, noise, seed);
    }

    /** A copy with another number of points. */
    public GeneratorSettings withCount(int n) {
        return new GeneratorSettings(distribution, classes, n, noise, seed);
    }

    /** A copy with another noise level. */
    public GeneratorSettings withNoise(double v) {
        return new GeneratorSettings(distribution, classes, count, v, seed);
    }

    /** A copy with another seed. */
    public GeneratorSettings withSeed(long s) {
        return new GeneratorSettings(distribution, classes, count, noise, s);
    }
}
