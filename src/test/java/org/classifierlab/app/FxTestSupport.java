package org.classifierlab.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.render.PlaneCanvas;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.theme.Theme;

/**
 * What the UI tests share: showing the studio, running code on the FX thread and waiting for its result, waiting
 * until the FX thread sees a condition, and reading what is on screen (snapshot pixels, region-image pixels,
 * screen positions of world points). Called from the test thread; {@link #fx} also runs inline on the FX thread.
 */
public final class FxTestSupport {

    private FxTestSupport() {
    }

    /** A studio shown by {@link #studio}: its context, shell and scene. */
    public record Studio(AppContext context, AppShell shell, Scene scene) {
    }

    /**
     * The studio as the user sees it, in {@code stage}: a fresh context and shell (with the tests' preferences node)
     * in a {@code width} × {@code height} scene in {@code theme}, the scene following the context's theme as in the
     * app. FX thread (a {@code @Start}).
     */
    public static Studio studio(Stage stage, double width, double height, Theme theme) {
        System.setProperty("classifierlab.prefs", "org/classifierlab/test");
        AppContext context = new AppContext(new JobStatus());
        context.themeProperty().set(theme);
        AppShell shell = new AppShell(context);
        Scene scene = new Scene(shell.root(), width, height);
        theme.applyTo(scene);
        context.themeProperty().addListener((o, a, t) -> t.applyTo(scene));
        stage.setScene(scene);
        stage.show();
        return new Studio(context, shell, scene);
    }

    /** {@link #studio} in the light theme, showing {@code lesson}. FX thread (a {@code @Start}). */
    public static AppShell showStudio(Stage stage, double width, double height, LessonKind lesson) {
        return showStudio(stage, width, height, lesson, Theme.LIGHT);
    }

    /**
     * {@link #studio} in {@code theme} (the lessons see it, as in the app, not only the CSS), showing {@code lesson}.
     * FX thread (a {@code @Start}).
     */
    public static AppShell showStudio(Stage stage, double width, double height, LessonKind lesson, Theme theme) {
        AppShell shell = studio(stage, width, height, theme).shell();
        shell.navigator().getSelectionModel().select(lesson);
        return shell;
    }

    private static final java.util.Map<String, org.classifierlab.core.data.Dataset> SUBSETS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The first {@code train} training and {@code test} test images of the bundled sample (read once, shared). */
    public static org.classifierlab.core.data.Dataset sampleSubset(int train, int test) {
        return SUBSETS.computeIfAbsent(train + "+" + test, key -> {
            try {
                org.classifierlab.core.data.Dataset sample = org.classifierlab.core.data.DatasetLoader.loadSample();
                return new org.classifierlab.core.data.Dataset(String.format(java.util.Locale.ROOT,
                        "CIFAR-10 (first %,d + %,d)", train, test), sample.train().first(train),
                        sample.test().first(test), sample.format(), "test subset");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The value of {@code c} computed on the FX thread (inline when already on it), within 20 s. */
    public static <T> T fx(Callable<T> c) {
        if (Platform.isFxApplicationThread()) {
            try {
                return c.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Waits up to {@code seconds} until {@code condition}, evaluated on the FX thread, holds, then for the FX
     * events it caused; fails with {@code failure} when it does not.
     */
    public static void awaitFx(long seconds, String failure, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError(failure, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The pixels {@code node} shows now. */
    public static PixelReader snapshot(Node node) {
        return fx(() -> node.snapshot(null, null)).getPixelReader();
    }

    /** The ARGB of the region-image pixel under world point (wx, wy) of {@code canvas}. */
    public static int regionPixel(PlaneCanvas canvas, double wx, double wy) {
        return fx(() -> {
            double s = canvas.renderScale();
            int px = (int) Math.floor(canvas.toLocalX(wx) * s);
            int py = (int) Math.floor(canvas.toLocalY(wy) * s);
            return canvas.regionsView().getImage().getPixelReader().getArgb(px, py);
        });
    }

    /** Screen coordinates of world point (wx, wy) of {@code canvas} (where the robot moves to). */
    public static Point2D screen(PlaneCanvas canvas, double wx, double wy) {
        return fx(() -> canvas.localToScreen(canvas.toLocalX(wx), canvas.toLocalY(wy)));
    }

    /**
     * Collects what the FX thread throws while open, instead of the test harness's handler, and puts the old
     * handler back on close: {@code try (FxErrors errors = recordFxErrors()) { … errors.list() … }}.
     */
    public static FxErrors recordFxErrors() {
        return new FxErrors();
    }

    /** Uncaught exceptions of the FX thread, recorded between creation and {@link #close()}. */
    public static final class FxErrors implements AutoCloseable {
        private final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        private final Thread.UncaughtExceptionHandler before;

        private FxErrors() {
            before = fx(() -> Thread.currentThread().getUncaughtExceptionHandler());
            fx(() -> {
                Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e));
                return null;
            });
        }

        /** What was thrown so far. */
        public List<Throwable> list() {
            return List.copyOf(errors);
        }

        @Override
        public void close() {
            fx(() -> {
                Thread.currentThread().setUncaughtExceptionHandler(before);
                return null;
            });
        }
    }

    /** Clicks the text field {@code query}, replaces its text with {@code text} and, if asked, presses Enter. */
    public static void typeInto(FxRobot robot, String query, String text, boolean enter) {
        robot.clickOn(query).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
        if (enter) {
            robot.type(KeyCode.ENTER);
        }
    }
}
