package dev.readbackplan.internal.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.readbackplan.internal.secret.SecretScanner.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests for {@link SecretScanner}. Every secret-shaped value is built from obviously fake parts at run
 * time, so this file holds nothing that a credential scanner could mistake for a real secret. The
 * reference strings are copied literals: the tests need neither Python nor the reference scripts.
 */
class SecretScannerTest {

    // ---------------------------------------------------------------- fake parts

    private static final String TELEGRAM_DIGITS = "123456789";
    private static final String TELEGRAM_SECRET = "A".repeat(35);
    private static final String TELEGRAM_TOKEN = TELEGRAM_DIGITS + ":" + TELEGRAM_SECRET;
    private static final String HEX_32 = "0123456789abcdef".repeat(2);
    private static final String HEX_40 = "0123456789abcdef0123456789abcdef01234567";
    private static final String HEX_64 = "0123456789abcdef".repeat(4);
    private static final String HEX_128 = "fedcba9876543210".repeat(8);
    private static final String GUID = "00000000-0000-0000-0000-000000000000";
    private static final String JWT_HEADER = "eyJ" + "hbGciOiJIUzI1NiJ9";
    private static final String JWT_PAYLOAD = "eyJ" + "zdWIiOiJleGFtcGxlIn0";
    private static final String JWT = JWT_HEADER + "." + JWT_PAYLOAD + "." + "ZmFrZS1zaWduYXR1cmU";
    private static final String PEM_DASHES = "-----";
    private static final String BEARER_TOKEN = "fake0token1for2tests3only";

    private static String privateKeyHeader(String label) {
        return PEM_DASHES + "BEGIN " + label + "PRIVATE KEY" + PEM_DASHES;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String algorithm, String input) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- assertions

    private static String id(Kind kind) {
        return kind == null ? null : kind.ruleId();
    }

    private static void assertClean(String group, List<String> values) {
        List<String> failures = new ArrayList<>();
        for (String value : values) {
            Kind kind = SecretScanner.scan(value);
            if (kind != null) {
                failures.add(kind.ruleId() + " <- " + printable(value));
            }
        }
        if (!failures.isEmpty()) {
            fail(group + ": " + failures.size() + " of " + values.size() + " flagged:\n" + String.join("\n", failures));
        }
    }

    private static void assertFlagged(String expected, String... values) {
        assertTrue(SecretScanner.rules().stream().anyMatch(k -> k.ruleId().equals(expected)), expected);
        List<String> failures = new ArrayList<>();
        for (String value : values) {
            Kind kind = SecretScanner.scan(value);
            if (!expected.equals(id(kind))) {
                failures.add(id(kind) + " <- " + printable(value));
            } else if (kind.description().contains(value)) {
                failures.add("description holds the value <- " + printable(value));
            }
        }
        if (!failures.isEmpty()) {
            fail("expected " + expected + ":\n" + String.join("\n", failures));
        }
    }

    private static String printable(String value) {
        String shown = value.length() > 200 ? value.substring(0, 200) + "...(" + value.length() + " chars)" : value;
        return "\"" + shown.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    // ---------------------------------------------------------------- basics

    @Test
    void nullAndEmptyAreClean() {
        assertNull(SecretScanner.scan(null));
        assertNull(SecretScanner.scan(""));
        assertNull(SecretScanner.scan(" "));
    }

    @Test
    void keywordsSplitSecretsFromRawPayloads() {
        for (Kind kind : SecretScanner.rules()) {
            assertEquals(!kind.ruleId().startsWith("raw-"), kind.isSecret(), kind.ruleId());
        }
    }

    @Test
    void ruleIdsAreStableUniqueKebabCase() {
        List<String> ids = SecretScanner.rules().stream().map(Kind::ruleId).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "unique ids");
        for (String ruleId : ids) {
            assertTrue(ruleId.matches("[a-z0-9]+(-[a-z0-9]+)*"), ruleId);
        }
        // Ids name SARIF rules: the ones callers already know must not change.
        assertTrue(ids.containsAll(List.of("telegram-bot-token", "private-key-block", "aws-access-key-id",
                "github-token", "gitlab-token", "slack-token", "jwt", "sentry-dsn-with-key", "url-with-credentials",
                "webhook-url-with-token", "secret-assignment", "raw-json-payload", "raw-multiline-blob")), ids.toString());
    }

    @Test
    void descriptionsAreShortNounPhrasesWithoutTheValue() {
        Map<String, String> samples = flaggedSamples();
        assertEquals(SecretScanner.rules().size(), samples.size(), "one sample per rule");
        for (Kind kind : SecretScanner.rules()) {
            String value = samples.get(kind.ruleId());
            assertNotNull(value, kind.ruleId());
            assertEquals(kind.ruleId(), id(SecretScanner.scan(value)), printable(value));
            String description = kind.description();
            assertTrue(description.startsWith("a ") || description.startsWith("an "), description);
            assertFalse(description.contains(value), kind.ruleId());
            assertFalse(description.contains(TELEGRAM_SECRET) || description.contains(HEX_32)
                    || description.contains(BEARER_TOKEN), kind.ruleId());
        }
    }

    private static Map<String, String> flaggedSamples() {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("telegram-bot-token", TELEGRAM_TOKEN);
        samples.put("private-key-block", privateKeyHeader("RSA "));
        samples.put("aws-access-key-id", "AKIA" + "EXAMPLEEXAMPLE12");
        samples.put("github-token", "ghp_" + "x".repeat(36));
        samples.put("gitlab-token", "glpat-" + "x".repeat(20));
        samples.put("grafana-service-account-token", "glsa_" + "Fake0Token1For2Tests3Only4Xx5Yy6" + "_" + "0a1b2c3d");
        samples.put("grafana-cloud-token", "glc_" + "eyJvIjoiMTIzNDU2IiwibiI6ImZha2UifQ==");
        samples.put("grafana-api-key", "eyJrIjoi" + "RmFrZUtleUZvclRlc3RzT25seQ".repeat(3));
        samples.put("slack-token", "xoxb-" + "123456789012-" + "x".repeat(24));
        samples.put("sentry-auth-token", "sntryu_" + HEX_64);
        samples.put("sentry-access-token", "SENTRY_TOKEN=" + HEX_64);
        samples.put("opsgenie-api-key", "Authorization: GenieKey " + "0c8a6f37-2b1d-4f5e-9a7c-1d2e3f4a5b6c");
        samples.put("exporter-header-credential", "OTEL_EXPORTER_OTLP_HEADERS=signoz-ingestion-key=" + BEARER_TOKEN);
        samples.put("credential-in-prose", "alice, password is Sup3rS3cret!");
        samples.put("langfuse-secret-key", "sk-lf-" + "0123abcd-0000-4000-8000-0123456789ab");
        samples.put("openai-api-key", "sk-" + "Fake0Key1For2Tests3Only4AbCdEfGhIjKl");
        samples.put("google-api-key", "AIza" + "SyFake0Key1For2Tests3Only4AbCdEfGhI");
        samples.put("azure-storage-key", "DefaultEndpointsProtocol=https;AccountName=fake;AccountKey="
                + "RmFrZUtleUZvclRlc3RzT25seQ".repeat(3) + "==;EndpointSuffix=core.windows.net");
        samples.put("jwt", JWT);
        samples.put("sentry-dsn-with-key", "https://" + HEX_32 + "@o123.ingest.sentry.io/456");
        samples.put("url-with-credentials", "postgres://u:p@host/db");
        samples.put("webhook-url-with-token", "https://discord.com/api/webhooks/123/" + BEARER_TOKEN);
        samples.put("mattermost-webhook", "https://chat.example.com/hooks/" + "fake0hook1for2tests3only4x");
        samples.put("feishu-webhook", "https://open.feishu.cn/open-apis/bot/v2/hook/" + GUID.replace('0', 'a'));
        samples.put("pagerduty-integration-key", "routing_key: " + HEX_32);
        samples.put("url-secret-parameter", "https://example.com/hook?token=" + BEARER_TOKEN);
        samples.put("secret-assignment", "password=" + BEARER_TOKEN);
        samples.put("authorization-header", "Authorization: Bearer " + BEARER_TOKEN);
        samples.put("raw-json-payload", "{\"receiver\":\"team-x\",\"alerts\":[]}");
        samples.put("raw-multiline-blob", "one\ntwo\nthree\nfour");
        return samples;
    }

    // ---------------------------------------------------------------- issue 13, items 9 and 10

    @Test
    void credentialsInProseAreFound() {
        // The three reproductions of the issue, then the other credential words and separators.
        for (String value : List.of("alice, password is Sup3rS3cret!", "pw: Sup3rS3cret!",
                "routing_key 0123456789abcdef0123456789abcdef", "Pwd Sup3rS3cret!", "passphrase = C0rrect-Horse!x",
                "the token was q9W8e7R6t5Y4u3I2o1P0fake", "api key Fake0Key1For2Tests3OnlyAbc",
                "apikey 9f8e7d6c5b4a39281706f5e4d3c2b1a0", "access-key: FAKEaccess0KEY1forTESTS2",
                "integration key fedcba9876543210fedcba9876543210", "client secret is Fk3!secret.value",
                "bob (pass Xy7!fake-pass)", "owner: carol, password\uFF1ASup3rS3cret!")) {
            Kind kind = SecretScanner.scan(value);
            assertNotNull(kind, value);
            assertTrue(Set.of("credential-in-prose", "secret-assignment", "pagerduty-integration-key").contains(kind.ruleId()),
                    kind.ruleId());
        }
        assertEquals("credential-in-prose", id(SecretScanner.scan("alice, password is Sup3rS3cret!")));
        assertEquals("credential-in-prose", id(SecretScanner.scan("pw: Sup3rS3cret!")));
        assertEquals("credential-in-prose", id(SecretScanner.scan("routing_key 0123456789abcdef0123456789abcdef")));
    }

    @Test
    void proseNearMissesPass() {
        assertClean("prose near misses", List.of("password rotation owner: alice", "token bucket", "secret manager runbook",
                "pw reset link sent", "pass rate: 99.5%", "api key rotated in CHG-2026-0042", "token TTL=3600",
                "bearer token expired at 2026-01-01T00:00:00Z", "password is stored in ./secrets/grafana-admin",
                "the secret key: alertmanager-telegram-receiver", "tokenizer v2", "bypass silence for INC-2041",
                "monkey patch", "password: ${GF_ADMIN_PASSWORD}", "secret is in acme/monitoring#12", "token count 4096",
                "next_page_token Cg0IARIJCgdDb2RlMTIzNDU2", "pw Abc1", "password is hunter2",
                // The prose rule's value policy: 3 classes from 8 characters, or hex digits from 16.
                "token 0123456789abcde", "token abcdef0123456789ghi", "token abcdefgh1", "token AbC1"));
        assertEquals("credential-in-prose", id(SecretScanner.scan("token 0123456789abcdef")));
        assertEquals("credential-in-prose", id(SecretScanner.scan("token AbCdEf0123456789GhIj")));
        assertEquals("credential-in-prose", id(SecretScanner.scan("token abcdEFG1")));
    }

    @Test
    void monitoredServiceFormatsAndTheirNearMisses() {
        assertEquals("sentry-access-token", id(SecretScanner.scan("sentry_token: " + HEX_64)));
        assertNull(SecretScanner.scan("sentry release " + HEX_64.substring(0, 40)));
        assertEquals("opsgenie-api-key", id(SecretScanner.scan("Authorization: GenieKey 0c8a6f37-2b1d-4f5e-9a7c-1d2e3f4a5b6c")));
        assertEquals("opsgenie-api-key", id(SecretScanner.scan("OPSGENIE_API_KEY=0c8a6f37-2b1d-4f5e-9a7c-1d2e3f4a5b6c")));
        assertNull(SecretScanner.scan("opsgenie alias: 6f1e2d3c-rollback"));
        assertNull(SecretScanner.scan("GenieKey <redacted>"));
        assertEquals("exporter-header-credential",
                id(SecretScanner.scan("OTEL_EXPORTER_OTLP_HEADERS=signoz-ingestion-key=" + BEARER_TOKEN)));
        assertEquals("exporter-header-credential", id(SecretScanner.scan("x-honeycomb-team: " + BEARER_TOKEN)));
        assertEquals("exporter-header-credential",
                id(SecretScanner.scan("OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20" + BEARER_TOKEN)));
        assertNull(SecretScanner.scan("OTEL_EXPORTER_OTLP_HEADERS=signoz-ingestion-key=<your-ingestion-key>"));
        assertNull(SecretScanner.scan("x-idempotency-key: 0c8a6f37-2b1d-4f5e-9a7c-1d2e3f4a5b6c"));
        assertNull(SecretScanner.scan("OTEL_EXPORTER_OTLP_HEADERS=X-Scope-OrgID=tenant-1"));
        assertEquals("secret-assignment", id(SecretScanner.scan("authorization: {credentials: " + BEARER_TOKEN + "}")));
        assertNull(SecretScanner.scan("credentials_file: /etc/prometheus/secrets/token"));
        assertNull(SecretScanner.scan("LANGFUSE_PUBLIC_KEY=pk-lf-11112222-3333-4444-5555-666677778888"));
    }

    @Test
    void scanIsSafeToShareBetweenThreads() {
        List<String> values = concat(new ArrayList<>(flaggedSamples().values()), SNAPSHOT_SEED_7_WEIRD, NEAR_MISSES);
        List<Kind> sequential = values.stream().map(SecretScanner::scan).toList();
        for (int round = 0; round < 20; round++) {
            List<Kind> parallel = IntStream.range(0, values.size()).parallel()
                    .mapToObj(i -> SecretScanner.scan(values.get(i))).toList();
            assertEquals(sequential, parallel);
        }
    }

    // ---------------------------------------------------------------- must pass

    @Test
    void referenceGeneratorConstantsAreClean() {
        assertClean("reference generator", concat(READBACK_FIELDS, REQUIRED_READBACK_FIELDS, REVIEWER_CHECK_IDS,
                REVIEWER_CHECK_INSTRUCTIONS, OUTCOME_LANE_IDS, OUTCOME_LANE_MEANINGS, BLOCKED_ACTIONS, CANDIDATE_KEYS,
                SUMMARY_KEYS, EXECUTION_BOUNDARY_KEYS, REPORT_KEYS, SOURCE_PATHS, OPERATOR_INTERPRETATION,
                FIXED_VALUES, OTHER_CONSTANTS));
    }

    @Test
    void referenceListsAreCompleteCopies() {
        assertEquals(39, READBACK_FIELDS.size());
        assertEquals(30, REQUIRED_READBACK_FIELDS.size());
        assertEquals(28, REVIEWER_CHECK_IDS.size());
        assertEquals(28, REVIEWER_CHECK_INSTRUCTIONS.size());
        assertEquals(11, OUTCOME_LANE_IDS.size());
        assertEquals(11, OUTCOME_LANE_MEANINGS.size());
        assertEquals(53, BLOCKED_ACTIONS.size());
        assertTrue(BLOCKED_ACTIONS.containsAll(List.of("collect_bot_token", "collect_webhook_secret",
                "accept_secret_value_evidence", "collect_dsn_secret", "secret_value_collection")));
        assertTrue(CANDIDATE_KEYS.contains("secret_value_collection_allowed"));
        assertTrue(REVIEWER_CHECK_INSTRUCTIONS.stream()
                .anyMatch(s -> s.contains("token、Bot token、DSN secret、webhook secret、cookie、private key")));
    }

    @Test
    void snapshotStringsAreClean() {
        assertClean("make_snapshot.py 200 --seed 7 --weird", SNAPSHOT_SEED_7_WEIRD);
        assertClean("make_snapshot.py WEIRD", WEIRD);
        assertClean("make_snapshot.py vocabularies", concat(CONFIG_KINDS, SCOPES, TIERS, EXPECTED));
    }

    @Test
    void everySnapshotShapeIsClean() {
        List<String> values = new ArrayList<>();
        for (String scope : SCOPES) {
            for (String kind : CONFIG_KINDS) {
                for (int i : new int[] {0, 7, 42, 999, 12345, 99999}) {
                    String surface = String.format("%s_%s_%05d", scope, kind, i);
                    values.add(surface);
                    values.add("monitoring_owner_response_acceptance:" + surface);
                    values.add("monitoring_owner_request:" + surface);
                    values.add("monitoring_post_incident_readback:" + surface);
                    values.add(scope + " " + kind + " #" + i);
                    values.add("ops/" + scope + "/" + kind + "/" + i + ".yml");
                    values.add("ops/監控/" + i + " file.yml");
                    values.add(digest("SHA-256", surface + ":" + (i * 0.123456789)));
                }
            }
        }
        for (String weird : WEIRD) {
            for (int i : new int[] {0, 3, 199}) {
                values.add(weird + " #" + i);
            }
        }
        assertClean("generated snapshot shapes", values);
    }

    @Test
    void randomDigestsAreClean() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String sha256 = digest("SHA-256", "seed " + i);
            String sha512 = digest("SHA-512", "seed " + i);
            values.add(sha256);
            values.add(sha512);
            values.add("sha256:" + sha256);
            values.add(sha256.toUpperCase(Locale.ROOT));
            values.add(sha512.toUpperCase(Locale.ROOT));
            values.add(digest("SHA-1", "seed " + i));
            values.add(digest("SHA-1", "seed " + i).substring(0, 7));
            values.add(digest("MD5", "seed " + i));
        }
        assertClean("digests", values);
    }

    @Test
    void nearMissesAreClean() {
        assertClean("near misses", NEAR_MISSES);
    }

    private static final List<String> NEAR_MISSES = List.of(
            // digests, commits, tickets, references
            HEX_64,
            HEX_128,
            HEX_40,
            "0123abc",
            "sha256:" + HEX_64,
            "sha512:" + HEX_128,
            "INC-1234",
            "CHG-2026-0042",
            "OPS-7",
            "artifact://evidence/2026/alert-state.json#L10",
            "https://grafana.example/d/abc?orgId=1",
            "https://grafana.example/d/abc?orgId=1&var-job=node&from=now-6h",
            "https://user@host/path",
            "https://user:@host/path",
            "postgres://app:<redacted>@db/app",
            "postgres://app:${DB_PASSWORD}@db/app",
            "https://u:***@host",
            "https://host.example:8443/path",
            "https://o123.ingest.sentry.io/456",
            "https://" + HEX_32.substring(1) + "@o123.ingest.sentry.io/456",
            "mailto:ops@example.com",
            "ops@example.com",
            // key-like names
            "token_count=3",
            "max_tokens=4096",
            "password_policy",
            "password_policy=strict",
            "no_secret_value_attestation",
            "secret_value_collection_allowed=false",
            "secret_value_collection_allowed: false",
            "collect_bot_token",
            "Bearer",
            "Bearer token required",
            "Bearer <token>",
            "Bearer ${TOKEN}",
            "Authorization: Bearer <redacted>",
            "Basic auth is disabled",
            "basic authentication for the exporter",
            // placeholders
            "password=",
            "password=\"\"",
            "password=<redacted>",
            "password=<your password here>",
            "(password=<redacted>)",
            "password=${DB_PASSWORD}",
            "password={{ vault_db_password }}",
            "password=$DB_PASSWORD",
            "password=***",
            "password=REDACTED",
            "password=[REDACTED]",
            "password=redacted-by-ops",
            "password=[redacted: see INC-1234]",
            "password=(none)",
            "password=XXXX-XXXX",
            "password=-",
            "password=xxxxxxxx",
            "password=…",
            "token=null",
            "token=none",
            "api_key=<API_KEY>",
            "secret: sha256:" + HEX_64,
            "token: '<redacted>'",
            // the ':' rule reads prose as prose
            "webhook secret: rotated",
            "Bot token：已輪替",
            "Bot token: 已輪替並存放於保險庫",
            "token: vault:kv/monitoring/telegram-bot",
            "bot token: see INC",
            "Secret: rotated on 2026-05-01",
            "password reset ticket: CHG-2026-0042",
            "bot_token_ref: vault://kv/monitoring/telegram",
            "webhook_secret_sha256=" + HEX_64,
            "DSN secret: sha256:" + HEX_64,
            "token_type=bearer",
            "kubectl get secret -n monitoring",
            "alertname=HighErrorRate, severity=critical",
            "rate(http_requests_total{job=\"api\"}[5m])",
            "https://sentry.example/organizations/x/issues/?query=is:unresolved",
            "https://alertmanager.example/#/silences/1234-abcd",
            "password: hunter2",
            // token-shaped near misses
            "Zx9k3J9xQ2mV7pL0aR5tY8wE1uI4oP6sD2f",
            "1234567:" + TELEGRAM_SECRET,
            "12345678901:" + TELEGRAM_SECRET,
            TELEGRAM_DIGITS + ":" + "A".repeat(34),
            TELEGRAM_DIGITS + ":" + "A".repeat(36),
            "AKIA" + "EXAMPLEEXAMPL1",
            "AKIA" + "EXAMPLEEXAMPLE123",
            "XAKIA" + "EXAMPLEEXAMPLE12",
            "akia" + "exampleexample12",
            "ghp_" + "x".repeat(35),
            "ghx_" + "x".repeat(36),
            "github_pat_scope_review_required_count",
            "glpat-" + "x".repeat(19),
            "glpat-<redacted>",
            "global-config-for-exporter-and-receiver",
            "xoxb-your-token-here",
            "xoxb-123",
            "U29tZSBiYXNlNjQgdGV4dCB0aGF0IGlzIG5vdCBhIEpXVA==",
            JWT_HEADER,
            JWT_HEADER + "." + JWT_PAYLOAD,
            PEM_DASHES + "BEGIN PUBLIC KEY" + PEM_DASHES,
            PEM_DASHES + "BEGIN CERTIFICATE" + PEM_DASHES,
            "private key",
            "----- section -----",
            // webhook near misses
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "https://hooks.slack.com/services/<redacted>",
            "https://hooks.slack.com/services/",
            "https://discord.com/api/webhooks/<id>/<token>",
            "https://discord.com/channels/123/456",
            "https://api.telegram.org/bot<token>/sendMessage",
            "https://api.telegram.org/bot${TELEGRAM_BOT_TOKEN}/sendMessage",
            "https://core.telegram.org/bots/api",
            "https://contoso.webhook.office.com/webhookb2/<redacted>",
            "https://example.com/hook?token=<redacted>",
            "https://example.com/hook?token=",
            "https://example.com/hook?token=${TOKEN}&x=1",
            "https://example.com/hook?monkey=banana",
            "https://evilhooks.slack.com.example/x",
            // JSON-looking and multi-line
            "{}",
            "[]",
            "{ }",
            "{not json}",
            "{\"note\"}",
            "[WIP] fix receiver",
            "[x]",
            "prefix {\"a\":1}",
            "two\nlines",
            "three\nshort\nlines",
            "a\r\nb\r\nc",
            "a\u2028b\u2028c\u2028d");

    // ---------------------------------------------------------------- must be flagged

    @Test
    void telegramBotTokens() {
        assertFlagged("telegram-bot-token",
                TELEGRAM_TOKEN,
                "12345678:" + "a_b-".repeat(8) + "xyz",
                "1234567890:" + "AAE" + "x9_-".repeat(8),
                "https://api.telegram.org/bot" + TELEGRAM_TOKEN + "/sendMessage",
                "https://api.telegram.org/file/bot" + TELEGRAM_TOKEN + "/photos/1.jpg",
                "curl https://api.telegram.org/bot" + TELEGRAM_TOKEN + "/getUpdates",
                "bot_token=" + TELEGRAM_TOKEN,
                "telegram token: " + TELEGRAM_TOKEN + ".");
    }

    @Test
    void privateKeyBlocks() {
        String body = "\nMIIB" + "A".repeat(60) + "\n" + "B".repeat(64) + "\n";
        assertFlagged("private-key-block",
                privateKeyHeader(""),
                privateKeyHeader("RSA ") + body + PEM_DASHES + "END RSA PRIVATE KEY" + PEM_DASHES,
                privateKeyHeader("EC "),
                privateKeyHeader("DSA "),
                privateKeyHeader("OPENSSH ") + body,
                privateKeyHeader("ENCRYPTED "),
                PEM_DASHES + "BEGIN PGP PRIVATE KEY BLOCK" + PEM_DASHES,
                "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----",
                PEM_DASHES + "begin private key" + PEM_DASHES,
                "key: " + privateKeyHeader("") + "\\nMIIB...",
                "PuTTY-User-Key-File-3: ssh-ed25519");
    }

    @Test
    void awsAccessKeyIds() {
        String suffix = "EXAMPLEEXAMPLE12";
        assertFlagged("aws-access-key-id",
                "AKIA" + suffix,
                "ASIA" + suffix,
                "ABIA" + suffix,
                "ACCA" + suffix,
                "AKIA" + "0000EXAMPLE00000",
                "aws_access_key_id = AKIA" + suffix,
                "(AKIA" + suffix + ")",
                "key_AKIA" + suffix,
                "X-Amz-Credential=AKIA" + suffix + "%2F20260501");
    }

    @Test
    void gitHubTokens() {
        assertFlagged("github-token",
                "ghp_" + "x".repeat(36),
                "gho_" + "a1".repeat(18),
                "ghu_" + "Z".repeat(40),
                "ghs_" + "0".repeat(36),
                "ghr_" + "b2".repeat(20),
                "github_pat_" + "11" + "A".repeat(20) + "_" + "b".repeat(59),
                "token=ghp_" + "x".repeat(36),
                "git clone https://ghp_" + "x".repeat(36) + "@github.com/example/repo");
    }

    @Test
    void gitLabTokens() {
        assertFlagged("gitlab-token",
                "glpat-" + "x".repeat(20),
                "glpat-" + "Ab1_-".repeat(5),
                "gldt-" + "x".repeat(20),
                "glrt-" + "x".repeat(24),
                "glptt-" + "0".repeat(40),
                "glft-" + "y".repeat(20),
                "GR1348941" + "x".repeat(20),
                "PRIVATE-TOKEN: glpat-" + "x".repeat(20));
    }

    @Test
    void slackTokens() {
        String body = "123456789012-1234567890123-" + "x".repeat(24);
        assertFlagged("slack-token",
                "xoxb-" + body,
                "xoxp-" + body,
                "xoxa-2-" + body,
                "xoxr-" + body,
                "xoxs-" + body,
                "xoxe.xoxp-1-" + body,
                "xapp-1-A0123456789-" + body,
                "SLACK_BOT_TOKEN=xoxb-" + body);
    }

    @Test
    void jsonWebTokens() {
        assertFlagged("jwt",
                JWT,
                JWT_HEADER + "." + JWT_PAYLOAD + ".",
                "Authorization: Bearer " + JWT,
                "token=" + JWT,
                "https://example.com/cb#id_token=" + JWT,
                "{\"jwt\":\"" + JWT + "\"}");
    }

    @Test
    void sentryDsnsWithKeys() {
        assertFlagged("sentry-dsn-with-key",
                "https://" + HEX_32 + "@o123.ingest.sentry.io/456",
                "https://" + HEX_32 + ":" + "fedcba9876543210".repeat(2) + "@sentry.example.com/42",
                "http://" + HEX_32.toUpperCase(Locale.ROOT) + "@sentry.internal/7",
                "SENTRY_DSN=https://" + HEX_32 + "@o1.ingest.us.sentry.io/2");
    }

    @Test
    void urlsWithCredentials() {
        assertFlagged("url-with-credentials",
                "postgres://u:p@host",
                "https://u:p@host",
                "https://user:fake-pass@grafana.example/d/abc",
                "redis://:fakepass@cache:6379/0",
                "mysql://app:example-only@db.example:3306/app",
                "amqp://guest:guest@rabbit/",
                "ftp://user:pw@files.example/x",
                "remote_write url is https://prom:not-a-real-pass@remote.example/api/v1/write");
    }

    @Test
    void webhookUrlsWithTokens() {
        String secret = "fakeTokenForTests0123456789";
        assertFlagged("webhook-url-with-token",
                "https://hooks.slack.com/services/T00000000/B00000000/" + secret,
                "https://hooks.slack.com/workflows/T00000000/A00000000/123/" + secret,
                "https://hooks.slack.com/triggers/T00000000/123/" + secret,
                "hooks.slack.com/services/T0/B0/" + secret,
                "https://discord.com/api/webhooks/123456789012345678/" + secret,
                "https://discordapp.com/api/webhooks/123/" + secret,
                "https://ptb.discord.com/api/v10/webhooks/123/" + secret + "/slack",
                "https://api.telegram.org/bot123:abc/sendMessage",
                "https://contoso.webhook.office.com/webhookb2/" + GUID + "@" + GUID + "/IncomingWebhook/"
                        + HEX_32 + "/" + GUID,
                "https://outlook.office.com/webhook/" + GUID + "@" + GUID + "/IncomingWebhook/" + HEX_32 + "/" + GUID,
                "https://hooks.slack.com/services/a/b/c/d/e/f/g/h/<redacted>");
    }

    @Test
    void urlsWithSecretParameters() {
        String secret = "fakeTokenForTests0123456789";
        assertFlagged("url-secret-parameter",
                "https://example.com/hook?token=" + secret,
                "https://example.com/hook?x=1&access_token=" + secret,
                "https://example.com/hook?api_key=" + secret,
                "https://example.com/hook?apikey=" + secret,
                "https://maps.example.com/api?key=" + secret,
                "https://example.com/hook?secret=" + secret,
                "https://blob.example.net/c/x?sv=2024&sig=" + secret,
                "https://storage.example.com/x?X-Goog-Signature=" + HEX_64,
                "https://example.com/cb#access_token=" + secret + "&token_type=bearer",
                "https://prod-00.westus.logic.azure.com:443/workflows/x/triggers/manual/paths/invoke"
                        + "?api-version=2016-06-01&sp=%2Ftriggers&sv=1.0&sig=" + secret,
                "https://o1.ingest.sentry.io/api/2/security/?sentry_key=" + HEX_32,
                "https://example.com/login?next=https://app.example/?token=" + secret);
    }

    @Test
    void secretAssignments() {
        String value = "fake-value-1";
        assertFlagged("secret-assignment",
                "password=" + value,
                "PASSWORD=" + value,
                "DB_PASSWORD = '" + value + "'",
                "passwd=x1",
                "pwd=abc",
                "api_token=abc123def456",
                "API_KEY=abc123def456",
                "x-api-key: \"abc123def456\"",
                "apikey=abc123def456",
                "access_key=abc123def456",
                "aws_secret_access_key=abc123def456",
                "client_secret=abc123def456",
                "private_key=abc123def456",
                "auth_token=abc123def456",
                "bearer=abc123def456",
                "secret=abc123def456",
                "secret_key=abc123def456",
                "token=abc123def456",
                "postgres password=p",
                "password=changeme",
                "password: hunter2hunter2",
                "password:hunter2hunter2",
                "  db_password: \"short\"",
                "{\"password\": \"x\"}",
                "'token': 'abc123def456'",
                "password=hunter2.",
                "password=x",
                "password=****1234",
                "token: ****1234",
                "  db_password: P@ssw0rd!",
                "token：abc123def456",
                "cookie: session=abc123def456",
                "set -x; export TOKEN=abc123def456",
                "password=" + "a".repeat(400));
    }

    @Test
    void authorizationCredentials() {
        assertFlagged("authorization-header",
                "Authorization: Bearer " + BEARER_TOKEN,
                "Bearer " + BEARER_TOKEN,
                "Bearer\t" + BEARER_TOKEN,
                "curl -H 'Authorization: bearer " + BEARER_TOKEN + "'",
                "Authorization: Basic " + base64("example-user:example-pass"),
                "Basic " + base64("u:p") + ",",
                "Authorization: token " + HEX_40,
                "curl -H \"Authorization: token " + HEX_40 + "\" https://git.example/api/v1/repos");
    }

    @Test
    void rawJsonPayloads() {
        assertFlagged("raw-json-payload",
                "{\"receiver\":\"x\",\"alerts\":[...]}",
                "{\"receiver\":\"team-x\",\"status\":\"firing\",\"alerts\":[{\"labels\":{\"alertname\":\"HighLatency\"},"
                        + "\"startsAt\":\"2026-05-01T10:00:00Z\",\"value\":1.5e3}]}",
                "[{\"labels\":{\"alertname\":\"x\"}}, ...]",
                "[\"a\",\"b\"]",
                "[1]",
                "[[]]",
                "[true, null, -0.5, \"\\u00e9\\n\"]",
                "  {\"a\":1}  ",
                "{\n  \"receiver\": \"x\",\n  \"status\": \"firing\",\n  \"alerts\": []\n}");
    }

    @Test
    void rawMultilineBlobs() {
        assertFlagged("raw-multiline-blob",
                "one\ntwo\nthree\nfour",
                "one\r\ntwo\r\nthree\r\nfour",
                "one\rtwo\rthree\rfour",
                "\n\n\n",
                "global:\n  scrape_interval: 15s\nrule_files:\n  - rules.yml\n",
                "level=info msg=a\nlevel=warn msg=b\r\nlevel=error msg=c\rlevel=info msg=d");
    }

    @Test
    void precedenceFollowsTheDeclarationOrder() {
        String slack = "xoxb-123456789012-1234567890123-" + "x".repeat(24);
        assertEquals("slack-token", id(SecretScanner.scan("{\"text\":\"" + slack + "\"}")));
        assertEquals("secret-assignment", id(SecretScanner.scan("a\nb\npassword=fake1\nd")));
        assertEquals("private-key-block", id(SecretScanner.scan(privateKeyHeader("") + "\nA\nB\nC\n")));
        assertEquals("telegram-bot-token", id(SecretScanner.scan("https://api.telegram.org/bot" + TELEGRAM_TOKEN + "/x")));
        assertEquals("sentry-dsn-with-key", id(SecretScanner.scan("https://" + HEX_32 + ":" + HEX_32 + "@s.example/1")));
        assertEquals("url-with-credentials", id(SecretScanner.scan("https://u:p@host/x?token=abc123def456")));
        assertEquals("url-secret-parameter", id(SecretScanner.scan("https://example.com/x?token=abc123def456")));
        assertEquals("url-secret-parameter", id(SecretScanner.scan("https://example.com/x?password=hunter2 a\nb\nc\nd")));
        assertEquals("secret-assignment", id(SecretScanner.scan("password=hunter2 Bearer " + BEARER_TOKEN)));
        assertEquals("jwt", id(SecretScanner.scan("password=" + JWT)));
        assertEquals("aws-access-key-id", id(SecretScanner.scan("[\"AKIA" + "EXAMPLEEXAMPLE12\"]")));
        assertEquals("raw-json-payload", id(SecretScanner.scan("[\n1,\n2,\n3\n]")));
    }

    // ---------------------------------------------------------------- hostile input

    /** Pieces of every rule's markers, so random strings of them reach every branch of the scanner. */
    private static final List<String> FRAGMENTS = List.of(":", "=", "@", "/", "-", ".", "_", " ", "\t", "\n", "\r", "\"",
            "'", "`", "<", ">", "{", "}", "[", "]", "$", "*", "x", "a", "A", "0", "9", ",", "?", "&", "#", "\\", "\\u",
            "eyJ", "://", "----", "BEGIN ", "PRIVATE KEY", "AKIA", "ghp_", "github_pat_", "glpat-", "GR1348941", "xoxb-",
            "hooks.slack.com/", "services/", "discord.com/", "api/", "webhooks/", "v10/", "api.telegram.org/", "bot",
            "file/", "webhook.office.com/", "webhookb2/", "token", "password", "api_key", "Bearer ", "Basic ",
            "sha256:", "\uFF1A", "\uFF1D", "\u3001", "\u3000", "true", "null", "1e5", "${", "{{", "}}", "redacted",
            "123456789", "0123456789abcdef", "AAAAAAAAAAAAAAAA", "監", "🚨", "\uD83D", "dXNlcjpwYXNz", "==");

    @Test
    void randomMarkerSoupNeverThrows() {
        Random random = new Random(20260501L);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int k = 0; k < 50_000; k++) {
                StringBuilder value = new StringBuilder();
                for (int parts = random.nextInt(40); parts > 0; parts--) {
                    value.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                }
                String text = value.toString();
                Kind kind = SecretScanner.scan(text);
                assertEquals(kind, SecretScanner.scan(text), "deterministic");
            }
        });
    }

    private static final int HUGE = 1_000_000;

    static Stream<String> hostileStrings() {
        List<String> units = new ArrayList<>();
        for (char c = 0; c < 128; c++) {
            units.add(String.valueOf(c));
        }
        units.addAll(List.of("\uFF1A", "\uFF1D", "\u3000", "監", "🚨", "\u2028", "…"));
        units.addAll(List.of(":a", "a:", "=a", "0:", ":1", "1234567890:", "://", "://a:b@", "a@", "@:", "eyJ.",
                "eyJa.", ".eyJ", "eyJ", PEM_DASHES + "BEGIN ", "----", "- ", "gh", "ghp_", "github_pat_", "glpat-",
                "gl", "GR1348941", "xoxb-", "xoxb-1", "xo", "AKIA", "A1", "Bearer ", "bearer", "Basic ",
                "basic ZTp4", "password=", "password:", "token: ", "\"password\":\"", "pwd=\"", "<", "${", "{{",
                "={{", "=<", "\"", "'", "{\"a\":", "[", "[{", "{", "\\\"", "\\u", "\"\\", "hooks.slack.com/",
                "hooks.slack.com/services/", "discord.com/api/webhooks/1/", "discord.com/api/v", "api.telegram.org/bot",
                "webhook.office.com/webhookb2/", "https://x/?token=", "?token=a&", "&key=", "sha256:", "\r\n", "\n ",
                "password：", "token=<", "x", "a", "A", "0", "ab=", "a=\"", "=\"", " =", ": ",
                // the table's newer rows: RE2/J patterns and the value policy
                "glsa_", "glsa_a", "glc_", "glc_a", "eyJrIjoi", "eyJrIjoia", "sntrys_eyJ", "sntrys_eyJa_", "sntryu_",
                "sk-", "sk-a", "sk-proj-", "sk-lf-", "AIza", "AIzaA", "AccountKey=", "AccountKey=a", "/hooks/",
                "/hooks/a", "open.feishu.cn/open-apis/bot/v2/hook/", "routing_key=", "routing_key: a1",
                "events.pagerduty.com/integration/", "Authorization: token ", "authorization:", "//a:", "//:b@",
                "token=a1-", "existingSecret=a-", "token=INC-1", "token=/", "token=vault:", "token=a/b#", "{a}",
                "cookie: SameSite=", "redacted"));
        List<String> strings = new ArrayList<>();
        for (String unit : units) {
            strings.add(unit.repeat(HUGE / unit.length()));
        }
        String run = "a".repeat(HUGE);
        strings.addAll(List.of(
                "password=" + run,
                "password=\"" + run,
                "password=<" + run,
                "https://" + run,
                "https://" + run + "@host",
                "https://a:" + ".".repeat(HUGE) + "@host",
                "{\"" + run,
                "{\"a\":\"" + run + "\"}",
                "[".repeat(HUGE / 2) + "]".repeat(HUGE / 2),
                "{\"a\":".repeat(HUGE / 5) + "1" + "}".repeat(HUGE / 5),
                "eyJ" + run + ".",
                "eyJ" + run + ".eyJ" + run,
                PEM_DASHES + "BEGIN " + "A".repeat(HUGE),
                "xoxb-" + "a-".repeat(HUGE / 2),
                "Bearer " + "a".repeat(HUGE),
                "Basic " + "QUJD".repeat(HUGE / 4),
                "https://hooks.slack.com/services/" + "a/".repeat(HUGE / 2),
                "https://x/?" + "a=".repeat(HUGE / 2)));
        return strings.stream();
    }

    @ParameterizedTest
    @MethodSource("hostileStrings")
    void hostileInputFinishes(String value) {
        // A hang guard only, not a speed measurement: every rule is linear, so each scan of these 1 MB
        // strings takes milliseconds, and a quadratic one would take hours. The bound is generous, so
        // that a machine busy with other work cannot fail it (5 s once did, on a loaded 2-core machine).
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> SecretScanner.scan(value));
    }

    @Test
    void hugeBlobIsStillFlagged() {
        assertNotNull(SecretScanner.scan("\n".repeat(HUGE)));
        assertEquals("raw-multiline-blob", id(SecretScanner.scan("x\n".repeat(HUGE / 2))));
    }

    // ---------------------------------------------------------------- copied reference strings

    /** make_snapshot.py's WEIRD labels. */
    private static final List<String> WEIRD = List.of("告警規則 / 接收者", "Grafana 儀表板 ✅", "emoji 🚨🔥", "tab\there",
            "nl\nline", "quote \" and \\ backslash", "\u2028line sep", "ctl\037\007", "ascii only", "x".repeat(300),
            "日本語テキスト", "Ωμέγα", "", " lead/trail ");
    private static final List<String> CONFIG_KINDS = List.of("prometheus_alert_rules", "grafana_alert_rules",
            "signoz_alert_rules", "reload_capable_script", "sentry_deploy_script", "host_deploy_script",
            "alertmanager_config", "prometheus_scrape_config", "otel_collector_config", "grafana_dashboard",
            "langfuse_config", "receiver_route_config", "telegram_notifier", "exporter_config", "docs_only");
    private static final List<String> SCOPES = List.of("prometheus", "alertmanager", "grafana", "signoz", "sentry",
            "langfuse", "otel", "telegram", "exporter");
    private static final List<String> TIERS = List.of("tier0_read_only", "tier1_config", "tier2_reload_capable",
            "tier3_deploy_capable");
    private static final List<String> EXPECTED = List.of("owner_confirm_scope", "owner_confirm_receiver",
            "owner_confirm_rules", "owner_confirm_no_runtime");

    // Copied once, by a throwaway script, from the reference generator and its snapshot maker: the generator's string
    // constants, grouped as the generator uses them, and the strings of `make_snapshot.py 200 --seed 7 --weird`.

    private static final List<String> READBACK_FIELDS = List.of(
            "post_incident_readback_candidate_id",
            "source_acceptance_candidate_id",
            "request_id",
            "surface_id",
            "label",
            "expected_scope",
            "config_kind",
            "observability_scope",
            "control_tier",
            "repo_source_path",
            "repo_sha256",
            "source_line_count",
            "write_capable_surface",
            "requires_live_evidence",
            "monitoring_incident_or_change_ref",
            "actor_attribution_ref",
            "change_or_outage_time_window_ref",
            "change_intent_or_break_glass_ref",
            "before_alert_state_ref",
            "after_alert_state_ref",
            "rule_datasource_scrape_state_ref",
            "receiver_route_state_ref",
            "reload_or_no_reload_ref",
            "receiver_receipt_readback_ref",
            "stale_pending_resolved_review_ref",
            "silence_mute_dedup_inhibit_review_ref",
            "dashboard_trace_log_freshness_ref",
            "notification_delivery_metadata_ref",
            "alert_chain_health_readback_ref",
            "cross_project_sync_ref",
            "rollback_or_disable_validation_ref",
            "post_change_monitoring_ref",
            "postcheck_readback_ref",
            "recurrence_guard_ref",
            "maintenance_window",
            "rollback_owner",
            "reviewer_outcome",
            "followup_owner",
            "not_approval");

    private static final List<String> REQUIRED_READBACK_FIELDS = List.of(
            "monitoring_incident_or_change_ref",
            "actor_attribution_ref",
            "change_or_outage_time_window_ref",
            "change_intent_or_break_glass_ref",
            "before_alert_state_ref",
            "after_alert_state_ref",
            "rule_datasource_scrape_state_ref",
            "receiver_route_state_ref",
            "reload_or_no_reload_ref",
            "receiver_receipt_readback_ref",
            "stale_pending_resolved_review_ref",
            "silence_mute_dedup_inhibit_review_ref",
            "dashboard_trace_log_freshness_ref",
            "notification_delivery_metadata_ref",
            "alert_chain_health_readback_ref",
            "cross_project_sync_ref",
            "rollback_or_disable_validation_ref",
            "post_change_monitoring_ref",
            "postcheck_readback_ref",
            "recurrence_guard_ref",
            "maintenance_window",
            "rollback_owner",
            "followup_owner",
            "redacted_evidence_refs",
            "no_secret_value_attestation",
            "no_raw_payload_attestation",
            "no_false_green_attestation",
            "receipt_not_route_only_attestation",
            "independent_postcheck_attestation",
            "noise_budget_or_silence_owner_attestation");

    private static final List<String> REVIEWER_CHECK_IDS = List.of(
            "source_owner_response_acceptance_current",
            "incident_or_change_ref_present",
            "actor_attribution_present",
            "change_or_outage_time_window_present",
            "intent_or_break_glass_present",
            "before_after_alert_state_present",
            "rule_datasource_scrape_state_present",
            "receiver_route_state_present",
            "reload_or_no_reload_called_out",
            "receiver_receipt_readback_present",
            "stale_pending_resolved_review_present",
            "silence_mute_dedup_inhibit_review_present",
            "dashboard_trace_log_freshness_present",
            "notification_delivery_metadata_present",
            "alert_chain_health_not_route_only",
            "cross_project_sync_present",
            "rollback_or_disable_validation_present",
            "post_change_monitoring_present",
            "postcheck_independent",
            "recurrence_guard_present",
            "maintenance_window_present",
            "noise_budget_owner_present",
            "redacted_refs_only",
            "secret_value_absent",
            "raw_payload_absent",
            "no_false_green",
            "runtime_stays_zero",
            "counts_transition_safe");

    private static final List<String> REVIEWER_CHECK_INSTRUCTIONS = List.of(
            "來源 owner response acceptance snapshot 必須是目前版本。",
            "必須有 incident、change、outage、ticket 或 maintenance ref,不能只寫 dashboard 已恢復。",
            "必須標示 actor role / team,不接受匿名 reload、silence、rule apply 或 receiver route change。",
            "必須有變更 / 異常時間窗,供 alert state、receiver receipt 與跨專案同步對齊。",
            "正常變更需有 change intent;緊急變更需有 break-glass reason,但 break-glass 不等於事前批准。",
            "必須有 before / after alert state ref,不得只看目前 resolved。",
            "必須回讀 rule、datasource、scrape、remote write 或 exporter state;不能只看 UI up。",
            "必須回讀 receiver route、notification policy、webhook 或 Telegram route state。",
            "需明確標示是否 reload / deploy;若未 reload 也需列原因與風險。",
            "必須提供 receiver receipt readback ref;不得用 receiver route 200 取代 receipt。",
            "必須檢查 stale、pending、resolved 未清、資料來源停止更新或 silent failure。",
            "必須檢查 silence、mute、dedup、inhibit 或 maintenance rule 是否造成 false green。",
            "Grafana / SigNoz / Sentry / Langfuse freshness 必須有 query / trace / log metadata ref。",
            "notification delivery 只能收脫敏 metadata ref、message id、hash 或 ticket。",
            "告警鏈路健康不得只用 public route 200、dashboard up、container up、CD success 或 UI 可見判定。",
            "若影響 AwoooP、IwoooS、agent-bounty、StockPlatform、公開網站或監控,需有跨專案同步 ref。",
            "必須提供 rollback / disable validation ref,包含 rollback owner 與停損條件。",
            "必須有 post-change monitoring window,觀察 alert state、receipt、error、metrics 與 upstream。",
            "post-check 必須獨立於原操作人、dashboard 卡片與 UI 顯示。",
            "必須提出防再發 guard、owner review、change freeze 或 automation block。",
            "後續任何 reload、deploy、rule apply、silence 或 notification send 都需維護窗口。",
            "測試通知、silence、dedup、inhibit 與 alert noise 必須有 noise budget owner。",
            "evidence 只能是脫敏 ref、hash、ticket、commit 或 artifact pointer。",
            "不得出現 token、Bot token、DSN secret、webhook secret、cookie、private key、env dump 或 partial secret。",
            "不得保存 raw alert payload、raw receiver payload、raw config、raw log、未脫敏 screenshot 或完整 notification body。",
            "不得只用 route 200、dashboard up、container up、receiver reachable、CD success 或 UI 可見當告警鏈路驗收。",
            "readback plan 不得觸發 reload、receiver route change、silence、Telegram send、alert fire、alert chain smoke、SSH、kubectl 或 production write。",
            "只有 reviewer record 能更新 accepted count,且不得同時開 runtime gate。");

    private static final List<String> OUTCOME_LANE_IDS = List.of(
            "waiting_post_incident_readback",
            "request_actor_or_time_supplement",
            "request_alert_state_supplement",
            "request_receiver_receipt_supplement",
            "request_stale_silence_supplement",
            "request_freshness_or_alert_chain_supplement",
            "quarantine_raw_payload",
            "reject_false_green_claim",
            "ready_for_monitoring_post_incident_review",
            "recurrence_guard_backfill_required",
            "waiting_runtime_gate");

    private static final List<String> OUTCOME_LANE_MEANINGS = List.of(
            "尚未收到監控 / 告警事故回讀包;所有 accepted / runtime count 維持 0。",
            "缺 actor、change / outage time window、intent 或 break-glass reason 時要求補件。",
            "缺 before / after alert state、rule、datasource、scrape、remote write 或 exporter state 時要求補件。",
            "缺 receiver route state、receipt proof、delivery metadata 或 notification owner 時要求補件。",
            "缺 stale / pending / resolved、silence、mute、dedup、inhibit 或 maintenance rule review 時要求補件。",
            "缺 dashboard / trace / log freshness、alert chain health、post-change monitoring 或 rollback validation 時要求補件。",
            "收到 secret、raw config、raw alert payload、raw receiver payload、未脫敏 log 或截圖時只能隔離。",
            "把 route 200、dashboard up、container up、receiver reachable、CD success 或 UI 可見當驗收時拒收。",
            "metadata 合格後,只能進 monitoring post-incident reviewer review。",
            "需補防再發 guard、owner review、change freeze、automation block 或 noise budget owner。",
            "即使 readback accepted,runtime gate 仍需獨立人工批准。");

    private static final List<String> BLOCKED_ACTIONS = List.of(
            "prometheus_reload",
            "alertmanager_reload",
            "grafana_dashboard_apply",
            "signoz_rule_apply",
            "sentry_deploy",
            "langfuse_config_change",
            "otel_collector_reload",
            "receiver_route_change",
            "silence_policy_change",
            "telegram_send",
            "notification_route_change",
            "webhook_receiver_change",
            "remote_write_change",
            "exporter_deploy",
            "live_alert_fire",
            "alert_chain_smoke",
            "ssh_read",
            "ssh_write",
            "kubectl_action",
            "secret_value_collection",
            "host_write",
            "active_scan",
            "production_write",
            "runtime_gate_open",
            "raw_monitoring_payload_storage",
            "accept_secret_value_evidence",
            "mark_owner_response_accepted_without_reviewer_record",
            "mark_route_200_as_alert_chain_healthy",
            "mark_receiver_healthy_without_receipt",
            "accept_silence_without_owner",
            "accept_stale_alert_without_review",
            "accept_reload_without_postcheck",
            "store_raw_alert_payload",
            "add_action_button",
            "store_raw_live_config",
            "store_full_receiver_payload",
            "collect_bot_token",
            "collect_dsn_secret",
            "collect_webhook_secret",
            "change_alert_rule",
            "change_scrape_config",
            "change_dashboard",
            "change_notification_policy",
            "change_silence",
            "change_inhibit_rule",
            "accept_dashboard_up_as_alert_chain_healthy",
            "skip_receiver_receipt",
            "skip_stale_review",
            "skip_silence_review",
            "skip_rollback_validation",
            "skip_post_change_monitoring",
            "skip_cross_project_sync",
            "live_receiver_probe");

    private static final List<String> CANDIDATE_KEYS = List.of(
            "post_incident_readback_candidate_id",
            "status",
            "source_acceptance_candidate_id",
            "request_id",
            "surface_id",
            "label",
            "expected_scope",
            "config_kind",
            "observability_scope",
            "control_tier",
            "repo_source_path",
            "repo_sha256",
            "source_line_count",
            "write_capable_surface",
            "requires_live_evidence",
            "monitoring_incident_or_change_ref",
            "actor_attribution_ref",
            "change_or_outage_time_window_ref",
            "change_intent_or_break_glass_ref",
            "before_alert_state_ref",
            "after_alert_state_ref",
            "rule_datasource_scrape_state_ref",
            "receiver_route_state_ref",
            "reload_or_no_reload_ref",
            "receiver_receipt_readback_ref",
            "stale_pending_resolved_review_ref",
            "silence_mute_dedup_inhibit_review_ref",
            "dashboard_trace_log_freshness_ref",
            "notification_delivery_metadata_ref",
            "alert_chain_health_readback_ref",
            "cross_project_sync_ref",
            "rollback_or_disable_validation_ref",
            "post_change_monitoring_ref",
            "postcheck_readback_ref",
            "recurrence_guard_ref",
            "maintenance_window",
            "rollback_owner",
            "reviewer_outcome",
            "followup_owner",
            "readback_fields",
            "required_readback_fields",
            "reviewer_checks",
            "outcome_lanes",
            "blocked_actions",
            "not_approval",
            "post_incident_readback_received",
            "post_incident_readback_accepted",
            "actor_attribution_accepted",
            "change_or_outage_time_window_accepted",
            "intent_or_break_glass_accepted",
            "before_after_alert_state_accepted",
            "rule_datasource_scrape_state_accepted",
            "receiver_route_state_accepted",
            "reload_or_no_reload_accepted",
            "receiver_receipt_readback_accepted",
            "stale_pending_resolved_review_accepted",
            "silence_mute_dedup_inhibit_review_accepted",
            "dashboard_trace_log_freshness_accepted",
            "notification_delivery_metadata_accepted",
            "alert_chain_health_readback_accepted",
            "cross_project_sync_accepted",
            "rollback_or_disable_validation_accepted",
            "post_change_monitoring_accepted",
            "postcheck_readback_accepted",
            "recurrence_guard_accepted",
            "no_false_green_accepted",
            "prometheus_reload_authorized",
            "alertmanager_reload_authorized",
            "grafana_dashboard_apply_authorized",
            "signoz_rule_apply_authorized",
            "sentry_deploy_authorized",
            "langfuse_config_change_authorized",
            "otel_collector_reload_authorized",
            "receiver_route_change_authorized",
            "silence_policy_change_authorized",
            "telegram_send_authorized",
            "notification_route_change_authorized",
            "webhook_receiver_change_authorized",
            "remote_write_change_authorized",
            "exporter_deploy_authorized",
            "live_alert_fire_authorized",
            "alert_chain_smoke_authorized",
            "ssh_read_authorized",
            "ssh_write_authorized",
            "kubectl_action_authorized",
            "secret_value_collection_allowed",
            "host_write_authorized",
            "active_scan_authorized",
            "production_write_authorized",
            "runtime_gate",
            "action_buttons_allowed");

    private static final List<String> SUMMARY_KEYS = List.of(
            "source_acceptance_candidate_count",
            "source_write_capable_acceptance_candidate_count",
            "source_live_evidence_required_candidate_count",
            "source_acceptance_field_count",
            "source_required_owner_field_count",
            "source_reviewer_check_count",
            "source_outcome_lane_count",
            "source_blocked_action_count",
            "source_owner_response_accepted_count",
            "source_alert_chain_health_accepted_count",
            "source_receiver_receipt_proof_accepted_count",
            "source_runtime_gate_count",
            "readback_candidate_count",
            "write_capable_readback_candidate_count",
            "live_evidence_required_readback_candidate_count",
            "alert_rule_readback_candidate_count",
            "deploy_or_reload_readback_candidate_count",
            "receiver_receipt_review_required_candidate_count",
            "stale_silence_review_required_candidate_count",
            "freshness_alert_chain_review_required_candidate_count",
            "no_false_green_required_candidate_count",
            "readback_field_count",
            "required_readback_field_count",
            "reviewer_check_count",
            "outcome_lane_count",
            "blocked_action_count",
            "post_incident_readback_received_count",
            "post_incident_readback_accepted_count",
            "actor_attribution_accepted_count",
            "change_or_outage_time_window_accepted_count",
            "intent_or_break_glass_accepted_count",
            "before_after_alert_state_accepted_count",
            "rule_datasource_scrape_state_accepted_count",
            "receiver_route_state_accepted_count",
            "reload_or_no_reload_accepted_count",
            "receiver_receipt_readback_accepted_count",
            "stale_pending_resolved_review_accepted_count",
            "silence_mute_dedup_inhibit_review_accepted_count",
            "dashboard_trace_log_freshness_accepted_count",
            "notification_delivery_metadata_accepted_count",
            "alert_chain_health_readback_accepted_count",
            "cross_project_sync_accepted_count",
            "rollback_or_disable_validation_accepted_count",
            "post_change_monitoring_accepted_count",
            "postcheck_readback_accepted_count",
            "recurrence_guard_accepted_count",
            "no_false_green_accepted_count",
            "prometheus_reload_authorized_count",
            "alertmanager_reload_authorized_count",
            "grafana_dashboard_apply_authorized_count",
            "signoz_rule_apply_authorized_count",
            "sentry_deploy_authorized_count",
            "langfuse_config_change_authorized_count",
            "otel_collector_reload_authorized_count",
            "receiver_route_change_authorized_count",
            "silence_policy_change_authorized_count",
            "telegram_send_authorized_count",
            "notification_route_change_authorized_count",
            "webhook_receiver_change_authorized_count",
            "remote_write_change_authorized_count",
            "exporter_deploy_authorized_count",
            "live_alert_fire_authorized_count",
            "alert_chain_smoke_authorized_count",
            "secret_value_collection_allowed_count",
            "host_write_authorized_count",
            "active_scan_authorized_count",
            "production_write_authorized_count",
            "runtime_gate_count",
            "action_button_count",
            "coverage_percent_after_readback_plan");

    private static final List<String> EXECUTION_BOUNDARY_KEYS = List.of(
            "not_authorization",
            "prometheus_reload_authorized",
            "alertmanager_reload_authorized",
            "grafana_dashboard_apply_authorized",
            "signoz_rule_apply_authorized",
            "sentry_deploy_authorized",
            "langfuse_config_change_authorized",
            "otel_collector_reload_authorized",
            "receiver_route_change_authorized",
            "silence_policy_change_authorized",
            "telegram_send_authorized",
            "notification_route_change_authorized",
            "webhook_receiver_change_authorized",
            "remote_write_change_authorized",
            "exporter_deploy_authorized",
            "live_alert_fire_authorized",
            "alert_chain_smoke_authorized",
            "ssh_read_authorized",
            "ssh_write_authorized",
            "kubectl_action_authorized",
            "secret_value_collection_allowed",
            "host_write_authorized",
            "active_scan_authorized",
            "production_write_authorized",
            "runtime_gate",
            "action_buttons_allowed",
            "raw_alert_payload_storage_allowed",
            "false_green_acceptance_authorized");

    private static final List<String> REPORT_KEYS = List.of(
            "schema_version",
            "generated_at",
            "git_commit",
            "source_schema_version",
            "source_status",
            "status",
            "summary",
            "readback_candidates",
            "required_readback_fields",
            "reviewer_checks",
            "outcome_lanes",
            "blocked_actions",
            "execution_boundaries",
            "source_paths",
            "mode",
            "operator_interpretation",
            "check_id",
            "instruction",
            "lane_id",
            "meaning");

    private static final List<String> SOURCE_PATHS = List.of(
            "docs/security/MONITORING-ALERTING-OBSERVABILITY-INVENTORY.md",
            "docs/security/monitoring-alerting-observability-inventory.snapshot.json",
            "docs/security/MONITORING-OWNER-REQUEST-DRAFT.md",
            "docs/security/monitoring-owner-request-draft.snapshot.json",
            "docs/security/MONITORING-OWNER-RESPONSE-ACCEPTANCE.md",
            "docs/security/monitoring-owner-response-acceptance.snapshot.json");

    private static final List<String> OPERATOR_INTERPRETATION = List.of(
            "此計畫只定義 Monitoring / Alerting / Observability 事故後回讀欄位,不代表 live monitoring 已讀取或可讀取。",
            "route 200、dashboard up、container up、receiver reachable、CD success、UI 可見都不能單獨當成告警鏈路事故驗收。",
            "未來若要 reload、rule apply、receiver route change、silence、Telegram send、alert fire 或 alert chain smoke,必須另有維護窗口、rollback owner 與人工批准。");

    private static final List<String> FIXED_VALUES = List.of(
            "monitoring_post_incident_readback:x",
            "waiting_post_incident_readback",
            "pending_post_incident_readback",
            "monitoring_post_incident_readback_plan_v1",
            "2026-05-01T10:00:00+08:00",
            "unknown",
            "post_incident_readback_plan_ready_no_runtime_action",
            "metadata_only_no_live_monitoring_no_reload_no_alert_send");

    private static final List<String> OTHER_CONSTANTS = List.of(
            "\nIwoooS Monitoring / Alerting / Observability post-incident readback 只讀計畫產生器。 本工具讀取 monitoring owner response acceptance snapshot,建立事故後回讀 計畫:誰改了告警 / receiver / silence、何時異常、改前改後 alert state、 receiver 是否收到、stale / silence 是否造成 false green、如何 rollback 與防再發。 它不連 live Prometheus、不 reload Alertmanager、不套用 Grafana / SigNoz / Sentry / Langfuse、不 reload OTEL、不改 receiver route、不建立 silence、 不送 Telegram、不 fire live alert、不跑 alert chain smoke、不 SSH、不 kubectl、 不讀 secret value、不保存 raw alert payload、不寫 production。\n",
            "__main__",
            "--root",
            "--source-report",
            "--output",
            "--generated-at",
            "monitoring_post_incident_readback:",
            "acceptance_candidate_id",
            "IwoooS Monitoring / Alerting 事故後回讀只讀計畫產生器",
            ".",
            "repo root",
            "monitoring-owner-response-acceptance.py 輸出的 JSON",
            "寫出 JSON 報告",
            "固定報告時間,供 committed snapshot 使用",
            "MONITORING_POST_INCIDENT_READBACK_PLAN_OK candidates=",
            " write_capable=",
            " checks=",
            " lanes=",
            " accepted=",
            " runtime_gate=",
            "git",
            "rev-parse",
            "--short",
            "HEAD",
            "utf-8",
            "seconds",
            "acceptance_candidates",
            "acceptance_candidate_count",
            "write_capable_acceptance_candidate_count",
            "live_evidence_required_candidate_count",
            "acceptance_field_count",
            "required_owner_field_count",
            "owner_response_accepted_count",
            "alert_chain_health_accepted_count",
            "receiver_receipt_proof_accepted_count",
            "\n",
            "prometheus_alert_rules",
            "grafana_alert_rules",
            "signoz_alert_rules",
            "reload_capable_script",
            "sentry_deploy_script",
            "host_deploy_script");

    private static final List<String> SNAPSHOT_SEED_7_WEIRD = List.of(
            "schema_version",
            "monitoring_owner_response_acceptance_v1",
            "generated_at",
            "2026-05-01T10:00:00+08:00",
            "status",
            "owner_response_acceptance_ready_no_runtime_action",
            "summary",
            "write_capable_acceptance_candidate_count",
            "live_evidence_required_candidate_count",
            "required_owner_field_count",
            "reviewer_check_count",
            "blocked_action_count",
            "owner_response_accepted_count",
            "receiver_receipt_proof_accepted_count",
            "runtime_gate_count",
            "acceptance_candidate_id",
            "monitoring_owner_response_acceptance:grafana_host_deploy_script_00000",
            "request_id",
            "monitoring_owner_request:grafana_host_deploy_script_00000",
            "surface_id",
            "grafana_host_deploy_script_00000",
            "label",
            "告警規則 / 接收者 #0",
            "expected_scope",
            "owner_confirm_scope",
            "config_kind",
            "host_deploy_script",
            "observability_scope",
            "grafana",
            "control_tier",
            "tier2_reload_capable",
            "repo_source_path",
            "ops/監控/0 file.yml",
            "repo_sha256",
            "ada1a65693f017468f2fb57fb010003a0aa8f6a6a3e92737fabd0081ddcd669c",
            "source_line_count",
            "write_capable_surface",
            "requires_live_evidence",
            "monitoring_owner_response_acceptance:alertmanager_alertmanager_config_00001",
            "monitoring_owner_request:alertmanager_alertmanager_config_00001",
            "alertmanager_alertmanager_config_00001",
            "ascii only #1",
            "alertmanager_config",
            "alertmanager",
            "tier1_config",
            "ops/alertmanager/alertmanager_config/1.yml",
            "094df85f5836b196f1fab83ee837b241abb650109581ea7f86655bd2bd2c89c2",
            "monitoring_owner_response_acceptance:prometheus_alertmanager_config_00002",
            "monitoring_owner_request:prometheus_alertmanager_config_00002",
            "prometheus_alertmanager_config_00002",
            "prometheus alertmanager_config #2",
            "owner_confirm_receiver",
            "prometheus",
            "ops/監控/2 file.yml",
            "fc2db821f1a331b00916178d22f2e22f5d81df1e081864c74e53abaf2ee203d9",
            "monitoring_owner_response_acceptance:grafana_exporter_config_00003",
            "monitoring_owner_request:grafana_exporter_config_00003",
            "grafana_exporter_config_00003",
            "x".repeat(300) + " #3",
            "owner_confirm_rules",
            "exporter_config",
            "tier0_read_only",
            "ops/grafana/exporter_config/3.yml",
            "3ecd1b549cca953ad763feeb44d8fb98494e55e033fb3e2b53007634f5934ace",
            "monitoring_owner_response_acceptance:exporter_prometheus_scrape_config_00004",
            "monitoring_owner_request:exporter_prometheus_scrape_config_00004",
            "exporter_prometheus_scrape_config_00004",
            "quote \" and \\ backslash #4",
            "owner_confirm_no_runtime",
            "prometheus_scrape_config",
            "exporter",
            "ops/exporter/prometheus_scrape_config/4.yml",
            "6b660ca2c0232ebdc16415dcac5678b273b1906343ac63dc9ad23c93061f4444",
            "monitoring_owner_response_acceptance:sentry_grafana_dashboard_00005",
            "monitoring_owner_request:sentry_grafana_dashboard_00005",
            "sentry_grafana_dashboard_00005",
            "sentry grafana_dashboard #5",
            "grafana_dashboard",
            "sentry",
            "ops/sentry/grafana_dashboard/5.yml",
            "634c1ad59ae519a79fbbe94c8079d4547ed4c169de1340282a1ce1c3477f65cd",
            "monitoring_owner_response_acceptance:langfuse_telegram_notifier_00006",
            "monitoring_owner_request:langfuse_telegram_notifier_00006",
            "langfuse_telegram_notifier_00006",
            "ctl\037\007 #6",
            "telegram_notifier",
            "langfuse",
            "ops/langfuse/telegram_notifier/6.yml",
            "cda18196af71f79c4911bede979595a2908d5628f5a0c17390818b67a3deacd7",
            "monitoring_owner_response_acceptance:alertmanager_prometheus_scrape_config_00007",
            "monitoring_owner_request:alertmanager_prometheus_scrape_config_00007",
            "alertmanager_prometheus_scrape_config_00007",
            "alertmanager prometheus_scrape_config #7",
            "ops/alertmanager/prometheus_scrape_config/7.yml",
            "c7dd79baa3a33d0f43996819ea1304e1f7582f6b30968580b7bcbde4a6fcd280",
            "monitoring_owner_response_acceptance:telegram_langfuse_config_00008",
            "monitoring_owner_request:telegram_langfuse_config_00008",
            "telegram_langfuse_config_00008",
            "\u2028line sep #8",
            "langfuse_config",
            "telegram",
            "ops/telegram/langfuse_config/8.yml",
            "d017d4582fe4ee8e5f7df4be7b0a3d31d1e844416052a416f46231b43849d003",
            "monitoring_owner_response_acceptance:signoz_prometheus_alert_rules_00009",
            "monitoring_owner_request:signoz_prometheus_alert_rules_00009",
            "signoz_prometheus_alert_rules_00009",
            "signoz prometheus_alert_rules #9",
            "prometheus_alert_rules",
            "signoz",
            "tier3_deploy_capable",
            "ops/監控/9 file.yml",
            "9d9a61752007fb99e040c7ae8ce28b6f279d527d1e2e0ad1f50edbfa6bba603f",
            "monitoring_owner_response_acceptance:sentry_otel_collector_config_00010",
            "monitoring_owner_request:sentry_otel_collector_config_00010",
            "sentry_otel_collector_config_00010",
            "sentry otel_collector_config #10",
            "otel_collector_config",
            "ops/sentry/otel_collector_config/10.yml",
            "cb6f3c03e0edc0ddad84f75b6095b2271d4290936d71cc8c494852753287d1d9",
            "monitoring_owner_response_acceptance:alertmanager_signoz_alert_rules_00011",
            "monitoring_owner_request:alertmanager_signoz_alert_rules_00011",
            "alertmanager_signoz_alert_rules_00011",
            "tab\there #11",
            "signoz_alert_rules",
            "ops/alertmanager/signoz_alert_rules/11.yml",
            "c9267a9913f097faa09641250244975edeab794121e7cc08a8a1a49eed7a221e",
            "monitoring_owner_response_acceptance:exporter_alertmanager_config_00012",
            "monitoring_owner_request:exporter_alertmanager_config_00012",
            "exporter_alertmanager_config_00012",
            "x".repeat(300) + " #12",
            "ops/exporter/alertmanager_config/12.yml",
            "cec81303741d439cfcc420b371bfad5fd344e1070f8f06ba9950fc3bb00a2122",
            "monitoring_owner_response_acceptance:otel_alertmanager_config_00013",
            "monitoring_owner_request:otel_alertmanager_config_00013",
            "otel_alertmanager_config_00013",
            "日本語テキスト #13",
            "otel",
            "ops/otel/alertmanager_config/13.yml",
            "16308911deb7003464e020ed462cd2bec3936397b174b32ed0786ff51f382498",
            "monitoring_owner_response_acceptance:alertmanager_prometheus_alert_rules_00014",
            "monitoring_owner_request:alertmanager_prometheus_alert_rules_00014",
            "alertmanager_prometheus_alert_rules_00014",
            "emoji 🚨🔥 #14",
            "ops/alertmanager/prometheus_alert_rules/14.yml",
            "9b9dabdbf61ff650e32be6019fca37451083892aead76a7bc78e1878029a7c70",
            "monitoring_owner_response_acceptance:langfuse_sentry_deploy_script_00015",
            "monitoring_owner_request:langfuse_sentry_deploy_script_00015",
            "langfuse_sentry_deploy_script_00015",
            "langfuse sentry_deploy_script #15",
            "sentry_deploy_script",
            "ops/langfuse/sentry_deploy_script/15.yml",
            "70d6e88895efaf5a4199d76631c11e66a078cacc0362a03ff9397ac3c5129f56",
            "monitoring_owner_response_acceptance:alertmanager_signoz_alert_rules_00016",
            "monitoring_owner_request:alertmanager_signoz_alert_rules_00016",
            "alertmanager_signoz_alert_rules_00016",
            "alertmanager signoz_alert_rules #16",
            "ops/alertmanager/signoz_alert_rules/16.yml",
            "85458c4d207155aa79456c84d525af89966b070255fb368693e89798bce5646a",
            "monitoring_owner_response_acceptance:exporter_signoz_alert_rules_00017",
            "monitoring_owner_request:exporter_signoz_alert_rules_00017",
            "exporter_signoz_alert_rules_00017",
            "exporter signoz_alert_rules #17",
            "ops/exporter/signoz_alert_rules/17.yml",
            "ef1175c973d766e078e39e5c3a492da4fd47dddfd75ca0afd8cdf7e8945cb150",
            "monitoring_owner_response_acceptance:signoz_host_deploy_script_00018",
            "monitoring_owner_request:signoz_host_deploy_script_00018",
            "signoz_host_deploy_script_00018",
            "signoz host_deploy_script #18",
            "ops/signoz/host_deploy_script/18.yml",
            "df147efae0d24d0e50bb415711d6ffe01bb6c613557f9118d095db37884d3190",
            "monitoring_owner_response_acceptance:signoz_receiver_route_config_00019",
            "monitoring_owner_request:signoz_receiver_route_config_00019",
            "signoz_receiver_route_config_00019",
            "ctl\037\007 #19",
            "receiver_route_config",
            "ops/signoz/receiver_route_config/19.yml",
            "293778a1e64bdcba1e664e0ae5588746c672c5a2f24bf49067aeb57a655c23fc",
            "monitoring_owner_response_acceptance:telegram_host_deploy_script_00020",
            "monitoring_owner_request:telegram_host_deploy_script_00020",
            "telegram_host_deploy_script_00020",
            "telegram host_deploy_script #20",
            "ops/telegram/host_deploy_script/20.yml",
            "a5d94f3910db0600ea8c6339c418b70d5c29bd7ec4d5832099c5de939a18c0ab",
            "monitoring_owner_response_acceptance:telegram_reload_capable_script_00021",
            "monitoring_owner_request:telegram_reload_capable_script_00021",
            "telegram_reload_capable_script_00021",
            "telegram reload_capable_script #21",
            "reload_capable_script",
            "ops/telegram/reload_capable_script/21.yml",
            "a80dfeeb097373d1803341037b8faf96a722346f3023289b4e28a2270b21aa90",
            "monitoring_owner_response_acceptance:alertmanager_langfuse_config_00022",
            "monitoring_owner_request:alertmanager_langfuse_config_00022",
            "alertmanager_langfuse_config_00022",
            "alertmanager langfuse_config #22",
            "ops/alertmanager/langfuse_config/22.yml",
            "4fe873389176275c92999b96e1311e4f6a85b995d1f4404b817c9428b0be0670",
            "monitoring_owner_response_acceptance:otel_telegram_notifier_00023",
            "monitoring_owner_request:otel_telegram_notifier_00023",
            "otel_telegram_notifier_00023",
            "Ωμέγα #23",
            "ops/otel/telegram_notifier/23.yml",
            "026d1871baf04caf86943c15863902860731b79b7472fef2482d390e60cc766e",
            "monitoring_owner_response_acceptance:grafana_telegram_notifier_00024",
            "monitoring_owner_request:grafana_telegram_notifier_00024",
            "grafana_telegram_notifier_00024",
            "grafana telegram_notifier #24",
            "ops/grafana/telegram_notifier/24.yml",
            "cd3511736eed81452e2c270a197b887d0ed0b3c5a734ca39ca876b54971ee637",
            "ascii only #27",
            "ops/監控/27 file.yml",
            "x".repeat(300) + " #28",
            "tab\there #29",
            "nl\nline #30",
            "Grafana 儀表板 ✅ #31",
            "ops/監控/32 file.yml",
            "ops/監控/33 file.yml",
            "quote \" and \\ backslash #34",
            "ops/監控/34 file.yml",
            " #35",
            "Ωμέγα #37",
            "ops/監控/37 file.yml",
            " lead/trail  #38",
            "ops/監控/38 file.yml",
            "ops/監控/41 file.yml",
            "quote \" and \\ backslash #43",
            "quote \" and \\ backslash #45",
            "nl\nline #46",
            " lead/trail  #49",
            "告警規則 / 接收者 #50",
            "ops/監控/50 file.yml",
            "Ωμέγα #52",
            "ops/監控/53 file.yml",
            "ops/監控/56 file.yml",
            "Grafana 儀表板 ✅ #57",
            "ops/監控/57 file.yml",
            "ctl\037\007 #58",
            "quote \" and \\ backslash #59",
            "ops/監控/59 file.yml",
            "quote \" and \\ backslash #62",
            "ops/監控/62 file.yml",
            "Grafana 儀表板 ✅ #63",
            "ops/監控/63 file.yml",
            "ctl\037\007 #64",
            "ascii only #65",
            "quote \" and \\ backslash #66",
            "quote \" and \\ backslash #67",
            " #68",
            "ops/監控/68 file.yml",
            "tab\there #69",
            "emoji 🚨🔥 #71",
            "tab\there #75",
            "x".repeat(300) + " #79",
            "ops/監控/79 file.yml",
            "ascii only #83",
            "告警規則 / 接收者 #84",
            "tab\there #86",
            "ops/監控/86 file.yml",
            "Ωμέγα #87",
            "emoji 🚨🔥 #90",
            "ops/監控/91 file.yml",
            "nl\nline #92",
            "quote \" and \\ backslash #95",
            "Grafana 儀表板 ✅ #97",
            "告警規則 / 接收者 #98",
            "告警規則 / 接收者 #100",
            "emoji 🚨🔥 #101",
            "x".repeat(300) + " #102",
            "emoji 🚨🔥 #104",
            "告警規則 / 接收者 #106",
            "ops/監控/106 file.yml",
            "Grafana 儀表板 ✅ #107",
            "ops/監控/107 file.yml",
            "Ωμέγα #108",
            "\u2028line sep #112",
            "ops/監控/112 file.yml",
            " lead/trail  #113",
            "quote \" and \\ backslash #114",
            "ascii only #117",
            "告警規則 / 接收者 #118",
            "nl\nline #119",
            "告警規則 / 接收者 #120",
            "ops/監控/120 file.yml",
            "ops/監控/121 file.yml",
            "ops/監控/122 file.yml",
            "日本語テキスト #123",
            " lead/trail  #126",
            "x".repeat(300) + " #128",
            "tab\there #130",
            "emoji 🚨🔥 #131",
            "ops/監控/131 file.yml",
            " #132",
            "ops/監控/133 file.yml",
            "告警規則 / 接收者 #134",
            "日本語テキスト #137",
            "ops/監控/137 file.yml",
            "ops/監控/138 file.yml",
            "ops/監控/139 file.yml",
            "tab\there #141",
            " lead/trail  #143",
            "ops/監控/148 file.yml",
            "Ωμέγα #149",
            "\u2028line sep #150",
            "nl\nline #151",
            "ascii only #152",
            "Ωμέγα #154",
            "ops/監控/157 file.yml",
            "emoji 🚨🔥 #160",
            "\u2028line sep #161",
            "ops/監控/162 file.yml",
            " lead/trail  #163",
            "ascii only #164",
            "ops/監控/164 file.yml",
            "tab\there #165",
            "ops/監控/166 file.yml",
            "日本語テキスト #168",
            " lead/trail  #169",
            "ops/監控/169 file.yml",
            "ascii only #170",
            "ops/監控/170 file.yml",
            "\u2028line sep #171",
            "ops/監控/174 file.yml",
            "x".repeat(300) + " #175",
            "ops/監控/175 file.yml",
            "ops/監控/176 file.yml",
            "告警規則 / 接收者 #177",
            "日本語テキスト #178",
            "emoji 🚨🔥 #179",
            "ascii only #180",
            "ops/監控/183 file.yml",
            "ops/監控/185 file.yml",
            " lead/trail  #188",
            "nl\nline #190",
            "emoji 🚨🔥 #191",
            "quote \" and \\ backslash #192",
            "tab\there #193",
            "quote \" and \\ backslash #195",
            "ops/監控/195 file.yml",
            "\u2028line sep #196",
            "ctl\037\007 #197",
            "ops/監控/197 file.yml",
            "日本語テキスト #199",
            "ops/監控/199 file.yml");
}
