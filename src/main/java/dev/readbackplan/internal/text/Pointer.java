package dev.readbackplan.internal.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A JSON Pointer (RFC 6901) kept as segments: object keys (strings) and array indexes.
 *
 * <p>Immutable; a child shares its parent, and a key segment is the document's own string. So many
 * problems under one long key hold that key once, not once per problem, and nothing is escaped until a
 * pointer is shown. (A pointer turned into one string per problem made a 1 MB document with a long key
 * above a few hundred duplicates take hundreds of megabytes.)
 */
public final class Pointer {
    /** The whole document: {@code ""}. */
    public static final Pointer ROOT = new Pointer(null, null, 0);

    private final Pointer parent;
    /** A {@code String} key or an {@code Integer} index; null for the root. */
    private final Object segment;
    private final int depth;
    private int hash;

    private Pointer(Pointer parent, Object segment, int depth) {
        this.parent = parent;
        this.segment = segment;
        this.depth = depth;
    }

    public Pointer key(String key) {
        return new Pointer(this, key, depth + 1);
    }

    public Pointer index(int index) {
        return new Pointer(this, index, depth + 1);
    }

    /** The enclosing value's pointer; null for the root. */
    public Pointer parent() {
        return parent;
    }

    /** The segments from the root down, unescaped: keys as they are, indexes in decimal. */
    public List<String> segments() {
        String[] segments = new String[depth];
        for (Pointer p = this; p.depth > 0; p = p.parent) {
            segments[p.depth - 1] = p.segment.toString();
        }
        return List.of(segments);
    }

    /** The pointer under {@code base} instead of the root, e.g. {@code /3/x} under {@code /list}. */
    public Pointer under(Pointer base) {
        List<Object> mine = new ArrayList<>(depth);
        for (Pointer p = this; p.depth > 0; p = p.parent) {
            mine.add(p.segment);
        }
        Collections.reverse(mine);
        Pointer result = base;
        for (Object s : mine) {
            result = new Pointer(result, s, result.depth + 1);
        }
        return result;
    }

    /**
     * This pointer with its first segment, an index, shifted by {@code offset}: a problem of item
     * {@code k} of a slice that starts at item {@code offset} of the whole list.
     */
    public Pointer shiftFirstIndex(int offset) {
        if (depth == 0) {
            return this;
        }
        if (depth == 1) {
            return ROOT.index((Integer) segment + offset);
        }
        Pointer shiftedParent = parent.shiftFirstIndex(offset);
        return new Pointer(shiftedParent, segment, depth);
    }

    /** Parses an RFC 6901 pointer; numeric segments become indexes. */
    public static Pointer parse(String pointer) {
        if (pointer.isEmpty()) {
            return ROOT;
        }
        if (pointer.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON Pointer starts with /");
        }
        Pointer result = ROOT;
        int from = 1;
        while (true) {
            int slash = pointer.indexOf('/', from);
            String raw = pointer.substring(from, slash < 0 ? pointer.length() : slash);
            String segment = raw.replace("~1", "/").replace("~0", "~");
            result = isIndex(segment) ? result.index(Integer.parseInt(segment)) : result.key(segment);
            if (slash < 0) {
                return result;
            }
            from = slash + 1;
        }
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty() || s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The RFC 6901 text, with {@code ~} and {@code /} escaped. Unbounded: never show it to people as it is. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (String segment : segments()) {
            text.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Pointer that) || that.depth != depth || that.hashCode() != hashCode()) {
            return false;
        }
        Pointer a = this;
        Pointer b = that;
        while (a.depth > 0) {
            if (a == b) {
                return true;
            }
            if (!sameSegment(a.segment, b.segment)) {
                return false;
            }
            a = a.parent;
            b = b.parent;
        }
        return true;
    }

    private static boolean sameSegment(Object a, Object b) {
        return a.getClass() == b.getClass() ? a.equals(b) : a.toString().equals(b.toString());
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && depth > 0) {
            // An index and the key of the same digits are one pointer in RFC 6901: hash the text.
            h = 31 * parent.hashCode() + segment.toString().hashCode();
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }
}
