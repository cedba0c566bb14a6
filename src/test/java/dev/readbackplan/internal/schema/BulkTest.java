package dev.readbackplan.internal.schema;

import dev.readbackplan.internal.concurrent.Candidates;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.plan.PlanGenerator;
import dev.readbackplan.internal.json.Findings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Documents with enough candidates to take the parallel paths give exactly what the sequential,
 * whole-document paths give.
 */
class BulkTest {
    private static final int CANDIDATES = 3 * Candidates.PARALLEL_THRESHOLD + 17;
    private final Engine engine = new Engine(java.util.concurrent.ForkJoinPool.commonPool());

    private static ObjectNode snapshot() {
        ObjectNode snapshot = JsonNodeFactory.instance.objectNode();
        snapshot.put("schema_version", "monitoring_owner_response_acceptance_v1");
        ArrayNode candidates = snapshot.putArray("acceptance_candidates");
        for (int i = 0; i < CANDIDATES; i++) {
            ObjectNode candidate = PlanValidatorTest.source(i);
            candidate.put("label", "label " + i + (i % 7 == 0 ? " é \u0001 \"q\"" : ""));
            candidates.add(candidate);
        }
        return snapshot;
    }

    @Test
    void aLargePlanIsWrittenAsTheSequentialWriterWritesIt() throws IOException {
        ObjectNode snapshot = snapshot();
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        new PlanGenerator(engine).write(snapshot, 0, "2026-01-01T00:00:00+08:00", "unknown", "bulk", Long.MAX_VALUE, streamed);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        PythonJsonWriter writer = new PythonJsonWriter(whole);
        writer.writeDocument(new PlanGenerator(engine).tree(snapshot, "2026-01-01T00:00:00+08:00", "unknown", "bulk"));
        writer.flush();
        assertArrayEquals(whole.toByteArray(), streamed.toByteArray());
    }

    @Test
    void aLargeSnapshotIsValidatedAsAWholeDocumentIs() {
        ObjectNode snapshot = snapshot();
        ArrayNode candidates = (ArrayNode) snapshot.get("acceptance_candidates");
        ((ObjectNode) candidates.get(3)).put("repo_sha256", "short");
        ((ObjectNode) candidates.get(700)).remove("label");
        ((ObjectNode) candidates.get(1_500)).put("label", "api_token=" + "s3cr3t-fake-value");
        ((ObjectNode) candidates.get(CANDIDATES - 1)).put("source_line_count", -1);
        snapshot.put("status", 5);

        Findings splitFindings = new Findings(1000);
        engine.snapshotValidator().validate(snapshot, splitFindings);
        List<String> split = splitFindings.kept().stream().map(f -> f.pointer() + " " + f.keyword()).sorted().toList();
        Findings wholeFindings = new Findings(1000);
        engine.snapshotValidator().validateWhole(snapshot, wholeFindings);
        List<String> whole = wholeFindings.kept().stream().map(f -> f.pointer() + " " + f.keyword()).toList();
        assertEquals(whole.stream().sorted().toList(), split);
        assertEquals(5, split.size(), split.toString());
        assertTrue(split.contains("/acceptance_candidates/1500/label secret"), split.toString());
    }
}
