package org.classifierlab.core.knn;

import java.util.Objects;

/**
 * k-NN predictions from a {@link NeighbourTable} and the references' labels, for any K up to the
 * table's k, with exactly the vote and tie rules of {@link KnnClassifier}. Stateless; any thread.
 */
public final class ImageKnnClassifier {

    private ImageKnnClassifier() {
    }

    /**
     * The predicted class of every query from its first {@code k} neighbours, -1 where
     * {@link TieRule#UNDECIDED} leaves a tie open.
     *
     * @param refLabels  class of every reference row the table can name, in [0, classCount)
     * @param classCount number of classes, 1 to {@value LabeledPoints#MAX_CLASSES}
     * @throws IllegalArgumentException if k is not in [1, table.k()], or a label is out of range
     */
    public static int[] predict(NeighbourTable table, int[] refLabels, int classCount, int k, TieRule rule) {
        return predict(table, refLabels, classCount, new int[] {k}, rule)[0];
    }

    /**
     * {@link #predict(NeighbourTable, int[], int, int, TieRule)} for several K at once:
     * {@code result[i][q]} is query q's prediction with {@code ks[i]} neighbours.
     */
    public static int[][] predict(NeighbourTable table, int[] refLabels, int classCount, int[] ks, TieRule rule) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(refLabels, "refLabels");
        Objects.requireNonNull(ks, "ks");
        Objects.requireNonNull(rule, "rule");
        if (classCount < 1 || classCount > LabeledPoints.MAX_CLASSES) {
            throw new IllegalArgumentException("classCount must be between 1 and " + LabeledPoints.MAX_CLASSES
                    + ", was " + classCount);
        }
        for (int k : ks) {
            if (k < 1 || k > table.k()) {
                throw new IllegalArgumentException("K must be between 1 and the table's k = " + table.k() + ", was " + k);
            }
        }
        int width = table.k();
        int[] labels = new int[width];
        double[] distances = new double[width];
        Ballot ballot = new Ballot(classCount, width);
        int[][] predicted = new int[ks.length][table.queries()];
        for (int q = 0; q < table.queries(); q++) {
            for (int j = 0; j < width; j++) {
                int row = table.index(q, j);
                if (row < 0 || row >= refLabels.length) {
                    throw new IllegalArgumentException("neighbour " + j + " of query " + q + " is reference row " + row
                            + ", but only " + refLabels.length + " labels were given");
                }
                int label = refLabels[row];
                if (label < 0 || label >= classCount) {
                    throw new IllegalArgumentException("label of reference row " + row + " must be in [0, " + classCount
                            + "), was " + label);
                }
                labels[j] = label;
                distances[j] = table.distance(q, j);
            }
            for (int i = 0; i < ks.length; i++) {
                // The table holds true distances; L1's distanceFromRank is the identity, so distance-weighted
                // votes weigh 1/d exactly as KnnClassifier does from its rank keys.
                ballot.cast(rule, Metric.L1, ks[i], labels, distances, null);
                predicted[i][q] = ballot.predicted;
            }
        }
        return predicted;
    }

    /**
     * Fraction of queries whose prediction equals the truth; undecided (-1) counts as wrong. NaN for no
     * queries.
     *
     * @throws IllegalArgumentException if the lengths differ
     */
    public static double accuracy(int[] predicted, int[] truth) {
        Objects.requireNonNull(predicted, "predicted");
        Objects.requireNonNull(truth, "truth");
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("predicted has " + predicted.length + " entries, truth " + truth.length);
        }
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i] == truth[i]) {
                correct++;
            }
        }
        return truth.length == 0 ? Double.NaN : (double) correct / truth.length;
    }
}
