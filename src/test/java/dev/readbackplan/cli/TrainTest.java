package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.ParseResult;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.model.ReadbackPlan;
import dev.readbackplan.internal.concurrent.Candidates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The launcher's training runs: each command's runs on the packaged example succeed (a training that
 * fails leaves the launcher without a cache, silently), and the packaged example is the one in
 * examples/, which the other tests hold to what the generator writes and the review reads.
 */
class TrainTest {
    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(Train.Command.class)
    void eachCommandsTrainingSucceeds(Train.Command command) throws IOException {
        assertEquals(Cli.OK, Train.run(work, command));
        switch (command) {
            case GENERATE -> {
                assertArrayEquals(Files.readAllBytes(Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json")),
                        Files.readAllBytes(work.resolve("plan.json")), "the training generates the example's plan");
                // The larger snapshot takes generation's parallel paths only if it is clean and long enough.
                ReadbackPlanner planner = ReadbackPlanner.create();
                ValidationReport snapshot = planner.validate(work.resolve(Train.LARGE_SNAPSHOT));
                assertEquals(List.of(), snapshot.problems(), "the larger snapshot is valid, with no warning");
                ValidationReport plan = planner.validate(work.resolve("large-plan.json"));
                assertEquals(List.of(), plan.problems());
                ParseResult<ReadbackPlan> parsed = planner.parsePlan(work.resolve("large-plan.json"));
                assertEquals(Train.LARGE, ((ParseResult.Valid<ReadbackPlan>) parsed).document().getReadbackCandidates().size());
                assertTrue(Train.LARGE >= Candidates.PARALLEL_THRESHOLD);
            }
            case REVIEW -> {
                String review = Files.readString(work.resolve("review.txt"));
                assertTrue(review.contains("ready_for_monitoring_post_incident_review"), review);
                assertTrue(Files.size(work.resolve("quarantined.txt")) > 0, "the plan read whole was reviewed");
            }
            case VALIDATE -> assertTrue(Files.exists(work.resolve(Train.PLAN)));
            default -> throw new AssertionError(command);
        }
    }

    @Test
    void theLauncherNamesCommandsAsTheCliDoes() {
        assertEquals(Train.Command.GENERATE, Train.command("generate"));
        assertEquals(Train.Command.VALIDATE, Train.command("validate"));
        assertEquals(Train.Command.REVIEW, Train.command("review"));
        assertNull(Train.command("Review"));
        assertNull(Train.command(""));
    }

    @Test
    void thePackagedExampleIsTheOneInExamples() throws IOException {
        for (String name : new String[] {Train.SNAPSHOT, Train.PLAN, Train.FILLED_PLAN}) {
            try (InputStream in = Train.class.getResourceAsStream(Train.RESOURCES + name)) {
                assertTrue(in != null, name);
                assertArrayEquals(Files.readAllBytes(Path.of("examples/docs/security", name)), in.readAllBytes(), name);
            }
        }
    }
}
