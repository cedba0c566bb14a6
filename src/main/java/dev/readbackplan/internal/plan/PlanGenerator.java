package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.concurrent.Candidates;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.json.Locations;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.PlanFields;
import dev.readbackplan.internal.schema.PlanTemplate;
import dev.readbackplan.internal.schema.PlanValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the plan of a validated snapshot and writes it, in two passes over the candidates: the
 * first validates each one, the second writes each one. Nothing is written unless the whole plan
 * validated, and memory holds the snapshot, never the plan. The template is a pure function of the
 * snapshot and the options, so both passes see the same plan. Thread-safe.
 */
public final class PlanGenerator {
    private final PlanTemplate template;
    private final PlanValidator validator;
    private final Engine engine;

    public PlanGenerator(Engine engine) {
        this.engine = engine;
        this.template = engine.template();
        this.validator = engine.planValidator();
    }

    /**
     * Writes the plan of {@code snapshot}, which must have passed validation, and returns its summary
     * counts. {@code snapshotBytes} is the size of the snapshot's text, for the size check.
     *
     * @throws InvalidDocumentException when the plan does not validate, or would be larger than {@code
     *     maxPlanBytes} (so that every plan written can be read back within the same limits); nothing
     *     is written then
     */
    public Map<String, Number> write(JsonNode snapshot, long snapshotBytes, String generatedAt, String gitCommit,
            String sourceName, long maxPlanBytes, OutputStream out) throws IOException {
        ObjectNode envelope = template.envelope(snapshot, generatedAt, gitCommit);
        List<JsonNode> sources = PlanTemplate.sourceCandidates(snapshot);
        check(envelope, sources, sourceName);
        CandidateRenderer renderer = new CandidateRenderer(template, 2);
        CandidateList candidates = new CandidateList(renderer, sources, engine.executor());
        if (mayExceed(renderer, sources.size(), snapshotBytes, maxPlanBytes)) {
            CountingStream counter = new CountingStream();
            writePlan(envelope, sources, candidates, counter);
            if (counter.count > maxPlanBytes) {
                throw new InvalidDocumentException(new ValidationReport(sourceName, DocumentKind.SNAPSHOT, List.of(
                        new dev.readbackplan.document.Problem(dev.readbackplan.document.Severity.ERROR, List.of(PlanFields.ACCEPTANCE_CANDIDATES), 0, 0, Keyword.LIMIT.id(),
                                "the plan of this snapshot would be " + counter.count + " bytes, over the document limit of "
                                        + maxPlanBytes + " bytes, so it could not be validated or checked afterwards;"
                                        + " split the snapshot or raise the limit"))));
            }
        }
        writePlan(envelope, sources, candidates, out);
        return summary(envelope);
    }

    /**
     * A cheap bound first: a candidate's fixed members take the same bytes in every candidate, and its
     * copied values take at most a few times their bytes in the snapshot (a number such as 1e5 becomes
     * 100000.0), so most plans are known to fit without being counted.
     */
    private static boolean mayExceed(CandidateRenderer candidates, int count, long snapshotBytes, long maxPlanBytes) {
        long bound = ENVELOPE_BOUND + count * (candidates.fixedBytes() + 64L) + 4 * snapshotBytes;
        return bound > maxPlanBytes;
    }

    /** More than the envelope of any plan takes: its catalogs are about 30 KB. */
    private static final long ENVELOPE_BOUND = 1 << 20;

    private static void writePlan(ObjectNode envelope, List<JsonNode> sources, CandidateList candidates, OutputStream out)
            throws IOException {
        PythonJsonWriter writer = new PythonJsonWriter(out);
        writer.beginObject();
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : envelope.properties()) {
            writer.member(member.getKey(), 0, first);
            first = false;
            if (member.getKey().equals(PlanFields.READBACK_CANDIDATES) && !sources.isEmpty()) {
                writer.beginArray();
                candidates.write(writer);
                writer.end(1, ']');
            } else if (out instanceof ProvenanceAware aware && ProvenanceAware.KEYS.contains(member.getKey())) {
                writer.flush();
                aware.valueStarts(member.getKey());
                writer.writeValue(member.getValue(), 1);
                writer.flush();
                aware.valueEnds(member.getKey());
            } else {
                writer.writeValue(member.getValue(), 1);
            }
        }
        writer.end(0, '}');
        writer.writeAscii("\n");
        writer.flush();
    }

    /**
     * A stream that wants to know where the provenance values are in the plan written to it: they
     * change with every run, while everything else follows from the snapshot.
     */
    public interface ProvenanceAware {
        /** The top-level members whose values are provenance. */
        java.util.Set<String> KEYS = java.util.Set.of("generated_at", "git_commit");

        /** Every byte before the value of {@code key} has been written; the value's bytes come next. */
        void valueStarts(String key) throws IOException;

        /** The value of {@code key} has been written. */
        void valueEnds(String key) throws IOException;
    }

    /** Counts the bytes written to it, and keeps none. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }

    /**
     * The whole plan of {@code snapshot}, which must have passed validation, as one tree.
     *
     * @throws InvalidDocumentException when the plan does not validate
     */
    public ObjectNode tree(JsonNode snapshot, String generatedAt, String gitCommit, String sourceName) {
        ObjectNode envelope = template.envelope(snapshot, generatedAt, gitCommit);
        List<JsonNode> sources = PlanTemplate.sourceCandidates(snapshot);
        check(envelope, sources, sourceName);
        ObjectNode plan = envelope.deepCopy();
        ArrayNode candidates = plan.putArray(PlanFields.READBACK_CANDIDATES);
        for (JsonNode source : sources) {
            candidates.add(template.candidate(source));
        }
        return plan;
    }

    private void check(ObjectNode envelope, List<JsonNode> sources, String sourceName) {
        Findings findings = new Findings(INTERNAL_PROBLEM_LIMIT);
        validator.envelope(envelope, findings);
        Candidates.check(sources.size(), engine.executor(), findings, (i, into) -> validator.builtCandidate(i, sources.get(i), into));
        if (!findings.isEmpty()) {
            throw new InvalidDocumentException(new ValidationReport("plan generated from " + sourceName, DocumentKind.PLAN,
                    Locations.withoutPositions(findings.kept()), findings.droppedErrors(), findings.droppedWarnings()));
        }
    }

    /** Problems of a generated plan are a bug, never the input's: a few are enough to show it. */
    private static final int INTERNAL_PROBLEM_LIMIT = 100;

    /** The summary counts of a plan (or of its envelope), by key, in key order. */
    public static Map<String, Number> summary(ObjectNode envelope) {
        Map<String, Number> summary = new LinkedHashMap<>();
        envelope.get("summary").properties().forEach(member -> summary.put(member.getKey(), member.getValue().numberValue()));
        return summary;
    }
}
