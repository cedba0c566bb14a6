package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Problem;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.SchemaFindings;
import dev.readbackplan.internal.schema.TypedDocuments;
import dev.readbackplan.internal.text.Display;
import dev.readbackplan.internal.text.Pointer;
import dev.readbackplan.model.CheckReason;
import dev.readbackplan.model.ReadbackCandidate.OutcomeLaneId;
import dev.readbackplan.model.ReadbackField;
import dev.readbackplan.model.ReadbackReview;
import dev.readbackplan.model.ReviewSummary;
import dev.readbackplan.model.ReviewedCandidate;
import dev.readbackplan.model.ReviewerCheckId;
import dev.readbackplan.model.SnapshotWarning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review document ({@code monitoring_post_incident_readback_review_v1}) of a reviewed plan,
 * validated against the review schema. Immutable and thread-safe.
 */
public final class ReviewDocument {
    /** The review schema's version, the document's {@code schema_version}. */
    public static final String REVIEW_SCHEMA_VERSION = "monitoring_post_incident_readback_review_v1";

    private final Engine engine;
    private final Catalog catalog;

    /**
     * A builder with a planner's compiled schemas.
     *
     * @param engine the compiled schemas (the review schema validates each document)
     * @param catalog the catalog, whose lanes the summary counts
     */
    public ReviewDocument(Engine engine, Catalog catalog) {
        this.engine = engine;
        this.catalog = catalog;
    }

    /**
     * The review document, validated against the review schema.
     *
     * @param plan the reviewed plan's tree
     * @param reviews its candidates' reviews, in plan order
     * @param reviewedAt the {@code reviewed_at} to record
     * @param planSha256 the SHA-256 of the plan's bytes
     * @param snapshotWarnings the snapshot's warnings
     * @return the document
     * @throws IllegalArgumentException when {@code reviewedAt} is not an RFC 3339 date-time with an offset
     */
    public ObjectNode build(JsonNode plan, List<CandidateReview> reviews, String reviewedAt, String planSha256,
            List<Problem> snapshotWarnings) {
        ReadbackReview review = new ReadbackReview();
        review.setSchemaVersion(REVIEW_SCHEMA_VERSION);
        review.setReviewedAt(reviewedAt);
        review.setPlanGeneratedAt(plan.get("generated_at").textValue());
        review.setPlanGitCommit(plan.get("git_commit").textValue());
        review.setPlanSha256(planSha256);
        List<SnapshotWarning> warnings = new ArrayList<>(snapshotWarnings.size());
        for (Problem warning : snapshotWarnings) {
            SnapshotWarning entry = new SnapshotWarning();
            entry.setPointer(Display.pointerForJson(warning.pointerSegments()));
            entry.setMessage(Display.forJson(warning.message()));
            warnings.add(entry);
        }
        review.setSnapshotWarnings(warnings);
        List<ReviewedCandidate> candidates = new ArrayList<>(reviews.size());
        for (CandidateReview reviewed : reviews) {
            candidates.add(candidate(reviewed));
        }
        review.setCandidates(candidates);
        review.setSummary(summary(reviews));
        review.setNotApproval(true);
        review.setRuntimeGate(false);
        ObjectNode document = TypedDocuments.tree(review);
        Findings found = new Findings(100);
        SchemaFindings.validate(engine.schemas().review(), document, Pointer.ROOT, found);
        List<Finding> findings = found.kept();
        if (!findings.isEmpty()) {
            if (findings.stream().allMatch(f -> f.pointer().equals(Pointer.ROOT.key("reviewed_at")))) {
                throw new IllegalArgumentException("reviewedAt must be an RFC 3339 date-time with an offset, such as 2026-01-01T00:00:00+08:00");
            }
            throw new IllegalStateException("the review does not validate against its schema: " + findings);
        }
        return document;
    }

    private static ReviewedCandidate candidate(CandidateReview review) {
        ReviewedCandidate candidate = new ReviewedCandidate();
        candidate.setPostIncidentReadbackCandidateId(review.candidateId());
        candidate.setSurfaceId(review.surfaceId());
        candidate.setLane(OutcomeLaneId.fromValue(review.lane()));
        candidate.setClaimedLane(review.claimedLane());
        Set<ReviewerCheckId> failed = new LinkedHashSet<>();
        review.failedChecks().forEach(check -> failed.add(ReviewerCheckId.fromValue(check)));
        candidate.setFailedChecks(failed);
        Set<ReadbackField> missing = new LinkedHashSet<>();
        review.missingFields().forEach(field -> missing.add(ReadbackField.fromValue(field)));
        candidate.setMissingFields(missing);
        candidate.setQuarantinedFields(new LinkedHashSet<>(review.quarantinedFields()));
        List<CheckReason> reasons = new ArrayList<>(review.reasons().size());
        for (ReviewRules.Reason reason : review.reasons()) {
            CheckReason entry = new CheckReason();
            entry.setCheck(ReviewerCheckId.fromValue(reason.check()));
            entry.setFields(new LinkedHashSet<>(reason.fields()));
            entry.setReason(reason.text());
            reasons.add(entry);
        }
        candidate.setReasons(reasons);
        return candidate;
    }

    /**
     * The candidate count and one {@code <lane>_count} per lane of the catalog, bound to the model: a
     * lane the schema adds needs no change here (and a count the model lacks fails the binding).
     */
    private ReviewSummary summary(List<CandidateReview> reviews) {
        Map<String, Long> counts = new LinkedHashMap<>();
        catalog.outcomeLanes().forEach(lane -> counts.put(lane.id(), 0L));
        reviews.forEach(review -> counts.merge(review.lane(), 1L, Long::sum));
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("candidate_count", reviews.size());
        counts.forEach((lane, count) -> summary.put(lane + "_count", count));
        return TypedDocuments.bind(summary, ReviewSummary.class, "the review's summary");
    }
}
