package dev.readbackplan.internal.secret;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The hand-written matchers of the {@link SecretRules} table and the value policy they share.
 * Stateless and thread-safe. Internal API.
 *
 * <p>Each matcher is anchored on a rare marker (a separator, {@code "://"}, {@code "eyJ"},
 * {@code "----"}, a token prefix) and reads a bounded stretch around it ({@link #MAX_VALUE}
 * characters at most for a value, {@link #MAX_PATH_SEGMENTS} path segments, a fixed token length),
 * or, for the JSON and line-break checks, makes one forward pass with an explicit stack. None
 * backtracks, so each is linear in the length of the string by construction.
 */
final class SecretMatchers {

    /** The secret after the colon of a Telegram bot token. */
    private static final int TELEGRAM_SECRET_LENGTH = 35;
    private static final int AWS_KEY_ID_LENGTH = 20;
    private static final int GITHUB_TOKEN_MIN_BODY = 36;
    static final String GITHUB_PAT_PREFIX = "github_pat_";
    /** A fine-grained token's first part is 22 characters; a snake_case name has no such long word. */
    private static final int GITHUB_PAT_MIN_BODY = 22;
    private static final int GITLAB_TOKEN_MIN_BODY = 20;
    static final String GITLAB_RUNNER_REGISTRATION_PREFIX = "GR1348941";
    private static final int SLACK_TOKEN_MIN_BODY = 10;
    /** Slack bodies start with numeric team and user ids, so a digit shows up well within this. */
    private static final int SLACK_DIGIT_WINDOW = 64;
    private static final int SENTRY_KEY_LENGTH = 32;
    /** Longest PEM label looked at, such as "SSH2 ENCRYPTED PRIVATE KEY". */
    private static final int MAX_PEM_LABEL = 64;
    /**
     * A placeholder is short, so a longer value is never one. Every value scan stops here, which keeps
     * the rules linear even on strings made of nothing but separators and quotes.
     */
    private static final int MAX_VALUE = 256;
    /** Real webhook paths have at most five segments after their marker; a deeper one is not trusted. */
    private static final int MAX_PATH_SEGMENTS = 8;
    /** Query parameter names are looked at up to this length, which covers every name matched. */
    private static final int MAX_PARAMETER_NAME = 32;
    /** After an unquoted "key:", a bare word shorter than this is read as prose, not as a value. */
    private static final int MIN_COLON_VALUE = 8;
    private static final int MIN_BEARER_TOKEN = 16;
    /** One base64 quantum, "u:p"; the decoded text must still be printable and hold a colon. */
    private static final int MIN_BASIC_CREDENTIALS = 4;

    private static final List<String> PLACEHOLDER_WORDS = List.of(
            "redacted", "masked", "hidden", "removed", "omitted", "none", "null", "nil", "n/a",
            "empty", "unset", "undefined", "true", "false");
    /** Characters that only mask a value: {@code ***}, {@code xxxx}, {@code ...}, bullets. */
    private static final String MASK_CHARACTERS = "*xX.-_#\u2022\u25CF\u2026";
    /** Sentence punctuation that may follow a value without being part of it. */
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]";
    /** The GitLab token prefixes; also the keywords of the gitlab-token row. */
    static final List<String> GITLAB_PREFIXES = List.of(
            "glpat-", "gldt-", "glrt-", "glrtr-", "glptt-", "glft-", "glimt-", "glcbt-", "gloas-",
            "glsoat-", "glagent-", "glffct-", "glwt-");
    /** The Slack token prefixes; also the keywords of the slack-token row. */
    static final List<String> SLACK_PREFIXES = List.of(
            "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxe.xoxp-", "xapp-");
    // What ends a value besides whitespace and quotes, by context.
    private static final String ASSIGNMENT_STOPS = ",;&\uFF0C\uFF1B\u3001\u3002\uFF09";
    private static final String QUERY_STOPS = "&#;";
    private static final String PATH_STOPS = "/?#";
    private static final String QUERY_NAME_STOPS = "?&;#/=";
    private static final List<String> JSON_LITERALS = List.of("true", "false", "null");


    private SecretMatchers() {}

    /** Line breaks: {@code \n}, {@code \r\n} and a lone {@code \r} count one each. */
    static int lineBreaks(String s) {
        int n = s.length();
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == n || s.charAt(i + 1) != '\n')) {
                count++;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------- token shapes

    /** {@code <8-10 digits>:<35 token chars>}: no digit before the digits, no token character after the secret. */
    static boolean hasTelegramBotToken(String s) {
        int n = s.length();
        for (int colon = s.indexOf(':'); colon >= 0; colon = s.indexOf(':', colon + 1)) {
            int digits = 0;
            while (digits <= 10 && colon - digits > 0 && isDigit(s.charAt(colon - digits - 1))) {
                digits++;
            }
            if (digits < 8 || digits > 10) {
                continue;
            }
            int end = colon + 1 + TELEGRAM_SECRET_LENGTH;
            if (end > n) {
                return false; // every later colon has even less room
            }
            int i = colon + 1;
            while (i < end && isTokenChar(s.charAt(i))) {
                i++;
            }
            if (i == end && (end == n || !isTokenChar(s.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** A {@code ----BEGIN <label> PRIVATE KEY[ BLOCK]----} header (4 or more dashes, any case) or a PuTTY key file. */
    static boolean hasPrivateKeyBlock(String s) {
        if (s.contains("PuTTY-User-Key-File-")) {
            return true;
        }
        int n = s.length();
        int from = 0;
        for (int dashes = s.indexOf("----"); dashes >= 0; dashes = s.indexOf("----", from)) {
            int i = dashes + 4;
            while (i < n && s.charAt(i) == '-') {
                i++;
            }
            from = i;
            if (i < n && s.charAt(i) == ' ') {
                i++; // "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----"
            }
            if (!s.regionMatches(true, i, "BEGIN ", 0, 6)) {
                continue;
            }
            int labelStart = i + 6;
            int labelEnd = labelStart;
            int limit = Math.min(n, labelStart + MAX_PEM_LABEL);
            while (labelEnd < limit && s.charAt(labelEnd) != '-') {
                labelEnd++;
            }
            if (!s.startsWith("----", labelEnd)) {
                continue;
            }
            while (labelEnd > labelStart && s.charAt(labelEnd - 1) == ' ') {
                labelEnd--;
            }
            if (endsWithIgnoreCase(s, labelStart, labelEnd, "PRIVATE KEY")
                    || endsWithIgnoreCase(s, labelStart, labelEnd, "PRIVATE KEY BLOCK")) {
                return true;
            }
        }
        return false;
    }

    /** {@code AKIA|ASIA|ABIA|ACCA} and 16 of {@code [A-Z0-9]}, with no ASCII letter or digit on either side. */
    static boolean hasAwsAccessKeyId(String s) {
        int n = s.length();
        for (int i = s.indexOf('A'); i >= 0 && i + AWS_KEY_ID_LENGTH <= n; i = s.indexOf('A', i + 1)) {
            if (i > 0 && isAsciiLetterOrDigit(s.charAt(i - 1))) {
                continue;
            }
            if (!(s.startsWith("AKIA", i) || s.startsWith("ASIA", i) || s.startsWith("ABIA", i)
                    || s.startsWith("ACCA", i))) {
                continue;
            }
            int end = i + AWS_KEY_ID_LENGTH;
            int j = i + 4;
            while (j < end && (isDigit(s.charAt(j)) || isUpper(s.charAt(j)))) {
                j++;
            }
            if (j == end && (end == n || !isAsciiLetterOrDigit(s.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code gh[pousr]_} and 36+ letters or digits, or {@code github_pat_} and a run of 22+ letters or
     * digits; no letter or digit before the prefix.
     */
    static boolean hasGitHubToken(String s) {
        int n = s.length();
        for (int i = s.indexOf('g'); i >= 0; i = s.indexOf('g', i + 1)) {
            if (i > 0 && isAsciiLetterOrDigit(s.charAt(i - 1))) {
                continue;
            }
            if (i + 4 <= n && s.charAt(i + 1) == 'h' && "pousr".indexOf(s.charAt(i + 2)) >= 0
                    && s.charAt(i + 3) == '_') {
                if (letterOrDigitRun(s, i + 4, GITHUB_TOKEN_MIN_BODY) == GITHUB_TOKEN_MIN_BODY) {
                    return true;
                }
            } else if (s.startsWith(GITHUB_PAT_PREFIX, i) && letterOrDigitRun(
                    s, i + GITHUB_PAT_PREFIX.length(), GITHUB_PAT_MIN_BODY) == GITHUB_PAT_MIN_BODY) {
                return true;
            }
        }
        return false;
    }

    /** A GitLab token prefix and 20+ of {@code [A-Za-z0-9_-]}; no letter or digit before the prefix. */
    static boolean hasGitLabToken(String s) {
        for (int i = s.indexOf("gl"); i >= 0; i = s.indexOf("gl", i + 1)) {
            if (i > 0 && isAsciiLetterOrDigit(s.charAt(i - 1))) {
                continue;
            }
            for (String prefix : GITLAB_PREFIXES) {
                if (s.startsWith(prefix, i) && tokenRunAt(s, i + prefix.length())) {
                    return true;
                }
            }
        }
        String runner = GITLAB_RUNNER_REGISTRATION_PREFIX;
        for (int i = s.indexOf(runner); i >= 0; i = s.indexOf(runner, i + 1)) {
            if ((i == 0 || !isAsciiLetterOrDigit(s.charAt(i - 1))) && tokenRunAt(s, i + runner.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean tokenRunAt(String s, int from) {
        int end = Math.min(s.length(), from + GITLAB_TOKEN_MIN_BODY);
        int i = from;
        while (i < end && isTokenChar(s.charAt(i))) {
            i++;
        }
        return i - from == GITLAB_TOKEN_MIN_BODY;
    }

    /** A Slack prefix and a body of 10+ of {@code [A-Za-z0-9-]} holding a digit; no letter or digit before. */
    static boolean hasSlackToken(String s) {
        int n = s.length();
        for (int i = s.indexOf('x'); i >= 0; i = s.indexOf('x', i + 1)) {
            if (i > 0 && isAsciiLetterOrDigit(s.charAt(i - 1))) {
                continue;
            }
            for (String prefix : SLACK_PREFIXES) {
                if (!s.startsWith(prefix, i)) {
                    continue;
                }
                int from = i + prefix.length();
                int limit = Math.min(n, from + SLACK_DIGIT_WINDOW);
                int j = from;
                boolean digit = false;
                while (j < limit && (isAsciiLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-')) {
                    digit |= isDigit(s.charAt(j));
                    j++;
                }
                if (digit && j - from >= SLACK_TOKEN_MIN_BODY) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code eyJ<base64url>.eyJ<base64url>.<base64url>}; the signature may be empty (an unsecured JWT). */
    static boolean hasJwt(String s) {
        int n = s.length();
        int from = 0;
        for (int header = s.indexOf("eyJ"); header >= 0; header = s.indexOf("eyJ", from)) {
            int headerEnd = base64UrlRunEnd(s, header + 3);
            // An "eyJ" inside this run ends at the same place and would fail the same way.
            from = headerEnd;
            if (headerEnd >= n || s.charAt(headerEnd) != '.' || !s.startsWith("eyJ", headerEnd + 1)) {
                continue;
            }
            int payloadEnd = base64UrlRunEnd(s, headerEnd + 4);
            if (payloadEnd < n && s.charAt(payloadEnd) == '.') {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- URLs

    /** {@code ://<32 hex>[:<32 hex>]@}: the key (and legacy secret) of a Sentry DSN. */
    static boolean hasSentryDsnWithKey(String s) {
        int n = s.length();
        for (int p = s.indexOf("://"); p >= 0; p = s.indexOf("://", p + 3)) {
            int keyEnd = hexRunEnd(s, p + 3);
            if (keyEnd - (p + 3) != SENTRY_KEY_LENGTH) {
                continue;
            }
            if (keyEnd < n && s.charAt(keyEnd) == ':') {
                int secretEnd = hexRunEnd(s, keyEnd + 1);
                if (secretEnd - (keyEnd + 1) != SENTRY_KEY_LENGTH) {
                    continue;
                }
                keyEnd = secretEnd;
            }
            if (keyEnd < n && s.charAt(keyEnd) == '@') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code ://<user>:<password>@}, or the scheme-relative {@code //<user>:<password>@} at the start of
     * the string or after a character that is not part of a path: the user may be empty, the password
     * must not be a placeholder ({@link #isUrlPlaceholder}: {@code {password}}, {@code PASSWORD},
     * {@code <redacted>}, {@code ${DB_PASSWORD}}, {@code ***}...).
     */
    static boolean hasUrlWithCredentials(String s) {
        int n = s.length();
        for (int p = s.indexOf("//"); p >= 0; p = s.indexOf("//", p + 2)) {
            if (p > 0) {
                char before = s.charAt(p - 1);
                if (before != ':' && (isAsciiLetterOrDigit(before) || before == '/' || before == '.'
                        || before == '-' || before == '_')) {
                    continue; // "a//b" is a path, not an authority
                }
            }
            int start = p + 2;
            int at = -1;
            // The authority ends at the first '/', so it never reaches the next "://".
            for (int i = start; i < n && !endsAuthority(s.charAt(i)); i++) {
                if (s.charAt(i) == '@') {
                    at = i;
                }
            }
            for (int i = start; i < at; i++) {
                if (s.charAt(i) == ':') {
                    if (!isUrlPlaceholder(s, i + 1, at)) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    /** A Slack, Discord, Telegram or Microsoft Teams/Office webhook URL whose token is not a placeholder. */
    static boolean hasKnownWebhookUrl(String s) {
        for (int slash = s.indexOf('/'); slash >= 0; slash = s.indexOf('/', slash + 1)) {
            char last = slash > 0 ? toLowerAscii(s.charAt(slash - 1)) : ' ';
            if (last != 'm' && last != 'g') {
                continue; // every known host ends in .com or .org
            }
            int path = slash + 1;
            if (hostEndsAt(s, slash, "hooks.slack.com")) {
                int rest = afterSegment(s, path, "services");
                rest = rest >= 0 ? rest : afterSegment(s, path, "workflows");
                rest = rest >= 0 ? rest : afterSegment(s, path, "triggers");
                if (rest >= 0 && lastSegmentIsSecret(s, rest)) {
                    return true;
                }
            } else if (hostEndsAt(s, slash, "discord.com") || hostEndsAt(s, slash, "discordapp.com")) {
                if (discordTokenIsSecret(s, path)) {
                    return true;
                }
            } else if (hostEndsAt(s, slash, "api.telegram.org")) {
                int bot = afterSegment(s, path, "file");
                bot = bot >= 0 ? bot : path;
                if (s.regionMatches(true, bot, "bot", 0, 3)
                        && !isUrlPlaceholder(s, bot + 3, valueEnd(s, bot + 3, PATH_STOPS))) {
                    return true;
                }
            } else if (hostEndsAt(s, slash, "webhook.office.com") || hostEndsAt(s, slash, "outlook.office.com")
                    || hostEndsAt(s, slash, "outlook.office365.com")) {
                int rest = afterSegment(s, path, "webhook");
                rest = rest >= 0 ? rest : afterSegment(s, path, "webhookb2");
                if (rest >= 0 && lastSegmentIsSecret(s, rest)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code /api/[v<n>/]webhooks/<id>/<token>} with a token that is not a placeholder. */
    private static boolean discordTokenIsSecret(String s, int path) {
        int n = s.length();
        int i = afterSegment(s, path, "api");
        if (i < 0) {
            return false;
        }
        if (i < n && toLowerAscii(s.charAt(i)) == 'v') {
            int j = i + 1;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            if (j > i + 1 && j < n && s.charAt(j) == '/') {
                i = j + 1;
            }
        }
        i = afterSegment(s, i, "webhooks");
        if (i < 0) {
            return false;
        }
        int idEnd = valueEnd(s, i, PATH_STOPS);
        if (idEnd == i || idEnd >= n || s.charAt(idEnd) != '/') {
            return false;
        }
        return !isUrlPlaceholder(s, idEnd + 1, valueEnd(s, idEnd + 1, PATH_STOPS));
    }

    /**
     * Whether the last non-empty segment of the path from {@code from} is a value rather than a
     * placeholder. Only {@link #MAX_PATH_SEGMENTS} segments are read; a deeper path counts as secret.
     */
    private static boolean lastSegmentIsSecret(String s, int from) {
        int n = s.length();
        int lastStart = -1;
        int lastEnd = -1;
        int i = from;
        for (int count = 0; count < MAX_PATH_SEGMENTS; count++) {
            int end = valueEnd(s, i, PATH_STOPS);
            if (end > i) {
                lastStart = i;
                lastEnd = end;
            }
            if (end >= n || s.charAt(end) != '/') {
                return lastStart >= 0 && !isUrlPlaceholder(s, lastStart, lastEnd);
            }
            i = end + 1;
        }
        return true;
    }

    /** The index after {@code name/} when the path segment at {@code at} is {@code name} (any case), else -1. */
    private static int afterSegment(String s, int at, String name) {
        int end = at + name.length();
        return end < s.length() && s.charAt(end) == '/' && s.regionMatches(true, at, name, 0, name.length())
                ? end + 1 : -1;
    }

    /** Whether {@code host} (any case) ends at {@code end} as a whole host name or as the parent of a subdomain. */
    private static boolean hostEndsAt(String s, int end, String host) {
        int start = end - host.length();
        if (start < 0 || !s.regionMatches(true, start, host, 0, host.length())) {
            return false;
        }
        if (start == 0) {
            return true;
        }
        char before = s.charAt(start - 1);
        return before == '.' || !(isAsciiLetterOrDigit(before) || before == '-');
    }

    /**
     * A URL ({@code ://}) whose query or fragment has a secret parameter with a value that is not a
     * placeholder: {@code key}, {@code sig}, {@code sentry_key}, a name ending in {@code signature}, or
     * a name ending like a secret key ({@code token}, {@code access_token}, {@code api_key},
     * {@code apikey}, {@code secret}, {@code password}...).
     */
    static boolean hasUrlQuerySecret(String s) {
        int n = s.length();
        int from = 0;
        for (int p = s.indexOf("://"); p >= 0; p = s.indexOf("://", from)) {
            int query = -1;
            int end = p + 3;
            while (end < n && !endsUrl(s.charAt(end))) {
                char c = s.charAt(end);
                if (query < 0 && (c == '?' || c == '#')) {
                    query = end;
                }
                end++;
            }
            if (query >= 0 && hasSecretParameter(s, query + 1, end)) {
                return true;
            }
            // A "://" nested in this URL (a redirect target, say) has its parameters read above.
            from = end;
        }
        return false;
    }

    private static boolean hasSecretParameter(String s, int from, int to) {
        for (int eq = from; eq < to; eq++) {
            if (s.charAt(eq) != '=') {
                continue;
            }
            int nameStart = eq;
            while (nameStart > from && eq - nameStart < MAX_PARAMETER_NAME
                    && QUERY_NAME_STOPS.indexOf(s.charAt(nameStart - 1)) < 0) {
                nameStart--;
            }
            int keyClass = parameterClass(s, nameStart, eq);
            if (keyClass != NOT_SECRET && keyClass != PAGERDUTY
                    && isCredential(s, eq + 1, valueEnd(s, eq + 1, QUERY_STOPS), keyClass, false, true)) {
                return true;
            }
        }
        return false;
    }

    /** {@code key}, {@code sig}, {@code sentry_key} and names ending in {@code signature} are tokens; else {@link #keyClass}. */
    private static int parameterClass(String s, int from, int to) {
        if (equalsIgnoreCase(s, from, to, "key") || equalsIgnoreCase(s, from, to, "sig")
                || equalsIgnoreCase(s, from, to, "sentry_key") || endsWithIgnoreCase(s, from, to, "signature")) {
            return TOKEN;
        }
        return keyClass(s, to);
    }

    // ---------------------------------------------------------------- values after a secret key word

    // Key classes: what the key word says the value is, which decides how much of a value counts.
    static final int NOT_SECRET = 0;
    /** {@code password}, {@code passwd}, {@code passphrase}, {@code pwd}: chosen by people, so any value counts. */
    static final int PASSWORD = 1;
    /** {@code secret}: also how Kubernetes and Helm name a Secret object, so a lower-case name is a reference. */
    static final int SECRET = 2;
    /** {@code token}, {@code bearer}, {@code api_key}, {@code access_key}, {@code license_key}...: machine-made values. */
    static final int TOKEN = 3;
    /** {@code cookie}: a cookie attribute ({@code SameSite=Lax}) is not a value. */
    static final int COOKIE = 4;
    /** {@code routing_key}, {@code service_key}, {@code integration_key}: PagerDuty's, in Alertmanager's own field names. */
    static final int PAGERDUTY = 5;

    private static final List<String> COOKIE_ATTRIBUTES = List.of(
            "samesite", "secure", "httponly", "path", "domain", "max-age", "expires", "partitioned", "priority");
    private static final List<String> BOOLEAN_WORDS = List.of(
            "true", "false", "on", "off", "yes", "no", "enabled", "disabled", "required", "optional");
    /** A credential shorter than this is a word, not a machine-made value (passwords excepted). */
    static final int MIN_CREDENTIAL = 8;
    /** A run of letters this long is a random token even without digits or symbols. */
    static final int MIN_LETTERS_ONLY_CREDENTIAL = 24;
    /** Mixed case without digits or symbols counts from this length (CamelCase words are shorter). */
    static final int MIN_MIXED_CASE_CREDENTIAL = 16;

    /** A secret-assignment row: a password, secret, token or cookie key with a credential after it. */
    static boolean hasSecretAssignment(String s) {
        return hasKeyedValue(s, false);
    }

    /** The PagerDuty row: a {@code routing_key}, {@code service_key} or {@code integration_key} with a credential. */
    static boolean hasPagerDutyKeyAssignment(String s) {
        return hasKeyedValue(s, true);
    }

    /**
     * {@code <key>=<value>} or {@code <key>:<value>} (also the full-width {@code ＝} and {@code ：})
     * where the key ends like a secret key ({@link #keyClass}) and the value is a credential by
     * {@link #isCredential}. The key may be quoted; an unquoted {@code key:} followed by an unquoted
     * word is also how prose introduces a topic, so that word must also pass {@link #looksLikeSecret}.
     */
    private static boolean hasKeyedValue(String s, boolean pagerDuty) {
        return hasKeyedValue(s, '=', false, pagerDuty) || hasKeyedValue(s, ':', true, pagerDuty)
                || hasKeyedValue(s, '\uFF1D', false, pagerDuty) || hasKeyedValue(s, '\uFF1A', true, pagerDuty);
    }

    private static boolean hasKeyedValue(String s, char separator, boolean colon, boolean pagerDuty) {
        for (int i = s.indexOf(separator); i >= 0; i = s.indexOf(separator, i + 1)) {
            if (isKeyedValueAt(s, i, colon, pagerDuty)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKeyedValueAt(String s, int separator, boolean colon, boolean pagerDuty) {
        int keyEnd = separator;
        while (keyEnd > 0 && isBlank(s.charAt(keyEnd - 1))) {
            keyEnd--;
        }
        boolean quotedKey = keyEnd > 0 && isQuote(s.charAt(keyEnd - 1));
        if (quotedKey) {
            keyEnd--;
        }
        int keyClass = keyClass(s, keyEnd);
        if (keyClass == NOT_SECRET || (keyClass == PAGERDUTY) != pagerDuty) {
            return false;
        }
        int n = s.length();
        int v = separator + 1;
        while (v < n && isBlank(s.charAt(v))) {
            v++;
        }
        if (v < n && isQuote(s.charAt(v))) {
            char quote = s.charAt(v);
            int limit = Math.min(n, v + 2 + MAX_VALUE);
            int end = v + 1;
            while (end < limit && s.charAt(end) != quote && !isLineBreak(s.charAt(end))) {
                end++;
            }
            return isCredential(s, v + 1, end, keyClass, false, false);
        }
        int end = valueEnd(s, v, ASSIGNMENT_STOPS);
        return isCredential(s, v, end, keyClass, colon && !quotedKey, false);
    }

    /**
     * The class of the key that ends at {@code end}, by how it ends, in any case: {@code password},
     * {@code passwd}, {@code passphrase}, {@code pwd} ({@link #PASSWORD}); {@code secret}
     * ({@link #SECRET}); {@code token}, {@code bearer}, {@code secret_key_base}, or {@code api},
     * {@code access}, {@code private}, {@code secret} or {@code license} followed by {@code key}
     * (directly, or after '_' or '-') ({@link #TOKEN}); {@code cookie} ({@link #COOKIE});
     * {@code routing}, {@code service} or {@code integration} followed by {@code key}
     * ({@link #PAGERDUTY}). Pagination cursors ({@code page_token}, {@code pageToken},
     * {@code next_token}, {@code continuation_token}) are not secrets. Matching the end of the key makes
     * {@code api_token} and {@code DB_PASSWORD} secret keys and leaves {@code token_count} and
     * {@code max_tokens} alone. Dispatching on the last letter keeps the common miss to one comparison.
     */
    static int keyClass(String s, int end) {
        if (end == 0) {
            return NOT_SECRET;
        }
        return switch (toLowerAscii(s.charAt(end - 1))) {
            case 'd' -> keyEndsWith(s, end, "password") || keyEndsWith(s, end, "passwd") || keyEndsWith(s, end, "pwd")
                    ? PASSWORD : NOT_SECRET;
            case 'e' -> keyEndsWith(s, end, "passphrase") ? PASSWORD
                    : keyEndsWith(s, end, "cookie") ? COOKIE
                    : keyEndsWith(s, end, "base") && endsWithWords(s, end - 4, "secret", "key") ? TOKEN
                    : NOT_SECRET;
            case 't' -> keyEndsWith(s, end, "secret") ? SECRET : NOT_SECRET;
            case 'n' -> keyEndsWith(s, end, "token") && !isPaginationToken(s, end - 5) ? TOKEN : NOT_SECRET;
            case 'r' -> keyEndsWith(s, end, "bearer") ? TOKEN : NOT_SECRET;
            case 'y' -> keyNameClass(s, end);
            // Prometheus' and Alertmanager's authorization.credentials
            case 's' -> keyEndsWith(s, end, "credentials") ? TOKEN : NOT_SECRET;
            default -> NOT_SECRET;
        };
    }

    /** {@code <word>key} with {@code _} or {@code -} or nothing between. */
    private static int keyNameClass(String s, int end) {
        if (!keyEndsWith(s, end, "key")) {
            return NOT_SECRET;
        }
        int word = skipWordSeparator(s, end - 3);
        if (keyEndsWith(s, word, "api") || keyEndsWith(s, word, "access") || keyEndsWith(s, word, "private")
                || keyEndsWith(s, word, "secret") || keyEndsWith(s, word, "license")) {
            return TOKEN;
        }
        if (keyEndsWith(s, word, "routing") || keyEndsWith(s, word, "service") || keyEndsWith(s, word, "integration")) {
            return PAGERDUTY;
        }
        return NOT_SECRET;
    }

    /** Whether the key ends at {@code end} with {@code first} and {@code second} (separated or not). */
    private static boolean endsWithWords(String s, int end, String first, String second) {
        int i = skipWordSeparator(s, end);
        if (!keyEndsWith(s, i, second)) {
            return false;
        }
        return keyEndsWith(s, skipWordSeparator(s, i - second.length()), first);
    }

    private static int skipWordSeparator(String s, int end) {
        return end > 0 && (s.charAt(end - 1) == '_' || s.charAt(end - 1) == '-') ? end - 1 : end;
    }

    /** {@code page_token}, {@code nextPageToken}, {@code next_token}, {@code continuation_token}: cursors. */
    private static boolean isPaginationToken(String s, int wordStart) {
        int i = skipWordSeparator(s, wordStart);
        return keyEndsWith(s, i, "page") || keyEndsWith(s, i, "next") || keyEndsWith(s, i, "continuation")
                || keyEndsWith(s, i, "cursor");
    }

    /** Whether {@code s} ends at {@code end} with the lower-case {@code word}, compared in any case. */
    private static boolean keyEndsWith(String s, int end, String word) {
        int start = end - word.length();
        if (start < 0) {
            return false;
        }
        for (int i = word.length() - 1; i >= 0; i--) {
            if (toLowerAscii(s.charAt(start + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value policy: whether {@code s[from, to)}, the value after a key of class {@code keyClass},
     * is a credential rather than a reference to one.
     *
     * <p>A reference never counts, whatever the key: a placeholder ({@link #isPlaceholder}; in a URL
     * also {@link #isUrlPlaceholder}), a ticket or change id ({@code INC-2041}, {@code CHG-2026-0042}),
     * an issue reference ({@code owner/repo#12}), a filesystem path ({@code /run/secrets/db},
     * {@code ./x}, {@code ~/x}), a URI or store reference ({@code vault:kv/x}, {@code file:///x}), a
     * boolean ({@code true}, {@code on}, {@code disabled}...), or an environment reference.
     *
     * <p>Then, by class: after a {@link #PASSWORD} key any other value counts, {@code changeme} and
     * {@code x} included. After the other keys the value must look machine-made: at least
     * {@link #MIN_CREDENTIAL} characters, no blank, printable ASCII, and a digit with a letter, or a
     * symbol other than {@code - _ .}, or both cases from {@link #MIN_MIXED_CASE_CREDENTIAL} characters,
     * or {@link #MIN_LETTERS_ONLY_CREDENTIAL} letters or more. So small numbers and short words pass.
     * A lower-case resource name ({@code grafana-admin-credentials}, {@code loki-s3}: a first word of
     * letters, then words of letters or digits joined by {@code - . _}; a UUID is not one) is the name
     * of a Kubernetes Secret or a Helm {@code existingSecret}, not a value. After a {@link #COOKIE} key,
     * a cookie attribute ({@code SameSite=Lax}, {@code Path=/}) is not a value either. An unquoted word
     * after an unquoted {@code key:} ({@code prose}) must also pass {@link #looksLikeSecret}.
     */
    static boolean isCredential(String s, int from, int to, int keyClass, boolean prose, boolean url) {
        if (isReference(s, from, to) || url && isUrlPlaceholder(s, from, to)) {
            return false;
        }
        if (keyClass == PASSWORD) {
            return !prose || looksLikeSecret(s, from, to);
        }
        if (keyClass == COOKIE) {
            for (String attribute : COOKIE_ATTRIBUTES) {
                int end = from + attribute.length();
                if (s.regionMatches(true, from, attribute, 0, attribute.length())
                        && (end == to || s.charAt(end) == '=' || s.charAt(end) == ';')) {
                    return false;
                }
            }
        }
        int end = trimTrailingPunctuation(s, from, to);
        if (isResourceName(s, from, end) || !hasCredentialShape(s, from, end)) {
            return false;
        }
        return !prose || looksLikeSecret(s, from, to);
    }

    /** The character mix of a machine-made credential (see {@link #isCredential}). */
    static boolean hasCredentialShape(String s, int from, int to) {
        int length = to - from;
        if (length < MIN_CREDENTIAL) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (isUpper(c)) {
                upper = true;
            } else if (isDigit(c)) {
                digit = true;
            } else if (c != '-' && c != '_' && c != '.') {
                symbol = true;
            }
        }
        return digit && (lower || upper) || symbol || upper && lower && length >= MIN_MIXED_CASE_CREDENTIAL
                || length >= MIN_LETTERS_ONLY_CREDENTIAL && !digit;
    }

    /**
     * A lower-case name such as a Kubernetes object's: letters, then words of letters or digits joined
     * by {@code - . _}; not a UUID. A single word of letters is a name too (it has no digit, so it would
     * need {@link #MIN_LETTERS_ONLY_CREDENTIAL} letters to count anyway).
     */
    static boolean isResourceName(String s, int from, int to) {
        if (to - from < 1 || to - from > MAX_VALUE || !(s.charAt(from) >= 'a' && s.charAt(from) <= 'z')) {
            return false;
        }
        boolean firstWord = true;
        boolean separators = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '.' || c == '_') {
                if (i == from || i + 1 == to || !isLowerOrDigit(s.charAt(i + 1))) {
                    return false;
                }
                firstWord = false;
                separators = true;
            } else if (isDigit(c)) {
                if (firstWord) {
                    return false;
                }
            } else if (!(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return (separators || to - from < MIN_LETTERS_ONLY_CREDENTIAL) && !isUuid(s, from, to);
    }

    private static boolean isLowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || isDigit(c);
    }

    /** {@code 8-4-4-4-12} hex digits. */
    static boolean isUuid(String s, int from, int to) {
        if (to - from != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(from + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    /** The references of {@link #isCredential}, which never count after any key. */
    static boolean isReference(String s, int from, int to) {
        if (isPlaceholder(s, from, to)) {
            return true;
        }
        int end = trimTrailingPunctuation(s, from, to);
        if (end == from) {
            return true;
        }
        for (String word : BOOLEAN_WORDS) {
            if (equalsIgnoreCase(s, from, end, word)) {
                return true;
            }
        }
        return isTicketId(s, from, end) || isPath(s, from, end) || isStoreReference(s, from, end)
                || isIssueReference(s, from, end);
    }

    /** {@code INC-2041}, {@code CHG-2026-0042}, {@code OPS-7}: an upper-case project key and numbers. */
    static boolean isTicketId(String s, int from, int to) {
        int i = from;
        while (i < to && (isUpper(s.charAt(i)) || i > from && isDigit(s.charAt(i)))) {
            i++;
        }
        if (i - from < 2 || i - from > 16 || i == to) {
            return false;
        }
        while (i < to) {
            if (s.charAt(i) != '-' || i + 1 == to || !isDigit(s.charAt(i + 1))) {
                return false;
            }
            i = digitsEnd(s, i + 1, to);
        }
        return true;
    }

    /** An absolute, home or relative path: {@code /x}, {@code ~/x}, {@code ./x}, {@code ../x}. */
    private static boolean isPath(String s, int from, int to) {
        char first = s.charAt(from);
        return first == '/' && to - from > 1 && s.charAt(from + 1) != '/'
                || s.startsWith("~/", from) || s.startsWith("./", from) || s.startsWith("../", from);
    }

    /** {@code scheme:} and then a path with a '/': {@code vault:kv/monitoring/x}, {@code file:///run/x}. */
    private static boolean isStoreReference(String s, int from, int to) {
        int i = from;
        while (i < to && i - from <= MAX_PARAMETER_NAME && (isAsciiLetterOrDigit(s.charAt(i))
                || s.charAt(i) == '+' || s.charAt(i) == '.' || s.charAt(i) == '-')) {
            i++;
        }
        if (i == from || i >= to || s.charAt(i) != ':' || !isAsciiLetter(s.charAt(from))) {
            return false;
        }
        for (int j = i + 1; j < to; j++) {
            if (s.charAt(j) == '/') {
                return true;
            }
        }
        return false;
    }

    /** {@code owner/repo#123}. Reads only {@code s[from, to)}. */
    private static boolean isIssueReference(String s, int from, int to) {
        int slash = -1;
        int hash = -1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '/' && slash < 0 && hash < 0) {
                slash = i;
            } else if (c == '#' && hash < 0 && slash > from && i > slash + 1) {
                hash = i;
            } else if (hash >= 0 ? !isDigit(c) : !(isAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return hash >= 0 && hash + 1 < to;
    }

    /**
     * The test for a bare word after an unquoted {@code key:}: at least {@link #MIN_COLON_VALUE}
     * printable ASCII characters, no '/' or ':' (paths, URIs and references such as
     * {@code vault:kv/...} name where a secret is, they are not one), and at least one digit or symbol
     * other than {@code - _ .}. So {@code password: hunter2hunter2} counts and
     * {@code webhook secret: rotated} or {@code token：已輪替} do not.
     */
    static boolean looksLikeSecret(String s, int from, int to) {
        int end = trimTrailingPunctuation(s, from, to);
        if (end - from < MIN_COLON_VALUE) {
            return false;
        }
        boolean digitOrSymbol = false;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~' || c == '/' || c == ':') {
                return false;
            }
            if (!isAsciiLetter(c) && c != '-' && c != '_' && c != '.') {
                digitOrSymbol = true;
            }
        }
        return digitOrSymbol;
    }

    /**
     * {@code Bearer <token>} (16+ token68 characters with a digit) or {@code Basic <base64>} that decodes
     * to printable {@code user:password}; the scheme word is matched in any case, not inside a word.
     */
    static boolean hasAuthorizationCredentials(String s) {
        return hasAuthorizationCredentials(s, 'B') || hasAuthorizationCredentials(s, 'b') || hasAuthorizationToken(s);
    }

    /**
     * {@code Authorization: token <value>} (GitHub's and Gitea's scheme): only after the header name,
     * since "token" alone is an ordinary word. The value is read as a bearer token.
     */
    private static boolean hasAuthorizationToken(String s) {
        int n = s.length();
        for (int i = indexOfIgnoreCase(s, "authorization", 0); i >= 0; i = indexOfIgnoreCase(s, "authorization", i + 1)) {
            int j = i + "authorization".length();
            if (j < n && (isQuote(s.charAt(j)))) {
                j++;
            }
            j = skipBlanks(s, j);
            if (j >= n || s.charAt(j) != ':' && s.charAt(j) != '=') {
                continue;
            }
            j = skipBlanks(s, j + 1);
            if (j < n && isQuote(s.charAt(j))) {
                j++;
            }
            if (s.regionMatches(true, j, "token", 0, 5) && isBearerToken(s, j + 5)) {
                return true;
            }
        }
        return false;
    }

    /** {@code indexOf} ignoring ASCII case, for a lower-case {@code word}; linear for a fixed word. */
    static int indexOfIgnoreCase(String s, String word, int from) {
        int last = s.length() - word.length();
        char first = word.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = Math.max(0, from); i <= last; i++) {
            char c = s.charAt(i);
            if ((c == first || c == firstUpper) && s.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasAuthorizationCredentials(String s, char initial) {
        for (int i = s.indexOf(initial); i >= 0; i = s.indexOf(initial, i + 1)) {
            if (i > 0 && isAsciiLetter(s.charAt(i - 1))) {
                continue;
            }
            if (s.regionMatches(true, i, "bearer", 0, 6) && isBearerToken(s, i + 6)
                    || s.regionMatches(true, i, "basic", 0, 5) && isBasicCredentials(s, i + 5)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBearerToken(String s, int afterScheme) {
        int start = skipBlanks(s, afterScheme);
        if (start == afterScheme) {
            return false;
        }
        int limit = Math.min(s.length(), start + MAX_VALUE);
        int end = start;
        boolean digit = false;
        while (end < limit && isToken68Char(s.charAt(end))) {
            digit |= isDigit(s.charAt(end));
            end++;
        }
        return digit && end - start >= MIN_BEARER_TOKEN;
    }

    private static boolean isBasicCredentials(String s, int afterScheme) {
        int start = skipBlanks(s, afterScheme);
        if (start == afterScheme) {
            return false;
        }
        int n = s.length();
        int limit = Math.min(n, start + MAX_VALUE);
        int end = start;
        while (end < limit && (isAsciiLetterOrDigit(s.charAt(end)) || s.charAt(end) == '+' || s.charAt(end) == '/')) {
            end++;
        }
        for (int pad = 0; pad < 2 && end < limit && s.charAt(end) == '='; pad++) {
            end++;
        }
        // A length of 4k+1 is never base64; skipping it spares the decoder's exception on prose.
        if (end - start < MIN_BASIC_CREDENTIALS || (end - start) % 4 == 1 || end < n && isToken68Char(s.charAt(end))) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(s.substring(start, end));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        boolean colon = false;
        for (byte b : decoded) {
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
            colon |= b == ':';
        }
        return colon;
    }

    // ---------------------------------------------------------------- values and placeholders

    /**
     * Where the value that starts at {@code from} ends: at whitespace, a quote or one of {@code stops},
     * and never more than {@link #MAX_VALUE} + 1 characters on. A placeholder that opens the value
     * ({@code <...>}, {@code ${...}}, {@code {{...}}}) is read to its closing mark first, spaces included.
     */
    static int valueEnd(String s, int from, String stops) {
        int limit = Math.min(s.length(), from + MAX_VALUE + 1);
        int i = wrapperEnd(s, from, limit);
        while (i < limit && !endsValue(s.charAt(i), stops)) {
            i++;
        }
        return i;
    }

    private static int wrapperEnd(String s, int from, int limit) {
        String close;
        if (s.startsWith("{{", from)) {
            close = "}}";
        } else if (s.startsWith("${", from) || s.startsWith("{", from)) {
            close = "}";
        } else if (from < limit && s.charAt(from) == '<') {
            close = ">";
        } else {
            return from;
        }
        for (int i = from + 1; i + close.length() <= limit; i++) {
            if (isLineBreak(s.charAt(i))) {
                return from;
            }
            if (s.startsWith(close, i)) {
                return i + close.length();
            }
        }
        return from;
    }

    private static boolean endsValue(char c, String stops) {
        if (isAsciiLetterOrDigit(c)) {
            return false; // the common case, decided without looking at the stop list
        }
        return c <= ' ' || isQuote(c) || stops.indexOf(c) >= 0 || c > '~' && Character.isWhitespace(c);
    }

    /** Whether {@code s[from, to)} is a placeholder rather than a value, allowing trailing sentence punctuation. */
    static boolean isPlaceholder(String s, int from, int to) {
        if (isBarePlaceholder(s, from, to)) {
            return true;
        }
        int end = trimTrailingPunctuation(s, from, to);
        return end != to && isBarePlaceholder(s, from, end);
    }

    private static boolean isBarePlaceholder(String s, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return true;
        }
        if (length > MAX_VALUE) {
            return false;
        }
        char first = s.charAt(from);
        char last = s.charAt(to - 1);
        if (first == '<' && last == '>'
                || length >= 3 && s.startsWith("${", from) && last == '}'
                || length >= 4 && s.startsWith("{{", from) && s.startsWith("}}", to - 2)
                || isBraceName(s, from, to)
                || isEnvironmentReference(s, from, to)
                || isMaskOnly(s, from, to)
                || isDigestReference(s, from, to)) {
            return true;
        }
        // A word may sit in brackets: "[REDACTED]", "(none)", and "[redacted: see INC-1234]" cut at its space.
        int wordFrom = first == '[' || first == '(' ? from + 1 : from;
        int wordTo = length >= 2 && (first == '[' && last == ']' || first == '(' && last == ')') ? to - 1 : to;
        // "redacted" as a word: "redacted-by-ops", "[redacted: see INC-1234]", but not "redactedhunter2".
        if (wordTo - wordFrom >= 8 && s.regionMatches(true, wordFrom, "redacted", 0, 8)
                && (wordTo - wordFrom == 8 || !isAsciiLetterOrDigit(s.charAt(wordFrom + 8)))) {
            return true;
        }
        for (String word : PLACEHOLDER_WORDS) {
            if (equalsIgnoreCase(s, wordFrom, wordTo, word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A placeholder in a URL: any {@link #isPlaceholder}, or an all-caps word of letters and
     * underscores ({@code PASSWORD}, {@code YOUR_TOKEN}, {@code WEBHOOK_ID}), which in a URL is a
     * template's slot, not a value.
     */
    static boolean isUrlPlaceholder(String s, int from, int to) {
        if (isPlaceholder(s, from, to)) {
            return true;
        }
        int end = trimTrailingPunctuation(s, from, to);
        if (end - from < 2 || end - from > MAX_PARAMETER_NAME || !isUpper(s.charAt(from))) {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (!isUpper(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** {@code {name}}: a template slot ({@code bot{token}}, {@code :{password}@}). */
    private static boolean isBraceName(String s, int from, int to) {
        if (to - from < 3 || s.charAt(from) != '{' || s.charAt(to - 1) != '}') {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** {@code $NAME} with an upper-case shell variable name: a reference to where the secret is. */
    private static boolean isEnvironmentReference(String s, int from, int to) {
        if (to - from < 2 || s.charAt(from) != '$' || isDigit(s.charAt(from + 1))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!isUpper(c) && !isDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Mask characters only; with an 'x' at least three of them, since "x" alone is a (weak) value. */
    private static boolean isMaskOnly(String s, int from, int to) {
        boolean x = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (MASK_CHARACTERS.indexOf(c) < 0) {
                return false;
            }
            x |= c == 'x' || c == 'X';
        }
        return !x || to - from >= 3;
    }

    /**
     * {@code sha1:<40 hex>}, {@code sha256:<64 hex>}, {@code sha384:<96 hex>} or {@code sha512:<128 hex>}:
     * the digest of a secret, which is accepted evidence.
     */
    private static boolean isDigestReference(String s, int from, int to) {
        int prefix;
        int hexLength;
        if (s.regionMatches(true, from, "sha1:", 0, 5)) {
            prefix = 5;
            hexLength = 40;
        } else if (s.regionMatches(true, from, "sha256:", 0, 7)) {
            prefix = 7;
            hexLength = 64;
        } else if (s.regionMatches(true, from, "sha384:", 0, 7)) {
            prefix = 7;
            hexLength = 96;
        } else if (s.regionMatches(true, from, "sha512:", 0, 7)) {
            prefix = 7;
            hexLength = 128;
        } else {
            return false;
        }
        return to - from == prefix + hexLength && allHex(s, from + prefix, to);
    }

    private static int trimTrailingPunctuation(String s, int from, int to) {
        int end = to;
        while (end > from && TRAILING_PUNCTUATION.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    // ---------------------------------------------------------------- credentials in prose

    /** The qualifiers that make {@code key} a credential word: {@code api key}, {@code routing_key}, {@code apikey}... */
    private static final List<String> KEY_QUALIFIERS = List.of(
            "api", "access", "secret", "private", "routing", "integration", "service", "ingestion", "license",
            "auth", "signing", "app", "client");
    /** The words a sentence may put between a credential word and its value. */
    private static final List<String> PROSE_VERBS = List.of("is", "was", "are", "=", "->");
    /** A prose value of hex digits only counts from this length (a PagerDuty routing key has 32). */
    static final int MIN_PROSE_HEX = 16;

    /**
     * A credential word in a sentence with a value after it: {@code alice, password is Sup3rS3cret!},
     * {@code pw: Sup3rS3cret!}, {@code routing_key 0123456789abcdef0123456789abcdef}. The word
     * (any case, a whole word: {@code password}, {@code passwd}, {@code passphrase}, {@code pass},
     * {@code pwd}, {@code pw}, {@code secret}, {@code token}, {@code bearer}, or {@code key} after
     * one of {@link #KEY_QUALIFIERS} joined by a blank, {@code _}, {@code -} or nothing) is followed
     * by blanks, {@code :} or {@code =} (also full-width), or one of {@link #PROSE_VERBS}; then one
     * value, read to the next blank, quote or list separator, which must pass {@link #isProseCredential}.
     * Each occurrence reads at most {@link #MAX_VALUE} characters on, so the scan is linear.
     */
    static boolean hasProseCredential(String s) {
        // One pass: at each first letter of an anchor (any case), the anchors that start with it.
        int n = s.length();
        for (int i = 0; i < n; i++) {
            String anchor = switch (s.charAt(i)) {
                case 'p', 'P' -> i + 1 < n && toLowerAscii(s.charAt(i + 1)) == 'w' ? "pw" : "pass";
                case 's', 'S' -> "secret";
                case 't', 'T' -> "token";
                case 'b', 'B' -> "bearer";
                case 'k', 'K' -> "key";
                default -> null;
            };
            if (anchor != null && s.regionMatches(true, i, anchor, 0, anchor.length())) {
                int end = credentialWordEnd(s, i, anchor);
                if (end >= 0 && isProseValueAfter(s, end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where the credential word that holds {@code anchor} at {@code at} ends, or -1 when it is not one. */
    private static int credentialWordEnd(String s, int at, String anchor) {
        int end = at + anchor.length();
        int start = at;
        switch (anchor) {
            case "pass" -> {
                for (String rest : new String[] {"word", "wd", "phrase"}) {
                    if (s.regionMatches(true, end, rest, 0, rest.length())) {
                        end += rest.length();
                        break;
                    }
                }
            }
            case "pw" -> end += end < s.length() && toLowerAscii(s.charAt(end)) == 'd' ? 1 : 0;
            case "key" -> {
                int word = at > 0 && (isBlank(s.charAt(at - 1)) || s.charAt(at - 1) == '_' || s.charAt(at - 1) == '-')
                        ? at - 1 : at;
                start = -1;
                for (String qualifier : KEY_QUALIFIERS) {
                    if (keyEndsWith(s, word, qualifier)) {
                        start = word - qualifier.length();
                        break;
                    }
                }
                if (start < 0) {
                    return -1;
                }
            }
            default -> { }
        }
        // Not inside a word, nor the end of a snake_case, kebab-case or dotted name (next_page_token=):
        // a key name with a separator is the assignment rows' to judge.
        boolean leftBoundary = start == 0 || !isAsciiLetterOrDigit(s.charAt(start - 1)) && s.charAt(start - 1) != '_'
                && s.charAt(start - 1) != '-' && s.charAt(start - 1) != '.';
        boolean rightBoundary = end == s.length() || !isAsciiLetterOrDigit(s.charAt(end));
        return leftBoundary && rightBoundary ? end : -1;
    }

    /** Whether a separator and a credential follow the word that ends at {@code end}. */
    private static boolean isProseValueAfter(String s, int end) {
        int n = s.length();
        int i = end;
        while (i < n && isBlank(s.charAt(i)) && i - end < 4) {
            i++;
        }
        boolean separated = i > end;
        if (i < n && (s.charAt(i) == ':' || s.charAt(i) == '=' || s.charAt(i) == '\uFF1A' || s.charAt(i) == '\uFF1D')) {
            i++;
            separated = true;
        } else if (separated) {
            for (String verb : PROSE_VERBS) {
                int after = i + verb.length();
                if (s.regionMatches(true, i, verb, 0, verb.length()) && after < n && isBlank(s.charAt(after))) {
                    i = after;
                    break;
                }
            }
        }
        if (!separated) {
            return false;
        }
        int v = i;
        while (v < n && isBlank(s.charAt(v)) && v - i < 4) {
            v++;
        }
        if (v < n && isQuote(s.charAt(v))) {
            v++;
        }
        return isProseCredential(s, v, valueEnd(s, v, ASSIGNMENT_STOPS));
    }

    /**
     * The prose value policy. Never a reference ({@link #isReference}: placeholders, tickets, paths,
     * store references, booleans) nor a lower-case resource name. Otherwise printable ASCII without
     * {@code :} (times, URIs) or an {@code =} before its end (another assignment), and one of: 8 or more
     * characters of at least three classes among lower case, upper case, digits and symbols other than
     * {@code - _ . /}; or {@link #MIN_PROSE_HEX} or more hex digits with a digit and a letter (keys
     * such as PagerDuty's, in one case). Base64 keys have both cases and a digit, so the first test
     * takes them.
     */
    static boolean isProseCredential(String s, int from, int to) {
        if (to <= from || isReference(s, from, to)) {
            return false;
        }
        int end = trimTrailingPunctuation(s, from, to);
        if (isResourceName(s, from, end)) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        boolean hex = true;
        int padding = end;
        while (padding > from && s.charAt(padding - 1) == '=') {
            padding--;
        }
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~' || c == ':' || c == '=' && i < padding) {
                return false;
            }
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (isUpper(c)) {
                upper = true;
            } else if (isDigit(c)) {
                digit = true;
            } else if (c != '-' && c != '_' && c != '.' && c != '/') {
                symbol = true;
            }
            hex &= isHex(c);
        }
        int length = end - from;
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        return length >= MIN_CREDENTIAL && classes >= 3
                || hex && digit && (lower || upper) && length >= MIN_PROSE_HEX;
    }

    // ---------------------------------------------------------------- service headers

    /**
     * The exporter and API headers of the monitored services with a credential after them, as an
     * HTTP header ({@code name: value}), an OTLP headers list ({@code name=value}, comma-separated, as
     * in {@code OTEL_EXPORTER_OTLP_HEADERS}) or a YAML member: {@code signoz-ingestion-key} and any
     * {@code *ingestion-key}, {@code x-<vendor>-team} (Honeycomb's), {@code x-<vendor>-token},
     * {@code x-api-key}, {@code api-key}; and an {@code Authorization=Bearer%20...} or
     * {@code Basic%20...} pair with its blank percent-encoded. The value follows the token policy
     * ({@link #hasCredentialShape}, not a reference or resource name).
     */
    static boolean hasExporterHeaderCredential(String s) {
        for (int i = s.indexOf('-'); i >= 0; i = s.indexOf('-', i + 1)) {
            int start = headerNameStart(s, i);
            if (start < 0) {
                continue;
            }
            int end = i;
            while (end < s.length() && end - start < 64 && (isAsciiLetterOrDigit(s.charAt(end)) || s.charAt(end) == '-')) {
                end++;
            }
            if (!isExporterHeader(s, start, end)) {
                continue;
            }
            int v = end;
            while (v < s.length() && (isBlank(s.charAt(v)) || isQuote(s.charAt(v)))) {
                v++;
            }
            if (v >= s.length() || s.charAt(v) != ':' && s.charAt(v) != '=') {
                continue;
            }
            v++;
            while (v < s.length() && (isBlank(s.charAt(v)) || isQuote(s.charAt(v)))) {
                v++;
            }
            if (isCredential(s, v, valueEnd(s, v, ASSIGNMENT_STOPS), TOKEN, false, false)) {
                return true;
            }
        }
        for (int i = indexOfIgnoreCase(s, "%20", 0); i >= 0; i = indexOfIgnoreCase(s, "%20", i + 1)) {
            boolean bearer = i >= 6 && s.regionMatches(true, i - 6, "bearer", 0, 6);
            boolean basic = i >= 5 && s.regionMatches(true, i - 5, "basic", 0, 5);
            int scheme = i - (bearer ? 6 : basic ? 5 : 0);
            if ((bearer || basic) && scheme >= 14 && s.regionMatches(true, scheme - 14, "authorization=", 0, 14)) {
                int v = i + 3;
                if (isCredential(s, v, valueEnd(s, v, ASSIGNMENT_STOPS), TOKEN, false, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The start of the header name whose first dash is at {@code dash} (letters and digits before it,
     * after a character that is none of those, {@code -} or {@code _}), or -1 when that dash is not the
     * first of a name. Reads at most 64 characters back.
     */
    private static int headerNameStart(String s, int dash) {
        int start = dash;
        while (start > 0 && dash - start < 64 && isAsciiLetterOrDigit(s.charAt(start - 1))) {
            start--;
        }
        if (start == dash || start > 0 && (s.charAt(start - 1) == '-' || s.charAt(start - 1) == '_'
                || isAsciiLetterOrDigit(s.charAt(start - 1)))) {
            return -1;
        }
        return start;
    }

    /** Whether {@code s[start, end)} is a credential header name (see {@link #hasExporterHeaderCredential}). */
    private static boolean isExporterHeader(String s, int start, int end) {
        if (keyEndsWith(s, end, "ingestion-key") || end - start == 7 && keyEndsWith(s, end, "api-key")
                || end - start == 9 && keyEndsWith(s, end, "x-api-key")) {
            return true;
        }
        if (end - start > 6 && toLowerAscii(s.charAt(start)) == 'x' && s.charAt(start + 1) == '-') {
            return keyEndsWith(s, end, "-team") || keyEndsWith(s, end, "-token")
                    || keyEndsWith(s, end, "-key") && !keyEndsWith(s, end, "idempotency-key");
        }
        return false;
    }

    /**
     * Opsgenie's API key: the {@code GenieKey <key>} authorization scheme, or an {@code opsgenie}
     * key name (such as {@code OPSGENIE_API_KEY} or Alertmanager's {@code opsgenie_api_key}) with a
     * UUID after {@code =} or {@code :}.
     */
    static boolean hasOpsgenieKey(String s) {
        for (int i = indexOfIgnoreCase(s, "geniekey", 0); i >= 0; i = indexOfIgnoreCase(s, "geniekey", i + 1)) {
            int v = i + 8;
            if (v < s.length() && isBlank(s.charAt(v))) {
                while (v < s.length() && isBlank(s.charAt(v))) {
                    v++;
                }
                int end = valueEnd(s, v, ASSIGNMENT_STOPS);
                if (isCredential(s, v, end, TOKEN, false, false) && hasDigit(s, v, end)) {
                    return true;
                }
            }
        }
        for (int i = indexOfIgnoreCase(s, "opsgenie", 0); i >= 0; i = indexOfIgnoreCase(s, "opsgenie", i + 1)) {
            int limit = Math.min(s.length(), i + 8 + 32);
            for (int j = i + 8; j < limit; j++) {
                char c = s.charAt(j);
                if (c == '=' || c == ':') {
                    int v = j + 1;
                    while (v < s.length() && (isBlank(s.charAt(v)) || isQuote(s.charAt(v)))) {
                        v++;
                    }
                    if (v + 36 <= s.length() && isUuid(s, v, v + 36)) {
                        return true;
                    }
                    break;
                }
                if (!(isAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || isQuote(c))) {
                    break;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- raw payloads

    /**
     * Whether {@code s}, trimmed, is a JSON object or array with at least one member: either valid JSON
     * (RFC 8259), or an abridged paste that opens like one, a {@code '{'} (after any {@code '['}s)
     * followed by a member name and {@code ':'}, and closes with the matching bracket.
     */
    static boolean isRawJsonPayload(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to - from < 3) {
            return false;
        }
        char open = s.charAt(from);
        char close = s.charAt(to - 1);
        if (!(open == '{' && close == '}' || open == '[' && close == ']')) {
            return false;
        }
        if (opensWithObjectMember(s, from, to)) {
            return true;
        }
        int first = skipJsonWhitespace(s, from + 1, to);
        return s.charAt(first) != close && jsonValueEnd(s, from, to) == to;
    }

    private static boolean opensWithObjectMember(String s, int from, int to) {
        int i = from;
        while (i < to && (s.charAt(i) == '[' || isJsonWhitespace(s.charAt(i)))) {
            i++;
        }
        if (i >= to || s.charAt(i) != '{') {
            return false;
        }
        i = skipJsonWhitespace(s, i + 1, to);
        if (i >= to || s.charAt(i) != '"') {
            return false;
        }
        i = jsonStringEnd(s, i, to);
        if (i < 0) {
            return false;
        }
        i = skipJsonWhitespace(s, i, to);
        return i < to && s.charAt(i) == ':';
    }

    /**
     * The index after the JSON value at {@code from} (leading whitespace skipped), or -1 when there is
     * none. Iterative with an explicit stack, so deep nesting costs memory, not call stack.
     */
    static int jsonValueEnd(String s, int from, int to) {
        boolean[] inObject = new boolean[16];
        int depth = 0;
        int i = from;
        while (true) {
            // Read one value at i; a container opening leaves depth raised and loops for its first member.
            i = skipJsonWhitespace(s, i, to);
            if (i >= to) {
                return -1;
            }
            char c = s.charAt(i);
            if (c == '{' || c == '[') {
                if (depth == inObject.length) {
                    inObject = Arrays.copyOf(inObject, depth * 2);
                }
                inObject[depth++] = c == '{';
                i = skipJsonWhitespace(s, i + 1, to);
                if (i < to && s.charAt(i) == (c == '{' ? '}' : ']')) {
                    depth--;
                    i++;
                } else if (c == '{') {
                    i = memberNameEnd(s, i, to);
                    if (i < 0) {
                        return -1;
                    }
                    continue;
                } else {
                    continue;
                }
            } else {
                i = jsonScalarEnd(s, i, to);
                if (i < 0) {
                    return -1;
                }
            }
            // After a value: close finished containers, or move on to the next member.
            while (true) {
                if (depth == 0) {
                    return i;
                }
                i = skipJsonWhitespace(s, i, to);
                if (i >= to) {
                    return -1;
                }
                char d = s.charAt(i);
                boolean object = inObject[depth - 1];
                if (d == ',') {
                    i++;
                    if (object) {
                        i = memberNameEnd(s, skipJsonWhitespace(s, i, to), to);
                        if (i < 0) {
                            return -1;
                        }
                    }
                    break;
                }
                if (d != (object ? '}' : ']')) {
                    return -1;
                }
                depth--;
                i++;
            }
        }
    }

    /** After {@code "name" :} at {@code i}, or -1. */
    private static int memberNameEnd(String s, int i, int to) {
        if (i >= to || s.charAt(i) != '"') {
            return -1;
        }
        int end = jsonStringEnd(s, i, to);
        if (end < 0) {
            return -1;
        }
        end = skipJsonWhitespace(s, end, to);
        return end < to && s.charAt(end) == ':' ? end + 1 : -1;
    }

    private static int jsonScalarEnd(String s, int i, int to) {
        char c = s.charAt(i);
        if (c == '"') {
            return jsonStringEnd(s, i, to);
        }
        for (String literal : JSON_LITERALS) {
            if (s.startsWith(literal, i)) {
                return i + literal.length() <= to ? i + literal.length() : -1;
            }
        }
        return jsonNumberEnd(s, i, to);
    }

    /** After the JSON string that opens at {@code i}, or -1 when it is not a valid one. */
    private static int jsonStringEnd(String s, int i, int to) {
        for (int j = i + 1; j < to; j++) {
            char c = s.charAt(j);
            if (c == '"') {
                return j + 1;
            }
            if (c < 0x20) {
                return -1;
            }
            if (c == '\\') {
                if (j + 1 >= to) {
                    return -1;
                }
                char e = s.charAt(j + 1);
                if (e == 'u') {
                    if (j + 6 > to || !allHex(s, j + 2, j + 6)) {
                        return -1;
                    }
                    j += 5;
                } else if ("\"\\/bfnrt".indexOf(e) >= 0) {
                    j++;
                } else {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** After {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?} at {@code i}, or -1. */
    private static int jsonNumberEnd(String s, int i, int to) {
        int j = i;
        if (j < to && s.charAt(j) == '-') {
            j++;
        }
        if (j < to && s.charAt(j) == '0') {
            j++;
        } else {
            int digits = digitsEnd(s, j, to);
            if (digits == j) {
                return -1;
            }
            j = digits;
        }
        if (j < to && s.charAt(j) == '.') {
            int digits = digitsEnd(s, j + 1, to);
            if (digits == j + 1) {
                return -1;
            }
            j = digits;
        }
        if (j < to && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            j++;
            if (j < to && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int digits = digitsEnd(s, j, to);
            if (digits == j) {
                return -1;
            }
            j = digits;
        }
        return j;
    }

    private static int digitsEnd(String s, int i, int to) {
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipJsonWhitespace(String s, int i, int to) {
        while (i < to && isJsonWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    // ---------------------------------------------------------------- characters

    private static int letterOrDigitRun(String s, int from, int max) {
        int end = Math.min(s.length(), from + max);
        int i = from;
        while (i < end && isAsciiLetterOrDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static int base64UrlRunEnd(String s, int i) {
        int n = s.length();
        while (i < n && isTokenChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** End of the hex run at {@code i}, read at most one past a Sentry key's length. */
    private static int hexRunEnd(String s, int i) {
        int limit = Math.min(s.length(), i + SENTRY_KEY_LENGTH + 1);
        while (i < limit && isHex(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean allHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHex(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(String s, int i) {
        int n = s.length();
        while (i < n && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean equalsIgnoreCase(String s, int from, int to, String word) {
        return to - from == word.length() && s.regionMatches(true, from, word, 0, word.length());
    }

    private static boolean endsWithIgnoreCase(String s, int from, int to, String suffix) {
        return to - from >= suffix.length() && s.regionMatches(true, to - suffix.length(), suffix, 0, suffix.length());
    }

    private static boolean endsAuthority(char c) {
        return c == '/' || c == '?' || c == '#' || c <= ' ' || isQuote(c) || c > '~' && Character.isWhitespace(c);
    }

    private static boolean endsUrl(char c) {
        return c <= ' ' || isQuote(c) || c > '~' && Character.isWhitespace(c);
    }

    private static boolean isTokenChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '_' || c == '-';
    }

    /** The RFC 7235 token68 characters of a bearer token, padding included. */
    private static boolean isToken68Char(char c) {
        return isAsciiLetterOrDigit(c) || "-._~+/=".indexOf(c) >= 0;
    }

    private static boolean hasDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || isUpper(c);
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u3000';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static char toLowerAscii(char c) {
        return isUpper(c) ? (char) (c + ('a' - 'A')) : c;
    }
}
