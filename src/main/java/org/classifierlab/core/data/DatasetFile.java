package org.classifierlab.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file of a dataset folder or archive is, recognised by its name: which format, which role and, for
 * CIFAR training batches, which batch. Immutable; any thread.
 */
record DatasetFile(DatasetFormat format, Role role, int batch) {

    /** The part a file plays in its dataset. */
    enum Role { TRAIN, TEST, TRAIN_LABELS, TEST_LABELS, NAMES, FINE_NAMES, COARSE_NAMES }

    /** Training batches of CIFAR-10. */
    static final int BATCHES = 5;

    private static final Pattern CIFAR10_BATCH = Pattern.compile("data_batch_([1-5])(\\.bin)?");
    private static final Pattern IDX = Pattern.compile("(train|t10k)-(images|labels)[-.]idx[13]-ubyte(\\.gz)?");

    /** The role of a file called {@code name} (no folder), or null when no supported dataset has such a file. */
    static DatasetFile of(String name) {
        Matcher batch = CIFAR10_BATCH.matcher(name);
        if (batch.matches()) {
            DatasetFormat format = batch.group(2) == null ? DatasetFormat.CIFAR10_PYTHON : DatasetFormat.CIFAR10_BINARY;
            return new DatasetFile(format, Role.TRAIN, Integer.parseInt(batch.group(1)));
        }
        Matcher idx = IDX.matcher(name);
        if (idx.matches()) {
            boolean train = idx.group(1).equals("train");
            boolean images = idx.group(2).equals("images");
            if (images != name.contains("idx3")) {
                return null;
            }
            Role role = images ? (train ? Role.TRAIN : Role.TEST) : (train ? Role.TRAIN_LABELS : Role.TEST_LABELS);
            return new DatasetFile(DatasetFormat.IDX, role, 0);
        }
        return switch (name) {
            case "test_batch.bin" -> new DatasetFile(DatasetFormat.CIFAR10_BINARY, Role.TEST, 0);
            case "batches.meta.txt" -> new DatasetFile(DatasetFormat.CIFAR10_BINARY, Role.NAMES, 0);
            case "test_batch" -> new DatasetFile(DatasetFormat.CIFAR10_PYTHON, Role.TEST, 0);
            case "batches.meta" -> new DatasetFile(DatasetFormat.CIFAR10_PYTHON, Role.NAMES, 0);
            case "train.bin" -> new DatasetFile(DatasetFormat.CIFAR100_BINARY, Role.TRAIN, 0);
            case "test.bin" -> new DatasetFile(DatasetFormat.CIFAR100_BINARY, Role.TEST, 0);
            case "fine_label_names.txt" -> new DatasetFile(DatasetFormat.CIFAR100_BINARY, Role.FINE_NAMES, 0);
            case "coarse_label_names.txt" -> new DatasetFile(DatasetFormat.CIFAR100_BINARY, Role.COARSE_NAMES, 0);
            default -> null;
        };
    }

    /**
     * {@code path}, checked to be a regular file before anything opens it: opening a named pipe blocks until
     * some other program writes to it, and a folder or device is never a dataset file.
     *
     * @throws DatasetException naming the path and what it is instead
     */
    static Path requireRegularFile(Path path) throws DatasetException {
        if (Files.isRegularFile(path)) {
            return path;
        }
        String problem;
        if (!Files.exists(path)) {
            problem = "does not exist";
        } else if (Files.isDirectory(path)) {
            problem = "is a folder, not a file";
        } else {
            problem = "is not a regular file (a named pipe, device or socket); refused without opening it";
        }
        throw new DatasetException(path.toString(), problem);
    }

    /** Whether {@code name} is a file of the CIFAR-100 python version, which is not supported. */
    static boolean isCifar100Python(String name) {
        return name.equals("meta") || name.equals("train") || name.equals("test");
    }

    /** File name of CIFAR-10 training batch {@code n} in {@code format}. */
    static String batchName(DatasetFormat format, int n) {
        return "data_batch_" + n + (format == DatasetFormat.CIFAR10_BINARY ? ".bin" : "");
    }

    /** File name of the CIFAR-10 test batch in {@code format}. */
    static String testName(DatasetFormat format) {
        return format == DatasetFormat.CIFAR10_BINARY ? "test_batch.bin" : "test_batch";
    }
}
