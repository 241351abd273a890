package org.classifierlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.FxTestSupport;
import org.classifierlab.app.gallery.ImageNeighboursLesson;
import org.classifierlab.app.gallery.ImageNeighboursViewModel;
import org.classifierlab.app.gallery.Query;
import org.classifierlab.app.knn.KnnPlaygroundLesson;
import org.classifierlab.app.linear.LinearClassifierLesson;
import org.classifierlab.app.loss.LossExplorerLesson;
import org.classifierlab.app.templates.ImageLinearLesson;
import org.classifierlab.app.templates.ImageLinearViewModel;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.scene.LessonState;

/**
 * Every lesson's scene through the real window: the user changes the lesson, saves the scene, changes it again, opens
 * the file, and gets the saved state back (the view model's state, and for the image lessons what is on screen: the
 * query's neighbours and the trained templates' pixels).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SceneRoundTripUiTest {

    private static Dataset small;
    private AppContext context;
    private AppShell shell;
    private FxTestSupport.FxErrors errors;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        small = FxTestSupport.sampleSubset(1000, 100);
        errors = FxTestSupport.recordFxErrors();
        FxTestSupport.Studio studio = FxTestSupport.studio(stage, 1280, 800, Theme.LIGHT);
        context = studio.context();
        shell = studio.shell();
    }

    @AfterEach
    void noErrors() {
        assertThat(errors.list()).isEmpty();
        errors.close();
    }

    private Lesson show(LessonKind kind) {
        fx(() -> {
            shell.navigator().getSelectionModel().select(kind);
            return null;
        });
        return fx(() -> shell.activeLesson());
    }

    private void useSmallSet() {
        fx(() -> {
            context.datasets().run("Loading the test subset", (p, c) -> small);
            return null;
        });
        awaitFx(60, "the small set is in use", () -> context.datasets().current() == small
                && !context.datasets().busyProperty().get());
    }

    private Path save(String name) throws Exception {
        Path file = dir.resolve(name);
        fx(() -> shell.scenes().save(file)).get(20, TimeUnit.SECONDS);
        assertThat(file).exists();
        return file;
    }

    private void open(Path file) throws Exception {
        fx(() -> shell.scenes().open(file)).get(20, TimeUnit.SECONDS);
    }

    @Test
    void thePlaygroundComesBackWithItsPointsKMetricAndTieRule() throws Exception {
        KnnPlaygroundLesson lesson = (KnnPlaygroundLesson) show(LessonKind.KNN_PLAYGROUND);
        fx(() -> {
            lesson.viewModel().seedProperty().set(42);
            lesson.viewModel().kProperty().set(7);
            lesson.viewModel().metricProperty().set(Metric.L1);
            lesson.viewModel().tieRuleProperty().set(TieRule.values()[TieRule.values().length - 1]);
            return null;
        });
        LessonState saved = fx(lesson::sceneState);
        Path file = save("playground.json");
        fx(() -> {
            lesson.viewModel().seedProperty().set(7);
            lesson.viewModel().kProperty().set(1);
            lesson.viewModel().metricProperty().set(Metric.L2);
            return null;
        });
        assertThat(fx(lesson::sceneState)).isNotEqualTo(saved);
        open(file);
        KnnPlaygroundLesson after = (KnnPlaygroundLesson) fx(() -> shell.activeLesson());
        assertThat(fx(after::sceneState)).isEqualTo(saved);
        assertThat(fx(() -> after.viewModel().kProperty().get())).isEqualTo(7);
    }

    @Test
    void theLinearClassifierComesBackWithItsWeightsAfterGradientSteps() throws Exception {
        LinearClassifierLesson lesson = (LinearClassifierLesson) show(LessonKind.LINEAR_CLASSIFIER);
        fx(() -> {
            lesson.viewModel().cycleFormulation();
            for (int i = 0; i < 5; i++) {
                lesson.viewModel().step();
            }
            return null;
        });
        LessonState saved = fx(lesson::sceneState);
        double loss = fx(() -> lesson.viewModel().evaluation().totalLoss());
        Path file = save("linear.json");
        fx(() -> {
            lesson.viewModel().randomise();
            return null;
        });
        assertThat(fx(lesson::sceneState)).isNotEqualTo(saved);
        open(file);
        LinearClassifierLesson after = (LinearClassifierLesson) fx(() -> shell.activeLesson());
        assertThat(fx(after::sceneState)).isEqualTo(saved);
        assertThat(fx(() -> after.viewModel().evaluation().totalLoss())).isEqualTo(loss);
    }

    @Test
    void aScoreTypedButNotYetCommittedIsInTheSavedScene(FxRobot robot) throws Exception {
        LossExplorerLesson lesson = (LossExplorerLesson) show(LessonKind.LOSS_EXPLORER);
        WaitForFocus.on(robot, "#scoreField");
        FxTestSupport.typeInto(robot, "#scoreField", "4.25", false);
        // The user clicks somewhere that does not take the focus and saves: the typed score must be in the file.
        robot.clickOn("#hingeValue");
        Path file = save("loss.json");
        String json = Files.readString(file);
        assertThat(json).contains("4.25");
        double typed = fx(() -> lesson.viewModel().state().current().score(
                lesson.viewModel().selectedBarProperty().get()));
        assertThat(typed).isEqualTo(4.25);
        LessonState saved = fx(lesson::sceneState);
        fx(() -> {
            lesson.viewModel().resetExamples();
            return null;
        });
        open(file);
        assertThat(fx(() -> ((LossExplorerLesson) shell.activeLesson()).sceneState())).isEqualTo(saved);
        assertThat(fx(() -> ((TextField) shell.root().lookup("#scoreField")).getText())).isEqualTo("4.25");
    }

    @Test
    void aScoreStillBeingTypedWhenTheSceneIsSavedIsInTheFile(FxRobot robot) throws Exception {
        LossExplorerLesson lesson = (LossExplorerLesson) show(LessonKind.LOSS_EXPLORER);
        WaitForFocus.on(robot, "#scoreField");
        FxTestSupport.typeInto(robot, "#scoreField", "-2.75", false);
        assertThat(fx(() -> shell.root().getScene().getFocusOwner().getId())).isEqualTo("scoreField");
        Path file = save("typing.json");
        assertThat(Files.readString(file)).contains("-2.75");
        assertThat(fx(() -> lesson.viewModel().state().current().score(
                lesson.viewModel().selectedBarProperty().get()))).isEqualTo(-2.75);
        assertThat(fx(() -> shell.root().getScene().getFocusOwner().getId())).as("the focus stays where it was")
                .isEqualTo("scoreField");
    }

    @Test
    void theGalleryComesBackWithItsQueryAndNeighbours() throws Exception {
        ImageNeighboursLesson lesson = (ImageNeighboursLesson) show(LessonKind.IMAGE_NEIGHBOURS);
        useSmallSet();
        ImageNeighboursViewModel vm = lesson.viewModel();
        fx(() -> {
            vm.kProperty().set(7);
            vm.showLinfProperty().set(true);
            vm.goTest(42);
            return null;
        });
        awaitFx(30, "the neighbours of test image 42 are found", () -> vm.resultProperty().get() != null
                && vm.resultProperty().get().query().index() == 42);
        LessonState saved = fx(lesson::sceneState);
        Map<Metric, int[]> neighbours = fx(() -> indices(vm.resultProperty().get()));
        Path file = save("gallery.json");
        fx(() -> {
            vm.kProperty().set(1);
            vm.showLinfProperty().set(false);
            vm.goTrain(3);
            return null;
        });
        awaitFx(30, "the training image is the query", () -> vm.resultProperty().get() != null
                && vm.resultProperty().get().query().source() == Query.Source.TRAIN);
        open(file);
        awaitFx(30, "test image 42 is the query again", () -> vm.resultProperty().get() != null
                && vm.resultProperty().get().query().source() == Query.Source.TEST
                && vm.resultProperty().get().query().index() == 42);
        assertThat(fx(lesson::sceneState)).isEqualTo(saved);
        assertThat(fx(() -> vm.kProperty().get())).isEqualTo(7);
        assertThat(fx(() -> vm.resultProperty().get().tables().keySet())).contains(Metric.LINF);
        Map<Metric, int[]> again = fx(() -> indices(vm.resultProperty().get()));
        assertThat(again.keySet()).isEqualTo(neighbours.keySet());
        neighbours.forEach((m, idx) -> assertThat(again.get(m)).as(m.name()).containsExactly(idx));
        assertThat(context.testImageProperty().get()).isEqualTo(42);
    }

    private static Map<Metric, int[]> indices(ImageNeighboursViewModel.Result r) {
        Map<Metric, int[]> out = new java.util.EnumMap<>(Metric.class);
        r.tables().forEach((m, t) -> {
            int[] idx = new int[t.k()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = t.index(0, i);
            }
            out.put(m, idx);
        });
        return out;
    }

    @Test
    void theImageClassifierComesBackWithItsTrainedWeightsAndTemplates() throws Exception {
        ImageLinearLesson lesson = (ImageLinearLesson) show(LessonKind.IMAGE_LINEAR);
        useSmallSet();
        ImageLinearViewModel vm = lesson.viewModel();
        awaitFx(60, "the small set is prepared", () -> vm.dataProperty().get() != null
                && vm.datasetProperty().get() == small && !vm.preparingProperty().get());
        train(vm, 3);
        LinearImageModel trained = fx(() -> vm.modelsProperty().get().byLoss().get(ImageLoss.SVM).model());
        int[] template = fx(() -> catTemplate());
        LessonState saved = fx(lesson::sceneState);
        Path file = save("templates.json");
        train(vm, 99);
        assertThat(fx(() -> vm.modelsProperty().get().byLoss().get(ImageLoss.SVM).model().weights()))
                .isNotEqualTo(trained.weights());
        open(file);
        awaitFx(30, "the saved W is back", () -> java.util.Arrays.equals(
                vm.modelsProperty().get().byLoss().get(ImageLoss.SVM).model().weights(), trained.weights()));
        assertThat(fx(lesson::sceneState)).isEqualTo(saved);
        awaitFx(30, "the cat template shows the saved W", () -> java.util.Arrays.equals(template,
                catTemplate()));
    }

    private static void train(ImageLinearViewModel vm, long seed) {
        fx(() -> {
            vm.modeProperty().set(ImageLinearViewModel.Mode.SVM);
            vm.batchSizeProperty().set(100);
            vm.iterationsProperty().set(50);
            vm.seedProperty().set(seed);
            vm.train();
            return null;
        });
        awaitFx(60, "training ends", () -> !vm.trainingProperty().get() && vm.modelsProperty().get() != null
                && vm.modelsProperty().get().byLoss().containsKey(ImageLoss.SVM)
                && vm.modelsProperty().get().byLoss().get(ImageLoss.SVM).iterations() == 50
                && vm.seedProperty().get() == seed);
    }

    /** The pixels of the SVM's cat template (class 3) as drawn. */
    private int[] catTemplate() {
        javafx.scene.Node cell = shell.root().lookup("#templatesSvm-3");
        javafx.scene.image.ImageView view = (javafx.scene.image.ImageView) ((javafx.scene.layout.Pane) cell)
                .getChildren().get(0);
        return pixels(view.getImage());
    }

    private static int[] pixels(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return px;
    }

    /** Waits until a node is on screen. */
    private static final class WaitForFocus {
        static void on(FxRobot robot, String query) {
            awaitFx(10, query + " is shown", () -> robot.lookup(query).tryQuery().isPresent());
        }
    }
}
