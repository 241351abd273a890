package org.classifierlab.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.classifierlab.core.Progress;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;

/** {@code classifier-lab bench load PATH}: how long a dataset takes to load and how much heap it holds. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Times loading a dataset (folder or archive) and measures the heap it occupies.")
public final class LoadBenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", description = "Dataset folder or archive.")
    Path path;

    @Option(names = "--runs", defaultValue = "5", description = "Timed loads (default ${DEFAULT-VALUE}).")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        double[] seconds = new double[runs];
        long heapBefore = 0;
        long heapAfter = 0;
        Dataset kept = null;
        for (int r = 0; r < runs; r++) {
            kept = null;
            System.gc();
            heapBefore = memory.getHeapMemoryUsage().getUsed();
            long t0 = System.nanoTime();
            kept = DatasetLoader.load(path, Progress.NONE, () -> false);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            System.gc();
            heapAfter = memory.getHeapMemoryUsage().getUsed();
        }
        double first = seconds[0];
        Arrays.sort(seconds);
        out.printf(Locale.ROOT, "%s (%s): %,d training + %,d test images%n", kept.name(), kept.format().label(),
                kept.train().size(), kept.test().size());
        out.printf(Locale.ROOT, "load time: first %.3f s, median %.3f s, min %.3f s over %d runs%n", first,
                seconds[runs / 2], seconds[0], runs);
        out.printf(Locale.ROOT, "heap held by the dataset: %.1f MB (pixel and label arrays: %.1f MB)%n",
                (heapAfter - heapBefore) / 1e6, kept.heapBytes() / 1e6);
        return 0;
    }
}
