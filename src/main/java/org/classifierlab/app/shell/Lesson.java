package org.classifierlab.app.shell;

import javafx.scene.Node;

import org.classifierlab.core.scene.LessonState;

/**
 * One lesson of the studio: a main panel with its controls, built on the FX thread. {@link #dispose()}
 * cancels its background work and removes its listeners when the user closes it.
 */
public interface Lesson {

    /** The whole lesson view (main panel plus control panel). */
    Node view();

    /** Lesson-specific shortcuts, shown in the shortcut overlay: pairs of key text and meaning. */
    java.util.List<Shortcut> shortcuts();

    /** Saves the lesson's picture (e.g. the canvas) as a PNG chosen by the user; false if nothing to export. */
    boolean exportImage();

    /**
     * The chart the lesson shows now that exports as SVG (File ▸ Export chart as SVG), or null when it shows none.
     */
    default org.classifierlab.app.render.SvgChart svgChart() {
        return null;
    }

    /** Copies the lesson's picture to the clipboard; false if nothing to copy. */
    boolean copyImage();

    /** Everything a scene file keeps of this lesson (view model and view switches). */
    LessonState sceneState();

    /**
     * Takes a state read from a scene file, already checked by the reader (so it cannot be refused here); state that
     * waits for something (a dataset, prepared data) is applied when it arrives.
     *
     * @throws IllegalArgumentException if {@code state} is another lesson's
     */
    void applyScene(LessonState state);

    /** Stops background work and detaches listeners. */
    void dispose();
}
