package org.classifierlab.core.data;

import java.io.IOException;
import java.util.Objects;

/**
 * A dataset file that cannot be used, with the file, the problem and, where it applies, the byte offset or
 * record number, so the message tells the user exactly what is wrong where. Immutable; any thread.
 */
public class DatasetException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;

    /** A problem with the whole file (missing, wrong size, wrong magic number…). */
    public DatasetException(String file, String problem) {
        this(file, -1, problem, null);
    }

    /** A problem at a byte offset (or -1 when none applies). */
    public DatasetException(String file, long offset, String problem) {
        this(file, offset, problem, null);
    }

    public DatasetException(String file, long offset, String problem, Throwable cause) {
        super(Objects.requireNonNull(file) + ": " + problem + (offset >= 0 ? " (at byte " + offset + ")" : ""), cause);
        this.file = file;
        this.offset = offset;
    }

    /** The file (or archive entry, as {@code archive.tar.gz!/entry}) the problem is in. */
    public String file() {
        return file;
    }

    /** The byte offset of the problem in {@link #file()}, or -1. */
    public long offset() {
        return offset;
    }
}
