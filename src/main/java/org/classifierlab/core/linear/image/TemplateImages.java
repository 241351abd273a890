package org.classifierlab.core.linear.image;

import java.util.Arrays;

/**
 * The rows of W drawn as images, as the assignments' notebooks draw them: each class's pixel weights (CHW) mapped to
 * 0 … 255 by the minimum and maximum weight of all templates ({@link Normalisation#GLOBAL}, the notebooks'
 * {@code 255 * (w - w_min) / (w_max - w_min)}) or of each template alone, in colour or one channel as grey, every
 * pixel enlarged to a sharp {@code zoom} × {@code zoom} square. Pure computation; any thread. Used by the lesson
 * and by {@code classifier-lab train --templates}.
 */
public final class TemplateImages {

    /** How weights become brightness. */
    public enum Normalisation {
        GLOBAL("Global min/max (notebooks)"), PER_CLASS("Per class min/max");

        private final String label;

        Normalisation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Which channel(s) are shown. */
    public enum Channel {
        COLOUR("Colour", -1), RED("R", 0), GREEN("G", 1), BLUE("B", 2);

        private final String label;
        private final int index;

        Channel(String label, int index) {
            this.label = label;
            this.index = index;
        }

        public String label() {
            return label;
        }

        /** The channel index, or -1 for all three. */
        public int index() {
            return index;
        }
    }

    private TemplateImages() {
    }

    /** The pixel weights of every class of {@code m} (without the bias), {@code pixelDim} floats each. */
    public static float[][] templates(LinearImageModel m, int pixelDim) {
        float[][] t = new float[m.classCount()][];
        for (int c = 0; c < t.length; c++) {
            t[c] = m.template(c, pixelDim);
        }
        return t;
    }

    /**
     * ARGB pixels (row-major, {@code width * zoom} × {@code height * zoom}) of templates {@code from} (inclusive) to
     * {@code to} (exclusive) of {@code templates} (each {@code channels * height * width} weights, CHW). With one
     * channel (MNIST) or a single-channel view the images are grey. The global range is over all templates.
     */
    public static int[][] render(float[][] templates, int channels, int height, int width, Normalisation norm,
                                 Channel channel, int from, int to, int zoom) {
        if (zoom < 1 || zoom > 16) {
            throw new IllegalArgumentException("zoom must be 1 to 16, was " + zoom);
        }
        int plane = height * width;
        int c0 = channels == 1 || channel == Channel.COLOUR ? 0 : Math.min(channel.index(), channels - 1);
        int c1 = channels == 1 ? 1 : channel == Channel.COLOUR ? channels : c0 + 1;
        float[] globalRange = range(templates, 0, templates.length, c0 * plane, c1 * plane);
        int[][] out = new int[Math.max(0, to - from)][];
        for (int t = from; t < to; t++) {
            float[] r = norm == Normalisation.GLOBAL ? globalRange : range(templates, t, t + 1, c0 * plane, c1 * plane);
            out[t - from] = image(templates[t], channels, height, width, c0, c1, r[0], r[1], zoom);
        }
        return out;
    }

    /** The smallest and largest weight of templates [from, to) between offsets lo and hi. */
    public static float[] range(float[][] templates, int from, int to, int lo, int hi) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int t = from; t < to; t++) {
            for (int i = lo; i < hi; i++) {
                float v = templates[t][i];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new float[] {min, max};
    }

    /** The 0 … 255 level of weight {@code v} in [min, max] (a flat range is mid grey). */
    public static int level(float v, float min, float max) {
        if (!(max > min)) {
            return 128;
        }
        int l = (int) (255.0 * (v - min) / (max - min));
        return Math.max(0, Math.min(255, l));
    }

    private static int[] image(float[] w, int channels, int height, int width, int c0, int c1, float min, float max,
                               int zoom) {
        int plane = height * width;
        boolean grey = c1 - c0 == 1;
        int outWidth = width * zoom;
        int[] out = new int[outWidth * height * zoom];
        for (int y = 0; y < height; y++) {
            int row = y * zoom * outWidth;
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                int argb;
                if (grey) {
                    int g = level(w[c0 * plane + p], min, max);
                    argb = 0xFF000000 | g << 16 | g << 8 | g;
                } else {
                    argb = 0xFF000000 | level(w[p], min, max) << 16 | level(w[plane + p], min, max) << 8
                            | level(w[2 * plane + p], min, max);
                }
                Arrays.fill(out, row + x * zoom, row + (x + 1) * zoom, argb);
            }
            for (int r = 1; r < zoom; r++) {
                System.arraycopy(out, row, out, row + r * outWidth, outWidth);
            }
        }
        return out;
    }
}
