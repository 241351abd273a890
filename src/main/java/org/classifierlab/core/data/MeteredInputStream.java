package org.classifierlab.core.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it into a {@link ReadMonitor}, in reads of at most one mebibyte so that
 * progress and cancellation are seen at least that often. Single reader thread.
 */
final class MeteredInputStream extends FilterInputStream {

    private final ReadMonitor monitor;
    private final String message;

    MeteredInputStream(InputStream in, ReadMonitor monitor, String message) {
        super(in);
        this.monitor = monitor;
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            monitor.add(1, message);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, (int) Math.min(len, ReadMonitor.STEP));
        if (n > 0) {
            monitor.add(n, message);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, ReadMonitor.STEP));
        monitor.add(skipped, message);
        return skipped;
    }
}
