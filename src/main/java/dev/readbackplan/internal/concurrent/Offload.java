package dev.readbackplan.internal.concurrent;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work offered to an executor to run beside the caller, which the caller does itself if no thread of
 * the executor has started it by the time the result is needed. So joining never waits on a task
 * that is queued (behind the caller itself, on a one-thread pool, for one): only on a thread that is
 * running it. Any executor works: bounded, single-thread, direct, the common pool, or one that rejects.
 *
 * @param <T> the result's type
 */
public final class Offload<T> {
    private final Supplier<T> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Offload(Supplier<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /**
     * Offers {@code work} to {@code executor}.
     *
     * @param <T> the result's type
     * @param executor where it may run
     * @param work what to run, once
     * @return the handle to join
     */
    public static <T> Offload<T> offer(Executor executor, Supplier<T> work) {
        Offload<T> offload = new Offload<>(work);
        try {
            executor.execute(offload::runIfUnclaimed);
        } catch (RejectedExecutionException rejected) {
            // A full or stopped executor: the caller does the work when it joins.
        }
        return offload;
    }

    private void runIfUnclaimed() {
        if (claimed.compareAndSet(false, true)) {
            run();
        }
    }

    private void run() {
        try {
            result.complete(work.get());
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    /** {@return whether the work has ended, with its result or its failure} */
    public boolean isDone() {
        return result.isDone();
    }

    /** {@return the result: computed now in the calling thread when no thread has started it} */
    public T join() {
        runIfUnclaimed();
        return Futures.join(result);
    }
}
