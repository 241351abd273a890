package org.classifierlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.SoftmaxLoss;

/**
 * {@code classifier-lab loss}: the hinge and cross-entropy loss of one score vector, with every per-class
 * term and the softmax steps. Runs on the calling thread.
 */
@Command(name = "loss", mixinStandardHelpOptions = true,
        description = "Multiclass SVM (hinge) and softmax cross-entropy loss of one example, term by term.")
public final class LossCommand implements Callable<Integer> {

    @Option(names = "--scores", required = true, split = ",", paramLabel = "S",
            description = "Class scores, comma-separated (2 to 1000 classes), e.g. 3.2,5.1,-1.7.")
    double[] scores;

    @Option(names = "--label", required = true, paramLabel = "Y", description = "The correct class, from 0.")
    int label;

    @Option(names = "--delta", defaultValue = "1", paramLabel = "Δ",
            description = "The hinge margin Δ ≥ 0 (default ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--squared", description = "Squared hinge: max(0, ·)².")
    boolean squared;

    @Option(names = "--include-correct", description = "Sum the hinge over all classes, including the correct one.")
    boolean includeCorrect;

    @Option(names = "--mean", description = "Mean of the hinge terms instead of their sum.")
    boolean mean;

    @Option(names = "--names", split = ",", paramLabel = "NAME", description = "Class names, e.g. cat,car,frog.")
    String[] names;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (names != null && names.length != scores.length) {
            throw new CommandLine.ParameterException(cl, "--names gives " + names.length + " names for "
                    + scores.length + " scores");
        }
        HingeLoss.Options options;
        HingeLoss.Result hinge;
        SoftmaxLoss.Result softmax;
        try {
            options = new HingeLoss.Options(delta, squared, includeCorrect, mean);
            hinge = HingeLoss.of(scores, label, options);
            softmax = SoftmaxLoss.of(scores, label);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        PrintWriter out = cl.getOut();
        out.printf(Locale.ROOT, "%d classes, correct class %s%n%n", scores.length, name(label));

        out.printf(Locale.ROOT, "Multiclass SVM loss: %s%s over %s, Δ = %s%n", squared ? "squared hinge max(0, s_j − s_y + Δ)²" : "hinge max(0, s_j − s_y + Δ)",
                mean ? ", mean" : ", sum", includeCorrect ? "all classes" : "j ≠ y", number(delta));
        out.printf(Locale.ROOT, "  %-12s %10s %16s %12s%n", "class", "score", "s_j − s_y + Δ", "term");
        for (int j = 0; j < scores.length; j++) {
            String term = j == label && !includeCorrect ? "(correct)" : number(hinge.terms()[j]);
            out.printf(Locale.ROOT, "  %-12s %10s %16s %12s%n", name(j), number(scores[j]), number(hinge.margins()[j]), term);
        }
        out.printf(Locale.ROOT, "  hinge loss = %s%n%n", number(hinge.loss()));

        out.printf(Locale.ROOT, "Softmax cross-entropy: −log(e^s_y / Σ e^s_j), scores shifted by their max %s%n",
                number(softmax.max()));
        out.printf(Locale.ROOT, "  %-12s %10s %12s %14s %12s%n", "class", "score", "s − max", "exp(s − max)", "p");
        for (int j = 0; j < scores.length; j++) {
            out.printf(Locale.ROOT, "  %-12s %10s %12s %14s %12s%n", name(j), number(scores[j]),
                    number(softmax.shifted()[j]), number(softmax.exps()[j]), number(softmax.probabilities()[j]));
        }
        out.printf(Locale.ROOT, "  cross-entropy loss = −log p_%d = %s%n", label, number(softmax.loss()));
        return 0;
    }

    private String name(int j) {
        return names == null ? Integer.toString(j) : j + " " + names[j];
    }

    /** Four decimals for ordinary numbers, scientific notation for the very small and very large. */
    static String number(double v) {
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-4 && a < 1e7)) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
