package org.classifierlab.core.knn;

import java.util.Random;

/** Index permutations: identity and a seeded Fisher–Yates shuffle. Stateless; any thread. */
public final class Permutation {

    private Permutation() {
    }

    /** 0, 1, …, n − 1. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * 0 … n − 1 in the order of a Fisher–Yates shuffle driven by {@code new Random(seed)}: the same seed
     * gives the same order on every machine and JDK.
     */
    public static int[] shuffled(int n, long seed) {
        int[] order = identity(n);
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
