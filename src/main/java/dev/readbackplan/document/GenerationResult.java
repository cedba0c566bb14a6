package dev.readbackplan.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readbackplan.model.PlanSummary;
import java.util.Map;

/**
 * What a generation produced, besides the plan's bytes.
 *
 * @param snapshotReport the validation of the snapshot: valid, possibly with warnings
 * @param summary the plan's summary counts by key, in key order
 */
public record GenerationResult(ValidationReport snapshotReport, Map<String, Number> summary) {
    /**
     * Checks and copies the components.
     *
     * @param snapshotReport the validation of the snapshot: valid, possibly with warnings
     * @param summary the plan's summary counts by key; kept in key order, unmodifiable
     */
    public GenerationResult {
        summary = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(summary));
    }

    /**
     * The plan's summary as the typed model: {@code planSummary().getReadbackCandidateCount()} and so on,
     * with the same numbers as {@link #summary()}.
     *
     * @return the generated plan's summary
     */
    public PlanSummary planSummary() {
        return Typed.MAPPER.convertValue(summary, PlanSummary.class);
    }

    /** The typed model's binding, loaded only when used (Jackson databind is slow to start). */
    private static final class Typed {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** {@return the plan's candidates: {@code readback_candidate_count}} */
    public long readbackCandidateCount() {
        return count("readback_candidate_count");
    }

    /** {@return the candidates whose surface can write: {@code write_capable_readback_candidate_count}} */
    public long writeCapableReadbackCandidateCount() {
        return count("write_capable_readback_candidate_count");
    }

    /** {@return the reviewer checks of the catalog: {@code reviewer_check_count}} */
    public long reviewerCheckCount() {
        return count("reviewer_check_count");
    }

    /** {@return the outcome lanes of the catalog: {@code outcome_lane_count}} */
    public long outcomeLaneCount() {
        return count("outcome_lane_count");
    }

    /** {@return the candidates whose readback is accepted (0 in a generated plan): {@code post_incident_readback_accepted_count}} */
    public long postIncidentReadbackAcceptedCount() {
        return count("post_incident_readback_accepted_count");
    }

    /** {@return the runtime gates open (0 in a generated plan): {@code runtime_gate_count}} */
    public long runtimeGateCount() {
        return count("runtime_gate_count");
    }

    /**
     * One summary count.
     *
     * @param key the count's key, such as {@code readback_candidate_count}
     * @return the count
     * @throws IllegalArgumentException when the plan schema has no such count
     * @deprecated a string key fails at run time: use the typed accessors ({@link #readbackCandidateCount()}
     *     and the others) or, for every count, {@link #planSummary()}
     */
    @Deprecated
    public long count(String key) {
        Number value = summary.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no summary count named " + key);
        }
        return value.longValue();
    }
}
