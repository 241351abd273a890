package org.classifierlab.core.data;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.classifierlab.core.Progress;

/**
 * Byte progress and cancellation of one load, shared by the threads reading its files: reports at most
 * once per mebibyte and checks for cancellation each time it does. Thread-safe.
 */
final class ReadMonitor {

    static final long STEP = 1L << 20;

    private final Progress progress;
    private final BooleanSupplier cancelled;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong();
    private volatile boolean aborted;

    /** @param total bytes expected in all, or -1 when unknown */
    ReadMonitor(Progress progress, BooleanSupplier cancelled, long total) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
        this.total = total;
    }

    /** Counts {@code bytes} more; every {@link #STEP} bytes reports progress and checks for cancellation. */
    void add(long bytes, String message) {
        long now = done.addAndGet(bytes);
        long last = lastReport.get();
        if (now - last >= STEP && lastReport.compareAndSet(last, now)) {
            check();
            progress.update(now, total, message);
        }
    }

    /** @throws CancellationException when the user cancelled or a sibling reader failed */
    void check() {
        if (aborted || cancelled.getAsBoolean()) {
            throw new CancellationException("Loading was cancelled");
        }
    }

    /** Makes every later {@link #check()} throw, so sibling threads stop after one of them failed. */
    void abort() {
        aborted = true;
    }

    /** Reports completion: done equals total (an archive's last padding bytes need not have been read). */
    void finish(String message) {
        long end = total < 0 ? done.get() : total;
        progress.update(end, end, message);
    }
}
