package dev.readbackplan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/** Runs a compiled schema and turns its errors into findings located by JSON Pointer. */
public final class SchemaFindings {
    private SchemaFindings() {}

    /** Validates {@code instance}; the findings' pointers are prefixed with {@code at}. */
    public static List<Finding> validate(Schema schema, JsonNode instance, String at) {
        List<Error> errors = schema.validate(instance);
        if (errors.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(errors.size());
        for (Error error : errors) {
            findings.add(toFinding(error, at));
        }
        return findings;
    }

    static Finding toFinding(Error error, String at) {
        String pointer = at + error.getInstanceLocation().toString();
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        String message = error.getMessage();
        if ("additionalProperties".equals(keyword) && error.getProperty() != null) {
            // Point at the unexpected property itself; its name is then in the pointer.
            pointer = JsonPointers.child(pointer, error.getProperty());
            message = "property not allowed here: the schema defines every property of this object";
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
