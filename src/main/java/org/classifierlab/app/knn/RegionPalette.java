package org.classifierlab.app.knn;

/**
 * Colours of the decision-region image as plain ARGB ints, snapshot on the FX thread from the canvas
 * style and handed to the worker. {@code shades[c][s]} is class c's region colour at vote share s/255.
 * Immutable once built; any thread.
 */
record RegionPalette(int[][] shades, int undecided, int boundary, boolean boundaries, int boundaryWidth) {

    static final int LEVELS = 256;

    /** The colour of a pixel of class {@code label} (-1 undecided) with vote share {@code confidence}. */
    int colour(int label, float confidence) {
        if (label < 0) {
            return undecided;
        }
        int level = (int) (confidence * (LEVELS - 1) + 0.5f);
        return shades[label][Math.max(0, Math.min(LEVELS - 1, level))];
    }

    /** Builds the shade table: full tint at share 1; with shading, paler as the vote share falls. */
    static RegionPalette of(PlaygroundStyle.Props style, boolean shading, boolean boundaries) {
        int[][] shades = new int[PlaygroundStyle.CLASS_SLOTS][LEVELS];
        double tint = style.regionTint.get();
        for (int c = 0; c < PlaygroundStyle.CLASS_SLOTS; c++) {
            for (int s = 0; s < LEVELS; s++) {
                double share = s / (double) (LEVELS - 1);
                double t = shading ? tint * (0.12 + 0.88 * share * share) : tint;
                shades[c][s] = PlaygroundStyle.blend(style.background.get(), style.classColor(c), t);
            }
        }
        int width = style.strokeWidth.get() >= 2.5 ? 2 : 1;
        return new RegionPalette(shades, PlaygroundStyle.argb(style.undecided.get()),
                PlaygroundStyle.argb(style.boundary.get()), boundaries, width);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionPalette p && undecided == p.undecided && boundary == p.boundary
                && boundaries == p.boundaries && boundaryWidth == p.boundaryWidth
                && java.util.Arrays.deepEquals(shades, p.shades);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(shades) * 31 + undecided;
    }
}
