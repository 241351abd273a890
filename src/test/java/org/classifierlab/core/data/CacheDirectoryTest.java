package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.classifierlab.core.data.DownloadException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDirectoryTest {

    static final Path HOME = Path.of("/home/ada");
    static final Properties NO_PROPERTIES = new Properties();

    @TempDir
    Path temp;

    @Test
    void linuxUsesXdgCacheHome() {
        assertThat(CacheDirectory.locate("Linux", Map.of("XDG_CACHE_HOME", "/var/cache/ada"), NO_PROPERTIES, HOME))
                .isEqualTo(Path.of("/var/cache/ada/classifier-lab"));
    }

    @Test
    void linuxFallsBackToDotCacheWhenXdgIsUnsetBlankOrRelative() {
        Path expected = Path.of("/home/ada/.cache/classifier-lab");
        assertThat(CacheDirectory.locate("Linux", Map.of(), NO_PROPERTIES, HOME)).isEqualTo(expected);
        assertThat(CacheDirectory.locate("Linux", Map.of("XDG_CACHE_HOME", " "), NO_PROPERTIES, HOME)).isEqualTo(expected);
        assertThat(CacheDirectory.locate("Linux", Map.of("XDG_CACHE_HOME", "cache"), NO_PROPERTIES, HOME))
                .isEqualTo(expected);
        assertThat(CacheDirectory.locate("FreeBSD", Map.of(), NO_PROPERTIES, HOME)).isEqualTo(expected);
    }

    @Test
    void macOsUsesLibraryCaches() {
        assertThat(CacheDirectory.locate("Mac OS X", Map.of("XDG_CACHE_HOME", "/ignored"), NO_PROPERTIES, HOME))
                .isEqualTo(Path.of("/home/ada/Library/Caches/Classifier Lab"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(CacheDirectory.locate("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/ada/AppData/Local"),
                NO_PROPERTIES, HOME)).isEqualTo(Path.of("/c/Users/ada/AppData/Local/Classifier Lab/Cache"));
        assertThat(CacheDirectory.locate("Windows 10", Map.of(), NO_PROPERTIES, HOME))
                .isEqualTo(Path.of("/home/ada/AppData/Local/Classifier Lab/Cache"));
    }

    @Test
    void overridePropertyWinsOnEveryOsAndExpandsTilde() {
        Properties properties = new Properties();
        properties.setProperty(CacheDirectory.OVERRIDE_PROPERTY, "/data/cl");
        for (String os : new String[] {"Linux", "Mac OS X", "Windows 11"}) {
            assertThat(CacheDirectory.locate(os, Map.of("XDG_CACHE_HOME", "/x", "LOCALAPPDATA", "/y"), properties, HOME))
                    .isEqualTo(Path.of("/data/cl"));
        }
        properties.setProperty(CacheDirectory.OVERRIDE_PROPERTY, "~/datasets/cl");
        assertThat(CacheDirectory.locate("Linux", Map.of(), properties, HOME))
                .isEqualTo(Path.of("/home/ada/datasets/cl"));
    }

    @Test
    void forAppCreatesTheOverriddenFolder() throws IOException {
        Path wanted = temp.resolve("nested/cache");
        String before = System.setProperty(CacheDirectory.OVERRIDE_PROPERTY, wanted.toString());
        try {
            assertThat(CacheDirectory.forApp()).isEqualTo(wanted).isDirectory();
        } finally {
            restore(before);
        }
    }

    @Test
    void forAppExplainsAFolderItCannotCreate() throws IOException {
        Path blocker = Files.writeString(temp.resolve("file"), "not a folder");
        String before = System.setProperty(CacheDirectory.OVERRIDE_PROPERTY, blocker.resolve("cache").toString());
        try {
            assertThatThrownBy(CacheDirectory::forApp)
                    .isInstanceOfSatisfying(DownloadException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CACHE_NOT_WRITABLE))
                    .hasMessageStartingWith("Cannot create the cache folder " + blocker.resolve("cache") + " (")
                    .hasMessageEndingWith("). Start the app with -Dclassifierlab.cache=FOLDER to use another folder.");
        } finally {
            restore(before);
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(CacheDirectory.OVERRIDE_PROPERTY);
        } else {
            System.setProperty(CacheDirectory.OVERRIDE_PROPERTY, before);
        }
    }
}
