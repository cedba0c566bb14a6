package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, item 7, on the command line: documents given as another kind than they are. */
class WrongKindTest {
    private static final String SNAPSHOT = "examples/docs/security/monitoring-owner-response-acceptance.snapshot.json";
    private static final String PLAN = "examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json";

    @TempDir
    Path temp;

    @Test
    void reviewGivenASnapshotAsPlanSaysSoInOneLine() {
        CliTest.Run run = run("review", "--root", "examples", SNAPSHOT);
        assertEquals(1, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith(SNAPSHOT + ":1:1: error: (root): not a plan: it looks like a snapshot"), run.err());
        assertTrue(run.err().contains("nothing was reviewed (PLAN is the filled plan"), run.err());
    }

    @Test
    void reviewGivenAPlanAsTheSnapshotSaysSoInOneLine() {
        CliTest.Run run = run("review", "--root", "examples", "--source-report", "docs/security/monitoring-post-incident-readback-plan.snapshot.json", PLAN);
        assertEquals(1, run.status(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("/schema_version: is the plan's schema_version: this document is a plan, not a snapshot"), run.err());
    }

    @Test
    void validateRefusesAPlanAsASnapshotAndASlippedPlan() throws IOException {
        CliTest.Run run = run("validate", "--kind", "snapshot", PLAN);
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("this document is a plan, not a snapshot"), run.out());
        Path slipped = temp.resolve("plan.json");
        String text = Files.readString(Path.of(PLAN), StandardCharsets.UTF_8)
                .replace("\"schema_version\": \"monitoring_post_incident_readback_plan_v1\"",
                        "\"schema_version\": \"monitoring_post_incident_readback_plan_v1 \"")
                .replace("\"production_write_authorized\": false", "\"production_write_authorized\": true");
        Files.writeString(slipped, text, StandardCharsets.UTF_8);
        run = run("validate", slipped.toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().contains("did you mean monitoring_post_incident_readback_plan_v1?"), run.out());
        assertTrue(run.out().contains("looks like a plan, not a snapshot"), run.out());
        // Generation refuses it too, and writes nothing.
        Path output = temp.resolve("out.json");
        run = run("--root", temp.toString(), "--source-report", "plan.json", "--generated-at", CliTest.GENERATED_AT,
                "--git-commit", "unknown", "--output", output.toString());
        assertEquals(1, run.status(), run.err());
        assertTrue(!Files.exists(output));
    }
}
