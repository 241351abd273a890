package org.classifierlab.app.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetFormat;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.linear.image.ImageLoss;

/** The template grid adapts to the dataset: CIFAR-100's 100 classes in pages of 20, MNIST-shaped images in grey. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImageLinearShapesUiTest {

    private AppContext context;
    private ImageLinearLesson lesson;

    private static ImageDataset random(String name, int channels, int side, int n, int classes, long seed) {
        Random r = new Random(seed);
        byte[] px = new byte[n * channels * side * side];
        r.nextBytes(px);
        int[] labels = new int[n];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class" + c);
        }
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
        }
        return new ImageDataset(name, channels, side, side, px, labels, names, "random");
    }

    @Start
    void start(Stage stage) {
        System.setProperty("classifierlab.prefs", "org/classifierlab/test");
        context = new AppContext(new JobStatus());
        AppShell shell = new AppShell(context);
        Scene scene = new Scene(shell.root(), 1280, 800);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        shell.navigator().getSelectionModel().select(LessonKind.IMAGE_LINEAR);
        lesson = (ImageLinearLesson) shell.lessons().get(0);
    }

    private void useAndTrain(Dataset d) {
        fx(() -> {
            context.datasets().run("Loading " + d.name(), (p, c) -> d);
            return null;
        });
        ImageLinearViewModel vm = lesson.viewModel();
        awaitFx(60, "prepared", () -> vm.dataProperty().get() != null && vm.datasetProperty().get() == d);
        fx(() -> {
            vm.modeProperty().set(ImageLinearViewModel.Mode.SVM);
            vm.iterationsProperty().set(5);
            vm.batchSizeProperty().set(20);
            vm.train();
            return null;
        });
        awaitFx(60, "trained", () -> !vm.trainingProperty().get() && vm.modelsProperty().get().byLoss().size() == 1);
    }

    @Test
    void cifar100TemplatesArePagedTwentyAtATimeAndMnistTemplatesAreGrey() {
        Dataset cifar100 = new Dataset("CIFAR-100", random("train", 3, 32, 400, 100, 1),
                random("test", 3, 32, 100, 100, 2), DatasetFormat.CIFAR100_BINARY, "random images");
        useAndTrain(cifar100);
        TemplatesPanel panel = fx(() -> lesson.linearView().templates());
        TemplateGrid grid = fx(() -> panel.grid(ImageLoss.SVM));
        awaitFx(20, "the first page", () -> grid.shownCount() == 20
                && ((Label) panel.lookup("#templatesPage")).getText().equals("classes 1–20 of 100"));
        fx(() -> {
            panel.turnPage(1);
            return null;
        });
        awaitFx(20, "the second page", () -> ((Label) panel.lookup("#templatesPage")).getText()
                .equals("classes 21–40 of 100") && ((Label) grid.cellAt(0).getChildren().get(1)).getText().equals("class20"));
        assertThat(fx(() -> grid.shownCount())).isEqualTo(20);

        Dataset mnist = new Dataset("MNIST", random("train", 1, 28, 300, 10, 3), random("test", 1, 28, 50, 10, 4),
                DatasetFormat.IDX, "random grey images");
        useAndTrain(mnist);
        awaitFx(20, "ten grey 28 × 28 templates", () -> grid.shownCount() == 10 && grid.imageAt(0).getImage() != null
                && grid.imageAt(0).getImage().getWidth() % 28 == 0 && ((Label) panel.lookup("#templatesPage")).getText().isEmpty()
                && !panel.lookup("#templatesPage").getParent().isVisible());
        Image img = fx(() -> grid.imageAt(0).getImage());
        int w = (int) img.getWidth();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < w; x += 7) {
                int argb = img.getPixelReader().getArgb(x, y);
                assertThat(argb >> 16 & 0xFF).isEqualTo(argb & 0xFF).isEqualTo(argb >> 8 & 0xFF);
            }
        }
        assertThat(fx(() -> lesson.linearView().lookup("#channelRED").isDisabled())).isTrue();
    }
}
