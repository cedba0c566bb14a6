package dev.readbackplan.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

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
    private final DocumentOrder order;
    /** Once the limit is reached with an order: every kept finding, the latest by position on top. */
    private PriorityQueue<Placed> cut;
    private long sequence;

    /** A finding with its place in the document and the order it came in. */
    private record Placed(int[] place, long sequence, Finding finding) {}

    private static final Comparator<Placed> EARLIEST_FIRST = (a, b) -> {
        // One lambda of this class, not Comparator's combinators: the JDK's AOT cache does not keep
        // the lambdas inside java.util.Comparator, so each is spun at run time (see docs/performance.md).
        int byPlace = DocumentOrder.BY_PLACE.compare(a.place(), b.place());
        return byPlace != 0 ? byPlace : Long.compare(a.sequence(), b.sequence());
    };

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
        this(limit, absorber, null);
    }

    /**
     * As {@link #Findings(int, java.util.function.Predicate)}, keeping the earliest findings by their
     * position in the document {@code order} describes (null: the first added) when the limit cuts.
     */
    public Findings(int limit, java.util.function.Predicate<Finding> absorber, DocumentOrder order) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.limit = limit;
        this.absorber = absorber;
        this.order = order;
    }

    /** A collector with the same limit, absorber and order, for one part of the work (one range of candidates, say). */
    public Findings sibling() {
        return new Findings(limit, absorber, order);
    }

    /**
     * A collector with the same limit and absorber for findings whose pointers start at {@code part}
     * (a range of candidates validated as a list of its own, say): ordered by their place in {@code
     * part} when this collector is ordered.
     */
    public Findings siblingWithin(JsonNode part) {
        return new Findings(limit, absorber, order == null ? null : new DocumentOrder(part));
    }

    public void add(Finding finding) {
        if (absorber != null && absorber.test(finding)) {
            return;
        }
        if (cut == null && kept.size() < limit) {
            kept.add(finding);
            return;
        }
        if (order == null) {
            countDropped(finding);
            return;
        }
        if (cut == null) {
            cut = new PriorityQueue<>(limit + 1, EARLIEST_FIRST.reversed());
            for (Finding k : kept) {
                cut.add(new Placed(order.place(k.pointer()), sequence++, k));
            }
            kept.clear();
        }
        Placed placed = new Placed(order.place(finding.pointer()), sequence++, finding);
        if (EARLIEST_FIRST.compare(placed, cut.peek()) < 0) {
            countDropped(cut.poll().finding());
            cut.add(placed);
        } else {
            countDropped(finding);
        }
    }

    private void countDropped(Finding finding) {
        if (finding.severity() == Severity.ERROR) {
            droppedErrors++;
        } else {
            droppedWarnings++;
        }
    }

    /** Adds what {@code other} kept, and counts what it dropped. */
    public void addAll(Findings other) {
        List<Finding> others = other.kept();
        for (Finding finding : others) {
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

    /**
     * The findings kept, in the order they came; once an order has cut, by position (ties in the
     * order they came).
     */
    public List<Finding> kept() {
        if (cut != null) {
            return cut.stream().sorted(EARLIEST_FIRST).map(Placed::finding).toList();
        }
        return Collections.unmodifiableList(kept);
    }

    public long droppedErrors() {
        return droppedErrors;
    }

    public long droppedWarnings() {
        return droppedWarnings;
    }

    public boolean isEmpty() {
        return kept.isEmpty() && cut == null && droppedErrors == 0 && droppedWarnings == 0;
    }

    public boolean hasErrors() {
        return droppedErrors > 0 || kept().stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
