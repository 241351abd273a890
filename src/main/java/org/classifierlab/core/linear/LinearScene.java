package org.classifierlab.core.linear;

import java.util.Objects;

import org.classifierlab.core.knn.LabeledPoints;

/**
 * The state of the 2D linear-classifier lesson that undo/redo restores: the labelled points and the
 * model. Immutable; any thread.
 *
 * @param points the points; their class count equals the model's
 * @param model  a 2D linear model with 2 to {@value #MAX_CLASSES} classes
 */
public record LinearScene(LabeledPoints points, LinearModel model) {

    /** Fewest classes of the 2D lesson. */
    public static final int MIN_CLASSES = 2;
    /** Most classes of the 2D lesson. */
    public static final int MAX_CLASSES = 7;

    /** The CS231n demo's default regularisation strength λ. */
    public static final double CS231N_LAMBDA = 0.1;
    /** The CS231n demo's default step size. */
    public static final double CS231N_STEP = 0.1;

    public LinearScene {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(model, "model");
        if (model.dimension() != 2) {
            throw new IllegalArgumentException("the 2D lesson needs a model with 2 inputs, was " + model.dimension());
        }
        int c = model.classCount();
        if (c < MIN_CLASSES || c > MAX_CLASSES) {
            throw new IllegalArgumentException("the 2D lesson has " + MIN_CLASSES + " to " + MAX_CLASSES
                    + " classes, was " + c);
        }
        if (points.classCount() != c) {
            throw new IllegalArgumentException("the points have " + points.classCount()
                    + " classes but the model has " + c);
        }
    }

    /**
     * The CS231n linear-classify demo's default state: nine points in three classes,
     * W = [[1, 2], [2, −4], [3, −1]], b = [0, 0.5, −0.5] (use with λ = {@value #CS231N_LAMBDA} and step size
     * {@value #CS231N_STEP}).
     */
    public static LinearScene cs231nDemo() {
        LabeledPoints points = new LabeledPoints(
                new double[] {0.5, 0.8, 0.3, -0.4, -0.3, -0.7, 0.7, 0.5, -0.4},
                new double[] {0.4, 0.3, 0.8, 0.3, 0.7, 0.2, -0.4, -0.6, -0.5},
                new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, 3);
        LinearModel model = LinearModel.of(new double[][] {{1, 2}, {2, -4}, {3, -1}}, new double[] {0, 0.5, -0.5});
        return new LinearScene(points, model);
    }

    /** The scene with other points (same class count). */
    public LinearScene withPoints(LabeledPoints p) {
        return new LinearScene(p, model);
    }

    /** The scene with another model (same class count). */
    public LinearScene withModel(LinearModel m) {
        return new LinearScene(points, m);
    }

    /** Number of classes. */
    public int classCount() {
        return model.classCount();
    }

    /** The scene with one more class (no points yet) whose row of W and bias are zero. */
    public LinearScene withClassAdded() {
        if (classCount() >= MAX_CLASSES) {
            throw new IllegalStateException("the 2D lesson has at most " + MAX_CLASSES + " classes");
        }
        return new LinearScene(new LabeledPoints(points.x(), points.y(), points.label(), classCount() + 1),
                model.withClassAdded());
    }

    /** The scene without its last class: that class's points and its row of W and bias go. */
    public LinearScene withLastClassRemoved() {
        if (classCount() <= MIN_CLASSES) {
            throw new IllegalStateException("the 2D lesson has at least " + MIN_CLASSES + " classes");
        }
        int last = classCount() - 1;
        int[] keep = java.util.stream.IntStream.range(0, points.size()).filter(i -> points.label(i) != last).toArray();
        LabeledPoints kept = points.subset(keep);
        return new LinearScene(new LabeledPoints(kept.x(), kept.y(), kept.label(), last),
                model.withClassRemoved(last));
    }
}
