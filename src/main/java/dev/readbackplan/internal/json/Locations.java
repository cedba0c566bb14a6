package dev.readbackplan.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.readbackplan.document.Problem;
import dev.readbackplan.internal.text.Pointer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns findings into problems with a line and column.
 *
 * <p>Positions are only needed when something is wrong, so the tree keeps none: findings that know
 * only their JSON Pointer are located by a second, streaming pass over the bytes that descends only
 * into the containers on the way to a wanted pointer.
 */
public final class Locations {
    private Locations() {}

    /** Problems for findings in the document held in {@code bytes[0, length)}. */
    public static List<Problem> resolve(JsonFactory factory, byte[] bytes, int length, List<Finding> findings) {
        Set<Pointer> wanted = new HashSet<>();
        for (Finding finding : findings) {
            if (finding.offset() == Finding.LOCATE_BY_POINTER) {
                for (Pointer pointer = finding.pointer(); pointer != null && wanted.add(pointer); pointer = pointer.parent()) {
                    // Each ancestor once: findings under one container share its chain.
                }
            }
        }
        Map<Pointer, Long> located = wanted.isEmpty() ? Map.of() : locate(factory, bytes, length, wanted);
        long[] offsets = new long[findings.size()];
        for (int i = 0; i < offsets.length; i++) {
            Finding finding = findings.get(i);
            long offset = finding.offset();
            if (offset == Finding.LOCATE_BY_POINTER) {
                // The nearest enclosing value that exists, e.g. the object a required key is missing from.
                offset = Finding.NO_POSITION;
                for (Pointer pointer = finding.pointer(); pointer != null; pointer = pointer.parent()) {
                    Long at = located.get(pointer);
                    if (at != null) {
                        offset = at;
                        break;
                    }
                }
            }
            offsets[i] = offset;
        }
        int[][] lineColumns = lineColumns(bytes, length, offsets);
        List<Problem> problems = new ArrayList<>(findings.size());
        for (int i = 0; i < offsets.length; i++) {
            Finding finding = findings.get(i);
            problems.add(new Problem(finding.severity(), finding.pointer().segments(), lineColumns[i][0], lineColumns[i][1],
                    finding.keyword(), finding.message(), finding.rule()));
        }
        return problems;
    }

    /** Problems for findings that have no position (a typed model, or a document not read from bytes). */
    public static List<Problem> withoutPositions(List<Finding> findings) {
        List<Problem> problems = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            problems.add(new Problem(finding.severity(), finding.pointer().segments(), 0, 0, finding.keyword(), finding.message(),
                    finding.rule()));
        }
        return problems;
    }

    /** The byte offset of the first token of each wanted value that exists. */
    static Map<Pointer, Long> locate(JsonFactory factory, byte[] bytes, int length, Set<Pointer> wanted) {
        Map<Pointer, Long> located = new HashMap<>();
        try (JsonParser parser = factory.createParser(bytes, 0, length)) {
            JsonToken token = parser.nextToken();
            if (token != null) {
                visit(parser, token, Pointer.ROOT, wanted, located);
            }
        } catch (IOException e) {
            // A document that does not parse has only its syntax error, which carries its own offset.
        }
        return located;
    }

    private static void visit(JsonParser parser, JsonToken token, Pointer pointer, Set<Pointer> wanted,
            Map<Pointer, Long> located) throws IOException {
        located.put(pointer, parser.currentTokenLocation().getByteOffset());
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Pointer child = pointer.key(parser.currentName());
                JsonToken value = parser.nextToken();
                if (wanted.contains(child)) {
                    visit(parser, value, child, wanted, located);
                } else {
                    parser.skipChildren();
                }
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            JsonToken value;
            while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
                Pointer child = pointer.index(index++);
                if (wanted.contains(child)) {
                    visit(parser, value, child, wanted, located);
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    /**
     * Line and column (1-based; columns count code points) of each offset; {0, 0} for negative
     * offsets. One pass over the bytes, in offset order. A leading byte order mark is not a column.
     */
    static int[][] lineColumns(byte[] bytes, int length, long[] offsets) {
        int[][] result = new int[offsets.length][];
        Integer[] order = new Integer[offsets.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(offsets[a], offsets[b]));
        int position = StrictJsonReader.start(bytes, length);
        int line = 1;
        int column = 1;
        for (int index : order) {
            long target = offsets[index];
            if (target < 0) {
                result[index] = new int[] {0, 0};
                continue;
            }
            int end = (int) Math.min(Math.max(target, position), length);
            while (position < end) {
                byte b = bytes[position++];
                if (b == '\n') {
                    line++;
                    column = 1;
                } else if ((b & 0xC0) != 0x80) {
                    column++;
                }
            }
            result[index] = new int[] {line, column};
        }
        return result;
    }
}
