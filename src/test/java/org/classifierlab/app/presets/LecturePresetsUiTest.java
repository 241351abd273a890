package org.classifierlab.app.presets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.FxTestSupport;
import org.classifierlab.app.gallery.ImageNeighboursLesson;
import org.classifierlab.app.knn.KnnPlaygroundLesson;
import org.classifierlab.app.linear.LinearClassifierLesson;
import org.classifierlab.app.loss.LossExplorerLesson;
import org.classifierlab.app.loss.LossExplorerViewModel;
import org.classifierlab.app.loss.LossPreset;
import org.classifierlab.app.render.PlaneCanvas;
import org.classifierlab.app.render.RegionPalette;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.Lesson;
import org.classifierlab.app.templates.ImageLinearLesson;
import org.classifierlab.app.templates.ImageLinearViewModel;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.DatasetLoader;
import org.classifierlab.core.knn.KnnResult;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.scene.ImageLinearState;
import org.classifierlab.core.scene.KnnPlaygroundState;
import org.classifierlab.core.scene.LecturePresets;
import org.classifierlab.core.scene.Linear2dState;
import org.classifierlab.core.scene.SceneDocument;
import org.classifierlab.core.scene.SceneFile;
import org.classifierlab.core.scene.SceneLesson;
import org.classifierlab.core.scene.ScenePoint;

/**
 * The lecture presets shipped in {@code assets/presets/}: they are exactly what {@link PresetGenerator} makes from the
 * lessons' own states (run with {@code -Dclassifierlab.writePresets=true} to write them again), the index lists every
 * file, and every preset opened through the real app (File ▸ Lecture presets) shows what its note promises — checked
 * on the pixels and numbers the lessons show, not only that it parses.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LecturePresetsUiTest {

    static final Path DIR = Path.of("assets", "presets");

    private AppContext context;
    private AppShell shell;
    private FxTestSupport.FxErrors errors;

    @Start
    void start(Stage stage) {
        errors = FxTestSupport.recordFxErrors();
        FxTestSupport.Studio studio = FxTestSupport.studio(stage, 1280, 800, Theme.LIGHT);
        context = studio.context();
        shell = studio.shell();
    }

    @AfterEach
    void noErrors() {
        List<Throwable> list = errors.list();
        errors.close();
        fx(() -> {
            shell.dispose();
            return null;
        });
        assertThat(list).isEmpty();
    }

    private static LecturePresets index() throws Exception {
        return LecturePresets.bundled();
    }

    @Test
    @Order(1)
    void thePresetsOnDiskAreWhatTheGeneratorMakesFromTheLessons() throws Exception {
        PresetGenerator gen = new PresetGenerator(shell, context);
        Map<String, SceneDocument> made = gen.untrained();
        boolean write = Boolean.getBoolean("classifierlab.writePresets");
        if (write) {
            Files.createDirectories(DIR);
            for (var e : made.entrySet()) {
                SceneFile.write(DIR.resolve(e.getKey()), e.getValue());
            }
            SceneFile.write(DIR.resolve(PresetGenerator.TRAINED), gen.trained());
        }
        List<String> stale = new ArrayList<>();
        for (var e : made.entrySet()) {
            Path f = DIR.resolve(e.getKey());
            if (!Files.exists(f) || !new String(Files.readAllBytes(f), StandardCharsets.UTF_8)
                    .equals(new String(SceneFile.toBytes(e.getValue()), StandardCharsets.UTF_8))) {
                stale.add(e.getKey());
            }
        }
        assertThat(stale).as("presets that differ from what the lessons make now; run the generator: mvn test "
                + "-Dtest=LecturePresetsUiTest -Dclassifierlab.writePresets=true").isEmpty();
        // The trained preset: the notebooks' settings, both losses with 10 templates of 3,072 pixels and the bias.
        SceneDocument t = SceneFile.read(DIR.resolve(PresetGenerator.TRAINED));
        ImageLinearState s = (ImageLinearState) t.lessons().get(SceneLesson.IMAGE_LINEAR);
        assertThat(s.mode()).isEqualTo("BOTH");
        assertThat(s.learningRate()).isEqualTo(1e-7);
        assertThat(s.reg()).isEqualTo(2.5e4);
        assertThat(s.iterations()).isEqualTo(1500);
        assertThat(s.trained()).extracting(ImageLinearState.Trained::loss)
                .containsExactlyInAnyOrder(ImageLoss.SVM, ImageLoss.SOFTMAX);
        for (ImageLinearState.Trained m : s.trained()) {
            assertThat(m.classCount()).isEqualTo(10);
            assertThat(m.dim()).isEqualTo(3073);
            assertThat(m.lossHistory()).hasSize(1500);
            assertThat(m.validationAccuracy()).isGreaterThan(0.2);
        }
        // The index lists every preset in the folder, once, and each one reads, with its one-line note.
        Set<String> files;
        try (var list = Files.list(DIR)) {
            files = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals(LecturePresets.INDEX))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = new TreeSet<>(made.keySet());
        expected.add(PresetGenerator.TRAINED);
        assertThat(files).isEqualTo(expected);
        LecturePresets index = index();
        assertThat(index.presets()).extracting(LecturePresets.Preset::file).containsExactlyInAnyOrderElementsOf(files);
        for (LecturePresets.Preset p : index.presets()) {
            SceneDocument d = LecturePresets.open(p);
            assertThat(d.note()).as(p.file()).isNotBlank();
            assertThat(d.theme()).as(p.file() + " leaves the theme to the user").isNull();
        }
        // Every preset is in the tour.
        assertThat(index.steps()).extracting(st -> st.preset().file()).containsAll(files);
    }

    /** Opens {@code file} as File ▸ Lecture presets does; returns the primary pane's lesson. */
    private Lesson open(String file) throws Exception {
        LecturePresets.Preset p = index().preset(file);
        assertThat(p).as(file + " is in the index").isNotNull();
        SceneDocument d = fx(() -> shell.scenes().openPreset(p)).get(30, TimeUnit.SECONDS);
        // The status bar said the preset's note (a decision map's timing may have replaced it since).
        assertThat(fx(() -> shell.scenes().lastMessage())).contains(d.note());
        return fx(() -> shell.lessons().get(0));
    }

    private PlaneCanvas canvas(Lesson l, String id) {
        return fx(() -> (PlaneCanvas) l.view().lookup("#" + id));
    }

    private static int regionColour(PlaneCanvas c, int label) {
        return fx(() -> RegionPalette.of(c.style(), false, false).colour(label, 1f));
    }

    @Test
    @Order(2)
    void theOutlierHasItsIslandAtKOneAndLosesItAtKFive() throws Exception {
        Lesson k1 = open("outlier-island-k1.json");
        PlaneCanvas c = canvas(k1, "playgroundCanvas");
        int blue = regionColour(c, 1);
        int orange = regionColour(c, 0);
        double x = PresetGenerator.OUTLIER[0];
        double y = PresetGenerator.OUTLIER[1];
        awaitFx(20, "the map shows the outlier's island at K = 1",
                () -> FxTestSupport.regionPixel(c, x, y) == blue);
        // Around the island, still inside the cluster, the map is orange.
        assertThat(FxTestSupport.regionPixel(c, x, y + 0.3)).isEqualTo(orange);
        Lesson k5 = open("outlier-island-k5.json");
        assertThat(k5).isSameAs(k1);
        assertThat(fx(() -> ((KnnPlaygroundLesson) k5).viewModel().kProperty().get())).isEqualTo(5);
        awaitFx(20, "at K = 5 the outlier's pixel is orange", () -> FxTestSupport.regionPixel(c, x, y) == orange);
    }

    /** How many pixels of {@code c}'s region image are {@code argb}. */
    private static int count(PlaneCanvas c, int argb) {
        return fx(() -> {
            Image img = c.regionsView().getImage();
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] px = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
            int n = 0;
            for (int v : px) {
                n += v == argb ? 1 : 0;
            }
            return n;
        });
    }

    @Test
    @Order(3)
    void evenKShowsTiedRegionsInWhite() throws Exception {
        KnnPlaygroundLesson l = (KnnPlaygroundLesson) open("tie-regions-even-k.json");
        PlaneCanvas c = canvas(l, "playgroundCanvas");
        int white = fx(() -> org.classifierlab.app.render.CanvasStyle.argb(c.style().undecided()));
        assertThat(white).isEqualTo(0xFFFFFFFF);
        assertThat(fx(() -> l.viewModel().kProperty().get())).isEqualTo(4);
        int pixels = fx(() -> c.deviceWidth() * c.deviceHeight());
        awaitFx(20, "at least 1% of the map is white (tied votes)", () -> count(c, white) > pixels / 100);
        fx(() -> {
            l.viewModel().tieRuleProperty().set(TieRule.SMALLEST_CLASS);
            return null;
        });
        awaitFx(20, "no white once ties go to the smallest class", () -> count(c, white) == 0);
    }

    @Test
    @Order(4)
    void l1AndL2ShowTheSamePointsSideBySideWithDifferentBoundaries() throws Exception {
        open("l1-vs-l2.json");
        List<Lesson> two = fx(() -> shell.lessons());
        assertThat(two).hasSize(2);
        KnnPlaygroundLesson left = (KnnPlaygroundLesson) two.get(0);
        KnnPlaygroundLesson right = (KnnPlaygroundLesson) two.get(1);
        KnnPlaygroundState a = fx(() -> left.viewModel().sceneState());
        KnnPlaygroundState b = fx(() -> right.viewModel().sceneState());
        assertThat(a.points()).isEqualTo(b.points());
        assertThat(a.metric()).isEqualTo(Metric.L1);
        assertThat(b.metric()).isEqualTo(Metric.L2);
        PlaneCanvas cl = canvas(left, "playgroundCanvas");
        PlaneCanvas cr = canvas(right, "playgroundCanvas");
        awaitFx(20, "the two maps differ on at least 2% of a grid of world points", () -> {
            if (cl.regionsView().getImage() == null || cr.regionsView().getImage() == null) {
                return false;
            }
            int diff = 0;
            for (int j = 0; j < 50; j++) {
                for (int i = 0; i < 50; i++) {
                    double x = -0.98 + i * 0.04;
                    double y = -0.98 + j * 0.04;
                    diff += FxTestSupport.regionPixel(cl, x, y) != FxTestSupport.regionPixel(cr, x, y) ? 1 : 0;
                }
            }
            return diff >= 50;
        });
    }

    private String label(Lesson l, String id) {
        return fx(() -> ((Label) l.view().lookup("#" + id)).getText());
    }

    @Test
    @Order(5)
    void kOneIsPerfectOnTrainingDataButNotOnHeldOutPoints() throws Exception {
        Lesson l = open("k1-training-vs-held-out.json");
        awaitFx(20, "accuracies are shown", () -> label(l, "testAccuracy").endsWith("points)"));
        assertThat(label(l, "trainingAccuracy")).isEqualTo("100.0%");
        assertThat(label(l, "testAccuracy")).endsWith("(60 points)");
        double test = Double.parseDouble(label(l, "testAccuracy").replaceAll("%.*", "").strip());
        assertThat(test).isLessThan(97.0).isGreaterThan(50.0);
    }

    @Test
    @Order(6)
    void theLinearDemoAndTheXorSet() throws Exception {
        LinearClassifierLesson demo = (LinearClassifierLesson) open("linear-demo-default.json");
        Linear2dState s = fx(() -> demo.viewModel().sceneState());
        assertThat(s.weights()).isEqualTo(new double[][] {{1, 2}, {2, -4}, {3, -1}});
        assertThat(s.biases()).containsExactly(0, 0.5, -0.5);
        assertThat(s.points()).hasSize(9);
        assertThat(s.lambda()).isEqualTo(0.1);

        LinearClassifierLesson xor = (LinearClassifierLesson) open("not-linearly-separable.json");
        fx(() -> {
            for (int i = 0; i < 500; i++) {
                xor.viewModel().step();
            }
            return null;
        });
        Linear2dState t = fx(() -> xor.viewModel().sceneState());
        int right = 0;
        for (ScenePoint p : t.points()) {
            double[][] w = t.weights();
            double s0 = w[0][0] * p.x() + w[0][1] * p.y() + t.biases()[0];
            double s1 = w[1][0] * p.x() + w[1][1] * p.y() + t.biases()[1];
            right += (s1 > s0 ? 1 : 0) == p.label() ? 1 : 0;
        }
        assertThat(t.points()).hasSize(16);
        assertThat(right).as("after 500 steps of descent some XOR points are still wrong").isLessThanOrEqualTo(13);
    }

    @Test
    @Order(7)
    void everyLossQuestionOpensWithItsScores() throws Exception {
        for (LossPreset p : LossPreset.values()) {
            LossExplorerLesson l = (LossExplorerLesson) open(PresetGenerator.lossFile(p));
            LossExplorerViewModel expected = fx(() -> {
                LossExplorerViewModel vm = new LossExplorerViewModel();
                vm.applyPreset(p);
                return vm;
            });
            assertThat(fx(() -> l.viewModel().state())).as(p.name()).isEqualTo(fx(expected::state));
            assertThat(fx(() -> l.viewModel().readoutProperty().get().hinge().loss()))
                    .isEqualTo(fx(() -> expected.readoutProperty().get().hinge().loss()));
        }
    }

    @Test
    @Order(8)
    void theGalleryQueryGetsDifferentAnswersUnderL1AndL2() throws Exception {
        PresetGenerator.Disagreement d = PresetGenerator.disagreement(DatasetLoader.loadSample());
        ImageNeighboursLesson l = (ImageNeighboursLesson) open("l1-l2-disagree.json");
        awaitFx(60, "the query's neighbours are searched", () -> l.viewModel().queryProperty().get() != null
                && l.viewModel().queryProperty().get().index() == d.query() && l.viewModel().vote(Metric.L1) != null
                && l.viewModel().vote(Metric.L2) != null);
        KnnResult l1 = fx(() -> l.viewModel().vote(Metric.L1));
        KnnResult l2 = fx(() -> l.viewModel().vote(Metric.L2));
        assertThat(l1.predicted()).isEqualTo(d.l1Label());
        assertThat(l2.predicted()).isEqualTo(d.l2Label());
        assertThat(l1.predicted()).isNotEqualTo(l2.predicted());

        ImageNeighboursLesson same = (ImageNeighboursLesson) open("same-l2-distance.json");
        TabPane tabs = fx(() -> (TabPane) same.view().lookup(".tab-pane"));
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("tabSameDistance");
    }

    @Test
    @Order(9)
    void theTemplatesArriveTrained() throws Exception {
        ImageLinearLesson l = (ImageLinearLesson) open(PresetGenerator.TRAINED);
        ImageLinearViewModel vm = l.viewModel();
        awaitFx(120, "both trained models are in use", () -> vm.modelsProperty().get() != null
                && vm.modelsProperty().get().byLoss().size() == 2);
        ImageLinearViewModel.Models m = fx(() -> vm.modelsProperty().get());
        assertThat(m.byLoss().get(ImageLoss.SVM).model().classCount()).isEqualTo(10);
        assertThat(m.byLoss().get(ImageLoss.SVM).validationAccuracy()).isGreaterThan(0.2);
        assertThat(fx(() -> vm.trainingProperty().get())).isFalse();
        TabPane tabs = fx(() -> (TabPane) l.view().lookup(".tab-pane"));
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("tabTemplates");
    }
}
