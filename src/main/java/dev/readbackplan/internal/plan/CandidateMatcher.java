package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.schema.PlanTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether a candidate's text in a plan is, byte for byte, what generation writes for its acceptance
 * candidate, but for the values of some members (the reviewers' fields), and where those values are.
 *
 * <p>Made of the segments {@link CandidateRenderer} writes ({@link CandidateSegments}): runs of bytes
 * for the keys, separators and fixed members, a value written per candidate for what comes from the
 * snapshot, and a hole at each reviewers' member, whose value may be any one JSON value. A text
 * matches when every run and every written value is there byte for byte and each hole holds text
 * that {@link #valueEnd} takes for one value. It says nothing of whether that text is well-formed:
 * the caller parses each hole, and reads the candidate the plain way at the first doubt.
 *
 * <p>Immutable and thread-safe.
 */
public final class CandidateMatcher {
    /**
     * Where a hole's value is in the candidate's text.
     *
     * @param key the member
     * @param from the value's first byte
     * @param to after its last byte
     */
    public record Hole(String key, int from, int to) {}

    private final PlanTemplate template;
    private final List<CandidateSegments.Segment> segments;
    private final int level;

    /**
     * A matcher of candidates that sit at {@code level} (two spaces each; 2 in a plan).
     *
     * @param template the plan template
     * @param level the candidates' level
     * @param holeKeys the members whose values may be anything
     */
    public CandidateMatcher(PlanTemplate template, int level, Set<String> holeKeys) {
        this.template = template;
        this.level = level;
        try {
            this.segments = CandidateSegments.of(template, level, holeKeys);
        } catch (IOException e) {
            throw new UncheckedIOException("writing into memory", e);
        }
    }

    /**
     * Where the holes' values are in {@code text[0, length)}, when the rest of it is exactly what
     * generation writes for {@code source}.
     *
     * @param text a candidate's text, from its opening to its closing brace
     * @param length how many bytes of {@code text} are its text
     * @param source the acceptance candidate it is for
     * @return the holes in order, or null when the text is not generation's but for them
     */
    public @Nullable List<Hole> match(byte[] text, int length, JsonNode source) {
        List<Hole> found = new ArrayList<>();
        Scratch scratch = null;
        int at = 0;
        for (CandidateSegments.Segment segment : segments) {
            if (segment.bytes() != null) {
                if (!regionEquals(text, at, length, segment.bytes(), segment.bytes().length)) {
                    return null;
                }
                at += segment.bytes().length;
            } else if (!segment.hole()) {
                if (scratch == null) {
                    scratch = new Scratch();
                }
                int written = scratch.write(template.value(segment.member(), source), level + 1);
                if (!regionEquals(text, at, length, scratch.bytes(), written)) {
                    return null;
                }
                at += written;
            } else {
                int end = valueEnd(text, at, length);
                if (end < 0) {
                    return null;
                }
                found.add(new Hole(segment.member().key(), at, end));
                at = end;
            }
        }
        return at == length ? found : null;
    }

    private static boolean regionEquals(byte[] text, int at, int length, byte[] expected, int count) {
        return at + count <= length && Arrays.equals(text, at, at + count, expected, 0, count);
    }

    /**
     * Where the one JSON value that starts at {@code from} ends, found from its punctuation only: a
     * string to its closing quote (escapes skipped), an object or array to the bracket that closes its
     * first one (strings skipped), a number or a lower-case literal to its last letter, digit, sign or
     * point. Anything else (a blank, a byte order mark, an upper-case NaN) is not taken: -1. The text
     * found is not checked to be a value; the caller parses it.
     *
     * @param text the bytes
     * @param from where the value starts
     * @param length where the text ends
     * @return after the value's last byte, or -1
     */
    static int valueEnd(byte[] text, int from, int length) {
        if (from >= length) {
            return -1;
        }
        byte first = text[from];
        if (first == '"') {
            return stringEnd(text, from, length);
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            for (int i = from; i < length; i++) {
                byte b = text[i];
                if (b == '"') {
                    int end = stringEnd(text, i, length);
                    if (end < 0) {
                        return -1;
                    }
                    i = end - 1;
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if ((b == '}' || b == ']') && --depth == 0) {
                    return i + 1;
                }
            }
            return -1;
        }
        if (first == '-' || first >= '0' && first <= '9' || first >= 'a' && first <= 'z') {
            int i = from;
            while (i < length && isTokenByte(text[i])) {
                i++;
            }
            return i;
        }
        return -1;
    }

    private static boolean isTokenByte(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-' || b == '+' || b == '.';
    }

    /** After the closing quote of the string whose opening quote is at {@code from}, or -1. */
    private static int stringEnd(byte[] text, int from, int length) {
        for (int i = from + 1; i < length; i++) {
            if (text[i] == '\\') {
                i++;
            } else if (text[i] == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** A value written into a buffer used again from member to member, for one call (one candidate). */
    private static final class Scratch extends ByteArrayOutputStream {
        /** The writer's own buffer: values from the snapshot are short, and one is made per candidate. */
        private final PythonJsonWriter writer = new PythonJsonWriter(this, 512);

        Scratch() {
            super(256);
        }

        int write(JsonNode value, int valueLevel) {
            reset();
            try {
                writer.writeValue(value, valueLevel);
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("writing into memory", e);
            }
            return count;
        }

        byte[] bytes() {
            return buf;
        }
    }
}
