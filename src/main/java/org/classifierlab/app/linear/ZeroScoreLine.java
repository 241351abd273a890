package org.classifierlab.app.linear;

import org.classifierlab.core.linear.LinearModel;

/**
 * One class's zero-score line {@code w·x + b = 0} and its weight arrow, which starts at the line's point
 * nearest the origin, {@code −b w / |w|²}, and ends at start + w; with the edits a drag makes. A class whose
 * w is (almost) zero has no line and its arrow starts at the origin. Immutable; any thread.
 *
 * @param wx     w[0]
 * @param wy     w[1]
 * @param b      the bias
 * @param startX x of the arrow's start (the foot of the line)
 * @param startY y of the arrow's start
 */
record ZeroScoreLine(double wx, double wy, double b, double startX, double startY) {

    /** Below this |w|², a class has no line to draw or grab. */
    static final double DEGENERATE = 1e-12;

    /** Class {@code c}'s line of a 2D model. */
    static ZeroScoreLine of(LinearModel model, int c) {
        return of(model.weight(c, 0), model.weight(c, 1), model.bias(c));
    }

    static ZeroScoreLine of(double wx, double wy, double b) {
        double n2 = wx * wx + wy * wy;
        if (n2 < DEGENERATE) {
            return new ZeroScoreLine(wx, wy, b, 0, 0);
        }
        return new ZeroScoreLine(wx, wy, b, -b * wx / n2, -b * wy / n2);
    }

    /** Whether the line exists (w is not zero). */
    boolean hasLine() {
        return wx * wx + wy * wy >= DEGENERATE;
    }

    double headX() {
        return startX + wx;
    }

    double headY() {
        return startY + wy;
    }

    /** The score {@code w·(x, y) + b}. */
    double score(double x, double y) {
        return wx * x + wy * y + b;
    }

    /** Distance from (x, y) to the line (infinite without a line). */
    double distance(double x, double y) {
        double n = Math.hypot(wx, wy);
        return n * n < DEGENERATE ? Double.POSITIVE_INFINITY : Math.abs(score(x, y)) / n;
    }

    /**
     * The bias after translating the line by (dx, dy), w unchanged: {@code w·(x − d) + b = 0}, so
     * {@code b' = b − w·d}. Only the move across the line changes anything.
     */
    double translatedBias(double dx, double dy) {
        return b - (wx * dx + wy * dy);
    }

    /**
     * The (w, b) of an arrow dragged so that its head is at (hx, hy) while its start (ax, ay) stays put:
     * {@code w = head − start}, and {@code b = −w·start} so the new line still passes through the start.
     *
     * @return {w[0], w[1], b}
     */
    static double[] rotatedTo(double ax, double ay, double hx, double hy) {
        double nx = hx - ax;
        double ny = hy - ay;
        return new double[] {nx, ny, -(nx * ax + ny * ay)};
    }

    /**
     * The two points where the line crosses the rectangle [left, right] × [bottom, top], or null if it
     * misses it (or there is no line): {x0, y0, x1, y1}.
     */
    double[] clip(double left, double right, double bottom, double top) {
        if (!hasLine()) {
            return null;
        }
        // Parametrise along the direction (−wy, wx) from the foot, then clip with Liang–Barsky.
        double dx = -wy;
        double dy = wx;
        double t0 = Double.NEGATIVE_INFINITY;
        double t1 = Double.POSITIVE_INFINITY;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {startX - left, right - startX, startY - bottom, top - startY};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {startX + t0 * dx, startY + t0 * dy, startX + t1 * dx, startY + t1 * dy};
    }
}
