package org.classifierlab.app.gallery;

import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.NeighbourTable;

/**
 * An exact k-NN search over one dataset's training images: brute force at first, the pruned index once it is
 * built. Implementations are immutable; any thread.
 */
@FunctionalInterface
public interface NeighbourSearch {

    /** The k nearest training rows of each query row, exactly as {@link DistanceEngine#nearest} gives them. */
    NeighbourTable nearest(ByteMatrix queries, DistanceEngine.Options options);

    /** Compares the queries with every row of {@code refs}. */
    static NeighbourSearch bruteForce(ByteMatrix refs) {
        return (queries, options) -> DistanceEngine.nearest(queries, refs, options);
    }

    /** The training images of {@code d} as one matrix, without copying them. */
    static ByteMatrix trainRows(org.classifierlab.core.data.Dataset d) {
        return d.train().rows();
    }
}
