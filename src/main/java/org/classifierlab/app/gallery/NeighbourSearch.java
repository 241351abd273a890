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

    /** One table per options, in their order (the pruned index runs a single query's searches at once). */
    default java.util.List<NeighbourTable> nearestEach(ByteMatrix queries, java.util.List<DistanceEngine.Options> each) {
        return each.stream().map(options -> nearest(queries, options)).toList();
    }

    /** Searches with {@code index}. */
    static NeighbourSearch pruned(org.classifierlab.core.knn.PrunedIndex index) {
        return new NeighbourSearch() {
            @Override
            public NeighbourTable nearest(ByteMatrix queries, DistanceEngine.Options options) {
                return index.nearest(queries, options);
            }

            @Override
            public java.util.List<NeighbourTable> nearestEach(ByteMatrix queries,
                                                              java.util.List<DistanceEngine.Options> each) {
                return index.nearestEach(queries, each);
            }
        };
    }

    /** Compares the queries with every row of {@code refs}. */
    static NeighbourSearch bruteForce(ByteMatrix refs) {
        return (queries, options) -> DistanceEngine.nearest(queries, refs, options);
    }

    /** The training images of {@code d} as one matrix, without copying them. */
    static ByteMatrix trainRows(org.classifierlab.core.data.Dataset d) {
        return d.train().rows();
    }
}
