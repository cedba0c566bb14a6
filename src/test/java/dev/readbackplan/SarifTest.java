package dev.readbackplan;

import dev.readbackplan.internal.render.SarifWriter;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.Severity;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.DocumentKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF reports validate against the official SARIF 2.1.0 schema and never show a document's secrets or control characters. */
class SarifTest {
    /** The schema's {@code $id}, mapped to the copy under src/test/resources/schema (see its SOURCE note): nothing is fetched. */
    private static final String SARIF_ID = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
    private static final String SARIF_RESOURCE = "/schema/sarif-schema-2.1.0.json";
    private static final Schema SARIF_SCHEMA = sarifSchema();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A GitHub token shape, made at run time so that the source holds no secret-shaped literal. */
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    private final ReadbackPlanner planner = ReadbackPlanner.create();

    @TempDir
    Path folder;

    private static Schema sarifSchema() {
        String text;
        try (InputStream in = SarifTest.class.getResourceAsStream(SARIF_RESOURCE)) {
            assertNotNull(in, "the SARIF schema is vendored at " + SARIF_RESOURCE);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(Map.of(SARIF_ID, text))
                .schemaLoader(loader -> loader.block(iri -> !iri.toString().equals(SARIF_ID))));
        return registry.getSchema(SchemaLocation.of(SARIF_ID));
    }

    static JsonNode valid(String sarif) throws IOException {
        List<Error> errors = SARIF_SCHEMA.validate(sarif, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), sarif);
        return MAPPER.readTree(sarif);
    }

    /** Every string in the log, keys and values. */
    private static List<String> strings(JsonNode node) {
        List<String> all = new ArrayList<>();
        if (node.isTextual()) {
            all.add(node.textValue());
        }
        node.properties().forEach(member -> all.add(member.getKey()));
        node.forEach(child -> all.addAll(strings(child)));
        return all;
    }

    private Path fixture(String kind, String name) {
        return Path.of("src/test/resources/fixtures", kind, "invalid", name);
    }

    @Test
    void severalProblemsMakeValidSarifWithRulesRegionsAndRelativeUris() throws IOException {
        Path three = fixture("snapshot", "three-problems.json");
        Path counts = fixture("snapshot", "summary-counts-disagree.json");
        List<ValidationReport> reports = List.of(planner.validate(three), planner.validate(counts));
        String sarif = SarifWriter.validation(reports, "9.8.7", Path.of("").toAbsolutePath());
        JsonNode log = valid(sarif);

        assertEquals("2.1.0", log.get("version").textValue());
        assertEquals(1, log.get("runs").size());
        JsonNode run = log.get("runs").get(0);
        assertEquals("unicodeCodePoints", run.get("columnKind").textValue());
        JsonNode driver = run.get("tool").get("driver");
        assertEquals("monitoring-readback-plan", driver.get("name").textValue());
        assertEquals("9.8.7", driver.get("version").textValue());
        assertTrue(driver.get("informationUri").textValue().startsWith("https://"));
        List<String> ruleIds = new ArrayList<>();
        driver.get("rules").forEach(rule -> {
            ruleIds.add(rule.get("id").textValue());
            assertFalse(rule.get("shortDescription").get("text").textValue().isBlank());
            assertFalse(rule.get("help").get("text").textValue().isBlank());
        });
        assertTrue(ruleIds.containsAll(List.of("syntax", "encoding", "limit", "duplicate-key", "duplicate-id", "candidate-id",
                "summary-count", "secret", "raw-payload", "kind", "minLength", "type", "pattern")), ruleIds.toString());
        assertEquals(ruleIds.size(), new HashSet<>(ruleIds).size(), "one rule per kind");

        int expected = reports.stream().mapToInt(r -> r.problems().size()).sum();
        JsonNode results = run.get("results");
        assertEquals(expected, results.size());
        List<Problem> problems = new ArrayList<>(reports.get(0).problems());
        problems.addAll(reports.get(1).problems());
        for (int i = 0; i < expected; i++) {
            JsonNode result = results.get(i);
            Problem problem = problems.get(i);
            String ruleId = problem.rule() != null ? problem.rule() : problem.keyword();
            assertEquals(ruleId, result.get("ruleId").textValue());
            assertEquals(ruleId, ruleIds.get(result.get("ruleIndex").intValue()));
            assertEquals(problem.severity().label(), result.get("level").textValue());
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            String uri = physical.get("artifactLocation").get("uri").textValue();
            assertEquals(i < reports.get(0).problems().size() ? "src/test/resources/fixtures/snapshot/invalid/three-problems.json"
                    : "src/test/resources/fixtures/snapshot/invalid/summary-counts-disagree.json", uri);
            assertEquals(problem.line(), physical.get("region").get("startLine").intValue());
            assertEquals(problem.column(), physical.get("region").get("startColumn").intValue());
            assertTrue(result.get("message").get("text").textValue().endsWith(problem.message()));
        }
        assertTrue(problems.stream().anyMatch(p -> p.severity() == Severity.WARNING), "a warning among the results");
    }

    @Test
    void omittedProblemsBecomeANote() throws IOException {
        ReadbackPlanner limited = ReadbackPlanner.create(new Limits(1 << 20, 64, 1 << 16, 1));
        ValidationReport report = limited.validate(fixture("snapshot", "three-problems.json"));
        JsonNode run = valid(Reports.toSarif(List.of(report), "1.0")).get("runs").get(0);
        JsonNode results = run.get("results");
        assertEquals(2, results.size());
        JsonNode note = results.get(1);
        assertEquals("note", note.get("level").textValue());
        assertEquals("limit", note.get("ruleId").textValue());
        assertTrue(note.get("message").get("text").textValue().startsWith("2 more errors"));
    }

    @Test
    void secretShapedAndControlCharacterKeysAreRedactedAndEscaped() throws IOException {
        // A secret-shaped key holding a secret, and a key with ESC and a bidi override, repeated (a duplicate key).
        String document = "{\n  \"schema_version\": \"snapshot_v1\",\n  \"" + TOKEN + "\": \"api_token=" + TOKEN + "\",\n"
                + "  \"\\u001b[2J\\u202ename\": 1,\n  \"\\u001b[2J\\u202ename\": 2\n}\n";
        Path file = folder.resolve("hostile snapshot \u00e9.json");
        Files.writeString(file, document, StandardCharsets.UTF_8);
        ValidationReport report = planner.validate(file, DocumentKind.SNAPSHOT);
        assertTrue(report.problems().stream().anyMatch(p -> p.keyword().equals("secret")), report.toText());
        assertTrue(report.problems().stream().anyMatch(p -> p.keyword().equals("duplicate-key")), report.toText());
        String sarif = SarifWriter.validation(List.of(report), "1.0", folder);
        JsonNode log = valid(sarif);

        assertFalse(sarif.contains(TOKEN.substring(4, 16)), "no piece of the secret: " + sarif);
        for (String text : strings(log)) {
            assertFalse(text.contains(TOKEN.substring(10, 20)), text);
            text.codePoints().forEach(c -> assertFalse(Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT,
                    "an invisible character in " + text));
        }
        assertTrue(sarif.contains("[redacted]"), sarif);
        // Each secret result names the scanner rule that fired, never the generic "secret".
        List<String> secretRules = new ArrayList<>();
        for (JsonNode result : log.get("runs").get(0).get("results")) {
            assertFalse(result.get("ruleId").textValue().equals("secret"), result.toString());
            if (result.get("ruleId").textValue().equals("github-token")) {
                secretRules.add("github-token");
                JsonNode rule = log.get("runs").get(0).get("tool").get("driver").get("rules").get(result.get("ruleIndex").intValue());
                assertEquals("github-token", rule.get("id").textValue());
                assertTrue(rule.get("shortDescription").get("text").textValue().startsWith("a GitHub token"), rule.toString());
                assertEquals("secret", rule.get("properties").get("kind").textValue());
            }
        }
        assertFalse(secretRules.isEmpty(), sarif);
        // The escapes are shown as text (a backslash, u, four hex digits), never as the characters.
        assertTrue(sarif.contains("\\\\u001b[2J\\\\u202ename"), sarif);
        JsonNode results = log.get("runs").get(0).get("results");
        assertEquals("hostile%20snapshot%20%C3%A9.json",
                results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").textValue());
    }

    @Test
    void filesOutsideTheBaseAreAbsoluteFileUris() throws IOException {
        ValidationReport report = planner.validate(fixture("snapshot", "three-problems.json").toAbsolutePath());
        JsonNode log = valid(SarifWriter.validation(List.of(report), "1.0", folder));
        String uri = log.get("runs").get(0).get("results").get(0).get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").textValue();
        assertTrue(uri.startsWith("file:///") && uri.endsWith("/fixtures/snapshot/invalid/three-problems.json"), uri);
    }

    @Test
    void aReviewMakesValidSarifWithOneResultPerCandidateThatNeedsSomething() throws IOException {
        Path plan = Path.of("src/test/resources/review/lanes/plan.json");
        Path snapshot = Path.of("src/test/resources/review/lanes/snapshot.json");
        PlanReview review = planner.review(plan, snapshot, "2026-01-02T09:30:00+08:00");
        String sarif = review.toSarif("1.2.3", Files.readAllBytes(plan));
        JsonNode run = valid(sarif).get("runs").get(0);
        long needy = review.sarifFacts().candidateReviews().stream().filter(c -> !c.lane().equals("ready_for_monitoring_post_incident_review")
                && !c.lane().equals("waiting_runtime_gate")).count();
        int failed = review.sarifFacts().candidateReviews().stream().mapToInt(c -> c.failedChecks().size()).sum();
        assertTrue(failed > needy, "several checks fail per candidate, yet one result each");
        JsonNode results = run.get("results");
        int warnings = review.snapshotReport().warnings().size();
        assertTrue(warnings > 0, "the lanes snapshot's summary disagrees with its candidates");
        assertEquals(needy + warnings, results.size());
        Set<String> ruleIds = new HashSet<>();
        run.get("tool").get("driver").get("rules").forEach(rule -> ruleIds.add(rule.get("id").textValue()));
        for (JsonNode result : results) {
            assertTrue(ruleIds.contains(result.get("ruleId").textValue()));
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            if (result.get("ruleId").textValue().equals(SarifWriter.SNAPSHOT_WARNING_RULE)) {
                // The snapshot's warnings, repeated: at the snapshot, as warnings.
                assertEquals("src/test/resources/review/lanes/snapshot.json", physical.get("artifactLocation").get("uri").textValue());
                assertEquals("warning", result.get("level").textValue());
                continue;
            }
            assertEquals("src/test/resources/review/lanes/plan.json", physical.get("artifactLocation").get("uri").textValue());
            assertTrue(physical.get("region").get("startLine").intValue() > 1, result.toString());
            String lane = result.get("properties").get("lane").textValue();
            String level = result.get("level").textValue();
            assertEquals(Set.of("quarantine_raw_payload", "reject_false_green_claim").contains(lane) ? "error"
                    : lane.equals("waiting_post_incident_readback") ? "note" : "warning", level, result.toString());
        }
        // Without the plan's bytes, or with other bytes, the results are at line 1 (code scanning needs a region).
        JsonNode unlocated = valid(review.toSarif("1.2.3", "{}".getBytes(StandardCharsets.UTF_8))).get("runs").get(0).get("results");
        assertEquals(1, unlocated.get(0).get("locations").get(0).get("physicalLocation").get("region").get("startLine").intValue());
        assertFalse(unlocated.get(0).get("locations").get(0).get("physicalLocation").get("region").has("startColumn"));
    }

    @Test
    void theSarifSchemaStaysOutOfTheMainJar() {
        assertFalse(Files.exists(Path.of("target/classes/schema/sarif-schema-2.1.0.json")));
    }
}
