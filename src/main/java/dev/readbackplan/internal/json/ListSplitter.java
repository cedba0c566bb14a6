package dev.readbackplan.internal.json;

import java.util.Arrays;

/**
 * Cuts a JSON document, fed block by block, into its items of one list at the root ({@code
 * {"key": [item, item...]}}) and the rest (the envelope: the document with that list emptied), without
 * parsing it: a byte scanner that knows strings, escapes and nesting, nothing more. Each item must be an
 * object. Whatever does not have exactly that shape (no such list, the key twice, an item that is not
 * an object, a misplaced comma, nesting near {@code maxDepth}) makes the splitter give up: {@link
 * #gaveUp()}, and the caller reads the document whole.
 *
 * <p>Why the pieces stand for the document: the scanner checks the list's own punctuation (items
 * separated by exactly one comma, only JSON whitespace between them), and every byte outside it is in
 * the envelope or an item, each parsed on its own by the strict reader. So the document is well-formed
 * if and only if the envelope and every item are, its members are the envelope's, and its list holds
 * exactly the items. Nesting is the one limit that slicing changes (an item sits two levels down): the
 * splitter gives up well before it.
 *
 * <p>Not thread-safe: one per document.
 */
public final class ListSplitter {
    /** Receives the items in document order. */
    public interface Items {
        /**
         * One item: {@code bytes[0, length)} is its text, from its {@code {} to its {@code }}.
         *
         * @param index its index in the list
         * @param bytes its text (the splitter's own copy, handed over)
         * @param length how many bytes of {@code bytes} are its text
         */
        void item(int index, byte[] bytes, int length);
    }

    private enum State { BEFORE_ROOT, ROOT, LIST_BEFORE_ITEM, LIST_AFTER_ITEM, LIST_AFTER_COMMA, ITEM, AFTER_LIST, GAVE_UP }

    private final byte[] listKey;
    private final int maxDepth;
    private final Items items;

    private State state = State.BEFORE_ROOT;
    private long position;
    private int depth;
    private boolean inString;
    private boolean escaped;
    /** At the root's own level: whether the next string is a key. */
    private boolean expectKey;
    /** The bytes of the root-level key being read (null when not reading one), and how many. */
    private byte[] key = new byte[64];
    private int keyLength = -1;
    /** Whether the last root-level key read was the list's, and the value is still to come. */
    private boolean listValueNext;
    private boolean listSeen;
    private final Growing envelope = new Growing(1 << 12);
    private Growing item = new Growing(1 << 14);
    private int itemCount;

    /**
     * A splitter of the list at {@code /listKey}.
     *
     * @param listKey the root member holding the list, as its JSON text between the quotes
     * @param maxDepth the reader's nesting limit: the splitter gives up at two levels below it
     * @param items where the items go
     */
    public ListSplitter(String listKey, int maxDepth, Items items) {
        this.listKey = listKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.maxDepth = maxDepth - 2;
        this.items = items;
    }

    /** {@return whether the document does not have the shape this splitter handles} */
    public boolean gaveUp() {
        return state == State.GAVE_UP;
    }

    /** {@return how many items were handed over} */
    public int itemCount() {
        return itemCount;
    }

    /**
     * Scans the next block of the document.
     *
     * @param block the bytes
     * @param length how many of them
     */
    public void feed(byte[] block, int length) {
        for (int i = 0; i < length && state != State.GAVE_UP; i++) {
            byte b = block[i];
            if (state == State.ITEM) {
                // The item's bytes are copied in runs, not byte by byte.
                int end = scanItem(block, i, length);
                item.append(block, i, end - i);
                if (state == State.LIST_AFTER_ITEM) {
                    emitItem();
                }
                i = end - 1;
                continue;
            }
            if (inString) {
                stringByte(b);
                if (state == State.ROOT || state == State.BEFORE_ROOT || state == State.AFTER_LIST) {
                    envelope.append(b);
                }
                continue;
            }
            switch (state) {
                case BEFORE_ROOT -> beforeRoot(b, i);
                case ROOT -> root(b);
                case LIST_BEFORE_ITEM, LIST_AFTER_COMMA -> listBeforeItem(b);
                case LIST_AFTER_ITEM -> listAfterItem(b);
                case AFTER_LIST -> envelope.append(b);
                default -> { }
            }
        }
        position += length;
    }

    /**
     * Ends the document.
     *
     * @return the envelope's text (the document with the list emptied), or null when the splitter gave up
     */
    public byte @org.jspecify.annotations.Nullable [] finish() {
        // A document that ends before its root closes is the whole reading's to report.
        if (state != State.AFTER_LIST || !listSeen) {
            state = State.GAVE_UP;
            return null;
        }
        return envelope.toArray();
    }

    private void giveUp() {
        state = State.GAVE_UP;
        item = new Growing(0);
    }

    private void beforeRoot(byte b, int i) {
        envelope.append(b);
        if (position + i < 3 && isBom(b, position + i)) {
            return;
        }
        if (isWhitespace(b)) {
            return;
        }
        if (b != '{') {
            giveUp();
            return;
        }
        depth = 1;
        expectKey = true;
        state = State.ROOT;
    }

    private static boolean isBom(byte b, long at) {
        return at == 0 && b == (byte) 0xEF || at == 1 && b == (byte) 0xBB || at == 2 && b == (byte) 0xBF;
    }

    /** A byte of the root object outside strings (the list's value aside). */
    private void root(byte b) {
        envelope.append(b);
        switch (b) {
            case '"' -> {
                inString = true;
                if (depth == 1 && listValueNext) {
                    giveUp(); // the list's value is a string
                    return;
                }
                if (depth == 1 && expectKey) {
                    keyLength = 0;
                }
            }
            case '{', '[' -> {
                if (depth == 1 && listValueNext) {
                    if (b != '[') {
                        giveUp();
                        return;
                    }
                    listValueNext = false;
                    listSeen = true;
                    depth = 2;
                    state = State.LIST_BEFORE_ITEM;
                    return;
                }
                if (++depth > maxDepth) {
                    giveUp();
                }
            }
            case '}', ']' -> {
                depth--;
                if (depth == 0) {
                    state = State.AFTER_LIST;
                    if (!listSeen) {
                        giveUp();
                    }
                }
            }
            case ',' -> {
                if (depth == 1 && listValueNext) {
                    giveUp();
                    return;
                }
                if (depth == 1) {
                    expectKey = true;
                }
            }
            case ':' -> {
                if (depth == 1) {
                    expectKey = false;
                }
            }
            default -> {
                if (depth == 1 && listValueNext && !isWhitespace(b)) {
                    giveUp(); // the list's value is not an array
                }
            }
        }
    }

    /** A byte inside a string; at the root's level, a key's bytes are kept to recognise the list's. */
    private void stringByte(byte b) {
        if (escaped) {
            escaped = false;
            keyByte(b);
            return;
        }
        if (b == '\\') {
            escaped = true;
            keyByte(b);
            return;
        }
        if (b == '"') {
            inString = false;
            if (keyLength >= 0) {
                boolean isList = keyLength == listKey.length && Arrays.equals(key, 0, keyLength, listKey, 0, listKey.length);
                keyLength = -1;
                expectKey = false;
                if (isList) {
                    if (listSeen) {
                        giveUp(); // the key twice
                        return;
                    }
                    listValueNext = true;
                }
            }
            return;
        }
        keyByte(b);
    }

    private void keyByte(byte b) {
        if (keyLength >= 0) {
            if (keyLength == key.length) {
                key = Arrays.copyOf(key, key.length * 2);
            }
            key[keyLength++] = b;
        }
    }

    private void listBeforeItem(byte b) {
        if (isWhitespace(b)) {
            return;
        }
        if (b == '{') {
            state = State.ITEM;
            depth = 3;
            item = new Growing(item.capacity());
            item.append(b);
            return;
        }
        if (b == ']' && state == State.LIST_BEFORE_ITEM) {
            closeList(b);
            return;
        }
        giveUp();
    }

    private void listAfterItem(byte b) {
        if (isWhitespace(b)) {
            return;
        }
        if (b == ',') {
            state = State.LIST_AFTER_COMMA;
            return;
        }
        if (b == ']') {
            closeList(b);
            return;
        }
        giveUp();
    }

    private void closeList(byte b) {
        envelope.append(b);
        depth = 1;
        state = State.ROOT;
    }

    /**
     * Scans an item's bytes from {@code from}: the index after its closing brace when it ends in this
     * block (the state then leaves ITEM), else {@code length}. Most of a plan's bytes pass here: the
     * scanner's state is kept in locals while it runs, and a string's plain bytes are skipped in a loop
     * of their own (C1, which the launcher runs alone, keeps neither a field in a register nor the
     * switch out of a byte's path).
     */
    private int scanItem(byte[] block, int from, int length) {
        boolean inString = this.inString;
        boolean escaped = this.escaped;
        int depth = this.depth;
        int i = from;
        int end = length;
        scan:
        while (i < length) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                    i++;
                    continue;
                }
                byte b = block[i];
                while (b != '"' && b != '\\') {
                    if (++i == length) {
                        break scan;
                    }
                    b = block[i];
                }
                if (b == '\\') {
                    escaped = true;
                } else {
                    inString = false;
                }
                i++;
                continue;
            }
            switch (block[i++]) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (++depth > maxDepth) {
                        giveUp();
                        return length;
                    }
                }
                case '}', ']' -> {
                    if (--depth == 2) {
                        state = State.LIST_AFTER_ITEM;
                        end = i;
                        break scan;
                    }
                }
                default -> { }
            }
        }
        this.inString = inString;
        this.escaped = escaped;
        this.depth = depth;
        return end;
    }

    private void emitItem() {
        items.item(itemCount++, item.bytes(), item.length());
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** A byte array that grows. */
    private static final class Growing {
        private byte[] bytes;
        private int length;

        Growing(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        int capacity() {
            return bytes.length;
        }

        void append(byte b) {
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[length++] = b;
        }

        void append(byte[] from, int offset, int count) {
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
            }
            System.arraycopy(from, offset, bytes, length, count);
            length += count;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
