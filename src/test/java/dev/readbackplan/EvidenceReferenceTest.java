package dev.readbackplan;

import dev.readbackplan.document.Problem;
import dev.readbackplan.document.DocumentKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a reviewer may write into a plan's evidence references: pointers to evidence, never evidence. */
class EvidenceReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReadbackPlanner planner = ReadbackPlanner.create();

    private List<Problem> problemsWithReference(String reference) throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(GoldenPlanTest.GOLDEN.resolve("example/plan.json").toFile());
        ((ObjectNode) plan.at("/readback_candidates/0")).put("receiver_receipt_readback_ref", reference);
        byte[] bytes = JSON.writeValueAsBytes(plan);
        return planner.validate(new ByteArrayInputStream(bytes), "plan.json", DocumentKind.PLAN).problems();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INC-2041", "CHG-2026-0042", "OPS-7", "SECOPS-PIR-12", "3f2a9c1", "commit:3f2a9c1d",
        "0123456789abcdef0123456789abcdef01234567",
        "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "artifact://evidence/2026-11/alertmanager-receipt.json", "artifact://evidence/grafana/panel.png#L10",
        "acme/monitoring#42"})
    void acceptsRedactedReferences(String reference) throws IOException {
        assertEquals(List.of(), problemsWithReference(reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dashboard is green", "route returned 200", "https://grafana.example/d/abc",
        "INC-2041\n", "inc-2041", "sha256:abc", "artifact://", "artifact://../../etc/passwd x",
        "{\"receiver\": \"telegram\", \"alerts\": []}", "see ticket INC-2041"})
    void rejectsAnythingElse(String reference) throws IOException {
        List<Problem> problems = problemsWithReference(reference);
        assertTrue(problems.stream().anyMatch(p -> p.rawPointer().equals("/readback_candidates/0/receiver_receipt_readback_ref")),
                problems.toString());
    }
}
