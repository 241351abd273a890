package org.classifierlab.core.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip decompressor whose corrupt or truncated input fails with a {@link DatasetException} naming the
 * file, plus detection of gzip by its magic number. Single reader thread.
 */
final class CheckedGzipInputStream extends FilterInputStream {

    static final int BUFFER = 1 << 16;

    /**
     * Most bytes any gzip stream may expand to, so a small file that claims gigabytes (a gzip bomb) fails
     * after this much instead of filling the heap: CIFAR-100's training file, the largest, is 154 MB.
     */
    static final long MAX_EXPANDED = 400L << 20;

    private final String file;

    private CheckedGzipInputStream(InputStream gzip, String file) {
        super(gzip);
        this.file = file;
    }

    /** Decompresses {@code raw}, which must start with a gzip header. */
    static InputStream open(InputStream raw, String file) throws IOException {
        try {
            return new CheckedGzipInputStream(new CappedInputStream(new GZIPInputStream(raw, BUFFER), MAX_EXPANDED,
                    file), file);
        } catch (ZipException | EOFException e) {
            throw corrupt(file, e);
        }
    }

    /** {@code in}, decompressed when its first two bytes are the gzip magic number 1f 8b. */
    static InputStream gunzipIfCompressed(InputStream in, String file) throws IOException {
        InputStream marked = in.markSupported() ? in : new BufferedInputStream(in, BUFFER);
        marked.mark(2);
        int b0 = marked.read();
        int b1 = marked.read();
        marked.reset();
        return b0 == 0x1f && b1 == 0x8b ? open(marked, file) : marked;
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (ZipException | EOFException e) {
            throw corrupt(file, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (ZipException | EOFException e) {
            throw corrupt(file, e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return in.skip(n);
        } catch (ZipException | EOFException e) {
            throw corrupt(file, e);
        }
    }

    private static DatasetException corrupt(String file, IOException e) {
        String problem = e instanceof EOFException
                ? "the gzip data ends early (an incomplete download?)"
                : "corrupt gzip data (" + e.getMessage() + ")";
        return new DatasetException(file, -1, problem, e);
    }
}
