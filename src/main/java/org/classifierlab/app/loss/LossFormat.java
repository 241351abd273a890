package org.classifierlab.app.loss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the explorer writes its numbers: losses and pipeline values with two decimals (scientific when tiny or
 * huge), scores as typed, with a typographic minus sign. Stateless; any thread.
 */
final class LossFormat {

    /** The minus sign shown on screen (U+2212), wider and easier to read than a hyphen. */
    static final String MINUS = "\u2212";

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private LossFormat() {
    }

    /** A loss or a pipeline value: {@code 2.90}, {@code 0.00}, {@code 2.2e−48}, {@code 1.8e7}, {@code ∞}. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : MINUS + "∞";
        }
        double a = Math.abs(v);
        if (v != 0 && (a < 0.005 || a >= 1e5)) {
            return scientific(v);
        }
        return minus(String.format(Locale.ROOT, "%.2f", v + 0.0));
    }

    /** {@code v} with two significant digits and a power of ten: {@code 2.2e−48}. */
    static String scientific(double v) {
        String s = String.format(Locale.ROOT, "%.1e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        int exponent = Integer.parseInt(s.substring(e + 1));
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return minus(mantissa) + "e" + (exponent < 0 ? MINUS + (-exponent) : Integer.toString(exponent));
    }

    /** A score as the user would type it: up to three decimals, no trailing zeros ({@code 3.2}, {@code −100}). */
    static String score(double v) {
        if (!Double.isFinite(v)) {
            return number(v);
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return minus(d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString());
    }

    /** A score for an editable text field: like {@link #score} but with an ASCII minus, so it parses back. */
    static String editable(double v) {
        return score(v).replace(MINUS, "-");
    }

    /** A score vector: {@code [3.2, 5.1, −1.7]}. */
    static String scores(double[] s) {
        StringBuilder b = new StringBuilder("[");
        for (int j = 0; j < s.length; j++) {
            b.append(j == 0 ? "" : ", ").append(score(s[j]));
        }
        return b.append(']').toString();
    }

    /**
     * A number the user typed: accepts a hyphen or the typographic minus, a comma as decimal separator and
     * surrounding spaces.
     *
     * @throws NumberFormatException with a message fit to show when the text is not a finite number
     */
    static double parse(String text) {
        String t = text == null ? "" : text.trim().replace(MINUS, "-").replace(',', '.');
        if (!NUMBER.matcher(t).matches()) {
            throw new NumberFormatException("'" + (text == null ? "" : text.trim()) + "' is not a number");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("'" + text.trim() + "' is too large");
        }
        return v;
    }

    private static String minus(String s) {
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }
}
