package org.classifierlab.app.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.Arrays;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.FxTestSupport;
import org.classifierlab.app.loss.LossExplorerLesson;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.linear.image.Split;
import org.classifierlab.core.linear.image.TemplateRanking;

/** What a student sees in the "Linear classifier on images" lesson, through the real window, on a small sample. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImageLinearUiTest {

    private static Dataset small;
    private AppContext context;
    private AppShell shell;
    private ImageLinearLesson lesson;
    private ImageLinearView view;
    private ImageLinearViewModel vm;
    private FxTestSupport.FxErrors errors;

    @Start
    void start(Stage stage) throws Exception {
        small = FxTestSupport.sampleSubset(1000, 100);
        errors = FxTestSupport.recordFxErrors();
        FxTestSupport.Studio studio = FxTestSupport.studio(stage, 1280, 800, Theme.LIGHT);
        context = studio.context();
        shell = studio.shell();
        shell.navigator().getSelectionModel().select(LessonKind.IMAGE_LINEAR);
        lesson = (ImageLinearLesson) shell.lessons().get(0);
        view = lesson.linearView();
        vm = lesson.viewModel();
        // The small set replaces the sample the lesson asked for (a new load cancels the running one).
        context.datasets().run("Loading the test subset", (p, c) -> small);
    }

    @BeforeEach
    void waitForData() {
        awaitFx(60, "the small set is prepared", () -> vm.dataProperty().get() != null
                && vm.datasetProperty().get() == small);
        fx(() -> {
            vm.batchSizeProperty().set(100);
            return null;
        });
    }

    @AfterEach
    void stopRecording() {
        fx(() -> {
            vm.stop();
            return null;
        });
        assertThat(errors.list()).isEmpty();
        errors.close();
    }

    private void trainBriefly(ImageLinearViewModel.Mode mode, int iterations) {
        fx(() -> {
            vm.modeProperty().set(mode);
            vm.iterationsProperty().set(iterations);
            vm.train();
            return null;
        });
        awaitFx(60, "training ends", () -> !vm.trainingProperty().get() && !vm.modelsProperty().get().byLoss().isEmpty());
    }

    private static int[] pixels(Image img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return px;
    }

    @Test
    void theTemplatesChangeOnScreenWhileTraining() {
        fx(() -> {
            vm.modeProperty().set(ImageLinearViewModel.Mode.BOTH);
            vm.iterationsProperty().set(100_000);
            vm.train();
            return null;
        });
        TemplateGrid svm = fx(() -> view.templates().grid(ImageLoss.SVM));
        awaitFx(30, "a live snapshot is drawn", () -> vm.trainingProperty().get() && svm.shownCount() == 10
                && view.templates().renders() > 0 && vm.liveProperty().get().snapshots().containsKey(ImageLoss.SVM));
        long rendersBefore = fx(() -> view.templates().renders());
        int[] before = fx(() -> pixels(svm.imageAt(3).getImage()));
        int iterationBefore = fx(() -> vm.liveProperty().get().snapshots().get(ImageLoss.SVM).iteration());
        awaitFx(30, "later snapshots are drawn", () -> view.templates().renders() >= rendersBefore + 3);
        int[] after = fx(() -> pixels(svm.imageAt(3).getImage()));
        assertThat(fx(() -> vm.liveProperty().get().snapshots().get(ImageLoss.SVM).iteration()))
                .isGreaterThan(iterationBefore);
        assertThat(after).hasSameSizeAs(before);
        assertThat(Arrays.equals(before, after)).as("the cat template's pixels moved on").isFalse();
        assertThat(fx(() -> view.templates().grid(ImageLoss.SOFTMAX).shownCount())).isEqualTo(10);
        assertThat(fx(() -> ((Label) view.lookup("#templatesSvmTitle")).getText())).contains("iteration");
        fx(() -> {
            vm.stop();
            return null;
        });
        awaitFx(30, "stopping keeps the model reached", () -> !vm.trainingProperty().get()
                && vm.modelsProperty().get().byLoss().size() == 2);
        int done = fx(() -> vm.modelsProperty().get().byLoss().get(ImageLoss.SVM).iterations());
        assertThat(done).isBetween(1, 99_999);
        assertThat(fx(() -> ((Label) view.lookup("#templatesSvmTitle")).getText()))
                .isEqualTo(String.format(java.util.Locale.ROOT, "SVM templates · %,d iterations", done));
    }

    @Test
    void clickingATemplateListsTheTrainingImagesCoreRanksHighestAndLowest(FxRobot robot) {
        trainBriefly(ImageLinearViewModel.Mode.SVM, 60);
        awaitFx(10, "the trained templates are drawn", () -> view.templates().grid(ImageLoss.SVM).shownCount() == 10
                && ((Label) view.lookup("#templatesSvmTitle")).getText().startsWith("SVM templates · 60"));
        Node cat = fx(() -> view.templates().grid(ImageLoss.SVM).cellAt(3));
        robot.clickOn(cat);
        awaitFx(30, "the ranking is shown", () -> view.ranking().shown() != null);
        LinearImageModel m = fx(() -> vm.modelsProperty().get().byLoss().get(ImageLoss.SVM).model());
        LinearImageData d = fx(() -> vm.dataProperty().get());
        Split s = d.train();
        int[] hi = TemplateRanking.highest(m, s, 3, RankingPanel.COUNT);
        int[] lo = TemplateRanking.lowest(m, s, 3, RankingPanel.COUNT);
        List<Node> high = fx(() -> List.copyOf(view.ranking().highestPane().getChildren()));
        List<Node> low = fx(() -> List.copyOf(view.ranking().lowestPane().getChildren()));
        assertThat(high).hasSize(8);
        assertThat(low).hasSize(8);
        for (int i = 0; i < 8; i++) {
            RankingPanel.Ranked h = (RankingPanel.Ranked) high.get(i).getUserData();
            RankingPanel.Ranked l = (RankingPanel.Ranked) low.get(i).getUserData();
            assertThat(h.trainIndex()).isEqualTo(s.sourceIndex()[hi[i]]);
            assertThat(l.trainIndex()).isEqualTo(s.sourceIndex()[lo[i]]);
            String label = fx(() -> ((Label) ((javafx.scene.layout.VBox) high.get(0)).getChildren().get(2)).getText());
            assertThat(i > 0 || label.equals(small.train().classNames().get(small.train().label(h.trainIndex()))))
                    .isTrue();
            assertThat(h.label()).isEqualTo(small.train().label(h.trainIndex()));
        }
        RankingPanel.Ranked first = (RankingPanel.Ranked) high.get(0).getUserData();
        RankingPanel.Ranked last = (RankingPanel.Ranked) low.get(7).getUserData();
        assertThat(first.score()).isGreaterThan(last.score());
        assertThat(fx(() -> cat.getPseudoClassStates().toString())).contains("selected");
    }

    @Test
    void exploreThisExampleOpensTheLossExplorerWithTheSameScoresAndCorrectClass(FxRobot robot) {
        trainBriefly(ImageLinearViewModel.Mode.SOFTMAX, 40);
        fx(() -> {
            view.tabs().getSelectionModel().select(view.scoresTab());
            context.testImageProperty().set(7);
            return null;
        });
        awaitFx(10, "test #7's scores are shown", () -> view.scores().scores(ImageLoss.SOFTMAX) != null
                && view.scores().testImageProperty().get() == 7);
        LinearImageModel m = fx(() -> vm.modelsProperty().get().byLoss().get(ImageLoss.SOFTMAX).model());
        double[] expected = m.scores(fx(() -> vm.dataProperty().get()).row(small.test(), 7));
        ImageScores shown = fx(() -> view.scores().scores(ImageLoss.SOFTMAX));
        assertThat(shown.scores()).containsExactly(expected);
        assertThat(shown.correct()).isEqualTo(small.test().label(7));
        robot.clickOn(fx(() -> view.scores().exploreButton(ImageLoss.SOFTMAX)));
        awaitFx(10, "the loss explorer is shown", () -> shell.lessons().get(0) instanceof LossExplorerLesson);
        LossExplorerLesson explorer = (LossExplorerLesson) fx(() -> shell.lessons().get(0));
        var example = fx(() -> explorer.viewModel().state().current());
        assertThat(example.scores()).containsExactly(expected);
        assertThat(example.correct()).isEqualTo(small.test().label(7));
        assertThat(example.classes()).isEqualTo(small.test().classNames());
        assertThat(fx(() -> explorer.viewModel().readoutProperty().get().crossEntropy()))
                .isCloseTo(shown.crossEntropy(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fx(() -> shell.navigator().getSelectionModel().getSelectedItem())).isEqualTo(LessonKind.LOSS_EXPLORER);
        fx(() -> {
            explorer.viewModel().undo();
            return null;
        });
        assertThat(fx(() -> explorer.viewModel().state().current().classes())).containsExactly("cat", "car", "frog");
    }

    @Test
    void editingAWeightChangesTheAlgebraicScoresOnScreen(FxRobot robot) {
        fx(() -> {
            view.tabs().getSelectionModel().select(view.algebraTab());
            return null;
        });
        awaitFx(5, "the slide's scores", () -> ((Label) view.lookup("#algebraScore-0")).getText().equals("−96.8"));
        assertThat(fx(() -> ((Label) view.lookup("#algebraScore-1")).getText())).isEqualTo("437.9");
        assertThat(fx(() -> ((Label) view.lookup("#algebraScore-2")).getText())).isEqualTo("60.75");
        assertThat(fx(() -> view.lookup("#algebraSlideNote").isVisible())).isTrue();
        FxTestSupport.typeInto(robot, "#w-0-0", "1.2", true);
        // 1.2·56 − 0.5·231 + 0.1·24 + 2·2 + 1.1 = 67.2 − 115.5 + 2.4 + 4 + 1.1 = −40.8
        awaitFx(5, "cat's score follows the new weight", () -> ((Label) view.lookup("#algebraScore-0")).getText()
                .equals("−40.8"));
        assertThat(fx(() -> ((Label) view.lookup("#algebraFormula-0")).getText()))
                .isEqualTo("cat score:  1.2·56 + (−0.5)·231 + 0.1·24 + 2.0·2 + 1.1 = −40.8");
        assertThat(fx(() -> ((Label) view.lookup("#algebraScore-1")).getText())).isEqualTo("437.9");
        assertThat(fx(() -> view.lookup("#algebraSlideNote").isVisible())).isFalse();
        robot.clickOn("#algebraBiasTrick");
        awaitFx(5, "the bias trick shows [W | b]·[x; 1]", () -> view.lookup("#x-one") != null);
        assertThat(fx(() -> ((Label) view.lookup("#algebraScore-0")).getText())).isEqualTo("−40.8");
        assertThat(fx(() -> ((Label) view.lookup("#algebraFormula-2")).getText()))
                .isEqualTo("ship score:  0.0·56 + 0.25·231 + 0.2·24 + (−0.3)·2 + (−1.2)·1 = 60.75");
        FxTestSupport.typeInto(robot, "#x-3", "300", true);
        awaitFx(5, "a pixel above 255 is refused", () -> ((Label) view.lookup("#algebraMessage")).getText()
                .equals("pixel 4: A pixel is 0 to 255."));
        assertThat(fx(() -> ((Label) view.lookup("#algebraScore-0")).getText())).isEqualTo("−40.8");
    }
}
