package dev.readbackplan.internal.report;

/**
 * Text fit to print: made only by {@link Display} (or a {@link Builder}, which takes only safe text
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
