package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.BuildVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate command and --check, through the command line. */
class ValidateAndCheckTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");

    @TempDir
    Path temp;

    @Test
    void threeSeparateProblemsGiveThreeLocatedLinesInOneRun() {
        Path file = FIXTURES.resolve("snapshot/invalid/three-problems.json");
        CliTest.Run run = run("validate", file.toString());
        assertEquals(1, run.status());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        for (String line : lines) {
            assertTrue(line.matches("\\Q" + file + "\\E:\\d+:\\d+: error: /acceptance_candidates/\\d/\\w+: .+"), line);
        }
        assertEquals("1 document checked: 0 valid, 1 invalid\n", run.err());
    }

    @Test
    void validDocumentsOfBothKindsPassAndKindsAreToldApart() {
        CliTest.Run run = run("validate", SNAPSHOT.toString(), CliTest.EXAMPLE_PLAN.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertEquals("", run.out());
        assertEquals("2 documents checked: 2 valid, 0 invalid\n", run.err());
    }

    @Test
    void aPlanWithAGateOpenedFailsValidate() throws IOException {
        ObjectNode plan = (ObjectNode) new ObjectMapper().readTree(CliTest.EXAMPLE_PLAN.toFile());
        ((ObjectNode) plan.at("/readback_candidates/4")).put("alertmanager_reload_authorized", true);
        Path file = temp.resolve("plan.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), plan);
        CliTest.Run run = run("validate", file.toString());
        assertEquals(1, run.status());
        assertTrue(run.out().contains(": error: /readback_candidates/4/alertmanager_reload_authorized: must be the constant value 'false'"),
                run.out());
    }

    @Test
    void warningsPassUnlessStrict() {
        Path file = FIXTURES.resolve("snapshot/invalid/summary-counts-disagree.json");
        CliTest.Run lenient = run("validate", file.toString());
        assertEquals(0, lenient.status());
        assertEquals(2, lenient.out().lines().filter(l -> l.contains(": warning: ")).count(), lenient.out());
        assertEquals(1, run("validate", "--strict", file.toString()).status());
    }

    @Test
    void strictGenerationRefusesWarningsAndWritesNothing() throws IOException {
        Path output = temp.resolve("plan.json");
        CliTest.Run run = run("--root", FIXTURES.resolve("snapshot/invalid").toString(), "--source-report", "summary-counts-disagree.json",
                "--output", output.toString(), "--strict", "--generated-at", CliTest.GENERATED_AT);
        assertEquals(1, run.status());
        assertTrue(Files.notExists(output));
        CliTest.Run lenient = run("--root", FIXTURES.resolve("snapshot/invalid").toString(), "--source-report", "summary-counts-disagree.json",
                "--output", output.toString(), "--generated-at", CliTest.GENERATED_AT);
        assertEquals(0, lenient.status());
        assertTrue(lenient.err().contains(": warning: /summary/acceptance_candidate_count: "), lenient.err());
    }

    @Test
    void jsonFormatIsOneArrayForAllFilesUnderTheToolsName() throws IOException {
        CliTest.Run run = run("validate", "--format", "json", FIXTURES.resolve("snapshot/invalid/three-problems.json").toString(),
                FIXTURES.resolve("plan/invalid/gate-opened.json").toString(), SNAPSHOT.toString());
        assertEquals(1, run.status());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(List.of("problems", "tool"), iterable(report.fieldNames()));
        assertEquals("monitoring-readback-plan", report.get("tool").get("name").asText());
        assertEquals(BuildVersion.VERSION, report.get("tool").get("version").asText());
        assertTrue(BuildVersion.VERSION.matches("\\d+\\.\\d+\\.\\d+.*"), "the build fills in the version: " + BuildVersion.VERSION);
        JsonNode array = report.get("problems");
        assertEquals(4, array.size());
        JsonNode first = array.get(0);
        assertEquals(FIXTURES.resolve("snapshot/invalid/three-problems.json").toString(), first.get("file").asText());
        assertEquals(7, first.get("line").asInt());
        assertEquals(21, first.get("column").asInt());
        assertEquals("error", first.get("severity").asText());
        assertEquals("/acceptance_candidates/0/request_id", first.get("pointer").asText());
        assertEquals("minLength", first.get("keyword").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void sarifFormatNamesTheToolAndEachProblem() throws IOException {
        CliTest.Run run = run("validate", "--format", "sarif", FIXTURES.resolve("snapshot/invalid/three-problems.json").toString(),
                SNAPSHOT.toString());
        assertEquals(1, run.status());
        JsonNode log = new ObjectMapper().readTree(run.out());
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode run0 = log.get("runs").get(0);
        assertEquals(BuildVersion.VERSION, run0.get("tool").get("driver").get("version").asText());
        assertEquals(3, run0.get("results").size());
        assertEquals(1, run("validate", "--format", "sarif", "--strict", FIXTURES.resolve("snapshot/invalid/summary-counts-disagree.json").toString()).status());
        assertEquals(2, run("validate", "--format", "xml", SNAPSHOT.toString()).status());
    }

    @Test
    void aDashReadsStandardInputNamedStdin() throws IOException {
        byte[] document = Files.readAllBytes(FIXTURES.resolve("snapshot/invalid/three-problems.json"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = new Cli(new java.io.ByteArrayInputStream(document)).run(new String[] {"validate", "-", SNAPSHOT.toString()}, out, err);
        assertEquals(1, status, err.toString(java.nio.charset.StandardCharsets.UTF_8));
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<stdin>:7:21: error: /acceptance_candidates/0/request_id: "), text);
        assertEquals(3, text.lines().count(), text);
        assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).startsWith("2 documents checked: 1 valid, 1 invalid"));
        assertEquals(2, new Cli(java.io.InputStream.nullInputStream()).run(new String[] {"validate", "-", "-"}, out, err));
    }

    @Test
    void aDocumentWithoutSchemaVersionNeedsKind() throws IOException {
        Path file = temp.resolve("bare.json");
        Files.writeString(file, "{\"acceptance_candidates\": []}\n");
        CliTest.Run run = run("validate", file.toString());
        assertEquals(1, run.status());
        assertTrue(run.out().contains(": error: (root): cannot tell whether this is a snapshot or a plan"), run.out());
        assertEquals(0, run("validate", "--kind", "snapshot", file.toString()).status());
        assertEquals(1, run("validate", "--kind", "plan", file.toString()).status());
    }

    @Test
    void unreadableFilesAreIoErrors() {
        CliTest.Run run = run("validate", temp.resolve("missing.json").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("no such file"), run.err());
    }

    @Test
    void checkPassesOnAnUpToDatePlanWhateverItsProvenance() throws IOException {
        Path plan = temp.resolve("plan.json");
        assertEquals(0, run("--root", "examples", "--generated-at", "2025-03-04T05:06:07Z", "--git-commit", "abcdef1",
                "--output", plan.toString()).status());
        CliTest.Run check = run("--root", "examples", "--output", plan.toString(), "--check");
        assertEquals(0, check.status(), check.err());
        assertEquals(plan + ": up to date\n", check.err());
        assertEquals(1, run("--root", "examples", "--output", plan.toString(), "--check", "--git-commit", "1234567").status());
    }

    @Test
    void checkFailsOnADriftedPlanAndNeverTouchesIt() throws IOException {
        Path plan = temp.resolve("plan.json");
        String drifted = Files.readString(CliTest.EXAMPLE_PLAN, StandardCharsets.UTF_8)
                .replace("\"readback_candidate_count\": 10", "\"readback_candidate_count\": 9");
        Files.writeString(plan, drifted, StandardCharsets.UTF_8);
        FileTime modified = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(plan, modified);
        CliTest.Run check = run("--root", "examples", "--output", plan.toString(), "--check");
        assertEquals(1, check.status());
        assertEquals(plan + ": out of date at /summary/readback_candidate_count: the file has 9; the snapshot gives 10\n", check.err());
        assertEquals(drifted, Files.readString(plan, StandardCharsets.UTF_8));
        assertEquals(modified, Files.getLastModifiedTime(plan));
        try (var files = Files.list(temp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void checkReportsAMissingPlanAndLayoutOnlyChanges() throws IOException {
        CliTest.Run missing = run("--root", "examples", "--output", temp.resolve("none.json").toString(), "--check");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("out of date at (root): the plan file does not exist"), missing.err());

        Path reformatted = temp.resolve("reformatted.json");
        JsonNode tree = new ObjectMapper().readTree(CliTest.EXAMPLE_PLAN.toFile());
        Files.write(reformatted, new ObjectMapper().writeValueAsBytes(tree));
        CliTest.Run layout = run("--root", "examples", "--output", reformatted.toString(), "--check");
        assertEquals(1, layout.status());
        assertTrue(layout.err().contains("same content, different layout"), layout.err());
        assertArrayEquals(new ObjectMapper().writeValueAsBytes(tree), Files.readAllBytes(reformatted));
    }
}
