package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.model.ReadbackCandidate.OutcomeLaneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ready lanes read from the review schema, and the refusal of a declaration that names no lane. */
class ReadyLanesTest {
    @Test
    void readsThePackagedDeclaration() {
        assertEquals(Set.of(OutcomeLaneId.READY_FOR_MONITORING_POST_INCIDENT_REVIEW, OutcomeLaneId.WAITING_RUNTIME_GATE), ReadyLanes.lanes());
        assertEquals(Set.of("ready_for_monitoring_post_incident_review", "waiting_runtime_gate"), ReadyLanes.ids());
    }

    @Test
    void aReadyLaneThatIsNoLaneFailsTheRead() {
        JsonNode schema = SchemaSet.packagedTree(SchemaSet.REVIEW_SCHEMA).deepCopy();
        ((ArrayNode) schema.at("/$defs/ready_lane_id/enum")).add("ready_for_deploy");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReadyLanes.read(schema));
        assertTrue(e.getMessage().contains("\"ready_for_deploy\" is not an outcome lane"), e.getMessage());
    }

    @Test
    void noDeclarationFailsTheRead() {
        ObjectNode schema = new ObjectMapper().createObjectNode();
        assertThrows(IllegalStateException.class, () -> ReadyLanes.read(schema));
        schema.putObject("$defs").putObject("ready_lane_id").putArray("enum");
        assertThrows(IllegalStateException.class, () -> ReadyLanes.read(schema));
    }
}
