package dev.readbackplan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readbackplan.PlanReview;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.review.ReviewRules;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.model.ReadbackReview;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** review --write round trips, the example kept current, the library entry points and the CLI's refusals. */
class ReviewRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE_FILLED = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.filled.json");
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final Path EXAMPLE_REVIEW = Path.of("examples/docs/security/monitoring-post-incident-readback-review.md");
    private final ReadbackPlanner planner = ReadbackPlanner.create();

    private static Path copyCase(String name, Path temp) throws IOException {
        Path folder = temp.resolve(name);
        Files.createDirectories(folder);
        for (String file : List.of("plan.json", "snapshot.json")) {
            Files.copy(ReviewGoldenTest.CORPUS.resolve(name).resolve(file), folder.resolve(file));
        }
        return folder;
    }

    @Test
    void writeRecordsTheLanesKeepsThePlanValidAndASecondReviewAgrees(@TempDir Path temp) throws IOException {
        for (String name : List.of("lanes", "edge", "checks-alone")) {
            Path folder = copyCase(name, temp);
            JsonNode before = JSON.readTree(Files.readString(ReviewGoldenTest.CORPUS.resolve(name).resolve("expected.json")));
            ReviewGoldenTest.Run written = ReviewGoldenTest.review(folder, "--write", "--format", "json");
            assertEquals(0, written.status(), written.err());
            assertEquals(JSON.readTree(written.out()).get("candidates"), before.get("candidates"), "--write reviews the plan as read");
            JsonNode original = JSON.readTree(ReviewGoldenTest.CORPUS.resolve(name).resolve("plan.json").toFile());
            JsonNode plan = JSON.readTree(folder.resolve("plan.json").toFile());
            // Values with a secret or raw payload are nulled; a value quarantined for its shape alone stays
            // as it was, and is the only thing left that validate may report.
            java.util.Set<String> kept = new java.util.HashSet<>();
            for (JsonNode candidate : before.get("candidates")) {
                for (JsonNode pointer : candidate.get("quarantined_fields")) {
                    if (!plan.at(pointer.textValue()).isNull()) {
                        kept.add(pointer.textValue());
                        assertEquals(original.at(pointer.textValue()), plan.at(pointer.textValue()), pointer + " kept as it was");
                    }
                }
            }
            ValidationReport report = planner.validate(folder.resolve("plan.json"));
            for (dev.readbackplan.document.Problem problem : report.problems()) {
                assertTrue(kept.contains(problem.rawPointer()) && java.util.Set.of("pattern", "type", "maxLength", "minLength")
                        .contains(problem.keyword()), name + ": " + problem);
            }
            JsonNode after = JSON.readTree(ReviewGoldenTest.review(folder, "--format", "json").out());
            for (int i = 0; i < before.get("candidates").size(); i++) {
                JsonNode first = before.get("candidates").get(i);
                JsonNode second = after.get("candidates").get(i);
                JsonNode candidate = plan.get("readback_candidates").get(i);
                assertEquals(first.get("lane"), candidate.get("status"));
                if (first.get("quarantined_fields").isEmpty()) {
                    assertEquals(first.get("lane"), second.get("lane"), first.get("surface_id").textValue());
                    assertEquals(first.get("failed_checks"), second.get("failed_checks"));
                } else {
                    List<String> stillQuarantined = new java.util.ArrayList<>();
                    for (JsonNode pointer : first.get("quarantined_fields")) {
                        assertTrue(written.err().contains(pointer.textValue()), "stderr names " + pointer);
                        if (kept.contains(pointer.textValue())) {
                            stillQuarantined.add(pointer.textValue());
                        }
                    }
                    assertEquals(stillQuarantined, JSON.convertValue(second.get("quarantined_fields"), List.class));
                }
            }
        }
    }

    @Test
    void aRejectedClaimStaysInTheReviewerOutcome(@TempDir Path temp) throws IOException {
        Path folder = copyCase("lanes", temp);
        assertEquals(0, ReviewGoldenTest.review(folder, "--write").status());
        JsonNode candidate = JSON.readTree(folder.resolve("plan.json").toFile()).get("readback_candidates").get(7);
        assertEquals("reject_false_green_claim", candidate.get("status").textValue());
        assertEquals("waiting_post_incident_readback", candidate.get("reviewer_outcome").textValue(),
                "--write never writes reviewer_outcome: it is the reviewer's claim");
        Path edge = copyCase("edge", temp);
        assertEquals(0, ReviewGoldenTest.review(edge, "--write").status());
        JsonNode claimed = JSON.readTree(edge.resolve("plan.json").toFile()).get("readback_candidates").get(0);
        assertEquals("reject_false_green_claim", claimed.get("status").textValue());
        assertEquals("ready_for_monitoring_post_incident_review", claimed.get("reviewer_outcome").textValue());
    }

    @Test
    void withoutWriteThePlanIsOnlyRead(@TempDir Path temp) throws IOException {
        Path folder = copyCase("edge", temp);
        byte[] before = Files.readAllBytes(folder.resolve("plan.json"));
        ReviewGoldenTest.review(folder, "--format", "markdown", "--output", temp.resolve("review.md").toString());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(folder.resolve("plan.json")));
        assertTrue(Files.readString(temp.resolve("review.md")).startsWith("# Monitoring post-incident readback review"));
    }

    @Test
    void anOutOfDateOrInvalidPlanIsNeitherReviewedNorWritten(@TempDir Path temp) throws IOException {
        for (String name : List.of("out-of-date", "invalid-open-gate", "invalid-unknown-outcome")) {
            Path folder = copyCase(name, temp);
            byte[] before = Files.readAllBytes(folder.resolve("plan.json"));
            ReviewGoldenTest.Run run = ReviewGoldenTest.review(folder, "--write");
            assertEquals(1, run.status());
            if (name.equals("out-of-date")) {
                // Issue 15 item 4: still a document, which says the plan is out of date and was not reviewed.
                assertTrue(run.out().startsWith("plan.json: out of date for its snapshot at /readback_candidates: "), run.out());
                assertTrue(run.out().endsWith("\nnot reviewed: regenerate the plan from its snapshot, then review it again\n"), run.out());
            } else {
                assertEquals("", run.out());
            }
            assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(folder.resolve("plan.json")));
        }
    }

    @Test
    void requireReadyFailsUnlessEveryCandidateIsReady(@TempDir Path temp) throws IOException {
        ReviewGoldenTest.Run lanes = ReviewGoldenTest.review(ReviewGoldenTest.CORPUS.resolve("lanes"), "--require-ready");
        assertEquals(1, lanes.status());
        assertTrue(lanes.err().contains("9 candidates are not ready"), lanes.err());
        // A plan whose candidates are all complete: the lanes case's complete candidate, alone.
        Path folder = temp.resolve("ready");
        Files.createDirectories(folder);
        JsonNode snapshot = JSON.readTree(ReviewGoldenTest.CORPUS.resolve("lanes/snapshot.json").toFile());
        JsonNode plan = JSON.readTree(ReviewGoldenTest.CORPUS.resolve("lanes/plan.json").toFile());
        keepOnly(snapshot.get("acceptance_candidates"), 8);
        keepOnly(plan.get("readback_candidates"), 8);
        ((com.fasterxml.jackson.databind.node.ObjectNode) snapshot.get("summary")).put("acceptance_candidate_count", 1);
        Files.writeString(folder.resolve("snapshot.json"), snapshot.toString());
        ByteArrayOutputStream regenerated = new ByteArrayOutputStream();
        planner.generate(folder.resolve("snapshot.json"), new dev.readbackplan.PlanOptions("2026-01-01T00:00:00+08:00", "unknown"),
                regenerated);
        JsonNode fresh = JSON.readTree(regenerated.toByteArray());
        ((com.fasterxml.jackson.databind.node.ArrayNode) fresh.get("readback_candidates")).set(0, plan.get("readback_candidates").get(0));
        Files.writeString(folder.resolve("plan.json"), fresh.toString());
        ReviewGoldenTest.Run ready = ReviewGoldenTest.review(folder, "--require-ready");
        assertEquals(0, ready.status(), ready.out() + ready.err());
    }

    private static void keepOnly(JsonNode array, int index) {
        com.fasterxml.jackson.databind.node.ArrayNode items = (com.fasterxml.jackson.databind.node.ArrayNode) array;
        JsonNode kept = items.get(index);
        items.removeAll();
        items.add(kept);
    }

    @Test
    void theExampleReviewIsCurrent() throws IOException {
        PlanReview review = planner.review(EXAMPLE_FILLED, EXAMPLE_SNAPSHOT, ReviewGoldenTest.REVIEWED_AT);
        assertEquals(Files.readString(EXAMPLE_REVIEW), review.toMarkdown(),
                "regenerate with src/test/scripts/make_review_cases.py after changing the review or the example");
        assertEquals(List.of(), planner.validate(EXAMPLE_FILLED).problems());
    }

    @Test
    void theLibraryReviewsStreamsAndGivesTheTypedModel() throws IOException {
        Path folder = ReviewGoldenTest.CORPUS.resolve("lanes");
        PlanReview.Reviewed fromFiles = assertInstanceOf(PlanReview.Reviewed.class,
                planner.review(folder.resolve("plan.json"), folder.resolve("snapshot.json"), ReviewGoldenTest.REVIEWED_AT));
        PlanReview.Reviewed fromStreams;
        try (InputStream plan = Files.newInputStream(folder.resolve("plan.json"));
                InputStream snapshot = Files.newInputStream(folder.resolve("snapshot.json"))) {
            fromStreams = assertInstanceOf(PlanReview.Reviewed.class,
                    planner.review(plan, "plan.json", snapshot, "snapshot.json", ReviewGoldenTest.REVIEWED_AT));
        }
        assertEquals(fromFiles.lanes(), fromStreams.lanes());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        fromStreams.writeJson(json);
        assertEquals(Files.readString(folder.resolve("expected.json")), json.toString(StandardCharsets.UTF_8));
        ReadbackReview model = fromFiles.document();
        assertEquals(11, model.getCandidates().size());
        assertEquals(1L, model.getSummary().getWaitingRuntimeGateCount());
        assertEquals(11L, model.getSummary().getCandidateCount());
        assertFalse(fromFiles.allReady());
        assertThrows(IllegalArgumentException.class,
                () -> planner.review(folder.resolve("plan.json"), folder.resolve("snapshot.json"), "yesterday"));
        Path invalid = ReviewGoldenTest.CORPUS.resolve("invalid-open-gate");
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> planner.review(invalid.resolve("plan.json"), invalid.resolve("snapshot.json"), null));
        assertEquals("runtime_gate", e.report().errors().get(0).rawPointer().substring("/readback_candidates/0/".length()));
        Path stale = ReviewGoldenTest.CORPUS.resolve("out-of-date");
        PlanReview.OutOfDate outOfDate = assertInstanceOf(PlanReview.OutOfDate.class,
                planner.review(stale.resolve("plan.json"), stale.resolve("snapshot.json"), null));
        assertFalse(outOfDate.isCurrent());
        assertEquals("/readback_candidates", outOfDate.comparison().displayPointer(), "described by candidate id first");
        assertTrue(outOfDate.comparison().difference().contains("first difference at /readback_candidates/0/label"));
        assertFalse(outOfDate.comparison().upToDate());
    }

    /** The review's summary keys are the catalog's lanes; the rules cover every check and lane of the catalog. */
    @Test
    void theReviewSchemaAndRulesFollowTheCatalog() {
        Engine engine = new Engine(Runnable::run);
        JsonNode summary = engine.schemas().review().getSchemaNode().at("/$defs/review_summary/required");
        Set<String> keys = new java.util.TreeSet<>();
        summary.forEach(k -> keys.add(k.textValue()));
        Set<String> expected = new java.util.TreeSet<>(Set.of("candidate_count"));
        ReadbackPlanner.catalog().outcomeLanes().forEach(l -> expected.add(l.id().value() + "_count"));
        assertEquals(expected, keys);
        ReviewRules rules = new ReviewRules(engine, dev.readbackplan.internal.schema.Catalog.get());
        assertEquals(20, rules.fields().refs().size());
        assertEquals(List.of("maintenance_window", "rollback_owner", "followup_owner"), rules.fields().assignments());
        assertEquals(28, rules.checkIds().size());
    }

    @Test
    void usageErrorsExit2(@TempDir Path temp) {
        Path folder = ReviewGoldenTest.CORPUS.resolve("lanes");
        assertEquals(2, ReviewGoldenTest.review(folder, "--format", "yaml").status());
        assertEquals(2, ReviewGoldenTest.review(folder, "--reviewed-at", "yesterday").status());
        assertEquals(2, ReviewGoldenTest.review(temp, "--format", "text").status(), "a missing plan is an I/O error");
        ReviewGoldenTest.Run help = ReviewGoldenTest.review(folder, "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--require-ready"));
        assertNotEquals("", help.out());
    }
}
