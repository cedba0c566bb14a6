package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.path.NodePath;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.text.Pointer;
import java.util.List;

/** Runs a compiled schema and turns its errors into findings located by JSON Pointer. */
public final class SchemaFindings {
    private SchemaFindings() {}

    /** Validates {@code instance}, which sits at {@code at}, adding what is wrong to {@code findings}. */
    public static void validate(Schema schema, JsonNode instance, Pointer at, Findings findings) {
        List<Error> errors = schema.validate(instance);
        for (Error error : errors) {
            findings.add(toFinding(error, at));
        }
    }

    /** Whether {@code instance} is valid against {@code schema}. */
    public static boolean isValid(Schema schema, JsonNode instance) {
        return schema.validate(instance).isEmpty();
    }

    /**
     * Validates {@code instance}, which sits at {@code at}, adding what is wrong to {@code findings}: the
     * generated check first, and networknt, for its findings, only when that check rejects.
     */
    public static void validate(CheckedSchema schema, JsonNode instance, Pointer at, Findings findings) {
        if (!schema.fastAccepts(instance)) {
            validate(schema.networknt(), instance, at, findings);
        }
    }

    /**
     * Whether {@code instance} is valid against {@code schema}: networknt decides what the generated check
     * rejects (the check may reject more than networknt does, never less).
     */
    public static boolean isValid(CheckedSchema schema, JsonNode instance) {
        return schema.fastAccepts(instance) || isValid(schema.networknt(), instance);
    }

    /** The packaged schemas' trees by file name, for the descriptions and property names messages quote. */
    private static final java.util.Map<String, JsonNode> TREES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The schema node at {@code location} with its last {@code up} segments removed (the keyword's own
     * schema, for {@code up = 1}), or a missing node when the location is not in a packaged schema.
     */
    static JsonNode schemaNode(SchemaLocation location, int up) {
        if (location == null || location.getAbsoluteIri() == null) {
            return MissingNode.getInstance();
        }
        String iri = location.getAbsoluteIri().toString();
        if (!iri.startsWith(SchemaSet.ID_BASE)) {
            return MissingNode.getInstance();
        }
        String file = iri.substring(SchemaSet.ID_BASE.length());
        if (!List.of(SchemaSet.SNAPSHOT_SCHEMA, SchemaSet.PLAN_SCHEMA, SchemaSet.REVIEW_SCHEMA).contains(file)) {
            return MissingNode.getInstance();
        }
        JsonNode node = TREES.computeIfAbsent(file, SchemaSet::packagedTree);
        NodePath fragment = location.getFragment();
        int count = fragment == null ? 0 : fragment.getNameCount() - up;
        for (int i = 0; i < count; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
        }
        return node;
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new java.util.ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Finding toFinding(Error error, Pointer at) {
        Pointer pointer = at;
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            pointer = element instanceof Integer index ? pointer.index(index) : pointer.key(String.valueOf(element));
        }
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        String message = error.getMessage();
        if ("additionalProperties".equals(keyword) && error.getProperty() != null) {
            // Point at the unexpected property itself; its name is then in the pointer.
            pointer = pointer.key(error.getProperty());
            message = "property not allowed here: the schema defines every property of this object";
            JsonNode properties = schemaNode(error.getSchemaLocation(), 1).path("properties");
            String known = KeyNames.closest(error.getProperty(), names(properties));
            if (known != null) {
                // A name of the schema, never the document's key.
                message += "; did you mean " + known + "?";
            }
        } else if ("pattern".equals(keyword) && schemaNode(error.getSchemaLocation(), 1).path("description").isTextual()) {
            // The schema says in words what the pattern accepts; the pattern itself helps nobody.
            message = "does not have the shape the schema describes: "
                    + schemaNode(error.getSchemaLocation(), 1).path("description").textValue();
        } else if ("format".equals(keyword) && error.getSchemaNode() != null && error.getSchemaNode().isTextual()) {
            String format = error.getSchemaNode().textValue();
            message = "must be a valid " + format
                    + ("date-time".equals(format) ? " with an offset (RFC 3339), such as 2026-01-01T00:00:00+08:00" : "");
        } else if ("const".equals(keyword) && error.getSchemaNode() != null && error.getSchemaNode().isContainerNode()) {
            // networknt prints container constants as ''; the fixed value is in the schema.
            message = "must be exactly the " + (error.getSchemaNode().isArray() ? "list" : "object") + " the schema fixes here";
        }
        return Finding.error(pointer, keyword, message);
    }
}
