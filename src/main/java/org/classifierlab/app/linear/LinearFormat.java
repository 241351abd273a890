package org.classifierlab.app.linear;

import java.util.Locale;

/** How the lesson writes numbers: a true minus sign, few digits, scientific notation only where needed. Any thread. */
public final class LinearFormat {

    private LinearFormat() {
    }

    /** {@code v} with {@code decimals} decimals and a minus sign (−), e.g. "−0.520"; "−0" becomes "0". */
    public static String fixed(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.matches("-0(\\.0*)?")) {
            s = s.substring(1);
        }
        return s.replace('-', '−');
    }

    /** Up to four significant digits without trailing zeros (0.1, 2.5, 1e-05 as "1.0e−5"). */
    public static String number(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains("e")) {
                return scientific(v);
            }
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s.replace('-', '−');
        }
        return scientific(v);
    }

    /** Scientific notation with two significant digits, e.g. "3.1e−10". */
    public static String scientific(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.1e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e);
        int exponent = Integer.parseInt(s.substring(e + 1));
        return (mantissa + "e" + exponent).replace('-', '−');
    }

    /** A user's number: accepts "−" as well as "-", and a decimal comma; null if it is not a finite number. */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().replace('−', '-').replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
