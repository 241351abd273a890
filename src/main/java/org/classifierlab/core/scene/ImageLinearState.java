package org.classifierlab.core.scene;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.classifierlab.core.linear.image.ImageLoss;

/**
 * The "Linear classifier on images" lesson in a scene: the hyperparameters, mode, bias trick, seed, how templates are
 * drawn, the tab shown and, where small enough ({@link #MAX_SAVED_FLOATS} floats of W), each loss's trained W with
 * its loss history. Immutable; any thread.
 */
public record ImageLinearState(String mode, boolean biasTrick, double learningRate, double reg, int iterations,
                               int batchSize, long seed, String normalisation, String channel, int zoom, String tab,
                               List<Trained> trained) implements LessonState {

    /** Most floats of W a scene stores per loss: 100 classes × 3,073 (CIFAR-100 with the bias column). */
    public static final int MAX_SAVED_FLOATS = 100 * 3073;

    /** One loss's trained model: W (classCount × dim, row-major), b (classCount), its loss history, accuracies. */
    public record Trained(ImageLoss loss, int classCount, int dim, boolean biasTrick, float[] weights, float[] bias,
                          double[] lossHistory, double trainAccuracy, double validationAccuracy, String origin) {
        public Trained {
            weights = weights.clone();
            bias = bias.clone();
            lossHistory = lossHistory.clone();
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }

        @Override
        public float[] bias() {
            return bias.clone();
        }

        @Override
        public double[] lossHistory() {
            return lossHistory.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Trained t && t.loss == loss && t.classCount == classCount && t.dim == dim
                    && t.biasTrick == biasTrick && Arrays.equals(t.weights, weights) && Arrays.equals(t.bias, bias)
                    && Arrays.equals(t.lossHistory, lossHistory)
                    && Double.compare(t.trainAccuracy, trainAccuracy) == 0
                    && Double.compare(t.validationAccuracy, validationAccuracy) == 0 && Objects.equals(t.origin, origin);
        }

        @Override
        public int hashCode() {
            return Objects.hash(loss, classCount, dim, Arrays.hashCode(weights));
        }

        @Override
        public String toString() {
            return "Trained[" + loss + ", " + classCount + " × " + dim + ", " + lossHistory.length + " iterations]";
        }
    }

    public ImageLinearState {
        trained = List.copyOf(trained);
    }

    @Override
    public SceneLesson lesson() {
        return SceneLesson.IMAGE_LINEAR;
    }
}
