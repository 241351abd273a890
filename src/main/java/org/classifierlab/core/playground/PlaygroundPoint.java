package org.classifierlab.core.playground;

/**
 * One point of the playground in world coordinates, with its class and whether it is held out as
 * a test point. Immutable; any thread.
 */
public record PlaygroundPoint(double x, double y, int label, boolean test) {

    public PlaygroundPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("coordinates must be finite, were (" + x + ", " + y + ")");
        }
        if (label < 0) {
            throw new IllegalArgumentException("label must not be negative, was " + label);
        }
    }

    /** A copy moved to (nx, ny). */
    public PlaygroundPoint at(double nx, double ny) {
        return new PlaygroundPoint(nx, ny, label, test);
    }

    /** A copy with class {@code c}. */
    public PlaygroundPoint withLabel(int c) {
        return new PlaygroundPoint(x, y, c, test);
    }

    /** A copy marked as test ({@code true}) or training point. */
    public PlaygroundPoint withTest(boolean t) {
        return new PlaygroundPoint(x, y, label, t);
    }
}
