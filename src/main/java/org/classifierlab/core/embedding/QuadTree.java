package org.classifierlab.core.embedding;

/**
 * A Barnes–Hut quadtree over 2D points for t-SNE's repulsive forces: each cell keeps its centre of mass,
 * point count and side; leaves hold one point, or several that coincide down to the depth limit. Built and
 * used by one thread; not thread-safe.
 */
final class QuadTree {

    private static final int MAX_DEPTH = 48;

    private final double[] y;
    private final int[] order;
    private final int[] position;
    private int nodes;
    private double[] comX = new double[64];
    private double[] comY = new double[64];
    private double[] side = new double[64];
    private int[] lo = new int[64];
    private int[] hi = new int[64];
    private int[] firstChild = new int[64];
    private int[] childCount = new int[64];

    /** A tree over the n points {@code y[2i], y[2i + 1]} (the array is read, not copied, while in use). */
    QuadTree(double[] y, int n) {
        this.y = y;
        this.order = new int[n];
        this.position = new int[n];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            minX = Math.min(minX, y[2 * i]);
            maxX = Math.max(maxX, y[2 * i]);
            minY = Math.min(minY, y[2 * i + 1]);
            maxY = Math.max(maxY, y[2 * i + 1]);
        }
        double s = Math.max(maxX - minX, maxY - minY) * (1 + 1e-9) + 1e-12;
        int root = allocate();
        build(root, 0, n, minX, minY, s, 0);
        for (int p = 0; p < n; p++) {
            position[order[p]] = p;
        }
    }

    private int allocate() {
        if (nodes == comX.length) {
            int size = nodes * 2;
            comX = java.util.Arrays.copyOf(comX, size);
            comY = java.util.Arrays.copyOf(comY, size);
            side = java.util.Arrays.copyOf(side, size);
            lo = java.util.Arrays.copyOf(lo, size);
            hi = java.util.Arrays.copyOf(hi, size);
            firstChild = java.util.Arrays.copyOf(firstChild, size);
            childCount = java.util.Arrays.copyOf(childCount, size);
        }
        return nodes++;
    }

    /** Cell [x0, x0 + s) × [y0, y0 + s) holding order[from, to). */
    private void build(int node, int from, int to, double x0, double y0, double s, int depth) {
        double sx = 0;
        double sy = 0;
        for (int p = from; p < to; p++) {
            sx += y[2 * order[p]];
            sy += y[2 * order[p] + 1];
        }
        comX[node] = sx / (to - from);
        comY[node] = sy / (to - from);
        side[node] = s;
        lo[node] = from;
        hi[node] = to;
        childCount[node] = 0;
        if (to - from <= 1 || depth >= MAX_DEPTH) {
            return;
        }
        double h = s / 2;
        double cx = x0 + h;
        double cy = y0 + h;
        // Partition into quadrants: first by y (below cy first), then each half by x.
        int midY = partition(from, to, 1, cy);
        int midLow = partition(from, midY, 0, cx);
        int midHigh = partition(midY, to, 0, cx);
        int[] bounds = {from, midLow, midY, midHigh, to};
        double[] qx = {x0, cx, x0, cx};
        double[] qy = {y0, y0, cy, cy};
        int children = 0;
        for (int q = 0; q < 4; q++) {
            if (bounds[q + 1] > bounds[q]) {
                children++;
            }
        }
        int first = nodes;
        for (int c = 0; c < children; c++) {
            allocate();
        }
        firstChild[node] = first;
        childCount[node] = children;
        int c = first;
        for (int q = 0; q < 4; q++) {
            if (bounds[q + 1] > bounds[q]) {
                build(c++, bounds[q], bounds[q + 1], qx[q], qy[q], h, depth + 1);
            }
        }
    }

    private int partition(int from, int to, int axis, double split) {
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (y[2 * order[i] + axis] < split) {
                i++;
            } else {
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                j--;
            }
        }
        return i;
    }

    /**
     * Adds to {@code force[0..1]} the unnormalised repulsion Σ_j q_ij² (y_i − y_j) on point i, where
     * q_ij = 1 / (1 + |y_i − y_j|²), cells whose side / distance is below θ standing in for their points;
     * returns Σ_j q_ij (i's share of the normaliser Z).
     */
    double repulsion(int i, double theta, double[] force, int[] stack) {
        double xi = y[2 * i];
        double yi = y[2 * i + 1];
        int pos = position[i];
        double theta2 = theta * theta;
        double sumQ = 0;
        double fx = 0;
        double fy = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            int count = hi[node] - lo[node];
            double dx = xi - comX[node];
            double dy = yi - comY[node];
            double d2 = dx * dx + dy * dy;
            boolean containsI = pos >= lo[node] && pos < hi[node];
            if (childCount[node] == 0) {
                if (count == 1) {
                    if (!containsI) {
                        double q = 1 / (1 + d2);
                        sumQ += q;
                        fx += q * q * dx;
                        fy += q * q * dy;
                    }
                } else {
                    for (int p = lo[node]; p < hi[node]; p++) {
                        int j = order[p];
                        if (j == i) {
                            continue;
                        }
                        double ex = xi - y[2 * j];
                        double ey = yi - y[2 * j + 1];
                        double q = 1 / (1 + ex * ex + ey * ey);
                        sumQ += q;
                        fx += q * q * ex;
                        fy += q * q * ey;
                    }
                }
            } else if (!containsI && side[node] * side[node] < theta2 * d2) {
                double q = 1 / (1 + d2);
                double mult = count * q;
                sumQ += mult;
                mult *= q;
                fx += mult * dx;
                fy += mult * dy;
            } else {
                int c = firstChild[node];
                for (int t = 0; t < childCount[node]; t++) {
                    stack[top++] = c + t;
                }
            }
        }
        force[0] += fx;
        force[1] += fy;
        return sumQ;
    }

    /** Depth-first stack big enough for {@link #repulsion}: three children per level beyond the path. */
    int[] newStack() {
        return new int[4 * (MAX_DEPTH + 2) + 4];
    }
}
