package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input and every kind of secret ends the same way: exit 1, a located error on
 * standard error, the existing plan untouched, no temporary file left, and the secret never shown.
 */
class RefusalTest {
    private static final String EXISTING = "the previous plan\n";
    private static final String BASE = """
            {
              "schema_version": "monitoring_owner_response_acceptance_v1",
              "acceptance_candidates": [
                {
                  "acceptance_candidate_id": "monitoring_owner_response_acceptance:s1",
                  "request_id": "monitoring_owner_request:s1",
                  "surface_id": "s1",
                  "label": "LABEL",
                  "expected_scope": "owner_confirm_scope",
                  "config_kind": "alertmanager_config",
                  "observability_scope": "alertmanager",
                  "control_tier": "tier1_config",
                  "repo_source_path": "ops/alertmanager.yml",
                  "repo_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                  "source_line_count": 12,
                  "write_capable_surface": true,
                  "requires_live_evidence": false
                }
              ]
            }
            """;

    @TempDir
    Path temp;

    /** Secret-shaped values, all made of obviously fake parts. */
    static Stream<Arguments> secrets() {
        String jwtPart = "eyJ" + "hbGciOiJub25lIn0";
        return Stream.of(
                Arguments.of("Telegram bot token", "123456789:" + "AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQr"),
                Arguments.of("private key block", "-----BEGIN " + "OPENSSH PRIVATE KEY-----"),
                Arguments.of("AWS access key id", "AKIA" + "EXAMPLEEXAMPLE12"),
                Arguments.of("GitHub token", "ghp_" + "x".repeat(18) + "Y".repeat(18)),
                Arguments.of("GitLab token", "glpat-" + "Zz9".repeat(7)),
                Arguments.of("Slack token", "xoxb-" + "1234567890-fakefakefake"),
                Arguments.of("JSON Web Token", jwtPart + "." + "eyJ" + "zdWIiOiJ4In0" + ".c2lnbmF0dXJl"),
                Arguments.of("Sentry DSN with its key", "https://" + "0123456789abcdef".repeat(2) + "@o1.ingest.sentry.example/42"),
                Arguments.of("URL with embedded credentials", "postgres://svc:" + "Pa55w0rdFake" + "@db.internal/alerts"),
                Arguments.of("webhook URL with an embedded token", "https://hooks.slack.com/services/T0FAKE/B0FAKE/" + "q1w2e3r4t5y6u7i8"),
                Arguments.of("password, token or secret assignment", "api_token=" + "s3cr3t-fake-value"),
                Arguments.of("raw JSON payload", "{\\\"receiver\\\": \\\"telegram\\\", \\\"alerts\\\": [{\\\"status\\\": \\\"firing\\\"}]}"),
                Arguments.of("raw multi-line text blob", "global:\\n  resolve_timeout: 5m\\nroute:\\n  receiver: fake"));
    }

    @ParameterizedTest(name = "{0} in a candidate")
    @MethodSource("secrets")
    void aSecretInACandidateIsRefused(String kind, String value) throws IOException {
        Path root = snapshot(BASE.replace("LABEL", value));
        assertRefused(root, "/acceptance_candidates/0/label", kind, unescaped(value));
    }

    /**
     * A secret in a field the plan never copies cannot leak into the plan: generation reports it as a
     * redacted warning and writes the plan; --strict refuses; validate fails.
     */
    @ParameterizedTest(name = "{0} in an unknown property")
    @MethodSource("secrets")
    void aSecretWhereThePlanWouldNotCarryItIsAWarningForGenerationAndAnErrorForValidate(String kind, String value) throws IOException {
        Path root = snapshot(BASE.replace("\"schema_version\"", "\"upstream_note\": \"" + value + "\",\n  \"schema_version\""));
        Path output = temp.resolve("written/plan.json");
        CliTest.Run generated = run("--root", root.toString(), "--source-report", "snapshot.json", "--output", output.toString(),
                "--generated-at", CliTest.GENERATED_AT, "--git-commit", "unknown");
        assertEquals(0, generated.status(), generated.err());
        assertTrue(generated.err().matches("(?s).*snapshot\\.json:\\d+:\\d+: warning: /upstream_note: the value looks like (a|an) \\Q"
                + kind + "\\E.*"), generated.err());
        assertNoPieceOf(unescaped(value), generated.err());
        String plan = Files.readString(output, StandardCharsets.UTF_8);
        assertFalse(plan.contains("upstream_note"), "an unknown property is never copied");
        // The plan's own catalogs hold words such as "sentry": compare longer pieces.
        for (int i = 0; i + 12 <= unescaped(value).length(); i++) {
            assertFalse(plan.contains(unescaped(value).substring(i, i + 12)), "the plan holds part of the secret");
        }

        CliTest.Run strict = refusedRun(root, "--strict");
        assertTrue(strict.err().contains("warning: /upstream_note"), strict.err());
        assertNoPieceOf(unescaped(value), strict.err());

        CliTest.Run validated = run("validate", root.resolve("snapshot.json").toString());
        assertEquals(1, validated.status(), validated.err());
        assertTrue(validated.out().contains("error: /upstream_note: the value looks like"), validated.out());
        assertNoPieceOf(unescaped(value), validated.out() + validated.err());
    }

    /** Each bad input of the strict reader, with the start of the message it must give. */
    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("duplicate key", BASE.replace("\"label\": \"LABEL\",", "\"label\": \"a\",\n      \"label\": \"b\","),
                        "/acceptance_candidates/0/label", "duplicate key"),
                Arguments.of("NaN", BASE.replace("12,", "NaN,"), "/acceptance_candidates/0", "NaN and Infinity are not JSON numbers"),
                Arguments.of("Infinity", BASE.replace("12,", "Infinity,"), "/acceptance_candidates/0", "NaN and Infinity are not JSON numbers"),
                Arguments.of("trailing content", BASE + "[]", "(root)", "unexpected content after the end of the document"),
                Arguments.of("unpaired surrogate", BASE.replace("LABEL", "\\udc00"), "/acceptance_candidates/0/label", "the value holds an unpaired surrogate"),
                Arguments.of("too deep", BASE.replace("\"LABEL\"", "\"x\", \"deep\": " + "[".repeat(130) + "]".repeat(130)),
                        "/acceptance_candidates/0/deep/0", "objects and arrays are nested deeper than the limit of 128 levels"),
                Arguments.of("string too long", BASE.replace("LABEL", "a".repeat((1 << 20) + 1)),
                        "/acceptance_candidates/0/label", "a string is longer than the limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithALocatedError(String name, String snapshot, String pointer, String message) throws IOException {
        Path root = snapshot(snapshot);
        CliTest.Run run = refusedRun(root);
        assertTrue(run.err().matches("(?s).*snapshot\\.json:\\d+:\\d+: error: \\Q" + pointer + "\\E.*: \\Q" + message + "\\E.*"), run.err());
    }

    @ParameterizedTest(name = "invalid UTF-8 byte {0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8IsRefusedWithALocatedError(String bytes) throws IOException {
        byte[] document = BASE.replace("LABEL", "@@").getBytes(StandardCharsets.UTF_8);
        String text = new String(document, StandardCharsets.ISO_8859_1).replace("@@", bytes);
        Path root = temp.resolve("repo");
        Files.createDirectories(root);
        Files.write(root.resolve("snapshot.json"), text.getBytes(StandardCharsets.ISO_8859_1));
        CliTest.Run run = refusedRun(root);
        assertTrue(run.err().contains("snapshot.json:8:17: error: /acceptance_candidates/0/label: invalid UTF-8 byte sequence"), run.err());
    }

    static Stream<String> invalidUtf8() {
        // A lone continuation byte, an overlong '/', an encoded surrogate, a truncated sequence, a code point above U+10FFFF.
        return Stream.of("\u0080", "\u00c0\u00af", "\u00ed\u00a0\u0080", "\u00e2\u0082", "\u00f4\u0090\u0080\u0080");
    }

    @org.junit.jupiter.api.Test
    void aFileLargerThanTheLimitIsRefusedWithoutBeingRead() throws IOException {
        Path root = temp.resolve("repo");
        Files.createDirectories(root);
        try (RandomAccessFile sparse = new RandomAccessFile(root.resolve("snapshot.json").toFile(), "rw")) {
            sparse.setLength((256L << 20) + 1);
        }
        CliTest.Run run = refusedRun(root);
        assertTrue(run.err().contains("snapshot.json: error: (root): the document is larger than the limit of 268435456 bytes"), run.err());
    }

    @org.junit.jupiter.api.Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path root = snapshot("\ufeff" + BASE.replace("LABEL", "Alertmanager"));
        Path output = temp.resolve("plan.json");
        CliTest.Run run = run("--root", root.toString(), "--source-report", "snapshot.json", "--output", output.toString(),
                "--generated-at", CliTest.GENERATED_AT, "--git-commit", "unknown");
        assertEquals(0, run.status(), run.err());
    }

    private Path snapshot(String text) throws IOException {
        Path root = temp.resolve("repo");
        Files.createDirectories(root);
        Files.writeString(root.resolve("snapshot.json"), text, StandardCharsets.UTF_8);
        return root;
    }

    private CliTest.Run refusedRun(Path root, String... more) throws IOException {
        Path output = temp.resolve("out/plan.json");
        Files.createDirectories(output.getParent());
        Files.writeString(output, EXISTING, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--root", root.toString(), "--source-report", "snapshot.json",
                "--output", output.toString(), "--generated-at", CliTest.GENERATED_AT, "--git-commit", "unknown"));
        args.addAll(List.of(more));
        CliTest.Run run = run(args.toArray(String[]::new));
        assertEquals(1, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals(EXISTING, Files.readString(output, StandardCharsets.UTF_8), "the existing plan must be untouched");
        try (Stream<Path> files = Files.list(output.getParent())) {
            assertEquals(1, files.count(), "no temporary file may be left behind");
        }
        assertTrue(run.err().contains("nothing was written"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        return run;
    }

    private void assertRefused(Path root, String pointer, String kind, String secret) throws IOException {
        CliTest.Run run = refusedRun(root);
        assertTrue(run.err().matches("(?s).*snapshot\\.json:\\d+:\\d+: error: \\Q" + pointer + "\\E: the value looks like (a|an) \\Q"
                + kind + "\\E.*"), run.err());
        assertNoPieceOf(secret, run.err());
    }

    /** Not the value, and not even a piece of it: no 6-character window of it may appear. */
    static void assertNoPieceOf(String secret, String text) {
        for (int i = 0; i + 6 <= secret.length(); i++) {
            String window = secret.substring(i, i + 6);
            if (!window.isBlank()) {
                assertFalse(text.contains(window), "the text repeats part of the secret: " + window);
            }
        }
    }

    private static String unescaped(String jsonText) {
        return jsonText.replace("\\\"", "\"").replace("\\n", "\n");
    }
}
