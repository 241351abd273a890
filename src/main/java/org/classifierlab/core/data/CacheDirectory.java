package org.classifierlab.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The per-user cache folder where downloaded datasets live, following each OS's convention and overridable with
 * the system property {@value #OVERRIDE_PROPERTY}. Stateless; any thread.
 */
public final class CacheDirectory {

    /** System property naming the cache folder explicitly, e.g. {@code -Dclassifierlab.cache=/data/cl-cache}. */
    public static final String OVERRIDE_PROPERTY = "classifierlab.cache";

    private static final String LINUX_NAME = "classifier-lab";
    private static final String DISPLAY_NAME = "Classifier Lab";

    private CacheDirectory() {
    }

    /**
     * The cache folder for this user and OS, created if missing.
     *
     * @throws DownloadException (reason {@code CACHE_NOT_WRITABLE}) when the folder cannot be created
     */
    public static Path forApp() throws DownloadException {
        Path dir = locate(System.getProperty("os.name", ""), System.getenv(), System.getProperties(),
                Path.of(System.getProperty("user.home")));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Reason.CACHE_NOT_WRITABLE, "Cannot create the cache folder "
                    + dir + " (" + e + "). Start the app with -D" + OVERRIDE_PROPERTY + "=FOLDER to use another folder.", e);
        }
    }

    /**
     * Where the cache folder is, without touching the disk: the override property if set (a leading {@code ~/}
     * meaning {@code home}); else
     * {@code %LOCALAPPDATA%\Classifier Lab\Cache} on Windows, {@code ~/Library/Caches/Classifier Lab} on macOS, and
     * {@code $XDG_CACHE_HOME/classifier-lab} or {@code ~/.cache/classifier-lab} elsewhere.
     *
     * @param osName     the {@code os.name} system property
     * @param env        the environment variables
     * @param properties the system properties (only {@value #OVERRIDE_PROPERTY} is read)
     * @param home       the user's home folder
     */
    public static Path locate(String osName, Map<String, String> env, Properties properties, Path home) {
        String override = properties.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            String value = override.strip();
            // "-Dclassifierlab.cache=~/x" reaches Java unexpanded: the shell expands ~ only at the start of a word.
            return value.startsWith("~/") ? home.resolve(value.substring(2)) : Path.of(value);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = localAppData != null && !localAppData.isBlank() ? Path.of(localAppData)
                    : home.resolve("AppData").resolve("Local");
            return base.resolve(DISPLAY_NAME).resolve("Cache");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Caches").resolve(DISPLAY_NAME);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve(LINUX_NAME);
    }
}
