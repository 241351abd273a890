package org.classifierlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.AppPreferences;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.ErrorReporter;
import org.classifierlab.app.shell.JobStatus;

/** The JavaFX application: builds the shell, restores window and theme, reports uncaught errors. */
public final class ClassifierLabApp extends Application {

    private AppShell shell;

    @Override
    public void start(Stage stage) {
        AppPreferences prefs = new AppPreferences();
        AppContext context = new AppContext(new JobStatus());
        new ErrorReporter(context).install();
        context.themeProperty().set(prefs.theme());
        context.datasets().rememberIn(prefs);
        context.exportScaleProperty().set(prefs.exportScale());
        context.exportScaleProperty().addListener((o, a, scale) -> prefs.setExportScale(scale.intValue()));

        shell = new AppShell(context);
        Scene scene = new Scene(shell.root());
        context.themeProperty().get().applyTo(scene);
        context.themeProperty().addListener((obs, old, theme) -> {
            theme.applyTo(scene);
            // The presentation view's projector theme is not the user's choice: it is not remembered.
            if (!shell.presentation().isActive()) {
                prefs.setTheme(theme);
            }
        });

        stage.setTitle("Classifier Lab");
        for (int size : new int[] {16, 32, 48, 64, 128}) {
            var icon = ClassifierLabApp.class.getResourceAsStream("/assets/icons/classifier-lab-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
        }
        stage.setScene(scene);
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        prefs.restoreWindow(stage);
        context.setWindow(stage);
        stage.setOnCloseRequest(e -> prefs.saveWindow(stage));
        stage.show();
        // The distance kernels compile in the background now, not on the user's first neighbour search (~1 s cold).
        Thread warmUp = new Thread(() -> org.classifierlab.core.knn.KernelWarmUp.run(3, 32, 32, () -> false),
                "kernel-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
        // A scene file given on the command line (classifier-lab open FILE, or the file as the only argument).
        getParameters().getRaw().stream().findFirst()
                .ifPresent(file -> shell.scenes().open(java.nio.file.Path.of(file)));
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.dispose();
        }
    }
}
