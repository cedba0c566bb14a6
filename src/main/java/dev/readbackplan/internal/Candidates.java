package dev.readbackplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs a check on every candidate of a document, on the planner's executor when there are enough
 * candidates to pay for it. The checks of different candidates are independent (each looks at its own
 * candidate), so splitting them changes nothing but the time taken; the findings are merged in
 * candidate order, so the report is the same whatever the executor.
 */
final class Candidates {
    /** Below this many candidates the work is done in the calling thread. */
    static final int PARALLEL_THRESHOLD = 512;
    private static final int CHUNK = 256;

    /** A check of the candidates {@code from} (inclusive) to {@code to} (exclusive). */
    interface RangeCheck {
        void check(int from, int to, Findings findings);
    }

    /** A check of one candidate. */
    interface CandidateCheck {
        void check(int index, Findings findings);
    }

    private Candidates() {}

    /** Adds the findings of {@code check} for candidates 0 to {@code count - 1}, in candidate order. */
    static void check(int count, Executor executor, Findings findings, CandidateCheck check) {
        checkRanges(count, executor, findings, (from, to, into) -> {
            for (int i = from; i < to; i++) {
                check.check(i, into);
            }
        });
    }

    /** Adds the findings of {@code check} for consecutive ranges covering candidates 0 to {@code count - 1}, in order. */
    static void checkRanges(int count, Executor executor, Findings findings, RangeCheck check) {
        if (count < PARALLEL_THRESHOLD) {
            check.check(0, count, findings);
            return;
        }
        int chunks = (count + CHUNK - 1) / CHUNK;
        List<CompletableFuture<Findings>> parts = new ArrayList<>(chunks);
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = chunk * CHUNK;
            int to = Math.min(count, from + CHUNK);
            // Each range collects up to the limit on its own, so memory stays bounded whatever the order.
            parts.add(CompletableFuture.supplyAsync(() -> {
                Findings part = findings.sibling();
                check.check(from, to, part);
                return part;
            }, executor));
        }
        for (CompletableFuture<Findings> part : parts) {
            findings.addAll(Futures.join(part));
        }
    }
}
