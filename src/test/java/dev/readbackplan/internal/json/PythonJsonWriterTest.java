package dev.readbackplan.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layout and escapes of Python's json.dumps(ensure_ascii=False, indent=2, sort_keys=True). */
class PythonJsonWriterTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static String write(JsonNode node) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PythonJsonWriter writer = new PythonJsonWriter(out);
        writer.writeDocument(node);
        writer.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void layoutOfNestedAndEmptyContainers() throws IOException {
        ObjectNode root = NODES.objectNode();
        root.putArray("b").add(1).add(NODES.objectNode()).addArray();
        root.putObject("a").put("x", true).putNull("y");
        root.putArray("c");
        assertEquals("{\n  \"a\": {\n    \"x\": true,\n    \"y\": null\n  },\n  \"b\": [\n    1,\n    {},\n    []\n  ],\n  \"c\": []\n}\n",
                write(root));
    }

    @Test
    void escapesAsPythonDoes() throws IOException {
        String text = "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0085\u2028é中😀";
        assertEquals("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u0085\u2028é中😀\"\n", write(NODES.textNode(text)));
    }

    @Test
    void writesNonBmpCharactersAsFourUtf8Bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PythonJsonWriter writer = new PythonJsonWriter(out);
        writer.writeValue(NODES.textNode("😀"), 0);
        writer.flush();
        byte[] bytes = out.toByteArray();
        assertEquals(6, bytes.length);
        assertEquals((byte) 0xF0, bytes[1]);
    }

    @Test
    void refusesLoneSurrogatesWhichPythonCannotEncode() {
        assertThrows(IllegalArgumentException.class, () -> write(NODES.textNode("a\ud800b")));
    }

    @Test
    void sortsKeysByCodePointNotByUtf16Unit() throws IOException {
        ObjectNode root = NODES.objectNode();
        root.put("\ud83d\ude00", 1); // U+1F600: after U+FFFD by code point, before it by UTF-16 unit
        root.put("\ufffd", 2);
        root.put("b", 3);
        root.put("B", 4);
        assertEquals("{\n  \"B\": 4,\n  \"b\": 3,\n  \"\ufffd\": 2,\n  \"\ud83d\ude00\": 1\n}\n", write(root));
    }

    @Test
    void writesIntegersExactlyAndFloatsAsPythonRepr() throws IOException {
        assertEquals("9007199254740993\n", write(NODES.numberNode(9007199254740993L)));
        assertEquals("123456789012345678901234567890\n", write(NODES.numberNode(new BigInteger("123456789012345678901234567890"))));
        assertEquals("5.0\n", write(NODES.numberNode(5.0)));
        assertEquals("-0.0\n", write(NODES.numberNode(-0.0)));
        assertEquals("1e+16\n", write(NODES.numberNode(1e16)));
    }

    /** Integers of every node type, the short path for int, long and short nodes against BigInteger's digits. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 2L, 20261202L})
    void integersOfEveryNodeTypeAreWrittenAsTheirBigIntegerDigits(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> edges = List.of(0L, 1L, -1L, 9L, 10L, -10L, (long) Short.MIN_VALUE, (long) Short.MAX_VALUE,
                (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE);
        for (int k = 0; k < 5_000; k++) {
            long value = k < edges.size() ? edges.get(k) : random.nextLong() >> random.nextInt(64);
            List<JsonNode> nodes = new ArrayList<>(List.of(NODES.numberNode(value),
                    NODES.numberNode(BigInteger.valueOf(value).multiply(BigInteger.valueOf(1L << 40)))));
            if (value == (int) value) {
                nodes.add(NODES.numberNode((int) value));
            }
            if (value == (short) value) {
                nodes.add(NODES.numberNode((short) value));
            }
            for (JsonNode node : nodes) {
                assertEquals(node.bigIntegerValue().toString() + "\n", write(node), node.getClass().getSimpleName() + " " + k);
            }
        }
    }

    /** A small buffer (one value per writer, as the review's matcher makes them) writes the same bytes as the default one. */
    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 512})
    void aSmallBufferWritesTheSameBytes(int bufferSize) throws IOException {
        SplittableRandom random = new SplittableRandom(bufferSize);
        for (int k = 0; k < 300; k++) {
            JsonNode value = randomValue(random, 3);
            ByteArrayOutputStream small = new ByteArrayOutputStream();
            PythonJsonWriter writer = new PythonJsonWriter(small, bufferSize);
            writer.writeDocument(value);
            writer.flush();
            assertEquals(write(value), small.toString(StandardCharsets.UTF_8), "buffer " + bufferSize + ", value " + k);
        }
    }

    private static JsonNode randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 0 ? 7 : 5);
        switch (kind) {
            case 0 -> {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(4) == 0 ? random.nextInt(2000) : random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    int pick = random.nextInt(10);
                    text.appendCodePoint(pick < 5 ? 'a' + random.nextInt(26) : pick < 6 ? random.nextInt(0x20)
                            : pick < 7 ? "\\\"/".charAt(random.nextInt(3)) : pick < 8 ? 0xE9 + random.nextInt(0x700)
                            : pick < 9 ? 0x4E00 + random.nextInt(0x500) : 0x1F600 + random.nextInt(0x40));
                }
                return NODES.textNode(text.toString());
            }
            case 1 -> {
                return NODES.numberNode(random.nextLong());
            }
            case 2 -> {
                return NODES.numberNode(random.nextInt(1000) / 8.0);
            }
            case 3 -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            case 4 -> {
                return NODES.nullNode();
            }
            case 5 -> {
                var array = NODES.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                return array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set("k" + random.nextInt(100), randomValue(random, depth - 1));
                }
                return object;
            }
        }
    }

    @Test
    void handlesOutputLargerThanItsBuffer() throws IOException {
        String big = "x".repeat(200_000);
        String written = write(NODES.arrayNode().add(big).add(big));
        assertTrue(written.startsWith("[\n  \"xxx"));
        assertEquals(2 * 200_000 + "[\n  \"\",\n  \"\"\n]\n".length(), written.length());
    }
}
