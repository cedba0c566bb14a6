package dev.readbackplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.PlanComparison;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.plan.PlanDiff;
import dev.readbackplan.internal.render.MarkdownReview;
import dev.readbackplan.internal.render.ReviewRenderer;
import dev.readbackplan.internal.render.SarifWriter;
import dev.readbackplan.internal.review.CandidateReview;
import dev.readbackplan.internal.review.PlanReviewer;
import dev.readbackplan.internal.review.ReviewDocument;
import dev.readbackplan.internal.review.ReviewRunner;
import dev.readbackplan.internal.review.ReviewedPlan;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.ReadyLanes;
import dev.readbackplan.model.ReadbackCandidate.OutcomeLaneId;
import dev.readbackplan.model.ReadbackReview;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The review of a filled readback plan against its snapshot, from {@link ReadbackPlanner#review}: one
 * of two cases, which its type says.
 *
 * <ul>
 *   <li>{@link Reviewed}: the plan is current for its snapshot and was reviewed. It has, for each
 *       candidate in plan order, its outcome lane, its failed checks, its missing evidence fields and
 *       its quarantined fields (pointers, never values), the review document, and writes the
 *       reviewed plan.
 *   <li>{@link OutOfDate}: the plan's content, apart from the reviewers' fields and the provenance,
 *       differs from what the snapshot gives, so it was not reviewed; {@link #comparison()} names the
 *       first difference.
 * </ul>
 *
 * <p>Both have the four renderings ({@link #toText()}, {@link #toMarkdown()}, {@link #writeJson},
 * {@link #toSarif}; for a plan that is out of date they say so, so that a pipeline that publishes the
 * review has a document to publish), the snapshot's report and the comparison.
 *
 * <p>A plan file that is current for its snapshot, with no warning and no problem but values to
 * quarantine, is reviewed as it streams ({@link ReadbackPlanner#review(Path, Path, String)}): the review keeps each candidate's review, not
 * the plan. What needs the plan itself ({@link #toMarkdown()} quotes evidence values, {@link #toSarif}
 * locates results in its bytes, {@link Reviewed#writeReviewedPlan} rewrites it) reads the file again,
 * once, and only while it still holds the bytes reviewed (their SHA-256): a file changed since is
 * refused, never rendered or rewritten in place of the plan reviewed. A review of a plan read whole (a
 * stream, or a plan with problems) keeps its bytes and tree.
 *
 * <pre>{@code
 * PlanReview review = planner.review(planFile, snapshotFile, null);
 * if (review instanceof PlanReview.Reviewed reviewed && reviewed.allReady()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public abstract sealed class PlanReview permits PlanReview.Reviewed, PlanReview.OutOfDate {
    /** The characters {@link #toMarkdown()} keeps within: under the 65,536 of a GitHub comment. */
    public static final int DEFAULT_MARKDOWN_BUDGET = MarkdownReview.DEFAULT_BUDGET;
    /** The smallest budget {@link #toMarkdown(int)} takes besides 0 (no limit): the summary of any plan fits in it. */
    public static final int MIN_MARKDOWN_BUDGET = MarkdownReview.MIN_BUDGET;
    private static final Set<String> READY_LANES = ReadyLanes.ids();

    final String planName;
    final ValidationReport snapshotReport;
    final String snapshotSha256;
    /** The reviewed plan: SARIF locates its results in its bytes. */
    final ReviewedPlan plan;

    private PlanReview(ReviewRunner.Outcome outcome) {
        this.planName = outcome.planName();
        this.snapshotReport = outcome.snapshotReport();
        this.snapshotSha256 = outcome.snapshotSha256();
        this.plan = outcome.plan();
    }

    /** The public review of what the runner found. */
    static PlanReview of(ReviewRunner.Outcome outcome) {
        PlanDiff.Difference difference = outcome.result().outOfDate();
        return difference == null ? new Reviewed(outcome) : new OutOfDate(outcome, difference);
    }

    /** {@return whether the plan is current for its snapshot: whether this is a {@link Reviewed}} */
    public abstract boolean isCurrent();

    /** {@return up to date, or the first difference between the plan and what its snapshot gives (reviewers' fields aside)} */
    public abstract PlanComparison comparison();

    /**
     * {@return the snapshot's validation report: valid, with the warnings generation prints (a misspelt
     * key, counts that disagree), which every review format repeats}
     */
    public ValidationReport snapshotReport() {
        return snapshotReport;
    }

    /**
     * Writes the review document, validated against its schema, in the canonical JSON format; for a
     * plan that is out of date, an object that says it was not reviewed, and why.
     *
     * @param out where it goes; not closed
     * @throws IOException when {@code out} cannot be written
     */
    public void writeJson(OutputStream out) throws IOException {
        // Through the one escaping function: bidi, zero-width and control characters as backslash-u escapes.
        // The report layout escapes every invisible character and lone surrogate inside strings (bidi, zero-width, controls).
        out.write(PythonJsonWriter.reportText(json()).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The tree {@link #writeJson} writes. */
    abstract JsonNode json();

    /**
     * {@return one line per candidate, {@code surface_id: lane (failed: check, ...)}, then the plan and
     * snapshot reviewed with their SHA-256 and a tally of the lanes that have candidates; for a plan that is not
     * current, two lines that say so}
     */
    public abstract String toText();

    /**
     * {@return a Markdown report for a pull request, within 65,000 characters: see
     * {@link #toMarkdown(int)}}
     */
    public String toMarkdown() {
        return toMarkdown(DEFAULT_MARKDOWN_BUDGET);
    }

    /**
     * A Markdown report for a pull request, kept within a budget of characters (UTF-16 units, never
     * fewer than the characters a reader counts). First the plan and snapshot reviewed, with their
     * SHA-256; then what needs action: the candidates per lane that needs it, the quarantined values
     * counted, the unmet checks with their candidate counts, the catalog's instruction and an English
     * explanation, and the lanes that have candidates; then the candidates grouped by lane, lanes that
     * need action first, each with its unmet checks and why, its missing fields, its filled evidence
     * values (escaped; a quarantined value is never shown) and its quarantined fields. A group of more
     * than a few candidates has its detail in a {@code <details>} element. The detail that does not fit
     * is left out, and the last line says what was left out and how to get the full report. For a plan that
     * is not current, a heading that says so.
     *
     * @param budget the most characters the report may have, at least 16,000;
     *     0 for no limit
     * @return the report
     * @throws IllegalArgumentException when the budget is neither 0 nor at least 16,000
     * @throws java.io.UncheckedIOException when the review streamed the plan and the file cannot be read
     *     again, or no longer holds the bytes reviewed (see the class comment)
     */
    public String toMarkdown(int budget) {
        MarkdownReview.checkBudget(budget);
        return markdown(budget);
    }

    /** The Markdown report, the budget checked. */
    abstract String markdown(int budget);

    /**
     * The review as SARIF 2.1.0, for code-scanning dashboards, recording this library's {@link
     * ReadbackPlanner#VERSION}: see {@link #toSarif(String)}.
     *
     * @return the SARIF JSON text
     */
    public String toSarif() {
        return toSarif(ReadbackPlanner.VERSION);
    }

    /**
     * The review as SARIF 2.1.0, for code-scanning dashboards: one result per candidate that needs something from its reviewers (the README's "SARIF" section says what each holds).
     * Each result has the line and column of its value in the plan that was reviewed: the review
     * keeps its bytes, or reads the file again only while it holds them (see the class comment), so the
     * caller need not read the plan and a file changed since cannot mislead.
     * A plan that is not current gives one error result.
     *
     * @param toolVersion the version to record in {@code tool.driver.version}
     * @return the SARIF JSON text
     * @throws java.io.UncheckedIOException when the review streamed the plan and the file cannot be read
     *     again, or no longer holds the bytes reviewed
     */
    public String toSarif(String toolVersion) {
        return SarifWriter.review(sarifFacts(), toolVersion, reviewedBytes());
    }

    /**
     * The review as SARIF 2.1.0, located in the plan that was reviewed, file locations relative to
     * {@code base} (code scanning's checkout: the repository's root): as {@link #toSarif(String)}.
     *
     * @param toolVersion the version to record in {@code tool.driver.version}
     * @param base the folder file locations are relative to, as {@code originalUriBaseIds} records
     * @return the SARIF JSON text
     */
    public String toSarif(String toolVersion, Path base) {
        return SarifWriter.review(sarifFacts(), toolVersion, reviewedBytes(), base);
    }

    /**
     * The review as SARIF 2.1.0, located in bytes the caller read again.
     *
     * @param toolVersion the version to record in {@code tool.driver.version}
     * @param planBytes the plan file's bytes, to give results a line and column; null for none
     * @return the SARIF JSON text
     * @deprecated the review keeps the bytes it reviewed: use {@link #toSarif(String)}
     */
    @Deprecated
    public String toSarif(String toolVersion, byte @Nullable [] planBytes) {
        return SarifWriter.review(sarifFacts(), toolVersion, planBytes);
    }

    /**
     * The review as SARIF 2.1.0, file locations relative to {@code base} (code scanning's checkout:
     * the repository's root): as {@link #toSarif(String)}.
     *
     * @param toolVersion the version to record in {@code tool.driver.version}
     * @param planBytes the plan file's bytes, to give results a line and column; null for none
     * @param base the folder file locations are relative to, as {@code originalUriBaseIds} records
     * @return the SARIF JSON text
     */
    public String toSarif(String toolVersion, byte[] planBytes, Path base) {
        return SarifWriter.review(sarifFacts(), toolVersion, planBytes, base);
    }

    /** What the SARIF renderer needs of this review (an out-of-date plan has no candidates and no hash). */
    abstract SarifWriter.Review sarifFacts();

    private byte[] reviewedBytes() {
        return plan.bytes();
    }

    /**
     * A plan that is current for its snapshot, reviewed: each candidate's lane, failed checks, missing
     * and quarantined fields, the review document, and the reviewed plan to write. The review holds the
     * plan's tree, so that {@link #writeReviewedPlan} can write it. Thread-safe.
     */
    public static final class Reviewed extends PlanReview {
        private final List<CandidateReview> candidates;
        private final ReviewDocument.Lazy document;
        private final PlanReviewer reviewer;

        private Reviewed(ReviewRunner.Outcome outcome) {
            super(outcome);
            this.reviewer = outcome.reviewer();
            this.candidates = outcome.result().candidates();
            this.document = java.util.Objects.requireNonNull(outcome.result().document(), "document");
        }

        /** {@return true: the plan is current for its snapshot} */
        @Override
        public boolean isCurrent() {
            return true;
        }

        /** {@return up to date} */
        @Override
        public PlanComparison comparison() {
            return PlanComparison.matching();
        }

        /** {@return the review as the typed model of the review schema ({@code monitoring_post_incident_readback_review_v1}): a copy of its own} */
        public ReadbackReview document() {
            try {
                return Typed.MAPPER.treeToValue(document.tree(), ReadbackReview.class);
            } catch (IOException e) {
                throw new IllegalStateException("the review does not bind to the model", e);
            }
        }

        @Override
        JsonNode json() {
            return document.tree();
        }

        @Override
        public String toText() {
            return ReviewRenderer.text(candidates, Catalog.get(), planName, planSha256(), snapshotReport.source(), snapshotSha256).toString();
        }

        @Override
        String markdown(int budget) {
            List<String> evidenceFields = reviewer.rules().fields().all();
            // Only the evidence values: a review that streamed the plan reads them without the plan's tree.
            JsonNode planCandidates = plan.candidateMembers(evidenceFields);
            List<MarkdownReview.Candidate> shown = new ArrayList<>(candidates.size());
            for (CandidateReview review : candidates) {
                JsonNode candidate = planCandidates.get(review.index());
                Set<String> quarantined = new HashSet<>(review.quarantinedFields());
                Map<String, String> evidence = new LinkedHashMap<>();
                for (String field : evidenceFields) {
                    JsonNode value = candidate.get(field);
                    String pointer = "/readback_candidates/" + review.index() + "/" + field;
                    if (value != null && value.isTextual() && !review.missingFields().contains(field) && !quarantined.contains(pointer)) {
                        evidence.put(field, value.textValue());
                    }
                }
                shown.add(new MarkdownReview.Candidate(review, evidence));
            }
            MarkdownReview.Provenance provenance = new MarkdownReview.Provenance(planName, planSha256(),
                    snapshotReport.source(), snapshotSha256, document.header().reviewedAt(),
                    document.header().planGeneratedAt().textValue(), document.header().planGitCommit().textValue());
            Map<String, String> instructions = new LinkedHashMap<>();
            ReadbackPlanner.catalog().reviewerChecks().forEach(check -> instructions.put(check.id(), check.instruction()));
            Map<String, String> meanings = new LinkedHashMap<>();
            ReadbackPlanner.catalog().outcomeLanes().forEach(lane -> meanings.put(lane.id().value(), lane.meaning()));
            return MarkdownReview.render(shown, instructions, meanings, READY_LANES, provenance, snapshotReport.warnings(), budget).toString();
        }

        /** {@return the outcome lane of each candidate, in plan order} */
        public List<OutcomeLaneId> lanes() {
            return candidates.stream().map(c -> OutcomeLaneId.fromValue(c.lane())).toList();
        }

        /**
         * {@return whether the plan has candidates and every one is ready for review or waiting for its
         * runtime gate (what CI may require); a plan with no candidate is not ready}
         */
        public boolean allReady() {
            return !candidates.isEmpty() && candidates.stream().allMatch(c -> READY_LANES.contains(c.lane()));
        }

        /** {@return the JSON Pointers of every quarantined evidence field, in plan order} */
        public List<String> quarantinedPointers() {
            List<String> pointers = new ArrayList<>();
            candidates.forEach(c -> pointers.addAll(c.quarantinedFields()));
            return pointers;
        }

        /**
         * {@return the JSON Pointers of the quarantined evidence fields with a secret or raw-payload finding, in plan
         * order: the values {@link #writeReviewedPlan} sets to null (the other quarantined values stay)}
         */
        public List<String> nulledPointers() {
            List<String> pointers = new ArrayList<>();
            candidates.forEach(c -> pointers.addAll(c.nulledFields()));
            return pointers;
        }

        /**
         * The candidate id of each quarantined pointer, for messages that name the candidate.
         *
         * @return quarantined pointer to the id of its candidate, in plan order
         */
        public Map<String, String> quarantinedCandidates() {
            Map<String, String> ids = new LinkedHashMap<>();
            candidates.forEach(c -> c.quarantinedFields().forEach(pointer -> ids.put(pointer, c.candidateId())));
            return ids;
        }

        /**
         * Writes the plan with each candidate's lane in its {@code status} (the tool's field; {@code
         * reviewer_outcome} is the reviewer's claim and is never changed, so a rejected claim is rejected
         * again on the next review) and every value with a secret or raw-payload finding set to null
         * ({@link #nulledPointers()}), in the canonical format, after validating it; {@code out} is not
         * closed. A value quarantined for its shape alone holds no secret and stays: it is the reviewer's
         * information, and keeps its candidate in {@code quarantine_raw_payload} until corrected.
         *
         * @param out where it goes; not closed
         * @throws InvalidDocumentException when the plan would not be valid (a bug); nothing is written then
         * @throws IOException when {@code out} cannot be written, or the review streamed the plan and the
         *     file cannot be read again or no longer holds the bytes reviewed (nothing is written then)
         */
        public void writeReviewedPlan(OutputStream out) throws IOException {
            JsonNode loaded;
            try {
                loaded = plan.tree();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            JsonNode reviewed;
            synchronized (this) {
                // The review's own tree stays as it was read.
                reviewed = loaded.deepCopy();
            }
            reviewer.writer().applyTo(reviewed, candidates, planName);
            PythonJsonWriter writer = new PythonJsonWriter(out);
            writer.writeDocument(reviewed);
            writer.flush();
        }

        /** The SHA-256 of the reviewed plan's bytes, as the review records it. */
        private String planSha256() {
            return document.header().planSha256();
        }

        @Override
        SarifWriter.Review sarifFacts() {
            return new SarifWriter.Review(true, planName, comparison(), candidates, snapshotReport, planSha256());
        }
    }

    /**
     * A plan that is not current for its snapshot, so not reviewed: its {@link #comparison()} names the
     * first difference, and each rendering says so. Thread-safe.
     */
    public static final class OutOfDate extends PlanReview {
        private final PlanComparison comparison;

        private OutOfDate(ReviewRunner.Outcome outcome, PlanDiff.Difference difference) {
            super(outcome);
            this.comparison = PlanComparison.differs(difference.pointer().segments(), difference.description());
        }

        /** {@return false: the plan is out of date for its snapshot} */
        @Override
        public boolean isCurrent() {
            return false;
        }

        /** {@return the first difference between the plan and what its snapshot gives (reviewers' fields aside)} */
        @Override
        public PlanComparison comparison() {
            return comparison;
        }

        @Override
        JsonNode json() {
            // Not a review document: an object that says the plan was not reviewed, and why.
            ObjectNode statement = Typed.MAPPER.createObjectNode();
            statement.put("plan", planName);
            statement.put("plan_current", false);
            statement.put("reviewed", false);
            statement.put("pointer", comparison.displayPointer());
            statement.put("difference", comparison.difference());
            statement.put("message", "the plan is out of date for its snapshot; regenerate it from its snapshot, then review it again");
            return statement;
        }

        @Override
        public String toText() {
            return ReviewRenderer.outOfDate(planName, comparison.pointerSegments(), comparison.difference(), false).toString();
        }

        @Override
        String markdown(int budget) {
            return ReviewRenderer.outOfDate(planName, comparison.pointerSegments(), comparison.difference(), true).toString();
        }

        @Override
        SarifWriter.Review sarifFacts() {
            return new SarifWriter.Review(false, planName, comparison, List.of(), snapshotReport, "");
        }
    }

    private static final class Typed {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
