package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A review's SARIF is located in the bytes that were reviewed, which the review keeps; the version is public. */
class ReviewSarifKeptBytesTest {
    private static final Path PLAN = Path.of("src/test/resources/review/lanes/plan.json");
    private static final Path SNAPSHOT = Path.of("src/test/resources/review/lanes/snapshot.json");
    private final ReadbackPlanner planner = ReadbackPlanner.create();

    @Test
    void theVersionIsTheBuilds() {
        assertTrue(ReadbackPlanner.VERSION.matches("\\d+\\.\\d+\\.\\d+.*"), ReadbackPlanner.VERSION);
    }

    @SuppressWarnings("deprecation")
    @Test
    void theReviewLocatesItsResultsWithoutThePlanReadAgain() throws IOException {
        PlanReview review = planner.review(PLAN, SNAPSHOT, "2026-01-02T09:30:00+08:00");
        assertEquals(review.toSarif("1.2.3", Files.readAllBytes(PLAN)), review.toSarif("1.2.3"));
        JsonNode run = new ObjectMapper().readTree(review.toSarif()).get("runs").get(0);
        assertEquals(ReadbackPlanner.VERSION, run.get("tool").get("driver").get("version").asText());
        int located = 0;
        for (JsonNode result : run.get("results")) {
            if (result.get("locations").get(0).get("physicalLocation").has("region")) {
                located++;
            }
        }
        assertEquals(run.get("results").size(), located, "every result has a line and column");
    }

    /** The plan file changes after the review: its results still point into the plan that was reviewed. */
    @Test
    void aFileChangedSinceTheReviewDoesNotMatter(@TempDir Path temp) throws IOException {
        Path plan = temp.resolve("plan.json");
        Files.copy(PLAN, plan);
        PlanReview review;
        try (InputStream in = Files.newInputStream(plan); InputStream snapshot = Files.newInputStream(SNAPSHOT)) {
            review = planner.review(in, "plan.json", snapshot, "snapshot.json", "2026-01-02T09:30:00+08:00");
        }
        String before = review.toSarif("1.2.3");
        Files.writeString(plan, "{}");
        assertEquals(before, review.toSarif("1.2.3"));
        PlanReview fromBytes = planner.review(new ByteArrayInputStream(Files.readAllBytes(PLAN)), "plan.json",
                Files.newInputStream(SNAPSHOT), "snapshot.json", "2026-01-02T09:30:00+08:00");
        assertEquals(before, fromBytes.toSarif("1.2.3"));
    }
}
