package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.review.EvidenceFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reviewers entered into a plan, candidate by candidate: the evidence fields ({@code *_ref},
 * owners and window), {@code status} and {@code reviewer_outcome}, for each candidate where any of them
 * differs from what the generator writes. Regeneration carries them over by candidate id, so that
 * regenerating after the snapshot changed loses none of their work. Immutable.
 */
public final class ReviewerEntries {
    private static final String ID = "post_incident_readback_candidate_id";

    /** Candidate id to the entered members, in plan order. */
    private final Map<String, Map<String, JsonNode>> entries;

    private ReviewerEntries(Map<String, Map<String, JsonNode>> entries) {
        this.entries = entries;
    }

    /** The members regeneration carries over: the evidence fields, then status and reviewer outcome. */
    public static List<String> carriedFields(EvidenceFields fields) {
        List<String> carried = new ArrayList<>(fields.all());
        carried.add("status");
        carried.add("reviewer_outcome");
        return List.copyOf(carried);
    }

    /**
     * The entries among members read from a file: candidate id to its carried members. Candidates
     * whose members all equal the generator's defaults have none.
     */
    public static ReviewerEntries of(Map<String, Map<String, JsonNode>> candidates, PlanTemplate template, List<String> carried) {
        Map<String, Map<String, JsonNode>> entries = new LinkedHashMap<>();
        Map<String, JsonNode> defaults = template.fixedCandidateMembers();
        candidates.forEach((id, members) -> {
            if (members.entrySet().stream().anyMatch(m -> carried.contains(m.getKey()) && !m.getValue().equals(defaults.get(m.getKey())))) {
                entries.put(id, members);
            }
        });
        return new ReviewerEntries(entries);
    }

    public static ReviewerEntries none() {
        return new ReviewerEntries(Map.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The ids of candidates with entries that are not among {@code ids}, in plan order. */
    public List<String> missingFrom(Set<String> ids) {
        return entries.keySet().stream().filter(id -> !ids.contains(id)).toList();
    }

    /** Writes the entries into the candidates of a generated plan with the same ids; returns how many candidates got theirs. */
    public int applyTo(ObjectNode plan) {
        int applied = 0;
        for (JsonNode candidate : plan.path("readback_candidates")) {
            Map<String, JsonNode> members = entries.get(candidate.path(ID).textValue());
            if (members != null) {
                members.forEach(((ObjectNode) candidate)::set);
                applied++;
            }
        }
        return applied;
    }
}
