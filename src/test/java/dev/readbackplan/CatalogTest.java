package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readbackplan.model.ReadbackCandidate.OutcomeLaneId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogs read from the plan schema, and the schema's own consistency. */
class CatalogTest {
    private final ReadbackCatalog catalog = ReadbackPlanner.catalog();

    @Test
    void hasTheSizesOfTheReferenceCatalogs() {
        assertEquals(39, catalog.readbackFields().size());
        assertEquals(30, catalog.requiredReadbackFields().size());
        assertEquals(28, catalog.reviewerChecks().size());
        assertEquals(11, catalog.outcomeLanes().size());
        assertEquals(53, catalog.blockedActions().size());
        assertEquals(28, catalog.executionBoundaries().size());
        assertEquals(6, catalog.sourcePaths().size());
        assertEquals(3, catalog.operatorInterpretation().size());
        assertEquals("monitoring_post_incident_readback_plan_v1", catalog.planSchemaVersion());
    }

    @Test
    void keepsCatalogOrderAndText() {
        assertEquals("post_incident_readback_candidate_id", catalog.readbackFields().get(0));
        assertEquals("not_approval", catalog.readbackFields().get(38));
        assertEquals(new ReadbackCatalog.Check("source_owner_response_acceptance_current",
                "來源 owner response acceptance snapshot 必須是目前版本。"), catalog.reviewerChecks().get(0));
        assertEquals(OutcomeLaneId.WAITING_RUNTIME_GATE, catalog.outcomeLanes().get(10).id());
        assertEquals("live_receiver_probe", catalog.blockedActions().get(52));
        assertEquals(List.of("prometheus_alert_rules", "grafana_alert_rules", "signoz_alert_rules"), catalog.alertRuleConfigKinds());
    }

    /** The lane type of the API is the enumeration generated from the same schema as the catalog: the same lanes, in order. */
    @Test
    void laneTypeIsTheCatalogsLanes() {
        assertEquals(Arrays.asList(OutcomeLaneId.values()), catalog.outcomeLanes().stream().map(ReadbackCatalog.Lane::id).toList());
        for (ReadbackCatalog.Lane lane : catalog.outcomeLanes()) {
            assertEquals(lane, catalog.lane(lane.id()));
            assertFalse(lane.meaning().isBlank(), lane.id().value());
        }
    }

    /** The ready lanes are declared once, in the review schema; these are the two the reference treats as ready. */
    @Test
    void readyLanesAreTheReviewSchemasDeclaration() {
        assertEquals(Set.of(OutcomeLaneId.READY_FOR_MONITORING_POST_INCIDENT_REVIEW, OutcomeLaneId.WAITING_RUNTIME_GATE), catalog.readyLanes());
        assertEquals(List.of(OutcomeLaneId.READY_FOR_MONITORING_POST_INCIDENT_REVIEW, OutcomeLaneId.WAITING_RUNTIME_GATE),
                List.copyOf(catalog.readyLanes()), "catalog order");
        for (ReadbackCatalog.Lane lane : catalog.outcomeLanes()) {
            assertEquals(catalog.readyLanes().contains(lane.id()), lane.isReady(), lane.id().value());
        }
        assertThrows(UnsupportedOperationException.class, () -> catalog.readyLanes().add(OutcomeLaneId.QUARANTINE_RAW_PAYLOAD));
    }

    /** Read from the files: every lane the review schema declares ready is a lane of the plan schema. */
    @Test
    void everyReadyLaneIsALane() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode review = json.readTree(Path.of("schemas/monitoring-post-incident-readback-review-v1.schema.json").toFile());
        JsonNode plan = json.readTree(Path.of("schemas/monitoring-post-incident-readback-plan-v1.schema.json").toFile());
        List<String> ready = strings(review.at("/$defs/ready_lane_id/enum"));
        assertFalse(ready.isEmpty());
        List<String> lanes = strings(plan.at("/$defs/outcome_lane_id/enum"));
        ready.forEach(lane -> assertTrue(lanes.contains(lane), lane + " is not an outcome lane"));
        assertEquals("monitoring-post-incident-readback-plan-v1.schema.json#/$defs/outcome_lane_id",
                review.at("/$defs/ready_lane_id/$ref").asText(), "the schema itself holds the ready lanes to the lane enumeration");
    }

    @Test
    void authorizesNothing() {
        Map<String, Boolean> boundaries = catalog.executionBoundaries();
        assertTrue(boundaries.get("not_authorization"));
        boundaries.forEach((key, value) -> assertTrue(key.equals("not_authorization") || !value, key));
    }

    @Test
    void isImmutable() {
        assertThrows(UnsupportedOperationException.class, () -> catalog.blockedActions().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> catalog.executionBoundaries().put("runtime_gate", true));
    }

    /** Inside the schema, the texts pinned by const and the enumerated ids must name the same catalog. */
    @Test
    void schemaConstantsAgreeWithTheEnumerations() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("schemas/monitoring-post-incident-readback-plan-v1.schema.json").toFile());
        JsonNode defs = schema.get("$defs");
        assertEquals(ids(schema.at("/properties/reviewer_checks/const"), "check_id"), strings(defs.at("/reviewer_check_id/enum")));
        assertEquals(ids(schema.at("/properties/outcome_lanes/const"), "lane_id"), strings(defs.at("/outcome_lane_id/enum")));
        JsonNode summary = defs.at("/plan_summary/properties");
        assertEquals(defs.at("/readback_field/enum").size(), summary.at("/readback_field_count/const").asInt());
        assertEquals(defs.at("/required_readback_field/enum").size(), summary.at("/required_readback_field_count/const").asInt());
        assertEquals(defs.at("/reviewer_check_id/enum").size(), summary.at("/reviewer_check_count/const").asInt());
        assertEquals(defs.at("/outcome_lane_id/enum").size(), summary.at("/outcome_lane_count/const").asInt());
        assertEquals(defs.at("/blocked_action/enum").size(), summary.at("/blocked_action_count/const").asInt());
        assertFalse(catalog.readbackFields().isEmpty());
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }
}
