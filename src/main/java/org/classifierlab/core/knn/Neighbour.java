package org.classifierlab.core.knn;

/**
 * One of the K nearest neighbours of a query: the point's index in its {@link LabeledPoints}, its
 * metric distance to the query and its class. Immutable; any thread.
 */
public record Neighbour(int index, double distance, int label) {
}
