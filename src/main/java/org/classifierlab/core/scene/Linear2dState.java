package org.classifierlab.core.scene;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.classifierlab.core.linear.LossFormulation;

/**
 * The 2D linear classifier in a scene: points, W (classCount rows of 2) and b, λ, step size, loss, run speed, the
 * class of new points, the display switches and the tab shown. Immutable (arrays copied); any thread.
 */
public record Linear2dState(List<ScenePoint> points, int classCount, double[][] weights, double[] biases,
                            double lambda, double stepSize, LossFormulation formulation, int stepsPerSecond,
                            int addClass, boolean shading, boolean boundaries, String tab) implements LessonState {

    public Linear2dState {
        points = List.copyOf(points);
        weights = deepCopy(weights);
        biases = biases.clone();
        Objects.requireNonNull(formulation, "formulation");
    }

    @Override
    public double[][] weights() {
        return deepCopy(weights);
    }

    @Override
    public double[] biases() {
        return biases.clone();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public SceneLesson lesson() {
        return SceneLesson.LINEAR_2D;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Linear2dState s && s.points.equals(points) && s.classCount == classCount
                && Arrays.deepEquals(s.weights, weights) && Arrays.equals(s.biases, biases)
                && Double.compare(s.lambda, lambda) == 0 && Double.compare(s.stepSize, stepSize) == 0
                && s.formulation == formulation && s.stepsPerSecond == stepsPerSecond && s.addClass == addClass
                && s.shading == shading && s.boundaries == boundaries && Objects.equals(s.tab, tab);
    }

    @Override
    public int hashCode() {
        return Objects.hash(points, classCount, Arrays.deepHashCode(weights), Arrays.hashCode(biases), lambda,
                stepSize, formulation);
    }

    @Override
    public String toString() {
        return "Linear2dState[" + points.size() + " points, W=" + Arrays.deepToString(weights) + ", b="
                + Arrays.toString(biases) + ", λ=" + lambda + ", η=" + stepSize + ", " + formulation + "]";
    }
}
