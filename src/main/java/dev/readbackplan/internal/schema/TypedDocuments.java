package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.io.DocumentBytes;
import dev.readbackplan.model.AcceptanceSnapshot;
import dev.readbackplan.model.ReadbackPlan;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The typed model's binding for the facade's typed API: model objects to trees to validate, and
 * valid documents bound to the model. This class is loaded only when the typed API is used: Jackson
 * databind's mapper is slow to start, and nothing else needs it.
 */
public final class TypedDocuments {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A document read and, when valid, bound.
     *
     * @param <T> the model type
     * @param value the bound document; null exactly when the report is not valid
     * @param report every problem found
     */
    public record Parsed<T>(@Nullable T value, ValidationReport report) {}

    private TypedDocuments() {}

    /**
     * A snapshot as JSON, with unset (null) properties removed: for the reference generator they are absent.
     *
     * @param snapshot the snapshot
     * @return its tree
     */
    public static JsonNode tree(AcceptanceSnapshot snapshot) {
        JsonNode tree = MAPPER.valueToTree(Objects.requireNonNull(snapshot, "snapshot"));
        removeNulls(tree);
        return tree;
    }

    /**
     * A plan as JSON, its null values kept: every key of a plan is required, and absent and null differ.
     *
     * @param plan the plan
     * @return its tree
     */
    public static JsonNode tree(ReadbackPlan plan) {
        return MAPPER.valueToTree(Objects.requireNonNull(plan, "plan"));
    }

    /**
     * Binds a tree the schema accepted to the model.
     *
     * @param <T> the model type
     * @param tree the document
     * @param type the model class
     * @param what what the tree is, for the failure's message (such as {@code the generated plan})
     * @return the model
     * @throws IllegalStateException when the tree does not bind: the model and the schema disagree
     */
    public static <T> T bind(JsonNode tree, Class<T> type, String what) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (IOException e) {
            throw new IllegalStateException(what + " does not bind to the model", e);
        }
    }

    /**
     * Reads a document through the strict reader and validates it, then binds it when valid.
     *
     * @param <T> the model type
     * @param reader the reader, with its limits and secret rules
     * @param bytes the document
     * @param sourceName how the document is named in the report
     * @param kind what to validate it as
     * @param type the model class
     * @return the bound document and the report
     */
    public static <T> Parsed<T> parse(DocumentReader reader, DocumentBytes bytes, String sourceName, DocumentKind kind, Class<T> type) {
        DocumentReader.Parsed parsed = reader.read(bytes.data(), bytes.length(), bytes.tooLarge(), sourceName, kind, () -> { },
                DocumentReader.Purpose.VALIDATE);
        if (!parsed.report().isValid()) {
            return new Parsed<>(null, parsed.report());
        }
        return new Parsed<>(bind(parsed.root(), type, "a valid " + kind.name().toLowerCase(Locale.ROOT)), parsed.report());
    }

    private static void removeNulls(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).properties().removeIf(member -> member.getValue().isNull());
        }
        node.forEach(TypedDocuments::removeNulls);
    }
}
