package dev.readbackplan;

import dev.readbackplan.internal.render.SarifWriter;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.ValidationReport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 items 1 to 4: review and validate SARIF that GitHub code scanning accepts and keeps track
 * of. Every log here passes the SARIF 2.1.0 schema and {@link #assertCodeScanningReady}, the rules of
 * Microsoft's SARIF Multitool ({@code validate --rule-kind "Sarif;Gh;Ghas"}) and GitHub's limits this
 * tool can break: a result count within the limit, rules with full descriptions and help, a valid rule
 * index, fingerprints, and a location with a URI and a region.
 */
class ReviewSarifTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVIEWED_AT = "2026-01-02T09:30:00+08:00";
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final Path EXAMPLE_PLAN = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.filled.json");
    private static final Path CORPUS = Path.of("src/test/resources/review");
    private static final Set<String> LANE_RULES = Set.of("waiting_post_incident_readback", "request_actor_or_time_supplement",
            "request_alert_state_supplement", "request_receiver_receipt_supplement", "request_stale_silence_supplement",
            "request_freshness_or_alert_chain_supplement", "quarantine_raw_payload", "reject_false_green_claim",
            "recurrence_guard_backfill_required");

    private final ReadbackPlanner planner = ReadbackPlanner.create();

    @TempDir
    Path temp;

    /** What GitHub code scanning and Multitool's Gh and Ghas rules ask of a log. */
    static void assertCodeScanningReady(JsonNode log) {
        assertEquals(1, log.get("runs").size());
        JsonNode run = log.get("runs").get(0);
        assertTrue(run.get("results").size() <= SarifWriter.MAX_RESULTS, "GitHub keeps 25,000 results per run");
        String automation = run.get("automationDetails").get("id").textValue();
        assertTrue(automation.equals(SarifWriter.VALIDATE_AUTOMATION_ID) || automation.equals(SarifWriter.REVIEW_AUTOMATION_ID), automation);
        String base = run.get("originalUriBaseIds").get(SarifWriter.BASE_ID).get("uri").textValue();
        assertTrue(base.startsWith("file:///") && base.endsWith("/"), base);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules) {
            String id = rule.get("id").textValue();
            assertTrue(ids.add(id), "one rule per id: " + id);
            for (String text : List.of("shortDescription", "fullDescription", "help")) {
                assertFalse(rule.path(text).path("text").asText("").isBlank(), id + " has " + text + " (GH2012)");
            }
            assertFalse(rule.path("help").path("markdown").asText("").isBlank(), id + " has help.markdown");
            String name = rule.get("name").textValue();
            assertTrue(name.matches("[A-Z][A-Za-z0-9]*") && !name.equalsIgnoreCase(id), id + ": a Pascal-case name that is not the id");
            assertTrue(rule.get("properties").get("tags").size() > 0, id + " has tags");
            JsonNode severity = rule.get("properties").get("security-severity");
            if (severity != null) {
                assertTrue(rule.get("properties").get("tags").toString().contains("\"security\""), id + ": security-severity needs the security tag");
                double value = Double.parseDouble(severity.textValue());
                assertTrue(value > 0 && value <= 10, id);
            }
        }
        for (JsonNode result : run.get("results")) {
            int index = result.get("ruleIndex").intValue();
            assertEquals(result.get("ruleId").textValue(), rules.get(index).get("id").textValue(), "ruleIndex names the ruleId");
            JsonNode fingerprints = result.get("partialFingerprints");
            assertNotNull(fingerprints, result.toString());
            fingerprints.forEach(value -> assertTrue(value.textValue().matches("[0-9a-f]{64}"), result.toString()));
            JsonNode physical = result.get("locations").get(0).get("physicalLocation");
            String uri = physical.get("artifactLocation").get("uri").textValue();
            assertFalse(uri.isEmpty() || uri.contains("%3C"), "GH1017: a URI, and never <stdin> encoded: " + uri);
            if (!uri.startsWith("file:") && !uri.equals("stdin")) {
                assertEquals(SarifWriter.BASE_ID, physical.get("artifactLocation").get("uriBaseId").textValue());
            }
            assertTrue(physical.get("region").get("startLine").intValue() >= 1, "a region: " + result);
        }
    }

    private static JsonNode checked(String sarif) throws IOException {
        JsonNode log = SarifTest.valid(sarif);
        assertCodeScanningReady(log);
        return log;
    }

    private String reviewSarif(Path plan, Path snapshot, Path base) throws IOException {
        return planner.review(plan, snapshot, REVIEWED_AT).toSarif("1.0", Files.readAllBytes(plan), base);
    }

    private static List<JsonNode> planResults(JsonNode log) {
        List<JsonNode> results = new ArrayList<>();
        log.get("runs").get(0).get("results").forEach(result -> {
            if (result.path("properties").has("candidate")) {
                results.add(result);
            }
        });
        return results;
    }

    // ------------------------------------------------------------ the examples and the review corpus

    @Test
    void theExampleAndEveryReviewCaseMakeCodeScanningReadySarif() throws IOException {
        checked(reviewSarif(EXAMPLE_PLAN, EXAMPLE_SNAPSHOT, Path.of("")));
        int cases = 0;
        try (Stream<Path> folders = Files.list(CORPUS)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                PlanReview review;
                try {
                    review = planner.review(folder.resolve("plan.json"), folder.resolve("snapshot.json"), REVIEWED_AT);
                } catch (InvalidDocumentException e) {
                    continue; // an invalid plan is reported by validate, whose SARIF is checked below
                }
                checked(review.toSarif("1.0", Files.readAllBytes(folder.resolve("plan.json")), Path.of("")));
                cases++;
            }
        }
        assertTrue(cases >= 5, "the corpus is there: " + cases);
    }

    @Test
    void validateSarifOfEveryInvalidFixtureIsCodeScanningReady() throws IOException {
        List<ValidationReport> reports = new ArrayList<>();
        for (String kind : List.of("snapshot", "plan")) {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures", kind, "invalid"))) {
                for (Path file : files.sorted().toList()) {
                    reports.add(planner.validate(file));
                }
            }
        }
        JsonNode run = checked(Reports.toSarif(reports, "1.0", Path.of(""))).get("runs").get(0);
        assertEquals(SarifWriter.VALIDATE_AUTOMATION_ID, run.get("automationDetails").get("id").textValue());
        // Fingerprints follow the file, pointer and rule, never the line: two problems share one only when all three agree.
        Map<String, String> byFingerprint = new HashMap<>();
        for (JsonNode result : run.get("results")) {
            String what = result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").textValue() + " "
                    + result.get("properties").path("pointer").asText() + " " + result.get("ruleId").textValue();
            String previous = byFingerprint.put(result.get("partialFingerprints").get("documentProblem/v1").textValue(), what);
            assertTrue(previous == null || previous.equals(what), previous + " and " + what);
        }
    }

    // ------------------------------------------------------------ item 1: flooding, fingerprints, locations

    /** A snapshot of {@code count} candidates, copies of the example's with their own ids, and its summary counted. */
    private Path snapshotOf(int count, List<String> firstSurfaces) throws IOException {
        ObjectNode snapshot = (ObjectNode) JSON.readTree(EXAMPLE_SNAPSHOT.toFile());
        ArrayNode examples = (ArrayNode) snapshot.get("acceptance_candidates");
        ArrayNode candidates = JSON.createArrayNode();
        List<String> surfaces = new ArrayList<>(firstSurfaces);
        for (int i = 0; surfaces.size() < count; i++) {
            surfaces.add(examples.get(i % examples.size()).get("surface_id").textValue() + (i < examples.size() ? "" : "_copy" + i));
        }
        int writeCapable = 0;
        int live = 0;
        for (int i = 0; i < count; i++) {
            ObjectNode candidate = examples.get(i % examples.size()).deepCopy();
            String surface = surfaces.get(i);
            candidate.put("surface_id", surface);
            candidate.put("acceptance_candidate_id", "monitoring_owner_response_acceptance:" + surface);
            candidate.put("request_id", "monitoring_owner_request:" + surface);
            writeCapable += candidate.get("write_capable_surface").booleanValue() ? 1 : 0;
            live += candidate.get("requires_live_evidence").booleanValue() ? 1 : 0;
            candidates.add(candidate);
        }
        snapshot.set("acceptance_candidates", candidates);
        ObjectNode summary = (ObjectNode) snapshot.get("summary");
        summary.put("acceptance_candidate_count", count);
        summary.put("write_capable_acceptance_candidate_count", writeCapable);
        summary.put("live_evidence_required_candidate_count", live);
        Path file = temp.resolve("snapshot.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), snapshot);
        assertTrue(planner.validate(file).isValid(true), planner.validate(file).toText());
        return file;
    }

    @Test
    void aFreshPlanGivesOneResultPerCandidateNotOnePerCheck() throws IOException {
        Path snapshot = snapshotOf(100, List.of());
        Path plan = temp.resolve("plan.json");
        planner.generate(snapshot, new PlanOptions("2026-01-01T00:00:00+08:00", "unknown"), plan);
        JsonNode log = checked(reviewSarif(plan, snapshot, temp));
        JsonNode results = log.get("runs").get(0).get("results");
        // Before: 21 warnings per unfilled candidate, 2,100 here.
        assertEquals(100, results.size());
        String text = Files.readString(plan);
        for (JsonNode result : results) {
            assertEquals("waiting_post_incident_readback", result.get("ruleId").textValue());
            assertEquals("note", result.get("level").textValue());
            assertEquals("plan.json", result.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").textValue());
        }
        assertMembersPointedAt(log, text);
        assertEquals(LANE_RULES.size(), log.get("runs").get(0).get("tool").get("driver").get("rules").size());
    }

    /** Each plan result's region is the line and column of the member its pointer names, never the candidate's brace. */
    private static void assertMembersPointedAt(JsonNode log, String planText) {
        String[] lines = planText.split("\n", -1);
        for (JsonNode result : planResults(log)) {
            String pointer = result.get("properties").get("pointer").textValue();
            String member = pointer.substring(pointer.lastIndexOf('/') + 1);
            assertFalse(member.matches("\\d+"), "a member, not the candidate: " + pointer);
            JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
            String line = lines[region.get("startLine").intValue() - 1];
            int column = region.get("startColumn").intValue();
            assertTrue(line.contains("\"" + member + "\": "), pointer + " at " + line);
            assertEquals(line.indexOf("\"" + member + "\": ") + member.length() + 5, column, "the value's column: " + line);
        }
    }

    @Test
    void fingerprintsOfEveryOtherCandidateStayWhenACandidateIsAdded() throws IOException {
        Path snapshot = temp.resolve("snapshot.json");
        Path plan = temp.resolve("plan.json");
        Files.copy(EXAMPLE_PLAN, plan);
        Files.copy(EXAMPLE_SNAPSHOT, snapshot);
        JsonNode before = checked(reviewSarif(plan, snapshot, temp));
        assertMembersPointedAt(before, Files.readString(plan));

        // The same snapshot with a new candidate first; the plan regenerated, the reviewers' entries kept.
        ObjectNode grown = (ObjectNode) JSON.readTree(snapshot.toFile());
        ArrayNode candidates = (ArrayNode) grown.get("acceptance_candidates");
        ObjectNode added = candidates.get(0).deepCopy();
        added.put("surface_id", "aaa_added_before_the_others");
        added.put("acceptance_candidate_id", "monitoring_owner_response_acceptance:aaa_added_before_the_others");
        added.put("request_id", "monitoring_owner_request:aaa_added_before_the_others");
        candidates.insert(0, added);
        ObjectNode summary = (ObjectNode) grown.get("summary");
        summary.put("acceptance_candidate_count", candidates.size());
        summary.put("write_capable_acceptance_candidate_count", summary.get("write_capable_acceptance_candidate_count").intValue()
                + (added.get("write_capable_surface").booleanValue() ? 1 : 0));
        summary.put("live_evidence_required_candidate_count", summary.get("live_evidence_required_candidate_count").intValue()
                + (added.get("requires_live_evidence").booleanValue() ? 1 : 0));
        JSON.writerWithDefaultPrettyPrinter().writeValue(snapshot.toFile(), grown);
        assertTrue(planner.validate(snapshot).isValid(true), planner.validate(snapshot).toText());
        JsonNode filled = JSON.readTree(plan.toFile());
        planner.generate(snapshot, new PlanOptions(filled.get("generated_at").textValue(), filled.get("git_commit").textValue()), plan);
        JsonNode after = checked(reviewSarif(plan, snapshot, temp));
        assertMembersPointedAt(after, Files.readString(plan));

        Map<String, JsonNode> afterByCandidate = new HashMap<>();
        planResults(after).forEach(result -> afterByCandidate.put(result.get("properties").get("candidate").textValue(), result));
        List<JsonNode> earlier = planResults(before);
        assertTrue(earlier.size() >= 5, "the example has candidates in several lanes");
        int moved = 0;
        for (JsonNode result : earlier) {
            String candidate = result.get("properties").get("candidate").textValue();
            JsonNode now = afterByCandidate.remove(candidate);
            assertNotNull(now, candidate + " still has its result");
            assertEquals(result.get("ruleId"), now.get("ruleId"), candidate);
            assertEquals(result.get("partialFingerprints"), now.get("partialFingerprints"), candidate + ": the same alert");
            if (!result.get("locations").equals(now.get("locations"))) {
                moved++;
            }
        }
        assertTrue(moved > 0, "the added candidate moved the others' lines, and their fingerprints stayed");
        assertEquals(Set.of("monitoring_post_incident_readback:aaa_added_before_the_others"), afterByCandidate.keySet());
    }

    @Test
    void pastTheLimitErrorsComeFirstAndANoteCountsTheRest() throws IOException {
        Path folder = CORPUS.resolve("checks-alone");
        PlanReview review = planner.review(folder.resolve("plan.json"), folder.resolve("snapshot.json"), REVIEWED_AT);
        byte[] bytes = Files.readAllBytes(folder.resolve("plan.json"));
        JsonNode full = SarifTest.valid(SarifWriter.review(review.sarifFacts(), "1.0", bytes, Path.of(""), SarifWriter.MAX_RESULTS));
        List<JsonNode> all = planResults(full);
        long errors = all.stream().filter(r -> r.get("level").textValue().equals("error")).count();
        int warnings = review.snapshotReport().warnings().size();
        assertTrue(errors > 0 && errors < all.size(), "the case has errors and other results");
        int limit = (int) errors + warnings + 1;
        JsonNode capped = SarifTest.valid(SarifWriter.review(review.sarifFacts(), "1.0", bytes, Path.of(""), limit)).get("runs").get(0);
        JsonNode results = capped.get("results");
        assertEquals(limit, results.size());
        List<JsonNode> kept = planResults(SarifTest.valid(SarifWriter.review(review.sarifFacts(), "1.0", bytes, Path.of(""), limit)));
        assertTrue(kept.stream().allMatch(r -> r.get("level").textValue().equals("error")), "errors first");
        JsonNode note = results.get(results.size() - 1);
        assertEquals(SarifWriter.OMITTED_RULE, note.get("ruleId").textValue());
        assertEquals("note", note.get("level").textValue());
        assertTrue(note.get("message").get("text").textValue().startsWith((all.size() - errors) + " more results not shown"),
                note.toString());
    }

    // ------------------------------------------------------------ item 2: rules

    @Test
    void aSecretIsNamedByItsScannerRuleWithSecuritySeverity() throws IOException {
        Path folder = CORPUS.resolve("edge");
        JsonNode run = checked(reviewSarif(folder.resolve("plan.json"), folder.resolve("snapshot.json"), Path.of(""))).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        Set<String> scannerRules = new HashSet<>();
        for (JsonNode result : run.get("results")) {
            String ruleId = result.get("ruleId").textValue();
            assertNotEquals("secret", ruleId, "the scanner rule's id, never the generic secret");
            if (!LANE_RULES.contains(ruleId) && !ruleId.equals(SarifWriter.SNAPSHOT_WARNING_RULE)) {
                scannerRules.add(ruleId);
                JsonNode rule = rules.get(result.get("ruleIndex").intValue());
                assertTrue(rule.get("properties").get("tags").toString().contains("\"security\""), rule.toString());
                assertEquals("9.0", rule.get("properties").get("security-severity").textValue(), rule.toString());
                assertEquals("error", result.get("level").textValue());
                assertEquals("quarantine_raw_payload", result.get("properties").get("lane").textValue());
                String message = result.get("message").get("text").textValue();
                assertTrue(message.contains("(the value is never shown)") || message.contains("values never shown"), message);
            }
        }
        assertEquals(Set.of("telegram-bot-token", "url-with-credentials"), scannerRules);
        // Each lane's rule explains the lane in English and lists every check with its explanation.
        for (JsonNode rule : rules) {
            String id = rule.get("id").textValue();
            if (LANE_RULES.contains(id)) {
                assertEquals(dev.readbackplan.internal.review.Explanations.get().lane(id), rule.get("fullDescription").get("text").textValue());
                String markdown = rule.get("help").get("markdown").textValue();
                ReadbackPlanner.catalog().reviewerChecks().forEach(check -> assertTrue(markdown.contains("`" + check.id() + "`: "
                        + dev.readbackplan.internal.review.Explanations.get().check(check.id())), id + " lists " + check.id()));
            }
        }
    }

    // ------------------------------------------------------------ item 3: locations and runs

    @Test
    void locationsAreRelativeToTheBaseRecordedInOriginalUriBaseIds() throws IOException {
        Path folder = CORPUS.resolve("lanes").toAbsolutePath();
        JsonNode run = checked(reviewSarif(folder.resolve("plan.json"), folder.resolve("snapshot.json"), folder.getParent()))
                .get("runs").get(0);
        assertEquals(folder.getParent().toUri().toString(), run.get("originalUriBaseIds").get("SRCROOT").get("uri").textValue());
        assertEquals(SarifWriter.REVIEW_AUTOMATION_ID, run.get("automationDetails").get("id").textValue());
        Set<String> uris = new HashSet<>();
        run.get("results").forEach(r -> uris.add(r.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").textValue()));
        assertEquals(Set.of("lanes/plan.json", "lanes/snapshot.json"), uris);
        assertNotEquals(SarifWriter.VALIDATE_AUTOMATION_ID, SarifWriter.REVIEW_AUTOMATION_ID);
    }

    private static CliTestRun cli(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new ByteArrayInputStream(stdin)).run(args, out, err);
        return new CliTestRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record CliTestRun(int status, String out, String err) {}

    @Test
    void theCommandLineTakesTheBaseFromSarifBaseOrTheGitRoot() throws IOException {
        String plan = CORPUS.resolve("lanes/plan.json").toString();
        String[] review = {"review", "--root", CORPUS.resolve("lanes").toString(), "--source-report", "snapshot.json", "--format",
            "sarif", "--reviewed-at", REVIEWED_AT};
        CliTestRun withBase = cli(new byte[0], concat(review, "--sarif-base", CORPUS.toString(), plan));
        assertEquals(0, withBase.status(), withBase.err());
        JsonNode run = checked(withBase.out()).get("runs").get(0);
        assertEquals(CORPUS.toAbsolutePath().toUri().toString(), run.get("originalUriBaseIds").get("SRCROOT").get("uri").textValue());
        assertEquals("lanes/plan.json", run.get("results").get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation")
                .get("uri").textValue());

        // By default: the root of the git work tree the tests run in (the project's checkout), where .git is.
        CliTestRun byDefault = cli(new byte[0], concat(review, plan));
        assertEquals(0, byDefault.status(), byDefault.err());
        String base = checked(byDefault.out()).get("runs").get(0).get("originalUriBaseIds").get("SRCROOT").get("uri").textValue();
        Path root = Path.of(java.net.URI.create(base));
        if (Files.exists(Path.of("").toAbsolutePath().resolve(".git"))) {
            assertEquals(Path.of("").toAbsolutePath(), root);
        }
        assertTrue(Path.of("").toAbsolutePath().startsWith(root), "the base holds the current folder: " + root);

        CliTestRun notAFolder = cli(new byte[0], concat(review, "--sarif-base", plan, plan));
        assertEquals(2, notAFolder.status());
        assertTrue(notAFolder.err().contains("argument --sarif-base: ") && notAFolder.err().contains("is not a folder"), notAFolder.err());
        CliTestRun validate = cli(new byte[0], "validate", "--format", "sarif", "--sarif-base", CORPUS.toString(),
                CORPUS.resolve("lanes/plan.json").toString());
        JsonNode validateRun = checked(validate.out()).get("runs").get(0);
        assertEquals(SarifWriter.VALIDATE_AUTOMATION_ID, validateRun.get("automationDetails").get("id").textValue());
    }

    @Test
    void standardInputIsNamedStdinNeverAnEncodedAngleBracket() throws IOException {
        byte[] bytes = Files.readAllBytes(CORPUS.resolve("lanes/plan.json"));
        CliTestRun review = cli(bytes, "review", "--root", CORPUS.resolve("lanes").toString(), "--source-report", "snapshot.json",
                "--format", "sarif", "--reviewed-at", REVIEWED_AT, "-");
        assertEquals(0, review.status(), review.err());
        JsonNode run = checked(review.out()).get("runs").get(0);
        int fromStdin = 0;
        for (JsonNode result : run.get("results")) {
            JsonNode artifact = result.get("locations").get(0).get("physicalLocation").get("artifactLocation");
            if (artifact.get("uri").textValue().equals("stdin")) {
                fromStdin++;
                assertFalse(artifact.has("uriBaseId"), "standard input is no file of the base");
                assertEquals("standard input", artifact.get("description").get("text").textValue());
                assertTrue(result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").intValue() > 1);
            }
        }
        assertTrue(fromStdin > 0);
        assertFalse(review.out().contains("%3Cstdin%3E"));
        CliTestRun validate = cli(Files.readAllBytes(Path.of("src/test/resources/fixtures/snapshot/invalid/three-problems.json")),
                "validate", "--format", "sarif", "-");
        assertEquals(1, validate.status(), validate.err());
        assertFalse(validate.out().contains("%3Cstdin%3E"), validate.out());
        checked(validate.out());
    }

    private static String[] concat(String[] first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    // ------------------------------------------------------------ item 4: an out-of-date plan

    @Test
    void anOutOfDatePlanWritesADocumentInEveryFormatWithExitOne() throws IOException {
        Path folder = CORPUS.resolve("out-of-date");
        for (String format : List.of("text", "json", "markdown", "sarif")) {
            CliTestRun run = cli(new byte[0], "review", "--root", folder.toString(), "--source-report", "snapshot.json", "--format", format,
                    "--reviewed-at", REVIEWED_AT, folder.resolve("plan.json").toString());
            assertEquals(1, run.status(), format);
            assertFalse(run.out().isEmpty(), format + ": a document, not an empty file");
            switch (format) {
                case "sarif" -> {
                    JsonNode results = checked(run.out()).get("runs").get(0).get("results");
                    assertEquals(1, results.size());
                    assertEquals(SarifWriter.OUT_OF_DATE_RULE, results.get(0).get("ruleId").textValue());
                    assertEquals("error", results.get(0).get("level").textValue());
                    assertTrue(results.get(0).get("message").get("text").textValue().contains("out of date"));
                    assertTrue(results.get(0).get("locations").get(0).get("physicalLocation").get("region").get("startLine").intValue() > 1);
                }
                case "json" -> {
                    JsonNode statement = JSON.readTree(run.out());
                    assertFalse(statement.get("plan_current").booleanValue());
                    assertFalse(statement.get("reviewed").booleanValue());
                    assertEquals("/readback_candidates", statement.get("pointer").textValue());
                }
                case "markdown" -> assertTrue(run.out().startsWith("# Monitoring post-incident readback review: plan out of date\n"), run.out());
                default -> assertTrue(run.out().contains(": out of date for its snapshot at /readback_candidates: "), run.out());
            }
        }
    }
}
