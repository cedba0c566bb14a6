package dev.readbackplan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a snapshot against its schema and scans its strings for secrets, candidate by candidate
 * when there are many, with exactly the result of doing it on the whole document.
 *
 * <p>Why that is exact: the snapshot schema puts no constraint on {@code acceptance_candidates}
 * beyond the type and that each item matches the candidate definition, so the snapshot is valid if
 * and only if the snapshot with no candidates is valid and every candidate is. The constructor checks
 * that premise on the schema; without it the whole document is validated. Thread-safe.
 */
public final class SnapshotValidator {
    private static final String LIST = "acceptance_candidates";
    private static final Set<String> LIST_KEYWORDS = Set.of("title", "description", "$comment", "type", "items");

    private final Schema snapshot;
    private final Schema list;
    private final boolean split;

    public SnapshotValidator(SchemaSet schemas) {
        this.snapshot = schemas.snapshot();
        this.list = schemas.snapshotProperty(LIST);
        JsonNode list = schemas.snapshotNode().path("properties").path(LIST);
        boolean onlyTypeAndItems = true;
        for (Iterator<String> it = list.fieldNames(); it.hasNext(); ) {
            onlyTypeAndItems &= LIST_KEYWORDS.contains(it.next());
        }
        this.split = onlyTypeAndItems && "array".equals(list.path("type").asText())
                && list.path("items").size() == 1
                && ("#" + SchemaSet.acceptanceCandidateDefinition()).equals(list.path("items").path("$ref").asText());
    }

    /** Schema findings and secret findings of the whole snapshot. */
    public List<Finding> validate(JsonNode root) {
        JsonNode candidates = root.path(LIST);
        if (!split || !root.isObject() || !candidates.isArray() || candidates.size() < Candidates.PARALLEL_THRESHOLD) {
            List<Finding> findings = new ArrayList<>(SchemaFindings.validate(snapshot, root, ""));
            findings.addAll(StringFindings.scan(root, ""));
            return findings;
        }
        // The same members in the same order, with no candidates; the candidates are checked one by one.
        Map<String, JsonNode> members = new LinkedHashMap<>();
        root.properties().forEach(member -> members.put(member.getKey(),
                member.getKey().equals(LIST) ? JsonNodeFactory.instance.arrayNode() : member.getValue()));
        ObjectNode envelope = new ObjectNode(JsonNodeFactory.instance, members);
        List<Finding> findings = new ArrayList<>(SchemaFindings.validate(snapshot, envelope, ""));
        findings.addAll(StringFindings.scan(envelope, ""));
        findings.addAll(Candidates.checkRanges(candidates.size(), (from, to) -> {
            // One validation of the range as a list: the list's schema is the candidate list's own.
            List<JsonNode> range = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                range.add(candidates.get(i));
            }
            List<Finding> found = new ArrayList<>();
            for (Finding finding : SchemaFindings.validate(list, new ArrayNode(JsonNodeFactory.instance, range), "")) {
                found.add(renumbered(finding, from));
            }
            for (int i = from; i < to; i++) {
                found.addAll(StringFindings.scan(candidates.get(i), "/" + LIST + "/" + i));
            }
            return found;
        }));
        return findings;
    }

    /** A finding of item {@code k} of a range that starts at candidate {@code from}, as a finding of the snapshot. */
    private static Finding renumbered(Finding finding, int from) {
        String pointer = finding.pointer();
        int end = pointer.indexOf('/', 1);
        int k = Integer.parseInt(end < 0 ? pointer.substring(1) : pointer.substring(1, end));
        return new Finding(finding.severity(), "/" + LIST + "/" + (from + k) + (end < 0 ? "" : pointer.substring(end)),
                finding.offset(), finding.keyword(), finding.message());
    }
}
