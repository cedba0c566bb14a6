package dev.readbackplan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 9: a credential written as prose in an owner or window field stops the candidate
 * from reaching ready; the review quarantines the field and never shows the value.
 */
class ProseCredentialReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The lanes case's complete candidate, which is ready as it stands. */
    private static final int COMPLETE = 8;
    private static final String READY = "ready_for_monitoring_post_incident_review";

    @Test
    void theCompleteCandidateIsReadyAsItStands(@TempDir Path temp) throws IOException {
        Path folder = withField(temp, "rollback_owner", "sre-oncall");
        assertEquals(READY, lane(folder));
    }

    @Test
    void proseCredentialsInOwnerAndWindowFieldsAreNotReady(@TempDir Path temp) throws IOException {
        List<String[]> cases = List.of(
                new String[] {"rollback_owner", "alice, password is Sup3rS3cret!"},
                new String[] {"followup_owner", "pw: Sup3rS3cret!"},
                new String[] {"maintenance_window", "routing_key 0123456789abcdef0123456789abcdef"});
        int n = 0;
        for (String[] change : cases) {
            Path folder = withField(temp.resolve("case" + n++), change[0], change[1]);
            ReviewGoldenTest.Run run = ReviewGoldenTest.review(folder, "--format", "json");
            JsonNode candidate = JSON.readTree(run.out()).get("candidates").get(COMPLETE);
            assertNotEquals(READY, candidate.get("lane").textValue(), change[0]);
            assertEquals("quarantine_raw_payload", candidate.get("lane").textValue(), change[0]);
            assertFalse(run.out().contains("Sup3rS3cret") || run.err().contains("Sup3rS3cret")
                    || run.out().contains("0123456789abcdef0123456789abcdef"), "the value is never shown");
        }
    }

    @Test
    void aTeamRuleGivenWithSecretRulesQuarantinesTheFieldItFinds(@TempDir Path temp) throws IOException {
        String token = "acme_oc_" + "Q8w7E6r5T4y3U2i1O0p9A8s7"; // made here: the source holds no literal
        Path folder = withField(temp, "rollback_owner", "handover to bob, " + token);
        assertEquals(READY, lane(folder), "the built-in table does not know the team's format");
        ReviewGoldenTest.Run run = ReviewGoldenTest.review(folder, "--format", "json", "--secret-rules",
                Path.of("src/test/resources/scanner/gitleaks/team-rules.toml").toString());
        JsonNode candidate = JSON.readTree(run.out()).get("candidates").get(COMPLETE);
        assertEquals("quarantine_raw_payload", candidate.get("lane").textValue(), run.err());
        assertFalse(run.out().contains(token.substring(8)) || run.err().contains(token.substring(8)));
    }

    private static Path withField(Path folder, String field, String value) throws IOException {
        Files.createDirectories(folder);
        Files.copy(ReviewGoldenTest.CORPUS.resolve("lanes/snapshot.json"), folder.resolve("snapshot.json"));
        JsonNode plan = JSON.readTree(ReviewGoldenTest.CORPUS.resolve("lanes/plan.json").toFile());
        ((ObjectNode) plan.get("readback_candidates").get(COMPLETE)).put(field, value);
        Files.writeString(folder.resolve("plan.json"), JSON.writeValueAsString(plan));
        return folder;
    }

    private static String lane(Path folder) throws IOException {
        ReviewGoldenTest.Run run = ReviewGoldenTest.review(folder, "--format", "json");
        return JSON.readTree(run.out()).get("candidates").get(COMPLETE).get("lane").textValue();
    }
}
