package org.classifierlab.core.linear;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * The lecture's algebraic viewpoint of {@code f(x) = W x + b}: every product {@code W[c][j] · x[j]} and
 * sum written out. The slide's example (a 2×2 image x = [56, 231, 24, 2], cat/dog/ship) gives
 * −96.8, 437.9 and 60.75; the slide prints the ship score as 61.95, a slip: 0·56 + 0.25·231 + 0.2·24 −
 * 0.3·2 − 1.2 = 60.75. Immutable (the arrays are copied in and out); any thread.
 */
public record ScoreTerms(double[][] w, double[] b, double[] x) {

    public ScoreTerms {
        if (w.length == 0 || w.length != b.length) {
            throw new IllegalArgumentException("need one bias per row of W: W has " + w.length + " rows, b "
                    + b.length + " entries");
        }
        double[][] copy = new double[w.length][];
        for (int c = 0; c < w.length; c++) {
            if (w[c].length != x.length) {
                throw new IllegalArgumentException("row " + c + " of W has " + w[c].length + " entries, x has "
                        + x.length);
            }
            copy[c] = w[c].clone();
        }
        w = copy;
        b = b.clone();
        x = x.clone();
    }

    /** The CS231n slide's example: x = [56, 231, 24, 2], three classes cat, dog, ship. */
    public static ScoreTerms lectureExample() {
        return new ScoreTerms(new double[][] {{0.2, -0.5, 0.1, 2.0}, {1.5, 1.3, 2.1, 0.0}, {0, 0.25, 0.2, -0.3}},
                new double[] {1.1, 3.2, -1.2}, new double[] {56, 231, 24, 2});
    }

    @Override
    public double[][] w() {
        double[][] copy = new double[w.length][];
        for (int c = 0; c < w.length; c++) {
            copy[c] = w[c].clone();
        }
        return copy;
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    /** Number of classes (rows of W). */
    public int classCount() {
        return w.length;
    }

    /** {@code W[c][j] · x[j]}. */
    public double product(int c, int j) {
        return w[c][j] * x[j];
    }

    /** {@code Σ_j W[c][j] · x[j] + b[c]}, summed in order j = 0, 1, …, then b. */
    public double score(int c) {
        Objects.checkIndex(c, w.length);
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += product(c, j);
        }
        return s + b[c];
    }

    /** All scores. */
    public double[] scores() {
        double[] s = new double[w.length];
        for (int c = 0; c < s.length; c++) {
            s[c] = score(c);
        }
        return s;
    }

    /** A copy with {@code W[c][j] = v}. */
    public ScoreTerms withWeight(int c, int j, double v) {
        double[][] nw = w();
        nw[c][j] = v;
        return new ScoreTerms(nw, b, x);
    }

    /** A copy with {@code b[c] = v}. */
    public ScoreTerms withBias(int c, double v) {
        double[] nb = b();
        nb[c] = v;
        return new ScoreTerms(w, nb, x);
    }

    /** A copy with {@code x[j] = v}. */
    public ScoreTerms withPixel(int j, double v) {
        double[] nx = x();
        nx[j] = v;
        return new ScoreTerms(w, b, nx);
    }

    /**
     * Class {@code c}'s score written out, e.g. {@code "0.2·56 + (−0.5)·231 + 0.1·24 + 2.0·2 + 1.1 = −96.8"}:
     * weights and bias with at least one decimal, negative ones in parentheses, pixels as given, the
     * score rounded to 4 decimals; the locale's decimal separator, a true minus sign.
     * A bias of exactly 0 (as after {@link #withBiasTrick()}, whose bias is the last product) is left out.
     */
    public String formula(int c, Locale l) {
        Objects.checkIndex(c, w.length);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < x.length; j++) {
            if (j > 0) {
                sb.append(" + ");
            }
            sb.append(signed(w[c][j], 1, l)).append('·').append(number(x[j], 0, l));
        }
        if (b[c] != 0) {
            sb.append(" + ").append(signed(b[c], 1, l));
        }
        return sb.append(" = ").append(number(score(c), 1, l)).toString();
    }

    /**
     * The same scores by the bias trick: {@code W' = [W | b]}, {@code x' = [x; 1]}, {@code b' = 0}.
     */
    public ScoreTerms withBiasTrick() {
        double[][] nw = new double[w.length][x.length + 1];
        for (int c = 0; c < w.length; c++) {
            System.arraycopy(w[c], 0, nw[c], 0, x.length);
            nw[c][x.length] = b[c];
        }
        double[] nx = java.util.Arrays.copyOf(x, x.length + 1);
        nx[x.length] = 1;
        return new ScoreTerms(nw, new double[w.length], nx);
    }

    private static String signed(double v, int minDecimals, Locale l) {
        String s = number(v, minDecimals, l);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** {@code v} rounded to 4 decimals, at least {@code minDecimals}, with a true minus sign. */
    static String number(double v, int minDecimals, Locale l) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        DecimalFormat f = new DecimalFormat("0", DecimalFormatSymbols.getInstance(l));
        f.setMinimumFractionDigits(Math.max(minDecimals, 0));
        f.setMaximumFractionDigits(4);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        String s = f.format(d.signum() == 0 ? BigDecimal.ZERO : d);
        return s.replace('-', '\u2212');
    }
}
