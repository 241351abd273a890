package org.classifierlab.core.scene;

import java.util.Objects;

/**
 * The image dataset a scene was made with: the bundled sample, or a folder or archive by path (with its format as
 * detected then, for the message when it is missing). Immutable; any thread.
 */
public record DatasetRef(boolean sample, String path, String format) {

    public static final DatasetRef SAMPLE = new DatasetRef(true, null, null);

    public DatasetRef {
        if (!sample) {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A dataset read from {@code path}. */
    public static DatasetRef at(String path, String format) {
        return new DatasetRef(false, path, format);
    }
}
