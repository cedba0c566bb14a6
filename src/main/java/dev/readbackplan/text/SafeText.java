package dev.readbackplan.text;

import dev.readbackplan.internal.text.Display;
import java.util.List;

/**
 * Text fit to print: made only by the factories here (or a {@link Builder}, which takes only safe text
 * and the renderer's own words, escaped as it takes them), so that text read from a document cannot
 * reach a terminal or a report unescaped by mistake. Renderers build and return this type; the
 * string comes out only at the edge, where it is written. Immutable.
 *
 * <p>Fit to print means: secret-shaped text redacted whole ({@code [redacted: secret-shaped text]}),
 * long text shortened around an ellipsis, and every control, bidi, zero-width or other invisible
 * character and lone surrogate written as a visible {@code \}{@code uXXXX} escape, so that a document
 * cannot move the cursor, retitle the terminal or reorder what a reader sees.
 */
public final class SafeText {
    static final SafeText EMPTY = new SafeText("");

    private final String text;

    SafeText(String text) {
        this.text = text;
    }

    /**
     * Text from a document (an id, a label, a key, a message, a file name) made fit to print.
     *
     * @param raw the text as read; null gives empty text
     * @return the text redacted, shortened and escaped
     */
    public static SafeText of(String raw) {
        return raw == null ? EMPTY : new SafeText(Display.text(raw));
    }

    /**
     * A JSON Pointer for a text report: {@code (root)} for the whole document, else {@code /a/b} with each
     * segment redacted, shortened, escaped as RFC 6901 says and with invisible characters escaped.
     *
     * @param segments the pointer's raw segments (keys and indexes)
     * @return the pointer fit to print
     */
    public static SafeText pointer(List<String> segments) {
        return new SafeText(Display.pointerForText(segments));
    }

    /**
     * Safe text as a Markdown inline code span: one line, in a fence longer than any run of backticks inside.
     *
     * @param safe the text
     * @return the code span
     */
    public static SafeText markdownCode(SafeText safe) {
        String line = Display.oneLine(safe.toString());
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return new SafeText(fence + pad + line + pad + fence);
    }

    /**
     * Safe text as one line of Markdown prose or a table cell: pipes and Markdown's active characters escaped.
     *
     * @param safe the text
     * @return the Markdown text
     */
    public static SafeText markdownText(SafeText safe) {
        StringBuilder out = new StringBuilder();
        for (char c : Display.oneLine(safe.toString()).toCharArray()) {
            if ("\\`*_[]<>|#!~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return new SafeText(out.toString());
    }

    /** {@return the escaped text, to write out} */
    @Override
    public String toString() {
        return text;
    }

    /** {@return whether the text is empty} */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** Builds safe text from safe parts and the renderer's own fixed words (whose invisible characters are escaped too). */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();

        /** An empty builder. */
        public Builder() {}

        /**
         * Appends safe text.
         *
         * @param safe the text
         * @return this builder
         */
        public Builder add(SafeText safe) {
            text.append(safe.text);
            return this;
        }

        /**
         * Appends the renderer's own words (ids, counts, punctuation): escaped for invisible characters, not redacted.
         *
         * @param words the words
         * @return this builder
         */
        public Builder words(String words) {
            text.append(Display.escapeInvisible(words));
            return this;
        }

        /**
         * Appends a number.
         *
         * @param number the number
         * @return this builder
         */
        public Builder add(long number) {
            text.append(number);
            return this;
        }

        /**
         * Appends a line break.
         *
         * @return this builder
         */
        public Builder newline() {
            text.append('\n');
            return this;
        }

        /** {@return the length of the text built so far, in UTF-16 units} */
        public int length() {
            return text.length();
        }

        /** {@return the text built} */
        public SafeText build() {
            return new SafeText(text.toString());
        }
    }
}
