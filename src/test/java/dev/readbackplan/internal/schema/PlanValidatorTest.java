package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.plan.CandidateRenderer;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validating a plan candidate by candidate (the fixed members once, the copied members per candidate)
 * finds exactly what validating the whole plan against the plan schema finds.
 */
class PlanValidatorTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int CANDIDATES = 10_000;

    private final Engine engine = new Engine(java.util.concurrent.ForkJoinPool.commonPool());
    private final PlanTemplate template = engine.template();
    private final PlanValidator validator = engine.planValidator();

    static ObjectNode source(int i) {
        ObjectNode source = NODES.objectNode();
        source.put("acceptance_candidate_id", "monitoring_owner_response_acceptance:s" + i);
        source.put("request_id", "monitoring_owner_request:s" + i);
        source.put("surface_id", "s" + i);
        source.put("label", "surface " + i);
        source.put("expected_scope", "owner_confirm_scope");
        source.put("config_kind", "grafana_alert_rules");
        source.put("observability_scope", "grafana");
        source.put("control_tier", "tier1_config");
        source.put("repo_source_path", "ops/" + i + ".yml");
        source.put("repo_sha256", "ab".repeat(32));
        source.put("source_line_count", i);
        source.put("write_capable_surface", i % 2 == 0);
        source.put("requires_live_evidence", false);
        return source;
    }

    @Test
    void thePlanSchemaAllowsTheShortcut() {
        assertTrue(validator.isMemberwise(), "the plan schema no longer meets the premises of member-wise validation");
    }

    /**
     * Whole-document validation, for comparison: the plan schema run on a plan holding the candidates
     * from {@code first} on (whole-document validation of all 10,000 takes seconds).
     */
    private List<String> wholeDocumentPointers(List<ObjectNode> candidates, int first) {
        ObjectNode plan = template.envelope(NODES.objectNode(), "2026-01-01T00:00:00+08:00", "unknown");
        candidates.subList(first, candidates.size()).forEach(plan.withArray("/readback_candidates")::add);
        List<String> pointers = new ArrayList<>();
        Findings findings = new Findings(100_000);
        SchemaFindings.validate(engine.schemas().plan(), plan, Pointer.ROOT, findings);
        for (Finding finding : findings.kept()) {
            // Renumber: candidate k of the partial plan is candidate first + k of the whole one.
            String[] parts = finding.pointer().toString().split("/", 4);
            pointers.add("/" + parts[1] + "/" + (Integer.parseInt(parts[2]) + first) + (parts.length > 3 ? "/" + parts[3] : ""));
        }
        return pointers;
    }

    private List<String> memberwisePointers(List<ObjectNode> candidates) {
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Findings findings = new Findings(100_000);
            validator.candidate(i, candidates.get(i), findings);
            findings.kept().forEach(f -> pointers.add(f.pointer().toString()));
        }
        return pointers;
    }

    private List<ObjectNode> candidates() {
        List<ObjectNode> candidates = new ArrayList<>(CANDIDATES);
        for (int i = 0; i < CANDIDATES; i++) {
            candidates.add(template.candidate(source(i)));
        }
        return candidates;
    }

    @Test
    void aCleanPlanOfTenThousandCandidatesIsValidBothWays() {
        List<ObjectNode> candidates = candidates();
        assertEquals(List.of(), memberwisePointers(candidates));
        assertEquals(List.of(), wholeDocumentPointers(candidates, CANDIDATES - 500));
    }

    @Test
    void aGateOpenedInCandidate9999IsCaught() {
        List<ObjectNode> candidates = candidates();
        candidates.get(9_999).put("telegram_send_authorized", true);
        assertEquals(List.of("/readback_candidates/9999/telegram_send_authorized"), memberwisePointers(candidates));
        assertEquals(wholeDocumentPointers(candidates, CANDIDATES - 2), memberwisePointers(candidates));
    }

    @Test
    void aCopiedValueBrokenInCandidate9999IsCaught() {
        List<ObjectNode> candidates = candidates();
        candidates.get(9_999).put("repo_sha256", "not a digest");
        candidates.get(9_999).put("source_line_count", -1);
        assertEquals(wholeDocumentPointers(candidates, CANDIDATES - 2), memberwisePointers(candidates));
        assertEquals(2, memberwisePointers(candidates).size());
    }

    @Test
    void aCatalogReplacedInCandidate9999IsCaught() {
        List<ObjectNode> candidates = candidates();
        JsonNode lanes = candidates.get(9_999).get("outcome_lanes").deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) lanes).remove(3);
        candidates.get(9_999).set("outcome_lanes", lanes);
        assertEquals(wholeDocumentPointers(candidates, CANDIDATES - 2), memberwisePointers(candidates));
        assertEquals(List.of("/readback_candidates/9999/outcome_lanes"), memberwisePointers(candidates));
    }

    @Test
    void aMissingOrExtraKeyInCandidate9999IsCaught() {
        List<ObjectNode> candidates = candidates();
        candidates.get(9_999).remove("runtime_gate");
        candidates.get(9_998).put("approved_by", "someone");
        assertEquals(wholeDocumentPointers(candidates, CANDIDATES - 2), memberwisePointers(candidates));
        assertEquals(2, memberwisePointers(candidates).size());
    }

    /**
     * A candidate built by the template is checked where it can differ from what was already
     * checked: its fixed members once for all, its copied members in the snapshot, its derived id
     * here.
     */
    @Test
    void aBuiltCandidateIsCheckedWhereItCanDiffer() {
        ObjectNode source = source(7);
        source.put("repo_sha256", "not a digest"); // as if it had slipped past the snapshot validation
        assertEquals(List.of(), built(7, source), "copied members are the snapshot's, checked there");
        Findings asTree = new Findings(100);
        validator.candidate(7, template.candidate(source), asTree);
        assertEquals(List.of("/readback_candidates/7/repo_sha256"),
                asTree.kept().stream().map(f -> f.pointer().toString()).toList(),
                "as a tree, every member that is not a shared instance is checked");

        ObjectNode secretShaped = source(8);
        secretShaped.put("surface_id", "//svc:Pa55w0rdFake@db"); // harmless alone, a URL with credentials once prefixed
        List<Finding> findings = built(8, secretShaped);
        assertEquals(List.of("/readback_candidates/8/post_incident_readback_candidate_id"),
                findings.stream().map(f -> f.pointer().toString()).toList());
        assertEquals("secret", findings.get(0).keyword());
    }

    private List<Finding> built(int index, ObjectNode source) {
        Findings findings = new Findings(100);
        validator.builtCandidate(index, source, findings);
        return findings.kept();
    }

    /** Run at build time for the packaged schema, so that no run has to pay for it. */
    @Test
    void theFixedMembersPassTheirOwnSchemas() {
        assertEquals(List.of(), validator.fixedMemberFindings());
        assertTrue(template.fixedCandidateMembers().size() > 70);
    }

    /** The renderer writes exactly what the generic writer writes for the built candidate. */
    @Test
    void theRendererWritesTheBuiltCandidate() throws java.io.IOException {
        CandidateRenderer renderer = new CandidateRenderer(template, 2);
        for (int i = 0; i < 50; i++) {
            ObjectNode source = source(i);
            source.put("label", "label \u0000 \"quoted\" 😀 " + i);
            java.io.ByteArrayOutputStream generic = new java.io.ByteArrayOutputStream();
            PythonJsonWriter writer = new PythonJsonWriter(generic);
            writer.writeValue(template.candidate(source), 2);
            writer.flush();
            java.io.ByteArrayOutputStream rendered = new java.io.ByteArrayOutputStream();
            writer = new PythonJsonWriter(rendered);
            renderer.write(writer, source);
            writer.flush();
            org.junit.jupiter.api.Assertions.assertArrayEquals(generic.toByteArray(), rendered.toByteArray());
        }
    }

    /**
     * Validation leaves its input alone: a candidate whose catalog equals the fixed one (read from a
     * file written in another layout, say) keeps its own node, where validation used to put the
     * template's shared instance in its place.
     */
    @Test
    void validatingAPlanNeverChangesIt() {
        ObjectNode plan = template.envelope(NODES.objectNode(), "2026-01-01T00:00:00+08:00", "unknown");
        for (int i = 0; i < 3; i++) {
            plan.withArray("/readback_candidates").add(template.candidate(source(i)));
        }
        ObjectNode first = (ObjectNode) plan.get("readback_candidates").get(0);
        JsonNode ownCatalog = first.get("readback_fields").deepCopy();
        first.set("readback_fields", ownCatalog);
        JsonNode before = plan.deepCopy();

        Findings findings = new Findings(100);
        validator.validate(plan, findings);

        assertEquals(List.of(), findings.kept());
        assertTrue(first.get("readback_fields") == ownCatalog, "the candidate keeps its own catalog node");
        assertEquals(before, plan);
    }

    /** The template's fixed values are shared by every candidate, so they cannot be changed: changing one throws. */
    @Test
    void theSharedFixedValuesCannotBeChanged() {
        ObjectNode candidate = template.candidate(source(1));
        JsonNode catalog = candidate.get("readback_fields");
        assertTrue(catalog == template.fixedCandidateMembers().get("readback_fields"), "shared, as the writer and validator expect");
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> ((com.fasterxml.jackson.databind.node.ArrayNode) catalog).add("extra"));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> ((com.fasterxml.jackson.databind.node.ArrayNode) catalog).remove(0));
        for (JsonNode fixed : template.fixedCandidateMembers().values()) {
            if (fixed.isObject()) {
                org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                        () -> ((ObjectNode) fixed).put("extra", 1));
                org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                        () -> fixed.properties().iterator().next().setValue(NODES.nullNode()));
            }
        }
        for (JsonNode fixed : template.fixedEnvelopeMembers().values()) {
            if (fixed.isArray()) {
                org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                        () -> ((com.fasterxml.jackson.databind.node.ArrayNode) fixed).set(0, NODES.nullNode()));
            }
        }
        // A copy is an ordinary tree.
        ((com.fasterxml.jackson.databind.node.ArrayNode) catalog.deepCopy()).add("extra");
        assertEquals(candidate.get("readback_fields"), template.fixedCandidateMembers().get("readback_fields"));
    }
}
