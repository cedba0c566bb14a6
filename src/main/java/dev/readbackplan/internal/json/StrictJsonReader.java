package dev.readbackplan.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.scan.StringFindings;
import dev.readbackplan.internal.text.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a JSON document into a tree, strictly: well-formed UTF-8 only (a leading byte order mark is
 * skipped), no duplicate keys, no {@code NaN} or {@code Infinity}, no content after the document, and
 * nothing beyond the {@link Limits}. (Unpaired surrogate escapes are found with the other string
 * checks, by {@link StringFindings}.) Every problem is a {@link
 * Finding} with its byte offset; a syntax error ends the reading (there is no tree), the others are
 * collected so that a person sees all of them in one pass.
 *
 * <p>Thread-safe: each call to {@link #read} has its own state.
 */
public final class StrictJsonReader {
    /**
     * @param root the document, or null when it could not be read
     * @param findings the problems, each with its byte offset in the buffer
     */
    public record Result(JsonNode root, Findings findings) {}

    /**
     * A member value known in advance: {@code member} is its canonical text, {@code "key": value}
     * as the generator writes it at that depth, and {@code value} the shared node to use when the
     * document holds exactly that text.
     */
    public record Known(byte[] member, JsonNode value) {}

    /**
     * Members known in advance of each item of one list at the document's root: {@code members} by
     * key, for the objects at {@code /listKey/N}. The schema layer says which list (a plan's
     * candidates); the reader only matches text.
     *
     * @param listKey the root member holding the list
     * @param members the known members of its items, by key
     */
    public record KnownMembers(String listKey, Map<String, Known> members) {
        public KnownMembers {
            java.util.Objects.requireNonNull(listKey, "listKey");
            members = Map.copyOf(members);
        }
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern QUOTED_TOKEN = Pattern.compile("'[^'\\n]{2,}'");
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source:[^\\]]*\\]\\)?");

    private final JsonFactory factory;
    private final Limits limits;
    private final JsonNodeFactory nodes;

    public StrictJsonReader(Limits limits) {
        this(limits, JsonNodeFactory.instance);
    }

    /** A reader that builds its trees with {@code nodes}. */
    public StrictJsonReader(Limits limits, JsonNodeFactory nodes) {
        this.limits = limits;
        this.factory = jsonFactory(limits);
        this.nodes = nodes;
    }

    /** A factory enforcing the limits, shared with {@link PointerLocator}. */
    public static JsonFactory jsonFactory(Limits limits) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxDocumentLength(limits.maxDocumentBytes())
                        .build())
                // Messages must never quote the document.
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** The parser factory, with the limits: also used to locate pointers in the same bytes. */
    public JsonFactory factory() {
        return factory;
    }

    /** The offset where the document starts: 3 when it begins with a UTF-8 byte order mark. */
    public static int start(byte[] bytes, int length) {
        return length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2] ? 3 : 0;
    }

    public Result read(byte[] bytes, int length) {
        return read(bytes, length, null);
    }

    /**
     * Reads the value at {@code bytes[from, to)}: the result {@link #read(byte[], int)} gives for those
     * bytes alone (findings at offsets in them). A string of printable ASCII without an escape, the most
     * common value a reviewer writes, is made without a parser: such bytes are that string and nothing
     * else, within the limits, so the parse would give exactly that text node and no finding
     * ({@code ReadValueTest} holds the two to each other). A parser per value was 6% of a
     * 10,000-candidate review's CPU samples.
     *
     * @param bytes a text holding the value
     * @param from where the value starts
     * @param to where it ends (exclusive)
     * @return its tree and findings
     */
    public Result readValue(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length >= 2 && length <= limits.maxDocumentBytes() && length - 2 <= limits.maxStringLength()
                && bytes[from] == '"' && bytes[to - 1] == '"') {
            int i = from + 1;
            // Signed bytes: anything from 0x80 (UTF-8's multi-byte sequences) is negative, and read by the parser.
            while (i < to - 1 && bytes[i] >= 0x20 && bytes[i] != '"' && bytes[i] != '\\') {
                i++;
            }
            if (i == to - 1) {
                return new Result(nodes.textNode(new String(bytes, from + 1, length - 2, StandardCharsets.ISO_8859_1)),
                        new Findings(limits.maxProblems()));
            }
        }
        byte[] value = Arrays.copyOfRange(bytes, from, to);
        return read(value, value.length);
    }

    /**
     * As {@link #read(byte[], int)}, with members of each object at {@code /L/N} known in advance
     * ({@code L} the list {@code known} names; null for none): where the document holds a known
     * member's canonical text byte for byte, its value is skipped (not decoded) and the shared node
     * stands in its place. The result is the same
     * tree, equal node for node: the text is the same, so is the value. Plans are mostly such members
     * (the catalogs every candidate repeats), so this halves the reading of a large plan.
     */
    public Result read(byte[] bytes, int length, KnownMembers known) {
        Findings findings = new Findings(limits.maxProblems());
        if (length > limits.maxDocumentBytes()) {
            findings.add(Finding.errorAt(0, Pointer.ROOT, Keyword.LIMIT, "the document is " + length
                    + " bytes long; the limit is " + limits.maxDocumentBytes() + " bytes"));
            return new Result(null, findings);
        }
        int start = start(bytes, length);
        if (looksLikeUtf16Or32(bytes, start, length)) {
            findings.add(Finding.errorAt(start, Pointer.ROOT, Keyword.ENCODING, "the document is not UTF-8 (it looks like UTF-16 or UTF-32)"));
            return new Result(null, findings);
        }
        return parse(new Session(findings, bytes, length, known), start);
    }

    /**
     * Reads one item of the list {@code known} names, cut out of a document ({@link ListSplitter}): as
     * {@link #read(byte[], int, KnownMembers)} reads the value at {@code /listKey/index} of the whole
     * document, with the same known members, and findings at the same pointers (their offsets are in
     * {@code bytes}).
     *
     * @param bytes the item's text
     * @param length how many bytes of {@code bytes} are its text
     * @param known the list and the known members of its items
     * @param index the item's index in the list
     * @return its tree and findings
     */
    public Result readItem(byte[] bytes, int length, KnownMembers known, int index) {
        Session session = new Session(new Findings(limits.maxProblems()), bytes, length, known);
        session.path.push(known.listKey());
        session.path.push(index);
        return parse(session, 0);
    }

    private Result parse(Session session, int start) {
        Findings findings = session.findings;
        byte[] bytes = session.bytes;
        int length = session.length;
        JsonNode root;
        // The whole buffer goes to the parser, which skips the byte order mark itself, so that its
        // byte offsets are offsets in the buffer.
        try (JsonParser parser = factory.createParser(bytes, 0, length)) {
            session.parser = parser;
            JsonToken first = parser.nextToken();
            if (first == null) {
                findings.add(Finding.errorAt(start, Pointer.ROOT, Keyword.SYNTAX, "the document is empty"));
                return new Result(null, findings);
            }
            root = session.readValue(first);
            session.checkNothingFollows();
        } catch (StreamConstraintsException e) {
            findings.add(Finding.errorAt(offsetOf(e.getLocation(), session, start), session.pointer(), Keyword.LIMIT, limitMessage(e)));
            root = null;
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            // Jackson checks UTF-8 strictly, as Python does: overlong forms, encoded surrogates and
            // code points above U+10FFFF are refused along with stray bytes.
            if (message != null && message.contains("Invalid UTF-8")) {
                // Jackson stops after the bad sequence; point at its first byte.
                int invalid = Utf8.firstInvalid(bytes, start, length);
                findings.add(Finding.errorAt(invalid >= 0 ? invalid : offsetOf(e.getLocation(), session, start), session.pointer(),
                        Keyword.ENCODING, "invalid UTF-8 byte sequence"));
            } else {
                findings.add(syntaxFinding(message, offsetOf(e.getLocation(), session, start), bytes, start, session.pointer()));
            }
            root = null;
        } catch (IOException e) {
            // Reading from a byte array: only parse errors are expected, which are handled above.
            findings.add(Finding.errorAt(start, Pointer.ROOT, Keyword.SYNTAX, "unreadable JSON"));
            root = null;
        }
        return new Result(root, findings);
    }

    private static boolean looksLikeUtf16Or32(byte[] bytes, int start, int length) {
        // JSON text starts with an ASCII character, so UTF-16/32 show a zero byte among the first four;
        // UTF-8 never has one there (a raw NUL is not allowed anywhere in JSON).
        if (length - start >= 2 && ((bytes[start] & 0xFF) == 0xFE && (bytes[start + 1] & 0xFF) == 0xFF
                || (bytes[start] & 0xFF) == 0xFF && (bytes[start + 1] & 0xFF) == 0xFE)) {
            return true;
        }
        for (int i = start; i < Math.min(length, start + 4); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static long offsetOf(JsonLocation location, Session session, int start) {
        if (location != null && location.getByteOffset() >= 0) {
            return location.getByteOffset();
        }
        if (session.parser != null) {
            long offset = session.parser.currentLocation().getByteOffset();
            if (offset >= 0) {
                return offset;
            }
        }
        return start;
    }

    private String limitMessage(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return "objects and arrays are nested deeper than the limit of " + limits.maxNestingDepth() + " levels";
        }
        if (message.contains("String value length") || message.contains("Name length")) {
            return "a string is longer than the limit of " + limits.maxStringLength() + " characters";
        }
        if (message.contains("Number value length")) {
            return "a number has more digits than the limit";
        }
        if (message.contains("Document length")) {
            return "the document is longer than the limit of " + limits.maxDocumentBytes() + " bytes";
        }
        return "the document exceeds a reading limit";
    }

    private static final Pattern CHARACTER_CODE = Pattern.compile("^Unexpected character \\('.*?' \\(code (\\d+)\\)\\)", Pattern.DOTALL);

    /**
     * A syntax error phrased for a person, at the character to fix: a trailing comma is reported at the
     * comma, a missing comma, colon or quote at the character found in its place. The character itself
     * is never quoted (it is part of the document); only JSON's own punctuation is named.
     */
    static Finding syntaxFinding(String original, long offset, byte[] bytes, int start, Pointer pointer) {
        java.util.regex.Matcher character = original == null ? null : CHARACTER_CODE.matcher(original);
        if (character == null || !character.find()) {
            return Finding.errorAt(offset, pointer, Keyword.SYNTAX, syntaxMessage(original));
        }
        int code = Integer.parseInt(character.group(1));
        String expected = original.substring(character.end());
        if ((code == '}' || code == ']') && (expected.contains("double-quote to start field name") || expected.contains("expected a value")
                || expected.contains("expected a valid value"))) {
            long comma = offset - 1;
            while (comma >= start && comma < bytes.length && isWhitespace(bytes[(int) comma])) {
                comma--;
            }
            if (comma >= start && comma < bytes.length && bytes[(int) comma] == ',') {
                return Finding.errorAt(comma, pointer, Keyword.SYNTAX, "a trailing comma before " + (char) code + " is not allowed in JSON");
            }
            return Finding.errorAt(offset, pointer, Keyword.SYNTAX, code == '}' ? "a value is missing before }" : "a value is missing before ]");
        }
        String message;
        if (code == '\'') {
            message = "single quotes are not JSON: keys and strings take double quotes";
        } else if (expected.contains("double-quote to start field name")) {
            message = "a key must be a string in double quotes";
        } else if (expected.contains("comma to separate Object entries")) {
            message = "a comma is missing between two members of an object (or a } to close it)";
        } else if (expected.contains("comma to separate Array entries")) {
            message = "a comma is missing between two elements of an array (or a ] to close it)";
        } else if (expected.contains("colon to separate field name and value")) {
            message = "a colon is missing between the key and its value";
        } else if (expected.contains("expected a valid value") || expected.contains("expected a value")) {
            message = "not a JSON value: text needs double quotes; other values are numbers, objects, arrays, true, false or null";
        } else if (code < 0x20) {
            message = "a control character must be escaped inside a string and is not allowed outside one";
        } else {
            message = "unexpected character: not valid JSON here";
        }
        return Finding.errorAt(offset, pointer, Keyword.SYNTAX, message);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /**
     * Jackson's message without anything that could quote the document: tokens in quotes and source
     * references are removed, and advice about Jackson features is dropped.
     */
    static String syntaxMessage(String original) {
        if (original == null || original.isBlank()) {
            return "malformed JSON";
        }
        if (original.contains("Non-standard token") || original.contains("Non-standard number")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (original.startsWith("Unrecognized token")) {
            return "not a JSON value: text needs double quotes; other values are numbers, objects, arrays, true, false or null";
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "the document ends early: an object, array or string is not closed";
        }
        if (original.startsWith("Illegal unquoted character")) {
            return "a control character inside a string must be escaped (\\n, \\t, \\u0000...)";
        }
        String message = original.lines().findFirst().orElse(original);
        int advice = message.indexOf(": enable `");
        if (advice < 0) {
            advice = message.indexOf("; enable `");
        }
        if (advice >= 0) {
            message = message.substring(0, advice);
        }
        message = SOURCE_REFERENCE.matcher(message).replaceAll("");
        message = QUOTED_TOKEN.matcher(message).replaceAll("'…'");
        message = message.strip();
        if (message.isEmpty()) {
            return "malformed JSON";
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /** The state of one reading: the parser, the path to the current value and the findings. */
    private final class Session {
        private final Findings findings;
        private final PointerPath path = new PointerPath(Pointer.ROOT);
        private final byte[] bytes;
        private final int length;
        private final KnownMembers knownMembers;
        private JsonParser parser;

        Session(Findings findings, byte[] bytes, int length, KnownMembers knownMembers) {
            this.findings = findings;
            this.bytes = bytes;
            this.length = length;
            this.knownMembers = knownMembers;
        }

        /** The known member at the parser's field name, when the document holds its canonical text there. */
        private Known knownHere(String key) {
            if (knownMembers == null || !path.isMemberOfItemOf(knownMembers.listKey())) {
                return null;
            }
            Known known = knownMembers.members().get(key);
            if (known == null) {
                return null;
            }
            long at = parser.currentTokenLocation().getByteOffset();
            int end = (int) at + known.member().length;
            return at >= 0 && end <= length && Arrays.equals(bytes, (int) at, end, known.member(), 0, known.member().length) ? known : null;
        }

        JsonNode readValue(JsonToken token) throws IOException {
            switch (token) {
                case START_OBJECT:
                    return readObject();
                case START_ARRAY:
                    return readArray();
                case VALUE_STRING: {
                    return nodes.textNode(parser.getText());
                }
                case VALUE_NUMBER_INT:
                    switch (parser.getNumberType()) {
                        case INT:
                            return nodes.numberNode(parser.getIntValue());
                        case LONG:
                            return nodes.numberNode(parser.getLongValue());
                        default:
                            return nodes.numberNode(parser.getBigIntegerValue());
                    }
                case VALUE_NUMBER_FLOAT:
                    // Python reads these as floats (IEEE doubles, correctly rounded, as Java does).
                    return new ExactDoubleNode(parser.getDoubleValue(), parser.getText());
                case VALUE_TRUE:
                    return nodes.booleanNode(true);
                case VALUE_FALSE:
                    return nodes.booleanNode(false);
                case VALUE_NULL:
                    return nodes.nullNode();
                default:
                    throw new IllegalStateException("unexpected token " + token);
            }
        }

        private ObjectNode readObject() throws IOException {
            ObjectNode object = nodes.objectNode();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                path.push(key);
                if (object.has(key)) {
                    findings.add(Finding.errorAt(parser.currentTokenLocation().getByteOffset(), pointer(),
                            Keyword.DUPLICATE_KEY, "duplicate key: the same key appears earlier in this object, and readers"
                                    + " disagree on which value counts"));
                }
                Known known = knownHere(key);
                if (known != null) {
                    parser.nextToken();
                    parser.skipChildren();
                    object.replace(key, known.value());
                } else {
                    object.replace(key, readValue(parser.nextToken()));
                }
                path.pop();
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IllegalStateException("unexpected token in object: " + token);
            }
            return object;
        }

        private ArrayNode readArray() throws IOException {
            ArrayNode array = nodes.arrayNode();
            JsonToken token;
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                path.push(index++);
                array.add(readValue(token));
                path.pop();
            }
            return array;
        }

        void checkNothingFollows() throws IOException {
            JsonToken extra;
            try {
                extra = parser.nextToken();
            } catch (JsonProcessingException e) {
                extra = JsonToken.NOT_AVAILABLE;
            }
            if (extra != null) {
                findings.add(Finding.errorAt(parser.currentTokenLocation().getByteOffset(), Pointer.ROOT, Keyword.SYNTAX,
                        "unexpected content after the end of the document"));
            }
        }

        Pointer pointer() {
            return path.pointer();
        }
    }
}
