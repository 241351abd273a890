package org.classifierlab.app.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

/** The coalescing and cancelling rules of the worker, driven step by step with queued executors. */
class LatestWinsWorkerTest {

    /** An executor that only queues; the test runs the queued tasks when it wants. */
    static final class Queue implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            tasks.add(r);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private final Queue worker = new Queue();
    private final Queue fx = new Queue();
    private final List<String> computed = new ArrayList<>();
    private final List<String> published = new ArrayList<>();

    private LatestWinsWorker<String, String> create() {
        return new LatestWinsWorker<>(worker, fx, (input, cancelled) -> {
            computed.add(input);
            return cancelled.getAsBoolean() ? null : input.toUpperCase();
        }, published::add, e -> published.add("error " + e.getMessage()));
    }

    @Test
    void requestsArrivingDuringAComputationAreCoalescedToTheNewest() {
        LatestWinsWorker<String, String> w = create();
        w.request("a");
        w.request("b");
        w.request("c");
        assertThat(w.busyProperty().get()).isTrue();
        worker.runAll();
        fx.runAll();
        worker.runAll();
        fx.runAll();
        assertThat(computed).containsExactly("a", "c");
        assertThat(published).containsExactly("A", "C");
        assertThat(w.busyProperty().get()).isFalse();
    }

    @Test
    void replacingRequestCancelsTheRunningComputationSoItsResultNeverShows() {
        LatestWinsWorker<String, String> w = create();
        w.request("old");
        w.requestReplacing("new");
        worker.runAll();
        fx.runAll();
        worker.runAll();
        fx.runAll();
        assertThat(computed).containsExactly("old", "new");
        assertThat(published).containsExactly("NEW");
    }

    @Test
    void failuresReachTheErrorHandlerAndTheWorkerGoesOn() {
        LatestWinsWorker<String, String> w = new LatestWinsWorker<>(worker, fx, (input, cancelled) -> {
            if (input.equals("bad")) {
                throw new IllegalStateException("boom");
            }
            return input;
        }, published::add, e -> published.add("error " + e.getMessage()));
        w.request("bad");
        worker.runAll();
        fx.runAll();
        w.request("good");
        worker.runAll();
        fx.runAll();
        assertThat(published).containsExactly("error boom", "good");
    }

    @Test
    void aCancelledComputationThatThrowsIsNotReportedAsAnError() {
        LatestWinsWorker<String, String> w = new LatestWinsWorker<>(worker, fx, (input, cancelled) -> {
            if (cancelled.getAsBoolean()) {
                // What core's searches do when their cancellation check fires.
                throw new java.util.concurrent.CancellationException("search cancelled");
            }
            return input;
        }, published::add, e -> published.add("error " + e.getMessage()));
        w.request("old");
        w.requestReplacing("new");
        worker.runAll();
        fx.runAll();
        worker.runAll();
        fx.runAll();
        assertThat(published).containsExactly("new");
    }

    @Test
    void disposeDropsWaitingWorkAndPublishesNothing() {
        LatestWinsWorker<String, String> w = create();
        w.request("a");
        w.request("b");
        w.dispose();
        worker.runAll();
        fx.runAll();
        assertThat(published).isEmpty();
        assertThat(computed).containsExactly("a");
    }
}
