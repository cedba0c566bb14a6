package dev.readbackplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.PlanComparison;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.review.PlanReviewer;
import dev.readbackplan.internal.review.ReviewRenderer;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.model.ReadbackReview;
import dev.readbackplan.text.SafeText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The review of a filled readback plan against its snapshot, from {@link ReadbackPlanner#review}.
 *
 * <p>A plan that is not {@linkplain #isCurrent() current} for its snapshot (its content, apart from
 * the reviewers' fields and the provenance, differs from what the snapshot gives) is not reviewed:
 * {@link #comparison()} then names the first difference, and the other accessors throw {@link
 * IllegalStateException}. A current plan has, for each candidate in plan order, its outcome lane, its
 * failed checks, its missing evidence fields and its quarantined fields (pointers, never values).
 *
 * <p>Thread-safe. The review holds the plan's tree, so that {@link #writeReviewedPlan} can write it.
 */
public final class PlanReview {
    private static final Set<String> READY_LANES = Set.of("ready_for_monitoring_post_incident_review", "waiting_runtime_gate");

    private final PlanComparison comparison;
    private final List<PlanReviewer.CandidateReview> candidates;
    private final ObjectNode document;
    private final JsonNode plan;
    private final String planName;
    private final PlanReviewer reviewer;
    private final ValidationReport snapshotReport;
    /** The reviewed plan's bytes, the first {@code planLength} of {@code planData}: SARIF locates its results in them. */
    private final byte[] planData;
    private final int planLength;

    PlanReview(PlanReviewer reviewer, PlanReviewer.Result result, JsonNode plan, String planName, ValidationReport snapshotReport,
            byte[] planData, int planLength) {
        this.snapshotReport = snapshotReport;
        this.planData = planData;
        this.planLength = planLength;
        this.comparison = result.outOfDate() == null ? PlanComparison.matching()
                : PlanComparison.differs(result.outOfDate().pointer().segments(), result.outOfDate().description());
        this.reviewer = reviewer;
        this.candidates = result.candidates();
        this.document = result.document();
        this.plan = plan;
        this.planName = planName;
    }

    /** {@return whether the plan is current for its snapshot; only a current plan is reviewed} */
    public boolean isCurrent() {
        return comparison.upToDate();
    }

    /** {@return up to date, or the first difference between the plan and what its snapshot gives (reviewers' fields aside)} */
    public PlanComparison comparison() {
        return comparison;
    }

    /** {@return the review as the typed model of the review schema ({@code monitoring_post_incident_readback_review_v1})} */
    public ReadbackReview document() {
        requireCurrent();
        try {
            return Typed.MAPPER.treeToValue(document, ReadbackReview.class);
        } catch (IOException e) {
            throw new IllegalStateException("the review does not bind to the model", e);
        }
    }

    /**
     * Writes the review document, validated against its schema, in the canonical JSON format.
     *
     * @param out where it goes; not closed
     * @throws IOException when {@code out} cannot be written
     */
    public void writeJson(OutputStream out) throws IOException {
        requireCurrent();
        // Through the one escaping function: bidi, zero-width and control characters as backslash-u escapes.
        out.write(SafeText.json(document).toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * {@return the snapshot's validation report: valid, with the warnings generation prints (a misspelt
     * key, counts that disagree), which every review format repeats}
     */
    public ValidationReport snapshotReport() {
        return snapshotReport;
    }

    /** {@return one line per candidate, {@code surface_id: lane (failed: check, ...)}, then a tally per lane} */
    public String toText() {
        requireCurrent();
        return ReviewRenderer.text(candidates, Catalog.get()).toString();
    }

    /** {@return a Markdown report for a pull request: the lane tally, then each candidate's unmet checks with their instructions} */
    public String toMarkdown() {
        requireCurrent();
        return ReviewRenderer.markdown(candidates, Catalog.get(), document.get("reviewed_at").textValue(),
                document.get("plan_generated_at").textValue(), document.get("plan_git_commit").textValue(),
                document.get("plan_sha256").textValue(), snapshotReport.source(), snapshotReport.warnings()).toString();
    }

    /** {@return the outcome lane of each candidate, in plan order} */
    public List<String> lanes() {
        requireCurrent();
        return candidates.stream().map(PlanReviewer.CandidateReview::lane).toList();
    }

    /**
     * {@return whether the plan has candidates and every one is ready for review or waiting for its
     * runtime gate (what CI may require); a plan with no candidate is not ready}
     */
    public boolean allReady() {
        requireCurrent();
        return !candidates.isEmpty() && candidates.stream().allMatch(c -> READY_LANES.contains(c.lane()));
    }

    /** {@return the JSON Pointers of every quarantined evidence field, in plan order} */
    public List<String> quarantinedPointers() {
        requireCurrent();
        List<String> pointers = new ArrayList<>();
        candidates.forEach(c -> pointers.addAll(c.quarantinedFields()));
        return pointers;
    }

    /**
     * {@return the JSON Pointers of the quarantined evidence fields with a secret or raw-payload finding, in plan
     * order: the values {@link #writeReviewedPlan} sets to null (the other quarantined values stay)}
     */
    public List<String> nulledPointers() {
        requireCurrent();
        List<String> pointers = new ArrayList<>();
        candidates.forEach(c -> pointers.addAll(c.nulledFields()));
        return pointers;
    }

    /**
     * The candidate id of each quarantined pointer, for messages that name the candidate.
     *
     * @return quarantined pointer to the id of its candidate, in plan order
     */
    public java.util.Map<String, String> quarantinedCandidates() {
        requireCurrent();
        java.util.Map<String, String> ids = new java.util.LinkedHashMap<>();
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
     * @throws IOException when {@code out} cannot be written
     */
    public void writeReviewedPlan(OutputStream out) throws IOException {
        requireCurrent();
        JsonNode reviewed;
        synchronized (this) {
            // The review's own tree stays as it was read.
            reviewed = plan.deepCopy();
        }
        reviewer.applyTo(reviewed, candidates, planName);
        PythonJsonWriter writer = new PythonJsonWriter(out);
        writer.writeDocument(reviewed);
        writer.flush();
    }

    /** The candidates' reviews, for the SARIF writer. */
    List<PlanReviewer.CandidateReview> candidateReviews() {
        requireCurrent();
        return candidates;
    }

    /** How the plan is named in reports. */
    String planName() {
        return planName;
    }

    /** The SHA-256 of the reviewed plan's bytes, as the review records it. */
    String planSha256() {
        requireCurrent();
        return document.get("plan_sha256").textValue();
    }

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
     * The review as SARIF 2.1.0, for code-scanning dashboards: see {@link SarifWriter#review(PlanReview, String, byte[])}.
     * Each result has the line and column of its value in the plan that was reviewed: the review
     * keeps its bytes, so the plan need not be read again (and a file changed since cannot mislead).
     *
     * @param toolVersion the version to record in {@code tool.driver.version}
     * @return the SARIF JSON text
     */
    public String toSarif(String toolVersion) {
        byte[] bytes = planData.length == planLength ? planData : java.util.Arrays.copyOf(planData, planLength);
        return SarifWriter.review(this, toolVersion, bytes);
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
        return SarifWriter.review(this, toolVersion, planBytes);
    }

    private void requireCurrent() {
        if (!comparison.upToDate()) {
            throw new IllegalStateException("the plan is out of date for its snapshot at " + comparison.displayPointer() + "; it was not reviewed");
        }
    }

    private static final class Typed {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
