package org.classifierlab.core.linear;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The argmax class of a 2D linear model at every pixel of a view with math axes (y up), and the softmax
 * probability of that class as a confidence. Stateless; any thread; writes into the caller's buffers.
 */
public final class LinearRegions {

    private LinearRegions() {
    }

    /**
     * Fills {@code labels} (and {@code confidence}, if not null) for a {@code width × height} view whose
     * pixel (col, row) has its centre at world {@code (left + (col + 0.5) · pixel, top − (row + 0.5) · pixel)}.
     * Ties go to the lowest class. Returns false, leaving the buffers partly written, if {@code cancelled}
     * became true (checked once per row).
     */
    public static boolean compute(LinearModel model, double left, double top, double pixel, int width,
            int height, byte[] labels, float[] confidence, BooleanSupplier cancelled) {
        Objects.requireNonNull(model, "model");
        if (model.dimension() != 2) {
            throw new IllegalArgumentException("regions need a model with 2 inputs, this one has " + model.dimension());
        }
        int area = Math.multiplyExact(width, height);
        if (labels.length < area || (confidence != null && confidence.length < area)) {
            throw new IllegalArgumentException("buffers are smaller than " + width + " × " + height);
        }
        int c = model.classCount();
        double[] wx = new double[c];
        double[] wy = new double[c];
        double[] b = new double[c];
        for (int k = 0; k < c; k++) {
            wx[k] = model.weight(k, 0);
            wy[k] = model.weight(k, 1);
            b[k] = model.bias(k);
        }
        double[] s = new double[c];
        for (int row = 0; row < height; row++) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            double y = top - (row + 0.5) * pixel;
            int offset = row * width;
            for (int col = 0; col < width; col++) {
                double x = left + (col + 0.5) * pixel;
                int best = 0;
                for (int k = 0; k < c; k++) {
                    s[k] = wx[k] * x + wy[k] * y + b[k];
                    if (s[k] > s[best]) {
                        best = k;
                    }
                }
                labels[offset + col] = (byte) best;
                if (confidence != null) {
                    double sum = 0;
                    for (int k = 0; k < c; k++) {
                        sum += Math.exp(s[k] - s[best]);
                    }
                    confidence[offset + col] = (float) (1 / sum);
                }
            }
        }
        return true;
    }
}
