package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.PlanFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a review's lanes back into its plan, and checks the result. Immutable and thread-safe.
 */
public final class ReviewedPlanWriter {
    private static final String CANDIDATES = PlanFields.READBACK_CANDIDATES;

    private final DocumentReader reader;

    /**
     * A writer whose plans {@code reader} validates.
     *
     * @param reader the planner's reader
     */
    public ReviewedPlanWriter(DocumentReader reader) {
        this.reader = reader;
    }

    /**
     * Writes the lanes into a plan tree: each candidate's lane into its {@code status} (the tool's
     * field; {@code reviewer_outcome} is the reviewer's claim and is left as it is, so a rejected
     * claim is rejected again on the next review), and every value with a secret or raw-payload
     * finding set to null. A value quarantined for its shape alone (a URL or {@code INC 2041} in a
     * reference, an owner too long) holds the reviewer's information and no secret: it stays, and
     * keeps its candidate in quarantine until it is corrected. Then validates the plan: its only
     * errors may be those shapes.
     *
     * @param plan the plan's tree, changed in place
     * @param reviews its candidates' reviews
     * @param sourceName how the plan is named in a report
     * @throws InvalidDocumentException when the plan would have any other error (a bug)
     */
    public void applyTo(JsonNode plan, List<CandidateReview> reviews, String sourceName) {
        JsonNode candidates = plan.get(CANDIDATES);
        Map<Integer, List<String>> kept = new HashMap<>();
        for (CandidateReview review : reviews) {
            ObjectNode candidate = (ObjectNode) candidates.get(review.index());
            // status is the tool's; reviewer_outcome is the reviewer's claim and is never written here.
            candidate.put("status", review.lane());
            for (String pointer : review.nulledFields()) {
                candidate.putNull(pointer.substring(pointer.lastIndexOf('/') + 1));
            }
            for (String pointer : review.quarantinedFields()) {
                if (!review.nulledFields().contains(pointer)) {
                    kept.computeIfAbsent(review.index(), k -> new ArrayList<>()).add(pointer.substring(pointer.lastIndexOf('/') + 1));
                }
            }
        }
        // The kept values were found to have a shape problem and nothing else; the rest of the plan must
        // be valid: validate it with those values as null (a shallow copy of their candidates only).
        JsonNode checked = plan;
        if (!kept.isEmpty()) {
            ObjectNode root = ((ObjectNode) plan).objectNode();
            root.setAll((ObjectNode) plan);
            ArrayNode list = root.arrayNode();
            for (int i = 0; i < candidates.size(); i++) {
                JsonNode candidate = candidates.get(i);
                List<String> fields = kept.get(i);
                if (fields == null) {
                    list.add(candidate);
                    continue;
                }
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                copy.setAll((ObjectNode) candidate);
                fields.forEach(copy::putNull);
                list.add(copy);
            }
            root.set(CANDIDATES, list);
            checked = root;
        }
        ValidationReport report = reader.validateTree(checked, sourceName, DocumentKind.PLAN);
        if (!report.isValid()) {
            throw new InvalidDocumentException(report);
        }
    }
}
