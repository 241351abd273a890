package org.classifierlab.app.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;

import org.classifierlab.core.scene.SceneDocument;
import org.classifierlab.core.scene.SceneFile;
import org.classifierlab.core.scene.SceneFormatException;

/**
 * File ▸ Save scene / Open scene / Recent scenes and scene files dropped on the window. The scene is captured and
 * applied on the FX thread; reading, checking and writing the file run on one background thread, so a big scene
 * never stalls the window, and a refused file leaves every lesson as it was. FX thread only.
 */
public final class SceneCommands {

    private final AppShell shell;
    private final AppContext context;
    private final RecentScenes recent;
    private final Menu recentMenu = new Menu("Recent scenes");
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scene-files");
        t.setDaemon(true);
        return t;
    });
    /** Fields of the last scene opened that this version does not know: written back on save. */
    private Map<String, String> kept = Map.of();
    private String lastMessage = "";

    SceneCommands(AppShell shell, AppContext context, RecentScenes recent) {
        this.shell = shell;
        this.context = context;
        this.recent = recent;
        recentMenu.setId("recentScenesMenu");
        recentMenu.setOnShowing(e -> refreshRecent());
        refreshRecent();
    }

    /** The Recent scenes submenu. */
    public Menu recentMenu() {
        return recentMenu;
    }

    /** What the last save or open said in the status bar (for tests and the shortcut overlay). */
    public String lastMessage() {
        return lastMessage;
    }

    /** Asks for a file and saves the scene there. */
    public void saveWithChooser() {
        PendingEdits.commit(shell.root().getScene());
        FileChooser chooser = chooser("Save the scene");
        chooser.setInitialFileName("scene.json");
        File f = chooser.showSaveDialog(context.window());
        if (f != null) {
            Path p = f.toPath();
            save(p.getFileName().toString().contains(".") ? p : p.resolveSibling(p.getFileName() + SceneFile.EXTENSION));
        }
    }

    /** Asks for a scene file and opens it. */
    public void openWithChooser() {
        File f = chooser("Open a scene").showOpenDialog(context.window());
        if (f != null) {
            open(f.toPath());
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Classifier Lab scenes", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }

    /** Saves the scene of every open lesson to {@code file} (atomically); completes when it is on disk. */
    public CompletableFuture<Path> save(Path file) {
        PendingEdits.commit(shell.root().getScene());
        SceneDocument scene = shell.captureScene().keeping(kept);
        CompletableFuture<Path> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                SceneFile.write(file, scene);
                Platform.runLater(() -> {
                    recent.add(file);
                    say("Scene saved to " + file);
                    done.complete(file);
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    context.showError("The scene could not be saved to " + file + ": " + e.getMessage()
                            + ". Any earlier file there is unchanged.");
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /**
     * Reads and checks {@code file} off the FX thread, then applies it; a refused file gives a message naming the
     * field and changes nothing. Completes with the scene applied.
     */
    public CompletableFuture<SceneDocument> open(Path file) {
        CompletableFuture<SceneDocument> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                SceneDocument scene = SceneFile.read(file);
                Platform.runLater(() -> {
                    String message = shell.applyScene(scene, String.valueOf(file.getFileName()));
                    kept = scene.kept();
                    recent.add(file);
                    say(message);
                    done.complete(scene);
                });
            } catch (SceneFormatException e) {
                Platform.runLater(() -> {
                    if (!Files.exists(file)) {
                        recent.pruneMissing();
                    }
                    lastMessage = e.getMessage();
                    context.showError(e.getMessage() + "\n\nThe lessons are as they were.");
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /**
     * Reads lecture preset {@code preset} from the class path off the FX thread, then applies it as a scene (it does not
     * go on the recent list); a preset that does not read gives a message and changes nothing. Completes with the scene
     * applied, or exceptionally.
     */
    public CompletableFuture<SceneDocument> openPreset(org.classifierlab.core.scene.LecturePresets.Preset preset) {
        return openPreset(preset, () -> true);
    }

    /**
     * As {@link #openPreset(org.classifierlab.core.scene.LecturePresets.Preset)}, applied only if {@code stillWanted}
     * holds once it is read (a tour stepped on in the meantime drops the older step).
     */
    CompletableFuture<SceneDocument> openPreset(org.classifierlab.core.scene.LecturePresets.Preset preset,
                                                java.util.function.BooleanSupplier stillWanted) {
        CompletableFuture<SceneDocument> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                SceneDocument scene = org.classifierlab.core.scene.LecturePresets.open(preset);
                Platform.runLater(() -> {
                    if (!stillWanted.getAsBoolean()) {
                        done.cancel(false);
                        return;
                    }
                    String message = shell.applyScene(scene, preset.title());
                    kept = Map.of();
                    say(message);
                    done.complete(scene);
                });
            } catch (SceneFormatException e) {
                Platform.runLater(() -> {
                    lastMessage = e.getMessage();
                    context.showError("The lecture preset \"" + preset.title() + "\" could not be opened: "
                            + e.getMessage() + "\n\nThe lessons are as they were.");
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** Whether a drag carries scene files (.json), which go to the scene opener and not to a lesson. */
    public static boolean isScene(File f) {
        return f.getName().toLowerCase(Locale.ROOT).endsWith(SceneFile.EXTENSION);
    }

    void onDragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(SceneCommands::isScene)) {
            e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        }
    }

    void onDragDropped(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        File scene = files.stream().filter(SceneCommands::isScene).findFirst().orElse(null);
        if (scene != null) {
            open(scene.toPath());
            e.setDropCompleted(true);
            e.consume();
        }
    }

    private void refreshRecent() {
        List<Path> gone = recent.pruneMissing();
        if (!gone.isEmpty()) {
            say((gone.size() == 1 ? "A recent scene is gone and was taken off the list: " + gone.get(0)
                    : gone.size() + " recent scenes are gone and were taken off the list"));
        }
        recentMenu.getItems().clear();
        List<Path> files = recent.files();
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            MenuItem item = new MenuItem((i + 1) + "  " + p.getFileName() + "   (" + p.getParent() + ")");
            item.setMnemonicParsing(false);
            item.setOnAction(ev -> open(p));
            recentMenu.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No scenes yet");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    /** Says that the preset index shipped with the app does not read (a broken build). */
    void showPresetError(SceneFormatException e) {
        lastMessage = e.getMessage();
        context.showError("The lecture presets shipped with this build do not read: " + e.getMessage());
    }

    void say(String message) {
        lastMessage = message;
        context.jobs().setDetail(message);
    }

    void dispose() {
        io.shutdownNow();
    }
}
