package org.classifierlab.core.images;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleFunction;

import org.classifierlab.core.data.ImageDataset;

/**
 * The lecture's demonstration that pixel distance is not informative: three copies of one image — shifted,
 * boxed (occluded) and tinted — each made to lie at the same L2 distance from the original. Each copy has one
 * continuous strength (shift in pixels, box side, amount of colour) found by bisection, then single pixels are
 * nudged by one level so the squared distance equals the rounded squared target exactly where that is
 * possible. Immutable; any thread (a computation takes a few milliseconds for a CIFAR image).
 */
public final class SameDistanceCopies {

    /** The three transformations, in the order the slide shows them. */
    public enum Kind {
        /** The image moved right and down by a sub-pixel amount, edges repeated. */
        SHIFTED("Shifted"),
        /** A black (or white) box over the centre, its edges anti-aliased. */
        BOXED("Boxed"),
        /** A colour added to every pixel. */
        TINTED("Tinted");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name shown under the copy. */
        public String label() {
            return label;
        }
    }

    /**
     * One copy of the original.
     *
     * @param kind               the transformation
     * @param pixels             the copy, CHW bytes like the original (the array is not shared with anyone)
     * @param squaredDistance    its exact squared L2 distance to the original
     * @param reached            whether the transformation can reach the target at all; when false the copy
     *                           is the farthest it can make
     * @param maxSquaredDistance the largest squared distance this transformation reaches on this image (for
     *                           the shift: the largest seen over shifts up to half the image)
     * @param strength           the strength used: shift in pixels, box side in pixels, colour amount in
     *                           levels
     * @param description        what was done, e.g. "shifted 1.00 px right and down"
     */
    public record Copy(Kind kind, byte[] pixels, long squaredDistance, boolean reached, long maxSquaredDistance,
                       double strength, String description) {

        public Copy {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(pixels, "pixels");
            Objects.requireNonNull(description, "description");
        }

        /** The L2 distance to the original. */
        public double distance() {
            return Math.sqrt(squaredDistance);
        }

        /** The largest L2 distance this transformation reaches on the original. */
        public double maxDistance() {
            return Math.sqrt(maxSquaredDistance);
        }
    }

    /** Shift scan step in pixels: fine enough that consecutive distances differ by little. */
    private static final double SHIFT_SCAN_STEP = 1.0 / 16;
    private static final int BISECTION_STEPS = 60;
    /** Passes of single-level nudges over the pixels to close the last gap (one bisection step). */
    private static final int NUDGE_PASSES = 4;
    /** Most exchanges of one level (each moves the gap by at least 2) after the passes. */
    private static final int MAX_EXCHANGES = 200;
    /** Colour tint direction for three channels: mostly red and blue, a violet cast like the slide's. */
    private static final double[] TINT_RGB = {1.0, 0.45, 0.9};

    private final double target;
    private final long targetSquared;
    private final Copy shifted;
    private final Copy boxed;
    private final Copy tinted;

    private SameDistanceCopies(double target, long targetSquared, Copy shifted, Copy boxed, Copy tinted) {
        this.target = target;
        this.targetSquared = targetSquared;
        this.shifted = shifted;
        this.boxed = boxed;
        this.tinted = tinted;
    }

    /** The copies of image {@code index} of {@code set} at L2 distance {@code target}. */
    public static SameDistanceCopies make(ImageDataset set, int index, double target) {
        return make(image(set, index), set.channels(), set.height(), set.width(), target);
    }

    /**
     * The three copies of {@code image} (CHW bytes of {@code channels × height × width}) at L2 distance
     * {@code target} from it.
     *
     * @throws IllegalArgumentException if the shape does not match or the target is negative or not finite
     */
    public static SameDistanceCopies make(byte[] image, int channels, int height, int width, double target) {
        Shape shape = new Shape(image, channels, height, width);
        if (!(target >= 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException("the target distance must be a finite number ≥ 0, was " + target);
        }
        long t2 = Math.round(target * target);
        return new SameDistanceCopies(target, t2, shift(shape, t2), box(shape, t2), tint(shape, t2));
    }

    /**
     * A target that shows the point: the L2 distance between the image and itself shifted by one pixel right
     * and one down (edges repeated), a change nobody would call a different picture.
     */
    public static double defaultTarget(byte[] image, int channels, int height, int width) {
        Shape shape = new Shape(image, channels, height, width);
        return Math.sqrt(squared(shape.original, shifted(shape, 1.0)));
    }

    /** {@link #defaultTarget(byte[], int, int, int)} of image {@code index} of {@code set}. */
    public static double defaultTarget(ImageDataset set, int index) {
        return defaultTarget(image(set, index), set.channels(), set.height(), set.width());
    }

    /** A copy of image {@code index} of {@code set}, CHW bytes. */
    public static byte[] image(ImageDataset set, int index) {
        Objects.checkIndex(index, set.size());
        byte[] out = new byte[set.dim()];
        System.arraycopy(set.pixelsShared(), index * set.dim(), out, 0, out.length);
        return out;
    }

    /** The distance asked for. */
    public double target() {
        return target;
    }

    /** The squared target rounded to a whole number: what the copies' squared distances aim at. */
    public long targetSquared() {
        return targetSquared;
    }

    public Copy shifted() {
        return shifted;
    }

    public Copy boxed() {
        return boxed;
    }

    public Copy tinted() {
        return tinted;
    }

    /** Shifted, boxed, tinted. */
    public List<Copy> copies() {
        return List.of(shifted, boxed, tinted);
    }

    /** The smallest squared distance of the three copies: a training image below it is nearer than all three. */
    public long nearestCopySquared() {
        return Math.min(shifted.squaredDistance(), Math.min(boxed.squaredDistance(), tinted.squaredDistance()));
    }

    /** The image and its shape, with values as ints. */
    private record Shape(int[] original, int channels, int height, int width) {
        Shape(byte[] image, int channels, int height, int width) {
            this(values(image, channels, height, width), channels, height, width);
        }

        private static int[] values(byte[] image, int channels, int height, int width) {
            Objects.requireNonNull(image, "image");
            if (channels < 1 || height < 1 || width < 1) {
                throw new IllegalArgumentException("channels, height and width must be positive, were " + channels
                        + ", " + height + " and " + width);
            }
            long dim = (long) channels * height * width;
            if (image.length != dim) {
                throw new IllegalArgumentException("a " + channels + "×" + height + "×" + width + " image has " + dim
                        + " bytes, this one " + image.length);
            }
            int[] v = new int[image.length];
            for (int p = 0; p < v.length; p++) {
                v[p] = image[p] & 0xFF;
            }
            return v;
        }
    }

    private static Copy shift(Shape shape, long t2) {
        double maxShift = Math.min(shape.height, shape.width) / 2.0;
        int steps = (int) Math.ceil(maxShift / SHIFT_SCAN_STEP);
        long best = 0;
        double bestShift = 0;
        double below = 0;
        double above = -1;
        for (int i = 1; i <= steps; i++) {
            double s = Math.min(maxShift, i * SHIFT_SCAN_STEP);
            long d = squared(shape.original, shifted(shape, s));
            if (d > best) {
                best = d;
                bestShift = s;
            }
            if (above < 0) {
                if (d >= t2) {
                    above = s;
                } else {
                    below = s;
                }
            }
        }
        // The distance of a shift need not grow with it (stripes repeat), so the scan finds the first shift that
        // reaches the target and bisection works between it and the last one below.
        if (above < 0) {
            return finish(Kind.SHIFTED, shape, shifted(shape, bestShift), t2, false, best, bestShift,
                    shiftText(bestShift));
        }
        double s = bisect(s1 -> shifted(shape, s1), shape, t2, below, above);
        return finish(Kind.SHIFTED, shape, shifted(shape, s), t2, true, best, s, shiftText(s));
    }

    private static String shiftText(double s) {
        return String.format(Locale.ROOT, "shifted %.2f px right and down", s);
    }

    private static Copy box(Shape shape, long t2) {
        double full = Math.max(shape.height, shape.width);
        long blackMax = squared(shape.original, boxed(shape, full, 0));
        long whiteMax = squared(shape.original, boxed(shape, full, 255));
        int colour = blackMax >= t2 || blackMax >= whiteMax ? 0 : 255;
        long max = colour == 0 ? blackMax : whiteMax;
        String name = colour == 0 ? "black" : "white";
        if (max < t2) {
            return finish(Kind.BOXED, shape, boxed(shape, full, colour), t2, false, max, full,
                    name + " box over the whole image");
        }
        double side = bisect(a -> boxed(shape, a, colour), shape, t2, 0, full);
        return finish(Kind.BOXED, shape, boxed(shape, side, colour), t2, true, max, side,
                String.format(Locale.ROOT, "%s box %.1f px wide over the centre", name, side));
    }

    private static Copy tint(Shape shape, long t2) {
        double[] direction = tintDirection(shape);
        double minMagnitude = Double.POSITIVE_INFINITY;
        for (double m : direction) {
            minMagnitude = Math.min(minMagnitude, Math.abs(m));
        }
        double full = 255 / minMagnitude;
        long max = squared(shape.original, tinted(shape, direction, full));
        if (max < t2) {
            return finishTint(shape, tinted(shape, direction, full), t2, false, max, full, direction);
        }
        double s = bisect(a -> tinted(shape, direction, a), shape, t2, 0, full);
        return finishTint(shape, tinted(shape, direction, s), t2, true, max, s, direction);
    }

    private static Copy finishTint(Shape shape, int[] copy, long t2, boolean reached, long max, double s,
            double[] direction) {
        StringBuilder colour = new StringBuilder("added colour (");
        for (int c = 0; c < direction.length; c++) {
            colour.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%+d", Math.round(s * direction[c])));
        }
        String what = colour.append(direction.length == 3 ? ") to R, G, B" : ") to every pixel").toString();
        return finish(Kind.TINTED, shape, copy, t2, reached, max, s, what);
    }

    /**
     * Per channel, the direction the colour moves: the slide's violet-ish cast for RGB (one level for grey),
     * towards whichever end of 0–255 the channel has more room to, so bright images darken instead of clipping.
     */
    private static double[] tintDirection(Shape shape) {
        double[] direction = new double[shape.channels];
        int plane = shape.height * shape.width;
        for (int c = 0; c < shape.channels; c++) {
            long sum = 0;
            for (int p = c * plane; p < (c + 1) * plane; p++) {
                sum += shape.original[p];
            }
            double magnitude = shape.channels == 3 ? TINT_RGB[c] : 1.0;
            direction[c] = sum <= 127.5 * plane ? magnitude : -magnitude;
        }
        return direction;
    }

    /**
     * The largest strength in [lo, hi] (as bisection finds it) whose copy is at squared distance ≤ t2, given
     * that lo's is at most t2 and hi's at least t2.
     */
    private static double bisect(DoubleFunction<int[]> render, Shape shape, long t2, double lo, double hi) {
        if (squared(shape.original, render.apply(hi)) == t2) {
            return hi;
        }
        for (int i = 0; i < BISECTION_STEPS && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            long d = squared(shape.original, render.apply(mid));
            if (d == t2) {
                return mid;
            }
            if (d < t2) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Copy finish(Kind kind, Shape shape, int[] copy, long t2, boolean reached, long max,
            double strength, String description) {
        long d = squared(shape.original, copy);
        if (reached && d < t2) {
            d = nudge(shape.original, copy, d, t2);
        }
        byte[] out = new byte[copy.length];
        for (int p = 0; p < copy.length; p++) {
            out[p] = (byte) copy[p];
        }
        return new Copy(kind, out, d, reached, Math.max(max, d), strength, description);
    }

    /**
     * Closes the gap between squared distance {@code d} and {@code t2} (a gap of about one bisection step) by
     * moving single values one level further from the original: moving a value that differs by e adds 2e + 1.
     * Each pass visits every pixel once, largest step first, and takes each step that still fits, so the
     * nudges spread over many pixels (one level each) and the last units come from the smallest steps.
     * Returns the squared distance reached.
     */
    private static long nudge(int[] original, int[] copy, long d, long t2) {
        long gap = t2 - d;
        for (int pass = 0; pass < NUDGE_PASSES && gap > 0; pass++) {
            long[] order = new long[copy.length];
            int n = 0;
            for (int p = 0; p < copy.length; p++) {
                int e = copy[p] - original[p];
                int moved = copy[p] + direction(e, original[p]);
                if (moved >= 0 && moved <= 255) {
                    // Step in the high bits, pixel in the low ones: sorting orders by step.
                    order[n++] = (2L * Math.abs(e) + 1) << 32 | p;
                }
            }
            Arrays.sort(order, 0, n);
            boolean moved = false;
            for (int i = n - 1; i >= 0 && gap > 0; i--) {
                long step = order[i] >>> 32;
                if (step <= gap) {
                    int p = (int) order[i];
                    copy[p] += direction(copy[p] - original[p], original[p]);
                    gap -= step;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return t2 - exchange(original, copy, gap);
    }

    /**
     * Closes a gap smaller than every remaining outward step: an odd gap takes the smallest outward step (one
     * move changes the squared distance by an odd amount), overshooting to an even gap; an even gap g is closed
     * by moving one value at level a outwards (+2a + 1) and another at level b inwards (−2b + 1), with
     * a − b = g/2 − 1, or by steps of ±2 when no such pair exists. Returns the gap left (0 unless no pixel can
     * move).
     */
    private static long exchange(int[] original, int[] copy, long gap) {
        for (int round = 0; round < MAX_EXCHANGES && gap != 0; round++) {
            int[] outward = new int[256];
            int[] inward = new int[256];
            Arrays.fill(outward, -1);
            Arrays.fill(inward, -1);
            for (int p = 0; p < copy.length; p++) {
                int e = copy[p] - original[p];
                int level = Math.abs(e);
                int moved = copy[p] + direction(e, original[p]);
                if (moved >= 0 && moved <= 255 && outward[level] < 0) {
                    outward[level] = p;
                }
                if (level > 0) {
                    // The last pixel of a level moves inwards, the first outwards: two pixels where a level has two.
                    inward[level] = p;
                }
            }
            if (gap % 2 != 0) {
                int a = first(outward);
                if (gap < 0 || a < 0) {
                    int b = first(inward);
                    if (b < 0 || gap > 0) {
                        return gap;
                    }
                    moveInward(original, copy, inward[b]);
                    gap += 2L * b - 1;
                } else {
                    moveOutward(original, copy, outward[a]);
                    gap -= 2L * a + 1;
                }
                continue;
            }
            long wanted = gap / 2 - 1;
            int pickA = -1;
            int pickB = -1;
            for (int a = 0; a < 256 && pickA < 0; a++) {
                long b = a - wanted;
                if (outward[a] >= 0 && b >= 1 && b < 256 && inward[(int) b] >= 0 && inward[(int) b] != outward[a]) {
                    pickA = a;
                    pickB = (int) b;
                }
            }
            if (pickA < 0) {
                // No single pair fits: a pair two apart moves the gap by 2 towards zero.
                for (int a = 0; a < 256 && pickA < 0; a++) {
                    int b = gap > 0 ? a : a + 2;
                    if (outward[a] >= 0 && b >= 1 && b < 256 && inward[b] >= 0 && inward[b] != outward[a]) {
                        pickA = a;
                        pickB = b;
                    }
                }
            }
            if (pickA < 0) {
                return gap;
            }
            moveOutward(original, copy, outward[pickA]);
            moveInward(original, copy, inward[pickB]);
            gap -= 2L * (pickA - pickB) + 2;
        }
        return gap;
    }

    private static int first(int[] pixelOfLevel) {
        for (int level = 0; level < pixelOfLevel.length; level++) {
            if (pixelOfLevel[level] >= 0) {
                return level;
            }
        }
        return -1;
    }

    private static void moveOutward(int[] original, int[] copy, int p) {
        copy[p] += direction(copy[p] - original[p], original[p]);
    }

    private static void moveInward(int[] original, int[] copy, int p) {
        copy[p] -= Integer.signum(copy[p] - original[p]);
    }

    /** Away from the original: the way the value already differs, or up from an unchanged value below 255. */
    private static int direction(int e, int original) {
        return e > 0 ? 1 : e < 0 ? -1 : original < 255 ? 1 : -1;
    }

    /** The image moved by {@code s} pixels right and down, bilinear, the edge rows and columns repeated. */
    private static int[] shifted(Shape shape, double s) {
        int h = shape.height;
        int w = shape.width;
        int plane = h * w;
        int[] in = shape.original;
        int[] out = new int[in.length];
        for (int c = 0; c < shape.channels; c++) {
            int base = c * plane;
            for (int y = 0; y < h; y++) {
                double sy = y - s;
                int y0 = (int) Math.floor(sy);
                double fy = sy - y0;
                int ya = clamp(y0, h - 1);
                int yb = clamp(y0 + 1, h - 1);
                for (int x = 0; x < w; x++) {
                    double sx = x - s;
                    int x0 = (int) Math.floor(sx);
                    double fx = sx - x0;
                    int xa = clamp(x0, w - 1);
                    int xb = clamp(x0 + 1, w - 1);
                    double top = in[base + ya * w + xa] * (1 - fx) + in[base + ya * w + xb] * fx;
                    double bottom = in[base + yb * w + xa] * (1 - fx) + in[base + yb * w + xb] * fx;
                    out[base + y * w + x] = level(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return out;
    }

    /** A square box of side {@code side} centred on the image, in grey level {@code colour}, anti-aliased. */
    private static int[] boxed(Shape shape, double side, int colour) {
        int h = shape.height;
        int w = shape.width;
        int plane = h * w;
        double[] coverX = coverage(w, w / 2.0, side);
        double[] coverY = coverage(h, h / 2.0, side);
        int[] in = shape.original;
        int[] out = new int[in.length];
        for (int c = 0; c < shape.channels; c++) {
            int base = c * plane;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = base + y * w + x;
                    double cover = coverX[x] * coverY[y];
                    out[p] = level(in[p] + cover * (colour - in[p]));
                }
            }
        }
        return out;
    }

    /** How much of each unit cell [i, i + 1) lies inside [centre − side/2, centre + side/2]. */
    private static double[] coverage(int n, double centre, double side) {
        double lo = centre - side / 2;
        double hi = centre + side / 2;
        double[] cover = new double[n];
        for (int i = 0; i < n; i++) {
            cover[i] = Math.max(0, Math.min(i + 1, hi) - Math.max(i, lo));
        }
        return cover;
    }

    /** The image with {@code s · direction[c]} added to channel c, clamped to 0–255. */
    private static int[] tinted(Shape shape, double[] direction, double s) {
        int plane = shape.height * shape.width;
        int[] in = shape.original;
        int[] out = new int[in.length];
        for (int c = 0; c < shape.channels; c++) {
            double add = s * direction[c];
            for (int p = c * plane; p < (c + 1) * plane; p++) {
                out[p] = level(in[p] + add);
            }
        }
        return out;
    }

    private static int clamp(int i, int max) {
        return i < 0 ? 0 : Math.min(i, max);
    }

    /** {@code v} rounded to the nearest level in 0–255. */
    private static int level(double v) {
        long r = Math.round(v);
        return (int) (r < 0 ? 0 : Math.min(r, 255));
    }

    private static long squared(int[] a, int[] b) {
        long s = 0;
        for (int p = 0; p < a.length; p++) {
            int d = a[p] - b[p];
            s += d * d;
        }
        return s;
    }
}
