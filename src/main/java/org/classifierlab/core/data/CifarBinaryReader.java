package org.classifierlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads batches of the CIFAR-10 and CIFAR-100 binary versions: records of 1 label byte (CIFAR-100: coarse
 * then fine) and 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue, each 32×32 row-major), read in
 * bulk straight into the dataset's arrays; gzip-compressed input is recognised by its magic number.
 * Stateless; any thread.
 */
public final class CifarBinaryReader {

    /** Side of a CIFAR image. */
    public static final int SIDE = 32;
    /** Colour planes of a CIFAR image. */
    public static final int CHANNELS = 3;
    /** Pixel bytes of one image. */
    public static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;
    /** Bytes of one CIFAR-10 record: label, pixels. */
    public static final int CIFAR10_RECORD_BYTES = 1 + IMAGE_BYTES;
    /** Bytes of one CIFAR-100 record: coarse label, fine label, pixels. */
    public static final int CIFAR100_RECORD_BYTES = 2 + IMAGE_BYTES;
    /** Records in each official CIFAR-10 batch file and in CIFAR-100's {@code test.bin}. */
    public static final int RECORDS_PER_BATCH = 10_000;

    /**
     * Most records one file or stream may hold: CIFAR-100's training file, the largest, has 50,000. Why a cap on
     * plain files too: their size is real, but a 1.5 GB file of whole records would otherwise be allocated in
     * full (and then read) before anything looked at it.
     */
    static final int MAX_RECORDS = 60_000;

    private static final int CHUNK_RECORDS = 256;
    private static final int GROWTH_RECORDS = 1024;

    /** Where the label of a record is, how many there are and how many classes each may name. */
    record Layout(int labelBytes, int labelIndex, int[] classCounts) {

        static final Layout CIFAR10 = new Layout(1, 0, new int[] {10});

        static Layout cifar100(Cifar100Labels labels) {
            return new Layout(2, labels.labelByte(), new int[] {20, 100});
        }

        int recordBytes() {
            return labelBytes + IMAGE_BYTES;
        }

        int classCount() {
            return classCounts[labelIndex];
        }
    }

    /** Images and labels read from one stream, exactly sized. */
    record Batch(byte[] pixels, int[] labels) {
    }

    private CifarBinaryReader() {
    }

    /** Reads a CIFAR-10 batch file such as {@code data_batch_1.bin} (or a gzip of one). */
    public static ImageDataset readCifar10(Path file, List<String> classNames) throws IOException {
        return read(file, Layout.CIFAR10, classNames);
    }

    /** Reads CIFAR-10 records (plain or gzip) up to the end of {@code in}; {@code displayName} names it in errors. */
    public static ImageDataset readCifar10(InputStream in, String displayName, List<String> classNames)
            throws IOException {
        return read(in, displayName, Layout.CIFAR10, classNames);
    }

    /** Reads a CIFAR-100 file ({@code train.bin} or {@code test.bin}, or a gzip of one) with the chosen labels. */
    public static ImageDataset readCifar100(Path file, Cifar100Labels labels, List<String> classNames)
            throws IOException {
        return read(file, Layout.cifar100(labels), classNames);
    }

    /** Reads CIFAR-100 records (plain or gzip) up to the end of {@code in}. */
    public static ImageDataset readCifar100(InputStream in, String displayName, Cifar100Labels labels,
            List<String> classNames) throws IOException {
        return read(in, displayName, Layout.cifar100(labels), classNames);
    }

    private static ImageDataset read(Path file, Layout layout, List<String> classNames) throws IOException {
        checkClassNames(layout, classNames);
        String name = file.toString();
        long size = Files.size(DatasetFile.requireRegularFile(file));
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = CheckedGzipInputStream.gunzipIfCompressed(raw, name);
            Batch batch;
            if (in instanceof CheckedGzipInputStream) {
                batch = readAll(in, name, layout);
            } else {
                int records = checkSize(name, size, layout, -1);
                batch = new Batch(new byte[records * IMAGE_BYTES], new int[records]);
                readExactly(in, name, layout, records, batch.pixels(), batch.labels(), 0);
            }
            return dataset(fileName(name), batch, classNames, name);
        }
    }

    private static ImageDataset read(InputStream in, String displayName, Layout layout, List<String> classNames)
            throws IOException {
        Objects.requireNonNull(displayName, "displayName");
        checkClassNames(layout, classNames);
        Batch batch = readAll(CheckedGzipInputStream.gunzipIfCompressed(in, displayName), displayName, layout);
        return dataset(fileName(displayName), batch, classNames, displayName);
    }

    private static ImageDataset dataset(String name, Batch batch, List<String> classNames, String source) {
        return new ImageDataset(name, CHANNELS, SIDE, SIDE, batch.pixels(), batch.labels(), classNames, source);
    }

    private static void checkClassNames(Layout layout, List<String> classNames) {
        if (classNames.size() != layout.classCount()) {
            throw new IllegalArgumentException(
                    "expected " + layout.classCount() + " class names, got " + classNames.size());
        }
    }

    /**
     * Checks that a plain batch file holds a whole, non-zero number of records and returns that number.
     *
     * @param officialRecords records of the official file, named in the message; -1 for none
     */
    static int checkSize(String file, long size, Layout layout, int officialRecords) throws DatasetException {
        int rec = layout.recordBytes();
        String expected = officialRecords > 0
                ? String.format(Locale.ROOT, "%,d bytes (%,d records of %,d bytes)",
                        (long) officialRecords * rec, officialRecords, rec)
                : String.format(Locale.ROOT, "a whole number of %,d-byte records", rec);
        if (size == 0) {
            throw new DatasetException(file, "is empty; expected " + expected);
        }
        if (size % rec != 0) {
            long whole = size / rec;
            throw new DatasetException(file, whole * rec, String.format(Locale.ROOT,
                    "wrong size %,d bytes: expected %s%s; record %,d is truncated to %,d bytes",
                    size, expected, officialRecords > 0 ? " or another whole number of records" : "",
                    whole, size - whole * rec));
        }
        if (size / rec > MAX_RECORDS) {
            throw new DatasetException(file, String.format(Locale.ROOT,
                    "holds %,d records, more than any CIFAR file (at most %,d)", size / rec, MAX_RECORDS));
        }
        return (int) (size / rec);
    }

    /**
     * Reads exactly {@code records} records into {@code pixels} and {@code labels} from image {@code first} on.
     *
     * @throws DatasetException when the input ends early or a label is out of range
     */
    static void readExactly(InputStream in, String file, Layout layout, int records, byte[] pixels, int[] labels,
            int first) throws IOException {
        int got = readRecords(in, file, layout, records, pixels, labels, first, 0);
        if (got < records) {
            throw new DatasetException(file, (long) got * layout.recordBytes(), String.format(Locale.ROOT,
                    "ends after %,d of %,d records", got, records));
        }
    }

    /** Reads records up to the end of {@code in}, whatever their number (growing the arrays as they come). */
    static Batch readAll(InputStream in, String file, Layout layout) throws IOException {
        List<Batch> parts = new ArrayList<>();
        int total = 0;
        while (true) {
            Batch part = new Batch(new byte[GROWTH_RECORDS * IMAGE_BYTES], new int[GROWTH_RECORDS]);
            int got = readRecords(in, file, layout, GROWTH_RECORDS, part.pixels(), part.labels(), 0,
                    (long) total * layout.recordBytes());
            parts.add(part);
            total = Math.addExact(total, got);
            if (total > MAX_RECORDS) {
                throw new DatasetException(file, (long) MAX_RECORDS * layout.recordBytes(), String.format(Locale.ROOT,
                        "holds more than %,d records, more than any CIFAR file; not reading on", MAX_RECORDS));
            }
            if (got < GROWTH_RECORDS) {
                break;
            }
        }
        if (total == 0) {
            throw new DatasetException(file, "holds no records");
        }
        byte[] pixels = new byte[Math.multiplyExact(total, IMAGE_BYTES)];
        int[] labels = new int[total];
        int at = 0;
        for (Batch part : parts) {
            int n = Math.min(GROWTH_RECORDS, total - at);
            System.arraycopy(part.pixels(), 0, pixels, at * IMAGE_BYTES, n * IMAGE_BYTES);
            System.arraycopy(part.labels(), 0, labels, at, n);
            at += n;
        }
        return new Batch(pixels, labels);
    }

    /**
     * Reads up to {@code max} records, stopping early only at a clean end of input, and returns how many
     * were read. {@code startByte} is the offset of the first record in the file, for messages.
     */
    private static int readRecords(InputStream in, String file, Layout layout, int max, byte[] pixels,
            int[] labels, int first, long startByte) throws IOException {
        int rec = layout.recordBytes();
        byte[] chunk = new byte[Math.min(max, CHUNK_RECORDS) * rec];
        int done = 0;
        while (done < max) {
            int want = Math.min(max - done, CHUNK_RECORDS);
            int got = in.readNBytes(chunk, 0, want * rec);
            int whole = got / rec;
            for (int r = 0; r < whole; r++) {
                int at = r * rec;
                int image = first + done + r;
                for (int b = 0; b < layout.labelBytes(); b++) {
                    int label = chunk[at + b] & 0xFF;
                    if (label >= layout.classCounts()[b]) {
                        throw new DatasetException(file, startByte + (long) (done + r) * rec + b,
                                String.format(Locale.ROOT, "record %,d: %slabel %d is out of range 0–%d",
                                        done + r, layout.labelBytes() == 1 ? "" : b == 0 ? "coarse " : "fine ",
                                        label, layout.classCounts()[b] - 1));
                    }
                }
                labels[image] = chunk[at + layout.labelIndex()] & 0xFF;
                System.arraycopy(chunk, at + layout.labelBytes(), pixels, image * IMAGE_BYTES, IMAGE_BYTES);
            }
            if (got % rec != 0) {
                throw new DatasetException(file, startByte + (long) (done + whole) * rec, String.format(Locale.ROOT,
                        "record %,d is truncated: %,d of %,d bytes", done + whole, got % rec, rec));
            }
            done += whole;
            if (got < want * rec) {
                break;
            }
        }
        return done;
    }

    /** The last part of a path or archive entry name, for progress messages and dataset names. */
    static String fileName(String file) {
        int cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(cut + 1);
    }
}
