package org.classifierlab.core.scene;

import org.classifierlab.core.knn.TieRule;

/**
 * The "Nearest neighbours on images" lesson in a scene: the query (a test or training image by index, or the user's
 * own image file), K, the neighbours shown, the L∞ row, the tie rule, the browser's metric and the tab shown.
 * Immutable; any thread.
 *
 * @param querySource {@code TEST}, {@code TRAIN} or {@code FILE}
 * @param queryIndex  the image's index for TEST and TRAIN, −1 for FILE
 * @param queryFile   the image file's path for FILE, else null
 */
public record ImageNeighboursState(QuerySource querySource, int queryIndex, String queryFile, int k, int shown,
                                   boolean showLinf, TieRule tieRule, String browserMetric, String tab)
        implements LessonState {

    /** Where the query comes from. */
    public enum QuerySource { TEST, TRAIN, FILE }

    @Override
    public SceneLesson lesson() {
        return SceneLesson.IMAGE_NEIGHBOURS;
    }
}
