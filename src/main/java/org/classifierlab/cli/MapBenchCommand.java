package org.classifierlab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.classifierlab.core.knn.DecisionGrid;
import org.classifierlab.core.knn.DecisionMap;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.playground.Distribution;
import org.classifierlab.core.playground.GeneratorSettings;
import org.classifierlab.core.playground.PointGenerator;

/**
 * {@code classifier-lab bench map}: times the exact full-resolution decision map of the playground, on the
 * scenes the playground issue names (or one given by options), and prints median and spread.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Times the exact k-NN decision map (every pixel) for playground scenes.")
public final class MapBenchCommand implements Callable<Integer> {

    @Option(names = "--width", defaultValue = "1280", description = "Map width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "800", description = "Map height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--points", split = ",", description = "Point counts to time (default: 60 with K=5 and 2000 with K=15).")
    int[] points;

    @Option(names = "-k", split = ",", description = "K for each point count (same length as --points).")
    int[] ks;

    @Option(names = "--metric", defaultValue = "L2", description = "L1, L2 or LINF (default ${DEFAULT-VALUE}).")
    Metric metric;

    @Option(names = "--tie-rule", defaultValue = "UNDECIDED", description = "${COMPLETION-CANDIDATES}")
    TieRule rule;

    @Option(names = "--distribution", defaultValue = "GAUSSIAN_CLUSTERS", description = "${COMPLETION-CANDIDATES}")
    Distribution distribution;

    @Option(names = "--classes", defaultValue = "4")
    int classes;

    @Option(names = "--warmup", defaultValue = "30", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "60", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int[] counts = points == null ? new int[] {60, 2000} : points;
        int[] kValues = ks == null ? (points == null ? new int[] {5, 15} : filled(counts.length, 5)) : ks;
        if (kValues.length != counts.length) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-k needs one value per --points value");
        }
        if (width < 1 || height < 1 || width * (long) height > 50_000_000L) {
            throw new CommandLine.ParameterException(spec.commandLine(), "map size must be between 1×1 and 50 megapixels");
        }
        if (runs < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be ≥ 1 and --warmup ≥ 0");
        }
        int parallelism = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Decision map %d x %d px, %s, %s, %d thread(s), %d warm-up + %d timed runs%n",
                width, height, metric, rule, parallelism, warmup, runs);
        out.printf(Locale.ROOT, "%8s %5s %s%n", "points", "K", Timings.HEADER);
        DecisionMap map = new DecisionMap(width, height);
        for (int i = 0; i < counts.length; i++) {
            LabeledPoints world = PointGenerator.generate(new GeneratorSettings(distribution, classes, counts[i], 0.1, 1));
            LabeledPoints pixels = toPixels(world, width, height);
            int k = kValues[i];
            Timings t = Timings.measure(warmup, runs,
                    () -> DecisionGrid.compute(pixels, k, metric, rule, map, () -> false, parallelism));
            out.printf(Locale.ROOT, "%8d %5d %s%n", counts[i], k, t.row());
        }
        return 0;
    }

    /** World points ([-1, 1]², y up) placed as the playground places them on a width × height canvas. */
    static LabeledPoints toPixels(LabeledPoints world, int width, int height) {
        double scale = Math.min(width, height) / 2.2;
        double[] x = new double[world.size()];
        double[] y = new double[world.size()];
        int[] labels = new int[world.size()];
        for (int i = 0; i < world.size(); i++) {
            x[i] = width / 2.0 + world.x(i) * scale;
            y[i] = height / 2.0 - world.y(i) * scale;
            labels[i] = world.label(i);
        }
        return new LabeledPoints(x, y, labels, world.classCount());
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }
}
