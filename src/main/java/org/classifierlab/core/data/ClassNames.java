package org.classifierlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** The class names of the datasets we know, and the reading of CIFAR's one-name-per-line files. Stateless; any thread. */
final class ClassNames {

    static final List<String> CIFAR10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    static final List<String> FASHION_MNIST = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    /** Larger than any real names file (CIFAR-100's fine names take 1 KB). */
    private static final int MAX_BYTES = 64 * 1024;

    private ClassNames() {
    }

    /** Reads a names file such as {@code batches.meta.txt}: one name a line, blank lines ignored. */
    static List<String> read(Path file, int expected) throws IOException {
        if (Files.size(DatasetFile.requireRegularFile(file)) > MAX_BYTES) {
            throw tooLarge(file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), expected);
        }
    }

    /** As {@link #read(Path, int)}, from a stream; reads at most 64 KiB. */
    static List<String> read(InputStream in, String file, int expected) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(file);
        }
        List<String> names = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r?\n|\r")) {
            String name = line.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.size() != expected) {
            throw new DatasetException(file, "has " + names.size() + " class names, expected " + expected
                    + " (one a line)");
        }
        return List.copyOf(names);
    }

    private static DatasetException tooLarge(String file) {
        return new DatasetException(file, String.format(Locale.ROOT,
                "is larger than %,d bytes, too large for a list of class names", MAX_BYTES));
    }
}
