package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.schema.PlanTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
    /**
     * Either a run of bytes, or a member whose value is written per candidate: copied from the
     * acceptance candidate's field {@code copiedFrom}, or, for the candidate id ({@code idPrefix} not
     * null), that field's text after the prefix, whose opening quote and characters end the run before.
     */
    private record Segment(byte[] bytes, PlanTemplate.@Nullable Member member, @Nullable String idPrefix) {}

    private final PlanTemplate template;
    private final List<Segment> segments;
    private final int level;

    /** Renders candidates that sit at {@code level} (two spaces each): 2 in a plan. */
    public CandidateRenderer(PlanTemplate template, int level) throws IOException {
        this.template = template;
        this.level = level;
        List<Segment> list = new ArrayList<>();
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        PythonJsonWriter writer = new PythonJsonWriter(run);
        writer.beginObject();
        boolean first = true;
        for (PlanTemplate.Member member : template.candidateMembers()) {
            writer.member(member.key(), level, first);
            first = false;
            if (member.isFixed()) {
                writer.writeValue(member.fixed(), level + 1);
            } else {
                // The candidate id is the prefix and the surface id as one string: the prefix (plain
                // ASCII, written as is) goes into the run, and per candidate only the surface id and
                // the closing quote are written, without building the concatenated string.
                String prefix = member.isCopied() ? null : PlanTemplate.CANDIDATE_ID_PREFIX;
                if (prefix != null) {
                    writer.writeAscii("\"" + prefix);
                }
                writer.flush();
                list.add(new Segment(run.toByteArray(), null, null));
                run.reset();
                list.add(new Segment(null, member, prefix));
            }
        }
        writer.end(level, '}');
        writer.flush();
        list.add(new Segment(run.toByteArray(), null, null));
        this.segments = List.copyOf(list);
    }

    /** The bytes every candidate takes for its fixed members, keys and separators. */
    long fixedBytes() {
        long bytes = 0;
        for (Segment segment : segments) {
            if (segment.bytes != null) {
                bytes += segment.bytes.length;
            }
        }
        return bytes;
    }

    public void write(PythonJsonWriter writer, JsonNode source) throws IOException {
        for (Segment segment : segments) {
            byte[] bytes = segment.bytes;
            PlanTemplate.Member member = segment.member;
            if (bytes != null) {
                writer.writeRaw(bytes);
            } else if (member == null) {
                throw new IllegalStateException("a segment with neither bytes nor a member");
            } else if (segment.idPrefix != null) {
                JsonNode copied = source.get(member.copiedFrom());
                if (copied == null) {
                    throw new IllegalArgumentException("acceptance candidate without " + member.copiedFrom());
                }
                // As the prefix concatenated with the text would be (a value that is not text reads "null").
                writer.writeStringRest(String.valueOf(copied.textValue()));
            } else {
                writer.writeValue(template.value(member, source), level + 1);
            }
        }
    }
}
