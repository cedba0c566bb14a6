package dev.readbackplan.internal.secret;

import static dev.readbackplan.internal.secret.SecretScanner.AT;
import static dev.readbackplan.internal.secret.SecretScanner.BLANK;
import static dev.readbackplan.internal.secret.SecretScanner.BRACKET;
import static dev.readbackplan.internal.secret.SecretScanner.COLON;
import static dev.readbackplan.internal.secret.SecretScanner.DASH;
import static dev.readbackplan.internal.secret.SecretScanner.DIGIT;
import static dev.readbackplan.internal.secret.SecretScanner.DOT;
import static dev.readbackplan.internal.secret.SecretScanner.EQUALS;
import static dev.readbackplan.internal.secret.SecretScanner.LINE_BREAK;
import static dev.readbackplan.internal.secret.SecretScanner.SLASH;
import static dev.readbackplan.internal.secret.SecretScanner.SURROGATE;
import static dev.readbackplan.internal.secret.SecretScanner.UNDERSCORE;
import static dev.readbackplan.internal.secret.SecretScanner.WIDE_SEPARATOR;

import dev.readbackplan.internal.secret.SecretScanner.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rule table of {@link SecretScanner}: one row per secret format or raw payload, tried in this
 * order. Adding a token format is one row here and its cases in the tests (the labelled corpus under
 * {@code src/test/resources/scanner/} and {@code SecretScannerTest}).
 *
 * <p>A row holds: the rule id and description (constants: they name SARIF rules and appear in
 * messages, so they never hold a value); the keywords of the pre-filter ({@link Keywords}: literal,
 * two characters or more, case-sensitive or in any case), one of which must occur in the string
 * (none: the matcher anchors on separators itself); marker characters the string must hold (all of
 * {@code allMarkers}, one of {@code anyMarkers}, and all those of one of the keywords); a minimum
 * length; the matcher, an RE2/J pattern or a bounded hand-written scan of {@link SecretMatchers};
 * and the placeholder policy, which says how a template slot or a redaction in the secret's place is
 * let through. Internal API.
 */
final class SecretRules {

    /** How a row lets placeholders through. */
    enum Placeholders {
        /** The format's alphabet and length leave no room for a placeholder ({@code AKIA} and 16 of {@code [A-Z0-9]}). */
        NONE,
        /**
         * The pattern's first group is the secret; the match does not count when that group is a URL
         * placeholder ({@link SecretMatchers#isUrlPlaceholder}: {@code {token}}, {@code <redacted>},
         * {@code ${TOKEN}}, {@code TOKEN}, {@code ****}...).
         */
        CAPTURE,
        /** The hand-written matcher applies {@link SecretMatchers#isPlaceholder} and the value policy itself. */
        VALUE_POLICY
    }

    /** A linear-time test of a whole string. */
    @FunctionalInterface
    interface Matcher {
        boolean find(String s);
    }

    /**
     * The keywords of a row: literal words of two or more characters, each compared case-sensitively
     * or, where {@code anyCase} says so, a lower-case word compared in any case (key names and header
     * words, which the matchers compare in any case). Only ASCII letters are taken in the other case
     * for the first character: a matcher that compares in any case anchors on an ASCII letter.
     */
    record Keywords(String[] words, boolean[] anyCase) {

        /** These keywords and {@code more}. */
        Keywords and(Keywords more) {
            String[] all = Arrays.copyOf(words, words.length + more.words.length);
            System.arraycopy(more.words, 0, all, words.length, more.words.length);
            boolean[] cases = Arrays.copyOf(anyCase, anyCase.length + more.anyCase.length);
            System.arraycopy(more.anyCase, 0, cases, anyCase.length, more.anyCase.length);
            return new Keywords(all, cases);
        }
    }

    /** One row of the table. */
    record Rule(Kind kind, String[] keywords, boolean[] keywordsAnyCase, int[] keywordMarkers, int allMarkers,
            int anyMarkers, int minLength, Matcher matcher, Placeholders placeholders) {

        /**
         * Whether a string with the marker flags {@code seen} may match: it holds the row's markers and
         * all the markers of one of its keywords (a keyword whose characters are missing cannot occur).
         */
        boolean markersAllow(int seen) {
            if ((seen & allMarkers) != allMarkers || anyMarkers != 0 && (seen & anyMarkers) == 0) {
                return false;
            }
            if (keywords.length == 0) {
                return true;
            }
            for (int markers : keywordMarkers) {
                if ((seen & markers) == markers) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Keywords NO_KEYWORDS = new Keywords(new String[0], new boolean[0]);
    private static final int ASSIGNMENT_SEPARATORS = COLON | EQUALS | WIDE_SEPARATOR;

    static final Rule[] TABLE = {
        // Sources: each row names the format's documentation or gitleaks' rule (config/gitleaks.toml of
        // gitleaks/gitleaks, MIT) it follows; the README's rule table repeats them.
        // gitleaks telegram-bot-api-token; core.telegram.org/bots/api#authorizing-your-bot
        secret("telegram-bot-token", "a Telegram bot token", NO_KEYWORDS, COLON | DIGIT, 0, 8 + 1 + 35,
                Scan.TELEGRAM_BOT_TOKEN, Placeholders.NONE),
        secret("private-key-block", "a private key block", keywords("----", "PuTTY-User-Key-File-"), 0, 0, 0,
                Scan.PRIVATE_KEY_BLOCK, Placeholders.NONE),
        secret("aws-access-key-id", "an AWS access key id", keywords("AKIA", "ASIA", "ABIA", "ACCA"), 0, 0, 20,
                Scan.AWS_ACCESS_KEY_ID, Placeholders.NONE),
        secret("github-token", "a GitHub token",
                keywords("ghp_", "gho_", "ghu_", "ghs_", "ghr_", SecretMatchers.GITHUB_PAT_PREFIX), UNDERSCORE, 0,
                Math.min(4 + 36, SecretMatchers.GITHUB_PAT_PREFIX.length() + 22),
                Scan.GITHUB_TOKEN, Placeholders.NONE),
        secret("gitlab-token", "a GitLab token",
                keywords(SecretMatchers.GITLAB_PREFIXES, SecretMatchers.GITLAB_RUNNER_REGISTRATION_PREFIX), 0, 0,
                5 + 20,
                Scan.GITLAB_TOKEN, Placeholders.NONE),
        // gitleaks grafana-service-account-token, grafana-cloud-api-token, grafana-api-key
        secret("grafana-service-account-token", "a Grafana service account token", keywords("glsa_"), 0, 0, 46,
                re2("\\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\\b"), Placeholders.NONE),
        secret("grafana-cloud-token", "a Grafana Cloud token", keywords("glc_"), 0, 0, 36,
                re2("\\bglc_[A-Za-z0-9+/]{32,400}={0,2}"), Placeholders.NONE),
        secret("grafana-api-key", "a Grafana API key", keywords("eyJrIjoi"), 0, 0, 78,
                re2("eyJrIjoi[A-Za-z0-9+/]{70,400}={0,2}"), Placeholders.NONE),
        // gitleaks slack-bot-token, slack-user-token, slack-app-token, slack-config-*-token, slack-legacy-*
        secret("slack-token", "a Slack token", keywords(SecretMatchers.SLACK_PREFIXES), DASH | DIGIT, 0, 5 + 10,
                Scan.SLACK_TOKEN, Placeholders.NONE),
        secret("sentry-auth-token", "a Sentry auth token", keywords("sntryu_", "sntrys_eyJ"), 0, 0, 7 + 64,
                re2("\\b(?:sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9+/=]{20,1000}_[A-Za-z0-9+/]{43})"),
                Placeholders.NONE),
        // gitleaks sentry-access-token: the legacy 64-hex auth token after a "sentry" key name
        secret("sentry-access-token", "a Sentry auth token after a sentry key", anyCase("sentry"), 0,
                COLON | EQUALS, 6 + 1 + 64,
                re2("(?i)sentry[\\w.-]{0,20}[\"']?[ \\t]{0,3}(?:=|:|=>|:=)[ \\t\"']{0,5}([a-f0-9]{64})(?:[^a-f0-9]|$)"),
                Placeholders.CAPTURE),
        // langfuse.com/docs (API keys): the secret key is sk-lf-; the public key pk-lf- is not a secret
        secret("langfuse-secret-key", "a Langfuse secret key", keywords("sk-lf-"), 0, 0, 6 + 36,
                re2("\\bsk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"), Placeholders.NONE),
        // OpenAI's project, service-account and admin keys and Anthropic's carry a prefix; the legacy
        // and most "OpenAI-compatible" keys are sk- and 32+ letters and digits, never a hyphenated phrase.
        secret("openai-api-key", "an OpenAI-style secret key", keywords("sk-"), 0, 0, 3 + 32,
                re2("\\bsk-(?:(?:proj|svcacct|admin|ant-api03|ant-admin01)-[A-Za-z0-9_-]{40,}|[A-Za-z0-9]{32,})",
                        Checks.DIGIT_AND_LETTER),
                Placeholders.NONE),
        secret("google-api-key", "a Google API key", keywords("AIza"), 0, 0, 39,
                re2("\\bAIza[0-9A-Za-z_-]{35}"), Placeholders.NONE),
        secret("azure-storage-key", "an Azure connection string with its key",
                keywords("AccountKey=", "SharedAccessKey="), 0, 0, "AccountKey=".length() + 20,
                re2("(?:AccountKey|SharedAccessKey)=([A-Za-z0-9+/]{20,}={0,2})"), Placeholders.CAPTURE),
        secret("jwt", "a JSON Web Token", keywords("eyJ"), DOT, 0, 0,
                Scan.JWT, Placeholders.NONE),
        secret("sentry-dsn-with-key", "a Sentry DSN with its key", keywords("://"), AT, 0, 3 + 32 + 1,
                Scan.SENTRY_DSN_WITH_KEY, Placeholders.NONE),
        secret("url-with-credentials", "a URL with embedded credentials", keywords("//"), COLON | AT, 0, 0,
                Scan.URL_WITH_CREDENTIALS, Placeholders.VALUE_POLICY),
        secret("webhook-url-with-token", "a webhook URL with an embedded token", NO_KEYWORDS, SLASH | DOT, 0, 0,
                Scan.KNOWN_WEBHOOK_URL, Placeholders.VALUE_POLICY),
        secret("mattermost-webhook", "a Mattermost webhook URL", keywords("/hooks/"), 0, 0, 7 + 26,
                re2("/hooks/([a-z0-9]{26})(?:[/?#\"'\\s]|$)", Checks.DIGIT_AND_LETTER), Placeholders.NONE),
        secret("feishu-webhook", "a Feishu or Lark webhook URL", keywords("/open-apis/bot/"), 0, 0, 0,
                re2("(?i)open\\.(?:feishu\\.cn|larksuite\\.com)/open-apis/bot/v2/hook/([^/?#&\\s\"']+)"),
                Placeholders.CAPTURE),
        // docs.opsgenie.com (API key): "Authorization: GenieKey <key>"; Alertmanager's opsgenie_configs
        // The key holds a digit (Opsgenie keys are UUIDs) after a blank, ':' or '=', so most strings skip the row.
        secret("opsgenie-api-key", "an Opsgenie API key", anyCase("geniekey", "opsgenie"), DIGIT,
                BLANK | COLON | EQUALS, 8 + 1 + 8,
                Scan.OPSGENIE_KEY, Placeholders.VALUE_POLICY),
        // Alertmanager's pagerduty_config; developer.pagerduty.com (Events API v2 routing key)
        secret("pagerduty-integration-key", "a PagerDuty integration key",
                anyCase("key").and(keywords("pagerduty.com/")), 0,
                ASSIGNMENT_SEPARATORS | SLASH, 0, Scan.PAGERDUTY_KEY, Placeholders.VALUE_POLICY),
        secret("url-secret-parameter", "a URL with a secret query parameter", keywords("://"), EQUALS, 0, 0,
                Scan.URL_QUERY_SECRET, Placeholders.VALUE_POLICY),
        secret("secret-assignment", "a password, token or secret assignment", NO_KEYWORDS, 0,
                ASSIGNMENT_SEPARATORS, 0, Scan.SECRET_ASSIGNMENT, Placeholders.VALUE_POLICY),
        // opentelemetry.io OTEL_EXPORTER_OTLP_HEADERS; signoz.io (signoz-ingestion-key); Honeycomb x-honeycomb-team
        secret("exporter-header-credential", "an exporter or API header with its credential",
                anyCase("ingestion-key", "api-key", "x-", "%20"), 0, COLON | EQUALS, 0,
                Scan.EXPORTER_HEADER, Placeholders.VALUE_POLICY),
        secret("authorization-header", "an HTTP Authorization credential", anyCase("bearer", "basic", "authorization"),
                BLANK, 0, 0,
                Scan.AUTHORIZATION_CREDENTIALS, Placeholders.VALUE_POLICY),
        secret("credential-in-prose", "a credential after a password, secret, token or key word",
                anyCase("pass", "pw", "secret", "token", "bearer", "key"), 0,
                BLANK | ASSIGNMENT_SEPARATORS, 0, Scan.PROSE_CREDENTIAL, Placeholders.VALUE_POLICY),
        rawPayload("raw-json-payload", "a raw JSON payload", BRACKET, 3, Scan.RAW_JSON_PAYLOAD),
        rawPayload("raw-multiline-blob", "a raw multi-line text blob", LINE_BREAK, 3,
                Scan.RAW_MULTILINE_BLOB),
    };

    static final List<Kind> KINDS = kinds();

    /**
     * For each combination of marker flags, the rows it allows, as bits in table order, plus
     * {@link #KNOWN}; filled on first use of each combination (racing threads compute the same int, and
     * an int is written atomically), so start-up pays for the few combinations a document has.
     */
    private static final int[] ROWS_BY_MARKERS = new int[SecretScanner.ALL_MARKERS + 1];
    private static final int KNOWN = 1 << 31;
    /** For each length up to the longest minimum length, the rows it allows, as bits; the last is for longer ones. */
    private static final int[] ROWS_BY_LENGTH;
    /** The rows that have keywords, as bits. */
    private static final int KEYWORD_ROWS;
    /**
     * Every keyword, grouped by its first character ({@link #FIRSTS}), so one look-up at a position
     * finds every keyword, of any row, that may start there. For group g: the rows of its
     * keywords ({@link #GROUP_ROWS}), the second characters its keywords have, as a 128-bit set in two
     * longs ({@link #SECONDS_LOW}, {@link #SECONDS_HIGH}; non-ASCII ones count as char 127), and, per
     * keyword, the word, whether it is compared in any case, its row bit and its markers. A keyword in
     * any case is in the groups of both cases of its first character.
     */
    private static final String FIRSTS;
    /** For each ASCII character, 1 + the group of the keywords that start with it, or 0 when none does. */
    private static final byte[] GROUP_OF = new byte[128];
    private static final int[] GROUP_ROWS;
    private static final long[] SECONDS_LOW;
    private static final long[] SECONDS_HIGH;
    private static final String[][] WORDS;
    private static final boolean[][] WORD_ANY_CASE;
    private static final int[][] WORD_ROWS;
    private static final int[][] WORD_MARKERS;

    static {
        if (TABLE.length > 31) {
            throw new AssertionError("the row bit sets hold 31 rows"); // a table that grows must widen them
        }
        int longest = 0;
        for (Rule rule : TABLE) {
            longest = Math.max(longest, rule.minLength());
        }
        ROWS_BY_LENGTH = new int[longest + 1];
        for (int n = 0; n <= longest; n++) {
            for (int r = 0; r < TABLE.length; r++) {
                ROWS_BY_LENGTH[n] |= TABLE[r].minLength() <= n ? 1 << r : 0;
            }
        }
        StringBuilder firsts = new StringBuilder();
        int keywordRows = 0;
        for (Rule rule : TABLE) {
            for (int k = 0; k < rule.keywords().length; k++) {
                String keyword = rule.keywords()[k];
                if (keyword.length() < 2) {
                    throw new AssertionError("a keyword has two characters or more"); // the search reads the second
                }
                for (char first : firsts(keyword, rule.keywordsAnyCase()[k])) {
                    if (firsts.indexOf(String.valueOf(first)) < 0) {
                        firsts.append(first);
                    }
                }
            }
        }
        int groups = firsts.length();
        if (groups > 127) {
            throw new AssertionError("GROUP_OF holds a group's number in a byte");
        }
        FIRSTS = firsts.toString();
        for (int g = 0; g < groups; g++) {
            if (FIRSTS.charAt(g) >= 128) {
                throw new AssertionError("a keyword starts with an ASCII character"); // GROUP_OF covers ASCII
            }
            GROUP_OF[FIRSTS.charAt(g)] = (byte) (g + 1);
        }
        GROUP_ROWS = new int[groups];
        SECONDS_LOW = new long[groups];
        SECONDS_HIGH = new long[groups];
        WORDS = new String[groups][];
        WORD_ANY_CASE = new boolean[groups][];
        WORD_ROWS = new int[groups][];
        WORD_MARKERS = new int[groups][];
        for (int g = 0; g < groups; g++) {
            List<String> words = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            List<Integer> markers = new ArrayList<>();
            StringBuilder anyCase = new StringBuilder();
            for (int r = 0; r < TABLE.length; r++) {
                for (int k = 0; k < TABLE[r].keywords().length; k++) {
                    String keyword = TABLE[r].keywords()[k];
                    if (new String(firsts(keyword, TABLE[r].keywordsAnyCase()[k])).indexOf(FIRSTS.charAt(g)) < 0) {
                        continue;
                    }
                    words.add(keyword);
                    rows.add(1 << r);
                    markers.add(TABLE[r].keywordMarkers()[k]);
                    anyCase.append(TABLE[r].keywordsAnyCase()[k] ? 'y' : 'n');
                    GROUP_ROWS[g] |= 1 << r;
                    // In any case, the second character may be either ASCII case or a non-ASCII one (127).
                    for (char second : TABLE[r].keywordsAnyCase()[k]
                            ? new char[] {keyword.charAt(1), Character.toUpperCase(keyword.charAt(1)), 127}
                            : new char[] {keyword.charAt(1)}) {
                        int bit = Math.min(second, 127);
                        if (bit < 64) {
                            SECONDS_LOW[g] |= 1L << bit;
                        } else {
                            SECONDS_HIGH[g] |= 1L << bit; // shifts use the low six bits
                        }
                    }
                }
            }
            keywordRows |= GROUP_ROWS[g];
            WORD_ANY_CASE[g] = new boolean[words.size()];
            for (int k = 0; k < words.size(); k++) {
                WORD_ANY_CASE[g][k] = anyCase.charAt(k) == 'y';
            }
            WORDS[g] = words.toArray(new String[0]);
            WORD_ROWS[g] = new int[words.size()];
            WORD_MARKERS[g] = new int[words.size()];
            for (int k = 0; k < words.size(); k++) {
                WORD_ROWS[g][k] = rows.get(k);
                WORD_MARKERS[g][k] = markers.get(k);
            }
        }
        KEYWORD_ROWS = keywordRows;
    }

    private SecretRules() {}

    /**
     * The rows a string with the marker flags {@code seen} and {@code length} characters may match, by
     * markers and length alone, as bits in table order.
     */
    static int rowsFor(int seen, int length) {
        return rowsFor(seen) & ROWS_BY_LENGTH[Math.min(length, ROWS_BY_LENGTH.length - 1)];
    }

    /** The rows a string with the marker flags {@code seen} may match, as bits in table order. */
    static int rowsFor(int seen) {
        int markers = seen & SecretScanner.ALL_MARKERS;
        int rows = ROWS_BY_MARKERS[markers];
        if (rows == 0) {
            rows = KNOWN;
            for (int r = 0; r < TABLE.length; r++) {
                if (TABLE[r].markersAllow(markers)) {
                    rows |= 1 << r;
                }
            }
            ROWS_BY_MARKERS[markers] = rows;
        }
        return rows & ~KNOWN;
    }

    /**
     * {@code rows} without the rows that have keywords none of which occurs in {@code s}. One pass over
     * {@code s}: at each character that some keyword of a row still missing starts with (a table
     * look-up, {@link #GROUP_OF}), a bit test on the next character, then the keywords that start so
     * are compared. The pass stops when every row is found; it reads each position once with a
     * bounded number of bounded comparisons (keywords of the fixed table), so it is linear in the
     * length of {@code s}. One pass rather than an {@code indexOf} per first character: a one-off
     * run executes this at the JIT's first tier, where each {@code indexOf} is a loop of its own over
     * the whole string (about twenty of them for an id with a colon).
     */
    static int withKeywords(String s, int seen, int rows) {
        int missing = rows & KEYWORD_ROWS;
        if (missing == 0) {
            return rows;
        }
        int last = s.length() - 1;
        for (int i = 0; i < last; i++) {
            char c = s.charAt(i);
            int g = c < 128 ? GROUP_OF[c] - 1 : -1;
            if (g < 0 || (GROUP_ROWS[g] & missing) == 0) {
                continue;
            }
            int second = Math.min(s.charAt(i + 1), 127);
            if (((second < 64 ? SECONDS_LOW[g] : SECONDS_HIGH[g]) & 1L << second) == 0) {
                continue;
            }
            String[] words = WORDS[g];
            boolean[] anyCase = WORD_ANY_CASE[g];
            int[] wordRows = WORD_ROWS[g];
            int[] wordMarkers = WORD_MARKERS[g];
            for (int k = 0; k < words.length; k++) {
                if ((missing & wordRows[k]) != 0 && (seen & wordMarkers[k]) == wordMarkers[k]
                        && (anyCase[k] ? s.regionMatches(true, i, words[k], 0, words[k].length())
                                : s.startsWith(words[k], i))) {
                    missing &= ~wordRows[k];
                }
            }
            if (missing == 0) {
                break;
            }
        }
        return rows & ~missing;
    }

    private static Keywords keywords(String... keywords) {
        return new Keywords(keywords, new boolean[keywords.length]);
    }

    private static Keywords keywords(List<String> keywords, String... more) {
        List<String> all = new ArrayList<>(keywords);
        all.addAll(Arrays.asList(more));
        return keywords(all.toArray(new String[0]));
    }

    /** The characters a keyword may start with: its first, and in any case also the other ASCII case of it. */
    private static char[] firsts(String keyword, boolean anyCase) {
        char first = keyword.charAt(0);
        char upper = Character.toUpperCase(first);
        return anyCase && upper != first && upper < 128 ? new char[] {first, upper} : new char[] {first};
    }

    private static Keywords anyCase(String... keywords) {
        for (String keyword : keywords) {
            if (!keyword.equals(keyword.toLowerCase(java.util.Locale.ROOT))) {
                throw new AssertionError("an any-case keyword is written in lower case");
            }
        }
        boolean[] anyCase = new boolean[keywords.length];
        Arrays.fill(anyCase, true);
        return new Keywords(keywords, anyCase);
    }

    private static Rule secret(String id, String description, Keywords keywords, int allMarkers, int anyMarkers,
            int minLength, Matcher matcher, Placeholders placeholders) {
        return row(new Kind(id, description, true), keywords, allMarkers, anyMarkers, minLength, matcher, placeholders);
    }

    private static Rule rawPayload(String id, String description, int allMarkers, int minLength, Matcher matcher) {
        return row(new Kind(id, description, false), NO_KEYWORDS, allMarkers, 0, minLength, matcher, Placeholders.NONE);
    }

    /** A row; the markers every keyword holds are required too, and the shortest keyword sets a floor on the length. */
    private static Rule row(Kind kind, Keywords words, int allMarkers, int anyMarkers, int minLength,
            Matcher matcher, Placeholders placeholders) {
        String[] keywords = words.words();
        int common = -1;
        int shortest = Integer.MAX_VALUE;
        int[] keywordMarkers = new int[keywords.length];
        for (int k = 0; k < keywords.length; k++) {
            keywordMarkers[k] = SecretScanner.markers(keywords[k]) & ~SURROGATE;
            common &= keywordMarkers[k];
            shortest = Math.min(shortest, keywords[k].length());
        }
        int required = allMarkers | (keywords.length == 0 ? 0 : common);
        int length = Math.max(minLength, keywords.length == 0 ? 0 : shortest);
        return new Rule(kind, keywords.clone(), words.anyCase().clone(), keywordMarkers, required, anyMarkers, length,
                matcher, placeholders);
    }

    /** The events URL of the PagerDuty row, tried when a string holds {@code pagerduty.com/}. */
    private static final Matcher PAGERDUTY_URL =
            re2("(?i)events\\.(?:eu\\.)?pagerduty\\.com/(?:integration|x-ere)/([^/?#&\\s\"']+)");

    private static List<Kind> kinds() {
        Kind[] kinds = new Kind[TABLE.length];
        for (int r = 0; r < TABLE.length; r++) {
            kinds[r] = TABLE[r].kind();
        }
        return List.of(kinds);
    }

    /**
     * The hand-written matchers of {@link SecretMatchers} as cells of the table. An enum rather than
     * method references: the table then spins no lambda class at start-up, which a one-off run pays for.
     */
    enum Scan implements Matcher {
        TELEGRAM_BOT_TOKEN, PRIVATE_KEY_BLOCK, AWS_ACCESS_KEY_ID, GITHUB_TOKEN, GITLAB_TOKEN, SLACK_TOKEN, JWT,
        SENTRY_DSN_WITH_KEY, URL_WITH_CREDENTIALS, KNOWN_WEBHOOK_URL, URL_QUERY_SECRET, SECRET_ASSIGNMENT,
        AUTHORIZATION_CREDENTIALS, RAW_JSON_PAYLOAD, RAW_MULTILINE_BLOB, OPSGENIE_KEY, EXPORTER_HEADER,
        PROSE_CREDENTIAL,
        /** PagerDuty keys after Alertmanager's field names, or in the path of an events URL. */
        PAGERDUTY_KEY;

        @Override
        public boolean find(String s) {
            return switch (this) {
                case TELEGRAM_BOT_TOKEN -> SecretMatchers.hasTelegramBotToken(s);
                case PRIVATE_KEY_BLOCK -> SecretMatchers.hasPrivateKeyBlock(s);
                case AWS_ACCESS_KEY_ID -> SecretMatchers.hasAwsAccessKeyId(s);
                case GITHUB_TOKEN -> SecretMatchers.hasGitHubToken(s);
                case GITLAB_TOKEN -> SecretMatchers.hasGitLabToken(s);
                case SLACK_TOKEN -> SecretMatchers.hasSlackToken(s);
                case JWT -> SecretMatchers.hasJwt(s);
                case SENTRY_DSN_WITH_KEY -> SecretMatchers.hasSentryDsnWithKey(s);
                case URL_WITH_CREDENTIALS -> SecretMatchers.hasUrlWithCredentials(s);
                case KNOWN_WEBHOOK_URL -> SecretMatchers.hasKnownWebhookUrl(s);
                case URL_QUERY_SECRET -> SecretMatchers.hasUrlQuerySecret(s);
                case SECRET_ASSIGNMENT -> SecretMatchers.hasSecretAssignment(s);
                case AUTHORIZATION_CREDENTIALS -> SecretMatchers.hasAuthorizationCredentials(s);
                case RAW_JSON_PAYLOAD -> SecretMatchers.isRawJsonPayload(s);
                case RAW_MULTILINE_BLOB -> SecretMatchers.lineBreaks(s) >= 3;
                case OPSGENIE_KEY -> SecretMatchers.hasOpsgenieKey(s);
                case EXPORTER_HEADER -> SecretMatchers.hasExporterHeaderCredential(s);
                case PROSE_CREDENTIAL -> SecretMatchers.hasProseCredential(s);
                case PAGERDUTY_KEY -> SecretMatchers.hasPagerDutyKeyAssignment(s)
                        || s.indexOf("pagerduty.com/") >= 0 && PAGERDUTY_URL.find(s);
            };
        }
    }

    /** The checks of a pattern's match, as an enum for the same reason as {@link Scan}. */
    enum Checks implements Check {
        /** The match holds an ASCII digit and an ASCII letter. */
        DIGIT_AND_LETTER;

        @Override
        public boolean accept(String s, int from, int to) {
            return hasDigitAndLetter(s, from, to);
        }
    }

    private static Matcher re2(String regex) {
        return new Re2Matcher(regex, null);
    }

    private static Matcher re2(String regex, Check check) {
        return new Re2Matcher(regex, check);
    }

    /** A test of the secret part of a match: the first group, or the whole match when there is none. */
    @FunctionalInterface
    interface Check {
        boolean accept(String s, int from, int to);
    }

    private static boolean hasDigitAndLetter(String s, int from, int to) {
        boolean digit = false;
        boolean letter = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            digit |= c >= '0' && c <= '9';
            letter |= c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return digit && letter;
    }

    /**
     * An RE2/J pattern, compiled on first use (a benign race: two threads may both compile it, and
     * either result is the same immutable, thread-safe pattern). A group-1 placeholder or a failed
     * {@link Check} rejects a match and the search goes on after it, at most {@link #MAX_MATCHES}
     * times, so a row stays linear in the string however many near-misses it holds.
     */
    static final class Re2Matcher implements Matcher {
        static final int MAX_MATCHES = 64;
        private final String regex;
        private final Check check;
        private volatile com.google.re2j.Pattern pattern;

        Re2Matcher(String regex, Check check) {
            this.regex = regex;
            this.check = check;
        }

        @Override
        public boolean find(String s) {
            com.google.re2j.Pattern compiled = pattern;
            if (compiled == null) {
                compiled = com.google.re2j.Pattern.compile(regex);
                pattern = compiled;
            }
            com.google.re2j.Matcher m = compiled.matcher(s);
            boolean group = m.groupCount() >= 1;
            for (int k = 0; k < MAX_MATCHES && m.find(); k++) {
                int from = group ? m.start(1) : m.start();
                int to = group ? m.end(1) : m.end();
                if (group && SecretMatchers.isUrlPlaceholder(s, from, to)) {
                    continue;
                }
                if (check == null || check.accept(s, from, to)) {
                    return true;
                }
            }
            return false;
        }
    }
}
