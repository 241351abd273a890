package org.classifierlab.core.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Refuses to deliver more than a fixed number of bytes, so that a decompression bomb fails with a
 * {@link DatasetException} instead of filling the heap or running for ever. Single reader thread.
 */
final class CappedInputStream extends FilterInputStream {

    private final long cap;
    private final String file;
    private long count;

    CappedInputStream(InputStream in, long cap, String file) {
        super(in);
        this.cap = cap;
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws DatasetException {
        count += n;
        if (count > cap) {
            throw new DatasetException(file, cap, String.format(Locale.ROOT,
                    "expands to more than %,d bytes, more than any CIFAR or MNIST archive holds; not reading on",
                    cap));
        }
    }
}
