package dev.readbackplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs a check on every candidate of a document, on all cores when there are enough candidates to
 * pay for it. The checks of different candidates are independent (each looks at its own candidate),
 * so splitting them changes nothing but the time taken.
 */
final class Candidates {
    /** Below this many candidates the work is done in the calling thread. */
    static final int PARALLEL_THRESHOLD = 512;
    private static final int CHUNK = 256;

    /** A check of the candidates {@code from} (inclusive) to {@code to} (exclusive). */
    interface RangeCheck {
        List<Finding> check(int from, int to);
    }

    private Candidates() {}

    /** The findings of {@code check} for candidates 0 to {@code count - 1}, in candidate order. */
    static List<Finding> check(int count, IntFunction<List<Finding>> check) {
        return checkRanges(count, (from, to) -> {
            List<Finding> findings = List.of();
            for (int i = from; i < to; i++) {
                List<Finding> more = check.apply(i);
                if (!more.isEmpty()) {
                    if (findings.isEmpty()) {
                        findings = new ArrayList<>();
                    }
                    findings.addAll(more);
                }
            }
            return findings;
        });
    }

    /** The findings of {@code check} for consecutive ranges covering candidates 0 to {@code count - 1}, in order. */
    static List<Finding> checkRanges(int count, RangeCheck check) {
        if (count < PARALLEL_THRESHOLD) {
            return check.check(0, count);
        }
        int chunks = (count + CHUNK - 1) / CHUNK;
        List<Finding> findings = new ArrayList<>();
        IntStream.range(0, chunks).parallel()
                .mapToObj(chunk -> check.check(chunk * CHUNK, Math.min(count, (chunk + 1) * CHUNK)))
                .forEachOrdered(findings::addAll);
        return findings;
    }
}
