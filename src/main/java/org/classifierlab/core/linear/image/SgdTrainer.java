package org.classifierlab.core.linear.image;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Minibatch SGD as the notebooks' {@code LinearClassifier.train}: each step draws {@code batchSize} training
 * rows with replacement ({@code np.random.choice(num_train, batch_size)}; here {@link SplittableRandom} seeded
 * with the config's seed), computes the loss and gradient ({@link ImageLosses}) and steps
 * {@code W −= lr · dW}. Runs on the calling thread plus the package's small pool; the same seed gives
 * bit-identical losses and weights on any number of threads.
 */
public final class SgdTrainer {

    private SgdTrainer() {
    }

    /**
     * Trains from {@code start} on {@code data.train()}.
     *
     * @param snapshots          called on the training thread at most once per {@code snapshotEveryNanos} and
     *                           always once at the end (null: none); a snapshot copies W, so it is cheap
     * @param snapshotEveryNanos the least time between two snapshots (0: after every step)
     * @param cancelled          checked before every step (null: never); when it turns true the model so far is
     *                           returned with {@code cancelled = true}
     */
    public static TrainResult train(LinearImageData data, LinearImageModel start, TrainConfig cfg,
                                    Consumer<TrainSnapshot> snapshots, long snapshotEveryNanos,
                                    BooleanSupplier cancelled) {
        return train(data.train(), start, cfg, snapshots, snapshotEveryNanos, cancelled, Workers.THREADS);
    }

    /** {@link #train} on any split with at most {@code threads} threads (benchmarks, tests). */
    public static TrainResult train(Split train, LinearImageModel start, TrainConfig cfg, Consumer<TrainSnapshot> snapshots,
                             long snapshotEveryNanos, BooleanSupplier cancelled, int threads) {
        Objects.requireNonNull(cfg, "cfg");
        if (train.dim() != start.dim()) {
            throw new IllegalArgumentException("the training rows have " + train.dim() + " columns, the model "
                    + start.dim());
        }
        if (train.n() < 1) {
            throw new IllegalArgumentException("the training split is empty");
        }
        if (snapshotEveryNanos < 0) {
            throw new IllegalArgumentException("snapshotEveryNanos must be ≥ 0, was " + snapshotEveryNanos);
        }
        int c = start.classCount();
        float[] w = start.weights();
        float[] b = start.biasTrick() ? null : start.bias();
        float[] zeros = new float[c];
        ImageLosses.Batch batch = new ImageLosses.Batch(c, start.dim(), b != null);
        SplittableRandom random = new SplittableRandom(cfg.seed());
        int[] rows = new int[cfg.batchSize()];
        double[] history = new double[cfg.iterations()];
        long lastSnapshot = System.nanoTime();
        int done = 0;
        boolean stopped = false;
        while (done < cfg.iterations()) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                stopped = true;
                break;
            }
            for (int i = 0; i < rows.length; i++) {
                rows[i] = random.nextInt(train.n());
            }
            double data = batch.run(cfg.loss(), w, b, train.x(), train.y(), rows, rows.length, threads);
            double regLoss = batch.step(w, b, rows.length, cfg.reg(), cfg.learningRate());
            history[done++] = data / rows.length + regLoss;
            if (snapshots != null && done < cfg.iterations()) {
                long now = System.nanoTime();
                if (now - lastSnapshot >= snapshotEveryNanos) {
                    lastSnapshot = now;
                    snapshots.accept(snapshot(done, cfg, history, w, b, zeros, start));
                }
            }
        }
        TrainSnapshot last = snapshot(done, cfg, history, w, b, zeros, start);
        if (snapshots != null) {
            snapshots.accept(last);
        }
        return new TrainResult(last.model(), last.lossHistory(), done, stopped);
    }

    private static TrainSnapshot snapshot(int done, TrainConfig cfg, double[] history, float[] w, float[] b,
                                          float[] zeros, LinearImageModel start) {
        LinearImageModel m = new LinearImageModel(start.classCount(), start.dim(), start.biasTrick(), w.clone(),
                b == null ? zeros.clone() : b.clone());
        return new TrainSnapshot(done, cfg.iterations(), done == 0 ? Double.NaN : history[done - 1],
                Arrays.copyOf(history, done), m);
    }
}
