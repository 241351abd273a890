package org.classifierlab.app.render;

/**
 * The perceptually uniform viridis colour map (dark purple → blue → green → yellow) as a 256-entry table
 * interpolated from eleven of matplotlib's reference colours. Readable in grey and by colour-blind viewers,
 * so it is the same in every theme. Immutable; any thread.
 */
public final class ViridisColorMap {

    private static final int[] ANCHORS = {
        0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725};
    private static final int SIZE = 256;
    private static final int[] LUT = new int[SIZE];

    static {
        for (int i = 0; i < SIZE; i++) {
            double pos = i / (SIZE - 1.0) * (ANCHORS.length - 1);
            int k = Math.min(ANCHORS.length - 2, (int) pos);
            double f = pos - k;
            int a = ANCHORS[k];
            int b = ANCHORS[k + 1];
            LUT[i] = 0xFF000000 | mix(a >> 16, b >> 16, f) << 16 | mix(a >> 8, b >> 8, f) << 8 | mix(a, b, f);
        }
    }

    private ViridisColorMap() {
    }

    /** Opaque ARGB of the colour at {@code t} in [0, 1] (clamped; NaN gives the low end). */
    public static int argb(double t) {
        if (!(t > 0)) {
            return LUT[0];
        }
        return LUT[(int) Math.round(Math.min(1, t) * (SIZE - 1))];
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
