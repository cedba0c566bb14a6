package dev.readbackplan.internal.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.PlanComparison;
import dev.readbackplan.internal.json.StrictJsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --check compares while the plan is regenerated, holding neither; a file too large to read as a tree
 * is still told apart, by the pointer of the value where its bytes first differ.
 */
class PlanCheckTest {
    private static final Path EXAMPLE_PLAN = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json");

    @TempDir
    Path temp;

    private PlanComparison compare(String fileText, long treeDiffLimit) throws IOException {
        byte[] plan = Files.readAllBytes(EXAMPLE_PLAN);
        Path file = temp.resolve("plan.json");
        Files.writeString(file, fileText, StandardCharsets.UTF_8);
        JsonNode tree = new StrictJsonReader(Limits.DEFAULT).read(plan, plan.length).root();
        return new PlanCheck(Limits.DEFAULT, treeDiffLimit).compare(file, out -> out.write(plan), () -> tree);
    }

    @Test
    void theSameBytesAreUpToDate() throws IOException {
        String plan = Files.readString(EXAMPLE_PLAN, StandardCharsets.UTF_8);
        assertEquals(PlanComparison.State.UP_TO_DATE, compare(plan, 0).state());
        assertEquals(PlanComparison.State.UP_TO_DATE, compare(plan, Long.MAX_VALUE).state());
    }

    @Test
    void aDifferenceIsNamedTheSameWayWithAndWithoutTrees() throws IOException {
        String plan = Files.readString(EXAMPLE_PLAN, StandardCharsets.UTF_8);
        String label = "\"label\": \"Alertmanager silence and inhibit policy\"";
        int at = plan.indexOf(label);
        String edited = plan.substring(0, at) + "\"label\": \"Alertmanager silence and inhibit policies\"" + plan.substring(at + label.length());
        PlanComparison byTree = compare(edited, Long.MAX_VALUE);
        PlanComparison byBytes = compare(edited, 0);
        // By tree, the changed candidate is named by id first, then the same pointer the bytes give.
        assertEquals(List.of("readback_candidates"), byTree.pointerSegments(), byTree.toString());
        assertTrue(byTree.difference().startsWith("candidates by id: 1 changed (what the snapshot gives for them differs): "
                + "monitoring_post_incident_readback:alertmanager_silence_policy; first difference at /readback_candidates/3/label: "),
                byTree.difference());
        assertEquals(List.of("readback_candidates", "3", "label"), byBytes.pointerSegments(), byBytes.toString());
        assertEquals("the bytes differ here from the plan the snapshot gives", byBytes.difference());
    }

    @Test
    void aShorterOrLongerFileDiffers() throws IOException {
        String plan = Files.readString(EXAMPLE_PLAN, StandardCharsets.UTF_8);
        assertEquals(PlanComparison.State.OUT_OF_DATE, compare(plan + "\n", 0).state());
        assertEquals(PlanComparison.State.OUT_OF_DATE, compare(plan.substring(0, plan.length() - 2), 0).state());
        assertEquals(PlanComparison.State.OUT_OF_DATE, compare("", 0).state());
    }

    @Test
    void aMissingFileIsMissing() throws IOException {
        PlanComparison missing = new PlanCheck(Limits.DEFAULT).compare(temp.resolve("none.json"), out -> { }, () -> null);
        assertEquals(PlanComparison.State.MISSING, missing.state());
    }
}
