package org.classifierlab.core.linear.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The notebooks' tuning loop: for every learning rate, for every regularisation strength, train from the
 * seeded initial W, then record the accuracy on the whole training split and on the validation split.
 * Calling thread plus the package pool.
 */
public final class HyperparameterSearch {

    private HyperparameterSearch() {
    }

    /**
     * Runs the grid in order (learning rate outer, reg inner); each point starts from
     * {@link LinearImageModel#initial} with {@code seed} and draws its batches with {@code seed}.
     *
     * @param each      called with every finished point, on this thread (null: nobody)
     * @param cancelled checked during training (null: never); the points finished so far are returned
     */
    public static List<SearchPoint> run(LinearImageData data, ImageLoss loss, SearchGrid grid, int iterations,
                                        int batchSize, long seed, Consumer<SearchPoint> each, BooleanSupplier cancelled) {
        Objects.requireNonNull(grid, "grid");
        List<SearchPoint> points = new ArrayList<>(grid.size());
        for (double lr : grid.learningRates()) {
            for (double reg : grid.regs()) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    return points;
                }
                TrainConfig cfg = new TrainConfig(loss, lr, reg, iterations, batchSize, seed);
                LinearImageModel start = LinearImageModel.initial(data.classCount(), data.dim(), data.biasTrick(), seed);
                TrainResult r = SgdTrainer.train(data, start, cfg, null, 0, cancelled);
                if (r.cancelled()) {
                    return points;
                }
                SearchPoint p = new SearchPoint(lr, reg, r.model().accuracy(data.train()),
                        r.model().accuracy(data.validation()), r.model());
                points.add(p);
                if (each != null) {
                    each.accept(p);
                }
            }
        }
        return points;
    }

    /** The point with the highest validation accuracy (the first of equals), or null for none. */
    public static SearchPoint best(List<SearchPoint> points) {
        SearchPoint best = null;
        for (SearchPoint p : points) {
            if (best == null || p.validationAccuracy() > best.validationAccuracy()) {
                best = p;
            }
        }
        return best;
    }
}
