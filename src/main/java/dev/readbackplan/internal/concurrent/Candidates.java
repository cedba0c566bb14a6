package dev.readbackplan.internal.concurrent;

import dev.readbackplan.internal.json.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

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
        Runnable work = () -> {
            for (int chunk; (chunk = next.getAndIncrement()) < chunks; ) {
                int from = chunk * CHUNK;
                // Each range collects up to the limit on its own, so memory stays bounded whatever the order.
                Findings part = findings.sibling();
                check.check(from, Math.min(count, from + CHUNK), part);
                parts[chunk] = part;
            }
        };
        // Helpers on the executor take ranges, and so does the calling thread, which would otherwise
        // only wait: on two cores that is the difference between one worker and two.
        int helpers = Math.min(chunks - 1, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        List<CompletableFuture<Void>> running = new ArrayList<>(helpers);
        for (int i = 0; i < helpers; i++) {
            running.add(CompletableFuture.runAsync(work, executor));
        }
        work.run();
        running.forEach(Futures::join);
        for (Findings part : parts) {
            findings.addAll(part);
        }
    }
}
