package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.GenerationResult;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.OverwriteRefusedException;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.Severity;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.io.DocumentBytes;
import dev.readbackplan.internal.io.OutputFiles;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Locations;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.EvidenceFields;
import dev.readbackplan.internal.schema.PlanTemplate;
import dev.readbackplan.internal.text.Pointer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the plan of a valid snapshot over an existing plan file without losing the reviewers' work:
 * the new plan is staged, the old file read strictly, and the staged plan committed only when nothing
 * would be lost (or the {@link Permissions} allow it); otherwise it is abandoned for the new plan with
 * the old entries written in, validated whole, or the write is refused with what would be lost.
 */
public final class Regenerator {
    /**
     * What may be lost or changed.
     *
     * @param discardEvidence drop entries that cannot be kept, and replace a plan that cannot be read
     * @param force replace a file that is not a readback plan at all
     * @param resetChangedVerdicts keep the evidence of a changed surface, resetting its verdict
     */
    public record Permissions(boolean discardEvidence, boolean force, boolean resetChangedVerdicts) {}

    /**
     * What was written.
     *
     * @param generation the snapshot's report and the plan's summary
     * @param keptCandidates how many candidates kept their entries
     * @param discardedCandidateIds the candidates whose entries were dropped
     * @param changedSurfaces candidate id to the names of its surface fields that changed
     * @param brokenPlanReplaced whether an unreadable plan was replaced
     */
    public record Outcome(GenerationResult generation, int keptCandidates, List<String> discardedCandidateIds,
            Map<String, List<String>> changedSurfaces, boolean brokenPlanReplaced) {}

    /** The new plan, two ways: streamed (for a file with no entries) or as a tree (to write entries into). */
    public interface NewPlan {
        /**
         * Streams the plan, byte for byte as the reference generator does.
         *
         * @param out where it goes
         * @return the snapshot's report and the plan's summary
         * @throws IOException when {@code out} fails
         */
        GenerationResult write(OutputStream out) throws IOException;

        /** {@return the plan as a tree} */
        ObjectNode tree();
    }

    private final Limits limits;
    private final Once<Engine> engine;
    private final DocumentReader reader;

    /**
     * A regenerator with a planner's limits, schemas and reader.
     *
     * @param limits the planner's limits
     * @param engine its compiled schemas
     * @param reader its reader, which validates merged plans
     */
    public Regenerator(Limits limits, Once<Engine> engine, DocumentReader reader) {
        this.limits = limits;
        this.engine = engine;
        this.reader = reader;
    }

    /**
     * Writes the plan of {@code snapshot} to {@code target}, keeping the entries of the plan there.
     *
     * @param snapshot the valid snapshot, parsed
     * @param snapshotName how it is named in reports
     * @param plan its plan
     * @param target the plan file
     * @param permissions what may be lost
     * @return what was written
     * @throws OverwriteRefusedException when something would be lost that {@code permissions} do not allow; nothing is written then
     * @throws IOException when a file cannot be read or written
     */
    public Outcome regenerate(DocumentReader.Parsed snapshot, String snapshotName, NewPlan plan, Path target, Permissions permissions)
            throws IOException {
        // What the file holds before anything reads it: the rename is refused if it holds anything else by then,
        // so that an edit saved while this run goes is never overwritten. Its checksum is taken by the
        // comparison below as it reads the file, or, when there is none, right after staging.
        OutputFiles.Expected expected = OutputFiles.Expected.unread(target);
        GenerationResult[] result = new GenerationResult[1];
        if (expected == null || expected == OutputFiles.Expected.ABSENT) {
            OutputFiles.write(target, expected, out -> result[0] = plan.write(out), engine.get().executor());
            return new Outcome(result[0], 0, List.of(), Map.of(), false);
        }
        PlanCheck.Provenance old = new PlanCheck(limits).provenance(target);
        boolean brokenReplaced = false;
        // The new plan is staged in a temporary file first; whether it may replace the old one is known once the
        // old one has been compared or read. Then it is committed (renamed into place), or abandoned for the
        // plan with the old entries written in: closing an uncommitted transaction removes what it staged.
        try (OutputFiles.Transaction transaction = new OutputFiles.Transaction(engine.get().executor())) {
            boolean[] sameButProvenance = new boolean[1];
            transaction.stage(target, expected, out -> {
                if (old.generatedAt() != null && old.gitCommit() != null) {
                    try (InputStream in = new BufferedInputStream(expected.reading(), 1 << 16)) {
                        ExistingPlan.SameButProvenance same = new ExistingPlan.SameButProvenance(out, in, old.generatedAt(), old.gitCommit());
                        result[0] = plan.write(same);
                        sameButProvenance[0] = same.same();
                    }
                } else {
                    result[0] = plan.write(out);
                }
            });
            expected.takeChecksum(); // unless the comparison took it
            if (!sameButProvenance[0]) { // else the plan an earlier run wrote, but for its provenance: nothing to keep
                ExistingPlan.Inspection inspection = existingPlan().inspect(target);
                switch (inspection.state()) {
                    case NOT_A_PLAN -> {
                        if (!permissions.force()) {
                            throw new OverwriteRefusedException(target.toString(), OverwriteRefusedException.Reason.NOT_A_PLAN, List.of());
                        }
                    }
                    case BROKEN_PLAN -> {
                        // Forcing replaces what is not a plan; a plan that cannot be read may hold days of evidence.
                        if (!permissions.discardEvidence()) {
                            throw new OverwriteRefusedException(target.toString(), OverwriteRefusedException.Reason.BROKEN_PLAN, List.of(),
                                    Map.of(), oldPlanReport(target));
                        }
                        brokenReplaced = true;
                    }
                    default -> {
                        if (!inspection.entries().isEmpty() || !inspection.entries().unusable().isEmpty()) {
                            return withEntries(snapshot, snapshotName, plan, target, permissions, inspection.entries(), expected);
                        }
                    }
                }
            }
            transaction.commit();
        }
        return new Outcome(result[0], 0, List.of(), Map.of(), brokenReplaced);
    }

    /**
     * The regenerated plan with the entries written in: refused when entries would be lost, merged or
     * kept for a changed surface, validated whole, then written.
     */
    private Outcome withEntries(DocumentReader.Parsed parsed, String snapshotName, NewPlan newPlan, Path target, Permissions overwrite,
            ReviewerEntries entries, OutputFiles.Expected expected) throws IOException {
        List<String> discarded = new ArrayList<>();
        if (!entries.unusable().isEmpty()) {
            if (!overwrite.discardEvidence()) {
                throw new OverwriteRefusedException(target.toString(), OverwriteRefusedException.Reason.UNUSABLE_ENTRIES,
                        entries.unusable(), Map.of(), oldPlanReport(target));
            }
            discarded.addAll(entries.unusableWithEntries());
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode candidate : parsed.root().path("acceptance_candidates")) {
            ids.add(PlanTemplate.CANDIDATE_ID_PREFIX + candidate.path("surface_id").textValue());
        }
        List<String> missing = entries.missingFrom(ids);
        if (!missing.isEmpty() && !overwrite.discardEvidence()) {
            throw new OverwriteRefusedException(target.toString(), OverwriteRefusedException.Reason.ENTRIES_WOULD_BE_LOST, missing);
        }
        discarded.addAll(missing);
        ObjectNode plan = newPlan.tree();
        Map<String, List<String>> changed = entries.changedSurfaces(plan);
        Set<String> dropped = Set.of();
        Set<String> reset = Set.of();
        if (!changed.isEmpty()) {
            if (overwrite.resetChangedVerdicts()) {
                reset = changed.keySet();
            } else if (overwrite.discardEvidence()) {
                dropped = changed.keySet();
                discarded.addAll(changed.keySet());
            } else {
                throw new OverwriteRefusedException(target.toString(), OverwriteRefusedException.Reason.SURFACES_CHANGED,
                        List.copyOf(changed.keySet()), changed, null);
            }
        }
        int kept = entries.applyTo(plan, dropped, reset, List.of("status", "reviewer_outcome"));
        ValidationReport report = reader.validateTree(plan, "the plan of " + snapshotName + " with the entries of " + target, DocumentKind.PLAN);
        if (!report.isValid()) {
            throw invalidEntries(report, plan, entries, target);
        }
        OutputFiles.write(target, expected, out -> {
            PythonJsonWriter writer = new PythonJsonWriter(out);
            writer.writeDocument(plan);
            writer.flush();
        }, engine.get().executor());
        return new Outcome(new GenerationResult(parsed.report(), PlanGenerator.summary(plan)), kept, discarded, changed, false);
    }

    /**
     * The problems of the file about to be replaced that keep its entries from being carried over, as
     * {@code validate} reports them: reading problems, and those of the candidate list, each
     * candidate's place in it and its id.
     */
    private ValidationReport oldPlanReport(Path target) throws IOException {
        DocumentBytes bytes = DocumentBytes.of(target, limits.maxDocumentBytes());
        ValidationReport full = reader.read(bytes.data(), bytes.length(), bytes.tooLarge(), target.toString(), DocumentKind.PLAN, () -> { },
                DocumentReader.Purpose.VALIDATE).report();
        List<Problem> kept = full.problems().stream().filter(Regenerator::concernsTheCandidateList).toList();
        if (kept.isEmpty()) {
            return full;
        }
        return new ValidationReport(full.source(), full.kind(), kept, full.omittedErrors(), 0);
    }

    private static boolean concernsTheCandidateList(Problem problem) {
        if (problem.severity() != Severity.ERROR) {
            return false;
        }
        if (Set.of("syntax", "encoding", "limit", "duplicate-key").contains(problem.keyword())) {
            return true;
        }
        List<String> at = problem.pointerSegments();
        if (at.isEmpty()) {
            return true;
        }
        if (at.size() == 1) {
            return at.get(0).equals("schema_version") || at.get(0).equals("readback_candidates");
        }
        return at.get(0).equals("readback_candidates")
                && (at.size() == 2 || at.size() == 3 && at.get(2).equals("post_incident_readback_candidate_id"));
    }

    /**
     * The problems of a merged plan, located where the entries came from: the file replaced, its line
     * and column, and the candidate's id. A problem outside the entries (a bug) keeps the merged plan's report.
     */
    private RuntimeException invalidEntries(ValidationReport merged, ObjectNode plan, ReviewerEntries entries, Path target) throws IOException {
        List<String> carried = ReviewerEntries.carriedFields(new EvidenceFields(engine.get(), Catalog.get().readbackFields()));
        List<Finding> findings = new ArrayList<>();
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (Problem problem : merged.problems()) {
            List<String> at = problem.pointerSegments();
            String id = at.size() >= 3 && at.get(0).equals("readback_candidates") && carried.contains(at.get(2))
                    ? plan.path("readback_candidates").path(Integer.parseInt(at.get(1))).path("post_incident_readback_candidate_id").textValue()
                    : null;
            int index = id == null ? -1 : entries.indexOf(id);
            if (index < 0) {
                return new InvalidDocumentException(merged);
            }
            Pointer pointer = Pointer.ROOT.key("readback_candidates").index(index);
            for (String segment : at.subList(2, at.size())) {
                pointer = pointer.key(segment);
            }
            ids.add(id);
            findings.add(new Finding(problem.severity(), pointer,
                    Finding.LOCATE_BY_POINTER, problem.keyword(),
                    problem.message() + " (candidate " + id + ")"));
        }
        DocumentBytes bytes = DocumentBytes.of(target, limits.maxDocumentBytes());
        List<Problem> located = Locations.resolve(
                StrictJsonReader.jsonFactory(limits), bytes.data(), bytes.length(), findings);
        return new OverwriteRefusedException(target.toString(), OverwriteRefusedException.Reason.INVALID_ENTRIES, List.copyOf(ids),
                Map.of(), new ValidationReport(target.toString(), DocumentKind.PLAN, located, merged.omittedErrors(), merged.omittedWarnings()));
    }

    /** Reads the plan file about to be replaced, for its entries. */
    private ExistingPlan existingPlan() {
        return ExistingPlan.of(limits, engine.get());
    }
}
