package org.classifierlab.core.linear.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * The rows of a split that a class's template scores highest or lowest: "which training images does this
 * template like". Indices are rows of the split (its {@code sourceIndex} maps them to dataset images);
 * ties go to the lower index. Stateless; any thread.
 */
public final class TemplateRanking {

    private TemplateRanking() {
    }

    /** The {@code count} rows with the highest score for class {@code c}, best first. */
    public static int[] highest(LinearImageModel m, Split s, int c, int count) {
        return rank(m, s, c, count, true);
    }

    /** The {@code count} rows with the lowest score for class {@code c}, lowest first. */
    public static int[] lowest(LinearImageModel m, Split s, int c, int count) {
        return rank(m, s, c, count, false);
    }

    private static int[] rank(LinearImageModel m, Split s, int c, int count, boolean high) {
        Objects.checkIndex(c, m.classCount());
        if (count < 0) {
            throw new IllegalArgumentException("count must be ≥ 0, was " + count);
        }
        int k = Math.min(count, s.n());
        if (k == 0) {
            return new int[0];
        }
        double[][] scores = m.scores(s);
        // Keep the k best in a small sorted array: k is a page of thumbnails, n up to 49,000.
        int[] best = new int[k];
        double[] key = new double[k];
        int size = 0;
        for (int i = 0; i < s.n(); i++) {
            double v = high ? -scores[i][c] : scores[i][c];
            if (size == k && !(v < key[k - 1])) {
                continue;
            }
            int pos = size == k ? k - 1 : size++;
            while (pos > 0 && key[pos - 1] > v) {
                key[pos] = key[pos - 1];
                best[pos] = best[pos - 1];
                pos--;
            }
            key[pos] = v;
            best[pos] = i;
        }
        return Arrays.copyOf(best, size);
    }
}
