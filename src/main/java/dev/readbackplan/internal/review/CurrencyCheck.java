package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.plan.PlanDiff;
import dev.readbackplan.internal.plan.PlanGenerator;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.EvidenceFields;
import dev.readbackplan.internal.schema.PlanFields;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a plan is current for its snapshot: the plan compared with the plan its snapshot gives,
 * the reviewers' fields (evidence fields, status, reviewer outcome) and the provenance aside.
 * Immutable and thread-safe; linear in the plan.
 */
public final class CurrencyCheck {
    private static final String CANDIDATES = PlanFields.READBACK_CANDIDATES;

    private final Engine engine;
    /** The candidate fields the reviewers fill in: taken from the regenerated plan before comparing. */
    private final List<String> neutralCandidateFields;

    /**
     * A check with a planner's compiled schemas.
     *
     * @param engine the compiled schemas
     * @param fields the evidence-field vocabulary
     */
    public CurrencyCheck(Engine engine, EvidenceFields fields) {
        this.engine = engine;
        List<String> neutral = new ArrayList<>(fields.all());
        neutral.add("status");
        neutral.add("reviewer_outcome");
        this.neutralCandidateFields = List.copyOf(neutral);
    }

    /** {@return the candidate fields the reviewers fill in, which currency does not compare} */
    public List<String> neutralCandidateFields() {
        return neutralCandidateFields;
    }

    /**
     * The first difference between the plan and the plan its snapshot gives, reviewers' fields and
     * provenance aside, in the generator's order.
     *
     * @param root the plan, valid
     * @param snapshot the snapshot, valid
     * @param snapshotName how the snapshot is named in the plan's provenance
     * @return the first difference, or null when the plan is current
     */
    public PlanDiff.@Nullable Difference compare(JsonNode root, JsonNode snapshot, String snapshotName) {
        ObjectNode regenerated = new PlanGenerator(engine).tree(snapshot, root.get("generated_at").textValue(),
                root.get("git_commit").textValue(), snapshotName);
        // Shallow copies with the reviewers' fields taken from the regenerated plan: linear, no deep copy.
        ObjectNode neutral = ((ObjectNode) root).objectNode();
        neutral.setAll((ObjectNode) root);
        JsonNode fresh = regenerated.get(CANDIDATES);
        ArrayNode candidates = neutral.arrayNode();
        JsonNode inFile = root.get(CANDIDATES);
        for (int i = 0; i < inFile.size(); i++) {
            candidates.add(i < fresh.size() ? neutral(inFile.get(i), fresh.get(i)) : shallowCopy(inFile.get(i)));
        }
        neutral.set(CANDIDATES, candidates);
        // Described by candidate id first (removed, added, changed), then the first differing pointer.
        return PlanDiff.byCandidate(neutral, regenerated, neutralCandidateFields, false);
    }

    /**
     * Whether one candidate of a plan is the one its snapshot gives, reviewers' fields aside: the
     * comparison {@link #compare} makes, candidate by candidate. The whole plan is current when its
     * envelope ({@link #currentEnvelope}) and each candidate are, and it has as many candidates as the
     * snapshot gives.
     *
     * @param index the candidate's index
     * @param inFile the plan's candidate
     * @param regenerated the candidate the snapshot gives at that index
     * @return whether they are the same
     */
    public boolean currentCandidate(int index, JsonNode inFile, JsonNode regenerated) {
        return PlanDiff.first(neutral(inFile, regenerated), regenerated, Pointer.ROOT.key(CANDIDATES).index(index)) == null;
    }

    /**
     * Whether a plan's envelope (the plan with no candidates) is the one its snapshot gives.
     *
     * @param envelope the plan's envelope, {@code readback_candidates} empty
     * @param regenerated the envelope the snapshot gives, {@code readback_candidates} empty
     * @return whether they are the same
     */
    public boolean currentEnvelope(JsonNode envelope, JsonNode regenerated) {
        return PlanDiff.first(envelope, regenerated, Pointer.ROOT) == null;
    }

    /** A shallow copy of a file's candidate with the reviewers' fields it has taken from the regenerated one. */
    private ObjectNode neutral(JsonNode inFile, JsonNode fresh) {
        ObjectNode candidate = shallowCopy(inFile);
        for (String field : neutralCandidateFields) {
            if (candidate.has(field)) {
                candidate.set(field, fresh.get(field));
            }
        }
        return candidate;
    }

    private static ObjectNode shallowCopy(JsonNode candidate) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.setAll((ObjectNode) candidate);
        return copy;
    }
}
