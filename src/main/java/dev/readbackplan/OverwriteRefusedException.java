package dev.readbackplan;

import dev.readbackplan.internal.report.Display;
import java.util.List;
import java.util.Objects;

/**
 * Thrown when regenerating a plan over an existing file would lose something: the file is not a
 * readback plan at all, or candidates with reviewers' entries would disappear. Nothing was written.
 */
public class OverwriteRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the file was not overwritten. */
    public enum Reason {
        /** The file exists and is not a readback plan (another document, or unreadable): allow it with {@code force}. */
        NOT_A_PLAN,
        /** Candidates with reviewers' entries are not in the snapshot any more: allow it with {@code discardEvidence}. */
        ENTRIES_WOULD_BE_LOST
    }

    /** Why the file was not overwritten. */
    private final Reason reason;
    /** The candidates whose entries would be lost. */
    private final transient List<String> candidateIds;

    /**
     * Creates the exception, its message naming the file, the reason and the candidates.
     *
     * @param file the file that was not overwritten
     * @param reason why
     * @param candidateIds the candidates whose entries would be lost (empty for {@link Reason#NOT_A_PLAN})
     */
    public OverwriteRefusedException(String file, Reason reason, List<String> candidateIds) {
        super(message(file, reason, candidateIds));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.candidateIds = List.copyOf(candidateIds);
    }

    /** {@return why the file was not overwritten} */
    public Reason reason() {
        return reason;
    }

    /** {@return the ids of the candidates whose entries would be lost, in plan order} */
    public List<String> candidateIds() {
        return candidateIds;
    }

    private static String message(String file, Reason reason, List<String> ids) {
        String shown = Display.text(file);
        if (reason == Reason.NOT_A_PLAN) {
            return shown + " exists and is not a readback plan; nothing was written (--force replaces it)";
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < ids.size() && i < 20; i++) {
            names.append(i == 0 ? "" : ", ").append(Display.text(ids.get(i)));
        }
        if (ids.size() > 20) {
            names.append(", and ").append(ids.size() - 20).append(" more");
        }
        return shown + ": " + ids.size() + (ids.size() == 1 ? " candidate" : " candidates")
                + " with reviewers' entries would disappear (their surfaces left the snapshot): " + names
                + "; nothing was written (--discard-evidence drops them)";
    }
}
