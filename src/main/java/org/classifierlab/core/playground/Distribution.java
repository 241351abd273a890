package org.classifierlab.core.playground;

/** The shapes {@link PointGenerator} can draw a toy data set from. Immutable; any thread. */
public enum Distribution {
    /** One Gaussian blob per class, centres evenly spaced on a circle. */
    GAUSSIAN_CLUSTERS("Gaussian clusters"),
    /** Uniform positions over the whole square; labels carry no spatial structure. */
    UNIFORM("Uniform"),
    /** Interleaved half-circle arcs, one per class (sklearn's make_moons for two classes). */
    TWO_MOONS("Two moons"),
    /** One ring per class around the origin. */
    CIRCLES("Concentric circles"),
    /** One spiral arm per class. */
    SPIRALS("Spirals"),
    /** A 4 × 4 board whose cell (i, j) belongs to class (i + j) mod classes (XOR for two classes). */
    CHECKERBOARD("XOR / checkerboard");

    private final String label;

    Distribution(String label) {
        this.label = label;
    }

    /** The distribution's name as shown to the user. */
    public String label() {
        return label;
    }
}
