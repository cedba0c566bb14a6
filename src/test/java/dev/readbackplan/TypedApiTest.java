package dev.readbackplan;

import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readbackplan.model.AcceptanceCandidate;
import dev.readbackplan.model.AcceptanceSnapshot;
import dev.readbackplan.model.ReadbackCandidate;
import dev.readbackplan.model.ReadbackPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated model, and the guarantee that one input always gives the same bytes. */
class TypedApiTest {
    private static final Path EXAMPLE = GoldenPlanTest.GOLDEN.resolve("example");
    private final ReadbackPlanner planner = ReadbackPlanner.create();

    private static AcceptanceSnapshot exampleSnapshot() throws IOException {
        return new ObjectMapper().readValue(EXAMPLE.resolve("snapshot.json").toFile(), AcceptanceSnapshot.class);
    }

    @Test
    void aTypedPlanWritesTheSameBytesAsTheReference() throws IOException {
        ReadbackPlan plan = planner.plan(exampleSnapshot(), GoldenPlanTest.OPTIONS);
        assertEquals(10, plan.getReadbackCandidates().size());
        ReadbackCandidate first = plan.getReadbackCandidates().get(0);
        assertEquals("monitoring_post_incident_readback:prometheus_alert_rules_core", first.getPostIncidentReadbackCandidateId());
        assertEquals(Boolean.FALSE, first.getRuntimeGate());
        assertEquals(null, first.getActorAttributionRef());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        planner.write(plan, out);
        assertArrayEquals(Files.readAllBytes(EXAMPLE.resolve("plan.json")), out.toByteArray());
    }

    @Test
    void aTypedPlanWithAnOpenedGateIsNeitherValidNorWritten() throws IOException {
        ReadbackPlan plan = planner.plan(exampleSnapshot(), GoldenPlanTest.OPTIONS);
        plan.getReadbackCandidates().get(2).setAlertmanagerReloadAuthorized(true);
        ValidationReport report = planner.validate(plan);
        assertFalse(report.isValid());
        assertEquals("/readback_candidates/2/alertmanager_reload_authorized", report.errors().get(0).rawPointer());
        assertEquals(0, report.errors().get(0).line(), "typed models have no positions");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class, () -> planner.write(plan, out));
        assertEquals(report.problems(), e.report().problems());
        assertEquals(0, out.size());
    }

    @Test
    void anInvalidTypedSnapshotIsRefusedWithEveryProblem() {
        AcceptanceSnapshot snapshot = new AcceptanceSnapshot();
        AcceptanceCandidate candidate = new AcceptanceCandidate();
        candidate.setSurfaceId("");
        snapshot.getAcceptanceCandidates().add(candidate);
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> planner.plan(snapshot, GoldenPlanTest.OPTIONS));
        List<String> pointers = e.report().errors().stream().map(Problem::pointer).distinct().toList();
        assertTrue(pointers.contains("/acceptance_candidates/0/surface_id"), pointers.toString());
        assertTrue(pointers.contains("/acceptance_candidates/0"), pointers.toString());
        assertTrue(e.getMessage().startsWith("snapshot is not a valid snapshot"), e.getMessage());
    }

    @Test
    void twoBuildsOfTheSameInputAreIdentical() throws IOException {
        Path snapshot = GoldenPlanTest.GOLDEN.resolve("weird-18-n60/snapshot.json");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        planner.generate(snapshot, GoldenPlanTest.OPTIONS, first);
        ReadbackPlanner.create().generate(snapshot, GoldenPlanTest.OPTIONS, second);
        assertArrayEquals(first.toByteArray(), second.toByteArray());
        assertEquals(planner.plan(exampleSnapshot(), GoldenPlanTest.OPTIONS), planner.plan(exampleSnapshot(), GoldenPlanTest.OPTIONS));
    }

    @Test
    void onePlannerServesManyThreads() throws Exception {
        byte[] expected = Files.readAllBytes(GoldenPlanTest.GOLDEN.resolve("weird-17-n33/plan.json"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(() -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    planner.generate(GoldenPlanTest.GOLDEN.resolve("weird-17-n33/snapshot.json"), GoldenPlanTest.OPTIONS, out);
                    return out.toByteArray();
                }));
            }
            for (Future<byte[]> run : runs) {
                assertArrayEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every kind of executor a caller may pass; "pool" kinds are also the pool the calls are made from. */
    static Stream<Arguments> executorKinds() {
        return Stream.of(
                Arguments.of("one-thread pool", (Supplier<Executor>) () -> Executors.newFixedThreadPool(1)),
                Arguments.of("bounded pool that rejects when full", (Supplier<Executor>) () -> new ThreadPoolExecutor(1, 1, 0,
                        TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), new ThreadPoolExecutor.AbortPolicy())),
                Arguments.of("single-thread executor", (Supplier<Executor>) Executors::newSingleThreadExecutor),
                Arguments.of("direct", (Supplier<Executor>) () -> Runnable::run),
                Arguments.of("common pool", (Supplier<Executor>) ForkJoinPool::commonPool),
                Arguments.of("executor that rejects everything", (Supplier<Executor>) () -> task -> {
                    throw new RejectedExecutionException("stopped");
                }));
    }

    /**
     * Issue 14 item 3, reproduced: with a one-thread pool, validating a 600-candidate snapshot from a
     * task of that pool never returned (the range checks were queued behind the caller and joined), and
     * creating the planner inside such a task deadlocked at one candidate (the schema build was queued
     * and joined), as did review's hashing. Each call is made from a task of the executor itself when it
     * is a pool, and must give what the direct planner gives.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("executorKinds")
    @Timeout(300)
    void noCallDeadlocksOnTheExecutorItIsGiven(String kind, Supplier<Executor> make, @TempDir Path temp) throws Exception {
        // 1,000 candidates: a plan of about 10 MB, which a write to a file flushes early on the executor.
        Path snapshot = snapshotOf(1000, temp);
        Path plan = temp.resolve("plan.json");
        ReadbackPlanner direct = ReadbackPlanner.create(Limits.DEFAULT, Runnable::run);
        direct.generate(snapshot, GoldenPlanTest.OPTIONS, plan);
        ValidationReport expected = direct.validate(snapshot);
        byte[] expectedPlan = Files.readAllBytes(plan);
        String expectedReview = direct.review(plan, snapshot, GoldenPlanTest.GENERATED_AT).toText();

        Executor executor = make.get();
        ExecutorService caller = executor instanceof ExecutorService pool ? pool : Executors.newSingleThreadExecutor();
        try {
            Future<List<Object>> run = caller.submit(() -> {
                ReadbackPlanner planner = ReadbackPlanner.create(Limits.DEFAULT, executor); // made inside a task of the pool
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                planner.generate(snapshot, GoldenPlanTest.OPTIONS, out);
                Path file = temp.resolve("plan-" + kind.length() + ".json");
                planner.generate(snapshot, GoldenPlanTest.OPTIONS, file);
                assertArrayEquals(out.toByteArray(), Files.readAllBytes(file), kind + ": the file holds the plan streamed");
                return List.of(planner.validate(snapshot), out.toByteArray(),
                        planner.review(plan, snapshot, GoldenPlanTest.GENERATED_AT).toText(),
                        planner.validate(EXAMPLE.resolve("snapshot.json")));
            });
            List<Object> results = run.get(240, TimeUnit.SECONDS);
            assertEquals(expected.problems(), ((ValidationReport) results.get(0)).problems(), kind);
            assertArrayEquals(expectedPlan, (byte[]) results.get(1), kind);
            assertEquals(expectedReview, results.get(2), kind);
            assertTrue(((ValidationReport) results.get(3)).isValid(), kind);
        } finally {
            caller.shutdownNow();
        }
    }

    /** A snapshot of {@code count} candidates, copies of the example's with ids made unique. */
    private static Path snapshotOf(int count, Path folder) throws IOException {
        Path snapshot = folder.resolve("snapshot-" + count + ".json");
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode many =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(EXAMPLE.resolve("snapshot.json").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode candidates = (com.fasterxml.jackson.databind.node.ArrayNode) many.get("acceptance_candidates");
        List<com.fasterxml.jackson.databind.JsonNode> ten = new java.util.ArrayList<>();
        candidates.forEach(ten::add);
        candidates.removeAll();
        for (int i = 0; i < count; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = ten.get(i % ten.size()).deepCopy();
            copy.put("surface_id", copy.get("surface_id").textValue() + "_" + i);
            copy.put("acceptance_candidate_id", copy.get("acceptance_candidate_id").textValue() + "_" + i);
            candidates.add(copy);
        }
        json.writeValue(snapshot.toFile(), many);
        return snapshot;
    }

    /**
     * Issue 14 item 3: making a planner starts no thread (the schemas are compiled by the first call that
     * needs them); neither does using it, a write of a plan large enough to be flushed early included.
     */
    @Test
    void creatingAndUsingAPlannerStartsNoThread(@TempDir Path temp) throws IOException {
        Path snapshot = snapshotOf(1000, temp);
        // Counted as well as listed: a thread that ended before the end of the test is counted.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ReadbackPlanner fresh = ReadbackPlanner.create();
        assertTrue(fresh.validate(EXAMPLE.resolve("snapshot.json")).isValid());
        Path plan = temp.resolve("plan.json");
        fresh.generate(snapshot, GoldenPlanTest.OPTIONS, plan);
        assertTrue(Files.size(plan) > 8 << 20, "a plan over one early flush: " + Files.size(plan));
        fresh.generate(snapshot, GoldenPlanTest.OPTIONS, plan); // over the same plan: compared as it is written
        Set<Thread> started = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(before);
        assertEquals(Set.of(), started.stream().filter(Thread::isAlive).map(Thread::getName).collect(java.util.stream.Collectors.toSet()),
                "threads started by create(), validate() and generate() to a file");
        assertEquals(0, threads.getTotalStartedThreadCount() - startedBefore, "threads started, ended or not");
    }

    @Test
    void optionsRefuseValuesThePlanSchemaWouldReject() {
        assertThrows(IllegalArgumentException.class, () -> planner.check(new PlanOptions("2026-01-01", "unknown")));
        assertThrows(IllegalArgumentException.class, () -> planner.check(new PlanOptions("2026-02-30T00:00:00+08:00", "unknown")));
        assertThrows(IllegalArgumentException.class, () -> planner.check(new PlanOptions(GoldenPlanTest.GENERATED_AT, "ABCDEF1")));
        assertEquals("abc1234", planner.check(GoldenPlanTest.OPTIONS.withGitCommit("abc1234")).gitCommit());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> planner.generate(
                EXAMPLE.resolve("snapshot.json"), new PlanOptions("yesterday", "unknown"), out));
        assertTrue(refused.getMessage().startsWith("generatedAt must be"), refused.getMessage());
        assertEquals(0, out.size());
        assertTrue(PlanOptions.defaults().generatedAt().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"));
    }
}
