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
     * The whole vote of query {@code q} from its first {@code k} neighbours, as the gallery shows it: the
     * neighbours with their labels, the per-class tally, the prediction (-1 if {@link TieRule#UNDECIDED} leaves
     * a tie open), the confidence and the tied classes (ascending; empty without a tie).
     *
     * @throws IllegalArgumentException if q or k is out of range, or a label is out of range
     */
    public static KnnResult vote(NeighbourTable table, int q, int[] refLabels, int classCount, int k, TieRule rule) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(refLabels, "refLabels");
        Objects.requireNonNull(rule, "rule");
        Objects.checkIndex(q, table.queries());
        if (k < 1 || k > table.k()) {
            throw new IllegalArgumentException("K must be between 1 and the table's k = " + table.k() + ", was " + k);
        }
        if (classCount < 1 || classCount > LabeledPoints.MAX_CLASSES) {
            throw new IllegalArgumentException("classCount must be between 1 and " + LabeledPoints.MAX_CLASSES
                    + ", was " + classCount);
        }
        int[] labels = new int[k];
        double[] distances = new double[k];
        java.util.List<Neighbour> neighbours = new java.util.ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            int row = table.index(q, j);
            int label = refLabels[row];
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("label of reference row " + row + " must be in [0, " + classCount
                        + "), was " + label);
            }
            labels[j] = label;
            distances[j] = table.distance(q, j);
            neighbours.add(new Neighbour(row, distances[j], label));
        }
        Ballot ballot = new Ballot(classCount, k);
        double[] tally = new double[classCount];
        ballot.cast(rule, Metric.L1, k, labels, distances, tally);
        int[] tied = ballot.tiedCount > 1 ? ballot.tiedClasses() : new int[0];
        java.util.Arrays.sort(tied);
        return new KnnResult(neighbours, tally, ballot.predicted, ballot.confidence, tied);
    }

    /**
     * Whether the vote of each query's first {@code k} neighbours ends in a tie between classes (whatever the
     * tie rule then does with it).
     */
    public static boolean[] tied(NeighbourTable table, int[] refLabels, int classCount, int k) {
        boolean[] out = new boolean[table.queries()];
        int[] counts = new int[classCount];
        for (int q = 0; q < table.queries(); q++) {
            int max = 0;
            int atMax = 0;
            for (int j = 0; j < k; j++) {
                int c = ++counts[refLabels[table.index(q, j)]];
                if (c > max) {
                    max = c;
                    atMax = 1;
                } else if (c == max) {
                    atMax++;
                }
            }
            out[q] = atMax > 1;
            for (int j = 0; j < k; j++) {
                counts[refLabels[table.index(q, j)]] = 0;
            }
        }
        return out;
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
