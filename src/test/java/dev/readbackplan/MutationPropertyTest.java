package dev.readbackplan;

import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.DocumentKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutated snapshots and plans (fields dropped, retyped, duplicated or renamed; bytes truncated,
 * inserted or flipped): every run ends in a valid plan or in located problems, never in an uncaught
 * exception.
 *
 * <p>Each case is one seed, named in the case's display name: a failing case is rerun alone by
 * giving that seed to {@link #mutated(List, long)}. The seed picks one of the original documents and
 * applies one to four random changes to it, one after the other.
 */
class MutationPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<byte[]> SNAPSHOTS = read("weird-13-n7/snapshot.json", "edge-unicode-strings/snapshot.json",
            "edge-integral-floats/snapshot.json", "plain-03-n3/snapshot.json");
    private static final List<byte[]> PLANS = read("weird-11-n1/plan.json", "plain-02-n2/plan.json");

    private final ReadbackPlanner planner = ReadbackPlanner.create();

    private static List<byte[]> read(String... cases) {
        List<byte[]> documents = new ArrayList<>();
        for (String name : cases) {
            try {
                documents.add(Files.readAllBytes(GoldenPlanTest.GOLDEN.resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    /** Seeds of the snapshot cases: as many tries as the property-based version made. */
    static LongStream snapshotSeeds() {
        return LongStream.rangeClosed(1, 400);
    }

    /** Seeds of the plan cases; distinct from the snapshot seeds, so that no two cases repeat. */
    static LongStream planSeeds() {
        return LongStream.rangeClosed(10_001, 10_300);
    }

    /** The document of one case: an original chosen by the seed, then one to four changes. */
    static byte[] mutated(List<byte[]> originals, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] document = originals.get(random.nextInt(originals.size()));
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            document = mutate(document, random);
        }
        return document;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("snapshotSeeds")
    void generationEndsInAValidPlanOrLocatedProblems(long seed) throws IOException {
        byte[] snapshot = mutated(SNAPSHOTS, seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            planner.generate(new ByteArrayInputStream(snapshot), "snapshot.json", GoldenPlanTest.OPTIONS, out);
        } catch (InvalidDocumentException e) {
            assertEquals(0, out.size(), "nothing may be written for an invalid snapshot");
            assertEquals(DocumentKind.SNAPSHOT, e.report().kind(), e.report().toText());
            assertLocated(e.report());
            return;
        }
        ValidationReport plan = planner.validate(new ByteArrayInputStream(out.toByteArray()), "plan.json", DocumentKind.PLAN);
        assertTrue(plan.isValid(), plan.toText());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("planSeeds")
    void validationOfAnyPlanEndsInAReport(long seed) throws IOException {
        ValidationReport report = planner.validate(new ByteArrayInputStream(mutated(PLANS, seed)), "plan.json", null);
        if (!report.isValid()) {
            assertLocated(report);
        }
    }

    private static void assertLocated(ValidationReport report) {
        assertFalse(report.errors().isEmpty());
        for (Problem problem : report.problems()) {
            assertTrue(problem.line() > 0 && problem.column() > 0, "unlocated: " + problem);
            assertFalse(problem.message().isBlank());
        }
    }

    /** One random change, structural when the document still parses, otherwise on the bytes. */
    static byte[] mutate(byte[] document, SplittableRandom random) {
        int kind = random.nextInt(8);
        if (kind < 5) {
            try {
                JsonNode tree = JSON.readTree(document);
                if (tree != null && tree.isContainerNode()) {
                    return structural(tree, kind, random);
                }
            } catch (IOException notJson) {
                // fall through to a byte mutation
            }
        }
        return bytes(document, random);
    }

    private static byte[] structural(JsonNode tree, int kind, SplittableRandom random) throws IOException {
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target.isObject() && target.size() > 0) {
            ObjectNode object = (ObjectNode) target;
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            String key = keys.get(random.nextInt(keys.size()));
            switch (kind) {
                case 0 -> object.remove(key);
                case 1 -> object.set(key, retyped(object.get(key), random));
                case 2 -> {
                    JsonNode value = object.remove(key);
                    object.set(key + (random.nextBoolean() ? "_renamed" : "X"), value);
                }
                case 3 -> {
                    // A duplicated key cannot exist in a tree: write it into the text.
                    String text = JSON.writeValueAsString(tree);
                    String member = JSON.writeValueAsString(key) + ":";
                    int at = text.indexOf(member);
                    return (text.substring(0, at) + member + "null," + text.substring(at)).getBytes(StandardCharsets.UTF_8);
                }
                default -> object.put("extra_" + random.nextInt(100), random.nextInt());
            }
        } else if (target.isArray() && target.size() > 0) {
            ArrayNode array = (ArrayNode) target;
            int index = random.nextInt(array.size());
            switch (kind) {
                case 0 -> array.remove(index);
                case 1 -> array.set(index, retyped(array.get(index), random));
                default -> array.add(array.get(index).deepCopy());
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    }

    private static JsonNode retyped(JsonNode value, SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(!value.asBoolean());
            case 2 -> NODES.numberNode(random.nextInt(2000) - 1000);
            case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 4 -> NODES.textNode(value.isTextual() ? value.textValue() + "\u0000\ud83d\ude00" : value.toString());
            case 5 -> NODES.arrayNode().add(value);
            default -> NODES.objectNode().set("v", value);
        };
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static byte[] bytes(byte[] document, SplittableRandom random) {
        if (document.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(document.length);
        return switch (random.nextInt(3)) {
            case 0 -> java.util.Arrays.copyOf(document, at);
            case 1 -> {
                byte[] inserted = new byte[1 + random.nextInt(8)];
                random.nextBytes(inserted);
                byte[] result = new byte[document.length + inserted.length];
                System.arraycopy(document, 0, result, 0, at);
                System.arraycopy(inserted, 0, result, at, inserted.length);
                System.arraycopy(document, at, result, at + inserted.length, document.length - at);
                yield result;
            }
            default -> {
                byte[] result = document.clone();
                result[at] ^= (byte) (1 << random.nextInt(8));
                yield result;
            }
        };
    }
}
