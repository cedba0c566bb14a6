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
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** A value the file records but the schema rejects is not compared with: the default is, so the file differs there. */
    @Test
    void aRecordedValueTheSchemaRejectsGivesWayToTheDefault(@TempDir Path temp) throws IOException {
        String plan = Files.readString(PLAN);
        Path badCommit = Files.writeString(temp.resolve("bad-commit.json"),
                replaceOnce(plan, "\"git_commit\": \"unknown\"", "\"git_commit\": \"NOT-A-COMMIT\""));
        PlanComparison comparison = planner.compare(SNAPSHOT, badCommit, CompareOptions.fromFile());
        assertEquals(PlanComparison.State.OUT_OF_DATE, comparison.state());
        assertEquals(List.of("git_commit"), comparison.pointerSegments());
        Path badTime = Files.writeString(temp.resolve("bad-time.json"),
                replaceOnce(plan, "\"generated_at\": \"2026-01-01T00:00:00+08:00\"", "\"generated_at\": \"yesterday\""));
        comparison = planner.compare(SNAPSHOT, badTime, CompareOptions.fromFile());
        assertEquals(PlanComparison.State.OUT_OF_DATE, comparison.state());
        assertEquals(List.of("generated_at"), comparison.pointerSegments());
        // Given, a value is compared with whatever the file holds.
        assertEquals(List.of("generated_at"),
                planner.compare(SNAPSHOT, badTime, CompareOptions.fromFile().withGeneratedAt("2026-01-01T00:00:00+08:00")).pointerSegments());
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, from);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    @Test
    void aValueTheSchemaRejectsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> planner.compare(SNAPSHOT, PLAN, CompareOptions.fromFile().withGitCommit("not a commit")));
    }
}
