package org.classifierlab.core.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.classifierlab.core.Progress;

/**
 * Fetches the official CIFAR-10 binary archive (Krizhevsky 2009) into the cache folder, resuming and verifying it.
 * Immutable; any thread, one {@link #fetch} per cache folder at a time.
 */
public final class Cifar10Download {

    /** Where the University of Toronto publishes the binary version. */
    public static final URI OFFICIAL_URI = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");

    /** Size of the official archive in bytes. */
    public static final long OFFICIAL_SIZE = 170_052_171L;

    /** MD5 of the official archive, as published on the CIFAR-10 page. */
    public static final String OFFICIAL_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";

    /** File name of the archive in the cache folder. */
    public static final String ARCHIVE_NAME = "cifar-10-binary.tar.gz";

    private final Downloader downloader;
    private final URI uri;
    private final long size;
    private final String md5;

    /** The official archive over a default {@link Downloader}. */
    public Cifar10Download() {
        this(new Downloader(), OFFICIAL_URI, OFFICIAL_SIZE, OFFICIAL_MD5);
    }

    /** Another copy of the archive (a mirror, or a local server in tests) with its size and MD5. */
    public Cifar10Download(Downloader downloader, URI uri, long size, String md5) {
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.size = size;
        this.md5 = Objects.requireNonNull(md5, "md5");
    }

    /** Where the archive is, or will be, in {@code cacheDir}; a user may also copy it there by hand. */
    public static Path archiveIn(Path cacheDir) {
        return cacheDir.resolve(ARCHIVE_NAME);
    }

    /**
     * Downloads the archive into {@code cacheDir} unless a verified copy is already there.
     *
     * @return {@link #archiveIn(Path) archiveIn(cacheDir)}
     * @throws DownloadException with a message for the user on any failure
     * @throws java.util.concurrent.CancellationException when cancelled; the partial file is kept for resuming
     */
    public Path fetch(Path cacheDir, Progress progress, BooleanSupplier cancelled) throws IOException {
        return downloader.download(uri, archiveIn(cacheDir), size, md5, progress, cancelled);
    }
}
