package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        assertEquals("waiting_runtime_gate", catalog.outcomeLanes().get(10).id());
        assertEquals("live_receiver_probe", catalog.blockedActions().get(52));
        assertEquals(List.of("prometheus_alert_rules", "grafana_alert_rules", "signoz_alert_rules"), catalog.alertRuleConfigKinds());
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
