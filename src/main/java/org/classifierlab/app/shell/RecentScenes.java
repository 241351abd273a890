package org.classifierlab.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The scene files opened or saved last, newest first, remembered between runs (java.util.prefs, in the node of
 * {@link AppPreferences}, so the test property {@code classifierlab.prefs} moves it too). FX thread only.
 */
public final class RecentScenes {

    /** Most files listed. */
    public static final int MAX = 8;
    private static final String KEY = "recentScene.";

    private final Preferences node;

    public RecentScenes() {
        this(Preferences.userRoot().node(System.getProperty("classifierlab.prefs", "org/classifierlab/app")));
    }

    public RecentScenes(Preferences node) {
        this.node = node;
    }

    /** The files, newest first (as stored: some may have gone since). */
    public List<Path> files() {
        List<Path> list = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = node.get(KEY + i, null);
            if (p != null && !p.isBlank()) {
                list.add(Path.of(p));
            }
        }
        return list;
    }

    /** Puts {@code file} first (once). */
    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = files();
        list.remove(abs);
        list.add(0, abs);
        store(list);
    }

    /** Forgets the files that no longer exist; returns them. */
    public List<Path> pruneMissing() {
        List<Path> list = files();
        List<Path> gone = list.stream().filter(p -> !Files.isRegularFile(p)).toList();
        if (!gone.isEmpty()) {
            list.removeAll(gone);
            store(list);
        }
        return gone;
    }

    private void store(List<Path> list) {
        for (int i = 0; i < MAX; i++) {
            if (i < list.size()) {
                node.put(KEY + i, list.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Recent files are a convenience: an unwritable store must not stop saving or opening a scene.
            System.err.println("Classifier Lab: could not remember recent scenes: " + e.getMessage());
        }
    }
}
