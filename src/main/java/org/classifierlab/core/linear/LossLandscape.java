package org.classifierlab.core.linear;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.classifierlab.core.knn.LabeledPoints;

/**
 * The total loss over a grid of two parameters with every other parameter held fixed, for a
 * contour/heat view of the loss landscape. Stateless; any thread; returns new arrays.
 */
public final class LossLandscape {

    /**
     * A computed grid: {@code values[row * width + col]} is the loss at parameter A =
     * {@code minA + col · (maxA − minA) / (width − 1)} and parameter B = {@code maxB − row · (maxB − minB) /
     * (height − 1)} (row 0 is the top, B grows upwards).
     */
    public record Grid(int paramA, double minA, double maxA, int paramB, double minB, double maxB, int width,
            int height, double[] values, double min, double max) {

        /** The loss at grid cell (col, row). */
        public double at(int col, int row) {
            return values[Objects.checkIndex(row, height) * width + Objects.checkIndex(col, width)];
        }

        /** Parameter A's value at column {@code col}. */
        public double a(double col) {
            return minA + col * (maxA - minA) / (width - 1);
        }

        /** Parameter B's value at row {@code row}. */
        public double b(double row) {
            return maxB - row * (maxB - minB) / (height - 1);
        }
    }

    private LossLandscape() {
    }

    /**
     * Evaluates the objective on a {@code width × height} grid (each at least 2) spanning the two
     * parameter ranges; returns {@code null} if {@code cancelled} became true (checked once per row).
     *
     * @throws IllegalArgumentException if A and B are the same parameter, a range is empty or a size is below 2
     */
    public static Grid compute(LinearObjective objective, LinearModel model, LabeledPoints points, int paramA,
            double minA, double maxA, int paramB, double minB, double maxB, int width, int height,
            BooleanSupplier cancelled) {
        Objects.checkIndex(paramA, model.parameterCount());
        Objects.checkIndex(paramB, model.parameterCount());
        if (paramA == paramB) {
            throw new IllegalArgumentException("choose two different parameters");
        }
        if (!(minA < maxA) || !(minB < maxB)) {
            throw new IllegalArgumentException("each range needs min < max");
        }
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("a landscape needs at least 2 × 2 cells, was " + width + " × " + height);
        }
        double[] params = model.parameters();
        double[] values = new double[Math.multiplyExact(width, height)];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int row = 0; row < height; row++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            params[paramB] = maxB - row * (maxB - minB) / (height - 1);
            for (int col = 0; col < width; col++) {
                params[paramA] = minA + col * (maxA - minA) / (width - 1);
                double v = objective.totalLoss(model.withParameters(params), points);
                values[row * width + col] = v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new Grid(paramA, minA, maxA, paramB, minB, maxB, width, height, values, lo, hi);
    }
}
