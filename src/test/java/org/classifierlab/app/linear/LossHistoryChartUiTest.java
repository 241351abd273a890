package org.classifierlab.app.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.concurrent.TimeUnit;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.FxTestSupport;
import org.classifierlab.app.theme.Theme;

/** The loss-history chart alone in a window: what its pixels show after adds, clear, a spike and the log toggle. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LossHistoryChartUiTest {

    private LossHistoryChart chart;

    @Start
    void start(Stage stage) {
        chart = new LossHistoryChart();
        Scene scene = new Scene(new StackPane(chart), 640, 340);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @BeforeEach
    void empty() {
        fx(() -> {
            chart.clear();
            chart.logScaleProperty().set(false);
            return null;
        });
        awaitDrawn();
    }

    @Test
    void aDecreasingLossIsACurveFromTopLeftToBottomRight() {
        fx(() -> {
            for (int i = 0; i < 50; i++) {
                chart.add(i, 2 * Math.exp(-i / 15.0), 3 * Math.exp(-i / 15.0) + 0.1);
            }
            return null;
        });
        awaitDrawn();
        assertThat(fx(chart::size)).isEqualTo(50);
        assertThat(fx(chart::lastTotal)).isEqualTo(3 * Math.exp(-49 / 15.0) + 0.1);

        PixelReader px = snapshot();
        Rectangle2D plot = fx(chart::plotArea);
        Color total = fx(chart::totalColor);
        int[] leftmost = null;
        int[] rightmost = null;
        for (int x = (int) plot.getMinX() + 3; x < plot.getMaxX(); x++) {
            for (int y = (int) plot.getMinY(); y < plot.getMaxY() - 2; y++) {
                if (near(px.getColor(x, y), total)) {
                    if (leftmost == null) {
                        leftmost = new int[] {x, y};
                    }
                    rightmost = new int[] {x, y};
                }
            }
        }
        assertThat(leftmost).as("total-loss line pixels in the plot").isNotNull();
        // Higher loss is higher on screen: the curve starts well above where it ends.
        assertThat(leftmost[1]).isLessThan(rightmost[1] - 100);
        assertThat(leftmost[0]).isLessThan((int) plot.getMinX() + 10);

        // The last point is marked where the axes put it.
        LossHistoryChart.Geometry geo = fx(chart::geometry);
        int lx = (int) Math.floor(geo.x(49));
        int ly = (int) Math.floor(geo.y(chart.lastTotal()));
        assertThat(near(px.getColor(lx, ly), total)).as("the last point's dot").isTrue();
        // Its y is that of 0.1 + 3 e^(−49/15) ≈ 0.216 on the linear axis that starts at 0.
        assertThat(geo.y().min()).isEqualTo(0.0);
        assertThat(ly).isGreaterThan((int) (plot.getMaxY() - plot.getHeight() * 0.1));
    }

    @Test
    void clearEmptiesTheChartAndItsPicture() {
        fx(() -> {
            for (int i = 0; i < 20; i++) {
                chart.add(i, 1, 2 - i * 0.05);
            }
            return null;
        });
        awaitDrawn();
        assertThat(countNear(snapshot(), fx(chart::totalColor))).isGreaterThan(100);

        fx(() -> {
            chart.clear();
            return null;
        });
        awaitDrawn();
        assertThat(fx(chart::size)).isZero();
        assertThat(fx(chart::lastTotal)).isNaN();
        assertThat(fx(chart::plotArea)).isNull();
        PixelReader px = snapshot();
        assertThat(countNear(px, fx(chart::totalColor))).isZero();
        // The empty-state sentence is written across the middle.
        int dark = 0;
        double w = fx(chart::getWidth);
        double h = fx(chart::getHeight);
        for (int x = (int) (w * 0.2); x < w * 0.8; x++) {
            for (int y = (int) (h * 0.45); y < h * 0.65; y++) {
                if (px.getColor(x, y).getBrightness() < 0.5) {
                    dark++;
                }
            }
        }
        assertThat(dark).isGreaterThan(50);
    }

    @Test
    void aHundredThousandPointsDrawFastAndKeepASingleSpike() {
        long addNanos = fx(() -> {
            long t = System.nanoTime();
            for (int i = 0; i < 100_000; i++) {
                chart.add(i, 0.5, i == 70_000 ? 5.0 : 1.0);
            }
            return System.nanoTime() - t;
        });
        awaitDrawn();
        assertThat(fx(chart::size)).isEqualTo(100_000);
        long drawNanos = fx(() -> {
            long t = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                chart.draw();
            }
            return (System.nanoTime() - t) / 5;
        });
        assertThat(addNanos).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(drawNanos).as("one drawing of 100,000 points").isLessThan(TimeUnit.MILLISECONDS.toNanos(100));

        // Decimated to one min-max range per pixel column, the single spike to 5 is still drawn.
        PixelReader px = snapshot();
        LossHistoryChart.Geometry geo = fx(chart::geometry);
        Color total = fx(chart::totalColor);
        int sx = (int) geo.x(70_000);
        int sy = (int) geo.y(5.0);
        boolean spike = false;
        for (int x = sx - 2; x <= sx + 2; x++) {
            for (int y = sy; y <= sy + 4; y++) {
                spike |= near(px.getColor(x, y), total);
            }
        }
        assertThat(spike).as("the spike's top near (%d, %d)", sx, sy).isTrue();
        // Elsewhere at that height there is no line.
        assertThat(near(px.getColor((int) geo.x(30_000), sy + 2), total)).isFalse();
    }

    @Test
    void theLogToggleSpreadsSmallLossesOverTheHeight(FxRobot robot) {
        fx(() -> {
            for (int i = 0; i <= 100; i++) {
                double v = 100 * Math.pow(10, -4.0 * i / 100); // 100 → 0.01, straight on a log axis
                chart.add(i, Math.min(v, 10), v);
            }
            return null;
        });
        awaitDrawn();
        Color total = fx(chart::totalColor);
        Rectangle2D plot = fx(chart::plotArea);
        int middle = lineY(snapshot(), (int) Math.floor(fx(() -> chart.geometry().x(50))), total);
        // Linear axis: the loss 1 at iteration 50 is squeezed against the bottom.
        assertThat(middle).isGreaterThan((int) (plot.getMaxY() - plot.getHeight() * 0.05));

        robot.clickOn(fx(chart::logToggle));
        awaitDrawn();
        assertThat(fx(() -> chart.logScaleProperty().get())).isTrue();
        plot = fx(chart::plotArea);
        int logMiddle = lineY(snapshot(), (int) Math.floor(fx(() -> chart.geometry().x(50))), total);
        // Log axis from 0.01 to 100: the loss 1 is in the middle.
        assertThat((double) logMiddle).isCloseTo(plot.getMinY() + plot.getHeight() / 2,
                org.assertj.core.data.Offset.offset(plot.getHeight() * 0.06));
    }

    /** Mean y of the total-colour pixels in column x. */
    private static int lineY(PixelReader px, int x, Color c) {
        int sum = 0;
        int n = 0;
        for (int y = 0; y < 340; y++) {
            if (near(px.getColor(x, y), c)) {
                sum += y;
                n++;
            }
        }
        assertThat(n).as("line pixels in column %d", x).isPositive();
        return sum / n;
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.09 && Math.abs(a.getGreen() - b.getGreen()) < 0.09
                && Math.abs(a.getBlue() - b.getBlue()) < 0.09;
    }

    private int countNear(PixelReader px, Color c) {
        int n = 0;
        int w = fx(() -> (int) chart.getWidth());
        int h = fx(() -> (int) chart.getHeight());
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                if (near(px.getColor(x, y), c)) {
                    n++;
                }
            }
        }
        return n;
    }

    private PixelReader snapshot() {
        return FxTestSupport.snapshot(chart);
    }

    /** Waits until the chart has drawn what it holds (it draws on the pulse after a change). */
    private void awaitDrawn() {
        awaitFx(10, "the chart did not redraw",
                () -> chart.drawnSize() == chart.size() && chart.drawnLog() == chart.logScaleProperty().get());
    }
}
