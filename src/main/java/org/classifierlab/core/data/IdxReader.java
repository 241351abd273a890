package org.classifierlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads MNIST-style IDX files (MNIST, Fashion-MNIST): an images file (magic {@code 0x00000803}, then
 * big-endian count, rows, columns, then unsigned bytes) and a labels file (magic {@code 0x00000801}, count,
 * bytes), each plain or gzip-compressed (recognised by content). Stateless; any thread.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    /** Larger than any MNIST-style images file (Fashion-MNIST's training images take 47 MB). */
    static final long MAX_PIXEL_BYTES = 400L << 20;

    /**
     * Most labels (and so images) accepted: EMNIST ByClass, the largest MNIST-style set, has 697,932 training
     * images. Why a cap of its own: the pixel cap alone let a labels file claim 400 million labels, and a gzip
     * bomb of zeros then filled 2 GB of arrays before the images file was even opened.
     */
    static final int MAX_LABELS = 2_000_000;

    private static final int CHUNK = 1 << 20;

    private IdxReader() {
    }

    /**
     * Reads an images file and its labels file into one dataset named {@code name}.
     *
     * @param classNames one name per class; every label must be below their number
     */
    public static ImageDataset read(Path images, Path labels, List<String> classNames, String name)
            throws IOException {
        DatasetFile.requireRegularFile(images);
        DatasetFile.requireRegularFile(labels);
        try (InputStream imagesIn = Files.newInputStream(images); InputStream labelsIn = Files.newInputStream(labels)) {
            return read(imagesIn, images.toString(), Files.size(images), labelsIn, labels.toString(),
                    Files.size(labels), classNames, name);
        }
    }

    /** As {@link #read(Path, Path, List, String)}, from streams; the names are used in messages. */
    public static ImageDataset read(InputStream images, String imagesName, InputStream labels, String labelsName,
            List<String> classNames, String name) throws IOException {
        return read(images, imagesName, -1, labels, labelsName, -1, classNames, name);
    }

    /**
     * @param imagesSize size of the images file as stored, or -1 when unknown (checked only when not gzipped)
     * @param labelsSize likewise for the labels file
     */
    static ImageDataset read(InputStream imagesRaw, String imagesName, long imagesSize, InputStream labelsRaw,
            String labelsName, long labelsSize, List<String> classNames, String name) throws IOException {
        Objects.requireNonNull(name, "name");
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames must not be empty");
        }
        InputStream labelsIn = CheckedGzipInputStream.gunzipIfCompressed(labelsRaw, labelsName);
        int count = header(labelsIn, labelsName, LABELS_MAGIC, 1, "labels")[0];
        if (count > MAX_LABELS) {
            throw new DatasetException(labelsName, 4, String.format(Locale.ROOT,
                    "claims %,d labels, more than the %,d this reader accepts", count, MAX_LABELS));
        }
        boolean labelsSized = checkStoredSize(labelsIn, labelsName, labelsSize, 8L + count,
                String.format(Locale.ROOT, "%,d labels", count));
        byte[] labelBytes = readBody(labelsIn, labelsName, count, labelsSized, 8, "label", 1);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = labelBytes[i] & 0xFF;
            if (labels[i] >= classNames.size()) {
                throw new DatasetException(labelsName, 8L + i, String.format(Locale.ROOT,
                        "label %d of image %,d is out of range 0–%d", labels[i], i, classNames.size() - 1));
            }
        }

        InputStream imagesIn = CheckedGzipInputStream.gunzipIfCompressed(imagesRaw, imagesName);
        int[] dims = header(imagesIn, imagesName, IMAGES_MAGIC, 3, "images");
        int rows = dims[1];
        int cols = dims[2];
        if (dims[0] != count) {
            throw new DatasetException(imagesName, 4, String.format(Locale.ROOT,
                    "holds %,d images but %s holds %,d labels", dims[0], CifarBinaryReader.fileName(labelsName),
                    count));
        }
        // Why in steps: rows × columns × count of three 31-bit numbers can pass 2^63 and wrap to a small or
        // negative long; each product is checked against the limit before the next one is formed.
        long imageBytes = (long) rows * cols;
        if (imageBytes > MAX_PIXEL_BYTES || imageBytes * count > MAX_PIXEL_BYTES) {
            throw new DatasetException(imagesName, 4, String.format(Locale.ROOT,
                    "claims %,d image%s of %,d×%,d, %,d bytes, more than the %,d this reader accepts",
                    count, count == 1 ? "" : "s", rows, cols,
                    BigInteger.valueOf(imageBytes).multiply(BigInteger.valueOf(count)), MAX_PIXEL_BYTES));
        }
        long pixelBytes = imageBytes * count;
        boolean imagesSized = checkStoredSize(imagesIn, imagesName, imagesSize, 16 + pixelBytes,
                String.format(Locale.ROOT, "%,d images of %d×%d", count, rows, cols));
        byte[] pixels = readBody(imagesIn, imagesName, (int) pixelBytes, imagesSized, 16, "image", (int) imageBytes);
        return new ImageDataset(name, 1, rows, cols, pixels, labels, classNames, imagesName);
    }

    /** Reads and checks the magic number and dimensions; returns the dimensions. */
    private static int[] header(InputStream in, String file, int magic, int dimensions, String what)
            throws IOException {
        byte[] head = new byte[4 + 4 * dimensions];
        int got = in.readNBytes(head, 0, head.length);
        if (got >= 4) {
            int found = intAt(head, 0);
            if (found != magic) {
                throw new DatasetException(file, 0, String.format(Locale.ROOT,
                        "wrong magic number 0x%08X: expected 0x%08X (IDX %s: unsigned bytes, %d dimension%s)",
                        found, magic, what, dimensions, dimensions == 1 ? "" : "s"));
            }
        }
        if (got < head.length) {
            throw new DatasetException(file, got, String.format(Locale.ROOT,
                    "ends inside the %d-byte IDX header", head.length));
        }
        int[] dims = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            dims[d] = intAt(head, 4 + 4 * d);
            if (dims[d] <= 0) {
                throw new DatasetException(file, 4 + 4 * d, "dimension " + d + " is " + dims[d]
                        + ", must be positive");
            }
        }
        return dims;
    }

    /** Checks a plain file's size against its header; returns whether it was checked (false for gzip or unknown). */
    private static boolean checkStoredSize(InputStream in, String file, long storedSize, long expected,
            String content) throws DatasetException {
        if (storedSize < 0 || in instanceof CheckedGzipInputStream) {
            return false;
        }
        if (storedSize != expected) {
            throw new DatasetException(file, String.format(Locale.ROOT,
                    "wrong size %,d bytes: its header announces %s, which take %,d bytes", storedSize, content,
                    expected));
        }
        return true;
    }

    /**
     * Reads {@code length} bytes after the header in bulk and checks that nothing follows them. Only when the
     * file's size was checked ({@code sized}) is the whole array allocated at once; otherwise (gzip, streams) it
     * grows with the bytes that really arrive, so a header claiming 400 MB in a tiny file allocates little.
     */
    private static byte[] readBody(InputStream in, String file, int length, boolean sized, int headerBytes,
            String item, int itemBytes) throws IOException {
        byte[] body = new byte[sized ? length : Math.min(length, CHUNK)];
        int done = 0;
        while (done < length) {
            if (done == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            }
            int got = in.readNBytes(body, done, Math.min(CHUNK, body.length - done));
            done += got;
            if (got == 0) {
                throw new DatasetException(file, headerBytes + (long) done, String.format(Locale.ROOT,
                        "ends early, inside %s %,d of %,d", item, done / itemBytes, length / itemBytes));
            }
        }
        if (in.read() >= 0) {
            throw new DatasetException(file, headerBytes + (long) length, String.format(Locale.ROOT,
                    "has data after the last %s (%,d %ss announced by the header)", item, length / itemBytes,
                    item));
        }
        return body;
    }

    private static int intAt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}
