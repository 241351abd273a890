package org.classifierlab.cli;

import java.util.Arrays;
import java.util.Locale;

/** Runs a piece of work untimed, then timed, and reports median, p90, min and max in ms. Calling thread. */
final class Timings {

    /** Header matching {@link #row}: four columns of milliseconds. */
    static final String HEADER = String.format(Locale.ROOT, "%10s %10s %10s %10s", "median ms", "p90 ms", "min ms", "max ms");

    private final double[] ms;

    private Timings(double[] sortedMs) {
        this.ms = sortedMs;
    }

    /** Runs {@code work} {@code warmup} times untimed, then {@code runs} (≥ 1) times timed. */
    static Timings measure(int warmup, int runs, Runnable work) {
        double[] ms = new double[runs];
        for (int r = 0; r < warmup + runs; r++) {
            long t0 = System.nanoTime();
            work.run();
            long t = System.nanoTime() - t0;
            if (r >= warmup) {
                ms[r - warmup] = t / 1e6;
            }
        }
        Arrays.sort(ms);
        return new Timings(ms);
    }

    double median() {
        return ms[ms.length / 2];
    }

    /** The four columns of {@link #HEADER}. */
    String row() {
        return String.format(Locale.ROOT, "%10.2f %10.2f %10.2f %10.2f", median(),
                ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.9) - 1)], ms[0], ms[ms.length - 1]);
    }
}
