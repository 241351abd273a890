package org.classifierlab.core.scene;

import java.util.List;

import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.playground.Distribution;

/**
 * The k-NN playground in a scene: its points (with class and test flag), the generator settings and seed, the
 * held-out fraction, the classifier (K, metric, tie rule, folds) and the display switches. Immutable; any thread.
 */
public record KnnPlaygroundState(List<ScenePoint> points, int classCount, Distribution distribution, int classes,
                                 int count, double noise, long seed, double testFraction, int k, Metric metric,
                                 TieRule tieRule, int folds, boolean confidenceShading, boolean boundaryLines,
                                 boolean probe, int addClass) implements LessonState {

    public KnnPlaygroundState {
        points = List.copyOf(points);
    }

    @Override
    public SceneLesson lesson() {
        return SceneLesson.KNN_PLAYGROUND;
    }
}
