package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.EmbeddingExample;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the embedding example of examples/java, which the build compiles as a test source. */
class EmbeddingExampleTest {
    @Test
    void theEmbeddingExampleRuns(@TempDir Path temp) throws IOException {
        Path plan = temp.resolve("plan.json");
        long candidates = EmbeddingExample.writePlan(
                Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json"), plan);
        assertEquals(10, candidates);
        assertTrue(ReadbackPlanner.create().validate(plan).isValid());
        assertTrue(EmbeddingExample.firstReviewerCheck().startsWith("source_owner_response_acceptance_current: "));
    }

    /** The README's example must not lose the old plan when the snapshot is bad (it once truncated it first). */
    @Test
    void anInvalidSnapshotLeavesTheOldPlanAsItWas(@TempDir Path temp) throws IOException {
        Path plan = temp.resolve("plan.json");
        java.nio.file.Files.writeString(plan, "the reviewers' plan");
        Path snapshot = temp.resolve("snapshot.json");
        java.nio.file.Files.writeString(snapshot, "{\"schema_version\": \"x\", \"acceptance_candidates\": 5}");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> EmbeddingExample.writePlan(snapshot, plan));
        assertEquals("the reviewers' plan", java.nio.file.Files.readString(plan));
        try (var files = java.nio.file.Files.list(temp)) {
            assertEquals(2, files.count(), "no temporary file is left");
        }
    }
}
