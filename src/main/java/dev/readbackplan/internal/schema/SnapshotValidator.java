package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.concurrent.Candidates;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.scan.StringFindings;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

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
    private static final String LIST = PlanFields.ACCEPTANCE_CANDIDATES;
    private static final Set<String> LIST_KEYWORDS = Set.of("title", "description", "$comment", "type", "items");

    private final CheckedSchema snapshot;
    private final CheckedSchema list;
    private final boolean split;
    private final Executor executor;

    public SnapshotValidator(SchemaSet schemas, Executor executor) {
        this.executor = executor;
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

    /** Whether the shortcut applies to this schema (see the class comment). */
    public boolean splits() {
        return split;
    }

    /** Adds the schema findings and secret findings of the whole snapshot. */
    public void validate(JsonNode root, Findings findings) {
        JsonNode candidates = root.path(LIST);
        if (!split || !root.isObject() || !candidates.isArray() || candidates.size() < Candidates.PARALLEL_THRESHOLD) {
            validateWhole(root, findings);
            return;
        }
        validateSplit(root, findings);
    }

    /** The plain path: the whole document against the schema, then the secret scan. */
    public void validateWhole(JsonNode root, Findings findings) {
        SchemaFindings.validate(snapshot, root, Pointer.ROOT, findings);
        StringFindings.scan(root, Pointer.ROOT, findings);
    }

    /** The shortcut, whatever the number of candidates: the envelope, then the candidates a range at a time. */
    void validateSplit(JsonNode root, Findings findings) {
        JsonNode candidates = root.path(LIST);
        // The same members in the same order, with no candidates; the candidates are checked one by one.
        Map<String, JsonNode> members = new LinkedHashMap<>();
        root.properties().forEach(member -> members.put(member.getKey(),
                member.getKey().equals(LIST) ? JsonNodeFactory.instance.arrayNode() : member.getValue()));
        ObjectNode envelope = new ObjectNode(JsonNodeFactory.instance, members);
        SchemaFindings.validate(snapshot, envelope, Pointer.ROOT, findings);
        StringFindings.scan(envelope, Pointer.ROOT, findings);
        Pointer listAt = Pointer.ROOT.key(LIST);
        Candidates.checkRanges(candidates.size(), executor, findings, (from, to, into) -> {
            // One validation of the range as a list: the list's schema is the candidate list's own.
            List<JsonNode> range = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                range.add(candidates.get(i));
            }
            ArrayNode rangeList = new ArrayNode(JsonNodeFactory.instance, range);
            // Its pointers start at the range, not the document: ordered by their place in the range.
            Findings rangeFindings = into.siblingWithin(rangeList);
            SchemaFindings.validate(list, rangeList, Pointer.ROOT, rangeFindings);
            for (Finding finding : rangeFindings.kept()) {
                into.add(renumbered(finding, listAt, from));
            }
            into.addDropped(rangeFindings.droppedErrors(), rangeFindings.droppedWarnings());
            for (int i = from; i < to; i++) {
                StringFindings.scan(candidates.get(i), listAt.index(i), into);
            }
        });
    }

    /** A finding of item {@code k} of a range that starts at candidate {@code from}, as a finding of the snapshot. */
    private static Finding renumbered(Finding finding, Pointer listAt, int from) {
        return new Finding(finding.severity(), finding.pointer().shiftFirstIndex(from).under(listAt),
                finding.offset(), finding.keyword(), finding.message(), finding.rule());
    }
}
