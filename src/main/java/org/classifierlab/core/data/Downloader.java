package org.classifierlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classifierlab.core.Progress;
import org.classifierlab.core.data.DownloadException.Reason;

/**
 * Downloads one file over HTTP(S) into a folder, resuming an earlier partial download, verifying size and MD5 and
 * moving it into place atomically. Any thread; {@link #download} blocks its caller, and concurrent downloads need
 * different targets.
 */
public final class Downloader {

    /** How long to wait for a connection, for the response headers, and for each next piece of the body. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Suffix of the partial file kept next to the target while downloading. */
    public static final String PART_SUFFIX = ".part";

    private static final int CHUNK = 1 << 16;
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");

    private final HttpClient client;
    private final Duration timeout;

    /** A downloader with its own client that follows redirects and honours the JVM's proxy settings. */
    public Downloader() {
        this(DEFAULT_TIMEOUT);
    }

    /** As {@link #Downloader()}, giving up when connecting, or any wait for data, takes longer than {@code timeout}. */
    public Downloader(Duration timeout) {
        this(defaultClient(timeout), timeout);
    }

    /** A downloader on the given client; {@code timeout} bounds the wait for headers and for each piece of the body. */
    public Downloader(HttpClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
    }

    private static HttpClient defaultClient(Duration timeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL);
        // Without an explicit selector HttpClient ignores -Dhttps.proxyHost and java.net.useSystemProxies.
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        return builder.build();
    }

    /** The partial file a download of {@code target} writes to: {@code target + ".part"} in the same folder. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + PART_SUFFIX);
    }

    /**
     * Downloads {@code uri} to {@code target}, or returns at once when {@code target} already has the expected size
     * and MD5. Bytes go only to {@link #partFile(Path)}; a partial file from an earlier attempt is resumed with an
     * HTTP Range request. {@code cancelled} is polled between chunks and by a watchdog thread, so it must be
     * thread-safe; interrupting the calling thread also cancels.
     *
     * @param expectedSize the exact size of the file in bytes
     * @param md5Hex       the expected MD5 of the whole file, 32 hex digits
     * @param progress     receives (bytes so far, {@code expectedSize}, message) from the calling thread
     * @return {@code target}
     * @throws DownloadException     with a message for the user when the file cannot be downloaded or is damaged
     * @throws CancellationException when cancelled; the partial file is kept for resuming
     */
    public Path download(URI uri, Path target, long expectedSize, String md5Hex, Progress progress,
            BooleanSupplier cancelled) throws IOException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        if (expectedSize <= 0) {
            throw new IllegalArgumentException("expectedSize must be positive: " + expectedSize);
        }
        String md5 = md5Hex.toLowerCase(Locale.ROOT);
        if (!MD5_HEX.matcher(md5).matches()) {
            throw new IllegalArgumentException("not an MD5 in hex: " + md5Hex);
        }
        Thread caller = Thread.currentThread();
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || caller.isInterrupted();
        return new Transfer(uri, target.toAbsolutePath(), expectedSize, md5, progress, stop).run();
    }

    /** The state of one call to {@link #download}; used by the calling thread only, except {@link Watchdog}. */
    private final class Transfer {

        private final URI uri;
        private final Path target;
        private final Path part;
        private final Path folder;
        private final String name;
        private final String host;
        private final long size;
        private final String md5;
        private final Progress progress;
        private final BooleanSupplier stop;

        Transfer(URI uri, Path target, long size, String md5, Progress progress, BooleanSupplier stop) {
            this.uri = uri;
            this.target = target;
            this.part = partFile(target);
            this.folder = target.getParent();
            this.name = target.getFileName().toString();
            this.host = uri.getHost() != null ? uri.getHost() : uri.toString();
            this.size = size;
            this.md5 = md5;
            this.progress = progress;
            this.stop = stop;
        }

        Path run() throws IOException {
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                MessageDigest existing = newMd5();
                hashFile(target, size, existing, "Checking " + name);
                if (md5.equals(hex(existing))) {
                    progress.update(size, size, name + " is already downloaded");
                    return target;
                }
            }
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw notWritable(e);
            }
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            if (have > size) {
                delete(part);
                have = 0;
            }
            MessageDigest digest = newMd5();
            if (have > 0) {
                hashFile(part, have, digest, "Checking the partial download of " + name);
            }
            if (have < size) {
                requireSpace(size - have);
                fetch(have, digest);
            }
            return verifyAndMove(digest);
        }

        /** Requests the bytes from {@code have} on and appends them to the part file, or starts it over. */
        private void fetch(long have, MessageDigest digest) throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            if (have > 0) {
                request.header("Range", "bytes=" + have + "-");
            }
            HttpResponse<InputStream> response = send(request.build());
            int status = response.statusCode();
            boolean restart = have > 0 && (status == 416 || status == 206 && !rangeStartsAt(response, have));
            try (InputStream body = response.body()) {
                if (!restart) {
                    long start = startOf(status, have, digest);
                    requireAnnouncedLength(response, start);
                    receive(body, start, digest);
                }
            }
            if (restart) {
                // The server cannot resume this partial file consistently: download it whole instead.
                delete(part);
                digest.reset();
                fetch(0, digest);
            }
        }

        /** Where the body of a response with {@code status} starts in the file; a 200 starts the part file over. */
        private long startOf(int status, long have, MessageDigest digest) throws DownloadException {
            if (have > 0 && status == 206) {
                return have;
            }
            if (status == 200) {
                // The whole file, also when the server ignored the Range header.
                digest.reset();
                return 0;
            }
            throw new DownloadException(Reason.HTTP_STATUS, host + " answered HTTP " + status + " for " + uri
                    + ". Try again later, or download " + name + " with a web browser and copy it into " + folder
                    + ", or open a folder that already has the dataset.");
        }

        private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
            if (stop.getAsBoolean()) {
                throw cancellation();
            }
            CompletableFuture<HttpResponse<InputStream>> pending =
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            // Waits in short slices so that a cancel is noticed while the server is still silent.
            while (true) {
                if (stop.getAsBoolean()) {
                    pending.cancel(true);
                    pending.thenAccept(response -> closeQuietly(response.body()));
                    throw cancellation();
                }
                try {
                    return pending.get(POLL_NANOS, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pending.cancel(true);
                    throw cancellation();
                } catch (ExecutionException e) {
                    throw requestFailed(e.getCause());
                }
            }
        }

        private boolean rangeStartsAt(HttpResponse<?> response, long have) {
            Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
            return range.matches() && Long.parseLong(range.group(1)) == have
                    && Long.parseLong(range.group(2)) == size - 1
                    && (range.group(3).equals("*") || Long.parseLong(range.group(3)) == size);
        }

        private void requireAnnouncedLength(HttpResponse<?> response, long start) throws IOException {
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length >= 0 && start + length != size) {
                delete(part);
                throw new DownloadException(Reason.WRONG_SIZE, host + " offers " + name + " with " + bytes(start + length)
                        + ", but " + bytes(size) + " were expected: the file on the server has changed or the address is"
                        + " wrong (" + uri + ").");
            }
        }

        /** Streams the body into the part file from byte {@code start}, hashing as it goes. */
        private void receive(InputStream body, long start, MessageDigest digest) throws IOException {
            OpenOption[] mode = start > 0
                    ? new OpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                    : new OpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING};
            String message = "Downloading " + name + " from " + host;
            long done = start;
            boolean overflow = false;
            progress.update(done, size, message);
            try (FileChannel out = openPart(mode); Watchdog watchdog = new Watchdog(body)) {
                byte[] buffer = new byte[CHUNK];
                while (!overflow) {
                    if (stop.getAsBoolean()) {
                        throw cancellation();
                    }
                    int n;
                    try {
                        n = body.read(buffer);
                    } catch (IOException e) {
                        throw watchdog.explain(e, done);
                    }
                    if (n < 0) {
                        break;
                    }
                    watchdog.touch();
                    overflow = done + n > size;
                    if (!overflow) {
                        digest.update(buffer, 0, n);
                        write(out, buffer, n);
                        done += n;
                        progress.update(done, size, message);
                    }
                }
                if (!overflow && done < size) {
                    throw watchdog.explain(null, done);
                }
                out.force(true);
            }
            if (overflow) {
                delete(part);
                throw new DownloadException(Reason.WRONG_SIZE, host + " sent more than the expected " + bytes(size)
                        + " for " + name + ", so the download was stopped and the partial file deleted. The file on"
                        + " the server may have changed (" + uri + ").");
            }
        }

        private FileChannel openPart(OpenOption... mode) throws DownloadException {
            try {
                return FileChannel.open(part, mode);
            } catch (IOException e) {
                throw notWritable(e);
            }
        }

        private void write(FileChannel out, byte[] buffer, int length) throws DownloadException {
            try {
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            } catch (IOException e) {
                throw new DownloadException(Reason.CACHE_NOT_WRITABLE, "Could not write " + part + " (" + e.getMessage()
                        + "). Free some disk space, or start the app with -D" + CacheDirectory.OVERRIDE_PROPERTY
                        + "=FOLDER to use another folder; the partial download is kept.", e);
            }
        }

        private Path verifyAndMove(MessageDigest digest) throws IOException {
            String actual = hex(digest);
            if (!actual.equals(md5)) {
                delete(part);
                throw new DownloadException(Reason.CHECKSUM_MISMATCH, name + " from " + host + " is damaged: its MD5 is "
                        + actual + " but " + md5 + " was expected. The partial download was deleted; try again.");
            }
            try {
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw notWritable(e);
            }
            progress.update(size, size, "Downloaded " + name);
            return target;
        }

        private void hashFile(Path file, long length, MessageDigest digest, String message) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 20];
                long done = 0;
                while (done < length) {
                    if (stop.getAsBoolean()) {
                        throw cancellation();
                    }
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - done));
                    if (n < 0) {
                        throw new DownloadException(Reason.CACHE_NOT_WRITABLE, file + " shrank while it was being checked.");
                    }
                    digest.update(buffer, 0, n);
                    done += n;
                    progress.update(done, length, message);
                }
            }
        }

        private void requireSpace(long needed) throws DownloadException {
            long usable;
            try {
                usable = Files.getFileStore(folder).getUsableSpace();
            } catch (IOException e) {
                // Some file systems cannot say; the write itself will report a full disk.
                return;
            }
            if (usable < needed) {
                throw new DownloadException(Reason.CACHE_NOT_WRITABLE, name + " needs " + bytes(needed) + " free in "
                        + folder + " but only " + bytes(usable) + " are available. Free some disk space, or start the"
                        + " app with -D" + CacheDirectory.OVERRIDE_PROPERTY + "=FOLDER to use another folder.");
            }
        }

        private DownloadException requestFailed(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                        || t instanceof ConnectException || t instanceof NoRouteToHostException
                        || t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                    return new DownloadException(Reason.OFFLINE, "Could not reach " + host
                            + " — you appear to be offline. Connect to the internet and try again, or copy " + name
                            + " (from another computer or a USB stick) into " + folder
                            + ", or open a folder that already has the dataset.", failure);
                }
            }
            return new DownloadException(Reason.CONNECTION_LOST, "The connection to " + host + " failed (" + failure
                    + "). Try again later, or copy " + name + " into " + folder
                    + ", or open a folder that already has the dataset.", failure);
        }

        private DownloadException notWritable(IOException e) {
            return new DownloadException(Reason.CACHE_NOT_WRITABLE, "Cannot write to the download folder " + folder
                    + " (" + e + "). Make sure it is a writable folder on a disk with room for " + bytes(size)
                    + ", or start the app with -D" + CacheDirectory.OVERRIDE_PROPERTY + "=FOLDER to use another one.", e);
        }

        private CancellationException cancellation() {
            return new CancellationException("Download of " + name + " cancelled"
                    + (Files.exists(part) ? "; the partial file is kept and the next attempt resumes it." : "."));
        }

        /**
         * Closes the response body from its own thread when the caller cancels or the server goes silent for longer
         * than the timeout, because a blocked read would otherwise notice neither.
         */
        private final class Watchdog implements AutoCloseable {

            private final InputStream body;
            private final Thread thread;
            private volatile long lastData = System.nanoTime();
            private volatile boolean finished;
            private volatile boolean stalled;

            Watchdog(InputStream body) {
                this.body = body;
                this.thread = Thread.ofVirtual().name("download-watchdog " + name).start(this::watch);
            }

            private void watch() {
                long timeoutNanos = timeout.toNanos();
                while (!finished) {
                    LockSupport.parkNanos(Math.min(POLL_NANOS, timeoutNanos / 4));
                    if (finished) {
                        return;
                    }
                    boolean silent = System.nanoTime() - lastData > timeoutNanos;
                    if (stop.getAsBoolean() || silent) {
                        stalled = silent && !stop.getAsBoolean();
                        closeQuietly(body);
                        return;
                    }
                }
            }

            void touch() {
                lastData = System.nanoTime();
            }

            /**
             * Why the body failed with {@code failure} (or ended early, when null) after {@code done} bytes.
             *
             * @throws CancellationException when the body failed because the caller cancelled
             */
            DownloadException explain(IOException failure, long done) {
                if (stop.getAsBoolean()) {
                    throw cancellation();
                }
                if (stalled) {
                    return new DownloadException(Reason.CONNECTION_LOST, host + " stopped sending data (nothing for "
                            + duration(timeout) + " after " + bytes(done) + " of " + bytes(size)
                            + "). The partial download is kept: try again to resume it.", failure);
                }
                return new DownloadException(Reason.CONNECTION_LOST, "The connection to " + host + " broke off after "
                        + bytes(done) + " of " + bytes(size) + (failure != null ? " (" + failure.getMessage() + ")" : "")
                        + ". The partial download is kept: try again to resume it.", failure);
            }

            @Override
            public void close() {
                finished = true;
                LockSupport.unpark(thread);
            }
        }
    }

    private static void delete(Path file) throws DownloadException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new DownloadException(Reason.CACHE_NOT_WRITABLE, "Cannot delete " + file + " (" + e + ").", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing only aborts the transfer; there is nothing left to report.
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String duration(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String bytes(long count) {
        return count < 1_000_000 ? String.format(Locale.ROOT, "%,d bytes", count)
                : String.format(Locale.ROOT, "%.1f MB", count / 1e6);
    }
}
