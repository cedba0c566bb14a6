package dev.readbackplan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.DocumentKind;
import dev.readbackplan.InvalidDocumentException;
import dev.readbackplan.ValidationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
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

    public PlanGenerator(Engine engine) {
        this.template = engine.template();
        this.validator = engine.planValidator();
    }

    /**
     * Writes the plan of {@code snapshot}, which must have passed validation, and returns its summary
     * counts.
     *
     * @throws InvalidDocumentException when the plan does not validate; nothing is written then
     */
    public Map<String, Number> write(JsonNode snapshot, String generatedAt, String gitCommit, String sourceName, OutputStream out)
            throws IOException {
        ObjectNode envelope = template.envelope(snapshot, generatedAt, gitCommit);
        List<JsonNode> sources = PlanTemplate.sourceCandidates(snapshot);
        check(envelope, sources, sourceName);
        CandidateRenderer candidates = new CandidateRenderer(template, 2);
        PythonJsonWriter writer = new PythonJsonWriter(out);
        writer.beginObject();
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : envelope.properties()) {
            writer.member(member.getKey(), 0, first);
            first = false;
            if (member.getKey().equals("readback_candidates") && !sources.isEmpty()) {
                writer.beginArray();
                for (int i = 0; i < sources.size(); i++) {
                    writer.element(1, i == 0);
                    candidates.write(writer, sources.get(i));
                }
                writer.end(1, ']');
            } else {
                writer.writeValue(member.getValue(), 1);
            }
        }
        writer.end(0, '}');
        writer.writeAscii("\n");
        writer.flush();
        return summary(envelope);
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
        ArrayNode candidates = plan.putArray("readback_candidates");
        for (JsonNode source : sources) {
            candidates.add(template.candidate(source));
        }
        return plan;
    }

    private void check(ObjectNode envelope, List<JsonNode> sources, String sourceName) {
        List<Finding> findings = new ArrayList<>(validator.envelope(envelope));
        findings.addAll(Candidates.check(sources.size(), i -> validator.builtCandidate(i, sources.get(i))));
        if (!findings.isEmpty()) {
            throw new InvalidDocumentException(new ValidationReport("plan generated from " + sourceName, DocumentKind.PLAN,
                    Locations.withoutPositions(DocumentReader.redacted(findings))));
        }
    }

    private static Map<String, Number> summary(ObjectNode envelope) {
        Map<String, Number> summary = new LinkedHashMap<>();
        envelope.get("summary").properties().forEach(member -> summary.put(member.getKey(), member.getValue().numberValue()));
        return summary;
    }
}
