package dev.readbackplan;

import dev.readbackplan.document.OverwriteRefusedException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.document.OverwriteRefusedException.Reason;
import dev.readbackplan.document.OverwriteRefusedException.Remedy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's refusals name the components of {@code Overwrite}, never the command line's flags. */
class OverwriteMessageTest {
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");

    @Test
    void noReasonNamesAFlag() {
        for (Reason reason : Reason.values()) {
            OverwriteRefusedException e = new OverwriteRefusedException("plan.json", reason, List.of("c-1"),
                    Map.of("c-1", List.of("surface_id")), null);
            assertFalse(e.getMessage().contains("--"), e.getMessage());
            String flags = e.message(remedy -> "<" + remedy + ">");
            assertFalse(flags.contains("Overwrite."), flags);
            for (Remedy remedy : Remedy.values()) {
                assertEquals(e.getMessage().contains("Overwrite." + remedy.component()), flags.contains("<" + remedy + ">"), flags);
            }
        }
    }

    @Test
    void aFileThatIsNotAPlanNamesForce(@TempDir Path temp) throws IOException {
        Path target = temp.resolve("notes.json");
        Files.writeString(target, "{\"notes\": true}\n", StandardCharsets.UTF_8);
        OverwriteRefusedException refused = assertThrows(OverwriteRefusedException.class, () -> ReadbackPlanner.create()
                .regenerate(EXAMPLE_SNAPSHOT, PlanOptions.defaults(), target, ReadbackPlanner.Overwrite.KEEP_ENTRIES));
        assertEquals(Reason.NOT_A_PLAN, refused.reason());
        assertTrue(refused.getMessage().endsWith("nothing was written (Overwrite.force replaces it)"), refused.getMessage());
        assertTrue(refused.message(remedy -> "--" + remedy.component()).endsWith("(--force replaces it)"));
    }

    @Test
    void everyRemedyIsAComponentOfOverwrite() {
        List<String> components = java.util.Arrays.stream(ReadbackPlanner.Overwrite.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        for (Remedy remedy : Remedy.values()) {
            assertTrue(components.contains(remedy.component()), remedy.component());
        }
    }
}
