package dev.readbackplan.internal.plan;

import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.schema.PlanTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A candidate's text as generation writes it, cut into runs of bytes (keys, separators and the fixed
 * members, written once) and the members whose value is written per candidate; members named as holes
 * are left out of the runs whatever their value. Shared by {@link CandidateRenderer}, which writes
 * candidates, and {@link CandidateMatcher}, which compares a text with them: one is the other's bytes.
 */
final class CandidateSegments {
    /**
     * A run of bytes, or a member whose value goes between two runs.
     *
     * @param bytes the run, or null for a member
     * @param member the member, or null for a run
     * @param hole whether the member is a hole (its value may be anything)
     */
    record Segment(byte @Nullable [] bytes, PlanTemplate.@Nullable Member member, boolean hole) {}

    private CandidateSegments() {}

    /**
     * The segments of a candidate at {@code level} (two spaces each; 2 in a plan).
     *
     * @param template the plan template
     * @param level the candidate's level
     * @param holes the members to leave as holes
     * @return the segments, runs and members in turn
     * @throws IOException never: the runs are written into memory
     */
    static List<Segment> of(PlanTemplate template, int level, Set<String> holes) throws IOException {
        List<Segment> segments = new ArrayList<>();
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        PythonJsonWriter writer = new PythonJsonWriter(run);
        writer.beginObject();
        boolean first = true;
        for (PlanTemplate.Member member : template.candidateMembers()) {
            writer.member(member.key(), level, first);
            first = false;
            boolean hole = holes.contains(member.key());
            if (member.isFixed() && !hole) {
                writer.writeValue(member.fixed(), level + 1);
                continue;
            }
            writer.flush();
            segments.add(new Segment(run.toByteArray(), null, false));
            run.reset();
            segments.add(new Segment(null, member, hole));
        }
        writer.end(level, '}');
        writer.flush();
        segments.add(new Segment(run.toByteArray(), null, false));
        return List.copyOf(segments);
    }
}
