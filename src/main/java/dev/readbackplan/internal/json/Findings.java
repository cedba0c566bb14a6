package dev.readbackplan.internal.json;

import dev.readbackplan.document.Severity;
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
    private final java.util.function.Predicate<Finding> absorber;
    private final List<Finding> kept = new ArrayList<>(0);
    private long droppedErrors;
    private long droppedWarnings;
    private long added;

    public Findings(int limit) {
        this(limit, null);
    }

    /**
     * A collector that first offers each finding to {@code absorber} (thread-safe; null for none): a
     * finding it takes (returns true for) is neither kept nor counted here. A review counts the
     * problems that only quarantine an evidence value this way, however many there are, and keeps
     * its limit for the others.
     */
    public Findings(int limit, java.util.function.Predicate<Finding> absorber) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
        this.absorber = absorber;
    }

    /** A collector with the same limit and absorber, for one part of the work (one range of candidates, say). */
    public Findings sibling() {
        return new Findings(limit, absorber);
    }

    /** How many findings were added, absorbed, kept or dropped: whether a check found anything at all. */
    public long added() {
        return added;
    }

    public void add(Finding finding) {
        added++;
        if (absorber != null && absorber.test(finding)) {
            return;
        }
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
        added += other.added - other.kept.size();
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
