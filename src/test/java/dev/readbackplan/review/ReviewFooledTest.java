package dev.readbackplan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.PlanOptions;
import dev.readbackplan.PlanReview;
import dev.readbackplan.ReadbackPlanner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "Review: rules that can be fooled": a fully filled candidate with distinct references,
 * then one change, must not reach ready_for_monitoring_post_incident_review.
 */
class ReviewFooledTest {
    static final String READY = "ready_for_monitoring_post_incident_review";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReadbackPlanner PLANNER = ReadbackPlanner.create();

    /** The lanes case's complete candidate alone: its snapshot and its filled plan. */
    static final class OneCandidate {
        final byte[] snapshot;
        final ObjectNode plan;

        OneCandidate() throws IOException {
            ObjectNode snap = (ObjectNode) JSON.readTree(ReviewGoldenTest.CORPUS.resolve("lanes/snapshot.json").toFile());
            JsonNode filled = JSON.readTree(ReviewGoldenTest.CORPUS.resolve("lanes/plan.json").toFile()).get("readback_candidates").get(8);
            ArrayNode candidates = (ArrayNode) snap.get("acceptance_candidates");
            JsonNode kept = candidates.get(8);
            candidates.removeAll();
            candidates.add(kept);
            ((ObjectNode) snap.get("summary")).put("acceptance_candidate_count", 1);
            snapshot = snap.toString().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream fresh = new ByteArrayOutputStream();
            PLANNER.generate(new ByteArrayInputStream(snapshot), "snapshot.json",
                    new PlanOptions("2026-01-01T00:00:00+08:00", "unknown"), fresh);
            plan = (ObjectNode) JSON.readTree(fresh.toByteArray());
            ((ArrayNode) plan.get("readback_candidates")).set(0, filled);
        }

        ObjectNode candidate() {
            return (ObjectNode) plan.get("readback_candidates").get(0);
        }

        PlanReview.Reviewed review() throws IOException {
            return assertInstanceOf(PlanReview.Reviewed.class, PLANNER.review(new ByteArrayInputStream(plan.toString().getBytes(StandardCharsets.UTF_8)), "plan.json",
                    new ByteArrayInputStream(snapshot), "snapshot.json", ReviewGoldenTest.REVIEWED_AT));
        }

        String lane() throws IOException {
            return review().lanes().get(0).value();
        }
    }

    static PlanReview.Reviewed reviewWith(Consumer<ObjectNode> change) throws IOException {
        OneCandidate one = new OneCandidate();
        change.accept(one.candidate());
        return one.review();
    }

    @Test
    void theUnchangedCandidateIsReady() throws IOException {
        assertEquals(READY, new OneCandidate().lane());
    }

    // Item 1: one reference in two spellings.

    private record Pair(String first, String second) {}

    private static final List<Pair> SAME = List.of(
            new Pair("commit:abc1234def", "abc1234def"),
            new Pair("abc1234", "commit:abc1234def0"),
            new Pair("artifact://evidence/route.json", "artifact://evidence/./route.json"),
            new Pair("artifact://evidence/route.json", "artifact://evidence//route.json"),
            new Pair("artifact://evidence/route.json", "artifact://evidence/x/../route.json"),
            new Pair("artifact://evidence/route.json", "artifact://evidence/route.json/"),
            new Pair("acme/monitoring#12", "Acme/Monitoring#12"),
            new Pair("acme/monitoring#12", "acme/monitoring#012"));

    /** The "must differ" pairs: the fields, and the check that must fail with them. */
    private static final List<String[]> MUST_DIFFER = List.of(
            new String[] {"receiver_receipt_readback_ref", "receiver_route_state_ref", "receiver_receipt_readback_present"},
            new String[] {"alert_chain_health_readback_ref", "receiver_route_state_ref", "alert_chain_health_not_route_only"},
            new String[] {"alert_chain_health_readback_ref", "dashboard_trace_log_freshness_ref", "alert_chain_health_not_route_only"},
            new String[] {"before_alert_state_ref", "after_alert_state_ref", "before_after_alert_state_present"},
            new String[] {"postcheck_readback_ref", "recurrence_guard_ref", "postcheck_independent"});

    @Test
    void oneReferenceSpeltTwoWaysFailsEveryMustDifferRule() throws IOException {
        List<String> passed = new ArrayList<>();
        for (String[] rule : MUST_DIFFER) {
            for (Pair pair : SAME) {
                PlanReview.Reviewed review = reviewWith(c -> {
                    c.put(rule[0], pair.first());
                    c.put(rule[1], pair.second());
                });
                JsonNode reviewed = JSON.valueToTree(review.document()).get("candidates").get(0);
                String lane = reviewed.get("lane").textValue();
                boolean failed = false;
                String reason = "";
                for (JsonNode r : reviewed.get("reasons")) {
                    if (r.get("check").textValue().equals(rule[2])) {
                        failed = true;
                        reason = r.get("reason").textValue();
                    }
                }
                if (lane.equals(READY) || !failed || !reason.contains(rule[0] + " and " + rule[1] + " hold the same evidence")) {
                    passed.add(rule[0] + "=" + pair.first() + ", " + rule[1] + "=" + pair.second() + ": " + lane + " " + reason);
                }
            }
        }
        assertEquals(List.of(), passed);
    }

    // Item 2: owners and windows that name nobody.

    @Test
    void ownersAndWindowsThatNameNobodyAreNotFilled() throws IOException {
        List<String> nobody = List.of(" ", "\t", "\u200b", "-", "n/a", "N/A", "na", "TBD", "todo", "none", "None", "null", "unknown",
                "pending", "PENDING_POST_INCIDENT_READBACK", "pending_post_incident_readback ", " Pending Post Incident Readback",
                "\u200bpending_post_incident_readback\u200b", "?", "...", "\u3000");
        List<String> counted = new ArrayList<>();
        for (String field : List.of("maintenance_window", "rollback_owner", "followup_owner")) {
            for (String value : nobody) {
                PlanReview.Reviewed review = reviewWith(c -> c.put(field, value));
                JsonNode reviewed = JSON.valueToTree(review.document()).get("candidates").get(0);
                List<String> missing = JSON.convertValue(reviewed.get("missing_fields"), List.class);
                if (review.lanes().get(0).value().equals(READY) || !missing.contains(field)) {
                    counted.add(field + "=" + JSON.writeValueAsString(value) + ": " + review.lanes().get(0));
                }
            }
        }
        assertEquals(List.of(), counted);
        // Real names still count.
        for (String value : List.of("sre-oncall", "Ana", "ops 2", "na-team", "2026-01-01 02:00-03:00 +08:00", "张三")) {
            assertEquals(READY, reviewWith(c -> c.put("rollback_owner", value)).lanes().get(0).value(), value);
        }
    }

    // Item 3: status is the tool's, reviewer_outcome the reviewer's claim.

    @Test
    void statusIsNotAClaimAndWriteLeavesTheReviewerOutcome() throws IOException {
        OneCandidate one = new OneCandidate();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        one.review().writeReviewedPlan(written);
        ObjectNode plan = (ObjectNode) JSON.readTree(written.toByteArray());
        JsonNode candidate = plan.get("readback_candidates").get(0);
        assertEquals(READY, candidate.get("status").textValue());
        assertEquals("waiting_post_incident_readback", candidate.get("reviewer_outcome").textValue(), "--write does not claim");
        // A reviewer then empties a field: nobody claimed anything, so nothing is rejected.
        one.plan.set("readback_candidates", plan.get("readback_candidates"));
        one.candidate().putNull("post_change_monitoring_ref");
        PlanReview.Reviewed again = one.review();
        assertEquals("request_freshness_or_alert_chain_supplement", again.lanes().get(0).value());
        assertTrue(JSON.valueToTree(again.document()).get("candidates").get(0).get("claimed_lane").isNull());
        // The same with a reviewer's claim: rejected, and the claim survives --write.
        one.candidate().put("reviewer_outcome", READY);
        PlanReview.Reviewed claimed = one.review();
        assertEquals("reject_false_green_claim", claimed.lanes().get(0).value());
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        claimed.writeReviewedPlan(rewritten);
        JsonNode after = JSON.readTree(rewritten.toByteArray()).get("readback_candidates").get(0);
        assertEquals(READY, after.get("reviewer_outcome").textValue());
        assertEquals("reject_false_green_claim", after.get("status").textValue());
    }

    @Test
    void aClaimInStatusAloneIsNoClaim() throws IOException {
        PlanReview.Reviewed review = reviewWith(c -> {
            c.put("status", READY);
            c.putNull("recurrence_guard_ref");
        });
        assertEquals("recurrence_guard_backfill_required", review.lanes().get(0).value());
        assertFalse(JSON.valueToTree(review.document()).get("candidates").get(0).get("failed_checks").toString().contains("no_false_green"));
    }

    // Item 4: a plan with no candidates is not ready, and review repeats the snapshot's warnings.

    @Test
    void zeroCandidatesIsNotReadyAndTheSnapshotsWarningsAreShown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws IOException {
        ObjectNode snapshot = (ObjectNode) JSON.readTree(ReviewGoldenTest.CORPUS.resolve("lanes/snapshot.json").toFile());
        snapshot.set("acceptance_candidatez", snapshot.remove("acceptance_candidates"));
        java.nio.file.Files.writeString(temp.resolve("snapshot.json"), snapshot.toString());
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        ByteArrayOutputStream generationErr = new ByteArrayOutputStream();
        assertEquals(0, new dev.readbackplan.cli.Cli().run(new String[] {"--root", temp.toString(), "--source-report", "snapshot.json",
                "--generated-at", "2026-01-01T00:00:00+08:00", "--git-commit", "unknown"}, plan, generationErr));
        assertTrue(generationErr.toString(StandardCharsets.UTF_8).contains("acceptance_candidatez"), "generation warns");
        java.nio.file.Files.write(temp.resolve("plan.json"), plan.toByteArray());
        ReviewGoldenTest.Run ready = ReviewGoldenTest.review(temp, "--require-ready");
        assertEquals(1, ready.status(), ready.out() + ready.err());
        assertTrue(ready.err().contains("no candidates"), ready.err());
        assertTrue(ready.err().contains("/acceptance_candidatez"), "review repeats the snapshot's warning: " + ready.err());
        assertTrue(ready.out().contains("the plan has no candidates"), ready.out());
        for (String format : List.of("json", "markdown", "sarif")) {
            ReviewGoldenTest.Run run = ReviewGoldenTest.review(temp, "--format", format);
            assertEquals(0, run.status());
            assertTrue(run.out().contains("acceptance_candidatez"), format + ": " + run.out());
        }
        PlanReview.Reviewed review = assertInstanceOf(PlanReview.Reviewed.class,
                PLANNER.review(temp.resolve("plan.json"), temp.resolve("snapshot.json"), ReviewGoldenTest.REVIEWED_AT));
        assertFalse(review.allReady());
        assertEquals(1, JSON.valueToTree(review.document()).get("snapshot_warnings").size());
    }

    // Item 5: every failed check says why, in every format.

    @Test
    void everyFormatSaysWhyAChecksFailed() {
        java.nio.file.Path example = java.nio.file.Path.of("examples");
        String plan = "examples/docs/security/monitoring-post-incident-readback-plan.filled.json";
        for (String format : List.of("text", "json", "markdown", "sarif")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = new dev.readbackplan.cli.Cli().run(new String[] {"review", "--root", example.toString(), "--format", format,
                    "--reviewed-at", ReviewGoldenTest.REVIEWED_AT, plan}, out, new ByteArrayOutputStream());
            assertEquals(0, status);
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("receiver_receipt_readback_ref and receiver_route_state_ref hold the same evidence"),
                    format + " says why the Telegram receiver fails:\n" + text);
        }
        java.nio.file.Path edge = ReviewGoldenTest.CORPUS.resolve("edge");
        for (String format : List.of("text", "json", "markdown", "sarif")) {
            String text = ReviewGoldenTest.review(edge, "--format", format).out();
            assertTrue(text.contains("is not a redacted evidence reference (accepted shapes: a ticket or change id such as INC-2041"),
                    format + " gives a quarantined value's accepted shapes");
        }
    }

    // Item 6: an out-of-date plan is described by candidate id, before any pointer.

    @Test
    void anOutOfDatePlanNamesTheCandidatesByIdBeforeAnyPointer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws IOException {
        java.nio.file.Path docs = temp.resolve("docs/security");
        java.nio.file.Files.createDirectories(docs);
        ObjectNode snapshot = (ObjectNode) JSON.readTree(
                java.nio.file.Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json").toFile());
        ArrayNode candidates = (ArrayNode) snapshot.get("acceptance_candidates");
        String leaving = candidates.get(1).get("surface_id").textValue();
        candidates.remove(1);
        ((ObjectNode) candidates.get(3)).put("label", "renamed after the plan");
        String renamed = candidates.get(3).get("surface_id").textValue();
        java.nio.file.Files.writeString(docs.resolve("monitoring-owner-response-acceptance.snapshot.json"), snapshot.toString());
        java.nio.file.Path plan = temp.resolve("plan.json");
        java.nio.file.Files.copy(java.nio.file.Path.of("examples/docs/security/monitoring-post-incident-readback-plan.filled.json"), plan);
        String removedId = "monitoring_post_incident_readback:" + leaving;
        String changedId = "monitoring_post_incident_readback:" + renamed;

        // The text format says it on standard output (issue 15 item 4: every format writes a document), first line.
        ByteArrayOutputStream reviewOut = new ByteArrayOutputStream();
        int reviewed = new dev.readbackplan.cli.Cli().run(new String[] {"review", "--root", temp.toString(), plan.toString()},
                reviewOut, new ByteArrayOutputStream());
        assertEquals(1, reviewed);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int checked = new dev.readbackplan.cli.Cli().run(new String[] {"--root", temp.toString(), "--output", plan.toString(), "--check"},
                new ByteArrayOutputStream(), err);
        assertEquals(1, checked);
        for (String output : List.of(reviewOut.toString(StandardCharsets.UTF_8).split("\n")[0], lastLine(err.toString(StandardCharsets.UTF_8)))) {
            int removed = output.indexOf("1 removed (in the file, no longer in the snapshot): " + removedId);
            int changed = output.indexOf("1 changed (what the snapshot gives for them differs): " + changedId);
            assertTrue(removed >= 0 && changed > removed, output);
            int pointer = output.indexOf("/readback_candidates/");
            assertTrue(pointer < 0 || pointer > changed, "ids before any candidate's pointer: " + output);
            assertFalse(output.matches(".*gives \"artifact://.*"), "a snapshot holds no artifact reference: " + output);
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
