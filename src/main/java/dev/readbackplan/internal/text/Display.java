package dev.readbackplan.internal.text;

import dev.readbackplan.internal.secret.SecretScanner;
import java.util.List;

/**
 * The one place where text taken from a document is made fit to show people: redacted when it is
 * secret-shaped, shortened when it is long, and (for terminals) with invisible characters escaped.
 *
 * <p>Problems keep their pointers as raw segments; every report format renders them through here.
 * A segment is judged unescaped, as the key it is, so a key holding a webhook URL is redacted whole
 * even though its slashes would be escaped in the pointer.
 */
public final class Display {
    /** Shown in place of a secret-shaped key or message. */
    public static final String REDACTED_SEGMENT = "[redacted]";
    public static final String REDACTED_TEXT = "[redacted: secret-shaped text]";
    /** Longest segment shown, in code points; a longer one keeps its two ends around an ellipsis. */
    static final int MAX_SEGMENT = 64;
    /** Deepest pointer shown whole; a deeper one keeps its first and last segments around {@code …}. */
    static final int MAX_SEGMENTS = 32;
    /** Longest message or file name shown, in code points. */
    static final int MAX_TEXT = 1024;
    private static final String ELLIPSIS = "…";

    private Display() {}

    /**
     * A pointer for a text report: {@code (root)} for the whole document, else {@code /a/b} with each
     * segment redacted, shortened, RFC 6901 escaped and with invisible characters escaped.
     */
    public static String pointerForText(List<String> segments) {
        return segments.isEmpty() ? "(root)" : pointer(segments, true);
    }

    /**
     * A pointer for a JSON report: as for text, but invisible characters are left to the JSON writer,
     * which escapes them.
     */
    public static String pointerForJson(List<String> segments) {
        return pointer(segments, false);
    }

    private static String pointer(List<String> segments, boolean escape) {
        StringBuilder text = new StringBuilder();
        int count = segments.size();
        for (int i = 0; i < count; i++) {
            if (count > MAX_SEGMENTS && i == MAX_SEGMENTS / 2) {
                text.append('/').append(ELLIPSIS);
                i = count - MAX_SEGMENTS / 2;
            }
            text.append('/').append(segment(segments.get(i), escape).replace("~", "~0").replace("/", "~1"));
        }
        return text.toString();
    }

    /** One key or index: redacted when secret-shaped, shortened, and escaped for terminals if asked. */
    public static String segment(String raw, boolean escape) {
        if (SecretScanner.scan(raw) != null) {
            return REDACTED_SEGMENT;
        }
        String shown = shorten(raw, MAX_SEGMENT);
        // A backslash is doubled in a key, so that an escape shown there always means an escaped character.
        return escape ? escapeInvisible(shown.replace("\\", "\\\\")) : shown;
    }

    /** A message or file name for a terminal: redacted when secret-shaped, shortened, invisible characters escaped. */
    public static String text(String raw) {
        return escapeInvisible(forJson(raw));
    }

    /** The text on one line: line breaks and line and paragraph separators become a space. */
    public static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }

    /** A message or file name for a JSON report: redacted when secret-shaped and shortened. */
    public static String forJson(String raw) {
        if (SecretScanner.scan(raw) != null) {
            return REDACTED_TEXT;
        }
        return shorten(raw, MAX_TEXT);
    }

    /** The text, or its two ends around an ellipsis when it has more than {@code max} code points. */
    public static String shorten(String text, int max) {
        if (text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int keep = (max - 1) / 2;
        int head = text.offsetByCodePoints(0, keep);
        int tail = text.offsetByCodePoints(text.length(), -keep);
        return text.substring(0, head) + ELLIPSIS + text.substring(tail);
    }

    /**
     * Escapes, as {@code \}{@code uXXXX}, every character a terminal would act on or hide: controls
     * (C0, DEL, C1: ESC sequences, BEL, clear screen), format characters (bidi overrides and isolates,
     * zero-width characters, the byte order mark), line and paragraph separators, and lone surrogates.
     */
    public static String escapeInvisible(String text) {
        int i = 0;
        while (i < text.length() && !needsEscape(text, i)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(text, i)) {
                out.append("\\u").append(hex(c >> 12)).append(hex(c >> 8)).append(hex(c >> 4)).append(hex(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char hex(int nibble) {
        return "0123456789abcdef".charAt(nibble & 0xF);
    }

    private static boolean needsEscape(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return isInvisible(c);
    }

    /** Controls, format characters (bidi, zero-width), line and paragraph separators. */
    public static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
