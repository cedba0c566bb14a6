package dev.readbackplan.internal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.PlanTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The renderer's shortcut against the plain path: the renderer writes each candidate as runs of bytes
 * rendered once (fixed members, keys, separators) and the values copied from the acceptance candidate,
 * where the plain path builds the candidate as a tree (the candidate id concatenated) and writes it with
 * the generic writer. Seeded surface ids and labels with quotes, backslashes, control characters,
 * non-ASCII, surrogate pairs and long runs, in writers whose buffer is at every fill level.
 */
class CandidateRendererTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] PIECES = {"a", "Z", "9", "_", ":", "\"", "\\", "\u0000", "\u001f", "\n", "\t", "\u007f",
        "é", "\u2028", "中", "\uD83D\uDE00", "\uFEFF", " ", "/"};

    static String text(SplittableRandom random) {
        int length = random.nextInt(8) == 0 ? 20_000 + random.nextInt(30_000) : random.nextInt(40);
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : "s" + random.nextInt(1000));
        }
        return s.toString();
    }

    static ObjectNode source(SplittableRandom random, int i) {
        ObjectNode source = NODES.objectNode();
        source.put("acceptance_candidate_id", "monitoring_owner_response_acceptance:" + text(random));
        source.put("request_id", "monitoring_owner_request:" + i);
        source.put("surface_id", text(random));
        source.put("label", text(random));
        source.put("expected_scope", "owner_confirm_scope");
        source.put("config_kind", "grafana_alert_rules");
        source.put("observability_scope", "grafana");
        source.put("control_tier", "tier1_config");
        source.put("repo_source_path", "ops/" + i + ".yml");
        source.put("repo_sha256", "ab".repeat(32));
        source.put("source_line_count", random.nextLong(1L << 53));
        source.put("write_capable_surface", random.nextBoolean());
        source.put("requires_live_evidence", random.nextBoolean());
        return source;
    }

    @Test
    void rendersTheBytesOfTheBuiltCandidate() throws IOException {
        Engine engine = new Engine(ForkJoinPool.commonPool());
        PlanTemplate template = engine.template();
        CandidateRenderer renderer = new CandidateRenderer(template, 2);
        SplittableRandom random = new SplittableRandom(1616);
        // One writer each for the whole run, so that strings meet the buffer's end at every offset.
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        PythonJsonWriter plainWriter = new PythonJsonWriter(plain);
        PythonJsonWriter renderedWriter = new PythonJsonWriter(rendered);
        for (int i = 0; i < 600; i++) {
            ObjectNode source = source(random, i);
            plainWriter.writeValue(template.candidate(source), 2);
            renderer.write(renderedWriter, source);
        }
        plainWriter.flush();
        renderedWriter.flush();
        assertArrayEquals(plain.toByteArray(), rendered.toByteArray());
    }
}
