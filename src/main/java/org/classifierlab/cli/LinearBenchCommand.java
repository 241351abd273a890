package org.classifierlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.linear.LinearModel;
import org.classifierlab.core.linear.LinearObjective;
import org.classifierlab.core.linear.LinearRegions;
import org.classifierlab.core.linear.LinearScene;
import org.classifierlab.core.linear.LossFormulation;
import org.classifierlab.core.linear.LossLandscape;
import org.classifierlab.core.playground.Distribution;
import org.classifierlab.core.playground.GeneratorSettings;
import org.classifierlab.core.playground.PointGenerator;

/**
 * {@code classifier-lab bench linear}: times the background work of the linear classifier lesson: the argmax
 * region map of every pixel, the loss landscape grid and one gradient step, for the CS231n demo state and
 * for the lesson's largest point set. Runs on the calling thread.
 */
@Command(name = "linear", mixinStandardHelpOptions = true,
        description = "Times the linear lesson's region map, loss landscape and gradient step.")
public final class LinearBenchCommand implements Callable<Integer> {

    @Option(names = "--width", defaultValue = "1280", description = "Region map width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "800", description = "Region map height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--grid", defaultValue = "160", description = "Landscape cells per side (default ${DEFAULT-VALUE}, the lesson's).")
    int grid;

    @Option(names = "--points", defaultValue = "500", description = "Size of the large point set (default ${DEFAULT-VALUE}, the lesson's cap).")
    int points;

    @Option(names = "--warmup", defaultValue = "20", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "40", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (width < 1 || height < 1 || width * (long) height > 50_000_000L) {
            throw new CommandLine.ParameterException(cl, "map size must be between 1×1 and 50 megapixels");
        }
        if (grid < 2 || grid > 2000 || points < GeneratorSettings.MIN_COUNT || points > GeneratorSettings.MAX_COUNT
                || runs < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(cl,
                    "need 2 ≤ --grid ≤ 2000, " + GeneratorSettings.MIN_COUNT + " ≤ --points ≤ "
                    + GeneratorSettings.MAX_COUNT + ", --runs ≥ 1 and --warmup ≥ 0");
        }
        PrintWriter out = cl.getOut();
        LinearScene demo = LinearScene.cs231nDemo();
        LinearModel model = demo.model();
        LinearObjective objective = new LinearObjective(LossFormulation.WESTON_WATKINS, LinearScene.CS231N_LAMBDA);
        out.printf(Locale.ROOT, "Linear classifier lesson, 3 classes, %d warm-up + %d timed runs, 1 thread%n", warmup, runs);
        out.printf(Locale.ROOT, "%-44s %s%n", "work", Timings.HEADER);

        byte[] labels = new byte[width * height];
        float[] confidence = new float[width * height];
        double pixel = 5.0 / Math.min(width, height);
        double left = -pixel * width / 2;
        double top = pixel * height / 2;
        row(out, String.format(Locale.ROOT, "regions %d x %d px", width, height), () -> LinearRegions.compute(model,
                left, top, pixel, width, height, labels, null, () -> false));
        row(out, String.format(Locale.ROOT, "regions %d x %d px, softmax shading", width, height),
                () -> LinearRegions.compute(model, left, top, pixel, width, height, labels, confidence, () -> false));

        LabeledPoints large = PointGenerator.generate(new GeneratorSettings(Distribution.UNIFORM, 3, points, 0, 1));
        for (LabeledPoints pts : new LabeledPoints[] {demo.points(), large}) {
            row(out, String.format(Locale.ROOT, "landscape %d x %d, %d points", grid, grid, pts.size()),
                    () -> LossLandscape.compute(objective, model, pts, 0, -2, 4, 1, -1, 5, grid, grid, () -> false));
        }
        for (LossFormulation f : LossFormulation.values()) {
            LinearObjective o = objective.withFormulation(f);
            row(out, String.format(Locale.ROOT, "step (%s), %d points", f.id(), large.size()),
                    () -> model.step(o.evaluate(model, large).gradient(), LinearScene.CS231N_STEP));
        }
        return 0;
    }

    private void row(PrintWriter out, String what, Runnable work) {
        out.printf(Locale.ROOT, "%-44s %s%n", what, Timings.measure(warmup, runs, work).row());
    }
}
