package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.PlanOptions;
import dev.readbackplan.ReadbackPlanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the schemas' trees are built by code generated from {@code schemas/} at build time
 * ({@code SchemaTreeGenerator}), so that a run derives the plan template without parsing the schemas'
 * JSON text. Differential: each generated tree is the tree the strict reader parses from the packaged
 * file, node class by node class and member by member in order, and the plan template and document
 * kinds derived from either are the same. And generating a plan parses no schema text.
 */
class GeneratedSchemaTreesTest {
    @Test
    void everySchemaOfTheProjectHasAGeneratedTreeIdenticalToItsParsedText() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(Path.of("schemas"))) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json")).sorted().toList();
        }
        assertEquals(List.of(SchemaSet.SNAPSHOT_SCHEMA, SchemaSet.PLAN_SCHEMA, SchemaSet.REVIEW_SCHEMA).stream().sorted().toList(), names);
        for (String name : names) {
            JsonNode generated = GeneratedSchemaTrees.tree(name);
            assertNotNull(generated, name);
            assertEquals(List.of(), differences(SchemaSet.parsedPackagedTree(name), generated, name), name);
            // The packaged file is the file of schemas/, byte for byte.
            try (var in = SchemaSet.class.getResourceAsStream("/schemas/" + name)) {
                assertNotNull(in, name);
                assertTrue(java.util.Arrays.equals(Files.readAllBytes(Path.of("schemas", name)), in.readAllBytes()), name);
            }
        }
        assertNull(GeneratedSchemaTrees.tree("no-such.schema.json"));
    }

    @Test
    void theComparisonSeesOrderTypesAndValues() {
        JsonNode parsed = SchemaSet.parsedPackagedTree(SchemaSet.SNAPSHOT_SCHEMA);
        // Control: each kind of difference the comparison must see, made on a copy of the parsed tree.
        ObjectNode reordered = JsonNodeFactory.instance.objectNode();
        List<String> keys = new ArrayList<>();
        parsed.fieldNames().forEachRemaining(keys::add);
        for (int i = keys.size() - 1; i >= 0; i--) {
            reordered.set(keys.get(i), parsed.get(keys.get(i)).deepCopy());
        }
        assertEquals(parsed, reordered, "Jackson's equality ignores order; ours must not");
        assertNotEquals(List.of(), differences(parsed, reordered, "reordered"));

        ObjectNode plainText = parsed.deepCopy();
        plainText.set("title", JsonNodeFactory.instance.textNode(parsed.get("title").textValue()));
        assertNotEquals(List.of(), differences(parsed, plainText, "plain text node"));

        ObjectNode longNumber = parsed.deepCopy();
        longNumber.set("x", JsonNodeFactory.instance.numberNode(1L));
        ObjectNode intNumber = parsed.deepCopy();
        intNumber.set("x", JsonNodeFactory.instance.numberNode(1));
        assertNotEquals(List.of(), differences(intNumber, longNumber, "int and long"));
        assertEquals(List.of(), differences(parsed, parsed.deepCopy(), "copy"));
    }

    @Test
    void eachCallBuildsANewTree() {
        ObjectNode first = GeneratedSchemaTrees.tree(SchemaSet.PLAN_SCHEMA);
        ObjectNode second = GeneratedSchemaTrees.tree(SchemaSet.PLAN_SCHEMA);
        assertNotSame(first, second);
        first.remove("$defs");
        assertTrue(second.has("$defs"), "changing one tree leaves the next untouched");
        assertTrue(GeneratedSchemaTrees.tree(SchemaSet.PLAN_SCHEMA).has("$defs"));
    }

    @Test
    void theTemplateAndKindsDerivedFromTheGeneratedTreesAreThoseOfTheParsedSchemas() {
        JsonNode plan = SchemaSet.parsedPackagedTree(SchemaSet.PLAN_SCHEMA);
        JsonNode snapshot = SchemaSet.parsedPackagedTree(SchemaSet.SNAPSHOT_SCHEMA);
        JsonNode review = SchemaSet.parsedPackagedTree(SchemaSet.REVIEW_SCHEMA);
        PlanTemplate parsed = new PlanTemplate(plan, snapshot);
        PlanTemplate generated = new PlanTemplate(SchemaSet.packagedTree(SchemaSet.PLAN_SCHEMA), SchemaSet.packagedTree(SchemaSet.SNAPSHOT_SCHEMA));
        assertEquals(parsed.candidateMembers().size(), generated.candidateMembers().size());
        for (int i = 0; i < parsed.candidateMembers().size(); i++) {
            PlanTemplate.Member a = parsed.candidateMembers().get(i);
            PlanTemplate.Member b = generated.candidateMembers().get(i);
            assertEquals(a.key(), b.key());
            assertEquals(a.copiedFrom(), b.copiedFrom(), a.key());
            assertEquals(a.isFixed(), b.isFixed(), a.key());
            if (a.isFixed()) {
                assertEquals(List.of(), differences(a.fixed(), b.fixed(), a.key()));
            }
        }
        assertOrderedEqual(parsed.fixedCandidateMembers(), generated.fixedCandidateMembers());
        assertOrderedEqual(parsed.fixedEnvelopeMembers(), generated.fixedEnvelopeMembers());
        assertEquals(parsed.copiedMembers(), generated.copiedMembers());
        // The rendered catalogs the reader recognises, byte for byte.
        var parsedKnown = parsed.canonicalCandidateMembers();
        var generatedKnown = generated.canonicalCandidateMembers();
        assertEquals(parsedKnown.members().keySet(), generatedKnown.members().keySet());
        parsedKnown.members().forEach((key, known) -> assertTrue(
                java.util.Arrays.equals(known.member(), generatedKnown.members().get(key).member()), key));
        // A plan envelope and its summary, from the golden snapshot's shape.
        ObjectNode source = JsonNodeFactory.instance.objectNode();
        source.put("schema_version", "v").put("status", "s");
        ObjectNode candidate = source.putArray(PlanFields.ACCEPTANCE_CANDIDATES).addObject();
        candidate.put("write_capable_surface", true).put("config_kind", "prometheus_alert_rules");
        assertEquals(List.of(), differences(parsed.envelope(source, "t", "c"), generated.envelope(source, "t", "c"), "envelope"));

        DocumentKinds fromParsed = new DocumentKinds(snapshot, plan, review);
        DocumentKinds fromGenerated = new DocumentKinds(SchemaSet.packagedTree(SchemaSet.SNAPSHOT_SCHEMA),
                SchemaSet.packagedTree(SchemaSet.PLAN_SCHEMA), SchemaSet.packagedTree(SchemaSet.REVIEW_SCHEMA));
        assertEquals(fromParsed.planOnly(), fromGenerated.planOnly());
    }

    @Test
    void generatingAPlanParsesNoSchemaText() throws IOException {
        byte[] snapshot = Files.readAllBytes(Path.of("src/test/resources/golden/example/snapshot.json"));
        int before = SchemaSet.parsedSchemaTexts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReadbackPlanner.create().generate(new java.io.ByteArrayInputStream(snapshot), "snapshot.json",
                new PlanOptions("2026-01-01T00:00:00+08:00", "unknown"), out);
        assertTrue(out.size() > 0);
        assertEquals(before, SchemaSet.parsedSchemaTexts(), "schema texts parsed while generating");
        // Control: the counter counts.
        SchemaSet.parsedPackagedTree(SchemaSet.SNAPSHOT_SCHEMA);
        assertEquals(before + 1, SchemaSet.parsedSchemaTexts());
    }

    private static <K> void assertOrderedEqual(Map<K, JsonNode> expected, Map<K, JsonNode> actual) {
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
        expected.forEach((key, value) -> assertEquals(List.of(), differences(value, actual.get(key), String.valueOf(key))));
    }

    /** Where two trees differ: node class, member order, or value; empty when identical. */
    static List<String> differences(JsonNode expected, JsonNode actual, String where) {
        List<String> found = new ArrayList<>();
        compare(expected, actual, where, found);
        return found;
    }

    private static void compare(JsonNode expected, JsonNode actual, String where, List<String> found) {
        if (expected.getClass() != actual.getClass()) {
            found.add(where + ": " + expected.getClass().getSimpleName() + " vs " + actual.getClass().getSimpleName());
            return;
        }
        if (expected.isObject()) {
            List<String> expectedKeys = new ArrayList<>();
            List<String> actualKeys = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedKeys::add);
            actual.fieldNames().forEachRemaining(actualKeys::add);
            if (!expectedKeys.equals(actualKeys)) {
                found.add(where + ": members " + expectedKeys + " vs " + actualKeys);
                return;
            }
            for (Iterator<String> it = expectedKeys.iterator(); it.hasNext(); ) {
                String key = it.next();
                compare(expected.get(key), actual.get(key), where + "/" + key, found);
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                found.add(where + ": " + expected.size() + " items vs " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), where + "/" + i, found);
            }
        } else if (!expected.equals(actual)) {
            found.add(where + ": " + expected + " vs " + actual);
        }
    }
}
