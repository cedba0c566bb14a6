package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.json.DocumentOrder;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.plan.PlanGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Findings as comparable text: the pointer, the keyword, the severity and the message, in the order kept. */
    private static List<String> describe(Findings findings) {
        return findings.kept().stream().map(f -> f.pointer() + " " + f.keyword() + " " + f.severity() + " " + f.message()).toList();
    }

    /**
     * Findings as a report orders them: by position in {@code root} (stable, so findings at one place
     * keep the order they were produced in), then what was dropped.
     */
    private static List<String> ordered(Findings findings, JsonNode root) {
        DocumentOrder order = new DocumentOrder(root);
        List<String> text = new ArrayList<>(findings.kept().stream()
                .sorted(java.util.Comparator.comparing((Finding f) -> order.place(f.pointer()), DocumentOrder.BY_PLACE))
                .map(f -> f.pointer() + " " + f.keyword() + " " + f.severity() + " " + f.message()).toList());
        text.add("dropped " + findings.droppedErrors() + " errors, " + findings.droppedWarnings() + " warnings");
        return text;
    }

    /** The problem limits compared: the production default and one that never cuts. */
    private static final int[] LIMITS = {Limits.DEFAULT.maxProblems(), 100_000};

    /** A collector as the document reader makes one: the limit, the earliest kept by position. */
    private static Findings collector(int limit, JsonNode root) {
        return new Findings(limit, null, new DocumentOrder(root));
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
                    for (int limit : LIMITS) {
                        Findings whole = collector(limit, document);
                        ENGINE.snapshotValidator().validateWhole(document, whole);
                        // The shortcut is taken for an object with a list of candidates (else validate() takes the whole path).
                        if (document.isObject() && document.path("acceptance_candidates").isArray()) {
                            Findings split = collector(limit, document);
                            ENGINE.snapshotValidator().validateSplit(document, split);
                            assertEquals(ordered(whole, document), ordered(split, document));
                            count();
                        }
                        if (limit == 100_000) {
                            generationAgreesWithWholeValidation(document, whole);
                        }
                    }
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
                    for (int limit : LIMITS) {
                        Findings fast = collector(limit, document);
                        ENGINE.planValidator().validate(document, fast);
                        Findings whole = collector(limit, document);
                        ENGINE.planValidator().validateWhole(document, whole);
                        assertEquals(ordered(whole, document), ordered(fast, document));
                        count();
                    }
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
                        try {
                            writer.writeDocument(document);
                        } catch (IllegalArgumentException loneSurrogate) {
                            // The writer refuses what JSON text cannot hold in UTF-8: no text to read.
                            continue;
                        }
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

    /**
     * Documents large enough to be split into ranges (so that ranges start at non-zero offsets, 256,
     * 512, ...), checked on each kind of executor a caller may pass (one thread, the calling thread,
     * the common pool), at the production problem limit and with none, with mutations of every
     * candidate (so that one range alone holds more problems than the limit) and of a few: the fast
     * paths keep exactly the findings, in order, and count exactly the rest, as whole validation does.
     */
    @TestFactory
    Stream<DynamicTest> largeDocumentsOnEveryExecutorAtTheProductionLimit() throws IOException {
        ObjectNode snapshot = dev.readbackplan.testing.ExampleSnapshots.copies(tree(Path.of("src/test/resources/golden/plain-10-n100/snapshot.json")), 8);
        JsonNode candidates = snapshot.get("acceptance_candidates");
        ObjectNode plan = new PlanGenerator(ENGINE).tree(snapshot, "2026-01-01T00:00:00+08:00", "unknown", "differential");
        assertTrue(candidates.size() >= dev.readbackplan.internal.concurrent.Candidates.PARALLEL_THRESHOLD + 256, "split into ranges");

        java.util.concurrent.ExecutorService single = java.util.concurrent.Executors.newFixedThreadPool(1);
        Map<String, java.util.concurrent.Executor> executors = new java.util.LinkedHashMap<>();
        executors.put("one-thread pool", single);
        executors.put("Runnable::run", Runnable::run);
        executors.put("common pool", ForkJoinPool.commonPool());
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, java.util.concurrent.Executor> executor : executors.entrySet()) {
            Engine engine = new Engine(executor.getValue());
            tests.add(DynamicTest.dynamicTest("snapshot, " + executor.getKey(), () -> {
                for (JsonNode document : largeMutations(snapshot, "snapshot")) {
                    for (int limit : LIMITS) {
                        Findings whole = collector(limit, document);
                        engine.snapshotValidator().validateWhole(document, whole);
                        Findings fast = collector(limit, document);
                        engine.snapshotValidator().validate(document, fast);
                        assertEquals(ordered(whole, document), ordered(fast, document), executor.getKey() + ", limit " + limit);
                        count();
                    }
                }
            }));
            tests.add(DynamicTest.dynamicTest("plan, " + executor.getKey(), () -> {
                for (JsonNode document : largeMutations(plan, "plan")) {
                    for (int limit : LIMITS) {
                        Findings whole = collector(limit, document);
                        engine.planValidator().validateWhole(document, whole);
                        Findings fast = collector(limit, document);
                        engine.planValidator().validate(document, fast);
                        assertEquals(ordered(whole, document), ordered(fast, document), executor.getKey() + ", limit " + limit);
                        count();
                    }
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("shut the one-thread pool down", single::shutdown));
        return tests.stream();
    }

    /**
     * The large document, then seeded mutations of it: some of a few places anywhere, some of every
     * candidate alike (thousands of problems: more than the limit in each range of candidates).
     */
    private static List<JsonNode> largeMutations(JsonNode original, String name) {
        List<JsonNode> documents = new ArrayList<>();
        documents.add(original);
        SplittableRandom random = new SplittableRandom(name.hashCode());
        String list = original.has("readback_candidates") ? "readback_candidates" : "acceptance_candidates";
        for (int i = 0; i < 3; i++) {
            JsonNode copy = original.deepCopy();
            for (int e = 0; e < 3; e++) {
                mutate(copy, random);
            }
            documents.add(copy);
        }
        for (int i = 0; i < 3; i++) {
            JsonNode copy = original.deepCopy();
            long seed = random.nextLong();
            for (JsonNode candidate : copy.get(list)) {
                // The same edits in every candidate: each candidate draws from the same seed.
                SplittableRandom same = new SplittableRandom(seed);
                for (int e = 0; e < 3; e++) {
                    mutate(candidate, same);
                }
            }
            // And one problem after the candidates, in the summary.
            ((ObjectNode) copy.get("summary")).put("unexpected_member", 1);
            documents.add(copy);
        }
        return documents;
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
            if (!keys.isEmpty() && random.nextInt(6) == 0) {
                // A near miss: the key almost as the schema spells it, keeping the value.
                String near = nearMiss(key, random);
                if (!object.has(near)) {
                    JsonNode moved = object.remove(key);
                    object.set(near, moved == null ? value(random) : moved);
                }
            } else if (random.nextInt(5) == 0) {
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

    /** A key a reader could take for {@code key}: a trailing space, a zero-width space, another case, a letter less, a lone surrogate. */
    static String nearMiss(String key, SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> key + " ";
            case 1 -> key + "\u200b";
            case 2 -> key.toUpperCase(java.util.Locale.ROOT);
            case 3 -> key.isEmpty() ? "_" : key.substring(0, key.length() - 1);
            default -> key + "\ud800";
        };
    }

    private static JsonNode value(SplittableRandom random) {
        return switch (random.nextInt(16)) {
            case 10 -> NODES.numberNode(5);
            case 11 -> new dev.readbackplan.internal.json.ExactDoubleNode(5.0, "5.0");
            case 12 -> NODES.textNode("\ud800");
            case 13 -> NODES.textNode("pending_post_incident_readback\udc00");
            case 14 -> NODES.textNode("\ud83d\ude00 surface");
            case 15 -> new dev.readbackplan.internal.json.ExactDoubleNode(1.0, "1e0");
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
