package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.document.PlanComparison;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code compare} takes what to compare the provenance with as named options, not two positional nullable strings. */
class CompareOptionsTest {
    private static final Path SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final Path PLAN = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json");
    private final ReadbackPlanner planner = ReadbackPlanner.create();

    @Test
    void valuesAreNamedAndFromTheFileUnlessGiven() {
        CompareOptions fromFile = CompareOptions.fromFile();
        assertEquals(Optional.empty(), fromFile.generatedAt());
        assertEquals(Optional.empty(), fromFile.gitCommit());
        CompareOptions given = fromFile.withGitCommit("abc1234");
        assertEquals(Optional.empty(), given.generatedAt());
        assertEquals(Optional.of("abc1234"), given.gitCommit());
        assertEquals(given, CompareOptions.fromFile().withGitCommit("abc1234"));
        assertNotEquals(fromFile, given);
        assertThrows(NullPointerException.class, () -> fromFile.withGeneratedAt(null));
    }

    @Test
    void theFilesProvenanceMakesTheExampleUpToDate() throws IOException {
        assertTrue(planner.compare(SNAPSHOT, PLAN, CompareOptions.fromFile()).upToDate());
    }

    @Test
    void aGivenValueIsComparedWith() throws IOException {
        PlanComparison comparison = planner.compare(SNAPSHOT, PLAN, CompareOptions.fromFile().withGeneratedAt("2001-02-03T04:05:06+08:00"));
        assertEquals(PlanComparison.State.OUT_OF_DATE, comparison.state());
        assertEquals(List.of("generated_at"), comparison.pointerSegments());
    }

    @Test
    void aValueTheSchemaRejectsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> planner.compare(SNAPSHOT, PLAN, CompareOptions.fromFile().withGitCommit("not a commit")));
    }
}
