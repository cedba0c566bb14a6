package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.format.Format;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchemaSetTest {
    private static final SchemaSet SCHEMAS = new SchemaSet();

    /** The dialect registers only the formats the schemas use: a new format must be added there. */
    @Test
    void theSchemasUseOnlyTheRegisteredFormats() {
        Set<String> used = new TreeSet<>();
        collectFormats(SCHEMAS.planNode(), used);
        collectFormats(SCHEMAS.snapshotNode(), used);
        Set<String> registered = CompiledSchemas.USED_FORMATS.stream().map(Format::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registered, used);
    }

    private static void collectFormats(JsonNode node, Set<String> formats) {
        if (node.isObject() && node.path("format").isTextual()) {
            formats.add(node.get("format").textValue());
        }
        node.forEach(child -> collectFormats(child, formats));
    }

    /** Schema text nodes print what Jackson prints, without starting an ObjectMapper, and equal ordinary ones. */
    @Test
    void schemaTextNodesPrintAndCompareLikeJacksonTextNodes() {
        for (String text : new String[] {"plain", "quote \" backslash \\ slash /", "tab\t nl\n cr\r \b\f", "ctl \u0000\u001f del \u007f",
            "é 中 😀 \u2028", ""}) {
            TextNode ordinary = new TextNode(text);
            TextNode printing = SchemaNodes.INSTANCE.textNode(text);
            assertEquals(ordinary.toString(), printing.toString(), text);
            assertEquals(ordinary, printing);
            assertEquals(printing, ordinary);
            assertEquals(ordinary.hashCode(), printing.hashCode());
        }
        assertTrue(SCHEMAS.planNode().at("/$defs/blocked_action/enum/0") instanceof SchemaNodes.PrintingTextNode);
    }
}
