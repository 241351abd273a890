package org.classifierlab.core.data;

import java.io.IOException;
import java.util.Objects;

/**
 * A download that failed, with a message a user can act on and a {@link Reason} the UI can branch on (offer
 * "Open folder…" when offline, "Retry" when the connection dropped). Immutable; any thread.
 */
public class DownloadException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, coarse enough for the UI to choose what to offer next. */
    public enum Reason {
        /** The server could not be reached at all: no network, unknown host, refused, timed out. */
        OFFLINE,
        /** The transfer started but broke off or stalled; the partial file is kept for resuming. */
        CONNECTION_LOST,
        /** The server answered with an HTTP error status. */
        HTTP_STATUS,
        /** The server sent more bytes than expected, or announced a different size. */
        WRONG_SIZE,
        /** The downloaded bytes do not have the expected MD5; the partial file was deleted. */
        CHECKSUM_MISMATCH,
        /** The download folder cannot be created or written, or the disk is full. */
        CACHE_NOT_WRITABLE
    }

    private final Reason reason;

    public DownloadException(Reason reason, String message) {
        this(reason, message, null);
    }

    public DownloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
