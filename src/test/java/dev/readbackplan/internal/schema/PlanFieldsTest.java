package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The member names the code walks by are properties the schemas define, where the code expects them (required, but for the snapshot's list). */
class PlanFieldsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode schema(String name) throws IOException {
        return MAPPER.readTree(Path.of("schemas", name).toFile());
    }

    private static List<String> required(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.path("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The object schema of a list's items, following one local {@code $ref}. */
    private static JsonNode items(JsonNode schema, String list) {
        JsonNode items = schema.path("properties").path(list).path("items");
        String ref = items.path("$ref").asText("");
        return ref.startsWith("#/") ? schema.at(ref.substring(1)) : items;
    }

    @Test
    void eachNameIsARequiredPropertyOfItsSchema() throws IOException {
        JsonNode plan = schema("monitoring-post-incident-readback-plan-v1.schema.json");
        JsonNode snapshot = schema("monitoring-owner-response-acceptance-snapshot.schema.json");
        assertTrue(required(plan).contains(PlanFields.READBACK_CANDIDATES), "plan list");
        // Optional in the snapshot: absent means none.
        assertTrue(snapshot.path("properties").path(PlanFields.ACCEPTANCE_CANDIDATES).path("type").asText().equals("array"), "snapshot list");
        List<String> planCandidate = required(items(plan, PlanFields.READBACK_CANDIDATES));
        assertTrue(planCandidate.contains(PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID), planCandidate::toString);
        assertTrue(planCandidate.contains(PlanFields.SURFACE_ID), planCandidate::toString);
        List<String> snapshotCandidate = required(items(snapshot, PlanFields.ACCEPTANCE_CANDIDATES));
        assertTrue(snapshotCandidate.contains(PlanFields.SURFACE_ID), snapshotCandidate::toString);
    }
}
