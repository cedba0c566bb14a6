package dev.readbackplan.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte scanner that cuts a plan into its envelope and candidates, and the shapes it declines. */
class ListSplitterTest {
    private static final int DEPTH = 128;

    /** What one split gave: the envelope (null when it gave up) and the items. */
    record Split(String envelope, List<String> items) {}

    /** Splits {@code text} fed in blocks of {@code block} bytes. */
    static Split split(String text, int block) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> items = new ArrayList<>();
        ListSplitter splitter = new ListSplitter("list", DEPTH, (index, item, length) -> {
            assertEquals(items.size(), index);
            items.add(new String(item, 0, length, StandardCharsets.UTF_8));
        });
        for (int from = 0; from < bytes.length; from += block) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + block));
            // A block longer than its content: only the given length counts.
            byte[] padded = java.util.Arrays.copyOf(part, part.length + 3);
            padded[part.length] = '"';
            splitter.feed(padded, part.length);
        }
        byte[] envelope = splitter.finish();
        assertEquals(envelope == null, splitter.gaveUp());
        return new Split(envelope == null ? null : new String(envelope, StandardCharsets.UTF_8), items);
    }

    /** The same split whatever the block size, down to one byte at a time. */
    static Split splitEveryWay(String text) {
        Split whole = split(text, 1 << 20);
        for (int block : new int[] {1, 2, 3, 7, 64}) {
            assertEquals(whole, split(text, block), "block size " + block);
        }
        return whole;
    }

    @Test
    void itemsAndEnvelope() {
        Split split = splitEveryWay("{\"a\": 1, \"list\": [\n  {\"x\": \"}]\\\"{[\"},\n  {\"y\": [1, {\"z\": {}}]}\n], \"b\": {\"list\": [2]}}\n");
        assertEquals(List.of("{\"x\": \"}]\\\"{[\"}", "{\"y\": [1, {\"z\": {}}]}"), split.items());
        assertEquals("{\"a\": 1, \"list\": [], \"b\": {\"list\": [2]}}\n", split.envelope());
    }

    @Test
    void anEmptyListAndAByteOrderMark() {
        Split split = splitEveryWay("\uFEFF {\"list\" : [ ] }");
        assertEquals(List.of(), split.items());
        assertEquals("\uFEFF {\"list\" : [] }", split.envelope());
    }

    @Test
    void whatFollowsTheRootStaysInTheEnvelopeForTheReaderToRefuse() {
        assertEquals("{\"list\": []} {\"x\": 1}", splitEveryWay("{\"list\": [{}]} {\"x\": 1}").envelope());
    }

    @Test
    void keysThatOnlyLookLikeTheListsAreNotIt() {
        // A value equal to the key, a longer key, the key one level down, an escaped backslash before a quote.
        Split split = splitEveryWay("{\"k\": \"list\", \"lists\": [{}], \"o\": {\"list\": [{}]}, \"e\\\\\": 0, \"list\": [{\"i\": 1}]}");
        assertEquals(List.of("{\"i\": 1}"), split.items());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"list\": []}]",                                   // the root is not an object
        "{\"list\": {}}",                                     // the list is not an array
        "{\"list\": \"[{}]\", \"other\": [{}]}",              // nor a string before another array
        "{\"list\": null}",
        "{\"list\": [1]}",                                    // an item that is not an object
        "{\"list\": [{}, []]}",
        "{\"list\": [{},]}",                                  // a trailing comma
        "{\"list\": [,{}]}",
        "{\"list\": [{},,{}]}",
        "{\"list\": [{} {}]}",                                // a missing comma
        "{\"list\": [{}], \"list\": [{}]}",                   // the key twice
        "{\"li\\u0073t\": [{}]}",                             // the key escaped: not found
        "{\"other\": 1}",                                     // no list
        "{\"list\": [{}]",                                    // the root not closed
        "{\"list\": [{\"a\": \"}]",                          // a string not closed
        "",
        "   ",
    })
    void shapesItDeclines(String text) {
        Split split = splitEveryWay(text);
        assertNull(split.envelope(), text);
    }

    @Test
    void nestingNearTheLimitIsDeclinedInItemsOnly() {
        // The root is level 1, the list 2, an item 3: its arrays go down to 3 + n; the reader's limit is DEPTH.
        String deepItem = "{\"list\": [{\"a\": " + "[".repeat(DEPTH - 5) + "]".repeat(DEPTH - 5) + "}]}";
        assertFalse(splitEveryWay(deepItem).envelope() == null);
        String tooDeep = "{\"list\": [{\"a\": " + "[".repeat(DEPTH - 4) + "]".repeat(DEPTH - 4) + "}]}";
        assertNull(splitEveryWay(tooDeep).envelope());
    }

    /**
     * Seeded: random documents of nested values with strings full of the scanner's special bytes; the
     * items and envelope, parsed, are the document's list and the document with the list emptied.
     */
    @Test
    void randomDocumentsSplitAsTheParserSeesThem() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        Random random = new Random(20261202);
        for (int round = 0; round < 300; round++) {
            com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
            com.fasterxml.jackson.databind.node.ArrayNode list = mapper.createArrayNode();
            int before = random.nextInt(3);
            for (int i = 0; i < before; i++) {
                root.set("k" + i + text(random), value(mapper, random, 0));
            }
            root.set("list", list);
            for (int i = 0; i < random.nextInt(5); i++) {
                com.fasterxml.jackson.databind.node.ObjectNode item = mapper.createObjectNode();
                for (int j = 0; j < random.nextInt(4); j++) {
                    item.set("m" + j + text(random), value(mapper, random, 0));
                }
                list.add(item);
            }
            root.put("after" + text(random), text(random));
            String text = random.nextBoolean() ? mapper.writeValueAsString(root) : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            Split split = split(text, 1 + random.nextInt(40));
            assertTrue(split.envelope() != null, text);
            assertEquals(list.size(), split.items().size());
            for (int i = 0; i < list.size(); i++) {
                assertEquals(list.get(i), mapper.readTree(split.items().get(i)));
            }
            com.fasterxml.jackson.databind.node.ObjectNode emptied = root.deepCopy();
            emptied.putArray("list");
            assertEquals(emptied, mapper.readTree(split.envelope()));
        }
    }

    /**
     * Seeded: the documents above, pretty or not, with one to three bytes deleted, doubled or inserted
     * (quotes, backslashes, brackets and punctuation, which the scanner's state follows). Whenever the
     * splitter does not give up, the pieces read clean exactly when the whole document reads clean (the
     * plain path the streamed readers fall back to), and then they are its list and the rest.
     */
    @Test
    void damagedDocumentsReadCleanInPiecesExactlyWhenWhole() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        StrictJsonReader strict = new StrictJsonReader(dev.readbackplan.document.Limits.DEFAULT);
        StrictJsonReader.KnownMembers known = new StrictJsonReader.KnownMembers("list", java.util.Map.of());
        byte[] damage = "\"\\{}[],: x".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20261203);
        int split = 0;
        int clean = 0;
        int dirty = 0;
        for (int round = 0; round < 4000; round++) {
            com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
            root.set("k" + text(random), value(mapper, random, 0));
            com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("list");
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                com.fasterxml.jackson.databind.node.ObjectNode item = list.addObject();
                for (int j = random.nextInt(4); j > 0; j--) {
                    item.set("m" + j + text(random), value(mapper, random, 0));
                }
            }
            root.put("after" + text(random), text(random));
            String pretty = random.nextBoolean() ? mapper.writeValueAsString(root) : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            bytes.writeBytes(pretty.getBytes(StandardCharsets.UTF_8));
            byte[] document = bytes.toByteArray();
            for (int d = 1 + random.nextInt(3); d > 0; d--) {
                int at = random.nextInt(document.length);
                byte[] next = switch (random.nextInt(3)) {
                    case 0 -> concat(document, 0, at, new byte[0], document, at + 1);
                    case 1 -> concat(document, 0, at + 1, new byte[] {document[at]}, document, at + 1);
                    default -> concat(document, 0, at, new byte[] {damage[random.nextInt(damage.length)]}, document, at);
                };
                document = next;
            }
            String text = new String(document, StandardCharsets.UTF_8);
            List<byte[]> pieceList = new ArrayList<>();
            ListSplitter splitter = new ListSplitter("list", DEPTH, (index, item, length) -> pieceList.add(java.util.Arrays.copyOf(item, length)));
            int block = 1 + random.nextInt(40);
            for (int from = 0; from < document.length; from += block) {
                splitter.feed(java.util.Arrays.copyOfRange(document, from, Math.min(document.length, from + block)), Math.min(block, document.length - from));
            }
            byte[] envelope = splitter.finish();
            if (envelope == null) {
                continue;
            }
            split++;
            StrictJsonReader.Result whole = strict.read(document, document.length);
            boolean wholeClean = whole.findings().isEmpty() && whole.root() != null;
            StrictJsonReader.Result envelopeRead = strict.read(envelope, envelope.length);
            boolean piecesClean = envelopeRead.findings().isEmpty() && envelopeRead.root() != null;
            List<com.fasterxml.jackson.databind.JsonNode> items = new ArrayList<>();
            for (int i = 0; i < pieceList.size() && piecesClean; i++) {
                byte[] item = pieceList.get(i);
                StrictJsonReader.Result read = strict.readItem(item, item.length, known, i);
                piecesClean = read.findings().isEmpty() && read.root() != null;
                items.add(read.root());
            }
            assertEquals(wholeClean, piecesClean, () -> whole.findings().kept() + "\n" + text);
            if (wholeClean) {
                clean++;
                com.fasterxml.jackson.databind.JsonNode wholeList = whole.root().get("list");
                assertEquals(wholeList.size(), items.size(), text);
                for (int i = 0; i < items.size(); i++) {
                    assertEquals(wholeList.get(i), items.get(i), text);
                }
                com.fasterxml.jackson.databind.node.ObjectNode emptied = ((com.fasterxml.jackson.databind.node.ObjectNode) whole.root()).deepCopy();
                emptied.putArray("list");
                assertEquals(emptied, envelopeRead.root(), text);
            } else {
                dirty++;
            }
        }
        // Both verdicts in numbers, or the comparison shows little.
        assertTrue(clean > 300 && dirty > 300, "split " + split + ", clean " + clean + ", not clean " + dirty);
    }

    private static byte[] concat(byte[] a, int aFrom, int aTo, byte[] middle, byte[] b, int bFrom) {
        byte[] out = new byte[(aTo - aFrom) + middle.length + (b.length - bFrom)];
        System.arraycopy(a, aFrom, out, 0, aTo - aFrom);
        System.arraycopy(middle, 0, out, aTo - aFrom, middle.length);
        System.arraycopy(b, bFrom, out, aTo - aFrom + middle.length, b.length - bFrom);
        return out;
    }

    private static String text(Random random) {
        String specials = "{}[]\",:\\ \n\u00e9\u2028x";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < random.nextInt(6); i++) {
            text.append(specials.charAt(random.nextInt(specials.length())));
        }
        return text.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode value(com.fasterxml.jackson.databind.ObjectMapper mapper, Random random, int depth) {
        switch (depth > 3 ? random.nextInt(3) : random.nextInt(5)) {
            case 0:
                return mapper.getNodeFactory().textNode(text(random));
            case 1:
                return mapper.getNodeFactory().numberNode(random.nextInt(1000) - 500);
            case 2:
                return random.nextBoolean() ? mapper.getNodeFactory().nullNode() : mapper.getNodeFactory().booleanNode(random.nextBoolean());
            case 3: {
                com.fasterxml.jackson.databind.node.ArrayNode array = mapper.createArrayNode();
                for (int i = 0; i < random.nextInt(3); i++) {
                    array.add(value(mapper, random, depth + 1));
                }
                return array;
            }
            default: {
                com.fasterxml.jackson.databind.node.ObjectNode object = mapper.createObjectNode();
                for (int i = 0; i < random.nextInt(3); i++) {
                    object.set("list" + (random.nextBoolean() ? "" : text(random)), value(mapper, random, depth + 1));
                }
                return object;
            }
        }
    }
}
