package org.classifierlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.classifierlab.core.linear.ScoreTerms;

/**
 * {@code classifier-lab scores}: the lecture's algebraic viewpoint, {@code f(x) = W x + b} for one image
 * with every product written out. The slide's example prints its ship score as 61.95; the sum is 60.75.
 * Calling thread.
 */
@Command(name = "scores", mixinStandardHelpOptions = true,
        description = {"Class scores f(x) = W·x + b of one image, every product written out (the lecture's "
                + "algebraic viewpoint).",
            "Example (the slide's): --pixels 56,231,24,2 --weights \"0.2,-0.5,0.1,2.0;1.5,1.3,2.1,0.0;0,0.25,0.2,-0.3\" "
                + "--bias 1.1,3.2,-1.2 --names cat,dog,ship"})
public final class ScoresCommand implements Callable<Integer> {

    @Option(names = "--pixels", required = true, split = ",", paramLabel = "X", description = "The image's pixel values x, comma-separated.")
    double[] pixels;

    @Option(names = "--weights", required = true, paramLabel = "W",
            description = "W, one row per class separated by ';', entries by ','.")
    String weights;

    @Option(names = "--bias", required = true, split = ",", paramLabel = "B", description = "One bias per class.")
    double[] bias;

    @Option(names = "--names", split = ",", paramLabel = "NAME", description = "Class names, e.g. cat,dog,ship.")
    String[] names;

    @Option(names = "--bias-trick", description = "Also show the same scores as [W | b]·[x; 1].")
    boolean biasTrick;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        String[] rows = weights.split(";", -1);
        double[][] w = new double[rows.length][];
        for (int c = 0; c < rows.length; c++) {
            String[] parts = rows[c].split(",", -1);
            w[c] = new double[parts.length];
            for (int j = 0; j < parts.length; j++) {
                try {
                    w[c][j] = Double.parseDouble(parts[j].trim());
                } catch (NumberFormatException e) {
                    throw new CommandLine.ParameterException(cl, "--weights: row " + (c + 1) + ", entry " + (j + 1)
                            + " is not a number: '" + parts[j] + "'");
                }
                if (!Double.isFinite(w[c][j])) {
                    throw new CommandLine.ParameterException(cl, "--weights: row " + (c + 1) + ", entry " + (j + 1)
                            + " must be finite");
                }
            }
            if (w[c].length != pixels.length) {
                throw new CommandLine.ParameterException(cl, "--weights: row " + (c + 1) + " has " + w[c].length
                        + " entries, --pixels " + pixels.length);
            }
        }
        if (bias.length != w.length) {
            throw new CommandLine.ParameterException(cl, "--bias gives " + bias.length + " values for " + w.length
                    + " rows of --weights");
        }
        if (names != null && names.length != w.length) {
            throw new CommandLine.ParameterException(cl, "--names gives " + names.length + " names for " + w.length
                    + " classes");
        }
        ScoreTerms terms = new ScoreTerms(w, bias, pixels);
        PrintWriter out = cl.getOut();
        out.printf(Locale.ROOT, "f(x) = W·x + b: %d classes, %d pixels%n", w.length, pixels.length);
        print(out, terms);
        if (biasTrick) {
            out.printf(Locale.ROOT, "%nBias trick, [W | b]·[x; 1] (the same scores):%n");
            print(out, terms.withBiasTrick());
        }
        int best = 0;
        for (int c = 1; c < w.length; c++) {
            if (terms.score(c) > terms.score(best)) {
                best = c;
            }
        }
        out.printf(Locale.ROOT, "highest score: %s%n", name(best));
        return 0;
    }

    private void print(PrintWriter out, ScoreTerms t) {
        int width = 5;
        for (int c = 0; c < t.classCount(); c++) {
            width = Math.max(width, name(c).length());
        }
        for (int c = 0; c < t.classCount(); c++) {
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", name(c), t.formula(c, Locale.ROOT));
        }
    }

    private String name(int c) {
        return names == null ? "class " + c : names[c];
    }
}
