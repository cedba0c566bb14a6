package dev.readbackplan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Snapshots of any size made from the bundled example's, for tests that need many candidates. */
public final class ExampleSnapshots {
    /** The bundled example snapshot. */
    public static final Path EXAMPLE = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");

    private ExampleSnapshots() {}

    /**
     * The example snapshot with its candidates repeated in turn, {@code count} in all, each under a
     * surface id of its own ({@code _N} appended) and the ids that follow from it; its summary as the
     * example's (its counts then disagree with the candidates: remove it for a run without warnings).
     *
     * @param count how many candidates
     * @return the snapshot
     * @throws IOException when the example cannot be read
     */
    public static ObjectNode repeated(int count) throws IOException {
        ObjectNode snapshot = (ObjectNode) new ObjectMapper().readTree(EXAMPLE.toFile());
        ArrayNode candidates = (ArrayNode) snapshot.get("acceptance_candidates");
        List<ObjectNode> examples = new ArrayList<>();
        candidates.forEach(candidate -> examples.add((ObjectNode) candidate));
        candidates.removeAll();
        for (int i = 0; i < count; i++) {
            ObjectNode candidate = examples.get(i % examples.size()).deepCopy();
            String surface = candidate.get("surface_id").asText() + "_" + i;
            candidate.put("surface_id", surface);
            candidate.put("acceptance_candidate_id", "monitoring_owner_response_acceptance:" + surface);
            candidate.put("request_id", "monitoring_owner_request:" + surface);
            candidates.add(candidate);
        }
        return snapshot;
    }

    /**
     * {@code base} (not changed) with its candidates copied {@code copies} times, in turn, the ids of
     * copy N (acceptance candidate, request, surface) ending in {@code _rN}, and its summary's counts
     * multiplied so that they stay true: a large snapshot as valid as {@code base}.
     *
     * @param base a snapshot with a summary that counts its candidates
     * @param copies how many copies of its candidates
     * @return the new snapshot
     */
    public static ObjectNode copies(JsonNode base, int copies) {
        ObjectNode snapshot = (ObjectNode) base.deepCopy();
        ArrayNode candidates = JsonNodeFactory.instance.arrayNode();
        for (int copy = 0; copy < copies; copy++) {
            for (JsonNode candidate : base.get("acceptance_candidates")) {
                ObjectNode c = candidate.deepCopy();
                for (String key : List.of("acceptance_candidate_id", "request_id", "surface_id")) {
                    c.put(key, c.get(key).textValue() + "_r" + copy);
                }
                candidates.add(c);
            }
        }
        snapshot.set("acceptance_candidates", candidates);
        ObjectNode summary = (ObjectNode) snapshot.get("summary");
        for (String key : List.of("acceptance_candidate_count", "write_capable_acceptance_candidate_count",
                "live_evidence_required_candidate_count")) {
            summary.put(key, summary.get(key).intValue() * copies);
        }
        return snapshot;
    }
}
