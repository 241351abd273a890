package org.classifierlab.app.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.classifierlab.app.knn.KnnPlaygroundLesson;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.playground.Distribution;
import org.classifierlab.core.playground.GeneratorSettings;
import org.classifierlab.core.playground.PlaygroundScene;
import org.classifierlab.core.playground.PointGenerator;

/**
 * {@code classifier-lab bench drag}: opens the real window, drags a point around the playground with
 * scripted mouse events for a number of seconds and reports how long the FX thread's pulses took
 * (the time between consecutive pulses, which bounds every pulse's duration) and how many fresh decision
 * maps reached the screen. Needs a display (a desktop or Xvfb).
 */
@Command(name = "drag", mixinStandardHelpOptions = true,
        description = "Scripted drag on the playground; prints FX pulse intervals (needs a display).")
public final class DragBenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "10", description = "How long to drag (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--points", defaultValue = "60", description = "Points in the scene (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "-k", defaultValue = "5", description = "K (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--width", defaultValue = "1600", description = "Window width (default ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--height", defaultValue = "1000", description = "Window height (default ${DEFAULT-VALUE}).")
    double height;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seconds <= 0 || seconds > 600 || points < 2 || points > 5000 || k < 1 || k > points) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "need 0 < --seconds ≤ 600, 2 ≤ --points ≤ 5000 and 1 ≤ -k ≤ --points");
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<String> report = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.startup(() -> {
            try {
                start(report, finished);
            } catch (Throwable t) {
                failure.set(t);
                finished.countDown();
            }
        });
        boolean done = finished.await((long) (seconds + 120), TimeUnit.SECONDS);
        Platform.exit();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get().toString(), failure.get());
        }
        if (!done) {
            spec.commandLine().getErr().println("bench drag: the window did not finish in time");
            return 1;
        }
        out.println(report.get());
        return 0;
    }

    private void start(AtomicReference<String> report, CountDownLatch finished) {
        AppContext context = new AppContext(new JobStatus());
        AppShell shell = new AppShell(context);
        Scene scene = new Scene(shell.root(), width, height);
        Theme.LIGHT.applyTo(scene);
        Stage stage = new Stage();
        stage.setTitle("Classifier Lab: drag benchmark");
        stage.setScene(scene);
        stage.show();
        KnnPlaygroundLesson lesson = (KnnPlaygroundLesson) shell.lessons().get(0);
        lesson.viewModel().load(PlaygroundScene.of(PointGenerator.generate(
                new GeneratorSettings(Distribution.GAUSSIAN_CLUSTERS, 4, points, 0.3, 1))));
        lesson.viewModel().kProperty().set(k);
        lesson.viewModel().probeEnabledProperty().set(false);
        Node canvas = shell.root().lookup("#playgroundCanvas");
        int[] mapsAtStart = new int[1];
        int[] maps = new int[1];
        lesson.mapsPublishedProperty().addListener((o, a, b) -> maps[0]++);

        long durationNanos = (long) (seconds * 1e9);
        double[] intervals = new double[(int) (seconds * 1000) + 1000];
        double[] handlerMs = new double[intervals.length];
        double[] pulseWorkMs = new double[intervals.length];
        long[] pulseStart = {-1};
        int[] pulses = {0};
        // FX-thread work of a pulse: from the first animation timer to the end of layout (CSS, layout,
        // our handlers). What follows (syncing with the render thread) is part of the interval figure.
        scene.addPostLayoutPulseListener(() -> {
            if (pulseStart[0] > 0 && pulses[0] < pulseWorkMs.length) {
                pulseWorkMs[pulses[0]++] = (System.nanoTime() - pulseStart[0]) / 1e6;
            }
            pulseStart[0] = -1;
        });
        new AnimationTimer() {
            private long startedAt = -1;
            private long last;
            private int n;
            private int warmupFrames = 30;

            @Override
            public void handle(long now) {
                if (startedAt >= 0) {
                    pulseStart[0] = System.nanoTime();
                }
                if (warmupFrames-- > 0) {
                    return;
                }
                if (startedAt < 0) {
                    startedAt = now;
                    last = now;
                    mapsAtStart[0] = maps[0];
                    Point2D p = pointOnScreenPath(lesson, 0);
                    fire(canvas, MouseEvent.MOUSE_PRESSED, lesson.viewModel().scene().points().get(0), lesson);
                    lesson.viewModel().dragTo(0, p.getX(), p.getY());
                    return;
                }
                if (n < intervals.length) {
                    intervals[n] = (now - last) / 1e6;
                }
                last = now;
                double t = (now - startedAt) / 1e9;
                long h0 = System.nanoTime();
                Point2D w = pointOnScreenPath(lesson, t);
                fireDrag(canvas, w, lesson);
                if (n < handlerMs.length) {
                    handlerMs[n] = (System.nanoTime() - h0) / 1e6;
                }
                n++;
                if (now - startedAt >= durationNanos) {
                    stop();
                    fireRelease(canvas, w, lesson);
                    report.set(summary(Arrays.copyOf(intervals, Math.min(n, intervals.length)),
                            Arrays.copyOf(handlerMs, Math.min(n, handlerMs.length)),
                            Arrays.copyOf(pulseWorkMs, pulses[0]), maps[0] - mapsAtStart[0], stage));
                    stage.close();
                    finished.countDown();
                }
            }
        }.start();
    }

    /** A Lissajous path through most of the canvas, in world coordinates. */
    private static Point2D pointOnScreenPath(KnnPlaygroundLesson lesson, double t) {
        return new Point2D(0.85 * Math.sin(2 * Math.PI * t / 3.1), 0.85 * Math.sin(2 * Math.PI * t / 2.3 + 0.7));
    }

    private static void fire(Node canvas, javafx.event.EventType<MouseEvent> type,
            org.classifierlab.core.playground.PlaygroundPoint p, KnnPlaygroundLesson lesson) {
        fireAt(canvas, type, lesson.worldToScene(p.x(), p.y()));
    }

    private static void fireDrag(Node canvas, Point2D world, KnnPlaygroundLesson lesson) {
        fireAt(canvas, MouseEvent.MOUSE_DRAGGED, lesson.worldToScene(world.getX(), world.getY()));
    }

    private static void fireRelease(Node canvas, Point2D world, KnnPlaygroundLesson lesson) {
        fireAt(canvas, MouseEvent.MOUSE_RELEASED, lesson.worldToScene(world.getX(), world.getY()));
    }

    private static void fireAt(Node canvas, javafx.event.EventType<MouseEvent> type, Point2D scene) {
        Point2D screen = canvas.getScene().getRoot().localToScreen(scene);
        MouseEvent e = new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false, false, false, null);
        canvas.fireEvent(e);
    }

    private static String summary(double[] intervals, double[] handler, double[] work, int maps, Stage stage) {
        double[] w = work.clone();
        Arrays.sort(w);
        double[] sorted = intervals.clone();
        Arrays.sort(sorted);
        double[] h = handler.clone();
        Arrays.sort(h);
        int n = sorted.length;
        long over50 = Arrays.stream(intervals).filter(v -> v > 50).count();
        return String.format(Locale.ROOT,
                "Scripted drag on a %.0f x %.0f window (render scale %.1f), %s pipeline%n"
                        + "pulses: %d, interval median %.1f ms, p99 %.1f ms, max %.1f ms, over 50 ms: %d%n"
                        + "FX-thread work per pulse (timers, CSS, layout): median %.2f ms, p99 %.2f ms, max %.2f ms%n"
                        + "drag handler on the FX thread: median %.2f ms, max %.2f ms%n"
                        + "fresh decision maps shown during the drag: %d",
                stage.getWidth(), stage.getHeight(), stage.getRenderScaleX(),
                System.getProperty("prism.order", "default"),
                n, sorted[n / 2], sorted[Math.min(n - 1, (int) (n * 0.99))], sorted[n - 1], over50,
                w[w.length / 2], w[Math.min(w.length - 1, (int) (w.length * 0.99))], w[w.length - 1],
                h[h.length / 2], h[h.length - 1], maps);
    }
}
