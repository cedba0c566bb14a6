package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.PlanOptions;
import dev.readbackplan.ReadbackPlanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 8: every date-time the tool takes ({@code --generated-at}, {@code --reviewed-at},
 * {@link ReadbackPlanner#check}) is checked by the strict RFC 3339 grammar, before anything is written.
 */
class DateTimeOptionTest {
    private static final String FILLED = "examples/docs/security/monitoring-post-incident-readback-plan.filled.json";

    @TempDir
    Path temp;

    private static final String[] REFUSED = {
        "2026-01-01T00:00:00Zjunk", "2026-01-01 00:00:00+08:00", "2026-01-01T00:00:00+08:00\n", "2026-02-29T00:00:00+08:00",
    };
    private static final String[] ACCEPTED = {
        "2026-01-01T00:00:00-00:00", "2026-01-01T00:00:00.1234567890+08:00", "2017-01-01T07:59:60+08:00", "2026-01-01t00:00:00z",
    };

    @Test
    void generatedAtOutsideTheGrammarIsRefusedAndNothingIsWritten() {
        for (String value : REFUSED) {
            Path output = temp.resolve("plan.json");
            CliTest.Run run = run("--root", "examples", "--generated-at", value, "--git-commit", "unknown", "--output", output.toString());
            assertEquals(2, run.status(), value + " -> " + run.err());
            assertTrue(run.err().startsWith("monitoring-readback-plan: error: --generated-at must be an RFC 3339 date-time"), run.err());
            assertFalse(Files.exists(output), value);
        }
    }

    @Test
    void generatedAtInTheGrammarIsWrittenAsGiven() throws IOException {
        for (String value : ACCEPTED) {
            Path output = temp.resolve("plan.json");
            CliTest.Run run = run("--root", "examples", "--generated-at", value, "--git-commit", "unknown", "--output", output.toString());
            assertEquals(0, run.status(), value + " -> " + run.err());
            String plan = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(plan.contains("\"generated_at\": \"" + value + "\""), value);
            CliTest.Run validate = run("validate", output.toString());
            assertEquals(0, validate.status(), value + " -> " + validate.err() + validate.out());
            Files.delete(output);
        }
    }

    @Test
    void reviewedAtFollowsTheSameGrammar() throws IOException {
        Path plan = temp.resolve("filled.json");
        Files.copy(Path.of(FILLED), plan);
        for (String value : REFUSED) {
            CliTest.Run run = run("review", "--root", "examples", "--reviewed-at", value, "--format", "json", plan.toString());
            assertEquals(2, run.status(), value + " -> " + run.err());
            assertTrue(run.err().contains("--reviewed-at must be an RFC 3339 date-time"), run.err());
        }
        for (String value : ACCEPTED) {
            CliTest.Run run = run("review", "--root", "examples", "--reviewed-at", value, "--format", "json", plan.toString());
            assertEquals(0, run.status(), value + " -> " + run.err());
            assertTrue(run.out().contains("\"reviewed_at\": \"" + value + "\""), run.out());
        }
    }

    @Test
    void theLibraryCheckUsesTheSameGrammar() {
        ReadbackPlanner planner = ReadbackPlanner.create();
        for (String value : REFUSED) {
            assertThrows(IllegalArgumentException.class, () -> planner.check(new PlanOptions(value, "unknown")), value);
        }
        for (String value : ACCEPTED) {
            assertEquals(value, planner.check(new PlanOptions(value, "unknown")).generatedAt());
        }
    }
}
