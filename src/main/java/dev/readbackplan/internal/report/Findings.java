package dev.readbackplan.internal.report;

import dev.readbackplan.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Findings as they are collected, up to a limit: past it they are only counted. A document can hold
 * millions of problems in a few megabytes (a duplicate key takes six bytes), and a report of all of
 * them would take far more memory and output than the document; the count is what people need. Not
 * thread-safe: one per producer, merged in document order.
 */
public final class Findings {
    private final int limit;
    private final List<Finding> kept = new ArrayList<>(0);
    private long droppedErrors;
    private long droppedWarnings;

    public Findings(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
    }

    /** A collector with the same limit, for one part of the work (one range of candidates, say). */
    public Findings sibling() {
        return new Findings(limit);
    }

    public void add(Finding finding) {
        if (kept.size() < limit) {
            kept.add(finding);
        } else if (finding.severity() == Severity.ERROR) {
            droppedErrors++;
        } else {
            droppedWarnings++;
        }
    }

    /** Adds what {@code other} kept, and counts what it dropped. */
    public void addAll(Findings other) {
        for (Finding finding : other.kept) {
            add(finding);
        }
        droppedErrors += other.droppedErrors;
        droppedWarnings += other.droppedWarnings;
    }

    /** Counts findings dropped elsewhere. */
    public void addDropped(long errors, long warnings) {
        droppedErrors += errors;
        droppedWarnings += warnings;
    }

    /** The findings kept, in the order they came. */
    public List<Finding> kept() {
        return Collections.unmodifiableList(kept);
    }

    public long droppedErrors() {
        return droppedErrors;
    }

    public long droppedWarnings() {
        return droppedWarnings;
    }

    public boolean isEmpty() {
        return kept.isEmpty() && droppedErrors == 0 && droppedWarnings == 0;
    }

    public boolean hasErrors() {
        return droppedErrors > 0 || kept.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
