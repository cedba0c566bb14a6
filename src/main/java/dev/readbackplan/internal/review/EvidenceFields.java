package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence fields of a readback candidate, as the plan schema defines them: its {@code *_ref}
 * members (redacted evidence references, null until filled) and its owner and window members (a
 * placeholder until assigned), in readback-field order.
 * Immutable.
 */
public final class EvidenceFields {
    private final List<String> refs;
    private final List<String> assignments;
    private final List<String> all;
    private final String pendingPlaceholder;

    public EvidenceFields(Engine engine, List<String> readbackFieldOrder) {
        JsonNode planSchema = engine.schemas().planNode();
        JsonNode properties = planSchema.at(dev.readbackplan.internal.schema.SchemaSet.candidateDefinition()).get("properties");
        List<String> refs = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        JsonNode refSchema = null;
        JsonNode assignmentSchema = null;
        for (String field : readbackFieldOrder) {
            JsonNode schema = resolve(planSchema, properties.get(field));
            if (schema == null || !nullableString(schema)) {
                continue;
            }
            if (field.endsWith("_ref") && schema.has("pattern")) {
                refs.add(field);
                refSchema = same(refSchema, schema, field);
            } else if (schema.path("default").isTextual()) {
                assignments.add(field);
                assignmentSchema = same(assignmentSchema, schema, field);
            }
        }
        if (refs.isEmpty() || assignments.isEmpty()) {
            throw new IllegalStateException("the plan schema defines no evidence references or no assignments");
        }
        this.refs = List.copyOf(refs);
        this.assignments = List.copyOf(assignments);
        List<String> all = new ArrayList<>();
        for (String field : readbackFieldOrder) {
            if (refs.contains(field) || assignments.contains(field)) {
                all.add(field);
            }
        }
        this.all = List.copyOf(all);
        this.pendingPlaceholder = assignmentSchema.get("default").textValue();
    }

    /** The schema a property refers to (one {@code $ref} within the plan schema), or the property's own. */
    private static JsonNode resolve(JsonNode planSchema, JsonNode property) {
        if (property == null) {
            return null;
        }
        JsonNode ref = property.get("$ref");
        if (ref != null && ref.isTextual() && ref.textValue().startsWith("#/")) {
            return planSchema.at(ref.textValue().substring(1));
        }
        return property;
    }

    private static boolean nullableString(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null || !type.isArray() || type.size() != 2) {
            return false;
        }
        boolean string = false;
        boolean nul = false;
        for (JsonNode t : type) {
            string |= "string".equals(t.textValue());
            nul |= "null".equals(t.textValue());
        }
        return string && nul;
    }

    private static JsonNode same(JsonNode known, JsonNode schema, String field) {
        if (known != null && !known.equals(schema)) {
            throw new IllegalStateException("the evidence field " + field + " has a schema of its own; the review expects one shape per kind");
        }
        return schema;
    }

    /** The {@code *_ref} fields, in readback-field order. */
    public List<String> refs() {
        return refs;
    }

    /** The owner and window fields, in readback-field order. */
    public List<String> assignments() {
        return assignments;
    }

    /** Every evidence field, in readback-field order. */
    public List<String> all() {
        return all;
    }

    public boolean isRef(String field) {
        return refs.contains(field);
    }

    /** Whether a field's value counts as filled: a ref not null, an assignment a string other than the placeholder. */
    public boolean isFilled(String field, JsonNode value, boolean ref) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        return ref || !value.isTextual() || !value.textValue().equals(pendingPlaceholder);
    }
}
