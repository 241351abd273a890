package org.classifierlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;
import org.classifierlab.core.Progress;
import org.classifierlab.core.data.CifarBinaryReader.Batch;
import org.classifierlab.core.data.CifarBinaryReader.Layout;
import org.classifierlab.core.data.DatasetFile.Role;

/**
 * Loads a dataset from a folder or an archive, recognised by what it holds: the CIFAR-10 binary or python
 * version, CIFAR-100's binary version (folder, tar or tar.gz, read by streaming and never extracted) or
 * MNIST-style IDX files; also a folder holding exactly one of these, and the bundled CIFAR-10 sample.
 * Stateless; any thread, but blocking for up to a few seconds: call it off the FX thread.
 */
public final class DatasetLoader {

    /** Class-path folder of the bundled sample. */
    public static final String SAMPLE_DIR = "/assets/cifar10-sample/";
    static final String SAMPLE_TRAIN = "data_batch_1-first5000.bin.gz";
    static final String SAMPLE_TEST = "test_batch-first500.bin.gz";
    static final String SAMPLE_NAMES = "batches.meta.txt";

    /** Files read at once; two is what the slowest supported machine has cores for. */
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    private static final int MAX_FOLDER_ENTRIES = 10_000;

    private DatasetLoader() {
    }

    /** As {@link #load(Path, Cifar100Labels, Progress, BooleanSupplier)} with CIFAR-100's 100 fine labels. */
    public static Dataset load(Path path, Progress progress, BooleanSupplier cancelled) throws IOException {
        return load(path, Cifar100Labels.FINE, progress, cancelled);
    }

    /**
     * Loads the dataset at {@code path}: a dataset folder, a CIFAR archive (tar or tar.gz, whatever its name),
     * a file inside a dataset folder, or a folder holding exactly one dataset folder or archive. A CIFAR-10
     * folder needs {@code test_batch} and may hold only the first training batches (e.g. just
     * {@code data_batch_1}); an archive must be complete.
     *
     * @param progress  receives bytes read so far and the total, at least every mebibyte
     * @param cancelled polled at least every mebibyte
     * @throws DatasetException        naming the file (and the byte or record) that cannot be used
     * @throws CancellationException   when {@code cancelled} answered true or the thread was interrupted
     */
    public static Dataset load(Path path, Cifar100Labels cifar100Labels, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(cifar100Labels, "cifar100Labels");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        try {
            return dispatch(path, cifar100Labels, progress, cancelled);
        } catch (ClosedByInterruptException e) {
            // Why: Files.newInputStream reads through an interruptible channel, so interrupting the loading
            // thread (Task.cancel(true)) surfaces here as an IOException; to the caller it is a cancellation.
            CancellationException cancellation = new CancellationException("Loading was interrupted");
            cancellation.initCause(e);
            throw cancellation;
        }
    }

    private static Dataset dispatch(Path path, Cifar100Labels cifar100Labels, Progress progress,
            BooleanSupplier cancelled) throws IOException {
        if (!Files.exists(path)) {
            throw new DatasetException(path.toString(), "does not exist");
        }
        if (Files.isDirectory(path)) {
            DatasetFormat format = recognise(path);
            if (format != null) {
                return loadFolder(path, format, cifar100Labels, progress, cancelled);
            }
            return loadOnlyChild(path, cifar100Labels, progress, cancelled);
        }
        DatasetFile.requireRegularFile(path);
        Archive archive = sniff(path);
        if (archive != Archive.NONE) {
            return loadArchive(path, archive, cifar100Labels, progress, cancelled);
        }
        Path parent = path.toAbsolutePath().getParent();
        DatasetFormat format = parent == null ? null : recognise(parent);
        if (format == null) {
            throw new DatasetException(path.toString(), "is neither a CIFAR archive (tar or tar.gz) nor a file of a"
                    + " CIFAR or MNIST dataset folder");
        }
        return loadFolder(parent, format, cifar100Labels, progress, cancelled);
    }

    /** Loads the CIFAR-10 sample bundled with the application (5,000 training and 500 test images). */
    public static Dataset loadSample() throws IOException {
        return loadSample(file -> DatasetLoader.class.getResourceAsStream(SAMPLE_DIR + file), SAMPLE_DIR);
    }

    /**
     * Loads the sample's three files through {@code open} (which answers null for a missing file);
     * {@code dir} prefixes their names in messages.
     */
    static Dataset loadSample(Function<String, InputStream> open, String dir) throws IOException {
        List<String> names;
        try (InputStream in = resource(open, dir, SAMPLE_NAMES)) {
            names = ClassNames.read(in, dir + SAMPLE_NAMES, ClassNames.CIFAR10.size());
        }
        String source = "bundled sample " + dir;
        ImageDataset train = sampleSplit(open, dir, SAMPLE_TRAIN, "CIFAR-10 sample train", names, source);
        ImageDataset test = sampleSplit(open, dir, SAMPLE_TEST, "CIFAR-10 sample test", names, source);
        return new Dataset("CIFAR-10 sample", train, test, DatasetFormat.SAMPLE, source);
    }

    private static ImageDataset sampleSplit(Function<String, InputStream> open, String dir, String file, String name,
            List<String> names, String source) throws IOException {
        String display = dir + file;
        try (InputStream in = resource(open, dir, file)) {
            Batch batch = CifarBinaryReader.readAll(CheckedGzipInputStream.gunzipIfCompressed(in, display), display,
                    Layout.CIFAR10);
            return new ImageDataset(name, CifarBinaryReader.CHANNELS, CifarBinaryReader.SIDE, CifarBinaryReader.SIDE,
                    batch.pixels(), batch.labels(), names, source);
        }
    }

    private static InputStream resource(Function<String, InputStream> open, String dir, String file)
            throws DatasetException {
        InputStream in = open.apply(file);
        if (in == null) {
            throw new DatasetException(dir + file, "is missing from the application");
        }
        return in;
    }

    /** How a file is packed, judged by its first bytes. */
    private enum Archive { TAR, TAR_GZ, NONE }

    private static Archive sniff(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = CheckedGzipInputStream.gunzipIfCompressed(raw, String.valueOf(file.getFileName()));
            byte[] head = new byte[512];
            int n = in.readNBytes(head, 0, head.length);
            if (!CifarArchive.isTarHeader(head, n)) {
                return Archive.NONE;
            }
            return in instanceof CheckedGzipInputStream ? Archive.TAR_GZ : Archive.TAR;
        }
    }

    /** As {@link #sniff}, but a corrupt gzip file merely is no archive: it may be anything in a parent folder. */
    private static Archive sniffQuietly(Path file) throws IOException {
        try {
            return sniff(file);
        } catch (DatasetException e) {
            return Archive.NONE;
        }
    }

    private static Dataset loadArchive(Path path, Archive archive, Cifar100Labels labels, Progress progress,
            BooleanSupplier cancelled) throws IOException {
        ReadMonitor monitor = new ReadMonitor(progress, cancelled, Files.size(path));
        monitor.check();
        Dataset dataset = CifarArchive.read(path, archive == Archive.TAR_GZ, labels, monitor, CifarArchive.MAX_BYTES);
        monitor.finish("Loaded " + dataset.name());
        return dataset;
    }

    /** The format of a dataset folder, judged by its files, or null when it holds none. */
    static DatasetFormat recognise(Path dir) throws IOException {
        Set<DatasetFormat> formats = EnumSet.noneOf(DatasetFormat.class);
        boolean cifar100Python = false;
        for (Path file : list(dir)) {
            String name = String.valueOf(file.getFileName());
            DatasetFile role = DatasetFile.of(name);
            if (role != null && Files.isRegularFile(file)) {
                formats.add(role.format());
            }
            cifar100Python |= DatasetFile.isCifar100Python(name) && Files.isRegularFile(file);
        }
        if (formats.size() > 1) {
            throw new DatasetException(dir.toString(), "mixes files of several formats (" + formats.stream()
                    .map(DatasetFormat::label).toList() + "); keep one dataset per folder");
        }
        if (formats.isEmpty() && cifar100Python) {
            throw new DatasetException(dir.toString(), "looks like the CIFAR-100 python version, which is not"
                    + " supported: use the binary version (cifar-100-binary.tar.gz)");
        }
        return formats.isEmpty() ? null : formats.iterator().next();
    }

    /** As {@link #recognise}, but a folder it refuses merely is no dataset: it may be anything in a parent folder. */
    private static DatasetFormat recogniseQuietly(Path dir) throws IOException {
        try {
            return recognise(dir);
        } catch (DatasetException e) {
            return null;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.limit(MAX_FOLDER_ENTRIES + 1L).sorted().toList();
            if (all.size() > MAX_FOLDER_ENTRIES) {
                throw new DatasetException(dir.toString(), String.format(Locale.ROOT,
                        "holds more than %,d files; choose the dataset's own folder", MAX_FOLDER_ENTRIES));
            }
            return all;
        }
    }

    private static Dataset loadOnlyChild(Path dir, Cifar100Labels labels, Progress progress,
            BooleanSupplier cancelled) throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (Path child : list(dir)) {
            boolean folder = Files.isDirectory(child) && recogniseQuietly(child) != null;
            boolean archive = Files.isRegularFile(child) && sniffQuietly(child) != Archive.NONE;
            if (folder || archive) {
                candidates.add(child);
            }
        }
        if (candidates.size() == 1) {
            return dispatch(candidates.get(0), labels, progress, cancelled);
        }
        if (candidates.isEmpty()) {
            throw new DatasetException(dir.toString(), "holds no dataset: expected the files of CIFAR-10"
                    + " (data_batch_1.bin … test_batch.bin, or the python version), CIFAR-100 (train.bin, test.bin)"
                    + " or MNIST-style IDX (train-images-idx3-ubyte…), or one folder or archive holding them");
        }
        throw new DatasetException(dir.toString(), "holds several datasets (" + String.join(", ",
                candidates.stream().map(p -> String.valueOf(p.getFileName())).toList()) + "); choose one of them");
    }

    private static Dataset loadFolder(Path dir, DatasetFormat format, Cifar100Labels labels, Progress progress,
            BooleanSupplier cancelled) throws IOException {
        return switch (format) {
            case CIFAR10_BINARY -> loadCifar10Binary(dir, progress, cancelled);
            case CIFAR10_PYTHON -> loadCifar10Python(dir, progress, cancelled);
            case CIFAR100_BINARY -> loadCifar100Binary(dir, labels, progress, cancelled);
            case IDX -> loadIdx(dir, progress, cancelled);
            case SAMPLE -> throw new IllegalStateException("the sample is not a folder");
        };
    }

    /**
     * The training batches 1…k present and the test batch of a CIFAR-10 folder.
     *
     * @throws DatasetException listing the missing files when the test batch, batch 1 or a batch between
     *                          present ones is missing
     */
    private static List<Path> cifar10Files(Path dir, DatasetFormat format) throws DatasetException {
        int last = 0;
        for (int n = 1; n <= DatasetFile.BATCHES; n++) {
            if (Files.isRegularFile(dir.resolve(DatasetFile.batchName(format, n)))) {
                last = n;
            }
        }
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int n = 1; n <= Math.max(last, 1); n++) {
            files.add(dir.resolve(DatasetFile.batchName(format, n)));
        }
        files.add(dir.resolve(DatasetFile.testName(format)));
        for (Path file : files) {
            if (Files.exists(file)) {
                DatasetFile.requireRegularFile(file);
            } else {
                missing.add(String.valueOf(file.getFileName()));
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(dir.toString(), "is missing " + String.join(", ", missing)
                    + " (a CIFAR-10 folder holds " + DatasetFile.batchName(format, 1) + " to "
                    + DatasetFile.batchName(format, DatasetFile.BATCHES) + ", or the first of them, and "
                    + DatasetFile.testName(format) + ")");
        }
        return files;
    }

    private static String cifar10Name(int batches) {
        return batches == DatasetFile.BATCHES ? "CIFAR-10"
                : "CIFAR-10 (" + batches + " of " + DatasetFile.BATCHES + " training batches)";
    }

    private static Dataset loadCifar10Binary(Path dir, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        List<Path> files = cifar10Files(dir, DatasetFormat.CIFAR10_BINARY);
        Path meta = dir.resolve("batches.meta.txt");
        List<String> names = Files.exists(meta) ? ClassNames.read(DatasetFile.requireRegularFile(meta),
                ClassNames.CIFAR10.size()) : ClassNames.CIFAR10;
        int[] records = new int[files.size()];
        long total = 0;
        int trainRecords = 0;
        for (int f = 0; f < files.size(); f++) {
            long size = Files.size(files.get(f));
            records[f] = CifarBinaryReader.checkSize(files.get(f).toString(), size, Layout.CIFAR10,
                    CifarBinaryReader.RECORDS_PER_BATCH);
            total += size;
            trainRecords = f < files.size() - 1 ? Math.addExact(trainRecords, records[f]) : trainRecords;
        }
        int testRecords = records[files.size() - 1];
        byte[] trainPixels = new byte[Math.multiplyExact(trainRecords, CifarBinaryReader.IMAGE_BYTES)];
        int[] trainLabels = new int[trainRecords];
        byte[] testPixels = new byte[testRecords * CifarBinaryReader.IMAGE_BYTES];
        int[] testLabels = new int[testRecords];
        ReadMonitor monitor = new ReadMonitor(progress, cancelled, total);
        List<FileTask> tasks = new ArrayList<>();
        int first = 0;
        for (int f = 0; f < files.size(); f++) {
            boolean test = f == files.size() - 1;
            Path file = files.get(f);
            int count = records[f];
            int at = test ? 0 : first;
            byte[] px = test ? testPixels : trainPixels;
            int[] lb = test ? testLabels : trainLabels;
            tasks.add(() -> {
                try (InputStream in = metered(file, monitor)) {
                    CifarBinaryReader.readExactly(in, file.toString(), Layout.CIFAR10, count, px, lb, at);
                }
            });
            first += test ? 0 : count;
        }
        runAll(tasks, monitor);
        String name = cifar10Name(files.size() - 1);
        Dataset dataset = new Dataset(name, cifar(name + " train", trainPixels, trainLabels, names, dir),
                cifar(name + " test", testPixels, testLabels, names, dir), DatasetFormat.CIFAR10_BINARY, dir.toString());
        monitor.finish("Loaded " + name);
        return dataset;
    }

    private static Dataset loadCifar10Python(Path dir, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        List<Path> files = cifar10Files(dir, DatasetFormat.CIFAR10_PYTHON);
        Path meta = dir.resolve("batches.meta");
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        ReadMonitor monitor = new ReadMonitor(progress, cancelled, total);
        List<String> names = ClassNames.CIFAR10;
        if (Files.exists(meta)) {
            try (InputStream in = Files.newInputStream(DatasetFile.requireRegularFile(meta))) {
                names = CifarPythonReader.readLabelNames(in, meta.toString(), Files.size(meta));
            }
            if (names.size() != ClassNames.CIFAR10.size()) {
                throw new DatasetException(meta.toString(), "has " + names.size() + " label names, expected "
                        + ClassNames.CIFAR10.size());
            }
        }
        ImageBuffer train = null;
        Batch test = null;
        int batches = files.size() - 1;
        for (int f = 0; f < files.size(); f++) {
            Path file = files.get(f);
            Batch batch;
            try (InputStream in = metered(file, monitor)) {
                batch = CifarPythonReader.batch(in, file.toString(), ClassNames.CIFAR10.size(), Files.size(file));
            }
            if (f == batches) {
                test = batch;
            } else {
                if (train == null) {
                    train = new ImageBuffer(CifarBinaryReader.IMAGE_BYTES, batches * batch.labels().length);
                }
                train.add(batch.pixels(), batch.labels());
            }
        }
        String name = cifar10Name(batches);
        Objects.requireNonNull(train, "cifar10Files returns at least one training batch");
        Objects.requireNonNull(test, "cifar10Files returns the test batch");
        Dataset dataset = new Dataset(name, train.build(name + " train", CifarBinaryReader.CHANNELS,
                CifarBinaryReader.SIDE, CifarBinaryReader.SIDE, names, dir.toString()),
                cifar(name + " test", test.pixels(), test.labels(), names, dir), DatasetFormat.CIFAR10_PYTHON,
                dir.toString());
        monitor.finish("Loaded " + name);
        return dataset;
    }

    private static Dataset loadCifar100Binary(Path dir, Cifar100Labels labels, Progress progress,
            BooleanSupplier cancelled) throws IOException {
        Path trainFile = dir.resolve("train.bin");
        Path testFile = dir.resolve("test.bin");
        Path namesFile = dir.resolve(labels.namesFile());
        List<String> missing = new ArrayList<>();
        for (Path file : List.of(trainFile, testFile, namesFile)) {
            if (Files.exists(file)) {
                DatasetFile.requireRegularFile(file);
            } else {
                missing.add(String.valueOf(file.getFileName()));
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(dir.toString(), "is missing " + String.join(", ", missing)
                    + " (a CIFAR-100 binary folder holds train.bin, test.bin and " + labels.namesFile() + ")");
        }
        List<String> names = ClassNames.read(namesFile, labels.classCount());
        Layout layout = Layout.cifar100(labels);
        long trainSize = Files.size(trainFile);
        long testSize = Files.size(testFile);
        int trainRecords = CifarBinaryReader.checkSize(trainFile.toString(), trainSize, layout,
                5 * CifarBinaryReader.RECORDS_PER_BATCH);
        int testRecords = CifarBinaryReader.checkSize(testFile.toString(), testSize, layout,
                CifarBinaryReader.RECORDS_PER_BATCH);
        byte[] trainPixels = new byte[Math.multiplyExact(trainRecords, CifarBinaryReader.IMAGE_BYTES)];
        int[] trainLabels = new int[trainRecords];
        byte[] testPixels = new byte[testRecords * CifarBinaryReader.IMAGE_BYTES];
        int[] testLabels = new int[testRecords];
        ReadMonitor monitor = new ReadMonitor(progress, cancelled, trainSize + testSize);
        runAll(List.of(() -> {
            try (InputStream in = metered(trainFile, monitor)) {
                CifarBinaryReader.readExactly(in, trainFile.toString(), layout, trainRecords, trainPixels,
                        trainLabels, 0);
            }
        }, () -> {
            try (InputStream in = metered(testFile, monitor)) {
                CifarBinaryReader.readExactly(in, testFile.toString(), layout, testRecords, testPixels, testLabels, 0);
            }
        }), monitor);
        String name = labels == Cifar100Labels.FINE ? "CIFAR-100" : "CIFAR-100 (coarse)";
        Dataset dataset = new Dataset(name, cifar(name + " train", trainPixels, trainLabels, names, dir),
                cifar(name + " test", testPixels, testLabels, names, dir), DatasetFormat.CIFAR100_BINARY,
                dir.toString());
        monitor.finish("Loaded " + name);
        return dataset;
    }

    private static Dataset loadIdx(Path dir, Progress progress, BooleanSupplier cancelled) throws IOException {
        Map<Role, Path> files = new EnumMap<>(Role.class);
        for (Path file : list(dir)) {
            DatasetFile role = DatasetFile.of(String.valueOf(file.getFileName()));
            if (role != null && role.format() == DatasetFormat.IDX) {
                // Why refuse rather than skip: a pipe or folder under the file's name was reported as missing.
                DatasetFile.requireRegularFile(file);
                boolean gz = file.getFileName().toString().endsWith(".gz");
                files.merge(role.role(), file, (old, found) -> gz ? old : found);
            }
        }
        Map<Role, String> expected = new TreeMap<>(Map.of(Role.TRAIN, "train-images-idx3-ubyte",
                Role.TRAIN_LABELS, "train-labels-idx1-ubyte", Role.TEST, "t10k-images-idx3-ubyte",
                Role.TEST_LABELS, "t10k-labels-idx1-ubyte"));
        List<String> missing = new ArrayList<>();
        expected.forEach((role, name) -> {
            if (!files.containsKey(role)) {
                missing.add(name + "[.gz]");
            }
        });
        if (!missing.isEmpty()) {
            throw new DatasetException(dir.toString(), "is missing " + String.join(", ", missing)
                    + " (an MNIST-style folder holds these four IDX files, plain or gzip)");
        }
        boolean fashion = dir.toAbsolutePath().toString().toLowerCase(Locale.ROOT).contains("fashion");
        List<String> names = fashion ? ClassNames.FASHION_MNIST : ClassNames.DIGITS;
        String name = fashion ? "Fashion-MNIST" : "MNIST";
        long total = 0;
        for (Path file : files.values()) {
            total += Files.size(file);
        }
        ReadMonitor monitor = new ReadMonitor(progress, cancelled, total);
        ImageDataset[] splits = new ImageDataset[2];
        runAll(List.of(
                () -> splits[0] = readIdx(files.get(Role.TRAIN), files.get(Role.TRAIN_LABELS), names,
                        name + " train", monitor),
                () -> splits[1] = readIdx(files.get(Role.TEST), files.get(Role.TEST_LABELS), names,
                        name + " test", monitor)), monitor);
        Dataset dataset = new Dataset(name, splits[0], splits[1], DatasetFormat.IDX, dir.toString());
        monitor.finish("Loaded " + name);
        return dataset;
    }

    private static ImageDataset readIdx(Path images, Path labels, List<String> names, String name,
            ReadMonitor monitor) throws IOException {
        try (InputStream imagesIn = metered(images, monitor); InputStream labelsIn = metered(labels, monitor)) {
            return IdxReader.read(imagesIn, images.toString(), Files.size(images), labelsIn, labels.toString(),
                    Files.size(labels), names, name);
        }
    }

    private static ImageDataset cifar(String name, byte[] pixels, int[] labels, List<String> names, Path dir) {
        return new ImageDataset(name, CifarBinaryReader.CHANNELS, CifarBinaryReader.SIDE, CifarBinaryReader.SIDE,
                pixels, labels, names, dir.toString());
    }

    private static InputStream metered(Path file, ReadMonitor monitor) throws IOException {
        return new MeteredInputStream(Files.newInputStream(DatasetFile.requireRegularFile(file)), monitor,
                "Reading " + file.getFileName());
    }

    /** Reading one file; may run on a loader thread. */
    @FunctionalInterface
    private interface FileTask {
        void run() throws IOException;
    }

    /**
     * Runs the tasks on up to {@link #THREADS} threads and waits for all of them. The first failure aborts
     * the others (they stop at their next mebibyte) and is the one rethrown.
     */
    private static void runAll(List<FileTask> tasks, ReadMonitor monitor) throws IOException {
        monitor.check();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, tasks.size()), runnable -> {
            Thread t = new Thread(runnable, "classifierlab-dataset-reader");
            t.setDaemon(true);
            return t;
        });
        // Why a completion service: the first task to fail is the one whose message the user must see; the
        // others then fail with CancellationException because of abort().
        ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
        try {
            for (FileTask task : tasks) {
                done.submit(() -> {
                    task.run();
                    return null;
                });
            }
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    monitor.abort();
                    throw rethrow(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            monitor.abort();
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("Loading was interrupted");
            cancelled.initCause(new InterruptedIOException());
            throw cancelled;
        } finally {
            pool.shutdown();
        }
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
