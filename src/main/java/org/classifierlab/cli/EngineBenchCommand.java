package org.classifierlab.cli;

import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.PrunedIndex;
import org.classifierlab.core.Progress;

/**
 * {@code classifier-lab bench engine}: times the distance engine (distance matrix and brute-force k
 * nearest neighbours) beside the pruned index (its build and its search) on CIFAR-10 pixels or random
 * uint8 rows and prints median and spread. Runs on the calling thread (the engine adds its own workers).
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Times the k-NN distance engine: distance matrix and nearest neighbours on uint8 rows.")
public final class EngineBenchCommand implements Callable<Integer> {

    private static final int CIFAR_DIMS = 3072;
    private static final int CIFAR_RECORD = CIFAR_DIMS + 1;
    private static final int CIFAR_BATCH = 10_000;
    private static final long MATRIX_LIMIT = 50_000_000L;
    private static final int SAMPLE_QUERIES = 256;
    private static final int SAMPLE_REFS = 4096;

    @Option(names = "--queries", defaultValue = "500", description = "Query rows (CIFAR: from test_batch.bin; default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--refs", defaultValue = "5000", description = "Reference rows (CIFAR: from data_batch_1…5.bin; default ${DEFAULT-VALUE}).")
    int refs;

    @Option(names = "--dims", defaultValue = "3072", description = "Values per row for random data (default ${DEFAULT-VALUE}).")
    int dims;

    @Option(names = "--metric", split = ",", defaultValue = "L2", description = "L1, L2 and/or LINF, comma-separated (default ${DEFAULT-VALUE}).")
    Metric[] metrics;

    @Option(names = "--k", split = ",", defaultValue = "1,10", description = "Neighbour counts to time, comma-separated (default ${DEFAULT-VALUE}).")
    int[] ks;

    @Option(names = "--data", defaultValue = "random",
            description = "A folder with the CIFAR-10 binary batches, or 'random' for uniform random bytes (default ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--no-matrix", description = "Skip the distance matrix (it is skipped anyway above 50 million entries).")
    boolean noMatrix;

    @Option(names = "--no-nearest", description = "Skip the nearest-neighbour searches.")
    boolean noNearest;

    @Option(names = "--no-brute-force", description = "Skip the brute-force searches (time only the pruned index).")
    boolean noBruteForce;

    @Option(names = "--no-pruned", description = "Skip the pruned index.")
    boolean noPruned;

    @Option(names = "--one-at-a-time", description = "Search the queries one by one (as the gallery does) and "
            + "report times per query: each run's total divided by --queries.")
    boolean oneAtATime;

    @Option(names = "--shape", split = ",", paramLabel = "C,H,W",
            description = "Image shape of a row for the pruned index (default: 3,32,32 for CIFAR-10, 1,1,dims for random data).")
    int[] shape;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--warmup", defaultValue = "2",
            description = "Untimed full-size runs first, after one on a small sample (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--build-runs", defaultValue = "5",
            description = "Timed index builds, at most --runs, after at most one warm-up (default ${DEFAULT-VALUE}).")
    int buildRuns;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random data (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean random = "random".equals(data);
        if (queries < 1 || refs < 1 || dims < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--queries, --refs and --dims must be at least 1");
        }
        if (!random && (queries > CIFAR_BATCH || refs > 5 * CIFAR_BATCH)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "CIFAR-10 has 10000 test and 50000 training images; asked for " + queries + " and " + refs);
        }
        if (runs < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be ≥ 1 and --warmup ≥ 0");
        }
        for (int k : ks) {
            if (k < 1 || k > refs) {
                throw new CommandLine.ParameterException(spec.commandLine(), "every --k must be between 1 and --refs, got " + k);
            }
        }
        int parallelism = threads == null ? DistanceEngine.defaultThreads() : threads;
        if (parallelism < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        ByteMatrix q;
        ByteMatrix r;
        if (random) {
            q = randomRows(queries, dims, new Random(seed));
            r = randomRows(refs, dims, new Random(seed + 1));
        } else {
            Path dir = Path.of(data);
            q = cifarRows(dir, new String[] {"test_batch.bin"}, queries);
            r = cifarRows(dir, new String[] {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin"}, refs);
        }
        int[] imageShape = shape != null ? shape : random ? new int[] {1, 1, dims} : new int[] {3, 32, 32};
        if (imageShape.length != 3 || (long) imageShape[0] * imageShape[1] * imageShape[2] != q.cols()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--shape needs channels,height,width multiplying to " + q.cols());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Distance engine: %s, %d queries x %d references x %d dims (uint8), %d thread(s), "
                        + "%d warm-up + %d timed runs%n", random ? "random data" : "CIFAR-10 " + data, q.rows(), r.rows(),
                q.cols(), parallelism, warmup, runs);
        out.printf(Locale.ROOT, "%-16s %-6s %5s %10s %10s %10s%n", "operation", "metric", "k", "median ms", "min ms", "max ms");
        boolean matrix = !noMatrix && (long) q.rows() * r.rows() <= MATRIX_LIMIT;
        // the JIT compiles the kernels on a small untimed sample first, so that even a single timed
        // run of a large search measures compiled code, as numpy's precompiled BLAS would
        ByteMatrix sampleQueries = q.copyRows(0, Math.min(q.rows(), SAMPLE_QUERIES));
        ByteMatrix sampleRefs = r.copyRows(0, Math.min(r.rows(), SAMPLE_REFS));
        PrunedIndex index = null;
        PrunedIndex sampleIndex = null;
        if (!noPruned && !noNearest) {
            sampleIndex = PrunedIndex.build(sampleRefs, imageShape[0], imageShape[1], imageShape[2], Progress.NONE, () -> false);
            PrunedIndex[] built = new PrunedIndex[1];
            double[] ms = time(Math.min(warmup, 1), Math.min(runs, buildRuns),
                    () -> built[0] = PrunedIndex.build(r, imageShape[0], imageShape[1], imageShape[2],
                    Progress.NONE, () -> false));
            index = built[0];
            row(out, "index build", null, "-", ms);
        }
        for (Metric metric : metrics) {
            if (matrix) {
                DistanceEngine.distanceMatrix(sampleQueries, sampleRefs, metric, parallelism);
                double[] ms = time(() -> DistanceEngine.distanceMatrix(q, r, metric, parallelism));
                row(out, "distanceMatrix", metric, "-", ms);
            }
            if (!noNearest) {
                for (int k : ks) {
                    DistanceEngine.Options options = DistanceEngine.Options.of(k, metric).withThreads(parallelism);
                    DistanceEngine.Options sample = DistanceEngine.Options.of(Math.min(k, sampleRefs.rows()), metric)
                            .withThreads(parallelism);
                    if (!noBruteForce) {
                        DistanceEngine.nearest(sampleQueries, sampleRefs, sample);
                        double[] ms = timeQueries(q, one -> DistanceEngine.nearest(one, r, options));
                        row(out, "nearest", metric, Integer.toString(k), ms);
                    }
                    if (index != null) {
                        PrunedIndex pruned = index;
                        sampleIndex.nearest(sampleQueries, sample);
                        double[] ms = timeQueries(q, one -> pruned.nearest(one, options));
                        row(out, pruned.prunes(options) ? "pruned" : "pruned=brute", metric, Integer.toString(k), ms);
                    }
                }
            }
        }
        if (index != null && !noNearest && List.of(metrics).contains(Metric.L1) && List.of(metrics).contains(Metric.L2)
                && (q.rows() < 20 || oneAtATime)) {
            // the gallery's case: L1 and L2 of the same queries, one after the other and side by side
            PrunedIndex pruned = index;
            for (int k : ks) {
                List<DistanceEngine.Options> both = List.of(
                        DistanceEngine.Options.of(k, Metric.L1).withThreads(parallelism),
                        DistanceEngine.Options.of(k, Metric.L2).withThreads(parallelism));
                double[] sequential = timeQueries(q, one -> both.forEach(o -> pruned.nearest(one, o)));
                row(out, "pruned L1, L2", null, Integer.toString(k), sequential);
                double[] together = timeQueries(q, one -> pruned.nearestEach(one, both));
                row(out, "pruned L1 & L2", null, Integer.toString(k), together);
            }
        }
        if (index != null) {
            out.printf(Locale.ROOT, "%s: %.1f MB besides the images%n", index, index.indexBytes() / 1e6);
        }
        return 0;
    }

    private double[] time(Runnable task) {
        return time(warmup, runs, task);
    }

    /** Times {@code search} of all queries at once, or with --one-at-a-time of each query in turn (ms per query). */
    private double[] timeQueries(ByteMatrix queries, java.util.function.Consumer<ByteMatrix> search) {
        if (!oneAtATime) {
            return time(() -> search.accept(queries));
        }
        ByteMatrix[] rows = new ByteMatrix[queries.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = queries.copyRows(i, i + 1);
        }
        double[] ms = time(() -> {
            for (ByteMatrix one : rows) {
                search.accept(one);
            }
        });
        for (int i = 0; i < ms.length; i++) {
            ms[i] /= rows.length;
        }
        return ms;
    }

    private static double[] time(int warmup, int runs, Runnable task) {
        double[] ms = new double[runs];
        for (int i = 0; i < warmup + runs; i++) {
            long t0 = System.nanoTime();
            task.run();
            long t = System.nanoTime() - t0;
            if (i >= warmup) {
                ms[i - warmup] = t / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void row(PrintWriter out, String operation, Metric metric, String k, double[] ms) {
        out.printf(Locale.ROOT, "%-16s %-6s %5s %10.2f %10.2f %10.2f%n", operation, metric == null ? "-" : metric, k,
                ms[ms.length / 2], ms[0],
                ms[ms.length - 1]);
    }

    private static ByteMatrix randomRows(int rows, int cols, Random random) {
        byte[] values = new byte[Math.multiplyExact(rows, cols)];
        random.nextBytes(values);
        return new ByteMatrix(values, rows, cols);
    }

    /** The first {@code rows} images of the given CIFAR-10 batch files, pixels only (label bytes dropped). */
    static ByteMatrix cifarRows(Path dir, String[] files, int rows) throws IOException {
        byte[] pixels = new byte[Math.multiplyExact(rows, CIFAR_DIMS)];
        byte[] record = new byte[CIFAR_RECORD];
        int row = 0;
        for (String name : files) {
            if (row == rows) {
                break;
            }
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IOException("missing CIFAR-10 batch " + file + " (get it with /work/shared/tools/get-cifar10.sh)");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                while (row < rows) {
                    int n = in.readNBytes(record, 0, CIFAR_RECORD);
                    if (n == 0) {
                        break;
                    }
                    if (n < CIFAR_RECORD) {
                        throw new IOException(file + " ends inside a record (" + n + " of " + CIFAR_RECORD + " bytes)");
                    }
                    System.arraycopy(record, 1, pixels, row * CIFAR_DIMS, CIFAR_DIMS);
                    row++;
                }
            }
        }
        if (row < rows) {
            throw new IOException("the CIFAR-10 batches in " + dir + " hold only " + row + " images, asked for " + rows);
        }
        return new ByteMatrix(pixels, rows, CIFAR_DIMS);
    }
}
