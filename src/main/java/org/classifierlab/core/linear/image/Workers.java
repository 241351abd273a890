package org.classifierlab.core.linear.image;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A small fixed pool for the linear image work: {@code parts} pieces of work are claimed one by one by
 * the calling thread and up to {@link #THREADS} − 1 pool threads. A part's result must depend only on its
 * index (never on which thread ran it), so that results are bit-identical for any thread count. Any thread.
 */
final class Workers {

    /** Threads used at most, the caller included: the available processors, at most {@value #MAX_THREADS}. */
    static final int THREADS = Math.max(1, Math.min(Workers.MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    private static final int MAX_THREADS = 8;

    private static final ExecutorService POOL = THREADS == 1 ? null : Executors.newFixedThreadPool(THREADS - 1, r -> {
        Thread t = new Thread(r, "classifierlab-linear");
        t.setDaemon(true);
        return t;
    });

    private Workers() {
    }

    /** Runs {@code body.accept(p)} for every {@code p < parts} on up to {@code threads} threads, and waits. */
    static void forEach(int parts, int threads, IntConsumer body) {
        int helpers = Math.min(Math.min(threads, THREADS), parts) - 1;
        if (helpers <= 0) {
            for (int p = 0; p < parts; p++) {
                body.accept(p);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(parts);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // Why: the caller waits for parts, not for helpers, so a helper that starts late (the pool busy with
        // another training) finds nothing left and costs nothing.
        Runnable claim = () -> {
            for (int p; (p = next.getAndIncrement()) < parts; ) {
                try {
                    if (failure.get() == null) {
                        body.accept(p);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        for (int h = 0; h < helpers; h++) {
            POOL.execute(claim);
        }
        claim.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) {
            throw re;
        } else if (e instanceof Error er) {
            throw er;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #forEach(int, int, IntConsumer)} on all {@link #THREADS}. */
    static void forEach(int parts, IntConsumer body) {
        forEach(parts, THREADS, body);
    }
}
