package org.classifierlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.linear.image.SgdTrainer;
import org.classifierlab.core.linear.image.SplitSizes;
import org.classifierlab.core.linear.image.TrainConfig;
import org.classifierlab.core.linear.image.TrainResult;

/**
 * {@code classifier-lab bench train}: times the notebooks' training run (1,500 SGD steps at batch 200 on the
 * 49,000-image training split, bias trick) for SVM and softmax, and a full evaluation (scores and accuracy
 * of the training split). Calling thread plus the linear package's pool.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Times 1,500 SGD iterations (SVM, softmax) and a full evaluation of the training split.")
public final class TrainBenchCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--iters", defaultValue = "1500", description = "SGD iterations per run (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--batch", defaultValue = "200", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", description = "Threads (default: the available processors, at most 8).")
    Integer threads;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed training runs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "3", description = "Timed training runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--eval-runs", defaultValue = "10", description = "Timed evaluations (default ${DEFAULT-VALUE}).")
    int evalRuns;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (runs < 1 || warmup < 0 || evalRuns < 1 || (threads != null && threads < 1)) {
            throw new CommandLine.ParameterException(cl, "need --runs ≥ 1, --eval-runs ≥ 1, --warmup ≥ 0, --threads ≥ 1");
        }
        PrintWriter out = cl.getOut();
        Dataset d = dataset.load(cl, cl.getErr());
        SplitSizes sizes = SplitSizes.forDataset(d.train().size(), d.test().size());
        long t0 = System.nanoTime();
        LinearImageData data = LinearImageData.prepare(d.train(), d.test(), sizes, true, 0);
        double prepMs = (System.nanoTime() - t0) / 1e6;
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        out.printf(Locale.ROOT, "%s: %s, %d columns (bias trick); preprocessing %.0f ms%n", d.name(), sizes.describe(),
                data.dim(), prepMs);
        out.printf(Locale.ROOT, "%d warm-up + %d timed runs, %d threads requested, %s%n", warmup, runs, t,
                Runtime.version());
        out.printf(Locale.ROOT, "%-52s %s %10s%n", "work", Timings.HEADER, "µs/iter");
        LinearImageModel start = LinearImageModel.initial(data.classCount(), data.dim(), true, 0);
        for (ImageLoss loss : ImageLoss.values()) {
            TrainConfig cfg = TrainConfig.defaults(loss).withIterations(iterations).withBatchSize(batch);
            TrainResult[] last = new TrainResult[1];
            Timings tm = Timings.measure(warmup, runs,
                    () -> last[0] = SgdTrainer.train(data.train(), start, cfg, null, 0, null, t));
            out.printf(Locale.ROOT, "%-52s %s %10.1f%n",
                    String.format(Locale.ROOT, "train %s, %,d iters, batch %d", loss.name().toLowerCase(Locale.ROOT),
                            iterations, batch), tm.row(), 1000 * tm.median() / iterations);
            out.printf(Locale.ROOT, "  final loss %.3f, train %.3f, val %.3f%n",
                    last[0].lossHistory()[iterations - 1], last[0].model().accuracy(data.train()),
                    last[0].model().accuracy(data.validation()));
        }
        LinearImageModel model = SgdTrainer.train(data.train(), start, TrainConfig.defaults(ImageLoss.SVM)
                .withIterations(100), null, 0, null, t).model();
        double[] acc = new double[1];
        Timings ev = Timings.measure(3, evalRuns, () -> acc[0] = model.accuracy(data.train()));
        out.printf(Locale.ROOT, "%-52s %s%n", String.format(Locale.ROOT, "evaluate %,d rows (scores + accuracy)",
                data.train().n()), ev.row());
        return 0;
    }
}
