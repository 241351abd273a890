package org.classifierlab.core.linear;

import java.util.Objects;

import org.classifierlab.core.knn.LabeledPoints;

/**
 * The full objective of a linear classifier on labelled 2D points:
 * {@code L = (1/N) Σ_i L_i + λ Σ W²}, regularising W only (not b), with its exact gradient
 * ({@code ∂/∂W of λ Σ W² = 2 λ W}). Immutable; any thread.
 *
 * @param formulation the per-example data loss
 * @param lambda      the regularisation strength λ ≥ 0
 */
public record LinearObjective(LossFormulation formulation, double lambda) {

    public LinearObjective {
        Objects.requireNonNull(formulation, "formulation");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("λ must be a finite number ≥ 0, was " + lambda);
        }
    }

    /**
     * Everything about one model on one data set.
     *
     * @param scores    {@code scores[i][c]}, the score of class c for point i
     * @param losses    the data loss of each point under the objective's formulation
     * @param dataLoss  the mean of {@code losses} (0 without points)
     * @param regLoss   {@code λ Σ W²}
     * @param gradient  ∂(dataLoss + regLoss)/∂(W, b)
     */
    public record Evaluation(double[][] scores, double[] losses, double dataLoss, double regLoss,
            Gradient gradient) {

        /** {@code dataLoss + regLoss}. */
        public double totalLoss() {
            return dataLoss + regLoss;
        }

        /** Number of points. */
        public int size() {
            return losses.length;
        }

        /** The predicted class of point {@code i} (highest score; lowest index on a tie). */
        public int predicted(int i) {
            double[] s = scores[i];
            int best = 0;
            for (int c = 1; c < s.length; c++) {
                if (s[c] > s[best]) {
                    best = c;
                }
            }
            return best;
        }
    }

    /**
     * Scores, losses and gradient of {@code model} on {@code points}.
     *
     * @throws IllegalArgumentException if the model is not 2D, or a point's label is not a class of the model
     */
    public Evaluation evaluate(LinearModel model, LabeledPoints points) {
        int c = checkShapes(model, points);
        int n = points.size();
        int d = 2;
        double[][] scores = new double[n][];
        double[] losses = new double[n];
        double[] grad = new double[model.parameterCount()];
        double[] x = new double[d];
        double[] ds = new double[c];
        double data = 0;
        for (int i = 0; i < n; i++) {
            x[0] = points.x(i);
            x[1] = points.y(i);
            scores[i] = model.scores(x, new double[c]);
            java.util.Arrays.fill(ds, 0);
            losses[i] = formulation.loss(scores[i], points.label(i), ds);
            data += losses[i];
            for (int k = 0; k < c; k++) {
                grad[k * d] += ds[k] * x[0];
                grad[k * d + 1] += ds[k] * x[1];
                grad[c * d + k] += ds[k];
            }
        }
        if (n > 0) {
            for (int p = 0; p < grad.length; p++) {
                grad[p] /= n;
            }
            data /= n;
        }
        for (int p = 0; p < c * d; p++) {
            grad[p] += 2 * lambda * model.parameter(p);
        }
        return new Evaluation(scores, losses, data, lambda * model.squaredWeightNorm(), new Gradient(c, d, grad));
    }

    /** Only the total loss (for numerical gradients and loss landscapes). */
    public double totalLoss(LinearModel model, LabeledPoints points) {
        int c = checkShapes(model, points);
        double[] x = new double[2];
        double[] s = new double[c];
        double[] ds = new double[c];
        double data = 0;
        for (int i = 0; i < points.size(); i++) {
            x[0] = points.x(i);
            x[1] = points.y(i);
            data += formulation.loss(model.scores(x, s), points.label(i), ds);
        }
        if (points.size() > 0) {
            data /= points.size();
        }
        return data + lambda * model.squaredWeightNorm();
    }

    /** The objective with another formulation. */
    public LinearObjective withFormulation(LossFormulation f) {
        return new LinearObjective(f, lambda);
    }

    /** The objective with another λ. */
    public LinearObjective withLambda(double l) {
        return new LinearObjective(formulation, l);
    }

    private static int checkShapes(LinearModel model, LabeledPoints points) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(points, "points");
        if (model.dimension() != 2) {
            throw new IllegalArgumentException("2D points need a model with 2 inputs, this one has "
                    + model.dimension());
        }
        int c = model.classCount();
        for (int i = 0; i < points.size(); i++) {
            if (points.label(i) >= c) {
                throw new IllegalArgumentException("point " + i + " has class " + points.label(i)
                        + " but the model has only " + c + " classes");
            }
        }
        return c;
    }
}
