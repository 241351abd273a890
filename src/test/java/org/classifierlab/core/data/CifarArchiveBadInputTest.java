package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.core.data.BadInput.refused;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.classifierlab.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad-input campaign, CIFAR archives ({@link CifarArchive} through {@link DatasetLoader}, as the app opens them):
 * entries that leave the archive, links, special files, duplicates, bombs, truncated or corrupt gzip and files
 * that only look like archives end in a {@link DatasetException} naming the archive (and entry), in bounded time
 * and memory, and the reader extracts nothing: the tree around the archive is unchanged and no escaping path
 * was created.
 */
class CifarArchiveBadInputTest {

    private static final String DIR = "cifar-10-batches-bin/";

    @TempDir
    Path tmp;

    private Path archive;

    private DatasetException load(String label) {
        return load(label, BadInput.SMALL);
    }

    private DatasetException load(String label, long maxBytes) {
        Path file = archive;
        return refused(DatasetException.class, tmp, maxBytes, label,
                () -> DatasetLoader.load(file, Progress.NONE, () -> false));
    }

    /** A tar.gz of {@code entries}, each added by the callback (raw commons-compress, so anything can be written). */
    private Path tarGz(String name, TarWriter entries) throws IOException {
        archive = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            entries.write(tar);
        }
        return archive;
    }

    @FunctionalInterface
    private interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(data.length);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void special(TarArchiveOutputStream tar, String name, byte type, String link) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        if (link != null) {
            e.setLinkName(link);
        }
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static byte[] batch() {
        return Synthetic.cifar10(2, 0);
    }

    @Test
    void entriesThatLeaveTheArchive() throws IOException {
        String escape = "classifierlab-escape-" + System.nanoTime();
        tarGz("cifar-10-binary.tar.gz", t -> file(t, "../" + escape + ".bin", batch()));
        assertThat(load("archive: entry ../x.bin")).hasMessage("cifar-10-binary.tar.gz!/../" + escape + ".bin: the"
                + " entry's path leaves the archive (absolute or with '..'); refused");
        tarGz("cifar-10-binary.tar.gz", t -> {
            file(t, DIR + "data_batch_1.bin", batch());
            file(t, DIR + "../../" + escape + ".bin", batch());
        });
        assertThat(load("archive: entry cifar-10-batches-bin/../../x.bin")).hasMessage("cifar-10-binary.tar.gz!/"
                + DIR + "../../" + escape + ".bin: the entry's path leaves the archive (absolute or with '..');"
                + " refused");
        Path absolute = tmp.getRoot().resolve("tmp").resolve(escape).resolve("data_batch_1.bin");
        tarGz("cifar-10-binary.tar.gz", t -> file(t, absolute.toString(), batch()));
        assertThat(load("archive: absolute entry /tmp/…/data_batch_1.bin")).hasMessage("cifar-10-binary.tar.gz!/"
                + absolute + ": the entry's path leaves the archive (absolute or with '..'); refused");
        tarGz("cifar-10-binary.tar.gz", t -> file(t, "C:/Windows/" + escape + ".bin", batch()));
        assertThat(load("archive: drive-letter entry C:/…")).hasMessageEndingWith(": the entry's path leaves the"
                + " archive (absolute or with '..'); refused");
        tarGz("cifar-10-binary.tar.gz", t -> file(t, "..\\" + escape + ".bin", batch()));
        assertThat(load("archive: entry ..\\x.bin (Windows separator)")).hasMessageEndingWith(": the entry's path"
                + " leaves the archive (absolute or with '..'); refused");
        assertThat(tmp.getParent().resolve(escape + ".bin")).doesNotExist();
        assertThat(absolute.getParent()).doesNotExist();
    }

    @Test
    void linksAndSpecialFiles() throws IOException {
        tarGz("cifar-10-binary.tar.gz", t -> special(t, DIR + "data_batch_1.bin", TarConstants.LF_SYMLINK,
                "/etc/passwd"));
        assertThat(load("archive: symlink entry to /etc/passwd")).hasMessage("cifar-10-binary.tar.gz!/" + DIR
                + "data_batch_1.bin: is a link (to '/etc/passwd'); a CIFAR archive holds only plain files");
        tarGz("cifar-10-binary.tar.gz", t -> {
            special(t, "cifar-10-batches-bin", TarConstants.LF_SYMLINK, "/tmp");
            file(t, DIR + "data_batch_1.bin", batch());
        });
        assertThat(load("archive: folder symlinked to /tmp, then a file through it")).hasMessage(
                "cifar-10-binary.tar.gz!/cifar-10-batches-bin: is a link (to '/tmp'); a CIFAR archive holds only"
                        + " plain files");
        tarGz("cifar-10-binary.tar.gz", t -> {
            file(t, DIR + "data_batch_1.bin", batch());
            special(t, DIR + "data_batch_2.bin", TarConstants.LF_LINK, DIR + "data_batch_1.bin");
        });
        assertThat(load("archive: hard link entry")).hasMessage("cifar-10-binary.tar.gz!/" + DIR + "data_batch_2.bin:"
                + " is a link (to '" + DIR + "data_batch_1.bin'); a CIFAR archive holds only plain files");
        tarGz("cifar-10-binary.tar.gz", t -> special(t, DIR + "data_batch_1.bin", TarConstants.LF_FIFO, null));
        assertThat(load("archive: FIFO entry")).hasMessage("cifar-10-binary.tar.gz!/" + DIR + "data_batch_1.bin: is a"
                + " special file (device, pipe, sparse file…); a CIFAR archive holds only plain files");
        tarGz("cifar-10-binary.tar.gz", t -> special(t, DIR + "test_batch.bin", TarConstants.LF_CHR, null));
        assertThat(load("archive: character device entry")).hasMessageEndingWith("is a special file (device, pipe,"
                + " sparse file…); a CIFAR archive holds only plain files");
    }

    @Test
    void duplicateEntries() throws IOException {
        tarGz("cifar-10-binary.tar.gz", t -> {
            file(t, DIR + "data_batch_1.bin", batch());
            file(t, DIR + "test_batch.bin", batch());
            file(t, "./" + DIR + "data_batch_1.bin", batch());
        });
        assertThat(load("archive: data_batch_1.bin twice (second as ./…)")).hasMessage("cifar-10-binary.tar.gz!/./"
                + DIR + "data_batch_1.bin: appears twice in the archive");
    }

    @Test
    void entryClaimingMoreThanTheOfficialFile() throws IOException {
        tarGz("cifar-10-binary.tar.gz", t -> file(t, DIR + "data_batch_1.bin", Synthetic.cifar10(10_001, 0)));
        assertThat(load("archive: over-long batch of 10,001 records", 256L << 20)).hasMessage("cifar-10-binary.tar.gz!/"
                + DIR + "data_batch_1.bin: claims 30,733,073 bytes, more than the official file (at most 30,730,000"
                + " bytes); refused before reading");
    }

    @Test
    void truncatedEntryAllocatesAtMostTheOfficialSize() throws IOException {
        // The header claims a full batch (30,730,000 bytes, allowed), but the archive ends after 2 records: the
        // reader may allocate for the official size (5 batches, 154 MB) but no more, and names the entry.
        archive = tmp.resolve("cifar-10-binary.tar.gz");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(raw);
        TarArchiveEntry e = new TarArchiveEntry(DIR + "data_batch_1.bin");
        e.setSize(30_730_000);
        tar.putArchiveEntry(e);
        tar.write(batch());
        tar.flush();
        Files.write(archive, Synthetic.gzip(raw.toByteArray()));
        assertThat(load("archive: batch entry cut after 2 of 10,000 records", 256L << 20)).hasMessage(
                "cifar-10-binary.tar.gz!/" + DIR + "data_batch_1.bin: cannot be read: the archive is truncated or"
                        + " corrupt (Truncated TAR archive)");
    }

    @Test
    void labelOutOfRangeInAnEntry() throws IOException {
        byte[] bad = batch();
        bad[3073] = (byte) 200;
        tarGz("cifar-10-binary.tar.gz", t -> file(t, DIR + "test_batch.bin", bad));
        assertThat(load("archive: label 200 in an entry")).hasMessage("cifar-10-binary.tar.gz!/" + DIR
                + "test_batch.bin: record 1: label 200 is out of range 0–9 (at byte 3073)");
    }

    @Test
    void gzipBombBehindAnEntryTheReaderSkips() throws IOException {
        // 4 MB on disk: a folder entry, then readme.html claiming 4 GiB, then 4 GiB of zeros. The reader skips a
        // readme, but skipping decompresses every byte: before this campaign it read on to the 400 MB cap.
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(raw);
        tar.putArchiveEntry(new TarArchiveEntry(DIR));
        tar.closeArchiveEntry();
        TarArchiveEntry readme = new TarArchiveEntry(DIR + "readme.html");
        readme.setSize(4L << 30);
        tar.putArchiveEntry(readme);
        tar.flush();
        archive = BadInput.gzipBomb(tmp.resolve("cifar-10-binary.tar.gz"), raw.toByteArray(), 4);
        assertThat(Files.size(archive)).isLessThan(8L << 20);
        assertThat(load("archive: gzip bomb (4 MB expanding to 4 GiB) behind readme.html")).hasMessage(
                "cifar-10-binary.tar.gz!/" + DIR + "readme.html: claims 4,294,967,296 bytes, more than the official"
                        + " readme (at most 65,536 bytes); refused before reading");
    }

    @Test
    void tarMetadataBombs() throws IOException {
        // A GNU long-name entry and a PAX header, each claiming 4 GiB: commons-compress reads such metadata into
        // memory before it returns the entry; before this campaign the long name grew to the 400 MB expansion cap
        // (a gigabyte allocated on the way).
        for (byte type : new byte[] {TarConstants.LF_GNUTYPE_LONGNAME, TarConstants.LF_PAX_EXTENDED_HEADER_LC}) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            TarArchiveOutputStream tar = new TarArchiveOutputStream(raw);
            TarArchiveEntry meta = new TarArchiveEntry("././@LongLink", type);
            meta.setSize(4L << 30);
            tar.putArchiveEntry(meta);
            tar.flush();
            archive = BadInput.gzipBomb(tmp.resolve("cifar-10-binary.tar.gz"), raw.toByteArray(), 4);
            assertThat(load("archive: " + (type == TarConstants.LF_GNUTYPE_LONGNAME ? "GNU long name" : "PAX header")
                    + " of 4 GiB (gzip bomb)")).hasMessage("cifar-10-binary.tar.gz!/././@LongLink: a tar metadata entry"
                    + " (long name or PAX header) claims 4,294,967,296 bytes, more than any CIFAR archive has (at most"
                    + " 65,536); refused before reading");
            Files.delete(archive);
        }
    }

    @Test
    void gzipBombOfZerosIsNoArchive() throws IOException {
        archive = BadInput.gzipBomb(tmp.resolve("cifar-10-binary.tar.gz"), new byte[0], 4);
        assertThat(load("archive: gzip bomb of nothing but zeros")).hasMessage(archive + ": is neither a CIFAR archive"
                + " (tar or tar.gz) nor a file of a CIFAR or MNIST dataset folder");
    }

    @Test
    void truncatedCorruptOrNotGzipAtAll() throws IOException {
        tarGz("good.tar.gz", t -> {
            for (int n = 1; n <= 5; n++) {
                file(t, DIR + "data_batch_" + n + ".bin", Synthetic.cifar10(50, n));
            }
            file(t, DIR + "test_batch.bin", batch());
        });
        byte[] gz = Files.readAllBytes(archive);
        archive = Files.write(tmp.resolve("cifar-10-binary.tar.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThat(load("archive: tar.gz cut in half")).hasMessage("cifar-10-binary.tar.gz: the gzip data ends early (an"
                + " incomplete download?)");
        byte[] flipped = gz.clone();
        for (int i = gz.length / 3; i < gz.length / 3 + 64; i++) {
            flipped[i] ^= 0x5A;
        }
        archive = Files.write(tmp.resolve("cifar-10-binary.tar.gz"), flipped);
        // Deflate has no checksum per block: the damage shows as garbage labels before the gzip CRC is reached.
        assertThat(load("archive: tar.gz with 64 corrupted bytes")).hasMessageStartingWith("cifar-10-binary.tar.gz");
        archive = Files.write(tmp.resolve("cifar-10-binary.tar.gz"), "<html>404 Not Found</html>\n".getBytes(
                StandardCharsets.US_ASCII));
        assertThat(load("archive: an HTML error page named .tar.gz")).hasMessage(archive + ": is neither a CIFAR"
                + " archive (tar or tar.gz) nor a file of a CIFAR or MNIST dataset folder");
        archive = Files.write(tmp.resolve("cifar-10-binary.tar.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        assertThat(load("archive: 4 bytes of a gzip header")).hasMessage("cifar-10-binary.tar.gz: the gzip data ends"
                + " early (an incomplete download?)");
    }

    @Test
    void pipeOrFolderNamedLikeAnArchive() throws Exception {
        archive = BadInput.fifo(tmp.resolve("cifar-10-binary.tar.gz"));
        assertThat(load("archive: named pipe named .tar.gz")).hasMessage(archive + ": is not a regular file (a named"
                + " pipe, device or socket); refused without opening it");
        Files.delete(archive);
        archive = Files.createDirectory(tmp.resolve("cifar-10-binary.tar.gz"));
        assertThat(load("archive: empty folder named .tar.gz")).hasMessageStartingWith(archive + ": holds no dataset");
    }
}
