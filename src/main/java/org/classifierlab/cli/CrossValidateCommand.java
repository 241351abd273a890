package org.classifierlab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.CrossValidationResult;
import org.classifierlab.core.knn.ImageCrossValidation;
import org.classifierlab.core.knn.PrunedIndex;

/** {@code classifier-lab cv}: n-fold cross-validation of K on a dataset's training images. */
@Command(name = "cv", mixinStandardHelpOptions = true,
        description = "n-fold cross-validation over K on the training images: mean and std per K, best K.")
public final class CrossValidateCommand implements Callable<Integer> {

    @Mixin
    DatasetOptions dataset;

    @Option(names = "--folds", defaultValue = "5", description = "Number of folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "-k", split = ",", defaultValue = "1,3,5,8,10,12,15,20,50,100", paramLabel = "K",
            description = "K values (default: the assignment's ${DEFAULT-VALUE}).")
    int[] ks;

    @Mixin
    ClassifierOptions classifier;

    @Option(names = "--shuffle", description = "Shuffle before splitting into folds (default: contiguous folds, as the assignments do).")
    boolean shuffle;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the shuffle (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--brute-force", description = "Search every fold by brute force instead of one pruned index "
            + "over all training images (same results; the reference).")
    boolean bruteForce;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Dataset d = dataset.load(spec.commandLine(), err);
        ImageDataset train = d.train();
        if (folds < 2 || folds > train.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--folds must be between 2 and %,d (the training images), not %d", train.size(), folds));
        }
        KnnCommand.checkKs(spec.commandLine(), ks, train.size() - (train.size() + folds - 1) / folds);
        out.printf(Locale.ROOT, "%s: %d-fold cross-validation on %,d training images (%s folds), %s, tie rule %s%n",
                d.name(), folds, train.size(), shuffle ? "shuffled, seed " + seed : "contiguous", classifier.metric, classifier.rule);
        long t0 = System.nanoTime();
        long[] lastTenth = {-1};
        long[] indexed = {0};
        ImageCrossValidation.Search search = bruteForce ? ImageCrossValidation.Search.bruteForce()
                : ImageCrossValidation.Search.pruned(train.channels(), train.height(), train.width());
        CrossValidationResult r = ImageCrossValidation.run(KnnCommand.matrix(train), train.labels(),
                train.classCount(), folds, ks, classifier.metric, classifier.rule, shuffle, seed, search, (done, total, message) -> {
                    if (message.startsWith("Indexing")) {
                        // the index is built before the first fold; its last update ends the build
                        indexed[0] = System.nanoTime();
                        return;
                    }
                    long tenth = total > 0 ? 10 * done / total : -1;
                    if (tenth != lastTenth[0] && System.console() != null) {
                        lastTenth[0] = tenth;
                        err.printf(Locale.ROOT, "\rcross-validating %3d%%", 10 * tenth);
                        err.flush();
                    }
                }, () -> false);
        if (System.console() != null) {
            err.println();
        }
        out.printf(Locale.ROOT, "%6s %10s %10s   %s%n", "K", "mean", "std", "fold accuracies");
        for (int i = 0; i < r.ks().length; i++) {
            StringBuilder f = new StringBuilder();
            for (double a : r.foldAccuracy()[i]) {
                f.append(String.format(Locale.ROOT, " %.4f", a));
            }
            out.printf(Locale.ROOT, "%6d %9.2f%% %9.2f%%  %s%n", r.ks()[i], 100 * r.mean()[i], 100 * r.std()[i], f);
        }
        out.printf(Locale.ROOT, "best K = %d  (std: sample standard deviation over folds, n-1)%n", r.bestK());
        long t1 = System.nanoTime();
        if (indexed[0] != 0) {
            int largestFold = (train.size() + folds - 1) / folds;
            int kMax = Math.min(Arrays.stream(ks).max().getAsInt(), train.size() - largestFold);
            boolean pruned = PrunedIndex.pays(classifier.metric, kMax, train.size() - largestFold);
            out.printf(Locale.ROOT, "time: %.2f s (index built in %.2f s, then %d fold searches in %.2f s, %s)%n",
                    (t1 - t0) / 1e9, (indexed[0] - t0) / 1e9, folds, (t1 - indexed[0]) / 1e9,
                    pruned ? "pruned" : "brute force: pruning does not pay for K = " + kMax);
        } else {
            out.printf(Locale.ROOT, "time: %.2f s (%s)%n", (t1 - t0) / 1e9,
                    bruteForce ? "brute force" : "brute force: these images are too small to index");
        }
        return 0;
    }
}
