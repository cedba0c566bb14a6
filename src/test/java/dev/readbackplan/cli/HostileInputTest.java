package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.GENERATED_AT;
import static dev.readbackplan.cli.CliTest.run;
import static dev.readbackplan.cli.RefusalTest.assertNoPieceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents made to break the tool or its reports, as a hostile user would write them: secret-shaped
 * keys, keys that hold slashes and terminal control characters, and small documents with an enormous
 * number of problems. Each case is one of the reproductions.
 */
class HostileInputTest {
    private static final String GITHUB_TOKEN = "ghp_" + "Qw7Er5Ty3Ui1Op9As8Df6Gh4Jk2Lz0Xc5Vb3";
    private static final String TELEGRAM_TOKEN = "123456789:" + "AAHfake0fake1fake2fake3fake4fake5fa";
    private static final String SLACK_WEBHOOK = "https://hooks.slack.com/services/" + "T0FAKE00/B0FAKE00/q1w2e3r4t5y6u7i8o9p0";
    private static final String BASIC_AUTH_URL = "https://alert" + "bot:Hunt3r2Fake" + "@grafana.internal/api";

    @TempDir
    Path temp;

    static Stream<Arguments> secretKeys() {
        return Stream.of(
                Arguments.of("GitHub token", GITHUB_TOKEN, GITHUB_TOKEN),
                Arguments.of("Telegram token", TELEGRAM_TOKEN, TELEGRAM_TOKEN),
                // The messages name "a password ... assignment": only the value must not show.
                Arguments.of("password assignment", "password=" + "Hunt3r2FakeValue", "Hunt3r2FakeValue"),
                Arguments.of("Slack webhook URL (slashes)", SLACK_WEBHOOK, SLACK_WEBHOOK),
                Arguments.of("basic-auth URL (slashes)", BASIC_AUTH_URL, BASIC_AUTH_URL));
    }

    private Path write(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** A JSON string literal, every character that is not printable ASCII escaped. */
    private static String json(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    /** Issue item 1 and 2: a secret-shaped key is located (no crash) and never shown, nor any piece of it. */
    @ParameterizedTest(name = "{0} as a key")
    @MethodSource("secretKeys")
    void aSecretShapedKeyIsReportedRedactedInEveryFormat(String kind, String key, String secret) throws IOException {
        // Twice in one object: the duplicate-key error points at the key itself.
        Path file = write("hostile.json", "{\"schema_version\": \"x\", \"acceptance_candidates\": [],\n  " + json(key)
                + ": 1,\n  " + json(key) + ": {" + json(key) + ": 2}}");
        for (String format : new String[] {"text", "json"}) {
            CliTest.Run run = run("validate", "--format", format, file.toString());
            assertEquals(1, run.status(), run.out() + run.err());
            assertFalse(run.err().contains("internal error"), run.err());
            assertTrue(run.out().contains("[redacted]"), run.out());
            assertTrue(run.out().contains("duplicate"), run.out());
            assertNoPieceOf(secret, run.out() + run.err());
        }
        CliTest.Run generation = run("--root", temp.toString(), "--source-report", "hostile.json", "--generated-at", GENERATED_AT,
                "--git-commit", "unknown", "--output", temp.resolve("plan.json").toString());
        assertEquals(1, generation.status(), generation.err());
        assertTrue(generation.err().matches("(?s).*hostile\\.json:3:3: error: /\\[redacted\\]: duplicate key.*"), generation.err());
        assertNoPieceOf(secret, generation.err());
    }

    /** Issue item 2: --check names the first difference; a secret-shaped key there is redacted too. */
    @ParameterizedTest(name = "{0} as a key, in --check")
    @MethodSource("secretKeys")
    void checkRedactsASecretShapedKeyInItsPointer(String kind, String key, String secret) throws IOException {
        String plan = Files.readString(CliTest.EXAMPLE_PLAN, StandardCharsets.UTF_8);
        Path edited = write("plan.json", plan.replaceFirst("\\{\n", "{\n  " + json(key).replace("\\", "\\\\").replace("$", "\\$") + ": 1,\n"));
        CliTest.Run run = run("--root", "examples", "--check", "--output", edited.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("out of date at /[redacted]: in the file but not in the regenerated plan"), run.err());
        assertNoPieceOf(secret, run.err());
    }

    /** Issue item 3: control and bidi characters in keys never reach the terminal raw, in text or JSON. */
    @Test
    void controlAndBidiCharactersInKeysAreEscaped() throws IOException {
        String key = "\u001b]0;owned\u0007\u001b[2J\u202eevil\u2066\u0085\u009b";
        Path file = write("controls.json", "{\"schema_version\": \"x\", \"acceptance_candidates\": [], " + json(key) + ": 1, "
                + json(key) + ": 2}");
        CliTest.Run text = run("validate", file.toString());
        assertEquals(1, text.status(), text.out());
        assertTrue(text.out().contains("/\\u001b]0;owned\\u0007\\u001b[2J\\u202eevil\\u2066\\u0085\\u009b: duplicate key"), text.out());
        CliTest.Run asJson = run("validate", "--format", "json", file.toString());
        assertTrue(asJson.out().contains("\"pointer\": \"/\\u001b]0;owned\\u0007\\u001b[2J\\u202eevil\\u2066\\u0085\\u009b\""), asJson.out());
        CliTest.Run asSarif = run("validate", "--format", "sarif", file.toString());
        assertTrue(asSarif.out().contains("/\\\\u001b]0;owned\\\\u0007\\\\u001b[2J\\\\u202eevil\\\\u2066\\\\u0085\\\\u009b: duplicate key"),
                asSarif.out());
        for (String output : new String[] {text.out() + text.err(), asJson.out() + asJson.err(), asSarif.out() + asSarif.err()}) {
            output.codePoints().forEach(c -> assertFalse(c != '\n' && dev.readbackplan.internal.text.Display.isInvisible(c),
                    "raw U+" + Integer.toHexString(c) + " in " + output));
        }
    }

    /**
     * Issue item 6: one long key above a few hundred duplicates once made hundreds of megabytes of report.
     * The report now shows at most the limit of problems, each pointer shortened, then one line counting the rest.
     */
    @Test
    void aLongKeyAboveManyDuplicatesGivesABoundedReport() throws IOException {
        StringBuilder document = new StringBuilder("{\"schema_version\": \"x\", \"acceptance_candidates\": [], \"");
        document.append("k".repeat(400_000)).append("\": {");
        for (int i = 0; i < 1500; i++) {
            document.append(i == 0 ? "" : ",").append("\"a\": 1");
        }
        document.append("}}");
        Path file = write("flood.json", document.toString());
        assertTrue(Files.size(file) < 1_000_000);
        CliTest.Run run = run("validate", file.toString());
        assertEquals(1, run.status(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(1001, lines.length, "1,000 problems and the note");
        assertTrue(lines[1000].endsWith("note: 499 more errors and 0 more warnings not shown (the first 1000 are)"), lines[1000]);
        // About 230 characters a line, against hundreds of megabytes before: the file name, a shortened pointer, the message.
        assertTrue(run.out().length() < 400_000, "the report is " + run.out().length() + " characters");
        assertTrue(lines[0].contains("/kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk/a: duplicate key"), lines[0]);
        CliTest.Run asJson = run("validate", "--format", "json", file.toString());
        assertTrue(asJson.out().contains("\"severity\": \"note\""), "the JSON report counts the rest too");
    }

    /** Arguments are echoed in usage errors: escaped too. */
    @Test
    void anArgumentWithControlCharactersIsEchoedEscaped() {
        CliTest.Run run = run("--\u001b[2Jroot", "x");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("unrecognized argument: --\\u001b[2Jroot"), run.err());
        assertFalse(run.err().contains("\u001b"), run.err());
    }

    /** Issue item 8: a folder given as input is named in a plain message, exit 2. */
    @Test
    void aFolderAsInputIsNamed() {
        CliTest.Run run = run("validate", temp.toString());
        assertEquals(2, run.status());
        assertEquals("monitoring-readback-plan: error: " + temp + ": is a directory, not a document", run.err().lines().findFirst().orElse(""));
        CliTest.Run generation = run("--root", temp.getParent().toString(), "--source-report", temp.getFileName().toString(),
                "--generated-at", GENERATED_AT, "--git-commit", "unknown");
        assertEquals(2, generation.status());
        assertTrue(generation.err().startsWith("monitoring-readback-plan: error: " + temp + ": is a directory"), generation.err());
        assertFalse(generation.err().contains("Exception"), generation.err());
    }

    /** Issue item 8: an integer count is judged on its exact decimal, not on the double it rounds to. */
    @Test
    void aCountWithAFractionIsNotAnIntegerEvenWhenItsDoubleIs() throws IOException {
        String base = Files.readString(Path.of("src/test/resources/golden/plain-01-n1/snapshot.json"), StandardCharsets.UTF_8);
        String edited = base.replaceFirst("\"source_line_count\": \\d+", "\"source_line_count\": 9007199254740990.5");
        assertFalse(base.equals(edited));
        Path file = write("fraction.json", edited);
        CliTest.Run run = run("validate", file.toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("/acceptance_candidates/0/source_line_count: "), run.out());
        Path integral = write("integral.json", base.replaceFirst("\"source_line_count\": \\d+", "\"source_line_count\": 42.000"));
        assertEquals(0, run("validate", integral.toString()).status(), "42.000 is the integer 42, as Python and the schema say");
    }
}
