package dev.readbackplan;

import java.util.Map;

/**
 * What a generation produced, besides the plan's bytes.
 *
 * @param snapshotReport the validation of the snapshot: valid, possibly with warnings
 * @param summary the plan's summary counts by key, in key order
 */
public record GenerationResult(ValidationReport snapshotReport, Map<String, Number> summary) {
    public GenerationResult {
        summary = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(summary));
    }

    /** One summary count; throws when the plan schema has no such count. */
    public long count(String key) {
        Number value = summary.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no summary count named " + key);
        }
        return value.longValue();
    }
}
