package dev.readbackplan.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.text.Display;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON byte for byte as Python's {@code json.dumps(value, ensure_ascii=False, indent=2,
 * sort_keys=True)} followed by a newline, which is what the reference generator writes.
 *
 * <p>That means: two-space indentation, {@code "key": value}, {@code []} and {@code {}} for empty
 * containers, object keys sorted by code point, every character outside the escapes written raw in
 * UTF-8 (including non-BMP characters, DEL and U+2028), {@code \"} {@code \\} {@code \b} {@code \f}
 * {@code \n} {@code \r} {@code \t} as short escapes and the other control characters as
 * <code>&#92;u00xx</code> with lower-case hex, and floats as Python's {@code repr}.
 *
 * <p>Not thread-safe: one writer per output.
 */
public final class PythonJsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int BUFFER_SIZE = 1 << 16;
    private static final int MAX_INDENT_CACHE = 64;
    private static final byte[][] NEWLINE_AND_INDENT = new byte[MAX_INDENT_CACHE][];

    static {
        for (int level = 0; level < MAX_INDENT_CACHE; level++) {
            byte[] bytes = new byte[1 + 2 * level];
            java.util.Arrays.fill(bytes, (byte) ' ');
            bytes[0] = '\n';
            NEWLINE_AND_INDENT[level] = bytes;
        }
    }

    private final OutputStream out;
    private final byte[] buffer;
    private final boolean escapeInvisible;
    private int position;

    /** A writer of exactly Python's bytes: for plans. */
    public PythonJsonWriter(OutputStream out) {
        this(out, false, BUFFER_SIZE);
    }

    /**
     * As {@link #PythonJsonWriter(OutputStream)}, with a buffer of {@code bufferSize} bytes: a writer
     * made for one short value each time saves allocating (and clearing) the default 64 KB.
     */
    public PythonJsonWriter(OutputStream out, int bufferSize) {
        this(out, false, bufferSize);
    }

    private PythonJsonWriter(OutputStream out, boolean escapeInvisible, int bufferSize) {
        this.out = out;
        this.escapeInvisible = escapeInvisible;
        this.buffer = new byte[bufferSize];
    }

    /**
     * A writer for reports read by people and tools: the same layout, but every character {@link
     * Display#isInvisible} (controls, bidi and other format characters, line separators) and every lone
     * surrogate is written as a backslash-u escape, so that a report shown in a terminal cannot act on it.
     */
    public static PythonJsonWriter escapingInvisible(OutputStream out) {
        return new PythonJsonWriter(out, true, BUFFER_SIZE);
    }

    /** A report document as text: the canonical layout, invisible characters escaped (see {@link #escapingInvisible}). */
    public static String reportText(JsonNode document) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            PythonJsonWriter writer = escapingInvisible(bytes);
            writer.writeDocument(document);
            writer.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes a whole document: the value and the trailing newline. */
    public void writeDocument(JsonNode root) throws IOException {
        writeValue(root, 0);
        writeByte('\n');
    }

    /** Writes a value whose first line is already indented at {@code level} (two spaces each). */
    public void writeValue(JsonNode node, int level) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, level);
            case ARRAY -> writeArray(node, level);
            case STRING -> writeString(node.textValue());
            case NUMBER -> writeNumber(node);
            case BOOLEAN -> writeAscii(node.booleanValue() ? "true" : "false");
            case NULL -> writeAscii("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /** Opens an object; members follow with {@link #member(String, int, boolean)}. */
    public void beginObject() throws IOException {
        writeByte('{');
    }

    /**
     * Writes the separator, line break, indentation and key of an object member at {@code level}
     * (the object's own level); the caller then writes the value at {@code level + 1}.
     */
    public void member(String key, int level, boolean first) throws IOException {
        if (!first) {
            writeByte(',');
        }
        newline(level + 1);
        writeString(key);
        writeByte(':');
        writeByte(' ');
    }

    /** Closes a non-empty object or array opened at {@code level}. */
    public void end(int level, char close) throws IOException {
        newline(level);
        writeByte(close);
    }

    /** Opens an array; elements follow with {@link #element(int, boolean)}. */
    public void beginArray() throws IOException {
        writeByte('[');
    }

    /** Writes the separator, line break and indentation of an array element. */
    public void element(int level, boolean first) throws IOException {
        if (!first) {
            writeByte(',');
        }
        newline(level + 1);
    }

    /** Writes bytes already rendered by a writer of this kind. */
    public void writeRaw(byte[] bytes) throws IOException {
        writeBytes(bytes, 0, bytes.length);
    }

    /** Writes {@code length} bytes from {@code offset}, already rendered by a writer of this kind. */
    public void writeRaw(byte[] bytes, int offset, int length) throws IOException {
        writeBytes(bytes, offset, length);
    }

    /** Writes raw ASCII text, such as the closing bracket of an empty container. */
    public void writeAscii(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            writeByte(text.charAt(i));
        }
    }

    public void flush() throws IOException {
        if (position > 0) {
            out.write(buffer, 0, position);
            position = 0;
        }
        out.flush();
    }

    private void writeObject(JsonNode node, int level) throws IOException {
        if (node.isEmpty()) {
            writeAscii("{}");
            return;
        }
        beginObject();
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : sortedMembers(node)) {
            member(member.getKey(), level, first);
            writeValue(member.getValue(), level + 1);
            first = false;
        }
        end(level, '}');
    }

    private void writeArray(JsonNode node, int level) throws IOException {
        if (node.isEmpty()) {
            writeAscii("[]");
            return;
        }
        beginArray();
        for (int i = 0; i < node.size(); i++) {
            element(level, i == 0);
            writeValue(node.get(i), level + 1);
        }
        end(level, ']');
    }

    /**
     * The members in code-point order of their keys. Plan objects are built in that order already,
     * so the common case is one linear check and no sort.
     */
    static List<Map.Entry<String, JsonNode>> sortedMembers(JsonNode node) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        boolean sorted = true;
        String previous = null;
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (previous != null && compareCodePoints(previous, member.getKey()) > 0) {
                sorted = false;
            }
            previous = member.getKey();
            members.add(member);
        }
        if (!sorted) {
            members.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        }
        return members;
    }

    /** Python orders strings by code point; {@link String#compareTo} by UTF-16 unit, which differs above U+FFFF. */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private void writeNumber(JsonNode node) throws IOException {
        if (node.isFloatingPointNumber()) {
            // Python reads every JSON number with a fraction or exponent as a float.
            writeAscii(PythonFloats.repr(node.doubleValue()));
        } else if (node.isInt() || node.isLong() || node.isShort()) {
            // Most plan numbers are counts: their digits without the BigInteger a one-off run would
            // build, at the JIT's first tier, for each of them.
            writeAscii(Long.toString(node.longValue()));
        } else {
            writeAscii(node.bigIntegerValue().toString());
        }
    }

    private void writeString(String value) throws IOException {
        int length = value.length();
        // The common case: the encoded string fits the buffer; write it without per-byte calls.
        if (3 * length + 2 > buffer.length - position) {
            flushBuffer();
            if (3 * length + 2 > buffer.length) {
                writeStringSlowly(value);
                return;
            }
        }
        byte[] bytes = buffer;
        int at = position;
        bytes[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x7F && c >= 0x20 && c != '"' && c != '\\') {
                bytes[at++] = (byte) c;
            } else {
                position = at;
                writeStringSlowly(value, i);
                return;
            }
        }
        bytes[at++] = '"';
        position = at;
    }

    /** The whole string, or its rest from {@code from} on (the opening quote already written), byte by byte. */
    private void writeStringSlowly(String value) throws IOException {
        writeByte('"');
        writeStringSlowly(value, 0);
    }

    private void writeStringSlowly(String value, int from) throws IOException {
        int length = value.length();
        for (int i = from; i < length; i++) {
            char c = value.charAt(i);
            if (escapeInvisible && (c >= 0x7F && Display.isInvisible(c) || Character.isSurrogate(c) && !pairedAt(value, i))) {
                writeEscape(c);
                continue;
            }
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    writeByte(c);
                } else {
                    writeEscape(c);
                }
            } else if (c < 0x800) {
                writeByte(0xC0 | (c >> 6));
                writeByte(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                writeByte(0xF0 | (codePoint >> 18));
                writeByte(0x80 | ((codePoint >> 12) & 0x3F));
                writeByte(0x80 | ((codePoint >> 6) & 0x3F));
                writeByte(0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // Python fails to encode a lone surrogate; the reader rejects them before we get here.
                throw new IllegalArgumentException("lone surrogate in a string");
            } else {
                writeByte(0xE0 | (c >> 12));
                writeByte(0x80 | ((c >> 6) & 0x3F));
                writeByte(0x80 | (c & 0x3F));
            }
        }
        writeByte('"');
    }

    private static boolean pairedAt(String value, int i) {
        char c = value.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    private void writeEscape(char c) throws IOException {
        writeByte('\\');
        switch (c) {
            case '"' -> writeByte('"');
            case '\\' -> writeByte('\\');
            case '\b' -> writeByte('b');
            case '\f' -> writeByte('f');
            case '\n' -> writeByte('n');
            case '\r' -> writeByte('r');
            case '\t' -> writeByte('t');
            default -> {
                writeByte('u');
                writeByte(HEX[c >> 12]);
                writeByte(HEX[(c >> 8) & 0xF]);
                writeByte(HEX[(c >> 4) & 0xF]);
                writeByte(HEX[c & 0xF]);
            }
        }
    }

    private void newline(int level) throws IOException {
        if (level < MAX_INDENT_CACHE) {
            byte[] bytes = NEWLINE_AND_INDENT[level];
            writeBytes(bytes, 0, bytes.length);
        } else {
            writeByte('\n');
            for (int i = 0; i < level; i++) {
                writeByte(' ');
                writeByte(' ');
            }
        }
    }

    private void flushBuffer() throws IOException {
        if (position > 0) {
            out.write(buffer, 0, position);
            position = 0;
        }
    }

    private void writeByte(int b) throws IOException {
        if (position == buffer.length) {
            out.write(buffer, 0, position);
            position = 0;
        }
        buffer[position++] = (byte) b;
    }

    private void writeBytes(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - position) {
            out.write(buffer, 0, position);
            position = 0;
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }
}
