package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
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
    /** The placeholder words, as {@link #placeholderKey} gives them. */
    private final java.util.Set<String> placeholderKeys;
    private final List<String> placeholderWords;
    private final String acceptedRefShapes;
    private final int refMaxLength;
    private final int assignmentMaxLength;

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
        JsonNode words = dev.readbackplan.internal.schema.SchemaSet.packagedTree(dev.readbackplan.internal.schema.SchemaSet.REVIEW_SCHEMA)
                .at("/$defs/placeholder_assignment/enum");
        List<String> placeholders = new ArrayList<>();
        words.forEach(w -> placeholders.add(w.textValue()));
        this.placeholderWords = List.copyOf(placeholders);
        java.util.Set<String> keys = new java.util.HashSet<>();
        placeholders.forEach(w -> keys.add(placeholderKey(w)));
        if (!keys.contains(placeholderKey(pendingPlaceholder))) {
            throw new IllegalStateException("the review schema's placeholder words do not include the plan's placeholder " + pendingPlaceholder);
        }
        this.placeholderKeys = java.util.Set.copyOf(keys);
        String description = refSchema.path("description").asText("");
        int shapes = description.indexOf("Accepted shapes");
        int colon = description.indexOf(": ", shapes);
        this.acceptedRefShapes = shapes < 0 || colon < 0 ? "see the plan schema's evidence_ref" : description.substring(colon + 2).replaceAll("\\.$", "");
        this.refMaxLength = refSchema.path("maxLength").asInt(0);
        this.assignmentMaxLength = assignmentSchema.path("maxLength").asInt(0);
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

    /** The placeholder words of the review schema, as written there. */
    public List<String> placeholderWords() {
        return placeholderWords;
    }

    /**
     * Whether a field's value counts as filled: a ref not null; an assignment a string that, once
     * invisible and format characters are removed and it is trimmed, has a letter or digit and is
     * not a placeholder word (see {@link #namesSomeone}).
     */
    public boolean isFilled(String field, JsonNode value, boolean ref) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        return ref || !value.isTextual() || namesSomeone(value.textValue());
    }

    /** Whether an owner or window value names someone or something: a letter or digit, and no placeholder word. */
    public boolean namesSomeone(String value) {
        String key = placeholderKey(value);
        return !key.isEmpty() && !placeholderKeys.contains(key);
    }

    /** A value reduced to its lower-case letters and digits (invisible and format characters, spaces and punctuation gone). */
    static String placeholderKey(String value) {
        StringBuilder key = new StringBuilder(Math.min(value.length(), 64));
        value.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                key.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return key.toString();
    }

    /** Why a quarantined value is not allowed, from the validation keywords found at it: the accepted shapes included. */
    public String shapeProblem(String field, List<String> keywords) {
        boolean ref = isRef(field);
        List<String> parts = new ArrayList<>();
        for (String keyword : keywords) {
            switch (keyword) {
                case "type" -> parts.add("is neither a string nor null");
                case "pattern" -> parts.add("is not a redacted evidence reference");
                case "minLength" -> parts.add("is empty");
                case "maxLength" -> parts.add("is longer than " + (ref ? refMaxLength : assignmentMaxLength) + " characters");
                default -> parts.add("breaks the plan schema's " + keyword);
            }
        }
        String accepted = ref ? "accepted shapes: " + acceptedRefShapes
                : "accepted: a name, team or window of 1 to " + assignmentMaxLength + " characters";
        return String.join(" and ", parts) + " (" + accepted + ")";
    }
}
