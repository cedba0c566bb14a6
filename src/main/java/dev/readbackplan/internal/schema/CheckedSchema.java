package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;

/**
 * One schema or subschema of ours, checked in two steps: its generated {@link FastCheck} says whether
 * an instance is valid, and only when it says no does networknt, compiled then, explain why (see
 * {@link SchemaFindings#validate(CheckedSchema, JsonNode, dev.readbackplan.internal.text.Pointer,
 * dev.readbackplan.internal.json.Findings)}). Thread-safe.
 */
public final class CheckedSchema {
    /** Which of networknt's compiled schemas this is. */
    enum Kind { SNAPSHOT, PLAN, CANDIDATE, REVIEW, SNAPSHOT_PROPERTY, PLAN_PROPERTY, CANDIDATE_PROPERTY }

    private final SchemaSet schemas;
    private final Kind kind;
    private final String property;
    private final FastCheck fast;
    private final JsonNode node;

    CheckedSchema(SchemaSet schemas, Kind kind, String property, FastCheck fast, JsonNode node) {
        this.schemas = schemas;
        this.kind = kind;
        this.property = property;
        this.fast = fast;
        this.node = node;
    }

    /** Whether the generated check accepts {@code instance}: then networknt reports nothing either. */
    public boolean fastAccepts(JsonNode instance) {
        return fast.accepts(instance);
    }

    /** networknt's compiled schema, compiling the schemas on first use. */
    public Schema networknt() {
        CompiledSchemas compiled = schemas.compiled();
        return switch (kind) {
            case SNAPSHOT -> compiled.snapshot();
            case PLAN -> compiled.plan();
            case CANDIDATE -> compiled.candidate();
            case REVIEW -> compiled.review();
            case SNAPSHOT_PROPERTY -> compiled.snapshotProperty(property);
            case PLAN_PROPERTY -> compiled.planProperty(property);
            case CANDIDATE_PROPERTY -> compiled.candidateProperty(property);
        };
    }

    /** The schema as JSON, as packaged (named as networknt's {@code Schema} names it). */
    public JsonNode getSchemaNode() {
        return node;
    }
}
