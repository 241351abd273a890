package org.classifierlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.classifierlab.core.data.CifarBinaryReader.Batch;
import org.classifierlab.core.data.PickleReader.NumpyArray;

/**
 * Reads the CIFAR-10 python version: batches ({@code data_batch_1}, {@code test_batch}) that pickle a dict
 * with a uint8 {@code data} array of N×3072 and a {@code labels} list, and {@code batches.meta} with the
 * {@code label_names}. Uses {@link PickleReader}, so nothing in the file is ever executed. Stateless; any thread.
 */
public final class CifarPythonReader {

    private static final int SIDE = CifarBinaryReader.SIDE;
    private static final int IMAGE_BYTES = CifarBinaryReader.IMAGE_BYTES;

    private CifarPythonReader() {
    }

    /** Reads one batch file (plain or gzip). */
    public static ImageDataset readBatch(Path file, List<String> classNames) throws IOException {
        try (InputStream in = Files.newInputStream(DatasetFile.requireRegularFile(file))) {
            return readBatch(in, file.toString(), classNames, Files.size(file));
        }
    }

    /** Reads one batch from a stream (plain or gzip); {@code displayName} names it in messages. */
    public static ImageDataset readBatch(InputStream in, String displayName, List<String> classNames)
            throws IOException {
        return readBatch(in, displayName, classNames, -1);
    }

    private static ImageDataset readBatch(InputStream in, String displayName, List<String> classNames, long size)
            throws IOException {
        Batch batch = batch(in, displayName, classNames.size(), size);
        return new ImageDataset(CifarBinaryReader.fileName(displayName), CifarBinaryReader.CHANNELS, SIDE, SIDE,
                batch.pixels(), batch.labels(), classNames, displayName);
    }

    /** Reads the class names from {@code batches.meta}. */
    public static List<String> readLabelNames(Path metaFile) throws IOException {
        try (InputStream in = Files.newInputStream(DatasetFile.requireRegularFile(metaFile))) {
            return readLabelNames(in, metaFile.toString(), Files.size(metaFile));
        }
    }

    /** Reads the class names from a {@code batches.meta} stream. */
    public static List<String> readLabelNames(InputStream in, String displayName) throws IOException {
        return readLabelNames(in, displayName, -1);
    }

    static List<String> readLabelNames(InputStream in, String file, long size) throws IOException {
        Map<?, ?> dict = dict(unpickle(in, file, size), file, "label_names");
        if (!(dict.get("label_names") instanceof List<?> names) || names.isEmpty()) {
            throw new DatasetException(file, "'label_names' is not a non-empty list");
        }
        List<String> out = new ArrayList<>(names.size());
        for (Object name : names) {
            if (name instanceof byte[] b) {
                out.add(new String(b, StandardCharsets.UTF_8));
            } else if (name instanceof String s) {
                out.add(s);
            } else {
                throw new DatasetException(file, "'label_names' holds a value that is not a string");
            }
        }
        return List.copyOf(out);
    }

    /**
     * Reads one batch into exactly sized arrays. Each image comes out CHW: arrays of shape N×3072 or N×3×32×32
     * are taken as they are, N×32×32×3 (HWC, as some re-saved files have) is rearranged.
     *
     * @param size bytes in {@code in} as stored, or -1 when unknown
     */
    static Batch batch(InputStream in, String file, int classCount, long size) throws IOException {
        Map<?, ?> dict = dict(unpickle(in, file, size), file, "data");
        if (!(dict.get("data") instanceof NumpyArray data)) {
            throw new DatasetException(file, "'data' is not a numpy array");
        }
        if (!data.isUnsignedBytes()) {
            throw new DatasetException(file, "'data' has dtype " + data.dtype() + ", expected uint8 (|u1)");
        }
        int[] s = data.shape();
        boolean flat = s.length == 2 && s[1] == IMAGE_BYTES;
        boolean chw = s.length == 4 && s[1] == 3 && s[2] == SIDE && s[3] == SIDE;
        boolean hwc = s.length == 4 && s[1] == SIDE && s[2] == SIDE && s[3] == 3;
        if (!flat && !chw && !hwc) {
            throw new DatasetException(file, "'data' has shape " + shape(s)
                    + ", expected (N, 3072), (N, 3, 32, 32) or (N, 32, 32, 3)");
        }
        int n = s[0];
        int[] labels = labels(dict, file, n, classCount);
        byte[] pixels = hwc ? hwcToChw(data.data(), n) : data.data();
        return new Batch(pixels, labels);
    }

    private static Object unpickle(InputStream in, String file, long size) throws IOException {
        InputStream plain = CheckedGzipInputStream.gunzipIfCompressed(in, file);
        return PickleReader.read(plain, file, plain instanceof CheckedGzipInputStream ? -1 : size);
    }

    private static Map<?, ?> dict(Object pickled, String file, String expectedKey) throws DatasetException {
        if (!(pickled instanceof Map<?, ?> dict)) {
            throw new DatasetException(file, "is not a CIFAR python file: it holds a "
                    + (pickled == null ? "None" : pickled.getClass().getSimpleName()) + ", not a dict");
        }
        if (!dict.containsKey(expectedKey)) {
            throw new DatasetException(file, "is not a CIFAR python file: its dict has no '" + expectedKey
                    + "' (keys: " + dict.keySet() + ")");
        }
        return dict;
    }

    private static int[] labels(Map<?, ?> dict, String file, int n, int classCount) throws DatasetException {
        Object value = dict.get("labels");
        int count;
        if (value instanceof List<?> list) {
            count = list.size();
        } else if (value instanceof NumpyArray array && array.isInteger() && array.shape().length == 1) {
            count = array.shape()[0];
        } else {
            throw new DatasetException(file, "'labels' is " + (value == null ? "missing" : "neither a list of ints"
                    + " nor a 1-D integer numpy array"));
        }
        if (count != n) {
            throw new DatasetException(file, String.format(Locale.ROOT, "has %,d images but %,d labels", n, count));
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            long label;
            if (value instanceof List<?> list) {
                if (!(list.get(i) instanceof Number number)) {
                    throw new DatasetException(file, String.format(Locale.ROOT, "label of image %,d is not an int", i));
                }
                label = number.longValue();
            } else {
                label = ((NumpyArray) value).integer(i);
            }
            if (label < 0 || label >= classCount) {
                throw new DatasetException(file, String.format(Locale.ROOT,
                        "label %d of image %,d is out of range 0–%d", label, i, classCount - 1));
            }
            labels[i] = (int) label;
        }
        return labels;
    }

    private static byte[] hwcToChw(byte[] hwc, int n) {
        int plane = SIDE * SIDE;
        byte[] chw = new byte[hwc.length];
        for (int i = 0; i < n; i++) {
            int base = i * IMAGE_BYTES;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) {
                    chw[base + c * plane + p] = hwc[base + p * 3 + c];
                }
            }
        }
        return chw;
    }

    private static String shape(int[] s) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(s[i]);
        }
        return sb.append(s.length == 1 ? ",)" : ")").toString();
    }
}
