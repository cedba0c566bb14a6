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

    /**
     * One summary count.
     *
     * @param key the count's key, such as {@code readback_candidate_count}
     * @return the count
     * @throws IllegalArgumentException when the plan schema has no such count
     */
    public long count(String key) {
        Number value = summary.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no summary count named " + key);
        }
        return value.longValue();
    }
}
