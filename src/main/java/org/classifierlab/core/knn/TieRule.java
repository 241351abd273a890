package org.classifierlab.core.knn;

/**
 * How the K nearest neighbours vote and how a tie between classes is resolved; the counting rules
 * give every neighbour one vote, confidence = highest count / K. Immutable; any thread.
 */
public enum TieRule {
    /** A tie yields no prediction (class -1, drawn white as in the CS231n demo). */
    UNDECIDED("Undecided (white)"),
    /** A tie goes to the smallest tied class index, like {@code np.argmax(np.bincount(...))}. */
    SMALLEST_CLASS("Smallest class index"),
    /** A tie goes to the class of the nearest neighbour that belongs to a tied class. */
    NEAREST_TIED_CLASS("Nearest tied neighbour"),
    /**
     * Each neighbour votes with weight 1/d (d the true metric distance). If some neighbours have a
     * weight of infinity (d = 0, or d so small that 1/d overflows), only those vote, with weight 1
     * each. Weights are summed in neighbour order; the highest total wins, exact equality goes to the
     * smallest class index; confidence = winning total / total weight. In the degenerate case that
     * every weight is 0 (distances overflowed to infinity) each neighbour votes with weight 1.
     */
    DISTANCE_WEIGHTED("Distance-weighted vote");

    private final String label;

    TieRule(String label) {
        this.label = label;
    }

    /** The rule's name as shown to the user. */
    public String label() {
        return label;
    }
}
