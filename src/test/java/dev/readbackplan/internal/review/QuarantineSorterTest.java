package dev.readbackplan.internal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The review reads a plan with the sorter's absorber, which takes the quarantining problems out of the
 * report as they are found: it must sort them as the plain path does, from a report that has them all.
 */
class QuarantineSorterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE_PLAN = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json");
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    private static final Once<Engine> ENGINE = new Once<>(() -> new Engine(Runnable::run));
    private static final DocumentReader READER = new DocumentReader(Limits.DEFAULT, ENGINE::get);

    private static byte[] plan(Consumer<ObjectNode> change) throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(EXAMPLE_PLAN.toFile());
        change.accept(plan);
        return plan.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static DocumentReader.Parsed read(byte[] bytes, QuarantineSorter.Absorber absorber) {
        return READER.read(bytes, bytes.length, false, "plan.json", DocumentKind.PLAN, () -> { }, DocumentReader.Purpose.VALIDATE, absorber);
    }

    @Test
    void theAbsorberSortsAsTheFullReportDoes() throws IOException {
        byte[] bytes = plan(plan -> {
            ObjectNode second = (ObjectNode) plan.get("readback_candidates").get(1);
            second.put("monitoring_incident_or_change_ref", "https://jira.example.com/browse/INC-2041");
            second.put("actor_attribution_ref", "INC 2041");
            second.put("rollback_owner", "platform on-call rotation ".repeat(10));
            ObjectNode fourth = (ObjectNode) plan.get("readback_candidates").get(3);
            fourth.put("postcheck_readback_ref", TOKEN);
            fourth.put("receiver_route_state_ref", 5);
        });
        PlanReviewer reviewer = new PlanReviewer(ENGINE.get(), Catalog.get(), READER);
        QuarantineSorter sorter = new QuarantineSorter(reviewer.rules().fields());
        DocumentReader.Parsed full = read(bytes, null);
        assertFalse(full.report().isValid(), "the plain report has every quarantining problem");
        QuarantineSorter.Sorted plain = sorter.sort(full.report(), full.root(), null);
        QuarantineSorter.Absorber absorber = sorter.absorber();
        DocumentReader.Parsed absorbed = read(bytes, absorber);
        assertTrue(absorbed.report().isValid(), "the absorber took them all: " + absorbed.report().toText());
        assertEquals(full.report().errors().size(), absorber.count());
        QuarantineSorter.Sorted fast = sorter.sort(absorbed.report(), absorbed.root(), absorber);
        assertEquals(plain, fast);
        assertEquals(2, plain.keywords().size(), plain.toString());
        assertEquals(3, plain.keywords().get(1).size(), plain.toString());
        assertTrue(plain.scannerRules().get(3).containsKey("postcheck_readback_ref"), plain.toString());
    }

    @Test
    void anErrorOutsideTheEvidenceFieldsFailsThePlanEitherWay() throws IOException {
        byte[] bytes = plan(plan -> {
            ((ObjectNode) plan.get("readback_candidates").get(0)).put("runtime_gate", true);
            ((ObjectNode) plan.get("readback_candidates").get(1)).put("postcheck_readback_ref", TOKEN);
        });
        QuarantineSorter sorter = new QuarantineSorter(new PlanReviewer(ENGINE.get(), Catalog.get(), READER).rules().fields());
        DocumentReader.Parsed full = read(bytes, null);
        assertThrows(InvalidDocumentException.class, () -> sorter.sort(full.report(), full.root(), null));
        QuarantineSorter.Absorber absorber = sorter.absorber();
        DocumentReader.Parsed absorbed = read(bytes, absorber);
        assertTrue(absorber.count() > 0, "the secret was taken out of the report");
        assertThrows(InvalidDocumentException.class, () -> sorter.sort(absorbed.report(), absorbed.root(), absorber));
    }
}
