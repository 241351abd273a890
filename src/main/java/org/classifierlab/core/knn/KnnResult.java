package org.classifierlab.core.knn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one k-NN query. Immutable (arrays are copied on the way in and out); any thread.
 *
 * @param neighbours  the K nearest points, nearest first (ties in distance by ascending index)
 * @param tally       per class: number of votes, or summed weight for
 *                    {@link TieRule#DISTANCE_WEIGHTED}
 * @param predicted   the predicted class, or -1 if undecided
 * @param confidence  winning count / K, or winning weight / total weight
 * @param tiedClasses the classes sharing the maximal tally, ascending, when there is more than
 *                    one; empty otherwise
 */
public record KnnResult(List<Neighbour> neighbours, double[] tally, int predicted, double confidence,
                        int[] tiedClasses) {

    public KnnResult {
        neighbours = List.copyOf(neighbours);
        tally = tally.clone();
        tiedClasses = tiedClasses.clone();
    }

    /** A copy of the per-class tally. */
    @Override
    public double[] tally() {
        return tally.clone();
    }

    /** A copy of the tied classes. */
    @Override
    public int[] tiedClasses() {
        return tiedClasses.clone();
    }

    /** Whether more than one class shares the maximal tally. */
    public boolean tie() {
        return tiedClasses.length > 0;
    }

    /** Distance of the farthest of the K neighbours, or NaN if there are none. */
    public double kthDistance() {
        return neighbours.isEmpty() ? Double.NaN : neighbours.get(neighbours.size() - 1).distance();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KnnResult r
                && predicted == r.predicted
                && Double.compare(confidence, r.confidence) == 0
                && neighbours.equals(r.neighbours)
                && Arrays.equals(tally, r.tally)
                && Arrays.equals(tiedClasses, r.tiedClasses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(neighbours, Arrays.hashCode(tally), predicted, confidence,
                Arrays.hashCode(tiedClasses));
    }

    @Override
    public String toString() {
        return "KnnResult[neighbours=" + neighbours + ", tally=" + Arrays.toString(tally)
                + ", predicted=" + predicted + ", confidence=" + confidence
                + ", tiedClasses=" + Arrays.toString(tiedClasses) + "]";
    }
}
