package dev.readbackplan.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.text.Display;
import java.util.List;
/**
 * Text fit to print: made only by the factories here (or a {@link Builder}, which takes only safe text
 * and the renderer's own words, escaped as it takes them), so that text read from a document cannot
 * reach a terminal or a report unescaped by mistake. Renderers build and return this type; the
 * string comes out only at the edge, where it is written. Immutable.
 */
public final class SafeText {
    static final SafeText EMPTY = new SafeText("");

    private final String text;

    SafeText(String text) {
        this.text = text;
    }

    /** Text from a document (an id, a label, a key, a file name) for a terminal or Markdown: as {@code Display.text}, typed as safe. */
    public static SafeText of(String raw) {
        return raw == null ? EMPTY : new SafeText(Display.text(raw));
    }

    /** A pointer for a text report, typed as safe: see the text pointer form. */
    public static SafeText pointer(List<String> segments) {
        return new SafeText(Display.pointerForText(segments));
    }

    /**
     * A JSON document as text in this library's report layout, fit to print: every invisible character
     * and lone surrogate inside its strings written as a backslash-u escape (bidi overrides,
     * zero-width characters, controls).
     *
     * @param document the document
     * @return its text, ending with a newline
     */
    public static SafeText json(JsonNode document) {
        return new SafeText(PythonJsonWriter.reportText(document));
    }

    /** Safe text as a Markdown inline code span: one line, a fence longer than any run of backticks inside. */
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

    /** Safe text as one line of Markdown prose or a table cell: pipes and Markdown's active characters escaped. */
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

    /** The escaped text, to write out. */
    @Override
    public String toString() {
        return text;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** Builds safe text from safe parts and the renderer's own fixed words (whose invisible characters are escaped too). */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();

        public Builder add(SafeText safe) {
            text.append(safe.text);
            return this;
        }

        /** The renderer's own words (ids, counts, punctuation): escaped for invisible characters, not redacted. */
        public Builder words(String words) {
            text.append(Display.escapeInvisible(words));
            return this;
        }

        public Builder add(long number) {
            text.append(number);
            return this;
        }

        public Builder newline() {
            text.append('\n');
            return this;
        }

        public int length() {
            return text.length();
        }

        public SafeText build() {
            return new SafeText(text.toString());
        }
    }
}
