package org.classifierlab.app.knn;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.scene.image.ImageView;
import javafx.util.Duration;

import org.classifierlab.app.concurrent.LatestWinsWorker;
import org.classifierlab.app.render.RegionImage;
import org.classifierlab.app.render.RegionPalette;
import org.classifierlab.core.knn.DecisionGrid;
import org.classifierlab.core.knn.DecisionMap;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;

/**
 * Computes the exact k-NN decision of every device pixel on a worker thread and shows it in an
 * {@link ImageView}. The newest request wins; a finished map always belongs to one snapshot of the points.
 * {@link #request}, {@link #requestReplacing} and {@link #dispose} are FX thread only.
 */
final class DecisionMapRenderer {

    /** Everything one map depends on, snapshot on the FX thread. Points are in device-pixel coordinates. */
    record Request(LabeledPoints pixelPoints, int k, Metric metric, TieRule rule, int width, int height,
            RegionPalette palette, boolean interactive) {

        /**
         * Threads for this map. While the user drags, one core is left to the FX and render threads: on a
         * 2-core machine with software rendering, taking both makes frames late although maps come no faster.
         */
        int parallelism() {
            return interactive ? Math.max(1, CORES - 1) : CORES;
        }

        boolean sameDecisions(Request o) {
            return o != null && k == o.k && metric == o.metric && rule == o.rule && width == o.width
                    && height == o.height && pixelPoints.equals(o.pixelPoints);
        }
    }

    /** A coloured map ready to publish; {@code argb} is the worker's buffer, read only by publish. */
    record Result(Request request, int[] argb, long computeNanos, boolean recomputed) {
    }

    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final Duration FADE_AFTER = Duration.millis(150);

    private final ImageView view;
    private final LatestWinsWorker<Request, Result> worker;
    private final PauseTransition fade = new PauseTransition(FADE_AFTER);
    private final Consumer<Result> onPublished;

    // Worker-owned: touched only inside compute(), which never runs twice at once (single-flight worker),
    // and the argb buffer is reused only after the FX thread published the previous result.
    private final DecisionMap map = new DecisionMap(1, 1);
    private int[] argb = new int[0];
    private Request computed;

    // FX-thread-owned.
    private final RegionImage image;
    private Request shown;

    DecisionMapRenderer(ImageView view, Consumer<Result> onPublished, Consumer<Throwable> onError) {
        this.view = Objects.requireNonNull(view);
        this.image = new RegionImage(view);
        this.onPublished = Objects.requireNonNull(onPublished);
        this.worker = new LatestWinsWorker<>("decision-map", this::compute, this::publish, onError);
        fade.setOnFinished(e -> view.setOpacity(0.55));
    }

    /** Asks for a map; a running one finishes first (dragging keeps showing fresh maps). */
    void request(Request r) {
        fade.playFromStart();
        worker.request(r);
    }

    /** Asks for a map and cancels the running one, whose result would be stale. */
    void requestReplacing(Request r) {
        fade.playFromStart();
        worker.requestReplacing(r);
    }

    /** The request whose map is on screen, or null before the first one. */
    Request shown() {
        return shown;
    }

    javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return worker.busyProperty();
    }

    void dispose() {
        fade.stop();
        worker.dispose();
    }

    private Result compute(Request r, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        boolean recompute = !r.sameDecisions(computed);
        if (recompute) {
            computed = null;
            map.resize(r.width(), r.height());
            if (!DecisionGrid.compute(r.pixelPoints(), r.k(), r.metric(), r.rule(), map, cancelled, r.parallelism())) {
                return null;
            }
            computed = r;
        }
        long nanos = System.nanoTime() - t0;
        int n = r.width() * r.height();
        if (argb.length < n) {
            argb = new int[n];
        }
        colour(map, r.palette(), argb);
        return new Result(r, argb, nanos, recompute);
    }

    /** Paints labels and shares with the palette, and boundary pixels where a neighbour differs. */
    static void colour(DecisionMap map, RegionPalette palette, int[] out) {
        palette.paint(map.labels(), map.confidence(), map.width(), map.height(), out);
    }

    private void publish(Result r) {
        image.show(r.argb(), r.request().width(), r.request().height());
        shown = r.request();
        fade.stop();
        view.setOpacity(1);
        onPublished.accept(r);
    }
}
