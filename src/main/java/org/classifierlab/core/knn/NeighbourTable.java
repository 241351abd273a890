package org.classifierlab.core.knn;

import java.util.Arrays;
import java.util.Objects;

/**
 * The k nearest references of each query: row q lists reference row numbers and their true distances
 * (L2 the square root of the squared distance, L1 the sum, L∞ the maximum), ascending, ties in distance
 * by ascending reference row. Immutable (arrays are copied on the way in and out); any thread.
 *
 * @param queries   number of queries
 * @param k         neighbours per query
 * @param metric    the metric of the distances
 * @param indices   reference row of neighbour j of query q at {@code q * k + j}
 * @param distances its distance, same layout
 */
public record NeighbourTable(int queries, int k, Metric metric, int[] indices, double[] distances) {

    public NeighbourTable {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(distances, "distances");
        if (queries < 0 || k < 1) {
            throw new IllegalArgumentException("need queries ≥ 0 and k ≥ 1, got " + queries + " and " + k);
        }
        if ((long) queries * k != indices.length || indices.length != distances.length) {
            throw new IllegalArgumentException("indices and distances need queries × k = " + (long) queries * k
                    + " entries, had " + indices.length + " and " + distances.length);
        }
        indices = indices.clone();
        distances = distances.clone();
    }

    /** Reference row of the {@code j}-th nearest neighbour (0 = nearest) of query {@code q}. */
    public int index(int q, int j) {
        return indices[offset(q, j)];
    }

    /** Distance of the {@code j}-th nearest neighbour of query {@code q}. */
    public double distance(int q, int j) {
        return distances[offset(q, j)];
    }

    /** A copy of the reference rows, query-major. */
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /** A copy of the distances, query-major. */
    @Override
    public double[] distances() {
        return distances.clone();
    }

    private int offset(int q, int j) {
        Objects.checkIndex(q, queries);
        Objects.checkIndex(j, k);
        return q * k + j;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeighbourTable t && queries == t.queries && k == t.k && metric == t.metric
                && Arrays.equals(indices, t.indices) && Arrays.equals(distances, t.distances);
    }

    @Override
    public int hashCode() {
        return Objects.hash(queries, k, metric, Arrays.hashCode(indices), Arrays.hashCode(distances));
    }

    @Override
    public String toString() {
        return "NeighbourTable[queries=" + queries + ", k=" + k + ", metric=" + metric + "]";
    }
}
