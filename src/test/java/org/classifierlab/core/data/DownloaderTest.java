package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.classifierlab.core.Progress;
import org.classifierlab.core.data.DownloadException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class DownloaderTest {

    static final byte[] ARCHIVE = ArchiveServer.cifarLikeArchive();
    static final String ARCHIVE_MD5 = md5(ARCHIVE);
    static final String WRONG_MD5 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path root;
    Path cache;
    Path target;
    ArchiveServer server;
    RecordingProgress progress = new RecordingProgress();
    Downloader downloader = new Downloader(Duration.ofSeconds(5));
    Downloader impatient = new Downloader(Duration.ofMillis(500));

    @BeforeEach
    void startServer() throws IOException {
        cache = root.resolve("cache");
        target = cache.resolve("cifar-10-binary.tar.gz");
        server = new ArchiveServer(ARCHIVE);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void downloadsTheWholeFileIntoTheTargetAndNothingElse() throws IOException {
        Path result = downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress, () -> false);

        assertThat(result).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(ARCHIVE);
        assertThat(server.ranges).containsExactly("");
        assertThat(filesUnder(root)).containsExactly("cache", "cache/cifar-10-binary.tar.gz");
        assertThat(progress.done).isEqualTo(ARCHIVE.length);
        assertThat(progress.total).isEqualTo(ARCHIVE.length);
        assertThat(progress.message).isEqualTo("Downloaded cifar-10-binary.tar.gz");
        assertThat(progress.maxDone).isEqualTo(ARCHIVE.length);
    }

    @Test
    void cancelStopsAfterTheChunkInHandAndKeepsThePartFile() {
        AtomicBoolean cancel = new AtomicBoolean();
        Progress cancelAfterFirstChunk = (done, total, message) -> cancel.compareAndSet(false, done > 0);

        assertThatThrownBy(() -> downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5,
                cancelAfterFirstChunk, cancel::get))
                .isInstanceOf(CancellationException.class)
                .hasMessage("Download of cifar-10-binary.tar.gz cancelled; the partial file is kept and the next"
                        + " attempt resumes it.");

        Path part = Downloader.partFile(target);
        assertThat(part).hasFileName("cifar-10-binary.tar.gz.part");
        assertThat(target).doesNotExist();
        assertThat(filesUnder(root)).containsExactly("cache", "cache/cifar-10-binary.tar.gz.part");
        byte[] kept = readAll(part);
        assertThat(kept.length).isBetween(1, ARCHIVE.length - 1);
        assertThat(kept).isEqualTo(Arrays.copyOf(ARCHIVE, kept.length));
    }

    @Test
    void resumesACancelledDownloadWithARangeRequestAndGetsTheSameBytes() throws IOException {
        AtomicBoolean cancel = new AtomicBoolean();
        Progress cancelAfterFirstChunk = (done, total, message) -> cancel.compareAndSet(false, done > 0);
        assertThatThrownBy(() -> downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5,
                cancelAfterFirstChunk, cancel::get)).isInstanceOf(CancellationException.class);
        long kept = Downloader.partFile(target).toFile().length();

        downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress, () -> false);

        assertThat(server.ranges).containsExactly("", "bytes=" + kept + "-");
        assertThat(server.partialAnswers).hasValue(1);
        assertThat(Files.readAllBytes(target)).isEqualTo(ARCHIVE);
        assertThat(filesUnder(root)).containsExactly("cache", "cache/cifar-10-binary.tar.gz");
        assertThat(progress.done).isEqualTo(ARCHIVE.length);
        assertThat(progress.total).isEqualTo(ARCHIVE.length);
    }

    @Test
    void startsCleanWhenTheServerIgnoresTheRange() throws IOException {
        server.honourRange = false;
        Files.createDirectories(cache);
        byte[] stale = new byte[1000];
        Arrays.fill(stale, (byte) 0x5a);
        Files.write(Downloader.partFile(target), stale);

        downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress, () -> false);

        assertThat(server.ranges).containsExactly("bytes=1000-");
        assertThat(server.partialAnswers).hasValue(0);
        assertThat(Files.readAllBytes(target)).isEqualTo(ARCHIVE);
        assertThat(filesUnder(root)).containsExactly("cache", "cache/cifar-10-binary.tar.gz");
    }

    @Test
    void startsCleanWhenTheServerAnswersWithTheWrongRange() throws IOException {
        server.misreportRange = true;
        Files.createDirectories(cache);
        Files.write(Downloader.partFile(target), Arrays.copyOf(ARCHIVE, 1000));

        downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress, () -> false);

        assertThat(server.ranges).containsExactly("bytes=1000-", "");
        assertThat(Files.readAllBytes(target)).isEqualTo(ARCHIVE);
        assertThat(filesUnder(root)).containsExactly("cache", "cache/cifar-10-binary.tar.gz");
    }

    @Test
    void cancelWhileTheServerIsSilentIsPrompt() {
        server.stallAfter = 100_000;
        AtomicBoolean cancel = new AtomicBoolean();
        // Cancels from another thread while the download thread is blocked reading from the silent server.
        Progress cancelDuringTheStall = (done, total, message) -> {
            if (done == 100_000) {
                Thread.ofVirtual().start(() -> {
                    LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                    cancel.set(true);
                });
            }
        };
        long start = System.nanoTime();

        assertThatThrownBy(() -> downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5,
                cancelDuringTheStall, cancel::get)).isInstanceOf(CancellationException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(readAll(Downloader.partFile(target))).isEqualTo(Arrays.copyOf(ARCHIVE, 100_000));
    }

    @Test
    void checksumMismatchDeletesThePartAndNamesBothSums() {
        assertThatThrownBy(() -> downloader.download(server.uri(), target, ARCHIVE.length, WRONG_MD5, progress,
                () -> false))
                .isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CHECKSUM_MISMATCH))
                .hasMessage("cifar-10-binary.tar.gz from 127.0.0.1 is damaged: its MD5 is " + ARCHIVE_MD5 + " but "
                        + WRONG_MD5 + " was expected. The partial download was deleted; try again.");
        assertThat(filesUnder(root)).containsExactly("cache");
    }

    @Test
    void httpErrorNamesTheStatus() {
        server.status = 404;

        assertThatThrownBy(() -> downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress,
                () -> false))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_STATUS))
                .hasMessageStartingWith("127.0.0.1 answered HTTP 404 for " + server.uri() + ". ")
                .hasMessageContaining("copy it into " + cache);
        assertThat(filesUnder(root)).containsExactly("cache");
    }

    @Test
    void refusedConnectionSaysOfflineAndWhatToDoInstead() throws IOException {
        URI closedPort = closedPortUri();

        assertThatThrownBy(() -> downloader.download(closedPort, target, ARCHIVE.length, ARCHIVE_MD5, progress,
                () -> false))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OFFLINE))
                .hasMessage("Could not reach 127.0.0.1 — you appear to be offline. Connect to the internet and try"
                        + " again, or copy cifar-10-binary.tar.gz (from another computer or a USB stick) into " + cache
                        + ", or open a folder that already has the dataset.");
    }

    @Test
    void silentServerTimesOutAsOffline() {
        server.silent = true;

        assertThatThrownBy(() -> impatient.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress,
                () -> false))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OFFLINE))
                .hasMessageStartingWith("Could not reach 127.0.0.1 — you appear to be offline.");
    }

    @Test
    void stallMidwayKeepsThePartForResuming() {
        server.stallAfter = 100_000;

        assertThatThrownBy(() -> impatient.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress,
                () -> false))
                .isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONNECTION_LOST))
                .hasMessage("127.0.0.1 stopped sending data (nothing for 500 ms after 100,000 bytes of "
                        + String.format("%,d", ARCHIVE.length) + " bytes). The partial download is kept: try again to"
                        + " resume it.");
        assertThat(readAll(Downloader.partFile(target))).isEqualTo(Arrays.copyOf(ARCHIVE, 100_000));
    }

    @Test
    void serverSendingMoreThanExpectedIsStoppedAndThePartDeleted() {
        server.withoutLength = true;
        long expected = ARCHIVE.length - 100;

        assertThatThrownBy(() -> downloader.download(server.uri(), target, expected, ARCHIVE_MD5, progress,
                () -> false))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SIZE))
                .hasMessageStartingWith("127.0.0.1 sent more than the expected " + String.format("%,d", expected)
                        + " bytes for cifar-10-binary.tar.gz, so the download was stopped and the partial file deleted.");
        assertThat(filesUnder(root)).containsExactly("cache");
        assertThat(progress.maxDone).isLessThanOrEqualTo(expected);
    }

    @Test
    void announcedSizeDifferentFromTheExpectedOneFailsBeforeDownloading() {
        long expected = ARCHIVE.length + 5;

        assertThatThrownBy(() -> downloader.download(server.uri(), target, expected, ARCHIVE_MD5, progress,
                () -> false))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SIZE))
                .hasMessageStartingWith("127.0.0.1 offers cifar-10-binary.tar.gz with "
                        + String.format("%,d", ARCHIVE.length) + " bytes, but " + String.format("%,d", expected)
                        + " bytes were expected");
        assertThat(filesUnder(root)).containsExactly("cache");
    }

    @Test
    void verifiedTargetIsReturnedWithoutAnyRequest() throws IOException {
        Files.createDirectories(cache);
        Files.write(target, ARCHIVE);

        assertThat(downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress, () -> false))
                .isEqualTo(target);
        assertThat(server.ranges).isEmpty();
        assertThat(progress.message).isEqualTo("cifar-10-binary.tar.gz is already downloaded");
    }

    @Test
    void damagedTargetIsDownloadedAgainAndReplaced() throws IOException {
        Files.createDirectories(cache);
        byte[] damaged = ARCHIVE.clone();
        damaged[12_345] ^= 1;
        Files.write(target, damaged);

        downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress, () -> false);

        assertThat(server.ranges).containsExactly("");
        assertThat(Files.readAllBytes(target)).isEqualTo(ARCHIVE);
        assertThat(filesUnder(root)).containsExactly("cache", "cache/cifar-10-binary.tar.gz");
    }

    @Test
    void unwritableFolderIsReportedAsSuch() throws IOException {
        Files.writeString(cache, "a file where the cache folder should be");

        assertThatThrownBy(() -> downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress,
                () -> false))
                .isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CACHE_NOT_WRITABLE))
                .hasMessageStartingWith("Cannot write to the download folder " + cache + " (");
        assertThat(server.ranges).isEmpty();
    }

    @Test
    void cancelBeforeTheStartSendsNoRequest() {
        assertThatThrownBy(() -> downloader.download(server.uri(), target, ARCHIVE.length, ARCHIVE_MD5, progress,
                () -> true))
                .isInstanceOf(CancellationException.class)
                .hasMessage("Download of cifar-10-binary.tar.gz cancelled.");
        assertThat(server.ranges).isEmpty();
    }

    static URI closedPortUri() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/cifar-10-binary.tar.gz");
        }
    }

    /** Paths under {@code dir}, relative and with '/' separators, sorted. */
    static List<String> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Remembers the last update and the largest byte count reported. */
    static final class RecordingProgress implements Progress {
        volatile long done = -1;
        volatile long total = -1;
        volatile long maxDone = -1;
        volatile String message;

        @Override
        public void update(long done, long total, String message) {
            this.done = done;
            this.total = total;
            this.message = message;
            maxDone = Math.max(maxDone, done);
        }
    }

    /**
     * A loopback HTTP/1.1 server for one file that records each request's Range header and can honour, ignore or
     * misreport ranges, answer with an error status, stay silent, stall midway or send a body without a length.
     * Plain sockets, because the module under test does not read jdk.httpserver.
     */
    static final class ArchiveServer implements AutoCloseable {

        final byte[] body;
        final List<String> ranges = new CopyOnWriteArrayList<>();
        final AtomicInteger partialAnswers = new AtomicInteger();
        volatile boolean honourRange = true;
        volatile boolean misreportRange;
        volatile int status = 200;
        volatile boolean silent;
        volatile boolean withoutLength;
        volatile int stallAfter = -1;
        private final ServerSocket socket;
        private final ExecutorService executor = Executors.newCachedThreadPool();

        ArchiveServer(byte[] body) throws IOException {
            this.body = body;
            socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            executor.execute(this::acceptConnections);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/cifar-10-binary.tar.gz");
        }

        private void acceptConnections() {
            try {
                while (true) {
                    Socket connection = socket.accept();
                    executor.execute(() -> answer(connection));
                }
            } catch (IOException e) {
                // close() closed the listening socket.
            }
        }

        /** Answers one request and closes the connection, which also ends a body sent without a length. */
        private void answer(Socket connection) {
            try (connection) {
                String range = rangeHeader(connection.getInputStream());
                ranges.add(range == null ? "" : range);
                OutputStream out = connection.getOutputStream();
                if (silent) {
                    Thread.sleep(10_000);
                    return;
                }
                if (status != 200) {
                    out.write(("HTTP/1.1 " + status + " Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                int from = 0;
                StringBuilder head = new StringBuilder();
                if (range != null && honourRange) {
                    from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                    head.append("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes ").append(misreportRange ? 0 : from)
                            .append('-').append(body.length - 1).append('/').append(body.length).append("\r\n");
                    partialAnswers.incrementAndGet();
                } else {
                    head.append("HTTP/1.1 200 OK\r\n");
                }
                if (!withoutLength) {
                    head.append("Content-Length: ").append(body.length - from).append("\r\n");
                }
                head.append("Connection: close\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                out.write(body, from, (stallAfter >= 0 ? stallAfter : body.length) - from);
                out.flush();
                if (stallAfter >= 0) {
                    Thread.sleep(10_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client hung up (a cancelled or stopped download): nothing to answer any more.
            }
        }

        /** Reads the request head up to the blank line and returns its Range header, or null. */
        private static String rangeHeader(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            String range = null;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.US_ASCII).strip();
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                if (text.regionMatches(true, 0, "Range:", 0, 6)) {
                    range = text.substring(6).strip();
                }
            }
            return range;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            executor.shutdownNow();
        }

        /** A gzipped tar shaped like the CIFAR-10 binary archive: 100 random records and the class names. */
        static byte[] cifarLikeArchive() {
            byte[] records = new byte[100 * 3073];
            new Random(231).nextBytes(records);
            byte[] names = "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n"
                    .getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
                addEntry(tar, "cifar-10-batches-bin/batches.meta.txt", names);
                addEntry(tar, "cifar-10-batches-bin/data_batch_1.bin", records);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        private static void addEntry(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
            TarArchiveEntry header = new TarArchiveEntry(name);
            header.setSize(content.length);
            tar.putArchiveEntry(header);
            tar.write(content);
            tar.closeArchiveEntry();
        }
    }
}
