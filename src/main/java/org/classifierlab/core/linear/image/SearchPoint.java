package org.classifierlab.core.linear.image;

/** One trained point of a {@link HyperparameterSearch}: its settings, accuracies and model. Immutable. */
public record SearchPoint(double learningRate, double reg, double trainAccuracy, double validationAccuracy,
                          LinearImageModel model) {
}
