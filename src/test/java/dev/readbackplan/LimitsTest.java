package dev.readbackplan;

import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.InvalidDocumentException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a library caller who passes odd limits gets: a clear refusal up front, never a crash later. */
class LimitsTest {
    private static final Path EXAMPLE = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");

    @TempDir
    Path temp;

    @Test
    void limitsOutOfRangeAreRefusedWhenMade() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(1 << 20, 1_000_000, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1 << 20, Limits.MAX_NESTING_DEPTH + 1, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1 << 20, 3, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 128, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new Limits(Long.MAX_VALUE, 128, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1 << 20, 128, 0));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1 << 20, 128, 1 << 20, 0));
        assertThrows(IllegalArgumentException.class, () -> new Limits(1 << 20, 128, 1 << 20, Limits.MAX_PROBLEMS + 1));
        assertEquals(1000, new Limits(1 << 20, 128, 1 << 20).maxProblems());
    }

    /**
     * Issue item 8: a huge depth let a StackOverflowError escape. The deepest document the largest
     * limit allows is read, validated and reported on a thread with a small stack.
     */
    @Test
    void theDeepestAllowedDocumentIsReportedOnASmallStack() throws Exception {
        Limits deepest = new Limits(1 << 20, Limits.MAX_NESTING_DEPTH, 1 << 20);
        ReadbackPlanner planner = ReadbackPlanner.create(deepest, Runnable::run);
        int depth = Limits.MAX_NESTING_DEPTH - 1;
        String nested = "[".repeat(depth - 1) + "\"x\"" + "]".repeat(depth - 1);
        String tooDeep = "{\"schema_version\": \"x\", \"acceptance_candidates\": [], \"deep\": " + "[".repeat(depth + 5) + "]".repeat(depth + 5) + "}";
        for (String document : new String[] {
                "{\"schema_version\": \"x\", \"acceptance_candidates\": [], \"deep\": " + nested + "}",
                "{\"schema_version\": \"monitoring_post_incident_readback_plan_v1\", \"deep\": " + nested + "}",
                tooDeep}) {
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread small = new Thread(null, () -> {
                try {
                    outcome.set(planner.validate(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "deep.json", null));
                } catch (Throwable t) {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    t.printStackTrace(new java.io.PrintWriter(trace));
                    outcome.set(trace.toString().lines().limit(12).collect(java.util.stream.Collectors.joining("\n")));
                }
            }, "small-stack", 512 * 1024);
            small.start();
            small.join();
            assertTrue(outcome.get() instanceof ValidationReport, () -> String.valueOf(outcome.get()));
            ValidationReport report = (ValidationReport) outcome.get();
            assertEquals(document != tooDeep, report.errors().stream().noneMatch(p -> p.keyword().equals("limit")), report::toText);
        }
    }

    @Test
    void aReportShowsAtMostTheLimitAndCountsTheRest() throws IOException {
        StringBuilder document = new StringBuilder("{\"schema_version\": \"x\", \"acceptance_candidates\": [], \"d\": {");
        for (int i = 0; i < 30; i++) {
            document.append(i == 0 ? "" : ",").append("\"k\": 1");
        }
        document.append("}}");
        ReadbackPlanner planner = ReadbackPlanner.create(new Limits(1 << 20, 128, 1 << 20, 7));
        ValidationReport report = planner.validate(new ByteArrayInputStream(document.toString().getBytes(StandardCharsets.UTF_8)), "d.json", null);
        assertEquals(7, report.problems().size());
        assertEquals(22, report.omittedErrors());
        assertEquals(29, report.errorCount());
        assertFalse(report.isValid());
        assertTrue(report.toText().endsWith("d.json: note: 22 more errors and 0 more warnings not shown (the first 7 are)\n"), report.toText());
        assertEquals(1, report.problems().get(0).line());
    }

    /**
     * Issue item 8: every plan the tool writes must be readable by the tool. A snapshot whose plan would
     * be over the document limit is refused before a byte is written, with a clear message.
     */
    @Test
    void aPlanOverTheDocumentLimitIsRefusedBeforeWriting() throws IOException {
        long snapshotSize = Files.size(EXAMPLE);
        Limits small = new Limits(snapshotSize * 2, 128, 1 << 20);
        ReadbackPlanner planner = ReadbackPlanner.create(small);
        Path target = temp.resolve("plan.json");
        Files.writeString(target, "old");
        InvalidDocumentException refused = assertThrows(InvalidDocumentException.class,
                () -> planner.generate(EXAMPLE, new PlanOptions("2026-01-01T00:00:00+08:00", "unknown"), target));
        String text = refused.report().toText();
        long planSize = Files.size(Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json"));
        assertTrue(text.contains("error: /acceptance_candidates: the plan of this snapshot would be " + planSize + " bytes"), text);
        assertTrue(text.contains("over the document limit of " + snapshotSize * 2 + " bytes"), text);
        assertEquals("old", Files.readString(target));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(InvalidDocumentException.class,
                () -> planner.generate(EXAMPLE, new PlanOptions("2026-01-01T00:00:00+08:00", "unknown"), out));
        assertEquals(0, out.size());
        // At the limit exactly, it is written.
        ReadbackPlanner.create(new Limits(planSize, 128, 1 << 20))
                .generate(EXAMPLE, new PlanOptions("2026-01-01T00:00:00+08:00", "unknown"), target);
        assertEquals(planSize, Files.size(target));
    }
}
