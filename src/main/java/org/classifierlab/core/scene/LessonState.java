package org.classifierlab.core.scene;

/**
 * What one lesson gives to a scene file and takes back from it: plain values, already checked when read from a
 * file. Immutable; any thread.
 */
public sealed interface LessonState
        permits KnnPlaygroundState, Linear2dState, LossExplorerState, ImageNeighboursState, ImageLinearState {

    /** Which lesson this is the state of. */
    SceneLesson lesson();
}
