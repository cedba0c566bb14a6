package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.plan.PlanGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shortcuts of validation are proven here, not argued: on every golden case and fixture, and on
 * seeded mutations of each, the fast paths give exactly the findings of plain whole-document
 * validation.
 *
 * <ul>
 *   <li>snapshots: the envelope, then the candidates a range at a time ({@link SnapshotValidator});
 *   <li>plans read from files: the envelope, then each candidate member by member ({@link PlanValidator#validate});
 *   <li>generation: a plan built from a valid snapshot passes the member-wise checks exactly when the
 *       whole plan passes the plan schema.
 * </ul>
 */
class FastPathDifferentialTest {
    private static final int MUTATIONS_PER_DOCUMENT = 12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Engine ENGINE = new Engine(ForkJoinPool.commonPool());
    private static final StrictJsonReader READER = new StrictJsonReader(Limits.DEFAULT);
    private static int documents;
    private static int generated;

    @AfterAll
    static void printCounts() {
        System.out.println("fast path differential: " + documents + " documents compared, " + generated
                + " generated plans compared with whole-document validation");
    }

    private static List<Path> files(String kind) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> golden = Files.walk(Path.of("src/test/resources/golden"))) {
            golden.filter(p -> p.getFileName().toString().equals(kind + ".json")).sorted().forEach(files::add);
        }
        try (Stream<Path> fixtures = Files.walk(Path.of("src/test/resources/fixtures", kind))) {
            fixtures.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        return files;
    }

    private static JsonNode tree(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return READER.read(bytes, bytes.length).root();
    }

    /** Findings as comparable text: the pointer, the keyword, the severity and the message, sorted. */
    private static List<String> describe(Findings findings) {
        return findings.kept().stream().map(f -> f.pointer() + " " + f.keyword() + " " + f.severity() + " " + f.message()).sorted().toList();
    }

    @TestFactory
    Stream<DynamicTest> snapshotsSplitIntoRangesGiveTheWholeDocumentsFindings() throws IOException {
        assertTrue(ENGINE.snapshotValidator().splits(), "the snapshot schema no longer allows the shortcut");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files("snapshot")) {
            JsonNode original = tree(file);
            if (original == null || !original.path("acceptance_candidates").isArray()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(file.toString(), () -> {
                for (JsonNode document : mutations(original, file.toString())) {
                    Findings whole = new Findings(100_000);
                    ENGINE.snapshotValidator().validateWhole(document, whole);
                    // The shortcut is taken for an object with a list of candidates (else validate() takes the whole path).
                    if (document.isObject() && document.path("acceptance_candidates").isArray()) {
                        Findings split = new Findings(100_000);
                        ENGINE.snapshotValidator().validateSplit(document, split);
                        assertEquals(describe(whole), describe(split));
                        count();
                    }
                    generationAgreesWithWholeValidation(document, whole);
                }
            }));
        }
        return tests.stream();
    }

    /** A snapshot valid as a whole gives a plan that the generator's checks and the whole plan schema both accept. */
    private static void generationAgreesWithWholeValidation(JsonNode snapshot, Findings snapshotFindings) {
        if (!snapshot.isObject() || snapshotFindings.hasErrors()) {
            return;
        }
        PlanGenerator generator = new PlanGenerator(ENGINE);
        ObjectNode plan;
        try {
            plan = generator.tree(snapshot, "2026-01-01T00:00:00+08:00", "unknown", "differential");
        } catch (InvalidDocumentException e) {
            Findings whole = new Findings(100);
            ENGINE.planValidator().validateWhole(unchecked(snapshot), whole);
            assertEquals(List.of(), describe(whole), "the fast path refused a plan the whole schema accepts: " + e.report().toText());
            return;
        }
        Findings whole = new Findings(100);
        ENGINE.planValidator().validateWhole(plan, whole);
        assertEquals(List.of(), describe(whole), "the fast path accepted a plan the whole schema refuses");
        synchronized (FastPathDifferentialTest.class) {
            generated++;
        }
    }

    /** The plan of a snapshot built without any check, for comparison. */
    private static ObjectNode unchecked(JsonNode snapshot) {
        ObjectNode plan = ENGINE.template().envelope(snapshot, "2026-01-01T00:00:00+08:00", "unknown");
        ArrayNode candidates = plan.putArray("readback_candidates");
        PlanTemplate.sourceCandidates(snapshot).forEach(c -> candidates.add(ENGINE.template().candidate(c)));
        return plan;
    }

    @TestFactory
    Stream<DynamicTest> plansCheckedMemberByMemberGiveTheWholeDocumentsFindings() throws IOException {
        assertTrue(ENGINE.planValidator().isMemberwise(), "the plan schema no longer allows the shortcut");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files("plan")) {
            JsonNode original = tree(file);
            if (original == null) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(file.toString(), () -> {
                for (JsonNode document : mutations(original, file.toString())) {
                    Findings fast = new Findings(100_000);
                    ENGINE.planValidator().validate(document, fast);
                    Findings whole = new Findings(100_000);
                    ENGINE.planValidator().validateWhole(document, whole);
                    assertEquals(describe(whole), describe(fast));
                    count();
                }
            }));
        }
        return tests.stream();
    }

    /**
     * Plans are read with their candidates' catalogs recognised by their canonical text instead of
     * decoded: the tree and the reading's findings are the same as a plain reading's, on every plan
     * file and on every mutation written out as the generator writes.
     */
    @TestFactory
    Stream<DynamicTest> readingWithKnownMembersGivesThePlainTree() throws IOException {
        var known = ENGINE.template().canonicalCandidateMembers();
        assertTrue(known.members().size() >= 5, "the catalogs of a candidate are known members");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files("plan")) {
            tests.add(DynamicTest.dynamicTest(file.toString(), () -> {
                List<byte[]> texts = new ArrayList<>();
                texts.add(Files.readAllBytes(file));
                JsonNode original = tree(file);
                if (original != null) {
                    for (JsonNode document : mutations(original, file.toString())) {
                        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                        dev.readbackplan.internal.json.PythonJsonWriter writer = new dev.readbackplan.internal.json.PythonJsonWriter(bytes);
                        writer.writeDocument(document);
                        writer.flush();
                        texts.add(bytes.toByteArray());
                    }
                }
                for (byte[] text : texts) {
                    StrictJsonReader.Result plain = READER.read(text, text.length);
                    StrictJsonReader.Result fast = READER.read(text, text.length, known);
                    assertEquals(plain.root(), fast.root());
                    assertEquals(describe(plain.findings()), describe(fast.findings()));
                    count();
                }
            }));
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void knownMembersAreSharedWhereTheTextIsCanonical() throws IOException {
        byte[] text = Files.readAllBytes(Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json"));
        var known = ENGINE.template().canonicalCandidateMembers();
        JsonNode fast = READER.read(text, text.length, known).root();
        for (String key : known.members().keySet()) {
            assertTrue(fast.at("/readback_candidates/9/" + key) == known.members().get(key).value(), key + " is the shared instance");
        }
        assertTrue(READER.read(text, text.length).root().at("/readback_candidates/9/readback_fields") != known.members().get("readback_fields").value());
    }

    private static synchronized void count() {
        documents++;
    }

    /** The document itself, then seeded mutations of it: the seed is in the document's name. */
    static List<JsonNode> mutations(JsonNode original, String name) {
        List<JsonNode> documents = new ArrayList<>();
        documents.add(original);
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int i = 0; i < MUTATIONS_PER_DOCUMENT; i++) {
            JsonNode copy = original.deepCopy();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                mutate(copy, random);
            }
            documents.add(copy);
        }
        return documents;
    }

    /** One edit at a random place: a value of another type, a member removed or added, a secret-shaped string. */
    static void mutate(JsonNode root, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container.isObject()) {
            ObjectNode object = (ObjectNode) container;
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            String key = keys.isEmpty() || random.nextInt(6) == 0 ? "unexpected_" + random.nextInt(3) : keys.get(random.nextInt(keys.size()));
            if (random.nextInt(5) == 0) {
                object.remove(key);
            } else {
                object.set(key, value(random));
            }
        } else if (container.isArray() && !container.isEmpty()) {
            ArrayNode array = (ArrayNode) container;
            int index = random.nextInt(array.size());
            if (random.nextInt(5) == 0) {
                array.remove(index);
            } else {
                array.set(index, value(random));
            }
        }
    }

    private static JsonNode value(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(-3, 5));
            case 3 -> NODES.numberNode(2.5);
            case 4 -> NODES.textNode("");
            case 5 -> NODES.textNode("api_token=" + "s3cr3t-fake-value-" + random.nextInt(100));
            case 6 -> NODES.objectNode().put("x", 1);
            case 7 -> NODES.arrayNode().add("waiting_post_incident_readback");
            case 8 -> NODES.textNode("INC-" + random.nextInt(10_000));
            default -> NODES.textNode("pending_post_incident_readback");
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }
}
