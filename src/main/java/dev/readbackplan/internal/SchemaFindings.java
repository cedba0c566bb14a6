package dev.readbackplan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
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
