package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.classifierlab.core.Progress;
import org.classifierlab.core.data.DownloadException.Reason;
import org.classifierlab.core.data.DownloaderTest.ArchiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class Cifar10DownloadTest {

    @TempDir
    Path cache;

    @Test
    void officialArchiveIsTheTorontoBinaryVersion() {
        assertThat(Cifar10Download.OFFICIAL_URI)
                .isEqualTo(URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"));
        assertThat(Cifar10Download.OFFICIAL_SIZE).isEqualTo(170_052_171L);
        assertThat(Cifar10Download.OFFICIAL_MD5).isEqualTo("c32a1d4ab5d03f1284b67883e8d87530");
        assertThat(Cifar10Download.archiveIn(Path.of("/cache"))).isEqualTo(Path.of("/cache/cifar-10-binary.tar.gz"));
    }

    @Test
    void fetchPutsTheArchiveIntoTheCacheOnceAndThenReusesIt() throws IOException {
        try (ArchiveServer server = new ArchiveServer(DownloaderTest.ARCHIVE)) {
            Cifar10Download download = new Cifar10Download(new Downloader(Duration.ofSeconds(5)), server.uri(),
                    DownloaderTest.ARCHIVE.length, DownloaderTest.ARCHIVE_MD5.toUpperCase());

            Path first = download.fetch(cache, Progress.NONE, () -> false);
            Path second = download.fetch(cache, Progress.NONE, () -> false);

            assertThat(first).isEqualTo(second).isEqualTo(cache.resolve("cifar-10-binary.tar.gz"));
            assertThat(Files.readAllBytes(first)).isEqualTo(DownloaderTest.ARCHIVE);
            assertThat(server.ranges).containsExactly("");
            assertThat(DownloaderTest.filesUnder(cache)).containsExactly("cifar-10-binary.tar.gz");
        }
    }

    @Test
    void offlineFetchTellsWhereToPutTheArchiveByHand() throws IOException {
        Cifar10Download download = new Cifar10Download(new Downloader(Duration.ofSeconds(5)),
                DownloaderTest.closedPortUri(), DownloaderTest.ARCHIVE.length, DownloaderTest.ARCHIVE_MD5);

        assertThatThrownBy(() -> download.fetch(cache, Progress.NONE, () -> false))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OFFLINE))
                .hasMessageContaining("you appear to be offline")
                .hasMessageContaining("copy cifar-10-binary.tar.gz (from another computer or a USB stick) into " + cache);
        assertThat(DownloaderTest.filesUnder(cache)).isEmpty();
    }
}
