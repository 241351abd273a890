package org.classifierlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.linear.image.HyperparameterSearch;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.linear.image.SearchGrid;
import org.classifierlab.core.linear.image.SearchPoint;
import org.classifierlab.core.linear.image.SgdTrainer;
import org.classifierlab.core.linear.image.SplitSizes;
import org.classifierlab.core.linear.image.TrainConfig;
import org.classifierlab.core.linear.image.TrainResult;

/**
 * {@code classifier-lab train}: a linear classifier (multiclass SVM or softmax) on images, trained with
 * minibatch SGD as CS231n assignment 1's svm and softmax notebooks do; or their hyperparameter grid.
 * Runs on the calling thread (plus the training pool).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a linear classifier (multiclass SVM or softmax) on images with minibatch SGD, as CS231n "
                + "assignment 1 does: 49,000 train / 1,000 validation / 1,000 test images of CIFAR-10 (the same "
                + "proportions for other data), the mean training image subtracted, W = 0.0001·N(0,1), loss = mean "
                + "data loss + reg·ΣW² (the bias column regularised too, as in the notebooks).",
            "Prints the loss every 100 iterations, then training, validation and test accuracy."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--loss", defaultValue = "svm", paramLabel = "svm|softmax",
            description = "Multiclass SVM (hinge, Δ = 1) or softmax (cross-entropy); default ${DEFAULT-VALUE}.")
    String loss;

    @Option(names = "--lr", defaultValue = "1e-7", paramLabel = "RATE", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--reg", defaultValue = "2.5e4", paramLabel = "STRENGTH",
            description = "Regularisation strength: loss += reg·ΣW², gradient += 2·reg·W (default ${DEFAULT-VALUE}).")
    double reg;

    @Option(names = "--iters", defaultValue = "1500", paramLabel = "N", description = "SGD iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--batch", defaultValue = "200", paramLabel = "N",
            description = "Minibatch size, drawn with replacement (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Seed of the initial W, the minibatches and the dev set (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bias-trick", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Append a column of ones so the bias is W's last column (default); --no-bias-trick keeps a "
                    + "separate, unregularised b.")
    boolean biasTrick;

    @Option(names = "--templates", paramLabel = "FILE.png",
            description = "Write the learned templates (W's rows as images, global min/max) as a PNG grid.")
    Path templates;

    @Option(names = "--search", description = "Run the notebook's grid of learning rates × regularisation strengths "
            + "(--iters iterations each) and keep the model with the best validation accuracy.")
    boolean search;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        ImageLoss kind = parseLoss(cl, loss);
        check(cl);
        PrintWriter out = cl.getOut();
        Dataset d = dataset.load(cl, cl.getErr());
        SplitSizes sizes;
        try {
            sizes = SplitSizes.forDataset(d.train().size(), d.test().size());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--data: " + e.getMessage());
        }
        LinearImageData data = LinearImageData.prepare(d.train(), d.test(), sizes, biasTrick, seed);
        out.printf(Locale.ROOT, "%s: %s%n", d.name(), sizes.describe());
        out.printf(Locale.ROOT, "%,d columns: %d×%d×%d pixels minus the mean training image%s%n", data.dim(),
                data.channels(), data.height(), data.width(), biasTrick ? ", and a 1 for the bias (bias trick)"
                        : "; separate bias b");
        LinearImageModel model;
        if (search) {
            model = runSearch(out, data, kind);
        } else {
            TrainConfig cfg = new TrainConfig(kind, learningRate, reg, iterations, batch, seed);
            out.printf(Locale.ROOT, "%s: lr %s, reg %s, %,d iterations, batch %d, seed %d%n", kind.label(),
                    num(learningRate), num(reg), iterations, batch, seed);
            LinearImageModel start = LinearImageModel.initial(data.classCount(), data.dim(), biasTrick, seed);
            TrainResult r = SgdTrainer.train(data, start, cfg, null, 0, null);
            double[] h = r.lossHistory();
            for (int it = 0; it < h.length; it += 100) {
                out.printf(Locale.ROOT, "iteration %d / %d: loss %.6f%n", it, iterations, h[it]);
            }
            out.printf(Locale.ROOT, "final loss (iteration %d): %.6f%n", h.length - 1, h[h.length - 1]);
            model = r.model();
            out.printf(Locale.ROOT, "training accuracy:   %.4f%n", model.accuracy(data.train()));
            out.printf(Locale.ROOT, "validation accuracy: %.4f%n", model.accuracy(data.validation()));
        }
        out.printf(Locale.ROOT, "test accuracy:       %.4f%n", model.accuracy(data.test()));
        if (templates != null) {
            TemplateSheet.write(model, data, templates);
            out.printf(Locale.ROOT, "templates written to %s%n", templates);
        }
        return 0;
    }

    private LinearImageModel runSearch(PrintWriter out, LinearImageData data, ImageLoss kind) {
        SearchGrid grid = SearchGrid.notebook(kind);
        out.printf(Locale.ROOT, "%s, %s: %d learning rates × %d strengths, %,d iterations each, batch %d, seed %d%n",
                kind.label(), grid.name(), grid.learningRates().length, grid.regs().length, iterations, batch, seed);
        List<SearchPoint> points = HyperparameterSearch.run(data, kind, grid, iterations, batch, seed, null, null);
        SearchPoint best = HyperparameterSearch.best(points);
        out.printf(Locale.ROOT, "%12s %12s %10s %10s%n", "lr", "reg", "train acc", "val acc");
        for (SearchPoint p : points) {
            out.printf(Locale.ROOT, "%12s %12s %10.4f %10.4f%s%n", num(p.learningRate()), num(p.reg()),
                    p.trainAccuracy(), p.validationAccuracy(), p == best ? "  ← best" : "");
        }
        out.printf(Locale.ROOT, "best validation accuracy: %.4f (lr %s, reg %s)%n", best.validationAccuracy(),
                num(best.learningRate()), num(best.reg()));
        return best.model();
    }

    static ImageLoss parseLoss(CommandLine cl, String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "svm", "hinge" -> ImageLoss.SVM;
            case "softmax", "cross-entropy" -> ImageLoss.SOFTMAX;
            default -> throw new CommandLine.ParameterException(cl, "--loss must be svm or softmax, not '" + name + "'");
        };
    }

    private void check(CommandLine cl) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new CommandLine.ParameterException(cl, "--lr must be a positive finite number, not " + learningRate);
        }
        if (!(reg >= 0) || Double.isInfinite(reg)) {
            throw new CommandLine.ParameterException(cl, "--reg must be a finite number ≥ 0, not " + reg);
        }
        if (iterations < 1 || iterations > TrainConfig.MAX_ITERATIONS) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT,
                    "--iters must be between 1 and %,d, not %,d", TrainConfig.MAX_ITERATIONS, iterations));
        }
        if (batch < 1 || batch > TrainConfig.MAX_BATCH) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT,
                    "--batch must be between 1 and %,d, not %,d", TrainConfig.MAX_BATCH, batch));
        }
        if (templates != null) {
            Path parent = templates.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new CommandLine.ParameterException(cl, "--templates: the folder " + parent + " does not exist");
            }
        }
    }

    /** 1e-07, 25000, 5e-05: the notebooks' way of writing the grid. */
    static String num(double v) {
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e7)) {
            return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+e", "e");
        }
        return String.format(Locale.ROOT, "%s", v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
    }
}
