package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.json.StrictJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generated checks against networknt on the edges of two keywords: string lengths, which count
 * code points (surrogate pairs, lone surrogates, lengths on both sides of every bound), and required
 * keys (each key of a golden candidate missing, null or renamed, one key extra). Both must accept and
 * reject exactly what networknt does: the edge cases a cheaper length test or a counted required check
 * in the generator would have to get right.
 */
class GeneratedLengthAndRequiredTest {
    private static final SchemaSet SCHEMAS = new SchemaSet();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PAIR = "\uD83D\uDE00";

    private static void agree(CheckedSchema schema, JsonNode instance, String what) {
        boolean networknt = schema.networknt().validate(instance).isEmpty();
        assertEquals(networknt, schema.fastAccepts(instance), what + ": " + instance);
    }

    /** The checked schema of every property of the snapshot, the plan and a plan candidate. */
    private static List<Map.Entry<String, CheckedSchema>> boundedStrings() {
        List<Map.Entry<String, CheckedSchema>> bounded = new ArrayList<>();
        for (String name : names(SCHEMAS.snapshotNode().path("properties"))) {
            bounded.add(Map.entry("snapshot /" + name, SCHEMAS.snapshotProperty(name)));
        }
        for (String name : names(SCHEMAS.planNode().path("properties"))) {
            bounded.add(Map.entry("plan /" + name, SCHEMAS.planProperty(name)));
        }
        for (String name : names(SCHEMAS.planNode().at(SchemaSet.candidateDefinition() + "/properties"))) {
            bounded.add(Map.entry("candidate /" + name, SCHEMAS.candidateProperty(name)));
        }
        return bounded;
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Strings of 0 to 140 units: ASCII, surrogate pairs, lone surrogates and mixtures, seeded. */
    private static List<String> strings() {
        SplittableRandom random = new SplittableRandom(16);
        List<String> strings = new ArrayList<>();
        for (int units = 0; units <= 140; units++) {
            strings.add("a".repeat(units));
            strings.add("f".repeat(units));
            strings.add(PAIR.repeat(units / 2) + "a".repeat(units % 2));
            strings.add("\uD83D".repeat(units));
            for (int k = 0; k < 4; k++) {
                StringBuilder s = new StringBuilder();
                while (s.length() < units) {
                    int pick = random.nextInt(5);
                    if (pick == 0 && s.length() + 2 <= units) {
                        s.append(PAIR);
                    } else if (pick == 1) {
                        s.append((char) ('0' + random.nextInt(10)));
                    } else if (pick == 2) {
                        s.append('\uDE00');
                    } else {
                        s.append((char) ('a' + random.nextInt(6)));
                    }
                }
                strings.add(s.toString());
            }
        }
        return strings;
    }

    @Test
    void lengthsAgreeWithNetworkntAroundEveryBound() {
        List<String> strings = strings();
        int accepted = 0;
        for (Map.Entry<String, CheckedSchema> property : boundedStrings()) {
            for (String s : strings) {
                agree(property.getValue(), NODES.textNode(s), property.getKey());
                accepted += property.getValue().fastAccepts(NODES.textNode(s)) ? 1 : 0;
            }
        }
        // Both outcomes occur: the strings reach past the bounds from both sides.
        assertTrue(accepted > 1000, "too few strings accepted: " + accepted);
    }

    private static JsonNode tree(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        return new StrictJsonReader(Limits.DEFAULT).read(bytes, bytes.length).root();
    }

    /** Each candidate of a golden snapshot and plan without each of its keys, with it null, with an extra key. */
    @Test
    void requiredKeysAgreeWithNetworknt() throws IOException {
        JsonNode snapshot = tree("src/test/resources/golden/example/snapshot.json");
        JsonNode plan = tree("src/test/resources/golden/example/plan.json");
        int cases = 0;
        cases += candidates(SCHEMAS.snapshot(), snapshot, "acceptance_candidates");
        cases += candidates(SCHEMAS.plan(), plan, "readback_candidates");
        for (JsonNode candidate : plan.path("readback_candidates")) {
            cases += variants(SCHEMAS.candidate(), (ObjectNode) candidate, null);
        }
        assertTrue(cases > 200, "too few cases: " + cases);
    }

    private static int candidates(CheckedSchema schema, JsonNode document, String list) {
        int cases = 0;
        for (int i = 0; i < document.path(list).size(); i++) {
            final int index = i;
            cases += variants(schema, (ObjectNode) document.path(list).get(i), changed -> {
                ObjectNode copy = document.deepCopy();
                copy.withArray("/" + list).set(index, changed);
                return copy;
            });
        }
        return cases;
    }

    private static int variants(CheckedSchema schema, ObjectNode candidate, java.util.function.UnaryOperator<JsonNode> inDocument) {
        java.util.function.UnaryOperator<JsonNode> wrap = inDocument == null ? c -> c : inDocument;
        int cases = 0;
        agree(schema, wrap.apply(candidate), "as it is");
        for (String key : names(candidate)) {
            ObjectNode without = candidate.deepCopy();
            without.remove(key);
            agree(schema, wrap.apply(without), "without " + key);
            ObjectNode nulled = candidate.deepCopy();
            nulled.putNull(key);
            agree(schema, wrap.apply(nulled), key + " null");
            ObjectNode replaced = candidate.deepCopy();
            replaced.remove(key);
            replaced.put(key + "_", "x");
            agree(schema, wrap.apply(replaced), key + " renamed");
            cases += 3;
        }
        ObjectNode extra = candidate.deepCopy();
        extra.put("zz_extra", 1);
        agree(schema, wrap.apply(extra), "an extra key");
        return cases + 2;
    }
}
