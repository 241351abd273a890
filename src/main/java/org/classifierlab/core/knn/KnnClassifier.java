package org.classifierlab.core.knn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Classifies single query points by k-NN voting; neighbour order is ascending {@link Metric#rank},
 * ties by ascending index, and K is clamped to [1, number of candidates]. Stateless; any thread.
 */
public final class KnnClassifier {

    private KnnClassifier() {
    }

    /**
     * Classifies (qx, qy) against all of {@code pts}.
     *
     * @throws IllegalArgumentException if {@code pts} is empty or the query is not finite
     */
    public static KnnResult classify(LabeledPoints pts, double qx, double qy, int k, Metric metric,
                                     TieRule rule) {
        return run(pts, -1, qx, qy, k, metric, rule);
    }

    /** The predicted class of {@link #classify} (-1 if undecided). */
    public static int predict(LabeledPoints pts, double qx, double qy, int k, Metric metric, TieRule rule) {
        return classify(pts, qx, qy, k, metric, rule).predicted();
    }

    /**
     * Classifies (qx, qy) against all points except {@code excludedIndex} (leave-one-out). Neighbour
     * indices in the result still refer to {@code pts}.
     *
     * @throws IllegalArgumentException if no other point remains or the query is not finite
     * @throws IndexOutOfBoundsException if {@code excludedIndex} is not an index of {@code pts}
     */
    public static KnnResult classifyExcluding(LabeledPoints pts, int excludedIndex, double qx, double qy,
                                              int k, Metric metric, TieRule rule) {
        Objects.checkIndex(excludedIndex, pts.size());
        return run(pts, excludedIndex, qx, qy, k, metric, rule);
    }

    private static KnnResult run(LabeledPoints pts, int excluded, double qx, double qy, int k, Metric metric,
                                 TieRule rule) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rule, "rule");
        int n = pts.size();
        int available = excluded >= 0 ? n - 1 : n;
        if (available < 1) {
            throw new IllegalArgumentException("cannot classify against an empty point set");
        }
        if (!Double.isFinite(qx) || !Double.isFinite(qy)) {
            throw new IllegalArgumentException("query must be finite, was (" + qx + ", " + qy + ")");
        }
        int kk = Math.max(1, Math.min(k, available));
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = metric.rank(qx, qy, pts.x(i), pts.y(i));
        }
        int[] index = new int[kk];
        double[] rank = new double[kk];
        NearestSelection.select(ranks, n, excluded, kk, index, rank);

        int[] labels = new int[kk];
        List<Neighbour> neighbours = new ArrayList<>(kk);
        for (int i = 0; i < kk; i++) {
            labels[i] = pts.label(index[i]);
            neighbours.add(new Neighbour(index[i], metric.distanceFromRank(rank[i]), labels[i]));
        }
        Ballot ballot = new Ballot(pts.classCount(), kk);
        double[] tally = new double[pts.classCount()];
        ballot.cast(rule, metric, kk, labels, rank, tally);
        int[] tied = new int[0];
        if (ballot.tiedCount > 1) {
            tied = ballot.tiedClasses();
            Arrays.sort(tied);
        }
        return new KnnResult(neighbours, tally, ballot.predicted, ballot.confidence, tied);
    }
}
