package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.concurrent.Candidates;
import dev.readbackplan.testing.ExampleSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A large snapshot's checks across candidates (unknown properties, repeated ids, the summary's
 * counts) run beside its schema validation and secret scan when the planner has an executor. Held
 * here to the planner without one, which runs them after the validation on the calling thread: for
 * seeded mutations that give each kind of finding, validation and generation report exactly the same
 * problems, on every kind of executor a caller may pass.
 */
class SnapshotChecksBesideValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COPIES = 7;
    private static final int SEEDS = 24;
    private static final ExecutorService SINGLE = Executors.newFixedThreadPool(1);
    private static final ExecutorService TWO = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopPools() {
        SINGLE.shutdownNow();
        TWO.shutdownNow();
    }

    /** The golden 100-candidate snapshot, its candidates copied under new ids, its summary's counts kept true. */
    private static ObjectNode large() throws IOException {
        return ExampleSnapshots.copies(JSON.readTree(Files.readAllBytes(Path.of("src/test/resources/golden/plain-10-n100/snapshot.json"))), COPIES);
    }

    /** One to six edits, each giving a finding of the checks across candidates, of the schema or of the scan. */
    private static byte[] mutated(ObjectNode large, long seed) throws IOException {
        ObjectNode document = large.deepCopy();
        ArrayNode candidates = (ArrayNode) document.get("acceptance_candidates");
        Random random = new Random(seed);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits; e++) {
            ObjectNode candidate = (ObjectNode) candidates.get(random.nextInt(candidates.size()));
            ObjectNode other = (ObjectNode) candidates.get(random.nextInt(candidates.size()));
            switch (random.nextInt(8)) {
                case 0 -> candidate.set("lable", candidate.remove("label")); // a typo of a known property
                case 1 -> candidate.put("surface_id", other.get("surface_id").textValue());
                case 2 -> candidate.put("acceptance_candidate_id", other.get("acceptance_candidate_id").textValue());
                case 3 -> candidate.put("write_capable_surface", !candidate.path("write_capable_surface").asBoolean());
                case 4 -> candidate.remove("repo_sha256");
                case 5 -> candidate.put("label", "api_token=" + "s3cr3t-fake-value-" + seed);
                case 6 -> ((ObjectNode) document.get("summary")).put("acceptance_candidate_count", random.nextInt(5_000));
                default -> document.put("statsu", "typo of a top-level key");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JSON.writerWithDefaultPrettyPrinter().writeValue(out, document);
        return out.toByteArray();
    }

    /** What validation and generation report: the text of each report, as a user sees it; the keywords of validation's problems go to {@code keywords}. */
    private static List<String> reports(ReadbackPlanner planner, byte[] snapshot, Set<String> keywords) throws IOException {
        List<String> reports = new ArrayList<>();
        ValidationReport validated = planner.validate(new ByteArrayInputStream(snapshot), "snapshot.json", DocumentKind.SNAPSHOT);
        validated.problems().forEach(problem -> keywords.add(problem.keyword()));
        reports.add(validated.toText());
        try {
            ValidationReport generated = planner.generate(new ByteArrayInputStream(snapshot), "snapshot.json",
                    new PlanOptions("2026-01-01T00:00:00+08:00", "unknown"), new ByteArrayOutputStream()).snapshotReport();
            reports.add("generated\n" + generated.toText());
        } catch (InvalidDocumentException refused) {
            reports.add("refused\n" + refused.report().toText());
        }
        return reports;
    }

    @TestFactory
    Stream<DynamicTest> everyExecutorReportsWhatThePlannerWithoutOneReports() throws IOException {
        ObjectNode large = large();
        assertTrue(large.get("acceptance_candidates").size() >= Candidates.PARALLEL_THRESHOLD, "large enough for the executor");
        ReadbackPlanner alone = ReadbackPlanner.create(Limits.DEFAULT);
        Map<String, Executor> executors = new LinkedHashMap<>();
        executors.put("common pool", ForkJoinPool.commonPool());
        executors.put("one-thread pool", SINGLE);
        executors.put("two-thread pool", TWO);
        executors.put("Runnable::run", Runnable::run);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Executor> executor : executors.entrySet()) {
            ReadbackPlanner planner = ReadbackPlanner.create(Limits.DEFAULT, executor.getValue());
            tests.add(DynamicTest.dynamicTest(executor.getKey(), () -> {
                Set<String> seen = new TreeSet<>();
                for (long seed = 1; seed <= SEEDS; seed++) {
                    byte[] snapshot = mutated(large, seed);
                    List<String> expected = reports(alone, snapshot, seen);
                    assertEquals(expected, reports(planner, snapshot, new TreeSet<>()), executor.getKey() + ", seed " + seed);
                }
                // The corpus gives findings of the checks across candidates, not only of the schema.
                for (String keyword : List.of("duplicate-id", "unknown-property", "summary-count", "secret", "required")) {
                    assertTrue(seen.contains(keyword), "no " + keyword + " finding in the corpus: " + seen);
                }
            }));
        }
        return tests.stream();
    }
}
