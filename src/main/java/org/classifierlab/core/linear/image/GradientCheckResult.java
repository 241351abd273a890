package org.classifierlab.core.linear.image;

import java.util.List;

import org.classifierlab.core.linear.GradientCheck;

/**
 * A sparse gradient check as the notebooks' {@code grad_check_sparse}: a few random entries of W (and of b
 * without the bias trick), each with the analytic derivative, the centred difference
 * {@code (L(w + h) − L(w − h)) / 2h} computed in double precision, and their relative error read as the
 * 2D lesson's {@link GradientCheck} reads it. Immutable; any thread.
 */
public record GradientCheckResult(List<Entry> entries, double step) {

    /**
     * One entry.
     *
     * @param row    the class (row of W or index of b)
     * @param column the column of W, or −1 for b
     */
    public record Entry(int row, int column, double analytic, double numeric, double relativeError) {

        /** "W[3][1024]" or "b[3]". */
        public String name() {
            return column < 0 ? "b[" + row + "]" : "W[" + row + "][" + column + "]";
        }
    }

    public GradientCheckResult {
        entries = List.copyOf(entries);
    }

    /** The largest relative error over the entries. */
    public double maxRelativeError() {
        return entries.stream().mapToDouble(Entry::relativeError).max().orElse(0);
    }

    /** The CS231n notes' reading of {@link #maxRelativeError()}. */
    public GradientCheck.Verdict verdict() {
        return GradientCheck.Verdict.of(maxRelativeError());
    }
}
