package org.classifierlab.core.linear;

import java.util.Arrays;
import java.util.Objects;

/**
 * Iso-lines of a sampled scalar field by marching squares, for the contour lines of a loss landscape. A
 * field is {@code values[row * width + col]}; results are line segments in grid coordinates (x = column,
 * y = row, both fractional), linearly interpolated along cell edges. Stateless; any thread; returns new arrays.
 */
public final class ContourLines {

    /**
     * The iso-line of one level as unordered segments: {@code segments[4k .. 4k + 3]} is segment k from
     * (x0, y0) to (x1, y1).
     */
    public record Level(double value, double[] segments) {

        /** Number of segments. */
        public int segmentCount() {
            return segments.length / 4;
        }
    }

    private ContourLines() {
    }

    /** The iso-lines of every level, in the order given. */
    public static Level[] extract(double[] values, int width, int height, double... levels) {
        Level[] out = new Level[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = new Level(levels[i], segments(values, width, height, levels[i]));
        }
        return out;
    }

    /**
     * The segments where the field crosses {@code level}; a sample counts as inside when it is ≥ the level.
     * A saddle cell (diagonal corners inside) is split by the mean of its corners. Cells with a NaN
     * corner produce nothing.
     *
     * @throws IllegalArgumentException if {@code values} does not hold {@code width × height} samples
     */
    public static double[] segments(double[] values, int width, int height, double level) {
        Objects.requireNonNull(values, "values");
        if (width < 1 || height < 1 || (long) width * height != values.length) {
            throw new IllegalArgumentException("a " + width + " × " + height + " grid needs " + (long) width * height
                    + " values, got " + values.length);
        }
        double[] out = new double[64];
        int n = 0;
        for (int row = 0; row + 1 < height; row++) {
            for (int col = 0; col + 1 < width; col++) {
                double tl = values[row * width + col];
                double tr = values[row * width + col + 1];
                double br = values[(row + 1) * width + col + 1];
                double bl = values[(row + 1) * width + col];
                int inside = (tl >= level ? 8 : 0) | (tr >= level ? 4 : 0) | (br >= level ? 2 : 0)
                        | (bl >= level ? 1 : 0);
                if (inside == 0 || inside == 15 || Double.isNaN(tl + tr + br + bl)) {
                    continue;
                }
                // Crossing points on the four edges: top, right, bottom, left.
                double topX = col + (level - tl) / (tr - tl);
                double rightY = row + (level - tr) / (br - tr);
                double bottomX = col + (level - bl) / (br - bl);
                double leftY = row + (level - tl) / (bl - tl);
                if (out.length < n + 8) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                boolean centreInside = (tl + tr + br + bl) / 4 >= level;
                switch (inside) {
                    case 1, 14 -> n = put(out, n, col, leftY, bottomX, row + 1);
                    case 2, 13 -> n = put(out, n, bottomX, row + 1, col + 1, rightY);
                    case 3, 12 -> n = put(out, n, col, leftY, col + 1, rightY);
                    case 4, 11 -> n = put(out, n, topX, row, col + 1, rightY);
                    case 6, 9 -> n = put(out, n, topX, row, bottomX, row + 1);
                    case 7, 8 -> n = put(out, n, col, leftY, topX, row);
                    case 5 -> {
                        // tr and bl inside: a connected inside region cuts off tl and br, otherwise tr and bl.
                        if (centreInside) {
                            n = put(out, n, col, leftY, topX, row);
                            n = put(out, n, bottomX, row + 1, col + 1, rightY);
                        } else {
                            n = put(out, n, topX, row, col + 1, rightY);
                            n = put(out, n, col, leftY, bottomX, row + 1);
                        }
                    }
                    case 10 -> {
                        // tl and br inside: a connected inside region cuts off tr and bl, otherwise tl and br.
                        if (centreInside) {
                            n = put(out, n, topX, row, col + 1, rightY);
                            n = put(out, n, col, leftY, bottomX, row + 1);
                        } else {
                            n = put(out, n, col, leftY, topX, row);
                            n = put(out, n, bottomX, row + 1, col + 1, rightY);
                        }
                    }
                    default -> throw new AssertionError(inside);
                }
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int put(double[] out, int n, double x0, double y0, double x1, double y1) {
        out[n] = x0;
        out[n + 1] = y0;
        out[n + 2] = x1;
        out[n + 3] = y1;
        return n + 4;
    }
}
