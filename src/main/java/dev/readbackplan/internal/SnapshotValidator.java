package dev.readbackplan.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
    private final Schema candidate;
    private final boolean split;

    public SnapshotValidator(SchemaSet schemas) {
        this.snapshot = schemas.snapshot();
        this.candidate = schemas.acceptanceCandidate();
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
        findings.addAll(Candidates.check(candidates.size(), i -> {
            String at = "/" + LIST + "/" + i;
            List<Finding> found = SchemaFindings.validate(candidate, candidates.get(i), at);
            List<Finding> secrets = StringFindings.scan(candidates.get(i), at);
            if (secrets.isEmpty()) {
                return found;
            }
            List<Finding> all = new ArrayList<>(found);
            all.addAll(secrets);
            return all;
        }));
        return findings;
    }
}
