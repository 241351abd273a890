package org.classifierlab.core.linear.image;

/**
 * A loss on a batch and its gradient: {@code loss = dataLoss + regLoss}, {@code gradW} C × dim row-major like
 * {@link LinearImageModel#weights()}, {@code gradB} C: the gradient of the separate b, or with the bias trick
 * a copy of {@code gradW}'s last column. The arrays belong to the receiver. Any thread.
 */
public record LossGradient(double loss, double dataLoss, double regLoss, float[] gradW, float[] gradB) {
}
