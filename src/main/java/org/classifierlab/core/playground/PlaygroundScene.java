package org.classifierlab.core.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.knn.Permutation;

/**
 * The playground's points with their train/test marks and the number of classes. Immutable (the
 * list is copied); any thread. Every edit returns a new scene.
 *
 * @param points     the points, each label in {@code [0, classCount)}
 * @param classCount number of classes, 1 to {@value LabeledPoints#MAX_CLASSES}
 */
public record PlaygroundScene(List<PlaygroundPoint> points, int classCount) {

    public PlaygroundScene {
        points = List.copyOf(points);
        if (classCount < 1 || classCount > LabeledPoints.MAX_CLASSES) {
            throw new IllegalArgumentException("classCount must be between 1 and "
                    + LabeledPoints.MAX_CLASSES + ", was " + classCount);
        }
        for (int i = 0; i < points.size(); i++) {
            checkLabel(points.get(i), classCount);
        }
    }

    /** A scene of the given points, all of them training points. */
    public static PlaygroundScene of(LabeledPoints pts) {
        List<PlaygroundPoint> list = new ArrayList<>(pts.size());
        for (int i = 0; i < pts.size(); i++) {
            list.add(new PlaygroundPoint(pts.x(i), pts.y(i), pts.label(i), false));
        }
        return new PlaygroundScene(list, pts.classCount());
    }

    /** Number of points. */
    public int size() {
        return points.size();
    }

    /** The training (non-test) points, in scene order. */
    public LabeledPoints training() {
        return select(false);
    }

    /** The test points, in scene order. */
    public LabeledPoints test() {
        return select(true);
    }

    /** Scene index of each point of {@link #training()}, ascending. */
    public int[] trainingIndices() {
        return indices(false);
    }

    /** Scene index of each point of {@link #test()}, ascending. */
    public int[] testIndices() {
        return indices(true);
    }

    /** The scene with point {@code i} replaced by {@code p}. */
    public PlaygroundScene withPoint(int i, PlaygroundPoint p) {
        Objects.checkIndex(i, points.size());
        List<PlaygroundPoint> list = new ArrayList<>(points);
        list.set(i, Objects.requireNonNull(p, "p"));
        return new PlaygroundScene(list, classCount);
    }

    /** The scene with {@code p} appended. */
    public PlaygroundScene withAdded(PlaygroundPoint p) {
        List<PlaygroundPoint> list = new ArrayList<>(points);
        list.add(Objects.requireNonNull(p, "p"));
        return new PlaygroundScene(list, classCount);
    }

    /** The scene without point {@code i}; later points move down by one index. */
    public PlaygroundScene without(int i) {
        Objects.checkIndex(i, points.size());
        List<PlaygroundPoint> list = new ArrayList<>(points);
        list.remove(i);
        return new PlaygroundScene(list, classCount);
    }

    /**
     * The scene with exactly {@code round(fraction × size)} points marked as test, chosen by a
     * Fisher–Yates shuffle seeded with {@code seed}, and all others as training points (no
     * stratification).
     *
     * @throws IllegalArgumentException if {@code fraction} is not in [0, 1]
     */
    public PlaygroundScene withTestSplit(double fraction, long seed) {
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1, was " + fraction);
        }
        int n = points.size();
        int testCount = (int) Math.round(fraction * n);
        int[] order = Permutation.shuffled(n, seed);
        boolean[] test = new boolean[n];
        for (int i = 0; i < testCount; i++) {
            test[order[i]] = true;
        }
        List<PlaygroundPoint> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(points.get(i).withTest(test[i]));
        }
        return new PlaygroundScene(list, classCount);
    }

    private LabeledPoints select(boolean test) {
        int[] idx = indices(test);
        double[] x = new double[idx.length];
        double[] y = new double[idx.length];
        int[] label = new int[idx.length];
        for (int j = 0; j < idx.length; j++) {
            PlaygroundPoint p = points.get(idx[j]);
            x[j] = p.x();
            y[j] = p.y();
            label[j] = p.label();
        }
        return new LabeledPoints(x, y, label, classCount);
    }

    private int[] indices(boolean test) {
        int count = 0;
        for (PlaygroundPoint p : points) {
            if (p.test() == test) {
                count++;
            }
        }
        int[] idx = new int[count];
        for (int i = 0, j = 0; i < points.size(); i++) {
            if (points.get(i).test() == test) {
                idx[j++] = i;
            }
        }
        return idx;
    }

    private static void checkLabel(PlaygroundPoint p, int classCount) {
        if (p.label() >= classCount) {
            throw new IllegalArgumentException(
                    "label must be in [0, " + classCount + "), was " + p.label());
        }
    }
}
