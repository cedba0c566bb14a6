package dev.readbackplan.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The order of findings by their position in a document, known from its tree before any position is
 * located: a tree keeps each object's members in the order the text has them, so a pointer's place
 * in the text follows from the place of each of its segments among its siblings. A pointer to a value
 * that does not exist (a missing required member) is placed where its nearest existing enclosing
 * value is, as {@link Locations} places it; ties keep the order in which the findings came.
 *
 * <p>Used by {@link Findings} when it must cut: the findings it keeps are then the earliest by
 * position, not the first produced. Thread-safe, so that the collectors of ranges checked on
 * several threads can share one.
 */
public final class DocumentOrder {
    /** Objects wider than this get an index of their keys on first use. */
    private static final int SCAN_WIDTH = 16;

    private final JsonNode root;
    private final Map<JsonNode, Map<String, Integer>> keyIndexes = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The order of positions in the document whose tree is {@code root}. */
    public DocumentOrder(JsonNode root) {
        this.root = root;
    }

    /**
     * The place of {@code pointer}: for each segment from the root down, the place of that member or
     * item among its siblings; it stops, with -1, at the first segment that does not exist.
     */
    public int[] place(Pointer pointer) {
        List<String> segments = pointer.segments();
        List<Integer> places = new ArrayList<>(segments.size());
        JsonNode node = root;
        for (String segment : segments) {
            int at = placeIn(node, segment);
            places.add(at);
            if (at < 0) {
                break;
            }
            node = node.isArray() ? node.get(at) : node.get(segment);
        }
        int[] result = new int[places.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = places.get(i);
        }
        return result;
    }

    private int placeIn(JsonNode node, String segment) {
        if (node == null) {
            return -1;
        }
        if (node.isArray()) {
            int index = parseIndex(segment);
            return index >= 0 && index < node.size() ? index : -1;
        }
        if (!node.isObject()) {
            return -1;
        }
        if (node.size() <= SCAN_WIDTH) {
            int i = 0;
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); i++) {
                if (it.next().equals(segment)) {
                    return i;
                }
            }
            return -1;
        }
        Map<String, Integer> index = keyIndexes.computeIfAbsent(node, object -> {
            Map<String, Integer> keys = new HashMap<>();
            int i = 0;
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); i++) {
                keys.put(it.next(), i);
            }
            return keys;
        });
        return index.getOrDefault(segment, -1);
    }

    private static int parseIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || (segment.length() > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(segment);
    }

    /** Earlier places first; a place before the places below it (an enclosing value starts first). */
    public static final Comparator<int[]> BY_PLACE = (a, b) -> {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
            if (a[i] < 0) {
                // Both stop at the same missing segment: the same position.
                return 0;
            }
        }
        // A missing segment (-1) at the end places a pointer at its parent, as does a shorter pointer.
        boolean aAtParent = a.length <= n || a[n] < 0;
        boolean bAtParent = b.length <= n || b[n] < 0;
        if (aAtParent == bAtParent) {
            return 0;
        }
        return aAtParent ? -1 : 1;
    };
}
