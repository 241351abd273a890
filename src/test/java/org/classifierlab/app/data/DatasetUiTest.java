package org.classifierlab.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetException;

/** The dataset chooser: the bundled sample with its class gallery, errors, progress and Cancel. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DatasetUiTest {

    private AppContext context;
    private AppShell shell;

    @Start
    void start(Stage stage) {
        context = new AppContext(new JobStatus());
        shell = new AppShell(context);
        Scene scene = new Scene(shell.root(), 1100, 760);
        context.themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
        context.setWindow(stage);
    }

    private Dataset awaitDataset() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> fx(() -> context.datasets().current() != null && !context.datasets().busyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> context.datasets().current());
    }

    @Test
    void theChooserLoadsTheBundledSampleAndShowsTenImagesOfEachClass(FxRobot robot) throws Exception {
        fx(() -> {
            shell.showDatasets();
            return null;
        });
        Dataset d = awaitDataset();
        assertThat(d.train().size()).isEqualTo(5000);
        assertThat(d.test().size()).isEqualTo(500);
        Label summary = robot.lookup("#datasetSummary").queryAs(Label.class);
        assertThat(fx(summary::getText)).contains("5,000 training and 500 test images of 32×32 pixels").contains("10 classes");
        GridPane gallery = robot.lookup("#datasetGallery").queryAs(GridPane.class);
        HBox airplanes = fx(() -> (HBox) gallery.getChildren().get(1));
        assertThat(fx(() -> ((Label) gallery.getChildren().get(0)).getText())).isEqualTo("airplane");
        assertThat(fx(() -> airplanes.getChildren().size())).isEqualTo(DatasetView.PER_CLASS);
        // The first airplane thumbnail shows the first airplane of the training set, pixel for pixel.
        int first = 0;
        while (d.train().label(first) != 0) {
            first++;
        }
        int expected = d.train().argb(first)[0];
        ImageView thumb = fx(() -> (ImageView) airplanes.getChildren().get(0));
        assertThat(fx(() -> thumb.getImage().getPixelReader().getArgb(0, 0))).isEqualTo(expected);
    }

    @Test
    void aBadFileShowsItsProblemAndKeepsTheDatasetInUse(FxRobot robot) throws Exception {
        fx(() -> {
            context.datasets().useSample();
            return null;
        });
        Dataset before = awaitDataset();
        fx(() -> {
            context.datasets().run("Loading broken", (p, c) -> {
                throw new DatasetException("data_batch_3.bin", 52241, "record 17 has label 12; CIFAR-10 labels are 0-9");
            });
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertThat(fx(pane::getContentText)).contains("data_batch_3.bin").contains("record 17").contains("at byte 52241");
        fx(() -> {
            ((Stage) pane.getScene().getWindow()).close();
            return null;
        });
        assertThat(fx(() -> context.datasets().current())).isSameAs(before);
    }

    @Test
    void progressAndCancelGoThroughTheStatusBar(FxRobot robot) throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        fx(() -> {
            context.datasets().run("Loading slow", (p, cancelled) -> {
                p.update(50, 100, "Reading data_batch_1.bin");
                reported.countDown();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!cancelled.getAsBoolean() && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                throw new java.util.concurrent.CancellationException();
            });
            return null;
        });
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fx(() -> context.jobs().progressProperty().get() == 0.5));
        assertThat(fx(() -> context.jobs().textProperty().get())).isEqualTo("Loading slow: Reading data_batch_1.bin");
        Node cancel = robot.lookup("#cancelJob").query();
        assertThat(fx(cancel::isVisible)).isTrue();
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !context.datasets().busyProperty().get()));
        assertThat(fx(() -> context.datasets().current())).isNull();
        assertThat(fx(() -> context.jobs().textProperty().get())).isEqualTo("Ready");
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
