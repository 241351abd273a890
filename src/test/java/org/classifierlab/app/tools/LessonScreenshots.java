package org.classifierlab.app.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.classifierlab.app.render.ImageExport;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.theme.Theme;

/**
 * A developer tool, not a test: shows every lesson (and every tab of the tabbed ones) in a real window of the
 * given size and theme and saves what the scene shows as PNGs, for checking layouts by eye and for the README's
 * pictures. Run under a display (Xvfb works):
 * {@code java -cp … org.classifierlab.app.tools.LessonScreenshots OUTDIR 1280 800 PROJECTOR [LESSON…]}
 * ({@code -Dshot.delay=SECONDS} between steps, {@code -Dshot.svg} also writes each lesson's chart as SVG).
 */
public final class LessonScreenshots {

    private LessonScreenshots() {
    }

    public static void main(String[] args) {
        Application.launch(Shots.class, args);
    }

    /** The application that takes the pictures. */
    public static final class Shots extends Application {

    private final List<Runnable> steps = new ArrayList<>();
    private int next;

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        Path out = Path.of(args.get(0));
        Files.createDirectories(out);
        double w = Double.parseDouble(args.get(1));
        double h = Double.parseDouble(args.get(2));
        Theme theme = Theme.parse(args.get(3));
        List<LessonKind> kinds = new ArrayList<>();
        for (String a : args.subList(4, args.size())) {
            kinds.add(LessonKind.valueOf(a));
        }
        if (kinds.isEmpty()) {
            kinds.addAll(List.of(LessonKind.values()));
        }
        System.setProperty("classifierlab.prefs", "org/classifierlab/screenshots");
        AppContext context = new AppContext(new JobStatus());
        context.themeProperty().set(theme);
        AppShell shell = new AppShell(context);
        Scene scene = new Scene(shell.root(), w, h);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.setTitle("Classifier Lab screenshots");
        context.setWindow(stage);
        stage.show();
        String suffix = "-" + (int) w + "x" + (int) h + "-" + theme.name().toLowerCase(java.util.Locale.ROOT);
        for (LessonKind kind : kinds) {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            steps.add(() -> {
                shell.navigator().getSelectionModel().select(kind);
                // -Dshot.linearSteps=36: the README's picture, 36 steps of descent from the demo's state.
                int n = Integer.getInteger("shot.linearSteps", 0);
                if (kind == LessonKind.LINEAR_CLASSIFIER && n > 0) {
                    var vm = ((org.classifierlab.app.linear.LinearClassifierLesson) shell.activeLesson()).viewModel();
                    for (int i = 0; i < n; i++) {
                        vm.step();
                    }
                }
            });
            // Image lessons load the sample first: give them time.
            steps.add(() -> { });
            steps.add(() -> { });
            steps.add(() -> {
                save(scene, out.resolve(name + suffix + ".png"));
                var chart = shell.activeLesson().svgChart();
                if (chart != null && System.getProperty("shot.svg") != null) {
                    org.classifierlab.app.render.LessonPicture.writeSvg(chart, out.resolve(name + suffix + ".svg")).join();
                    System.out.println("saved " + name + suffix + ".svg");
                }
            });
            steps.add(() -> {
                List<Tab> tabs = tabs(shell.activeLesson().view());
                for (int i = 1; i < tabs.size(); i++) {
                    Tab tab = tabs.get(i);
                    String tabName = tab.getText().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
                    int at = next;
                    steps.add(at + 3 * (i - 1), () -> tab.getTabPane().getSelectionModel().select(tab));
                    steps.add(at + 3 * (i - 1) + 1, () -> { });
                    steps.add(at + 3 * (i - 1) + 2, () -> save(scene, out.resolve(name + "-" + tabName + suffix + ".png")));
                }
                if (!tabs.isEmpty()) {
                    steps.add(at(tabs.size()), () -> tabs.get(0).getTabPane().getSelectionModel().select(0));
                }
            });
        }
        steps.add(() -> Runtime.getRuntime().halt(0));
        tick();
    }

    private int at(int tabs) {
        return next + 3 * (tabs - 1);
    }

    private void tick() {
        PauseTransition p = new PauseTransition(Duration.seconds(Double.parseDouble(System.getProperty("shot.delay", "2.5"))));
        p.setOnFinished(e -> {
            if (next < steps.size()) {
                steps.get(next++).run();
                tick();
            }
        });
        p.play();
    }

    private static List<Tab> tabs(Node view) {
        List<Tab> all = new ArrayList<>();
        for (Node n : view.lookupAll(".tab-pane")) {
            if (n instanceof TabPane tp) {
                all.addAll(tp.getTabs());
                break;
            }
        }
        return all;
    }

    private static void save(Scene scene, Path file) {
        try {
            ImageExport.writePng(ImageExport.pixels(scene.snapshot(null)), file);
            System.out.println("saved " + file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    }
}
