package org.classifierlab.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Synthetic dataset files with known contents for the data tests: byte j (channel c = j / 1024) of image i of
 * a batch with seed s is (31·i + 7·j + 85·c + s) mod 256 and its label (3·i + s) mod classes, the same rule
 * as pickle-fixtures.py (with s = 0).
 */
final class Synthetic {

    static final int IMAGE = 3072;

    private Synthetic() {
    }

    static int pixel(int image, int j, int seed) {
        return (31 * image + 7 * j + 85 * (j / 1024) + seed) & 0xFF;
    }

    static int label(int image, int seed, int classes) {
        return (3 * image + seed) % classes;
    }

    /** {@code n} CIFAR-10 records (label byte, 3,072 pixel bytes). */
    static byte[] cifar10(int n, int seed) {
        byte[] out = new byte[n * (1 + IMAGE)];
        for (int i = 0; i < n; i++) {
            int at = i * (1 + IMAGE);
            out[at] = (byte) label(i, seed, 10);
            for (int j = 0; j < IMAGE; j++) {
                out[at + 1 + j] = (byte) pixel(i, j, seed);
            }
        }
        return out;
    }

    /** {@code n} CIFAR-100 records: coarse label (3·i + s) mod 20, fine label (7·i + s) mod 100, pixels. */
    static byte[] cifar100(int n, int seed) {
        byte[] out = new byte[n * (2 + IMAGE)];
        for (int i = 0; i < n; i++) {
            int at = i * (2 + IMAGE);
            out[at] = (byte) label(i, seed, 20);
            out[at + 1] = (byte) ((7 * i + seed) % 100);
            for (int j = 0; j < IMAGE; j++) {
                out[at + 2 + j] = (byte) pixel(i, j, seed);
            }
        }
        return out;
    }

    /** The 3,072 pixels of image {@code i} of a batch with {@code seed}. */
    static byte[] image(int i, int seed) {
        byte[] out = new byte[IMAGE];
        for (int j = 0; j < IMAGE; j++) {
            out[j] = (byte) pixel(i, j, seed);
        }
        return out;
    }

    /** An IDX images file: magic 0x803, n, rows, cols, then pixel (i, p) = (5·i + p) mod 256. */
    static byte[] idxImages(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < rows * cols; p++) {
                b.put((byte) (5 * i + p));
            }
        }
        return b.array();
    }

    /** An IDX labels file: magic 0x801, n, then the labels. */
    static byte[] idxLabels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    /** Writes a tar (gzip-compressed when the name ends in gz) with commons-compress, entry by entry. */
    static final class Tar implements AutoCloseable {

        private final TarArchiveOutputStream tar;

        Tar(Path file) throws IOException {
            OutputStream out = Files.newOutputStream(file);
            String name = file.getFileName().toString();
            this.tar = new TarArchiveOutputStream(name.endsWith("gz") ? new GZIPOutputStream(out) : out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        }

        Tar dir(String name) throws IOException {
            tar.putArchiveEntry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/"));
            tar.closeArchiveEntry();
            return this;
        }

        Tar file(String name, byte[] data) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
            return this;
        }

        Tar link(String name, String target, boolean symbolic) throws IOException {
            TarArchiveEntry entry = new TarArchiveEntry(name, symbolic ? TarConstants.LF_SYMLINK : TarConstants.LF_LINK);
            entry.setLinkName(target);
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
            return this;
        }

        @Override
        public void close() throws IOException {
            tar.close();
        }
    }
}
