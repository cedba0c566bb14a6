package dev.readbackplan;

import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.InvalidDocumentException;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

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
