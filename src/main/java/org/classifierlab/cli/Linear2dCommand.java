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
import org.classifierlab.core.linear.LinearScene;
import org.classifierlab.core.linear.LossFormulation;

/**
 * {@code classifier-lab linear2d}: per-point losses and the data, regularisation and total loss of a 2D
 * linear classifier preset, optionally after some gradient-descent steps. Runs on the calling thread.
 */
@Command(name = "linear2d", mixinStandardHelpOptions = true,
        description = "Losses of a 2D linear classifier preset (f(x) = Wx + b), per point and in total.")
public final class Linear2dCommand implements Callable<Integer> {

    /** The presets {@code --preset} accepts. */
    enum Preset {
        cs231n
    }

    @Option(names = "--preset", defaultValue = "cs231n", paramLabel = "NAME",
            description = "The state: ${COMPLETION-CANDIDATES} (the CS231n linear-classify demo's default). Default ${DEFAULT-VALUE}.")
    Preset preset;

    @Option(names = "--loss", defaultValue = "ww", paramLabel = "LOSS", converter = FormulationConverter.class,
            description = "ww (Weston–Watkins, default), ova (one-vs-all), structured or softmax.")
    LossFormulation loss;

    @Option(names = "--lambda", defaultValue = "0.1", paramLabel = "λ",
            description = "Regularisation strength λ in λ·ΣW² (default ${DEFAULT-VALUE}, the demo's).")
    double lambda;

    @Option(names = "--steps", defaultValue = "0", paramLabel = "N",
            description = "Gradient-descent steps to take first, printing the loss after each (default 0).")
    int steps;

    @Option(names = "--step-size", defaultValue = "0.1", paramLabel = "η",
            description = "Step size of those steps (default ${DEFAULT-VALUE}, the demo's).")
    double stepSize;

    @Option(names = "--gradient", description = "Also print ∂L/∂W and ∂L/∂b.")
    boolean gradient;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Reads a formulation by its short name. */
    static final class FormulationConverter implements CommandLine.ITypeConverter<LossFormulation> {
        @Override
        public LossFormulation convert(String value) {
            try {
                return LossFormulation.byId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (steps < 0 || steps > 1_000_000) {
            throw new CommandLine.ParameterException(cl, "--steps must be between 0 and 1000000, was " + steps);
        }
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new CommandLine.ParameterException(cl, "--step-size must be a number > 0, was " + stepSize);
        }
        LinearObjective objective;
        try {
            objective = new LinearObjective(loss, lambda);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        LinearScene scene = LinearScene.cs231nDemo();
        LabeledPoints points = scene.points();
        LinearModel model = scene.model();
        PrintWriter out = cl.getOut();
        out.printf(Locale.ROOT, "Preset %s: %d points, %d classes; loss %s: %s; R(W) = λ·ΣW² on W only, λ = %s%n",
                preset, points.size(), model.classCount(), loss.title(), loss.formula(), LossCommand.number(lambda));
        for (int s = 1; s <= steps; s++) {
            LinearObjective.Evaluation e = objective.evaluate(model, points);
            double after;
            try {
                model = model.step(e.gradient(), stepSize);
                after = objective.totalLoss(model, points);
            } catch (IllegalArgumentException overflow) {
                after = Double.POSITIVE_INFINITY;
            }
            if (!Double.isFinite(after)) {
                // A step that overflows a double is divergence, not a bug: say so, not "a parameter is not finite".
                throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT, "gradient descent diverges: "
                        + "step %d takes the total loss from %s beyond the largest double; use a smaller --step-size "
                        + "(was %s) or --lambda (was %s)", s, LossCommand.number(e.totalLoss()),
                        LossCommand.number(stepSize), LossCommand.number(lambda)));
            }
            out.printf(Locale.ROOT, "step %d: total loss %s → %s%n", s, LossCommand.number(e.totalLoss()),
                    LossCommand.number(after));
        }
        printModel(out, model);
        LinearObjective.Evaluation e = objective.evaluate(model, points);
        LossFormulation other = loss.otherFamily();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%3s %7s %7s %5s", "#", "x", "y", "class"));
        for (int c = 0; c < model.classCount(); c++) {
            header.append(String.format(Locale.ROOT, " %8s", "s" + c));
        }
        header.append(String.format(Locale.ROOT, " %10s %10s", loss.id(), other.id()));
        out.println(header);
        for (int i = 0; i < points.size(); i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%3d %7.3f %7.3f %5d", i, points.x(i),
                    points.y(i), points.label(i)));
            for (int c = 0; c < model.classCount(); c++) {
                row.append(String.format(Locale.ROOT, " %8.4f", e.scores()[i][c]));
            }
            row.append(String.format(Locale.ROOT, " %10.4f %10.4f", e.losses()[i], other.loss(e.scores()[i], points.label(i))));
            out.println(row);
        }
        out.printf(Locale.ROOT, "data loss %s  (mean over %d points)%n", LossCommand.number(e.dataLoss()), points.size());
        out.printf(Locale.ROOT, "regularisation loss %s  (λ·ΣW²)%n", LossCommand.number(e.regLoss()));
        out.printf(Locale.ROOT, "total loss %s%n", LossCommand.number(e.totalLoss()));
        if (gradient) {
            out.println("gradient (∂R/∂W = 2λW included):");
            for (int c = 0; c < model.classCount(); c++) {
                out.printf(Locale.ROOT, "  ∂L/∂W[%d] = [%s, %s]   ∂L/∂b[%d] = %s%n", c,
                        LossCommand.number(e.gradient().weight(c, 0)), LossCommand.number(e.gradient().weight(c, 1)), c,
                        LossCommand.number(e.gradient().bias(c)));
            }
        }
        return 0;
    }

    private static void printModel(PrintWriter out, LinearModel model) {
        for (int c = 0; c < model.classCount(); c++) {
            out.printf(Locale.ROOT, "  W[%d] = [%s, %s]   b[%d] = %s%n", c, LossCommand.number(model.weight(c, 0)),
                    LossCommand.number(model.weight(c, 1)), c, LossCommand.number(model.bias(c)));
        }
    }
}
