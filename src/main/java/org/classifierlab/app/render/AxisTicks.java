package org.classifierlab.app.render;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * "Nice" tick values for a chart axis: steps of 1, 2 or 5 times a power of ten on a linear axis, powers of
 * ten (with 2 and 5 between them on a short range) on a logarithmic one, and labels with just enough
 * decimals. Immutable; any thread.
 *
 * @param min          the axis' lower end (extended to a tick when asked)
 * @param max          the axis' upper end
 * @param step         distance between ticks (a factor of ten on a logarithmic axis)
 * @param values       the tick values in [min, max], ascending
 * @param logarithmic  whether the axis is logarithmic
 */
public record AxisTicks(double min, double max, double step, double[] values, boolean logarithmic) {

    /**
     * Ticks for the range [lo, hi] with about {@code maxCount} ticks and a step of at least
     * {@code minStep} (1 for whole numbers, 0 for none). With {@code extend} the range grows to the
     * nearest ticks outside it; otherwise it stays as given and only ticks inside it are listed. An empty
     * range is widened around its value.
     */
    public static AxisTicks linear(double lo, double hi, int maxCount, boolean extend, double minStep) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = Math.max(Math.abs(lo) * 0.1, minStep > 0 ? minStep : 0.5);
            lo -= pad;
            hi += pad;
        }
        double step = Math.max(niceStep((hi - lo) / Math.max(1, maxCount)), minStep);
        double min = extend ? Math.floor(lo / step + 1e-9) * step : lo;
        double max = extend ? Math.ceil(hi / step - 1e-9) * step : hi;
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        double[] values = new double[(int) Math.max(0, Math.min(1000, last - first + 1))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (first + i) * step;
        }
        return new AxisTicks(min, max, step, values, false);
    }

    /**
     * Logarithmic ticks for [lo, hi] (lo > 0): the range is extended to whole powers of ten, with a tick at
     * each, plus 2 and 5 times each power when the range spans at most two decades.
     */
    public static AxisTicks decades(double lo, double hi) {
        if (!(lo > 0) || !Double.isFinite(lo)) {
            lo = 1e-3;
        }
        if (!(hi > lo) || !Double.isFinite(hi)) {
            hi = lo * 10;
        }
        int kLo = (int) Math.floor(Math.log10(lo) + 1e-9);
        int kHi = (int) Math.ceil(Math.log10(hi) - 1e-9);
        if (kHi <= kLo) {
            kHi = kLo + 1;
        }
        boolean fine = kHi - kLo <= 2;
        double[] values = new double[(kHi - kLo) * 3 + 1];
        int n = 0;
        for (int k = kLo; k <= kHi; k++) {
            double p = Math.pow(10, k);
            values[n++] = p;
            if (fine && k < kHi) {
                values[n++] = 2 * p;
                values[n++] = 5 * p;
            }
        }
        return new AxisTicks(Math.pow(10, kLo), Math.pow(10, kHi), 10, Arrays.copyOf(values, n), true);
    }

    /** The 1, 2 or 5 × 10^k nearest to {@code rough} (on a log scale). */
    public static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double r = rough / magnitude;
        double nice = r < Math.sqrt(2) ? 1 : r < Math.sqrt(10) ? 2 : r < Math.sqrt(50) ? 5 : 10;
        return nice * magnitude;
    }

    /** Where {@code v} lies between {@link #min} and {@link #max}, from 0 to 1 (on a log scale if logarithmic). */
    public double fraction(double v) {
        if (logarithmic) {
            double lv = Math.log10(Math.max(v, min));
            return (lv - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (v - min) / (max - min);
    }

    /** The label of tick value {@code v}: as many decimals as the step needs, scientific for extreme sizes. */
    public String label(double v) {
        return format(v, logarithmic ? Math.abs(v) : step);
    }

    /** {@code v} with the decimals a resolution of {@code resolution} needs (scientific for extreme sizes). */
    public static String format(double v, double resolution) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.2g", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        int decimals = resolution >= 1 ? 0 : (int) Math.min(6, Math.ceil(-Math.log10(resolution) - 1e-9));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.contains(".")) {
            s = new BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        return s.equals("-0") ? "0" : s.replace('-', '\u2212');
    }
}
