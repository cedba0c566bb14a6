package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Problem;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.SchemaFindings;
import dev.readbackplan.internal.text.Display;
import dev.readbackplan.internal.text.Pointer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * What a review document records besides its candidates, with {@code reviewed_at} checked against
     * the review schema.
     *
     * @param reviewedAt the {@code reviewed_at} to record
     * @param planGeneratedAt the plan's {@code generated_at}
     * @param planGitCommit the plan's {@code git_commit}
     * @param planSha256 the SHA-256 of the plan's bytes
     * @param snapshotWarnings the snapshot's warnings
     */
    public record Header(String reviewedAt, JsonNode planGeneratedAt, JsonNode planGitCommit, String planSha256,
            List<Problem> snapshotWarnings) {}

    /** A review's document, built and validated when first asked for: a text review never builds it. Thread-safe. */
    public static final class Lazy {
        private final Header header;
        private final Once<ObjectNode> tree;

        private Lazy(ReviewDocument builder, Header header, List<CandidateReview> reviews) {
            this.header = header;
            this.tree = new Once<>(() -> builder.build(header, reviews));
        }

        /** {@return what the document records besides its candidates} */
        public Header header() {
            return header;
        }

        /**
         * {@return the document, validated against the review schema; built by the first call}
         * @throws IllegalStateException when it does not validate (a bug)
         */
        public ObjectNode tree() {
            return tree.get();
        }
    }

    /**
     * The review document of a reviewed plan, built when first asked for. Its {@code reviewed_at} is
     * checked now, against the review schema.
     *
     * @param plan the reviewed plan's tree, or its envelope
     * @param reviews its candidates' reviews, in plan order
     * @param reviewedAt the {@code reviewed_at} to record
     * @param planSha256 the SHA-256 of the plan's bytes
     * @param snapshotWarnings the snapshot's warnings
     * @return the document to be
     * @throws IllegalArgumentException when {@code reviewedAt} is not an RFC 3339 date-time with an offset
     */
    public Lazy of(JsonNode plan, List<CandidateReview> reviews, String reviewedAt, String planSha256, List<Problem> snapshotWarnings) {
        Header header = new Header(reviewedAt, plan.get("generated_at"), plan.get("git_commit"), planSha256, List.copyOf(snapshotWarnings));
        // The document without candidates: its reviewed_at is checked as the whole document's would be.
        boolean reviewedAtValid = validate(assemble(header, List.of())).stream()
                .noneMatch(f -> f.pointer().equals(Pointer.ROOT.key("reviewed_at")));
        if (!reviewedAtValid) {
            throw new IllegalArgumentException("reviewedAt must be an RFC 3339 date-time with an offset, such as 2026-01-01T00:00:00+08:00");
        }
        return new Lazy(this, header, List.copyOf(reviews));
    }

    /**
     * The review document, validated against the review schema.
     *
     * @param header what it records besides its candidates
     * @param reviews its candidates' reviews, in plan order
     * @return the document
     * @throws IllegalArgumentException when {@code reviewedAt} is not an RFC 3339 date-time with an offset
     * @throws IllegalStateException when it does not validate otherwise (a bug)
     */
    ObjectNode build(Header header, List<CandidateReview> reviews) {
        ObjectNode document = assemble(header, reviews);
        List<Finding> findings = validate(document);
        if (!findings.isEmpty()) {
            if (findings.stream().allMatch(f -> f.pointer().equals(Pointer.ROOT.key("reviewed_at")))) {
                throw new IllegalArgumentException("reviewedAt must be an RFC 3339 date-time with an offset, such as 2026-01-01T00:00:00+08:00");
            }
            throw new IllegalStateException("the review does not validate against its schema: " + findings);
        }
        return document;
    }

    private List<Finding> validate(ObjectNode document) {
        Findings found = new Findings(100);
        SchemaFindings.validate(engine.schemas().review(), document, Pointer.ROOT, found);
        return found.kept();
    }

    private ObjectNode assemble(Header header, List<CandidateReview> reviews) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode document = nodes.objectNode();
        document.put("schema_version", REVIEW_SCHEMA_VERSION);
        document.put("reviewed_at", header.reviewedAt());
        document.set("plan_generated_at", header.planGeneratedAt());
        document.set("plan_git_commit", header.planGitCommit());
        document.put("plan_sha256", header.planSha256());
        ArrayNode warnings = document.putArray("snapshot_warnings");
        for (Problem warning : header.snapshotWarnings()) {
            ObjectNode entry = warnings.addObject();
            entry.put("pointer", Display.pointerForJson(warning.pointerSegments()));
            entry.put("message", Display.forJson(warning.message()));
        }
        ArrayNode candidates = document.putArray("candidates");
        Map<String, Long> counts = new LinkedHashMap<>();
        catalog.outcomeLanes().forEach(lane -> counts.put(lane.id(), 0L));
        for (CandidateReview review : reviews) {
            ObjectNode candidate = candidates.addObject();
            candidate.put("post_incident_readback_candidate_id", review.candidateId());
            candidate.put("surface_id", review.surfaceId());
            candidate.put("lane", review.lane());
            candidate.put("claimed_lane", review.claimedLane());
            review.failedChecks().forEach(candidate.putArray("failed_checks")::add);
            review.missingFields().forEach(candidate.putArray("missing_fields")::add);
            review.quarantinedFields().forEach(candidate.putArray("quarantined_fields")::add);
            ArrayNode reasons = candidate.putArray("reasons");
            for (ReviewRules.Reason reason : review.reasons()) {
                ObjectNode entry = reasons.addObject();
                entry.put("check", reason.check());
                reason.fields().forEach(entry.putArray("fields")::add);
                entry.put("reason", reason.text());
            }
            // putArray is called once per key above; an empty list still gets its array.
            for (String key : List.of("failed_checks", "missing_fields", "quarantined_fields")) {
                if (!candidate.has(key)) {
                    candidate.putArray(key);
                }
            }
            counts.merge(review.lane(), 1L, Long::sum);
        }
        ObjectNode summary = document.putObject("summary");
        summary.put("candidate_count", reviews.size());
        counts.forEach((lane, count) -> summary.put(lane + "_count", count));
        document.put("not_approval", true);
        document.put("runtime_gate", false);
        return document;
    }
}
