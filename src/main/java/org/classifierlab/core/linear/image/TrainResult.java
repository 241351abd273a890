package org.classifierlab.core.linear.image;

/**
 * The end of a training run: the final model, the minibatch loss of each step done (before its update, as
 * the notebooks record it), how many steps were done and whether the run was cancelled before the last.
 */
public record TrainResult(LinearImageModel model, double[] lossHistory, int iterationsDone, boolean cancelled) {
}
