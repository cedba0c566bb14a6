package dev.readbackplan.internal.secret;

import java.util.List;

/**
 * Finds secret-shaped values and raw payloads in strings. Stateless and thread-safe. Internal API.
 *
 * <p>What is found is data: the rows of {@link SecretRules}, each a named rule with an id, a
 * description, keywords and marker characters for a pre-filter, a linear-time matcher (an RE2/J
 * pattern or a small bounded hand-written scan) and a placeholder policy. {@link #scan(String)} tries
 * the rows in table order and reports the first that matches.
 *
 * <p>Speed: one pass over the string records which marker characters it holds ({@link #markers});
 * two table look-ups, by those markers and by the length, give the rows that may match, so a hex
 * digest, a snake_case id or a path is settled by that pass alone. When rows with keywords remain,
 * a second pass (at each character some of their keywords start with, the second character, then the
 * rest) drops the rows none of whose keywords occur; only the rows left run.
 * RE2/J patterns are compiled on first use, so a run whose strings never reach a pattern never
 * loads RE2/J.
 *
 * <p>Linear time: RE2/J runs in time linear in its input by construction (no backtracking), and the
 * hand-written matchers read bounded stretches around their markers (see {@link SecretMatchers}); a
 * row reads at most a fixed number of pattern matches. So no input, however hostile, makes a scan
 * slower than a constant times its length; the tests run 1 MB adversarial strings through every row.
 *
 * <p>Never echoed: a finding is a {@link Kind}, whose id and description are constants of the table;
 * nothing of the scanned value is kept or returned.
 */
public final class SecretScanner {

    /**
     * What a string looks like: one rule of the table. Immutable; compare with {@link #ruleId()} or by
     * identity (each rule has one instance).
     */
    public static final class Kind {
        private final String ruleId;
        private final String description;
        private final boolean secret;

        public Kind(String ruleId, String description, boolean secret) {
            this.ruleId = ruleId;
            this.description = description;
            this.secret = secret;
        }

        /**
         * The stable id of the rule, such as {@code "telegram-bot-token"}, fit to name a SARIF rule.
         *
         * @return lower-case words joined by '-'
         */
        public String ruleId() {
            return ruleId;
        }

        /**
         * A short English noun phrase for messages, such as "a Telegram bot token".
         *
         * @return the phrase; a constant, so it never contains the scanned value
         */
        public String description() {
            return description;
        }

        /**
         * Whether the rule finds secrets (problem keyword {@code secret}) rather than raw JSON payloads and
         * multi-line blobs ({@code raw-payload}).
         *
         * @return true for the secret rules
         */
        public boolean isSecret() {
            return secret;
        }

        @Override
        public String toString() {
            return ruleId;
        }
    }

    // Marker characters recorded by markers(), the pre-filter's one pass over a string.
    static final int COLON = 1;
    static final int EQUALS = 1 << 1;
    /** The full-width {@code ：} and {@code ＝} of CJK text. */
    static final int WIDE_SEPARATOR = 1 << 2;
    static final int AT = 1 << 3;
    static final int SLASH = 1 << 4;
    static final int DASH = 1 << 5;
    static final int DOT = 1 << 6;
    static final int UNDERSCORE = 1 << 7;
    static final int BLANK = 1 << 8;
    static final int DIGIT = 1 << 9;
    static final int UPPER = 1 << 10;
    static final int LINE_BREAK = 1 << 11;
    /** A UTF-16 surrogate, paired or not: recorded for {@link #markers} callers that check pairing. */
    public static final int SURROGATE = 1 << 12;
    /** An opening {@code {} or {@code [}, which a raw JSON payload starts with. */
    static final int BRACKET = 1 << 13;
    /** Every marker flag. */
    static final int ALL_MARKERS = (1 << 14) - 1;
    /** The marker flags of each ASCII character, indexed by the character. A string, so it is immutable. */
    private static final String ASCII_MARKERS = asciiMarkers();

    private SecretScanner() {}

    /**
     * Every rule, in the order {@link #scan(String)} tries them.
     *
     * @return an immutable list, one {@link Kind} per rule
     */
    public static List<Kind> rules() {
        return SecretRules.KINDS;
    }

    /**
     * Returns the first finding in {@code value}, by the order of {@link #rules()}: the specific token
     * shapes come first, so a token pasted into a URL, an assignment or a JSON payload is reported as
     * that token, and a payload holding a secret is reported as a secret.
     *
     * @param value the string to scan; may be null
     * @return the first rule that matches, or null when the string is clean or null
     */
    public static Kind scan(String value) {
        return value == null ? null : scan(value, markers(value));
    }

    /**
     * The marker characters {@code value} holds, the first pass of {@link #scan(String)}: callers that
     * also look at every character (for surrogates, say) share it through {@link #scan(String, int)}.
     */
    public static int markers(String value) {
        int n = value.length();
        int seen = 0;
        for (int i = 0; i < n; i++) {
            // A table lookup rather than a switch: no branch to mispredict on ordinary text.
            char c = value.charAt(i);
            seen |= c < 128 ? ASCII_MARKERS.charAt(c)
                    : c == '\uFF1A' || c == '\uFF1D' ? WIDE_SEPARATOR
                    : Character.isSurrogate(c) ? SURROGATE : 0;
        }
        return seen;
    }

    /** {@link #scan(String)} with the markers of {@code value} already found by {@link #markers}. */
    public static Kind scan(String value, int seen) {
        // The rows the markers and the length allow; a plain identifier or a digest is settled here.
        int rows = SecretRules.rowsFor(seen, value.length());
        if (rows == 0) {
            return null;
        }
        rows = SecretRules.withKeywords(value, seen, rows);
        SecretRules.Rule[] table = SecretRules.TABLE;
        for (; rows != 0; rows &= rows - 1) {
            SecretRules.Rule rule = table[Integer.numberOfTrailingZeros(rows)];
            if (rule.matcher().find(value)) {
                return rule.kind();
            }
        }
        return null;
    }

    private static String asciiMarkers() {
        char[] table = new char[128];
        table[':'] = COLON;
        table['='] = EQUALS;
        table['@'] = AT;
        table['/'] = SLASH;
        table['-'] = DASH;
        table['.'] = DOT;
        table['_'] = UNDERSCORE;
        table[' '] = BLANK;
        table['\t'] = BLANK;
        table['\n'] = LINE_BREAK;
        table['\r'] = LINE_BREAK;
        table['{'] = BRACKET;
        table['['] = BRACKET;
        for (char c = '0'; c <= '9'; c++) {
            table[c] = DIGIT;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            table[c] = UPPER;
        }
        return new String(table);
    }
}
