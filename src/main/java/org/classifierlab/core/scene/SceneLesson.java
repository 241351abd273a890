package org.classifierlab.core.scene;

/** The lessons a scene file can hold, each with its key in the file ({@code lessons.knnPlayground}). Any thread. */
public enum SceneLesson {
    KNN_PLAYGROUND("knnPlayground"),
    IMAGE_NEIGHBOURS("imageNeighbours"),
    IMAGE_LINEAR("imageLinear"),
    LINEAR_2D("linear2d"),
    LOSS_EXPLORER("lossExplorer");

    private final String key;

    SceneLesson(String key) {
        this.key = key;
    }

    /** The lesson's field name in a scene file. */
    public String key() {
        return key;
    }

    /** The lesson of field name {@code key}, or null. */
    public static SceneLesson ofKey(String key) {
        for (SceneLesson l : values()) {
            if (l.key.equals(key)) {
                return l;
            }
        }
        return null;
    }
}
