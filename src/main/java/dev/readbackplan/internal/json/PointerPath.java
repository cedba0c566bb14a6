package dev.readbackplan.internal.json;

import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * The way from a document's root to the value being visited, as a stack of keys and indexes. A walk
 * over a whole document only needs a pointer when it finds something, which is rare, so the {@link
 * Pointer} is made on demand. Not thread-safe: one per walk.
 */
public final class PointerPath {
    private final Pointer root;
    private final List<Object> segments = new ArrayList<>();

    /** A path below {@code root}. */
    public PointerPath(Pointer root) {
        this.root = root;
    }

    public void push(String key) {
        segments.add(key);
    }

    public void push(int index) {
        segments.add(index);
    }

    public void pop() {
        segments.remove(segments.size() - 1);
    }

    /**
     * Whether the current value is a member of an item of the document's list at {@code /listKey},
     * that is at {@code /listKey/N/key} (its key pushed last). The caller names the list: this layer
     * knows nothing of any document's vocabulary.
     */
    public boolean isMemberOfItemOf(String listKey) {
        return root == Pointer.ROOT && segments.size() == 3 && listKey.equals(segments.get(0))
                && segments.get(1) instanceof Integer && segments.get(2) instanceof String;
    }

    /** The pointer of the current value. */
    public Pointer pointer() {
        Pointer pointer = root;
        for (Object segment : segments) {
            pointer = segment instanceof String key ? pointer.key(key) : pointer.index((Integer) segment);
        }
        return pointer;
    }
}
