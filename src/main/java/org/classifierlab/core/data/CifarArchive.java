package org.classifierlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.classifierlab.core.data.CifarBinaryReader.Batch;
import org.classifierlab.core.data.CifarBinaryReader.Layout;
import org.classifierlab.core.data.DatasetFile.Role;

/**
 * Reads an official CIFAR archive ({@code cifar-10-binary.tar.gz}, {@code cifar-10-python.tar.gz},
 * {@code cifar-100-binary.tar.gz}, or the same as a plain tar) in one streaming pass, straight into the
 * dataset's arrays: nothing is extracted or written to disk. Refuses links, paths that leave the archive,
 * unexpected entries and archives that expand beyond what CIFAR can be. One instance per read; single thread.
 */
final class CifarArchive {

    /** Largest decompressed archive accepted: the CIFAR archives expand to 178–185 MB. */
    static final long MAX_BYTES = 400L << 20;
    /** Most entries accepted: the CIFAR archives have 5 to 9. */
    static final int MAX_ENTRIES = 64;

    /** Most bytes a readme, a names file or a tar metadata entry (long name, PAX header) may claim. */
    static final long MAX_SMALL_ENTRY = 64 << 10;

    private static final int IMAGE_BYTES = CifarBinaryReader.IMAGE_BYTES;
    private static final String README = "readme.html";

    private final Path path;
    private final String archiveName;
    private final Cifar100Labels cifar100Labels;
    private final long maxBytes;
    private final Set<String> seen = new HashSet<>();
    private DatasetFormat format;
    private String folder;
    private List<String> classNames;
    private byte[] trainPixels;
    private int[] trainLabels;
    private int batchRecords;
    private byte[] testPixels;
    private int[] testLabels;

    private CifarArchive(Path path, Cifar100Labels cifar100Labels, long maxBytes) {
        this.path = path;
        this.archiveName = String.valueOf(path.getFileName());
        this.cifar100Labels = cifar100Labels;
        this.maxBytes = maxBytes;
    }

    /**
     * Reads the archive at {@code path}, gzip-compressed or not, counting its stored bytes into {@code monitor}.
     *
     * @param maxBytes most bytes the archive may expand to, normally {@link #MAX_BYTES}
     */
    static Dataset read(Path path, boolean gzip, Cifar100Labels cifar100Labels, ReadMonitor monitor, long maxBytes)
            throws IOException {
        return new CifarArchive(path, cifar100Labels, maxBytes).read(gzip, monitor);
    }

    private Dataset read(boolean gzip, ReadMonitor monitor) throws IOException {
        try (InputStream raw = new MeteredInputStream(Files.newInputStream(DatasetFile.requireRegularFile(path)), monitor, "Reading " + archiveName)) {
            InputStream plain = gzip ? CheckedGzipInputStream.open(raw, archiveName) : raw;
            TarArchiveInputStream tar = new GuardedTar(new CappedInputStream(plain, maxBytes, archiveName), archiveName);
            int entries = 0;
            for (TarArchiveEntry entry = nextEntry(tar); entry != null; entry = nextEntry(tar)) {
                if (++entries > MAX_ENTRIES) {
                    throw new DatasetException(archiveName, "has more than " + MAX_ENTRIES
                            + " entries; a CIFAR archive has fewer than 10");
                }
                entry(tar, entry);
            }
        }
        return finish();
    }

    private TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (DatasetException | ClosedByInterruptException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new DatasetException(archiveName, -1, "is not a readable tar archive (" + e.getMessage() + ")", e);
        }
    }

    private void entry(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
        String name = entry.getName();
        String display = archiveName + "!/" + name;
        String clean = name.startsWith("./") ? name.substring(2) : name;
        if (clean.startsWith("/") || clean.startsWith("\\") || clean.matches("^[A-Za-z]:.*")
                || Arrays.asList(clean.split("[/\\\\]")).contains("..")) {
            throw new DatasetException(display, "the entry's path leaves the archive (absolute or with '..'); refused");
        }
        if (entry.isSymbolicLink() || entry.isLink()) {
            throw new DatasetException(display, "is a link (to '" + entry.getLinkName()
                    + "'); a CIFAR archive holds only plain files");
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO() || entry.isSparse()
                || !entry.isDirectory() && !entry.isFile()) {
            throw new DatasetException(display, "is a special file (device, pipe, sparse file…); a CIFAR archive"
                    + " holds only plain files");
        }
        String trimmed = clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
        String[] parts = trimmed.split("/");
        if (entry.isDirectory()) {
            if (trimmed.isEmpty() || trimmed.equals(".")) {
                return;
            }
            if (parts.length != 1) {
                throw unexpected(display, "a nested folder");
            }
            folder(parts[0], display);
            return;
        }
        if (parts.length > 2) {
            throw unexpected(display, "a file in a nested folder");
        }
        folder(parts.length == 2 ? parts[0] : "", display);
        String base = parts[parts.length - 1];
        if (base.equals(README)) {
            if (entry.getSize() > MAX_SMALL_ENTRY) {
                // Why: it is skipped, but skipping reads (and decompresses) every byte it claims.
                throw new DatasetException(display, String.format(Locale.ROOT, "claims %,d bytes, more than the"
                        + " official readme (at most %,d bytes); refused before reading", entry.getSize(),
                        MAX_SMALL_ENTRY));
            }
            return;
        }
        DatasetFile file = DatasetFile.of(base);
        if (file == null || file.format() == DatasetFormat.IDX) {
            throw unexpected(display, DatasetFile.isCifar100Python(base)
                    ? "a file of the CIFAR-100 python version, which is not supported: use cifar-100-binary.tar.gz"
                    : "not a file of the CIFAR-10 or CIFAR-100 archives");
        }
        if (format == null) {
            format = file.format();
        } else if (file.format() != format) {
            throw unexpected(display, "a " + file.format().label() + " file in a " + format.label() + " archive");
        }
        if (!seen.add(base)) {
            throw new DatasetException(display, "appears twice in the archive");
        }
        long limit = Math.min(maxBytes, largestOfficial(file));
        if (entry.getSize() > limit) {
            // Why before reading: the readers size their arrays from the entry's claimed size, so a header that
            // claims 2^40 bytes must fail here, with nothing allocated.
            throw new DatasetException(display, String.format(Locale.ROOT,
                    "claims %,d bytes, more than the official file (at most %,d bytes); refused before reading",
                    entry.getSize(), limit));
        }
        try {
            read(tar, entry.getSize(), display, file);
        } catch (DatasetException | ClosedByInterruptException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException(display, -1, "cannot be read: the archive is truncated or corrupt ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Bytes of the largest official file in {@code file}'s place: what a CIFAR archive's entry may claim. */
    private static long largestOfficial(DatasetFile file) {
        long batch = (long) CifarBinaryReader.RECORDS_PER_BATCH * CifarBinaryReader.CIFAR10_RECORD_BYTES;
        return switch (file.format()) {
            case CIFAR10_BINARY -> file.role() == Role.NAMES ? 64 << 10 : batch;
            // The official pickles take 31 MB; a Python 3 re-pickle as protocol 2 stores bytes as UTF-8 text,
            // up to 1.5 times as large.
            case CIFAR10_PYTHON -> file.role() == Role.NAMES ? 64 << 10 : 64L << 20;
            case CIFAR100_BINARY -> switch (file.role()) {
                case TRAIN -> 5L * CifarBinaryReader.RECORDS_PER_BATCH * CifarBinaryReader.CIFAR100_RECORD_BYTES;
                case TEST -> (long) CifarBinaryReader.RECORDS_PER_BATCH * CifarBinaryReader.CIFAR100_RECORD_BYTES;
                default -> 64 << 10;
            };
            default -> 0;
        };
    }

    private void folder(String name, String display) throws DatasetException {
        if (folder == null) {
            folder = name;
        } else if (!folder.equals(name)) {
            throw unexpected(display, folder.isEmpty() ? "a folder in an archive whose files are at its top"
                    : "outside the archive's folder '" + folder + "/'");
        }
    }

    private static DatasetException unexpected(String display, String why) {
        return new DatasetException(display, "unexpected entry: " + why);
    }

    private void read(InputStream tar, long size, String display, DatasetFile file) throws IOException {
        switch (format) {
            case CIFAR10_BINARY -> {
                switch (file.role()) {
                    case NAMES -> classNames = ClassNames.read(tar, display, ClassNames.CIFAR10.size());
                    case TRAIN -> {
                        int records = CifarBinaryReader.checkSize(display, size, Layout.CIFAR10,
                                CifarBinaryReader.RECORDS_PER_BATCH);
                        int first = trainSlot(display, file.batch(), records);
                        CifarBinaryReader.readExactly(tar, display, Layout.CIFAR10, records, trainPixels,
                                trainLabels, first);
                    }
                    default -> {
                        int records = CifarBinaryReader.checkSize(display, size, Layout.CIFAR10,
                                CifarBinaryReader.RECORDS_PER_BATCH);
                        testPixels = new byte[records * IMAGE_BYTES];
                        testLabels = new int[records];
                        CifarBinaryReader.readExactly(tar, display, Layout.CIFAR10, records, testPixels, testLabels, 0);
                    }
                }
            }
            case CIFAR10_PYTHON -> {
                switch (file.role()) {
                    case NAMES -> {
                        classNames = CifarPythonReader.readLabelNames(tar, display, size);
                        if (classNames.size() != ClassNames.CIFAR10.size()) {
                            throw new DatasetException(display, "has " + classNames.size()
                                    + " label names, expected " + ClassNames.CIFAR10.size());
                        }
                    }
                    case TRAIN -> {
                        Batch batch = CifarPythonReader.batch(tar, display, ClassNames.CIFAR10.size(), size);
                        int first = trainSlot(display, file.batch(), batch.labels().length);
                        System.arraycopy(batch.pixels(), 0, trainPixels, first * IMAGE_BYTES, batch.pixels().length);
                        System.arraycopy(batch.labels(), 0, trainLabels, first, batch.labels().length);
                    }
                    default -> {
                        Batch batch = CifarPythonReader.batch(tar, display, ClassNames.CIFAR10.size(), size);
                        testPixels = batch.pixels();
                        testLabels = batch.labels();
                    }
                }
            }
            default -> readCifar100(tar, size, display, file.role());
        }
    }

    private void readCifar100(InputStream tar, long size, String display, Role role) throws IOException {
        Layout layout = Layout.cifar100(cifar100Labels);
        switch (role) {
            case FINE_NAMES, COARSE_NAMES -> {
                Cifar100Labels named = role == Role.FINE_NAMES ? Cifar100Labels.FINE : Cifar100Labels.COARSE;
                if (named == cifar100Labels) {
                    classNames = ClassNames.read(tar, display, named.classCount());
                }
            }
            default -> {
                boolean train = role == Role.TRAIN;
                int records = CifarBinaryReader.checkSize(display, size, layout,
                        train ? 5 * CifarBinaryReader.RECORDS_PER_BATCH : CifarBinaryReader.RECORDS_PER_BATCH);
                byte[] pixels = new byte[records * IMAGE_BYTES];
                int[] labels = new int[records];
                CifarBinaryReader.readExactly(tar, display, layout, records, pixels, labels, 0);
                if (train) {
                    trainPixels = pixels;
                    trainLabels = labels;
                } else {
                    testPixels = pixels;
                    testLabels = labels;
                }
            }
        }
    }

    /**
     * Where CIFAR-10 training batch {@code n} goes: the archives list their batches out of order, so batch n
     * fills images (n − 1)·R to n·R − 1, R being the common size of the batches.
     */
    private int trainSlot(String display, int n, int records) throws DatasetException {
        if (trainPixels == null) {
            batchRecords = records;
            trainPixels = new byte[Math.multiplyExact(DatasetFile.BATCHES * records, IMAGE_BYTES)];
            trainLabels = new int[DatasetFile.BATCHES * records];
        } else if (records != batchRecords) {
            throw new DatasetException(display, String.format(Locale.ROOT,
                    "holds %,d images, the other training batches %,d; an archive's batches must be equal",
                    records, batchRecords));
        }
        return (n - 1) * batchRecords;
    }

    private Dataset finish() throws DatasetException {
        if (format == null) {
            throw new DatasetException(archiveName, "holds no CIFAR files (expected e.g. cifar-10-batches-bin/"
                    + "data_batch_1.bin … test_batch.bin)");
        }
        List<String> missing = new ArrayList<>();
        String name;
        List<String> names;
        if (format == DatasetFormat.CIFAR100_BINARY) {
            require(missing, "train.bin");
            require(missing, "test.bin");
            require(missing, cifar100Labels.namesFile());
            name = cifar100Labels == Cifar100Labels.FINE ? "CIFAR-100" : "CIFAR-100 (coarse)";
            names = classNames;
        } else {
            for (int n = 1; n <= DatasetFile.BATCHES; n++) {
                require(missing, DatasetFile.batchName(format, n));
            }
            require(missing, DatasetFile.testName(format));
            name = "CIFAR-10";
            names = classNames == null ? ClassNames.CIFAR10 : classNames;
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(archiveName, "is missing " + String.join(", ", missing)
                    + (folder == null || folder.isEmpty() ? "" : " in " + folder + "/"));
        }
        String source = path.toString();
        ImageDataset train = new ImageDataset(name + " train", CifarBinaryReader.CHANNELS, CifarBinaryReader.SIDE,
                CifarBinaryReader.SIDE, trainPixels, trainLabels, names, source);
        ImageDataset test = new ImageDataset(name + " test", CifarBinaryReader.CHANNELS, CifarBinaryReader.SIDE,
                CifarBinaryReader.SIDE, testPixels, testLabels, names, source);
        return new Dataset(name, train, test, format, source);
    }

    private void require(List<String> missing, String file) {
        if (!seen.contains(file)) {
            missing.add(file);
        }
    }

    /**
     * A tar reader that refuses metadata entries (GNU long names and links, PAX headers) claiming more than
     * {@link #MAX_SMALL_ENTRY}: commons-compress reads them into memory inside {@code getNextEntry()}, so a
     * small gzip bomb behind a long-name header of gigabytes filled the heap up to the expansion cap (400 MB in a
     * growing buffer, a gigabyte allocated) before this check.
     */
    private static final class GuardedTar extends TarArchiveInputStream {

        private final String archiveName;

        GuardedTar(InputStream in, String archiveName) {
            super(in);
            this.archiveName = archiveName;
        }

        @Override
        public int read(byte[] buf, int offset, int length) throws IOException {
            checkMetadata();
            return super.read(buf, offset, length);
        }

        @Override
        public int read() throws IOException {
            checkMetadata();
            return super.read();
        }

        private void checkMetadata() throws DatasetException {
            TarArchiveEntry e = getCurrentEntry();
            boolean metadata = e != null && (e.isPaxHeader() || e.isGlobalPaxHeader() || e.isGNULongNameEntry()
                    || e.isGNULongLinkEntry());
            if (metadata && e.getSize() > MAX_SMALL_ENTRY) {
                throw new DatasetException(archiveName + "!/" + e.getName(), String.format(Locale.ROOT,
                        "a tar metadata entry (long name or PAX header) claims %,d bytes, more than any CIFAR"
                                + " archive has (at most %,d); refused before reading", e.getSize(),
                        MAX_SMALL_ENTRY));
            }
        }
    }

    /** Whether {@code head}, the first 512 bytes of a stream, is a tar header (POSIX or GNU). */
    static boolean isTarHeader(byte[] head, int length) {
        return length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }
}
