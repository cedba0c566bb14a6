package dev.readbackplan.internal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.json.ListSplitter;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.PlanFields;
import dev.readbackplan.internal.schema.PlanTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streamed review makes a candidate whose text is generation's but for the reviewers' fields from
 * the regenerated candidate and those fields' values, without reading the text whole: a shortcut of
 * the plain reading ({@link StrictJsonReader#readItem}). Held to it candidate by candidate, on the
 * streamed review's corpus and its seeded mutations, and on reviewers' values of every JSON kind,
 * well-formed or not: whenever the shortcut gives a tree, the plain reading finds nothing and gives an
 * equal tree (node types included). And the shortcut is taken: on every candidate of the generated
 * and filled plans, and for every well-formed value in a reviewer's field.
 */
class CandidateFromTextDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Once<Engine> ENGINE = new Once<>(() -> new Engine(Runnable::run));
    private static final DocumentReader READER = new DocumentReader(Limits.DEFAULT, ENGINE::get);
    private static final StrictJsonReader STRICT = new StrictJsonReader(Limits.DEFAULT);
    private static final PlanReviewer REVIEWER = new PlanReviewer(ENGINE.get(), Catalog.get(), READER);
    private static final String HOLE = "@@reviewer-value@@";

    /** Reviewers' values that are one JSON value each, as the tool would write them or not. */
    private static final List<String> WELL_FORMED = List.of("\"x\"", "\"\"", "\"a\\\"b\\\\c\\/d\"", "\"\\u00e9\\n\"", "\"é 漢字\"",
            "\"\\ud83d\\ude00\"", "\"😀\"", "0", "-1", "12345678901234567890123", "1.5e10", "-0.0", "1E+2", "0.1", "true", "false",
            "null", "[]", "{}", "[1, \"a\", {\"b\": null}]", "{\"k\": [1, 2]}", "{\"a\": \"}\"}", "[\"]\"]",
            "[\n        1,\n        \"x\"\n      ]", "{\"a\":{\"b\":[[],{}]}}", "\"ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8\"");
    /** Texts that are not one JSON value, or are one the strict reader refuses. */
    private static final List<String> MALFORMED = List.of("\"unterminated", "tru", "nul", "01", "1.", ".5", "+1", "NaN", "Infinity",
            "-Infinity", "{\"a\": 1, \"a\": 2}", "\"a\tb\"", "[1,]", "{,}", "\"a\" \"b\"", "1 2", " 1", "\uFEFF\"x\"", "[1", "{\"a\": 1",
            "\"\\x\"", "\"\\u12\"", "[[[[1]]]", "]", "}", "", "truex", "nullnull", "1-2", "\"a\"\"", "--1", "1e", "'x'", "True");

    @Test
    void theShortcutGivesThePlainTreeOnTheCorpusAndItsMutations() throws IOException {
        List<StreamedReviewDifferentialTest.Case> cases = new ArrayList<>(StreamedReviewDifferentialTest.bases());
        Random random = new Random(20261203L);
        for (StreamedReviewDifferentialTest.Case base : StreamedReviewDifferentialTest.bases()) {
            for (int i = 0; i < 30; i++) {
                cases.add(StreamedReviewDifferentialTest.mutate(base, random));
            }
        }
        int[] counts = new int[2];
        for (StreamedReviewDifferentialTest.Case c : cases) {
            int[] one = compare(c.name(), c.plan(), c.snapshot());
            counts[0] += one[0];
            counts[1] += one[1];
            if (c.name().equals("large") || c.name().equals("example")) {
                assertEquals(0, one[1], c.name() + ": every candidate of a generated plan, filled, takes the shortcut");
                assertTrue(one[0] > 0, c.name());
            }
        }
        assertTrue(counts[0] > 1000 && counts[1] > 100, "taken " + counts[0] + ", not taken " + counts[1]);
    }

    @Test
    void everyWellFormedReviewersValueTakesTheShortcutAndNoMalformedOneDoes() throws IOException {
        StreamedReviewDifferentialTest.Case example = StreamedReviewDifferentialTest.bases().stream()
                .filter(c -> c.name().equals("example")).findFirst().orElseThrow();
        ObjectNode plan = (ObjectNode) JSON.readTree(example.plan());
        List<String> fields = new CurrencyCheck(ENGINE.get(), new ReviewRules(ENGINE.get(), Catalog.get()).fields()).neutralCandidateFields();
        List<JsonNode> sources = sources(example.snapshot());
        Random random = new Random(7L);
        for (List<String> values : List.of(WELL_FORMED, MALFORMED)) {
            for (String value : values) {
                ObjectNode copy = plan.deepCopy();
                ArrayNode candidates = (ArrayNode) copy.get(PlanFields.READBACK_CANDIDATES);
                int at = random.nextInt(candidates.size());
                String field = fields.get(random.nextInt(fields.size()));
                ((ObjectNode) candidates.get(at)).put(field, HOLE);
                String text = new String(StreamedReviewDifferentialTest.write(copy), StandardCharsets.UTF_8)
                        .replace("\"" + HOLE + "\"", value);
                List<byte[]> items = items(text.getBytes(StandardCharsets.UTF_8));
                String what = field + " = " + value;
                if (items.isEmpty() && values == MALFORMED) {
                    continue; // the splitter declines the plan (an unbalanced bracket): read whole
                }
                byte[] item = items.get(at);
                JsonNode shortcut = REVIEWER.fromGenerationsText(item, item.length, sources.get(at), STRICT);
                StrictJsonReader.Result plain = STRICT.readItem(item, item.length, ENGINE.get().template().canonicalCandidateMembers(), at);
                if (values == WELL_FORMED) {
                    assertNotNull(shortcut, what);
                    assertTrue(plain.findings().isEmpty(), what);
                    assertEquals(plain.root(), shortcut, what);
                    assertEquals(JSON.readTree(value), shortcut.get(field), what);
                } else {
                    assertNull(shortcut, what);
                }
                compare(what, text.getBytes(StandardCharsets.UTF_8), example.snapshot());
            }
        }
    }

    /** Each candidate of the plan that has a source: the shortcut's tree, when it gives one, is the plain reading's. */
    private static int[] compare(String name, byte[] plan, byte[] snapshot) {
        List<byte[]> items = items(plan);
        List<JsonNode> sources = sources(snapshot);
        int[] counts = new int[2];
        for (int i = 0; i < Math.min(items.size(), sources.size()); i++) {
            byte[] item = items.get(i);
            JsonNode shortcut = REVIEWER.fromGenerationsText(item, item.length, sources.get(i), STRICT);
            if (shortcut == null) {
                counts[1]++;
                continue;
            }
            counts[0]++;
            StrictJsonReader.Result plain = STRICT.readItem(item, item.length, ENGINE.get().template().canonicalCandidateMembers(), i);
            assertTrue(plain.findings().isEmpty(), name + " #" + i + ": the shortcut took a text the plain reading finds " + plain.findings().kept());
            assertEquals(plain.root(), shortcut, name + " #" + i);
            assertEquals(types(plain.root()), types(shortcut), name + " #" + i);
        }
        return counts;
    }

    /** Every node's class, in document order: equal trees may still hold numbers of other types. */
    private static List<String> types(JsonNode node) {
        List<String> types = new ArrayList<>();
        types.add(node.getClass().getSimpleName());
        node.forEach(child -> types.addAll(types(child)));
        return types;
    }

    private static List<JsonNode> sources(byte[] snapshot) {
        DocumentReader.Parsed parsed = READER.read(snapshot, snapshot.length, false, "snapshot.json", DocumentKind.SNAPSHOT, () -> { },
                DocumentReader.Purpose.VALIDATE);
        return parsed.root() == null ? List.of() : PlanTemplate.sourceCandidates(parsed.root());
    }

    /** The plan's candidates' texts as the streamed reading cuts them; none when it declines the plan. */
    private static List<byte[]> items(byte[] plan) {
        List<byte[]> items = new ArrayList<>();
        ListSplitter splitter = new ListSplitter(PlanFields.READBACK_CANDIDATES, Limits.DEFAULT.maxNestingDepth(),
                (index, bytes, length) -> items.add(Arrays.copyOf(bytes, length)));
        splitter.feed(plan, plan.length);
        return splitter.finish() == null || splitter.gaveUp() ? List.of() : items;
    }

    @Test
    void theCorpusHasTheExampleAndTheLargePlan() throws IOException {
        List<String> names = StreamedReviewDifferentialTest.bases().stream().map(StreamedReviewDifferentialTest.Case::name).toList();
        assertTrue(names.containsAll(List.of("example", "large")), names.toString());
    }
}
