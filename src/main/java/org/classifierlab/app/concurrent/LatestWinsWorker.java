package org.classifierlab.app.concurrent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs at most one computation at a time on its own worker thread and always moves on to the newest
 * request: requests that arrive while one is running are coalesced, so only the latest is computed next.
 * Requests, results and the busy flag live on the FX thread; only {@code compute} runs on the worker.
 *
 * @param <I> immutable snapshot of the inputs, taken on the FX thread
 * @param <R> result handed back to the FX thread; {@code null} means "cancelled, publish nothing"
 */
public final class LatestWinsWorker<I, R> {

    private final Executor worker;
    private final ExecutorService ownedExecutor;
    private final Executor fxThread;
    private final BiFunction<I, BooleanSupplier, R> compute;
    private final Consumer<R> publish;
    private final Consumer<Throwable> onError;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    private I pending;
    private boolean hasPending;
    private AtomicBoolean runningCancelled;
    private boolean disposed;

    /** A worker with its own daemon thread named {@code name}, publishing through {@link Platform#runLater}. */
    public LatestWinsWorker(String name, BiFunction<I, BooleanSupplier, R> compute, Consumer<R> publish,
            Consumer<Throwable> onError) {
        this(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }), Platform::runLater, compute, publish, onError, true);
    }

    /** A worker on the given executors (tests pass a direct executor to run synchronously). */
    public LatestWinsWorker(Executor worker, Executor fxThread, BiFunction<I, BooleanSupplier, R> compute,
            Consumer<R> publish, Consumer<Throwable> onError) {
        this(worker, fxThread, compute, publish, onError, false);
    }

    private LatestWinsWorker(Executor worker, Executor fxThread, BiFunction<I, BooleanSupplier, R> compute,
            Consumer<R> publish, Consumer<Throwable> onError, boolean owned) {
        this.worker = Objects.requireNonNull(worker);
        this.ownedExecutor = owned ? (ExecutorService) worker : null;
        this.fxThread = Objects.requireNonNull(fxThread);
        this.compute = Objects.requireNonNull(compute);
        this.publish = Objects.requireNonNull(publish);
        this.onError = Objects.requireNonNull(onError);
    }

    /**
     * Asks for {@code input} to be computed. A running computation is allowed to finish (so a continuous
     * drag still shows a fresh result every computation time); this request then runs next, replacing
     * any earlier one still waiting.
     */
    public void request(I input) {
        enqueue(input);
    }

    /** Like {@link #request} but cancels the running computation: its result is stale and will never show. */
    public void requestReplacing(I input) {
        if (runningCancelled != null) {
            runningCancelled.set(true);
        }
        enqueue(input);
    }

    private void enqueue(I input) {
        if (disposed) {
            return;
        }
        pending = input;
        hasPending = true;
        if (runningCancelled == null) {
            startNext();
        }
    }

    private void startNext() {
        I input = pending;
        pending = null;
        hasPending = false;
        AtomicBoolean cancelled = new AtomicBoolean();
        runningCancelled = cancelled;
        busy.set(true);
        worker.execute(() -> {
            R result = null;
            Throwable failure = null;
            try {
                result = compute.apply(input, cancelled::get);
            } catch (Throwable t) {
                failure = t;
            }
            R finalResult = result;
            Throwable finalFailure = failure;
            // Hand-off back to the FX thread: publishing and starting the next request happen there,
            // in that order, so the next computation never overwrites buffers still being published.
            fxThread.execute(() -> finish(cancelled, finalResult, finalFailure));
        });
    }

    private void finish(AtomicBoolean cancelled, R result, Throwable failure) {
        runningCancelled = null;
        if (!disposed) {
            // A cancelled computation may end by throwing (a CancellationException from core): that is as stale
            // as its result would have been, not an error to show.
            if (failure != null && !cancelled.get() && !(failure instanceof java.util.concurrent.CancellationException)) {
                onError.accept(failure);
            } else if (!cancelled.get() && result != null) {
                publish.accept(result);
            }
        }
        if (hasPending && !disposed) {
            startNext();
        } else {
            busy.set(false);
        }
    }

    /** True while a computation runs or waits; FX thread. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Cancels the running computation, drops waiting ones and stops the worker thread. */
    public void dispose() {
        disposed = true;
        hasPending = false;
        pending = null;
        if (runningCancelled != null) {
            runningCancelled.set(true);
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }
}
