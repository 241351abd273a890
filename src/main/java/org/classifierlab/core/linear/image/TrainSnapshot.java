package org.classifierlab.core.linear.image;

/**
 * Training so far, handed to the view: {@code iteration} steps done of {@code iterations}, the last
 * minibatch loss, the loss of every step done ({@code lossHistory.length == iteration}, a copy) and the model
 * after them. Immutable by convention; made on the training thread, safe to pass to any thread.
 */
public record TrainSnapshot(int iteration, int iterations, double loss, double[] lossHistory, LinearImageModel model) {
}
