package org.classifierlab.core.knn;

import java.util.Arrays;

/**
 * The vote of K neighbours under a {@link TieRule}: the single implementation of the rules, shared
 * by the classifier, the evaluations and the decision grid so they agree to the bit. Mutable
 * scratch state; one thread at a time.
 */
final class Ballot {

    private final double[] tally;
    private final double[] weights;
    private final int[] tied;

    /** Predicted class after {@link #cast}, -1 if undecided. */
    int predicted;
    /** Confidence after {@link #cast}. */
    double confidence;
    /** Number of classes sharing the maximal tally after {@link #cast}. */
    int tiedCount;

    Ballot(int classCount, int maxK) {
        tally = new double[classCount];
        weights = new double[maxK];
        tied = new int[Math.min(classCount, maxK)];
    }

    /**
     * Votes with the first {@code k} neighbours, given in neighbour order by their labels and rank
     * keys ({@code ranks} is only read for {@link TieRule#DISTANCE_WEIGHTED}). If {@code tallyOut}
     * is not null, the per-class tally is written into it (other entries are left untouched).
     */
    void cast(TieRule rule, Metric metric, int k, int[] labels, double[] ranks, double[] tallyOut) {
        double total = rule == TieRule.DISTANCE_WEIGHTED ? weigh(metric, k, labels, ranks) : count(k, labels);
        double max = 0.0;
        for (int i = 0; i < k; i++) {
            double t = tally[labels[i]];
            if (t > max) {
                max = t;
            }
        }
        int count = 0;
        int smallest = Integer.MAX_VALUE;
        int first = -1;
        for (int i = 0; i < k; i++) {
            int c = labels[i];
            double t = tally[c];
            if (t == 0.0) {
                continue;
            }
            if (tallyOut != null) {
                tallyOut[c] = t;
            }
            if (t == max) {
                tied[count++] = c;
                if (c < smallest) {
                    smallest = c;
                }
                if (first < 0) {
                    first = c;
                }
            }
            tally[c] = 0.0;
        }
        tiedCount = count;
        predicted = switch (rule) {
            case UNDECIDED -> count > 1 ? -1 : first;
            case SMALLEST_CLASS, DISTANCE_WEIGHTED -> smallest;
            case NEAREST_TIED_CLASS -> first;
        };
        confidence = max / total;
    }

    /** The tied classes of the last {@link #cast}, in neighbour order, as a new array. */
    int[] tiedClasses() {
        return Arrays.copyOf(tied, tiedCount);
    }

    private double count(int k, int[] labels) {
        for (int i = 0; i < k; i++) {
            tally[labels[i]] += 1.0;
        }
        return k;
    }

    private double weigh(Metric metric, int k, int[] labels, double[] ranks) {
        boolean coincident = false;
        for (int i = 0; i < k; i++) {
            double w = 1.0 / metric.distanceFromRank(ranks[i]);
            weights[i] = w;
            if (w == Double.POSITIVE_INFINITY) {
                coincident = true;
            }
        }
        if (coincident) {
            for (int i = 0; i < k; i++) {
                weights[i] = weights[i] == Double.POSITIVE_INFINITY ? 1.0 : 0.0;
            }
        }
        double total = 0.0;
        for (int i = 0; i < k; i++) {
            tally[labels[i]] += weights[i];
            total += weights[i];
        }
        if (total == 0.0) {
            return count(k, labels);
        }
        return total;
    }
}
