package dev.readbackplan;

import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.PlanComparison;
import dev.readbackplan.document.DocumentKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The plan schema on its own rejects any plan that opens a gate or accepts a readback. */
class PlanSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE_PLAN = GoldenPlanTest.GOLDEN.resolve("example/plan.json");

    private final ReadbackPlanner planner = ReadbackPlanner.create();

    private ValidationReport validate(JsonNode plan) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(plan);
        return planner.validate(new ByteArrayInputStream(bytes), "edited-plan.json", DocumentKind.PLAN);
    }

    /** Every boolean that must stay false, flipped to true one at a time, wherever it appears. */
    @TestFactory
    Stream<DynamicTest> flippingAnyClosedFlagMakesThePlanInvalid() throws IOException {
        JsonNode plan = JSON.readTree(EXAMPLE_PLAN.toFile());
        List<String> pointers = new ArrayList<>();
        collectFalseFlags(plan, "", pointers);
        assertTrue(pointers.size() > 28 + 10 * 40, "expected the flags of the boundaries and of every candidate, found " + pointers.size());
        return pointers.stream().map(pointer -> dynamicTest(pointer, () -> {
            JsonNode edited = plan.deepCopy();
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            ((ObjectNode) edited.at(parent)).put(pointer.substring(pointer.lastIndexOf('/') + 1), true);
            ValidationReport report = validate(edited);
            assertFalse(report.isValid());
            assertEquals(1, report.errors().size(), report.toText());
            Problem problem = report.errors().get(0);
            assertEquals(pointer, problem.rawPointer());
            assertEquals("const", problem.keyword());
            assertTrue(problem.line() > 0 && problem.column() > 0);
        }));
    }

    @Test
    void notApprovalAndNotAuthorizationCannotBeTurnedOff() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(EXAMPLE_PLAN.toFile());
        ((ObjectNode) plan.at("/readback_candidates/3")).put("not_approval", false);
        ((ObjectNode) plan.at("/execution_boundaries")).put("not_authorization", false);
        ValidationReport report = validate(plan);
        assertEquals(List.of("/execution_boundaries/not_authorization", "/readback_candidates/3/not_approval"),
                pointers(report).stream().sorted().toList());
    }

    @Test
    void acceptedCountsMustStayZero() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(EXAMPLE_PLAN.toFile());
        ((ObjectNode) plan.at("/summary")).put("runtime_gate_count", 1).put("post_incident_readback_accepted_count", 2);
        assertEquals(List.of("/summary/post_incident_readback_accepted_count", "/summary/runtime_gate_count"),
                pointers(validate(plan)).stream().sorted().toList());
    }

    @Test
    void catalogsCannotLoseOrGainEntries() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(EXAMPLE_PLAN.toFile());
        ((com.fasterxml.jackson.databind.node.ArrayNode) plan.get("blocked_actions")).remove(0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) plan.at("/readback_candidates/0/reviewer_checks")).add("invented_check");
        List<String> pointers = pointers(validate(plan));
        assertTrue(pointers.contains("/blocked_actions"), pointers.toString());
        assertTrue(pointers.contains("/readback_candidates/0/reviewer_checks/28"), pointers.toString());
    }

    @Test
    void theCheckedInExamplePlanIsTheOneTheExampleSnapshotGives() throws IOException {
        Path committed = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json");
        PlanComparison comparison = planner.compare(
                Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json"), committed, CompareOptions.fromFile());
        assertTrue(comparison.upToDate(), () -> comparison.displayPointer() + ": " + comparison.difference());
        assertEquals(java.nio.file.Files.readString(EXAMPLE_PLAN, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(committed, StandardCharsets.UTF_8));
    }

    private static List<String> pointers(ValidationReport report) {
        return report.problems().stream().map(Problem::pointer).toList();
    }

    private static void collectFalseFlags(JsonNode node, String at, List<String> pointers) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String child = at + "/" + member.getKey();
                if (member.getValue().isBoolean() && !member.getValue().booleanValue()
                        && !member.getKey().equals("write_capable_surface") && !member.getKey().equals("requires_live_evidence")) {
                    pointers.add(child);
                }
                collectFalseFlags(member.getValue(), child, pointers);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectFalseFlags(node.get(i), at + "/" + i, pointers);
            }
        }
    }
}
