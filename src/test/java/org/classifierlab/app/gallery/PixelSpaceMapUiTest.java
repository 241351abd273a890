package org.classifierlab.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.geometry.Point2D;
import javafx.event.Event;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;

/** The pixel-space map panel alone in a window, on the bundled CIFAR-10 sample. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class PixelSpaceMapUiTest {

    private static Dataset sample;
    private AppContext context;
    private PixelSpaceMap panel;
    private final AtomicInteger picked = new AtomicInteger(-1);

    @BeforeAll
    static void load() throws IOException {
        sample = DatasetLoader.loadSample();
    }

    @Start
    void start(Stage stage) {
        context = new AppContext(new JobStatus());
        panel = new PixelSpaceMap(context);
        panel.setOnPick(picked::set);
        Scene scene = new Scene(panel, 1200, 760);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        panel.setDataset(sample);
    }

    private void setCount(int n) {
        fx(() -> {
            @SuppressWarnings("unchecked")
            Spinner<Integer> count = (Spinner<Integer>) panel.lookup("#pixelMapCount");
            count.getValueFactory().setValue(n);
            return null;
        });
    }

    @Test
    void nothingIsComputedUntilRunThenThumbnailsAreDrawnAndAClickPicksTheImage(FxRobot robot) {
        PixelMapCanvas map = panel.mapCanvas();
        assertThat(fx(map::points)).isZero();
        assertThat(fx(() -> context.jobs().isIdle())).isTrue();

        setCount(300);
        robot.clickOn("#pixelMapRun");
        assertThat(fx(() -> panel.runningProperty().get())).isTrue();
        assertThat(fx(() -> context.jobs().isIdle())).isFalse();
        awaitFx(90, "the map of 300 images never finished", () -> !panel.runningProperty().get());
        assertThat(fx(() -> context.jobs().isIdle())).isTrue();
        assertThat(fx(() -> ((Label) panel.lookup("#pixelMapSummary")).getText())).startsWith("300 images, 50 PCA components");
        assertThat(fx(() -> ((Label) panel.lookup("#pixelMapAgreement")).getText())).contains("share its class");
        assertThat(fx(map::points)).isEqualTo(300);
        awaitFx(5, "the map was not repainted", () -> map.drawCount() > 0);
        WaitForAsyncUtils.waitForFxEvents();

        // Thumbnails cover a good part of the canvas: many pixels differ from the background.
        PixelReader px = fx(() -> map.snapshot(null, null)).getPixelReader();
        Color bg = fx(map::backgroundColor);
        int w = (int) (double) fx(map::getWidth);
        int h = (int) (double) fx(map::getHeight);
        int painted = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                if (!px.getColor(x, y).equals(bg)) {
                    painted++;
                }
            }
        }
        assertThat(painted).as("non-background pixels (every other one)").isGreaterThan(w * h / 4 / 20);

        // The last map point is drawn on top; its centre pixel is one of its image's pixels near the middle.
        int last = 299;
        int index = fx(() -> map.atlas().indices()[last]);
        double cx = fx(() -> map.localX(last));
        double cy = fx(() -> map.localY(last));
        int centre = px.getArgb((int) cx, (int) cy);
        int[] image = sample.train().argb(index);
        boolean found = false;
        for (int y = 12; y < 20 && !found; y++) {
            for (int x = 12; x < 20 && !found; x++) {
                found = image[y * 32 + x] == centre;
            }
        }
        assertThat(found).as("centre pixel %08x is a pixel of training image %d", centre, index).isTrue();

        Point2D screen = fx(() -> map.localToScreen(cx, cy));
        robot.moveTo(screen);
        awaitFx(5, "hovering did not name the image", () -> map.hovered() == last);
        String className = sample.train().classNames().get(sample.train().label(index));
        assertThat(fx(() -> ((Label) panel.lookup("#pixelMapHover")).getText()))
                .isEqualTo(String.format("Training image %,d · %s", index, className));
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picked.get()).isEqualTo(index);

        // The wheel zooms about the cursor: the map point under it stays under it.
        double scaleBefore = fx(map::scale);
        double mx = fx(() -> map.mapX(cx));
        double my = fx(() -> map.mapY(cy));
        // Monocle's robot wheel gives ±1 per notch with a platform-dependent sign; a GTK notch up is +40, so
        // three notches are sent as the platform would send them.
        Point2D scene = fx(() -> map.localToScene(cx, cy));
        fx(() -> {
            Event.fireEvent(map, new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(), screen.getX(),
                    screen.getY(), false, false, false, false, false, false, 0, 120, 0, 120,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(map::scale)).isGreaterThan(scaleBefore * 1.2);
        assertThat(fx(() -> map.mapX(cx))).isCloseTo(mx, within(2 / fx(map::scale)));
        assertThat(fx(() -> map.mapY(cy))).isCloseTo(my, within(2 / fx(map::scale)));

        // A drag pans by the distance dragged; a drag is not a click.
        picked.set(-1);
        double before = fx(() -> map.localX(last));
        robot.drag(screen).moveBy(60, 40).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> map.localX(last))).isCloseTo(before + 60, within(1.0));
        assertThat(picked.get()).isEqualTo(-1);

        // Fit brings the zoom back to where it started.
        robot.clickOn("#pixelMapFit");
        assertThat(fx(map::scale)).isCloseTo(scaleBefore, within(1e-9 * scaleBefore));
    }

    @Test
    void theMapAnimatesAndChangingTheDatasetCancelsTheRun() {
        PixelMapCanvas map = panel.mapCanvas();
        setCount(3000);
        fx(() -> {
            panel.start();
            return null;
        });
        awaitFx(60, "no layout snapshot arrived while t-SNE ran",
                () -> map.points() == 3000 && panel.runningProperty().get());
        Dataset smaller = new Dataset("Small", sample.train().first(400), sample.test(), sample.format(), "test");
        fx(() -> {
            panel.setDataset(smaller);
            return null;
        });
        assertThat(fx(() -> panel.runningProperty().get())).isFalse();
        assertThat(fx(() -> context.jobs().isIdle())).isTrue();
        assertThat(fx(map::points)).isZero();
        WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(map::points)).as("nothing of the cancelled run shows").isZero();

        // The worker is free again at once: a map of the new dataset follows.
        setCount(200);
        fx(() -> {
            panel.start();
            return null;
        });
        awaitFx(60, "the map of the new dataset never finished", () -> !panel.runningProperty().get());
        assertThat(fx(map::points)).isEqualTo(200);
        assertThat(fx(() -> map.atlas().indices()[199])).isLessThan(400);
    }
}
