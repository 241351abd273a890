package org.classifierlab.core.knn;

/**
 * Distance between two points of the plane; every comparison of distances in this package uses the
 * one arithmetic of {@link #rank}. Immutable; any thread.
 */
public enum Metric {
    /** Sum of the absolute coordinate differences. */
    L1("L1 (Manhattan)"),
    /** Straight-line distance. */
    L2("L2 (Euclidean)"),
    /** Largest absolute coordinate difference. */
    LINF("L\u221e (Chebyshev)");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    /** The metric's name as shown to the user. */
    public String label() {
        return label;
    }

    /** The distance between (ax, ay) and (bx, by); for {@link #L2} exactly {@code Math.sqrt(rank(...))}. */
    public double distance(double ax, double ay, double bx, double by) {
        return distanceFromRank(rank(ax, ay, bx, by));
    }

    /**
     * A key that orders pairs of points like {@link #distance}: the squared distance
     * {@code dx * dx + dy * dy} for {@link #L2}, the distance itself otherwise (with
     * {@code dx = ax - bx}, {@code dy = ay - by}). The classifier and the decision grid compare
     * only these keys, so they agree to the bit.
     */
    public double rank(double ax, double ay, double bx, double by) {
        return combine(axisTerm(ax - bx), axisTerm(ay - by));
    }

    /** Converts a rank key back to the distance: {@code Math.sqrt} for {@link #L2}, identity otherwise. */
    public double distanceFromRank(double rank) {
        return this == L2 ? Math.sqrt(rank) : rank;
    }

    /** The contribution of one coordinate difference: {@code d * d} for L2, {@code |d|} otherwise. */
    double axisTerm(double d) {
        return this == L2 ? d * d : Math.abs(d);
    }

    /** Combines the two axis terms into the rank key: max for L∞, sum otherwise. */
    double combine(double xTerm, double yTerm) {
        return this == LINF ? Math.max(xTerm, yTerm) : xTerm + yTerm;
    }
}
