package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.GENERATED_AT;
import static dev.readbackplan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.PlanOptions;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.OverwriteRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence read back for one version of a surface is not evidence for the next: regeneration refuses
 * to carry entries to a candidate whose surface changed, unless told to drop them or to reset the
 * verdict; and errors found while merging name the user's file, line, column and candidate.
 */
class ChangedSurfaceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final String NEW_SHA = "f".repeat(64);

    @TempDir
    Path temp;

    private Path snapshot;
    private String secondId;

    /** The example snapshot, with the surface of candidate 1 changed as {@code change} says. */
    private Path snapshot(java.util.function.Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(EXAMPLE_SNAPSHOT.toFile());
        ObjectNode second = (ObjectNode) tree.get("acceptance_candidates").get(1);
        secondId = "monitoring_post_incident_readback:" + second.get("surface_id").textValue();
        change.accept(second);
        snapshot = temp.resolve("repo/snapshot.json");
        Files.createDirectories(snapshot.getParent());
        Files.writeString(snapshot, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        return snapshot;
    }

    private CliTest.Run generate(Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("--root", snapshot.getParent().toString(), "--source-report", "snapshot.json",
                "--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", output.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** The example plan filled in, candidate 1 claimed ready. */
    private Path filledPlan() throws IOException {
        ObjectNode plan = OldPlanStrictTest.filled();
        ObjectNode second = (ObjectNode) plan.get("readback_candidates").get(1);
        second.put("status", "ready_for_monitoring_post_incident_review");
        second.put("reviewer_outcome", "ready_for_monitoring_post_incident_review");
        Path file = temp.resolve("plan.json");
        OldPlanStrictTest.writeTree(plan, file);
        return file;
    }

    @Test
    void aChangedSurfaceIsRefusedNamingTheCandidateAndTheFieldsButNoValue() throws IOException {
        snapshot(c -> {
            c.put("repo_sha256", NEW_SHA);
            c.put("write_capable_surface", !c.get("write_capable_surface").booleanValue());
        });
        Path plan = filledPlan();
        byte[] before = Files.readAllBytes(plan);
        CliTest.Run refused = generate(plan);
        assertEquals(1, refused.status(), refused.err());
        assertTrue(refused.err().contains("1 candidate with reviewers' entries changed surface"), refused.err());
        assertTrue(refused.err().contains(secondId + " (repo_sha256, write_capable_surface)"), refused.err());
        assertFalse(refused.err().contains(NEW_SHA), "no value is printed: " + refused.err());
        assertTrue(refused.err().contains("--reset-changed-verdicts"), refused.err());
        assertEquals(new String(before), Files.readString(plan), "nothing was written");
    }

    @Test
    void resetChangedVerdictsKeepsTheEvidenceAndStartsTheLaneAgain() throws IOException {
        snapshot(c -> c.put("repo_source_path", "ops/moved/elsewhere.yml"));
        Path plan = filledPlan();
        CliTest.Run run = generate(plan, "--reset-changed-verdicts");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains(secondId + ": surface changed (repo_source_path): evidence kept, status and reviewer_outcome"
                + " started again (--reset-changed-verdicts)"), run.err());
        JsonNode second = MAPPER.readTree(plan.toFile()).get("readback_candidates").get(1);
        assertEquals("INC-2041", second.get("monitoring_incident_or_change_ref").textValue());
        assertEquals("sre-oncall", second.get("rollback_owner").textValue());
        assertEquals("waiting_post_incident_readback", second.get("status").textValue(), "the recorded ready is gone");
        assertEquals("waiting_post_incident_readback", second.get("reviewer_outcome").textValue());
        assertEquals("ops/moved/elsewhere.yml", second.get("repo_source_path").textValue());
        assertEquals("request_actor_or_time_supplement",
                MAPPER.readTree(plan.toFile()).get("readback_candidates").get(4).get("status").textValue(), "unchanged surfaces keep theirs");
    }

    @Test
    void discardEvidenceDropsTheEntriesOfAChangedSurfaceAndNamesThem() throws IOException {
        snapshot(c -> c.put("config_kind", "prometheus_alert_rules"));
        Path plan = filledPlan();
        CliTest.Run run = generate(plan, "--discard-evidence");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains(secondId + ": surface changed (config_kind): its entries dropped (--discard-evidence)"), run.err());
        assertTrue(run.err().contains("dropped the entries of 1 candidate"), run.err());
        JsonNode second = MAPPER.readTree(plan.toFile()).get("readback_candidates").get(1);
        assertTrue(second.get("monitoring_incident_or_change_ref").isNull());
        assertEquals("waiting_post_incident_readback", second.get("status").textValue());
    }

    /** --output naming the plan of another snapshot that shares surface ids: the verdicts there are for other surfaces. */
    @Test
    void anotherSnapshotsPlanSharingSurfaceIdsIsRefused() throws IOException {
        Path plan = filledPlan();
        snapshot(c -> { });
        ObjectNode other = (ObjectNode) MAPPER.readTree(snapshot.toFile());
        for (JsonNode candidate : (ArrayNode) other.get("acceptance_candidates")) {
            ((ObjectNode) candidate).put("repo_sha256", NEW_SHA);
            ((ObjectNode) candidate).put("control_tier", "tier0_runtime");
        }
        Files.writeString(snapshot, MAPPER.writeValueAsString(other));
        CliTest.Run refused = generate(plan, "--force");
        assertEquals(1, refused.status(), refused.err());
        assertTrue(refused.err().contains("2 candidates with reviewers' entries changed surface"), refused.err());
        assertTrue(refused.err().contains(secondId + " (repo_sha256, control_tier)"), refused.err());
    }

    @Test
    void theLibrarysOverwriteResetsAndReportsPerCandidate() throws IOException {
        snapshot(c -> c.put("control_tier", "tier0_runtime"));
        Path plan = filledPlan();
        ReadbackPlanner planner = ReadbackPlanner.create();
        PlanOptions options = new PlanOptions(GENERATED_AT, "unknown");
        OverwriteRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(OverwriteRefusedException.class,
                () -> planner.regenerate(snapshot, options, plan, ReadbackPlanner.Overwrite.KEEP_ENTRIES));
        assertEquals(OverwriteRefusedException.Reason.SURFACES_CHANGED, refused.reason());
        assertEquals(Map.of(secondId, List.of("control_tier")), refused.changedFields());
        ReadbackPlanner.Regeneration done = planner.regenerate(snapshot, options, plan, new ReadbackPlanner.Overwrite(false, false, true));
        assertEquals(Map.of(secondId, List.of("control_tier")), done.changedSurfaces());
        assertEquals(List.of(), done.discardedCandidateIds());
        assertEquals(2, done.keptCandidates());
    }

    /** Errors found while merging entries name the user's file, its line and column, and the candidate, not the merged plan. */
    @Test
    void mergeErrorsPointIntoTheOldPlanByLineAndCandidate() throws IOException {
        snapshot(c -> c.put("label", "renamed"));
        ObjectNode tree = OldPlanStrictTest.filled();
        ((ObjectNode) tree.get("readback_candidates").get(4)).put("actor_attribution_ref", "https://jira.example.com/browse/INC-2041");
        Path plan = temp.resolve("plan.json");
        OldPlanStrictTest.writeTree(tree, plan);
        String fifthId = tree.get("readback_candidates").get(4).get("post_incident_readback_candidate_id").textValue();
        CliTest.Run refused = generate(plan);
        assertEquals(1, refused.status(), refused.err());
        assertFalse(refused.err().contains("the plan of"), refused.err());
        String validated = run("validate", plan.toString()).out();
        List<String> lines = refused.err().lines().filter(l -> l.contains(": error: /readback_candidates/")).toList();
        assertFalse(lines.isEmpty(), refused.err());
        for (String line : lines) {
            assertTrue(line.matches(java.util.regex.Pattern.quote(plan.toString()) + ":\\d+:\\d+: error: /readback_candidates/4/actor_attribution_ref: .*"
                    + java.util.regex.Pattern.quote("(candidate " + fifthId + ")")), line);
            // The same place and problem as validate of the user's file reports.
            String withoutCandidate = line.substring(0, line.length() - (" (candidate " + fifthId + ")").length());
            assertTrue(validated.lines().anyMatch(withoutCandidate::equals), withoutCandidate + " in\n" + validated);
        }
        assertTrue(refused.err().contains("would make the regenerated plan invalid"), refused.err());
        assertFalse(refused.err().contains("jira.example.com"), "no value is printed");
    }
}
