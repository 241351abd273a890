package org.classifierlab.app.shell;

import javafx.scene.Node;

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

    /** Copies the lesson's picture to the clipboard; false if nothing to copy. */
    boolean copyImage();

    /** Stops background work and detaches listeners. */
    void dispose();
}
