package org.classifierlab.app.linear;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.image.ImageView;

import org.classifierlab.app.concurrent.LatestWinsWorker;
import org.classifierlab.app.render.RegionImage;
import org.classifierlab.app.render.RegionPalette;
import org.classifierlab.core.linear.LinearModel;
import org.classifierlab.core.linear.LinearRegions;

/**
 * Computes the argmax class of a linear model at every device pixel on a worker thread and shows it in an
 * {@link ImageView}; the newest request wins. {@link #request} and {@link #dispose} are FX thread only.
 */
final class LinearRegionsRenderer {

    /**
     * Everything one region image depends on, snapshot on the FX thread: pixel (col, row) has its centre at
     * world {@code (left + (col + 0.5) · pixel, top − (row + 0.5) · pixel)}.
     */
    record Request(LinearModel model, double left, double top, double pixel, int width, int height,
            RegionPalette palette, boolean shading) {
    }

    /** A coloured image ready to publish; {@code argb} is the worker's buffer, read only by publish. */
    record Result(Request request, int[] argb, long computeNanos) {
    }

    private final LatestWinsWorker<Request, Result> worker;
    private final RegionImage image;
    private final Consumer<Result> onPublished;
    private final ReadOnlyIntegerWrapper published = new ReadOnlyIntegerWrapper(this, "published");

    // Worker-owned: touched only inside compute(), which never runs twice at once (single-flight worker);
    // argb is reused only after the FX thread has published the previous result (the worker starts the next
    // computation from the FX thread, after publishing).
    private byte[] labels = new byte[0];
    private float[] confidence = new float[0];
    private int[] argb = new int[0];

    // FX-thread-owned.
    private Request shown;

    LinearRegionsRenderer(ImageView view, Consumer<Result> onPublished, Consumer<Throwable> onError) {
        this.image = new RegionImage(Objects.requireNonNull(view));
        this.onPublished = Objects.requireNonNull(onPublished);
        this.worker = new LatestWinsWorker<>("linear-regions", this::compute, this::publish, onError);
    }

    /** Asks for the image of {@code r}; a running computation finishes first, so a run keeps showing fresh maps. */
    void request(Request r) {
        if (!r.equals(shown) || worker.busyProperty().get()) {
            worker.request(r);
        }
    }

    /** The request whose image is on screen, or null before the first. */
    Request shown() {
        return shown;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return worker.busyProperty();
    }

    /** How many images have reached the screen. */
    ReadOnlyIntegerProperty publishedProperty() {
        return published.getReadOnlyProperty();
    }

    void dispose() {
        worker.dispose();
    }

    private Result compute(Request r, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        int n = Math.multiplyExact(r.width(), r.height());
        if (labels.length < n) {
            labels = new byte[n];
            confidence = new float[n];
            argb = new int[n];
        }
        if (!LinearRegions.compute(r.model(), r.left(), r.top(), r.pixel(), r.width(), r.height(), labels,
                r.shading() ? confidence : null, cancelled)) {
            return null;
        }
        r.palette().paint(labels, r.shading() ? confidence : null, r.width(), r.height(), argb);
        return new Result(r, argb, System.nanoTime() - t0);
    }

    private void publish(Result r) {
        image.show(r.argb(), r.request().width(), r.request().height());
        shown = r.request();
        published.set(published.get() + 1);
        onPublished.accept(r);
    }
}
