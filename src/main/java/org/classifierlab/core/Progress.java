package org.classifierlab.core;

/**
 * Receives progress of a long computation or transfer. Called from the working thread; implementations
 * must be cheap and thread-safe (the UI coalesces them onto the FX thread).
 */
@FunctionalInterface
public interface Progress {

    /** Ignores every update. */
    Progress NONE = (done, total, message) -> { };

    /**
     * @param done    work done so far (bytes, records, queries…)
     * @param total   total work, or a negative value when unknown
     * @param message what is being done, e.g. "Reading data_batch_3.bin"
     */
    void update(long done, long total, String message);
}
