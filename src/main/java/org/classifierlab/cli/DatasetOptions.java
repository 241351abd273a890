package org.classifierlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import org.classifierlab.core.Progress;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.classifierlab.core.data.ImageDataset;

/** {@code --data}, {@code --train}, {@code --test}: which images a headless command works on. */
final class DatasetOptions {

    @Option(names = {"-d", "--data"}, required = true, paramLabel = "PATH|sample",
            description = "A dataset folder or archive (CIFAR-10 binary or python, CIFAR-100 binary, IDX), "
                    + "or 'sample' for the bundled 5,000 + 500 CIFAR-10 images.")
    String data;

    @Option(names = "--train", paramLabel = "N", description = "Use the first N training images (default: all).")
    Integer train;

    @Option(names = "--test", paramLabel = "N", description = "Use the first N test images (default: all).")
    Integer test;

    /** The dataset cut to --train/--test, or a ParameterException with a clear message. */
    Dataset load(CommandLine cl, PrintWriter err) throws Exception {
        Dataset d;
        if ("sample".equalsIgnoreCase(data)) {
            d = DatasetLoader.loadSample();
        } else {
            Path path = Path.of(data);
            if (!Files.exists(path)) {
                throw new CommandLine.ParameterException(cl, "--data: " + path + " does not exist");
            }
            long[] lastPercent = {-1};
            Progress progress = (done, total, message) -> {
                long percent = total > 0 ? 100 * done / total : -1;
                if (percent / 10 != lastPercent[0] / 10 && System.console() != null) {
                    lastPercent[0] = percent;
                    err.printf(Locale.ROOT, "\r%s %3d%%", message, Math.max(0, percent));
                    err.flush();
                }
            };
            d = DatasetLoader.load(path, progress, () -> false);
            if (System.console() != null) {
                err.println();
            }
        }
        ImageDataset tr = cut(cl, d.train(), train, "--train");
        ImageDataset te = cut(cl, d.test(), test, "--test");
        return new Dataset(d.name(), tr, te, d.format(), d.source());
    }

    private static ImageDataset cut(CommandLine cl, ImageDataset set, Integer n, String option) {
        if (n == null) {
            return set;
        }
        if (n < 1 || n > set.size()) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT,
                    "%s must be between 1 and %,d (the images there are), not %,d", option, set.size(), n));
        }
        return set.first(n);
    }
}
