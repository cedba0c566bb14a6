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
}
