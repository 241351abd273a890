package org.classifierlab.app.shell;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.classifierlab.app.theme.Theme;

/**
 * Window size, position, theme and the dataset in use remembered between runs (java.util.prefs, per user). The node can be
 * changed with the system property {@code classifierlab.prefs} so tests never touch the user's settings.
 * FX thread only.
 */
public final class AppPreferences {

    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String W = "window.width";
    private static final String H = "window.height";
    private static final String MAXIMIZED = "window.maximized";
    private static final String THEME = "theme";
    private static final String DATASET = "dataset.path";
    private static final String EXPORT_SCALE = "export.scale";

    private final Preferences node;

    public AppPreferences() {
        this(Preferences.userRoot().node(System.getProperty("classifierlab.prefs", "org/classifierlab/app")));
    }

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    public Theme theme() {
        return Theme.parse(node.get(THEME, Theme.LIGHT.name()));
    }

    /** The scale of exported pictures, 1 or 2 (1 when unset or odd). */
    public int exportScale() {
        return node.getInt(EXPORT_SCALE, 1) == 2 ? 2 : 1;
    }

    public void setExportScale(int scale) {
        node.putInt(EXPORT_SCALE, scale);
        flush();
    }

    public void setTheme(Theme theme) {
        node.put(THEME, theme.name());
        flush();
    }

    /** The folder or archive of the dataset in use when the app last ran; null for the bundled sample. */
    public java.nio.file.Path lastDataset() {
        String path = node.get(DATASET, null);
        try {
            return path == null || path.isBlank() ? null : java.nio.file.Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Remembers the folder or archive of the dataset in use; null for the bundled sample. */
    public void setLastDataset(java.nio.file.Path path) {
        if (path == null) {
            node.remove(DATASET);
        } else {
            node.put(DATASET, path.toAbsolutePath().normalize().toString());
        }
        flush();
    }

    /** Puts the stage where it was last time, if that place is still on a screen; else a sensible default. */
    public void restoreWindow(Stage stage) {
        double w = Math.max(800, node.getDouble(W, 1360));
        double h = Math.max(560, node.getDouble(H, 860));
        double x = node.getDouble(X, Double.NaN);
        double y = node.getDouble(Y, Double.NaN);
        stage.setWidth(w);
        stage.setHeight(h);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.min(w, 200), 40)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(node.getBoolean(MAXIMIZED, false));
    }

    /** Remembers the stage's bounds (the un-maximised ones when it is maximised). */
    public void saveWindow(Stage stage) {
        node.putBoolean(MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            node.putDouble(X, stage.getX());
            node.putDouble(Y, stage.getY());
            node.putDouble(W, stage.getWidth());
            node.putDouble(H, stage.getHeight());
        }
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience: an unwritable store must not stop the app or lose the user's work.
            System.err.println("Classifier Lab: could not save preferences: " + e.getMessage());
        }
    }
}
