package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.json.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 13, item 7: a plan or review read as a snapshot, a snapshot read as a plan. */
class DocumentKindsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN_VERSION = "monitoring_post_incident_readback_plan_v1";
    private static final Path GENERATED_PLAN = Path.of("src/test/resources/fixtures/plan/valid/generated.json");
    private static final DocumentKinds KINDS = new DocumentKinds(SchemaSet.packagedTree(SchemaSet.SNAPSHOT_SCHEMA),
            SchemaSet.packagedTree(SchemaSet.PLAN_SCHEMA), SchemaSet.packagedTree(SchemaSet.REVIEW_SCHEMA));
    private final ReadbackPlanner planner = ReadbackPlanner.create();

    /** The plan-only members are the plan schema's properties that the snapshot schema does not define. */
    @Test
    void planOnlyMembersComeFromTheSchemas() throws IOException {
        JsonNode plan = JSON.readTree(Path.of("schemas", SchemaSet.PLAN_SCHEMA).toFile()).path("properties");
        JsonNode snapshot = JSON.readTree(Path.of("schemas", SchemaSet.SNAPSHOT_SCHEMA).toFile()).path("properties");
        List<String> expected = new ArrayList<>();
        for (Iterator<String> it = plan.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!snapshot.has(name)) {
                expected.add(name);
            }
        }
        assertEquals(expected, KINDS.planOnly());
        assertTrue(KINDS.planOnly().containsAll(List.of("readback_candidates", "execution_boundaries")), KINDS.planOnly().toString());
    }

    @Test
    void slipsOfTheVersionsThisToolWritesAreFound() {
        for (String slip : List.of(PLAN_VERSION + " ", " " + PLAN_VERSION, "monitoring_post_incident_readback_plan_V1",
                "MONITORING_POST_INCIDENT_READBACK_PLAN_V1", "monitoring-post-incident-readback-plan-v1", "monitoring_post_incident_readback_plam_v1",
                "monitoring_post_incident_readback_plan_v2", "monitoring_post_incident_readback_plan_v", "monitoring_post_incident_readback_plan_v1\u200b",
                "monitoring_post_incident_readback_plan_v1\t\n", "monitoring_post_incident_readback_plan_1v")) {
            assertEquals(PLAN_VERSION, KINDS.slipOf(slip), slip);
            List<Finding> findings = KINDS.asSnapshot(JSON.createObjectNode().put("schema_version", slip));
            assertEquals(1, findings.size(), slip);
            assertTrue(findings.get(0).message().contains("did you mean " + PLAN_VERSION + "?"), findings.get(0).message());
        }
        assertEquals("monitoring_post_incident_readback_review_v1", KINDS.slipOf("monitoring_post_incident_readback_review_V1 "));
    }

    /** A snapshot's own version is not pinned: any other one, or none, is no concern of these checks. */
    @Test
    void snapshotVersionsAreNotQuestioned() throws IOException {
        for (String version : List.of("monitoring_owner_response_acceptance_v1", "monitoring_owner_response_acceptance_v2",
                "MONITORING_OWNER_RESPONSE_ACCEPTANCE_V1 ", "", "v1", "monitoring", "monitoring_post_incident_readback_plan_v12345")) {
            assertNull(KINDS.slipOf(version), version);
            assertEquals(List.of(), KINDS.asSnapshot(JSON.createObjectNode().put("schema_version", version)), version);
        }
        assertEquals(List.of(), KINDS.asSnapshot(JSON.createObjectNode().putNull("schema_version")));
        assertEquals(List.of(), KINDS.asSnapshot(JSON.createObjectNode()));
        assertEquals(List.of(), KINDS.asSnapshot(JSON.createArrayNode()));
    }

    /** Every snapshot the tests know (golden corpus, valid fixtures, the example) passes these checks and validation. */
    @Test
    void everyKnownSnapshotStaysValid() throws IOException {
        List<Path> snapshots = new ArrayList<>();
        try (Stream<Path> golden = Files.walk(Path.of("src/test/resources/golden"))) {
            golden.filter(p -> p.getFileName().toString().equals("snapshot.json")).forEach(snapshots::add);
        }
        try (Stream<Path> fixtures = Files.list(Path.of("src/test/resources/fixtures/snapshot/valid"))) {
            fixtures.forEach(snapshots::add);
        }
        snapshots.add(Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json"));
        assertTrue(snapshots.size() > 30, snapshots.toString());
        for (Path snapshot : snapshots) {
            ValidationReport report = planner.validate(snapshot, DocumentKind.SNAPSHOT);
            assertEquals("", report.toText(), snapshot.toString());
            if (Files.size(snapshot) > 5) {
                JsonNode root = JSON.readTree(snapshot.toFile());
                assertEquals(List.of(), KINDS.asSnapshot(root), snapshot.toString());
            }
        }
    }

    /** The reproduction: a plan with a one-character slip, authorization flags true, told apart by its version. */
    @Test
    void aPlanWithASlippedVersionIsNotAValidSnapshot() throws IOException {
        for (String slip : List.of(PLAN_VERSION + " ", "monitoring_post_incident_readback_plan_V1")) {
            ObjectNode plan = (ObjectNode) JSON.readTree(GENERATED_PLAN.toFile());
            plan.put("schema_version", slip);
            ((ObjectNode) plan.get("execution_boundaries")).put("production_write_authorized", true);
            ValidationReport report = validate(plan, null);
            assertFalse(report.isValid(), report.toText());
            assertEquals(DocumentKind.SNAPSHOT, report.kind());
            assertTrue(report.toText().contains("/schema_version: unknown schema_version; did you mean " + PLAN_VERSION + "?"), report.toText());
            assertTrue(report.toText().contains("looks like a plan, not a snapshot: it has 13 of the 13 members only a plan has"), report.toText());
        }
    }

    @Test
    void aPlanReadAsASnapshotIsNotValid() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(GENERATED_PLAN.toFile());
        assertTrue(validate(plan, DocumentKind.PLAN).isValid());
        ValidationReport report = validate(plan, DocumentKind.SNAPSHOT);
        assertFalse(report.isValid());
        assertEquals(1, report.problems().size(), report.toText());
        assertTrue(report.toText().contains("/schema_version: is the plan's schema_version: this document is a plan, not a snapshot"), report.toText());
        // Without its version, its members give it away.
        plan.remove("schema_version");
        report = validate(plan, DocumentKind.SNAPSHOT);
        assertFalse(report.isValid());
        assertTrue(report.toText().contains("looks like a plan"), report.toText());
        // A snapshot may carry a few of them, as the example's generated_at and mode: not most.
        ObjectNode snapshot = (ObjectNode) JSON.readTree(Path.of("src/test/resources/fixtures/snapshot/valid/two-candidates.json").toFile());
        int half = KINDS.planOnly().size() / 2;
        for (String member : KINDS.planOnly().subList(0, half)) {
            snapshot.set(member, plan.get(member));
        }
        assertTrue(validate(snapshot, DocumentKind.SNAPSHOT).isValid(), validate(snapshot, DocumentKind.SNAPSHOT).toText());
        snapshot.set(KINDS.planOnly().get(half), plan.get(KINDS.planOnly().get(half)));
        assertFalse(validate(snapshot, DocumentKind.SNAPSHOT).isValid());
    }

    @Test
    void aSnapshotReadAsAPlanIsOneProblem() throws IOException {
        JsonNode snapshot = JSON.readTree(Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json").toFile());
        ValidationReport report = validate(snapshot, DocumentKind.PLAN);
        assertEquals(1, report.problems().size(), report.toText());
        Problem problem = report.problems().get(0);
        assertEquals("kind", problem.keyword());
        assertTrue(problem.message().startsWith("not a plan: it looks like a snapshot (it has acceptance_candidates)"), problem.message());
        // A plan with a slipped version, or missing most of its members, is still read as a plan.
        ObjectNode plan = (ObjectNode) JSON.readTree(GENERATED_PLAN.toFile());
        plan.put("schema_version", "monitoring_post_incident_readback_plan_V1");
        assertNull(KINDS.asPlan(plan));
        assertTrue(validate(plan, DocumentKind.PLAN).toText().contains("/schema_version: must be the constant value"));
        assertNotNull(KINDS.asPlan(JSON.createObjectNode()));
    }

    private ValidationReport validate(JsonNode document, DocumentKind kind) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
        return planner.validate(new ByteArrayInputStream(bytes), "document.json", kind);
    }
}
