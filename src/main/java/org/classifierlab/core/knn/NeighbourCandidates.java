package org.classifierlab.core.knn;

import java.util.Arrays;

/**
 * The best k (rank key, reference row) pairs so far of each query of a block; references must be
 * offered in ascending row order. Mutable; one thread at a time.
 */
final class NeighbourCandidates {

    /*
     * Lists are in neighbour order (ascending key, ties by ascending row). Since rows arrive in
     * ascending order, a later candidate never beats an earlier one of equal key, so a strict "key
     * below the threshold" test suffices. Up to INSERTION_MAX_K neighbours are kept as a sorted
     * insertion buffer, more as a bounded max-heap that finish() sorts.
     */

    static final int INSERTION_MAX_K = 32;

    private final int k;
    private final boolean heap;
    private final double[] keys;
    private final int[] rows;
    private final int[] count;
    private final double[] threshold;
    private int queries;

    NeighbourCandidates(int capacity, int k) {
        this.k = k;
        this.heap = k > INSERTION_MAX_K;
        this.keys = new double[Math.multiplyExact(capacity, k)];
        this.rows = new int[keys.length];
        this.count = new int[capacity];
        this.threshold = new double[capacity];
    }

    /** Empties the lists of the first {@code queries} queries. */
    void reset(int queries) {
        this.queries = queries;
        Arrays.fill(count, 0, queries, 0);
        Arrays.fill(threshold, 0, queries, Double.POSITIVE_INFINITY);
    }

    /** Whether query {@code q} already holds k candidates. */
    boolean full(int q) {
        return count[q] == k;
    }

    /** The key a candidate of query {@code q} must be strictly below to enter a full list. */
    double threshold(int q) {
        return threshold[q];
    }

    /** Offers reference {@code row} with rank {@code key} to query {@code q}. */
    void offer(int q, double key, int row) {
        int n = count[q];
        if (n == k && !(key < threshold[q])) {
            return;
        }
        if (heap) {
            offerHeap(q * k, n, key, row);
        } else {
            offerSorted(q * k, n, key, row);
        }
        if (n < k) {
            count[q] = ++n;
        }
        if (n == k) {
            threshold[q] = keys[heap ? q * k : q * k + k - 1];
        }
    }

    private void offerSorted(int base, int n, double key, int row) {
        int pos = Math.min(n, k - 1);
        while (pos > 0 && keys[base + pos - 1] > key) {
            keys[base + pos] = keys[base + pos - 1];
            rows[base + pos] = rows[base + pos - 1];
            pos--;
        }
        keys[base + pos] = key;
        rows[base + pos] = row;
    }

    private void offerHeap(int base, int n, double key, int row) {
        if (n < k) {
            siftUp(base, n, key, row);
        } else {
            siftDown(base, k, key, row);
        }
    }

    /** Sorts every list into neighbour order. */
    void finish() {
        if (!heap) {
            return;
        }
        for (int q = 0; q < queries; q++) {
            int base = q * k;
            for (int end = count[q] - 1; end > 0; end--) {
                double topKey = keys[base];
                int topRow = rows[base];
                siftDown(base, end, keys[base + end], rows[base + end]);
                keys[base + end] = topKey;
                rows[base + end] = topRow;
            }
        }
    }

    /** Number of candidates of query {@code q}. */
    int count(int q) {
        return count[q];
    }

    /** Key of candidate {@code j} of query {@code q} (after {@link #finish}: in neighbour order). */
    double key(int q, int j) {
        return keys[q * k + j];
    }

    /** Reference row of candidate {@code j} of query {@code q}. */
    int row(int q, int j) {
        return rows[q * k + j];
    }

    /** Whether (ka, ra) comes after (kb, rb) in neighbour order. */
    private static boolean after(double ka, int ra, double kb, int rb) {
        return ka > kb || (ka == kb && ra > rb);
    }

    private void siftUp(int base, int pos, double key, int row) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!after(key, row, keys[base + parent], rows[base + parent])) {
                break;
            }
            keys[base + pos] = keys[base + parent];
            rows[base + pos] = rows[base + parent];
            pos = parent;
        }
        keys[base + pos] = key;
        rows[base + pos] = row;
    }

    /** Replaces the root of the heap of {@code size} entries at {@code base} with (key, row). */
    private void siftDown(int base, int size, double key, int row) {
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && after(keys[base + child + 1], rows[base + child + 1], keys[base + child],
                    rows[base + child])) {
                child++;
            }
            if (!after(keys[base + child], rows[base + child], key, row)) {
                break;
            }
            keys[base + pos] = keys[base + child];
            rows[base + pos] = rows[base + child];
            pos = child;
        }
        keys[base + pos] = key;
        rows[base + pos] = row;
    }
}
