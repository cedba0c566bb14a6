package dev.readbackplan.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.PlanOptions;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.FileChangedException;
import dev.readbackplan.document.OverwriteRefusedException;
import example.EmbeddingExample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's file targets keep a filled plan's entries, and never overwrite an edit saved while they run. */
class LibraryWritePathTest {
    private static final Path EXAMPLE_FILLED = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.filled.json");
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final Path EXAMPLE_PLAN = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json");
    /** The provenance the example plans record. */
    private static final PlanOptions OPTIONS = new PlanOptions("2026-01-01T00:00:00+08:00", "unknown");

    @TempDir
    Path temp;

    @AfterEach
    void noHook() {
        OutputFiles.beforeCheck = null;
    }

    private Path filledPlan() throws IOException {
        Path plan = temp.resolve("plan.json");
        Files.copy(EXAMPLE_FILLED, plan);
        return plan;
    }

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFileTargetGenerateKeepsAFilledPlansEntries() throws IOException {
        Path plan = filledPlan();
        byte[] filled = Files.readAllBytes(plan);
        ReadbackPlanner.create().generate(EXAMPLE_SNAPSHOT, OPTIONS, plan);
        assertArrayEquals(filled, Files.readAllBytes(plan), "the same snapshot regenerates the same filled plan");
        // The stream target is unchanged: the fresh plan.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ReadbackPlanner.create().generate(EXAMPLE_SNAPSHOT, OPTIONS, out);
        assertArrayEquals(Files.readAllBytes(EXAMPLE_PLAN), out.toByteArray());
    }

    @Test
    void theFileTargetGenerateRefusesToDropEntries() throws IOException {
        Path plan = filledPlan();
        byte[] filled = Files.readAllBytes(plan);
        // A snapshot whose first candidate left: its entries would disappear.
        com.fasterxml.jackson.databind.node.ObjectNode snapshot = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(EXAMPLE_SNAPSHOT.toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) snapshot.get("acceptance_candidates")).remove(0);
        Path smaller = temp.resolve("smaller.json");
        Files.writeString(smaller, snapshot.toString());
        OverwriteRefusedException refused = assertThrows(OverwriteRefusedException.class,
                () -> ReadbackPlanner.create().generate(smaller, OPTIONS, plan));
        assertEquals(OverwriteRefusedException.Reason.ENTRIES_WOULD_BE_LOST, refused.reason());
        assertArrayEquals(filled, Files.readAllBytes(plan));
    }

    @Test
    void theReadmesEmbeddingExampleKeepsAFilledPlansEntries() throws IOException {
        Path plan = filledPlan();
        EmbeddingExample.writePlan(EXAMPLE_SNAPSHOT, plan);
        String written = Files.readString(plan);
        // The example records its own commit; every entry of the filled plan is still there.
        assertTrue(written.contains("\"change_intent_or_break_glass_ref\": \"CHG-2026-0042\""), "entries kept");
        assertTrue(written.contains("\"actor_attribution_ref\": \"acme/monitoring#314\""), "entries kept");
    }

    @Test
    void regenerationNeverOverwritesAnEditSavedWhileItRuns() throws IOException {
        Path plan = filledPlan();
        byte[] edited = new String(Files.readAllBytes(plan), StandardCharsets.UTF_8)
                .replace("\"CHG-2026-0042\"", "\"CHG-2026-0043\"").getBytes(StandardCharsets.UTF_8);
        // The run has read the plan and built the new one; a reviewer saves just before the rename.
        OutputFiles.beforeCheck = target -> Files.write(target, edited);
        for (PlanOptions options : List.of(OPTIONS, OPTIONS.withGitCommit("abc1234"))) {
            Files.copy(EXAMPLE_FILLED, plan, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            FileChangedException changed = assertThrows(FileChangedException.class, () -> ReadbackPlanner.create()
                    .regenerate(EXAMPLE_SNAPSHOT, options, plan, ReadbackPlanner.Overwrite.KEEP_ENTRIES));
            assertEquals(plan.toString(), changed.getFile());
            assertArrayEquals(edited, Files.readAllBytes(plan), "the reviewer's edit is kept");
            assertEquals(List.of("plan.json"), namesIn(temp), "no temporary file is left");
        }
        // The file-target generate is guarded the same way.
        Files.copy(EXAMPLE_FILLED, plan, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThrows(FileChangedException.class, () -> ReadbackPlanner.create().generate(EXAMPLE_SNAPSHOT, OPTIONS, plan));
        assertArrayEquals(edited, Files.readAllBytes(plan));
        // A plan without entries, edited meanwhile (a reviewer's first entry), is not replaced either.
        Files.copy(EXAMPLE_PLAN, plan, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThrows(FileChangedException.class, () -> ReadbackPlanner.create()
                .regenerate(EXAMPLE_SNAPSHOT, OPTIONS.withGitCommit("abc1234"), plan, ReadbackPlanner.Overwrite.KEEP_ENTRIES));
        assertArrayEquals(edited, Files.readAllBytes(plan));
    }
}
