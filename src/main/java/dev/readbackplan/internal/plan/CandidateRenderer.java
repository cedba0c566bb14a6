package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.schema.PlanTemplate;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Writes the candidates of a plan straight from the template and their acceptance candidates.
 *
 * <p>A candidate is about 90 members, most of them the same in every candidate. Their bytes, keys
 * and separators included, are rendered once, by the same writer, into runs; per candidate only the
 * values that come from the snapshot are written. The bytes are those of {@link
 * PlanTemplate#candidate(JsonNode)} written by {@link PythonJsonWriter} at the given depth: the
 * candidate that was validated.
 */
public final class CandidateRenderer {
    private final PlanTemplate template;
    private final List<CandidateSegments.Segment> segments;
    private final int level;

    /** Renders candidates that sit at {@code level} (two spaces each): 2 in a plan. */
    public CandidateRenderer(PlanTemplate template, int level) throws IOException {
        this.template = template;
        this.level = level;
        this.segments = CandidateSegments.of(template, level, Set.of());
    }

    /** The bytes every candidate takes for its fixed members, keys and separators. */
    long fixedBytes() {
        long bytes = 0;
        for (CandidateSegments.Segment segment : segments) {
            if (segment.bytes() != null) {
                bytes += segment.bytes().length;
            }
        }
        return bytes;
    }

    public void write(PythonJsonWriter writer, JsonNode source) throws IOException {
        for (CandidateSegments.Segment segment : segments) {
            if (segment.bytes() != null) {
                writer.writeRaw(segment.bytes());
            } else {
                writer.writeValue(template.value(segment.member(), source), level + 1);
            }
        }
    }
}
