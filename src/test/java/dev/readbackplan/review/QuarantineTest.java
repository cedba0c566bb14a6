package dev.readbackplan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.PlanReview;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.internal.json.PythonJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review --write} removes only values with a secret or raw payload in them. A value whose only
 * fault is its shape (a URL or {@code INC 2041} in a reference, an owner over the length limit) is the
 * reviewer's information: it stays in the plan, its candidate stays quarantined, and it is reported by
 * pointer and candidate id.
 */
class QuarantineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE_PLAN = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json");
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final String JIRA = "https://jira.example.com/browse/INC-2041";
    private static final String SPACED = "INC 2041";
    private static final String LONG_OWNER = "platform on-call rotation ".repeat(10);
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    @TempDir
    Path temp;

    private Path folder() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(EXAMPLE_PLAN.toFile());
        ObjectNode second = (ObjectNode) plan.get("readback_candidates").get(1);
        second.put("monitoring_incident_or_change_ref", JIRA);
        second.put("actor_attribution_ref", SPACED);
        second.put("rollback_owner", LONG_OWNER);
        second.put("receiver_receipt_readback_ref", "sha256:" + "ab".repeat(32));
        ObjectNode fourth = (ObjectNode) plan.get("readback_candidates").get(3);
        fourth.put("postcheck_readback_ref", TOKEN);
        Path folder = temp.resolve("case");
        Files.createDirectories(folder);
        Files.copy(EXAMPLE_SNAPSHOT, folder.resolve("snapshot.json"));
        try (OutputStream out = Files.newOutputStream(folder.resolve("plan.json"))) {
            PythonJsonWriter writer = new PythonJsonWriter(out);
            writer.writeDocument(plan);
            writer.flush();
        }
        return folder;
    }

    @Test
    void writeKeepsValuesWhoseOnlyFaultIsTheirShapeAndNullsSecrets() throws IOException {
        Path folder = folder();
        JsonNode before = JSON.readTree(folder.resolve("plan.json").toFile());
        String secondId = before.get("readback_candidates").get(1).get("post_incident_readback_candidate_id").textValue();
        String fourthId = before.get("readback_candidates").get(3).get("post_incident_readback_candidate_id").textValue();
        ReviewGoldenTest.Run run = ReviewGoldenTest.review(folder, "--write");
        assertEquals(0, run.status(), run.err());
        JsonNode after = JSON.readTree(folder.resolve("plan.json").toFile());
        JsonNode second = after.get("readback_candidates").get(1);
        assertEquals(JIRA, second.get("monitoring_incident_or_change_ref").textValue(), "a URL holds no secret: it stays");
        assertEquals(SPACED, second.get("actor_attribution_ref").textValue());
        assertEquals(LONG_OWNER, second.get("rollback_owner").textValue());
        assertEquals("sha256:" + "ab".repeat(32), second.get("receiver_receipt_readback_ref").textValue());
        assertEquals("quarantine_raw_payload", second.get("status").textValue(), "the candidate stays quarantined");
        JsonNode fourth = after.get("readback_candidates").get(3);
        assertTrue(fourth.get("postcheck_readback_ref").isNull(), "a secret is removed");
        assertEquals("quarantine_raw_payload", fourth.get("status").textValue());

        for (String field : List.of("monitoring_incident_or_change_ref", "actor_attribution_ref", "rollback_owner")) {
            assertTrue(run.err().contains("plan.json: /readback_candidates/1/" + field + " (candidate " + secondId + "): quarantined value kept"),
                    run.err());
        }
        assertTrue(run.err().contains("plan.json: /readback_candidates/3/postcheck_readback_ref (candidate " + fourthId
                + "): quarantined value removed (set to null)"), run.err());
        for (String value : List.of(JIRA, SPACED, LONG_OWNER.trim(), TOKEN)) {
            assertFalse(run.err().contains(value) || run.out().contains(value), "never printed: " + value);
        }

        // A second review finds the kept values again, and the secret gone.
        ReviewGoldenTest.Run again = ReviewGoldenTest.review(folder, "--format", "json");
        assertEquals(0, again.status(), again.err());
        JsonNode candidates = JSON.readTree(again.out()).get("candidates");
        assertEquals(3, candidates.get(1).get("quarantined_fields").size());
        assertEquals("quarantine_raw_payload", candidates.get(1).get("lane").textValue());
        assertEquals(0, candidates.get(3).get("quarantined_fields").size());
    }

    @Test
    void theLibraryNamesTheValuesItNulls() throws IOException {
        Path folder = folder();
        PlanReview.Reviewed review = assertInstanceOf(PlanReview.Reviewed.class, ReadbackPlanner.create().review(folder.resolve("plan.json"),
                folder.resolve("snapshot.json"), ReviewGoldenTest.REVIEWED_AT));
        List<String> quarantined = review.quarantinedPointers();
        assertEquals(4, quarantined.size(), quarantined.toString());
        assertTrue(quarantined.containsAll(List.of("/readback_candidates/1/monitoring_incident_or_change_ref",
                "/readback_candidates/1/actor_attribution_ref", "/readback_candidates/1/rollback_owner",
                "/readback_candidates/3/postcheck_readback_ref")), quarantined.toString());
        assertEquals(List.of("/readback_candidates/3/postcheck_readback_ref"), review.nulledPointers());
    }
}
