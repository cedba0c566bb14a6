package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.json.ExactDoubleNode;
import dev.readbackplan.internal.json.StrictJsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The generated fast checks against networknt (issue 14 item 5, issue 16): the proof is
 * one-directional, and both directions are measured.
 *
 * <ul>
 *   <li>On a seeded corpus (every golden and fixture snapshot, plan and review, each with seeded
 *       mutations: near-miss keys, wrong types, 5 against 5.0, surrogates, long strings, bad
 *       date-times, duplicates, extra and missing members), whenever a fast check accepts a
 *       document, or a member or candidate of it, networknt reports no error. That is the contract;
 *       the other direction is counted too, and on this corpus the two agree everywhere.
 *   <li>On a labelled corpus, each case checked first against networknt (so the label is right):
 *       every valid case is accepted by the fast check (a check that rejects everything fails here),
 *       every invalid case is rejected.
 * </ul>
 */
class FastCheckDifferentialTest {
    private static final SchemaSet SCHEMAS = new SchemaSet();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final StrictJsonReader READER = new StrictJsonReader(Limits.DEFAULT);
    private static final int EXTRA_MUTATIONS = 24;
    private static final long[] TALLY = new long[4];
    private static final List<String> ONLY_NETWORKNT = new ArrayList<>();

    @AfterAll
    static void printCounts() {
        System.out.println("fast check differential: both accept " + TALLY[0] + ", both reject " + TALLY[1]
                + ", only networknt accepts " + TALLY[2] + ", only the fast check accepts " + TALLY[3]);
    }

    private static List<Path> files(String root, String name) throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of(root))) {
            return walk.filter(p -> p.getFileName().toString().endsWith(name)).sorted().toList();
        }
    }

    private static JsonNode tree(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return READER.read(bytes, bytes.length).root();
    }

    /**
     * Compares the two on one instance: asserts the direction that is proven, records the other, and
     * says whether networknt accepts.
     */
    private static boolean compare(CheckedSchema schema, JsonNode instance, String what) {
        boolean fast = schema.fastAccepts(instance);
        List<com.networknt.schema.Error> errors = schema.networknt().validate(instance);
        boolean networknt = errors.isEmpty();
        if (fast) {
            assertTrue(networknt, what + ": the fast check accepts what networknt rejects: " + errors + "\n" + instance);
        }
        synchronized (TALLY) {
            if (networknt && !fast && ONLY_NETWORKNT.size() < 5) {
                ONLY_NETWORKNT.add(what + ": " + instance);
            }
            TALLY[fast && networknt ? 0 : !fast && !networknt ? 1 : networknt ? 2 : 3]++;
        }
        return networknt;
    }

    /** A snapshot: the whole, and each top-level member against its property's schema. */
    private static void compareSnapshot(JsonNode snapshot, String what) {
        compare(SCHEMAS.snapshot(), snapshot, what);
        if (snapshot.isObject()) {
            for (Map.Entry<String, JsonNode> member : snapshot.properties()) {
                if (SCHEMAS.snapshotNode().path("properties").has(member.getKey())) {
                    compare(SCHEMAS.snapshotProperty(member.getKey()), member.getValue(), what + " /" + member.getKey());
                }
            }
        }
    }

    /** A plan: the whole, each top-level member, each candidate and each candidate's member, as the validators check them. */
    private static void comparePlan(JsonNode plan, String what) {
        compare(SCHEMAS.plan(), plan, what);
        if (!plan.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : plan.properties()) {
            if (SCHEMAS.planNode().path("properties").has(member.getKey())) {
                compare(SCHEMAS.planProperty(member.getKey()), member.getValue(), what + " /" + member.getKey());
            }
        }
        JsonNode candidates = plan.path("readback_candidates");
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode candidate = candidates.get(i);
            compare(SCHEMAS.candidate(), candidate, what + " candidate " + i);
            if (candidate.isObject()) {
                for (Map.Entry<String, JsonNode> member : candidate.properties()) {
                    if (SCHEMAS.planNode().at(SchemaSet.candidateDefinition() + "/properties").has(member.getKey())) {
                        compare(SCHEMAS.candidateProperty(member.getKey()), member.getValue(), what + " candidate " + i + " /" + member.getKey());
                    }
                }
            }
        }
    }

    @Test
    void whateverTheFastCheckAcceptsNetworkntAccepts() throws IOException {
        int documents = 0;
        List<Path> snapshots = new ArrayList<>(files("src/test/resources/golden", "snapshot.json"));
        snapshots.addAll(files("src/test/resources/fixtures/snapshot", ".json"));
        for (Path file : snapshots) {
            JsonNode original = tree(file);
            if (original == null) {
                continue;
            }
            for (JsonNode document : corpus(original, file.toString())) {
                compareSnapshot(document, file.toString());
                documents++;
            }
        }
        List<Path> plans = new ArrayList<>(files("src/test/resources/golden", "plan.json"));
        plans.addAll(files("src/test/resources/fixtures/plan", ".json"));
        plans.addAll(files("src/test/resources/review", "plan.json"));
        for (Path file : plans) {
            JsonNode original = tree(file);
            if (original == null) {
                continue;
            }
            for (JsonNode document : corpus(original, file.toString())) {
                comparePlan(document, file.toString());
                documents++;
            }
        }
        for (Path file : files("src/test/resources/review", "expected.json")) {
            JsonNode original = tree(file);
            if (original == null) {
                continue;
            }
            for (JsonNode document : corpus(original, file.toString())) {
                compare(SCHEMAS.review(), document, file.toString());
                documents++;
            }
        }
        assertTrue(documents > 1000, "the corpus is as large as intended: " + documents);
        // Both verdicts occur: the corpus exercises acceptance and rejection.
        assertTrue(TALLY[0] > 0 && TALLY[1] > 0, java.util.Arrays.toString(TALLY));
        // Not the contract, but what the generator is for: nothing valid takes the slow path.
        assertEquals(List.of(), ONLY_NETWORKNT, "instances only networknt accepts");
    }

    /** The document, the shared seeded mutations, and more of this test's own kinds of edit. */
    private static List<JsonNode> corpus(JsonNode original, String name) {
        List<JsonNode> documents = new ArrayList<>(FastPathDifferentialTest.mutations(original, name));
        SplittableRandom random = new SplittableRandom(name.hashCode() * 31L + 7);
        for (int i = 0; i < EXTRA_MUTATIONS; i++) {
            JsonNode copy = original.deepCopy();
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                edit(copy, random);
            }
            documents.add(copy);
        }
        return documents;
    }

    /** One edit at a random place of the tree, of a kind the shared mutations do not make. */
    private static void edit(JsonNode root, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container.isObject()) {
            ObjectNode object = (ObjectNode) container;
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            if (keys.isEmpty()) {
                object.set("extra", value(random, NODES.nullNode()));
                return;
            }
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(key);
                case 1 -> object.set(FastPathDifferentialTest.nearMiss(key, random), object.remove(key));
                default -> object.set(key, value(random, object.get(key)));
            }
        } else if (container.isArray() && !container.isEmpty()) {
            ArrayNode array = (ArrayNode) container;
            int index = random.nextInt(array.size());
            switch (random.nextInt(4)) {
                // A duplicate: uniqueItems.
                case 0 -> array.add(array.get(index).deepCopy());
                case 1 -> array.set(index, array.get(random.nextInt(array.size())).deepCopy());
                default -> array.set(index, value(random, array.get(index)));
            }
        }
    }

    /** A value near {@code old}: the same number written as a float, strings longer or with surrogates, bad date-times. */
    private static JsonNode value(SplittableRandom random, JsonNode old) {
        String text = old.isTextual() ? old.textValue() : "x";
        return switch (random.nextInt(14)) {
            case 0 -> old.isIntegralNumber() ? new ExactDoubleNode(old.doubleValue(), old.asText() + ".0") : NODES.numberNode(5);
            case 1 -> old.isNumber() ? NODES.numberNode(old.decimalValue().add(java.math.BigDecimal.ONE)) : NODES.numberNode(-1);
            case 2 -> NODES.numberNode(new java.math.BigInteger("9007199254740992"));
            case 3 -> NODES.textNode(text + "\n");
            case 4 -> NODES.textNode(text.repeat(64));
            case 5 -> NODES.textNode(text + "\ud83d\ude00");
            case 6 -> NODES.textNode(text.isEmpty() ? "\udc00" : text.substring(1));
            case 7 -> NODES.textNode(text.toUpperCase(java.util.Locale.ROOT));
            case 8 -> NODES.textNode(List.of("2026-01-01 00:00:00+08:00", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00Z\n",
                    "2026-01-01T24:00:00Z", "2016-12-31T23:59:60Z", "2026-01-01T00:00:00.123456789-00:00").get(random.nextInt(6)));
            case 9 -> NODES.textNode("\ud800");
            case 10 -> old.isTextual() ? NODES.arrayNode().add(old) : NODES.textNode(old.toString());
            case 11 -> NODES.booleanNode(!old.asBoolean(false));
            case 12 -> NODES.nullNode();
            default -> NODES.textNode("0123456789abcdef".repeat(4).substring(random.nextInt(2)));
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    // ---------------------------------------------------------------- labelled corpus

    private static JsonNode example(String kind) throws IOException {
        return tree(Path.of("src/test/resources/golden/example", kind + ".json"));
    }

    /** A copy of {@code document} with one change made by {@code change}. */
    private static JsonNode changed(JsonNode document, Consumer<ObjectNode> change) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static void label(List<Labelled> cases, String name, CheckedSchema schema, JsonNode document, boolean valid) {
        cases.add(new Labelled(name, schema, document, valid));
    }

    private record Labelled(String name, CheckedSchema schema, JsonNode document, boolean valid) {}

    @Test
    void theFastCheckAcceptsTheValidAndRejectsTheInvalidOfALabelledCorpus() throws IOException {
        JsonNode snapshot = example("snapshot");
        JsonNode plan = example("plan");
        String candidate = "/acceptance_candidates/0";
        String readback = "/readback_candidates/0";
        List<Labelled> cases = new ArrayList<>();
        CheckedSchema s = SCHEMAS.snapshot();
        CheckedSchema p = SCHEMAS.plan();
        // Valid: as generated, and with edits the schemas allow.
        label(cases, "snapshot as is", s, snapshot, true);
        label(cases, "plan as is", p, plan, true);
        label(cases, "emoji label (surrogate pair)", s, changed(snapshot, d -> at(d, candidate).put("label", "\ud83d\ude00")), true);
        label(cases, "one-code-point identifier written as two chars", s, changed(snapshot, d -> at(d, candidate).put("surface_id", "\ud83d\ude00")), true);
        label(cases, "lone surrogate in a free string", s, changed(snapshot, d -> at(d, candidate).put("label", "\ud800")), true);
        label(cases, "long label", s, changed(snapshot, d -> at(d, candidate).put("label", "x".repeat(100_000))), true);
        label(cases, "largest exact count", s, changed(snapshot, d -> at(d, candidate).put("source_line_count", 9007199254740991L)), true);
        label(cases, "unknown snapshot member", s, changed(snapshot, d -> d.put("unknown", 1)), true);
        label(cases, "39 written 39.0 (const compares numbers by value)", p,
                changed(plan, d -> at(d, "/summary").set("readback_field_count", new ExactDoubleNode(39.0, "39.0"))), true);
        label(cases, "leap second", p, changed(plan, d -> d.put("generated_at", "2016-12-31T23:59:60Z")), true);
        label(cases, "lower-case t and z", p, changed(plan, d -> d.put("generated_at", "2026-01-01t00:00:00z")), true);
        label(cases, "git commit of 64 digits", p, changed(plan, d -> d.put("git_commit", "a".repeat(64))), true);
        label(cases, "evidence reference", p, changed(plan, d -> at(d, readback).put("actor_attribution_ref", "INC-2041")), true);
        // Invalid: one problem each.
        label(cases, "missing required member", s, changed(snapshot, d -> at(d, candidate).remove("label")), false);
        label(cases, "label of the wrong type", s, changed(snapshot, d -> at(d, candidate).put("label", 5)), false);
        label(cases, "empty identifier", s, changed(snapshot, d -> at(d, candidate).put("surface_id", "")), false);
        label(cases, "sha256 with a trailing newline ($ is the end)", s,
                changed(snapshot, d -> at(d, candidate).put("repo_sha256", "0".repeat(64) + "\n")), false);
        label(cases, "sha256 upper case", s, changed(snapshot, d -> at(d, candidate).put("repo_sha256", "A".repeat(64))), false);
        label(cases, "sha256 too short", s, changed(snapshot, d -> at(d, candidate).put("repo_sha256", "a".repeat(63))), false);
        label(cases, "negative count", s, changed(snapshot, d -> at(d, candidate).put("source_line_count", -1)), false);
        label(cases, "count above 2^53 - 1", s, changed(snapshot, d -> at(d, candidate).put("source_line_count", 9007199254740992L)), false);
        label(cases, "fractional count", s, changed(snapshot, d -> at(d, candidate).put("source_line_count", 2.5)), false);
        label(cases, "count as text", s, changed(snapshot, d -> at(d, candidate).put("source_line_count", "5")), false);
        label(cases, "boolean as text", s, changed(snapshot, d -> at(d, candidate).put("write_capable_surface", "true")), false);
        label(cases, "candidates as an object", s, changed(snapshot, d -> d.putObject("acceptance_candidates")), false);
        label(cases, "summary count null", s, changed(snapshot, d -> at(d, "/summary").putNull("acceptance_candidate_count")), false);
        label(cases, "snapshot an array", s, NODES.arrayNode(), false);
        label(cases, "date-time with a space", p, changed(plan, d -> d.put("generated_at", "2026-01-01 00:00:00Z")), false);
        label(cases, "February 30", p, changed(plan, d -> d.put("generated_at", "2026-02-30T00:00:00Z")), false);
        label(cases, "date-time without offset", p, changed(plan, d -> d.put("generated_at", "2026-01-01T00:00:00")), false);
        label(cases, "date-time with a trailing newline", p, changed(plan, d -> d.put("generated_at", "2026-01-01T00:00:00Z\n")), false);
        label(cases, "git commit too short", p, changed(plan, d -> d.put("git_commit", "abc")), false);
        label(cases, "git commit upper case", p, changed(plan, d -> d.put("git_commit", "ABCD")), false);
        label(cases, "git commit unknown and a newline", p, changed(plan, d -> d.put("git_commit", "unknown\n")), false);
        label(cases, "git commit of 65 digits", p, changed(plan, d -> d.put("git_commit", "a".repeat(65))), false);
        label(cases, "other schema version", p, changed(plan, d -> d.put("schema_version", "monitoring_post_incident_readback_plan_v2")), false);
        label(cases, "extra plan member", p, changed(plan, d -> d.put("extra", true)), false);
        label(cases, "missing plan member", p, changed(plan, d -> d.remove("mode")), false);
        label(cases, "duplicate required field", p, changed(plan, d -> {
            ArrayNode fields = (ArrayNode) d.get("required_readback_fields");
            fields.set(1, fields.get(0));
        }), false);
        label(cases, "29 required fields", p, changed(plan, d -> ((ArrayNode) d.get("required_readback_fields")).remove(29)), false);
        label(cases, "an instruction edited", p, changed(plan, d -> at(d, "/reviewer_checks/0").put("instruction", "edited")), false);
        label(cases, "an extra key in a check", p, changed(plan, d -> at(d, "/reviewer_checks/0").put("extra", "x")), false);
        label(cases, "const 39 as 40", p, changed(plan, d -> at(d, "/summary").put("readback_field_count", 40)), false);
        label(cases, "const 39 as 39.5", p, changed(plan, d -> at(d, "/summary").put("readback_field_count", 39.5)), false);
        label(cases, "a gate opened", p, changed(plan, d -> at(d, "/execution_boundaries").put("runtime_gate", true)), false);
        label(cases, "not_authorization false", p, changed(plan, d -> at(d, "/execution_boundaries").put("not_authorization", false)), false);
        label(cases, "zero count 1", p, changed(plan, d -> at(d, "/summary").put("runtime_gate_count", 1)), false);
        for (String near : List.of("label ", "label\u200b", "LABEL", "labe", "label\ud800")) {
            label(cases, "near-miss key " + near, p, changed(plan, d -> {
                ObjectNode c = at(d, readback);
                c.set(near, c.remove("label"));
            }), false);
        }
        label(cases, "evidence reference with a newline", p, changed(plan, d -> at(d, readback).put("actor_attribution_ref", "INC-2041\n")), false);
        label(cases, "evidence reference too long", p,
                changed(plan, d -> at(d, readback).put("actor_attribution_ref", "artifact://" + "a".repeat(400))), false);
        label(cases, "evidence reference a lone surrogate", p, changed(plan, d -> at(d, readback).put("actor_attribution_ref", "\ud800")), false);
        label(cases, "candidate an array", p, changed(plan, d -> ((ArrayNode) d.get("readback_candidates")).add(NODES.arrayNode())), false);

        int valid = 0;
        int invalid = 0;
        for (Labelled c : cases) {
            boolean networknt = c.schema().networknt().validate(c.document()).isEmpty();
            assertEquals(c.valid(), networknt, "the label of \"" + c.name() + "\" is what networknt decides");
            assertEquals(c.valid(), c.schema().fastAccepts(c.document()), "the fast check on \"" + c.name() + "\"");
            if (c.valid()) {
                valid++;
            } else {
                invalid++;
            }
        }
        assertTrue(valid >= 10 && invalid >= 30, valid + " valid, " + invalid + " invalid");
    }

    /** Every packaged schema and each of its subschemas has a generated check (the generator walks them all). */
    @Test
    void everySubschemaHasAGeneratedCheck() {
        int checked = 0;
        for (String file : List.of(SchemaSet.SNAPSHOT_SCHEMA, SchemaSet.PLAN_SCHEMA, SchemaSet.REVIEW_SCHEMA)) {
            List<String> pointers = new ArrayList<>();
            subschemas(SchemaSet.packagedTree(file), "", pointers);
            for (String pointer : pointers) {
                assertTrue(GeneratedChecks.at(file, pointer) != null, file + "#" + pointer);
                checked++;
            }
            assertFalse(GeneratedChecks.at(file, "/no/such/place") != null);
        }
        assertTrue(checked > 300, "subschemas: " + checked);
    }

    private static void subschemas(JsonNode schema, String pointer, List<String> pointers) {
        pointers.add(pointer);
        for (String container : List.of("properties", "$defs")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path(container).properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                subschemas(entry.getValue(), pointer + "/" + container + "/" + entry.getKey().replace("~", "~0").replace("/", "~1"), pointers);
            }
        }
        if (schema.path("items").isObject()) {
            subschemas(schema.get("items"), pointer + "/items", pointers);
        }
    }
}
