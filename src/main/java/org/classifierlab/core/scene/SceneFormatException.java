package org.classifierlab.core.scene;

/** A scene file that cannot be opened; the message names the file and the field ("scene.json: lessons.x.k: …"). */
public final class SceneFormatException extends Exception {

    public SceneFormatException(String message) {
        super(message);
    }

    public SceneFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
