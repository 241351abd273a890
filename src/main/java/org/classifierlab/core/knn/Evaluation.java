package org.classifierlab.core.knn;

import java.util.Objects;

/**
 * Accuracy of k-NN on a point set: on the training points themselves, leave-one-out, or on a
 * separate test set. An undecided prediction counts as wrong. Stateless; any thread.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Fraction of training points classified correctly with themselves included among the
     * candidates (so K = 1 scores 1.0 unless coincident points carry different labels). NaN for an
     * empty set.
     */
    public static double trainingAccuracy(LabeledPoints train, int k, Metric metric, TieRule rule) {
        return selfAccuracy(train, k, metric, rule, false);
    }

    /**
     * Fraction of points classified correctly by all the other points (leave-one-out). NaN when
     * there are fewer than two points.
     */
    public static double leaveOneOutAccuracy(LabeledPoints train, int k, Metric metric, TieRule rule) {
        if (train.size() < 2) {
            return Double.NaN;
        }
        return selfAccuracy(train, k, metric, rule, true);
    }

    /**
     * Fraction of {@code test} points that {@code train} classifies correctly; NaN for an empty test
     * set.
     *
     * @throws IllegalArgumentException if the test set is not empty but the training set is
     */
    public static double accuracy(LabeledPoints train, LabeledPoints test, int k, Metric metric, TieRule rule) {
        Objects.requireNonNull(test, "test");
        if (test.size() == 0) {
            return Double.NaN;
        }
        Voter voter = new Voter(train, k, metric, rule);
        int correct = 0;
        for (int j = 0; j < test.size(); j++) {
            if (voter.predict(test.x(j), test.y(j), -1) == test.label(j)) {
                correct++;
            }
        }
        return (double) correct / test.size();
    }

    private static double selfAccuracy(LabeledPoints train, int k, Metric metric, TieRule rule, boolean exclude) {
        int n = train.size();
        if (n == 0) {
            return Double.NaN;
        }
        Voter voter = new Voter(train, exclude ? Math.min(k, n - 1) : k, metric, rule);
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (voter.predict(train.x(i), train.y(i), exclude ? i : -1) == train.label(i)) {
                correct++;
            }
        }
        return (double) correct / n;
    }

    /** Reusable scratch for classifying many queries against one training set; one thread. */
    private static final class Voter {
        private final LabeledPoints train;
        private final Metric metric;
        private final TieRule rule;
        private final int k;
        private final double[] ranks;
        private final int[] index;
        private final double[] rank;
        private final int[] labels;
        private final Ballot ballot;

        Voter(LabeledPoints train, int k, Metric metric, TieRule rule) {
            this.train = Objects.requireNonNull(train, "train");
            this.metric = Objects.requireNonNull(metric, "metric");
            this.rule = Objects.requireNonNull(rule, "rule");
            if (train.size() == 0) {
                throw new IllegalArgumentException("the training set is empty");
            }
            this.k = Math.max(1, Math.min(k, train.size()));
            this.ranks = new double[train.size()];
            this.index = new int[this.k];
            this.rank = new double[this.k];
            this.labels = new int[this.k];
            this.ballot = new Ballot(train.classCount(), this.k);
        }

        /** The predicted class of (qx, qy), ignoring training point {@code skip} (-1: none). */
        int predict(double qx, double qy, int skip) {
            int n = train.size();
            for (int i = 0; i < n; i++) {
                ranks[i] = metric.rank(qx, qy, train.x(i), train.y(i));
            }
            int got = NearestSelection.select(ranks, n, skip, k, index, rank);
            for (int i = 0; i < got; i++) {
                labels[i] = train.label(index[i]);
            }
            ballot.cast(rule, metric, got, labels, rank, null);
            return ballot.predicted;
        }
    }
}
