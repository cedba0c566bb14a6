package dev.readbackplan.internal.concurrent;

import dev.readbackplan.internal.json.Findings;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a check on every candidate of a document, on the planner's executor when there are enough
 * candidates to pay for it. The checks of different candidates are independent (each looks at its own
 * candidate), so splitting them changes nothing but the time taken; the findings are merged in
 * candidate order, so the report is the same whatever the executor.
 */
public final class Candidates {
    /** Below this many candidates the work is done in the calling thread. */
    public static final int PARALLEL_THRESHOLD = 512;
    private static final int CHUNK = 256;

    /** A check of the candidates {@code from} (inclusive) to {@code to} (exclusive). */
    public interface RangeCheck {
        void check(int from, int to, Findings findings);
    }

    /** A check of one candidate. */
    public interface CandidateCheck {
        void check(int index, Findings findings);
    }

    private Candidates() {}

    /** Adds the findings of {@code check} for candidates 0 to {@code count - 1}, in candidate order. */
    public static void check(int count, Executor executor, Findings findings, CandidateCheck check) {
        checkRanges(count, executor, findings, (from, to, into) -> {
            for (int i = from; i < to; i++) {
                check.check(i, into);
            }
        });
    }

    /** Adds the findings of {@code check} for consecutive ranges covering candidates 0 to {@code count - 1}, in order. */
    public static void checkRanges(int count, Executor executor, Findings findings, RangeCheck check) {
        if (count < PARALLEL_THRESHOLD) {
            check.check(0, count, findings);
            return;
        }
        int chunks = (count + CHUNK - 1) / CHUNK;
        Findings[] parts = new Findings[chunks];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(chunks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // A range is claimed by the thread that checks it, when that thread is already running. The
        // calling thread takes ranges too, so once it runs out of ranges, every range left is held by a
        // running thread: it waits only on those, never on a task still queued (behind the caller itself,
        // on a one-thread pool). Helpers that start later find nothing left and return.
        Runnable work = () -> {
            for (int chunk; (chunk = next.getAndIncrement()) < chunks; ) {
                try {
                    int from = chunk * CHUNK;
                    // Each range collects up to the limit on its own, so memory stays bounded whatever the order.
                    Findings part = findings.sibling();
                    check.check(from, Math.min(count, from + CHUNK), part);
                    parts[chunk] = part;
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(chunks - 1, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        for (int i = 0; i < helpers && next.get() < chunks; i++) {
            try {
                executor.execute(work);
            } catch (RejectedExecutionException rejected) {
                break; // a full or stopped executor: the calling thread does the rest
            }
        }
        work.run();
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the ranges held by running threads finish soon; keep the flag for the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        for (Findings part : parts) {
            findings.addAll(part);
        }
    }
}
