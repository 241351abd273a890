package org.classifierlab.app.render;

import java.util.Arrays;

/**
 * Colours of a decision-region image as plain ARGB ints, snapshot on the FX thread from a {@link CanvasStyle}
 * and handed to a worker. {@code shades[c][s]} is class c's region colour at confidence s/255.
 * Immutable once built (do not write into {@code shades}); {@link #paint} runs on any thread.
 */
public record RegionPalette(int[][] shades, int undecided, int boundary, boolean boundaries, int boundaryWidth) {

    public static final int LEVELS = 256;

    /** The colour of a pixel of class {@code label} (-1: undecided) with a confidence in [0, 1]. */
    public int colour(int label, float confidence) {
        if (label < 0) {
            return undecided;
        }
        int level = (int) (confidence * (LEVELS - 1) + 0.5f);
        return shades[label][Math.max(0, Math.min(LEVELS - 1, level))];
    }

    /**
     * Builds the shade table from the style (FX thread): full tint at confidence 1; with shading, paler as the
     * confidence falls.
     */
    public static RegionPalette of(CanvasStyle style, boolean shading, boolean boundaries) {
        int[][] shades = new int[CanvasStyle.CLASS_SLOTS][LEVELS];
        double tint = style.regionTint();
        for (int c = 0; c < CanvasStyle.CLASS_SLOTS; c++) {
            for (int s = 0; s < LEVELS; s++) {
                double share = s / (double) (LEVELS - 1);
                double t = shading ? tint * (0.12 + 0.88 * share * share) : tint;
                shades[c][s] = CanvasStyle.blend(style.background(), style.classColor(c), t);
            }
        }
        int width = style.strokeWidth() >= 2.5 ? 2 : 1;
        return new RegionPalette(shades, CanvasStyle.argb(style.undecided()), CanvasStyle.argb(style.boundary()),
                boundaries, width);
    }

    /**
     * Paints a {@code width × height} label image (row-major; -1 undecided) with its confidences into
     * {@code out}, and boundary pixels where a neighbour's label differs if {@link #boundaries()}.
     * {@code confidence} may be null (full tint everywhere). Any thread.
     */
    public void paint(byte[] labels, float[] confidence, int width, int height, int[] out) {
        for (int i = 0, n = width * height; i < n; i++) {
            out[i] = colour(labels[i], confidence == null ? 1f : confidence[i]);
        }
        if (!boundaries) {
            return;
        }
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                byte l = labels[row + x];
                boolean edge = (x + 1 < width && labels[row + x + 1] != l)
                        || (y + 1 < height && labels[row + width + x] != l);
                if (!edge && boundaryWidth > 1) {
                    edge = (x > 0 && labels[row + x - 1] != l) || (y > 0 && labels[row - width + x] != l);
                }
                if (edge) {
                    out[row + x] = boundary;
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionPalette p && undecided == p.undecided && boundary == p.boundary
                && boundaries == p.boundaries && boundaryWidth == p.boundaryWidth
                && Arrays.deepEquals(shades, p.shades);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(shades) * 31 + undecided;
    }

    @Override
    public String toString() {
        return "RegionPalette[boundaries=" + boundaries + ", boundaryWidth=" + boundaryWidth + "]";
    }
}
