package org.classifierlab.core.knn;

/**
 * Selects the K smallest rank keys in neighbour order (ascending rank, ties by ascending index)
 * with a bounded max-heap. Stateless; any thread (callers own the arrays they pass).
 */
final class NearestSelection {

    private NearestSelection() {
    }

    /**
     * Selects the {@code k} entries of {@code rank[0..n)} that come first in neighbour order,
     * skipping index {@code skip} (pass -1 to skip nothing), and writes their indices and ranks in
     * neighbour order to {@code outIndex} and {@code outRank}. Returns the number selected,
     * {@code min(k, n - skipped)}.
     */
    static int select(double[] rank, int n, int skip, int k, int[] outIndex, double[] outRank) {
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (i == skip) {
                continue;
            }
            double r = rank[i];
            if (size < k) {
                siftUp(outIndex, outRank, size++, i, r);
            } else if (r < outRank[0]) {
                siftDown(outIndex, outRank, size, i, r);
            }
        }
        for (int end = size - 1; end > 0; end--) {
            int topIndex = outIndex[0];
            double topRank = outRank[0];
            siftDown(outIndex, outRank, end, outIndex[end], outRank[end]);
            outIndex[end] = topIndex;
            outRank[end] = topRank;
        }
        return size;
    }

    /** Whether (ra, ia) comes after (rb, ib) in neighbour order. */
    private static boolean after(double ra, int ia, double rb, int ib) {
        return ra > rb || (ra == rb && ia > ib);
    }

    private static void siftUp(int[] idx, double[] rk, int pos, int i, double r) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!after(r, i, rk[parent], idx[parent])) {
                break;
            }
            idx[pos] = idx[parent];
            rk[pos] = rk[parent];
            pos = parent;
        }
        idx[pos] = i;
        rk[pos] = r;
    }

    /** Replaces the heap root of a heap of {@code size} entries with (r, i) and restores the heap. */
    private static void siftDown(int[] idx, double[] rk, int size, int i, double r) {
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && after(rk[child + 1], idx[child + 1], rk[child], idx[child])) {
                child++;
            }
            if (!after(rk[child], idx[child], r, i)) {
                break;
            }
            idx[pos] = idx[child];
            rk[pos] = rk[child];
            pos = child;
        }
        idx[pos] = i;
        rk[pos] = r;
    }
}
