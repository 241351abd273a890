package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;

/**
 * The harness of the bad-input campaign (docs/bad-input.md): a reader fed a crafted file must end in a named
 * error within a bounded time, allocate no more than a bound (so it never sizes an array from a size the file
 * only claims), and leave the folder tree around the file exactly as it was (nothing extracted, nothing written
 * outside). Also builds the awkward files: named pipes, sparse giants and gzip bombs written in streaming
 * fashion. Test thread only.
 */
public final class BadInput {

    /** How long any refusal may take, even on a loaded two-core machine. */
    public static final Duration TIME = Duration.ofSeconds(30);
    /** Allocation allowed for a refusal that must not depend on a claimed size. */
    public static final long SMALL = 64L << 20;

    /**
     * com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes, by reflection: the tests compile as part of
     * the application module, which does not read jdk.management.
     */
    private static final java.lang.reflect.Method TOTAL_ALLOCATED;

    static {
        try {
            TOTAL_ALLOCATED = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getTotalThreadAllocatedBytes");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private BadInput() {
    }

    /**
     * Runs {@code call}, which must throw {@code type} within {@link #TIME}, allocating at most {@code maxBytes}
     * on the heap (all threads), with the tree under {@code root} unchanged afterwards; returns the exception so
     * the caller asserts its message. With the system property {@code classifierlab.badInputLog} set, appends
     * {@code label: message} to that file, which is how docs/bad-input.md was written.
     */
    public static <T extends Throwable> T refused(Class<T> type, Path root, long maxBytes, String label,
            Executable call) {
        Map<String, String> before = snapshot(root);
        long allocatedBefore = allocatedBytes();
        T error = assertTimeoutPreemptively(TIME, () -> assertThrows(type, call), label + " took too long");
        long allocated = allocatedBytes() - allocatedBefore;
        assertThat(allocated).as("%s: bytes allocated while refusing", label).isLessThan(maxBytes);
        assertThat(snapshot(root)).as("%s: files under %s after the refusal", label, root).isEqualTo(before);
        log(label, error);
        return error;
    }

    /** As {@link #refused(Class, Path, long, String, Executable)} with the {@link #SMALL} allocation bound. */
    public static <T extends Throwable> T refused(Class<T> type, Path root, String label, Executable call) {
        return refused(type, root, SMALL, label, call);
    }

    /** Bytes allocated on the heap so far by all threads, living or ended. */
    public static long allocatedBytes() {
        try {
            return (long) TOTAL_ALLOCATED.invoke(ManagementFactory.getThreadMXBean());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot measure allocation", e);
        }
    }

    private static void log(String label, Throwable error) {
        String file = System.getProperty("classifierlab.badInputLog");
        if (file == null) {
            return;
        }
        String line = label + "\t" + error.getClass().getSimpleName() + "\t"
                + String.valueOf(error.getMessage()).replace('\n', ' ') + "\n";
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path under {@code root} (links not followed) with its kind, size and modification time. */
    public static Map<String, String> snapshot(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root, new FileVisitOption[0])) {
            for (Path p : (Iterable<Path>) all::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String kind = a.isDirectory() ? "dir" : a.isSymbolicLink() ? "link" : a.isRegularFile() ? "file"
                        : "other";
                out.put(root.relativize(p).toString(), kind + " " + (a.isDirectory() ? "" : a.size() + " "
                        + a.lastModifiedTime().toMillis()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A named pipe at {@code path} (mkfifo); skips the test, saying why, where there is no mkfifo. */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Assumptions.assumeFalse(System.getProperty("os.name", "").toLowerCase().startsWith("windows"),
                "named pipes in the file system need a Unix-like OS");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available (" + e.getMessage() + ")");
            throw e;
        }
        boolean done = p.waitFor(10, TimeUnit.SECONDS);
        Assumptions.assumeTrue(done && p.exitValue() == 0, "mkfifo failed: " + new String(
                p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return path;
    }

    /** A sparse file of {@code size} bytes (zeros that take no disk space) at {@code path}. */
    public static Path sparse(Path path, long size) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            f.setLength(size);
        }
        return path;
    }

    /**
     * A gzip file that starts with {@code head} (compressed) and then expands by {@code zeroGiB} gibibytes of
     * zero bytes. Written in streaming fashion and cheaply: one gzip member of 64 MiB of zeros (64 KiB compressed)
     * is computed once and written again and again, as gzip allows members to follow one another, so the file
     * is about 1 MB per GiB and the test never holds the expansion in memory.
     */
    public static Path gzipBomb(Path path, byte[] head, int zeroGiB) throws IOException {
        byte[] member = zeroMember();
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            try (GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out))) {
                gz.write(head);
            }
            for (int i = 0; i < zeroGiB * 16; i++) {
                out.write(member);
            }
        }
        return path;
    }

    private static byte[] zeroMember;

    private static synchronized byte[] zeroMember() throws IOException {
        if (zeroMember == null) {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(buffer, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    gz.write(zeros);
                }
            }
            zeroMember = buffer.toByteArray();
        }
        return zeroMember;
    }

    /** Lets a gzip member be finished without closing the file it goes into. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
