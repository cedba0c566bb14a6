package dev.readbackplan.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.document.Limits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link StrictJsonReader#readValue} makes a plain ASCII string without a parser: held to the plain
 * reading of the same bytes alone (tree, node class and findings) on seeded values of every shape near
 * that one.
 */
class ReadValueTest {
    /** Bytes a value is made of: the fast path's edges (controls, DEL, quotes, escapes, UTF-8) and JSON's other tokens. */
    private static final byte[][] PIECES = {bytes("a"), bytes("Z"), bytes("0"), bytes(" "), bytes("~"), bytes("/"), bytes(":"),
        bytes("\""), bytes("\\"), bytes("\\\""), bytes("\\u0041"), bytes("\\n"), {0x7F}, {0x1F}, {0x00}, {0x09}, {0x0A},
        bytes("é"), bytes("€"), {(byte) 0xC3}, {(byte) 0xFF}, bytes("\u2028"), bytes("null"), bytes("true"), bytes("1"), bytes("{"),
        bytes("}"), bytes("["), bytes("]"), bytes(",")};

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givesWhatThePlainReadingGivesOnSeededValues() {
        Random random = new Random(20261203);
        int fast = 0;
        for (Limits limits : new Limits[] {Limits.DEFAULT, new Limits(12, 8, 5, 3), new Limits(1 << 20, 8, 9)}) {
            StrictJsonReader reader = new StrictJsonReader(limits);
            for (int n = 0; n < 20_000; n++) {
                java.io.ByteArrayOutputStream value = new java.io.ByteArrayOutputStream();
                // Mostly quoted, as a reviewer's string is, sometimes not or with space around.
                int shape = random.nextInt(10);
                if (shape == 0) {
                    value.writeBytes(bytes(" "));
                }
                if (shape != 1) {
                    value.write('"');
                }
                for (int i = random.nextInt(14); i > 0; i--) {
                    // Mostly letters, so that many values take the fast path and their lengths reach the limits.
                    value.writeBytes(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : PIECES[random.nextInt(5)]);
                }
                if (shape != 2) {
                    value.write('"');
                }
                if (shape == 3) {
                    value.writeBytes(bytes("\n"));
                }
                byte[] alone = value.toByteArray();
                // In a larger text, as the holes of a candidate's text are.
                int before = random.nextInt(4);
                byte[] text = new byte[before + alone.length + random.nextInt(4)];
                Arrays.fill(text, (byte) '"');
                System.arraycopy(alone, 0, text, before, alone.length);
                StrictJsonReader.Result plain = reader.read(alone, alone.length);
                StrictJsonReader.Result read = reader.readValue(text, before, before + alone.length);
                String what = new String(alone, StandardCharsets.UTF_8) + " " + limits;
                assertEquals(plain.root(), read.root(), what);
                assertEquals(plain.root() == null ? null : plain.root().getClass(), read.root() == null ? null : read.root().getClass(), what);
                assertEquals(plain.findings().kept(), read.findings().kept(), what);
                if (plain.findings().isEmpty() && plain.root() != null && plain.root().isTextual()) {
                    fast++;
                }
            }
        }
        assertTrue(fast > 10_000, "clean strings in the corpus: " + fast);
    }
}
