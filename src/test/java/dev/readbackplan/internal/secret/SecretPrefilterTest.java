package dev.readbackplan.internal.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.internal.secret.SecretScanner.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pre-filter of {@link SecretScanner} (markers, length, keywords) only skips work: on any string,
 * {@link SecretScanner#scan(String)} reports what running every row's matcher in table order reports.
 */
class SecretPrefilterTest {

    /** The first row whose matcher accepts {@code s}, with no pre-filter at all. */
    private static Kind everyRow(String s) {
        for (SecretRules.Rule rule : SecretRules.TABLE) {
            if (rule.matcher().find(s)) {
                return rule.kind();
            }
        }
        return null;
    }

    /** Separators, token bodies and the pieces of every row's shape; the table's keywords are added in any case. */
    private static final List<String> PIECES = List.of(":", "=", "@", "/", "//", "://", "-", ".", "_", " ", "\t", "\n",
            "\r\n", "\"", "'", "{", "}", "[", "]", "?", "&", "#", ",", ";", "\uFF1A", "\uFF1D", "\uD83D\uDEA8", "監",
            "x", "a", "A", "0", "1", "123456789", "1234567890", "A".repeat(35), "x".repeat(20), "x".repeat(36),
            "0123456789abcdef".repeat(2), "0123456789abcdef".repeat(4), "Fake0Token1For2Tests3Only4Xx5Yy6",
            "fake0token1for2tests3only", "RmFrZUtleUZvclRlc3RzT25seQ", "==", "0a1b2c3d", "hbGciOiJIUzI1NiJ9",
            "0123abcd-0000-4000-8000-0123456789ab", "BEGIN ", "PRIVATE KEY", "-----", "EXAMPLEEXAMPLE12",
            "https://", "postgres://u:p@host/db", "discord.com/api/webhooks/123/", "hooks.slack.com/services/",
            "api.telegram.org/bot", "open.feishu.cn", "/open-apis/bot/v2/hook/", "events.pagerduty.com/integration/",
            "chat.example.com", "/hooks/", "fake0hook1for2tests3only4x", "o123.ingest.sentry.io/456", "token=",
            "password=", "api_key: ", "routing_key: ", "service-key=", "Authorization: ", "Bearer ", "basic ",
            "dXNlcjpwYXNz", "${TOKEN}", "<redacted>", "{\"a\":", "\"receiver\"", "one\ntwo\nthree\nfour");

    private static List<String> pieces() {
        List<String> pieces = new ArrayList<>(PIECES);
        for (SecretRules.Rule rule : SecretRules.TABLE) {
            for (String keyword : rule.keywords()) {
                pieces.add(keyword);
                pieces.add(keyword.toUpperCase(java.util.Locale.ROOT));
                pieces.add(Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1));
            }
        }
        return pieces;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 2L, 3L, 20261128L})
    void sameFindingAsEveryRowInOrder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> pieces = pieces();
        Set<String> reached = new TreeSet<>();
        for (int k = 0; k < 20_000; k++) {
            StringBuilder value = new StringBuilder();
            for (int parts = 1 + random.nextInt(12); parts > 0; parts--) {
                value.append(pieces.get(random.nextInt(pieces.size())));
            }
            String text = value.toString();
            Kind expected = everyRow(text);
            // The message names the case by number only: the text may be secret-shaped.
            assertEquals(expected, SecretScanner.scan(text), "case " + k);
            if (expected != null) {
                reached.add(expected.ruleId());
            }
        }
        // Not vacuous: random strings reach most rows.
        assertTrue(reached.size() >= SecretScanner.rules().size() / 2, reached.toString());
    }

    /**
     * The keyword pass by its definition: a row with keywords stays when one of them occurs, its first
     * character as written (or, for a keyword in any case, in the other ASCII case) and the rest compared
     * as the row says; a row without keywords always stays.
     */
    private static int rowsWithAKeyword(String s, int rows) {
        int kept = 0;
        for (int r = 0; r < SecretRules.TABLE.length; r++) {
            SecretRules.Rule rule = SecretRules.TABLE[r];
            if ((rows & 1 << r) == 0) {
                continue;
            }
            boolean found = rule.keywords().length == 0;
            for (int k = 0; k < rule.keywords().length && !found; k++) {
                String word = rule.keywords()[k];
                boolean anyCase = rule.keywordsAnyCase()[k];
                for (int i = 0; i + word.length() <= s.length() && !found; i++) {
                    char first = s.charAt(i);
                    boolean firstMatches = first == word.charAt(0)
                            || anyCase && first < 128 && first == Character.toUpperCase(word.charAt(0));
                    found = firstMatches && (anyCase ? s.regionMatches(true, i + 1, word, 1, word.length() - 1)
                            : s.startsWith(word, i));
                }
            }
            kept |= found ? 1 << r : 0;
        }
        return kept;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5L, 6L, 20261202L})
    void keywordPassKeepsExactlyTheRowsOneOfWhoseKeywordsOccurs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> pieces = pieces();
        // Characters that fold to ASCII letters in any case (the Kelvin sign, the long s, the dotted I),
        // which the pass must not take for a keyword's first character.
        pieces.addAll(List.of("\u212A", "\u017F", "\u0130", "\u0131", "K", "k", "s", "S"));
        int allRows = (1 << SecretRules.TABLE.length) - 1;
        int kept = 0;
        for (int k = 0; k < 20_000; k++) {
            StringBuilder value = new StringBuilder();
            for (int parts = 1 + random.nextInt(8); parts > 0; parts--) {
                value.append(pieces.get(random.nextInt(pieces.size())));
            }
            String text = value.toString();
            int expected = rowsWithAKeyword(text, allRows);
            assertEquals(expected, SecretRules.withKeywords(text, SecretScanner.markers(text), allRows), "case " + k);
            kept |= expected & ~rowsWithAKeyword("", allRows);
        }
        // Not vacuous: every row with keywords was kept by some case.
        int keywordRows = allRows & ~rowsWithAKeyword("", allRows);
        assertEquals(keywordRows, kept);
    }

    @Test
    void keywordsInAnyCaseAndTheShortestGitHubToken() {
        // A fine-grained GitHub token's shortest match is 33 characters.
        assertEquals("github-token", id(SecretScanner.scan("github_pat_" + "x".repeat(22))));
        String token = "fake0token1for2tests3only";
        String key = "0123456789abcdef".repeat(2);
        assertEquals("authorization-header", id(SecretScanner.scan("AUTHORIZATION: BEARER " + token)));
        assertEquals("authorization-header", id(SecretScanner.scan("authorization: token " + token)));
        assertEquals("pagerduty-integration-key", id(SecretScanner.scan("ROUTING_KEY: " + key)));
        assertEquals(null, SecretScanner.scan("routing_ke: " + key));
    }

    private static String id(Kind kind) {
        return kind == null ? null : kind.ruleId();
    }
}
