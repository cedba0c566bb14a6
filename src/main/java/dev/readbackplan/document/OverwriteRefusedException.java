package dev.readbackplan.document;

import dev.readbackplan.internal.text.Display;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when regenerating a plan over an existing file would lose something: the file is not a
 * readback plan at all, it is a plan that cannot be read, or reviewers' entries would be dropped,
 * merged or kept for a surface that changed. Nothing was written.
 */
public class OverwriteRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the file was not overwritten. */
    public enum Reason {
        /** The file exists and is not a readback plan (another document, or unreadable): allow it with {@code force}. */
        NOT_A_PLAN,
        /** Candidates with reviewers' entries are not in the snapshot any more: allow it with {@code discardEvidence}. */
        ENTRIES_WOULD_BE_LOST,
        /**
         * The file says it is a readback plan (its schema version, or its shape) but cannot be read
         * as one; {@link #report()} locates why. Only {@code discardEvidence} replaces it, dropping every
         * entry it holds; {@code force} does not.
         */
        BROKEN_PLAN,
        /**
         * Candidates cannot be carried over by id: an id missing, null or repeated, or a candidate that
         * is not an object; {@link #report()} locates them. Allow it with {@code discardEvidence}, which
         * drops their entries.
         */
        UNUSABLE_ENTRIES,
        /**
         * Candidates with reviewers' entries have a surface that changed ({@link #changedFields()}):
         * evidence read back for one version of a surface is not evidence for the next. Allow it with
         * {@code discardEvidence} (their entries are dropped) or {@code resetChangedVerdicts} (their
         * evidence is kept, their lane and claim start again).
         */
        SURFACES_CHANGED,
        /**
         * Reviewers' entries would make the regenerated plan invalid; {@link #report()} locates them in
         * the file replaced. No flag allows it: correct the file.
         */
        INVALID_ENTRIES
    }

    /**
     * What allows an overwrite that was refused: a component of {@code ReadbackPlanner.Overwrite}. The
     * message names each as {@link #message(Function)} is told, so a command line can name its flags.
     */
    public enum Remedy {
        /** {@code Overwrite.force}: replace a file that is not a readback plan. */
        FORCE("force"),
        /** {@code Overwrite.discardEvidence}: drop the reviewers' entries that cannot be carried over. */
        DISCARD_EVIDENCE("discardEvidence"),
        /** {@code Overwrite.resetChangedVerdicts}: keep the evidence of changed surfaces, start their lane and claim again. */
        RESET_CHANGED_VERDICTS("resetChangedVerdicts");

        private final String component;

        Remedy(String component) {
            this.component = component;
        }

        /** {@return the name of the {@code ReadbackPlanner.Overwrite} component that allows it, such as {@code force}} */
        public String component() {
            return component;
        }
    }

    /** The file that was not overwritten, as given. */
    private final String file;
    /** Why the file was not overwritten. */
    private final Reason reason;
    /** The candidates concerned. */
    private final transient List<String> candidateIds;
    /** For {@link Reason#SURFACES_CHANGED}: candidate id to the names of the fields that changed. */
    private final transient Map<String, List<String>> changedFields;
    /** The located problems of the file replaced, or null. */
    private final transient @Nullable ValidationReport report;

    /**
     * Creates the exception, its message naming the file, the reason and the candidates.
     *
     * @param file the file that was not overwritten
     * @param reason why
     * @param candidateIds the candidates whose entries would be lost (empty for {@link Reason#NOT_A_PLAN})
     */
    public OverwriteRefusedException(String file, Reason reason, List<String> candidateIds) {
        this(file, reason, candidateIds, Map.of(), null);
    }

    /**
     * Creates the exception with the fields that changed and the old file's located problems.
     *
     * @param file the file that was not overwritten
     * @param reason why
     * @param candidateIds the candidates concerned: their ids, or the pointer of a candidate without a usable id
     * @param changedFields for {@link Reason#SURFACES_CHANGED}: candidate id to the names of the fields that changed
     * @param report the located problems of the file, or null
     */
    public OverwriteRefusedException(String file, Reason reason, List<String> candidateIds, Map<String, List<String>> changedFields,
            @Nullable ValidationReport report) {
        super(message(file, reason, candidateIds, changedFields, remedy -> "Overwrite." + remedy.component()));
        this.file = file;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.candidateIds = List.copyOf(candidateIds);
        this.changedFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changedFields));
        this.report = report;
    }

    /** {@return why the file was not overwritten} */
    public Reason reason() {
        return reason;
    }

    /** {@return the ids of the candidates concerned, in plan order (a candidate without a usable id by its pointer)} */
    public List<String> candidateIds() {
        return candidateIds;
    }

    /** {@return for {@link Reason#SURFACES_CHANGED}, candidate id to the names of the surface fields that changed; else empty} */
    public Map<String, List<String>> changedFields() {
        return changedFields;
    }

    /** {@return the problems of the file replaced, each located as {@code validate} reports it; null when there are none to show} */
    public @Nullable ValidationReport report() {
        return report;
    }

    /**
     * The message with each remedy named as the caller names it: {@link #getMessage()} names the
     * components of {@code ReadbackPlanner.Overwrite} ({@code Overwrite.force}); a command line names
     * its flags.
     *
     * @param name how to name each remedy
     * @return the message: the file, the reason, the candidates and what would allow the overwrite
     */
    public String message(Function<Remedy, String> name) {
        Objects.requireNonNull(name, "name");
        return message(file, reason, candidateIds, changedFields, name);
    }

    /** Up to 20 names, then how many more. */
    static String names(List<String> ids, java.util.function.Function<String, String> describe) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < ids.size() && i < 20; i++) {
            names.append(i == 0 ? "" : ", ").append(describe.apply(ids.get(i)));
        }
        if (ids.size() > 20) {
            names.append(", and ").append(ids.size() - 20).append(" more");
        }
        return names.toString();
    }

    private static String candidates(int count) {
        return count + (count == 1 ? " candidate" : " candidates");
    }

    private static String message(String file, Reason reason, List<String> ids, Map<String, List<String>> changed,
            Function<Remedy, String> name) {
        String shown = Display.text(file);
        String force = name.apply(Remedy.FORCE);
        String discard = name.apply(Remedy.DISCARD_EVIDENCE);
        String reset = name.apply(Remedy.RESET_CHANGED_VERDICTS);
        switch (reason) {
            case NOT_A_PLAN:
                return shown + " exists and is not a readback plan; nothing was written (" + force + " replaces it)";
            case BROKEN_PLAN:
                return shown + " is a readback plan that cannot be read (see the problems above); nothing was written"
                        + " (fix it, or " + discard + " replaces it and drops every reviewer's entry in it; " + force + " does not)";
            case UNUSABLE_ENTRIES:
                return shown + ": " + candidates(ids.size()) + " cannot be carried over by candidate id (an id missing, null or"
                        + " repeated; see the problems above): " + names(ids, Display::text)
                        + "; nothing was written (fix them, or " + discard + " drops their entries)";
            case SURFACES_CHANGED:
                return shown + ": " + candidates(ids.size()) + " with reviewers' entries changed surface since the entries were made: "
                        + names(ids, id -> Display.text(id) + " (" + String.join(", ", changed.getOrDefault(id, List.of())) + ")")
                        + "; nothing was written (" + reset + " keeps their evidence and starts their lane and claim"
                        + " again; " + discard + " drops their entries)";
            case INVALID_ENTRIES:
                return shown + ": the reviewers' entries of " + candidates(ids.size()) + " would make the regenerated plan invalid"
                        + " (see the problems above): " + names(ids, Display::text) + "; nothing was written";
            default:
                return shown + ": " + candidates(ids.size()) + " with reviewers' entries would disappear (their surfaces left the snapshot): "
                        + names(ids, Display::text) + "; nothing was written (" + discard + " drops them)";
        }
    }
}
