package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a JSON Schema cannot express: a plan or review read as a snapshot ({@link DocumentKinds}), identifiers that must be unique across candidates, a
 * plan's candidate ids that must follow from their surface ids, and summary counts that should agree
 * with the candidates (warnings). Strings are scanned for secrets with the schema, by the {@link
 * SnapshotValidator} and the {@link PlanValidator}.
 *
 * <p>They run on whatever the document holds, valid against its schema or not, and skip values of the
 * wrong type (the schema reports those).
 */
public final class DocumentChecks {
    private final PlanTemplate template;
    private final DocumentKinds kinds;

    public DocumentChecks(PlanTemplate template, DocumentKinds kinds) {
        this.template = template;
        this.kinds = kinds;
    }

    /** What tells a document of one kind read as another. */
    public DocumentKinds kinds() {
        return kinds;
    }

    public void snapshot(JsonNode root, Findings findings) {
        // A plan or review read as a snapshot would otherwise pass: the snapshot schema is open.
        kinds.asSnapshot(root).forEach(findings::add);
        JsonNode candidates = root.path(PlanFields.ACCEPTANCE_CANDIDATES);
        unknownProperties(root, Pointer.ROOT, SnapshotKeys.TOP, findings);
        if (root.path("summary").isObject()) {
            unknownProperties(root.path("summary"), Pointer.ROOT.key("summary"), SnapshotKeys.SUMMARY, findings);
        }
        if (candidates.isArray()) {
            Pointer list = Pointer.ROOT.key(PlanFields.ACCEPTANCE_CANDIDATES);
            for (int i = 0; i < candidates.size(); i++) {
                unknownProperties(candidates.get(i), list.index(i), SnapshotKeys.CANDIDATE, findings);
            }
            unique(candidates, list, PlanFields.SURFACE_ID,
                    "each surface must appear once, or the plan's candidate ids would collide", findings);
            unique(candidates, list, "acceptance_candidate_id",
                    "each acceptance candidate must appear once", findings);
            JsonNode summary = root.path("summary");
            if (summary.isObject()) {
                List<JsonNode> all = PlanTemplate.sourceCandidates(root);
                long writeCapable = all.stream().filter(c -> PlanTemplate.isTrue(c, "write_capable_surface")).count();
                long liveEvidence = all.stream().filter(c -> PlanTemplate.isTrue(c, "requires_live_evidence")).count();
                count(summary, "acceptance_candidate_count", all.size(), findings);
                count(summary, "write_capable_acceptance_candidate_count", writeCapable, findings);
                count(summary, "live_evidence_required_candidate_count", liveEvidence, findings);
            }
        }
    }

    /** The checks of a plan (its strings are scanned with its schema, by the {@link PlanValidator}). */
    public void plan(JsonNode root, Findings findings) {
        JsonNode candidates = root.path(PlanFields.READBACK_CANDIDATES);
        if (candidates.isArray()) {
            Pointer list = Pointer.ROOT.key(PlanFields.READBACK_CANDIDATES);
            unique(candidates, list, PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID, "each readback candidate must appear once", findings);
            unique(candidates, list, PlanFields.SURFACE_ID, "each surface must appear once", findings);
            unique(candidates, list, "source_acceptance_candidate_id", "each acceptance candidate must appear once", findings);
            for (int i = 0; i < candidates.size(); i++) {
                JsonNode id = candidates.get(i).path(PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID);
                JsonNode surface = candidates.get(i).path(PlanFields.SURFACE_ID);
                if (id.isTextual() && surface.isTextual() && !id.textValue().equals(PlanTemplate.CANDIDATE_ID_PREFIX + surface.textValue())) {
                    findings.add(Finding.error(list.index(i).key(PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID), Keyword.CANDIDATE_ID,
                            "must be " + PlanTemplate.CANDIDATE_ID_PREFIX + " followed by the candidate's surface_id"));
                }
            }
            JsonNode summary = root.path("summary");
            if (summary.isObject()) {
                List<JsonNode> all = new ArrayList<>();
                candidates.forEach(all::add);
                for (Map.Entry<String, Long> derived : template.derivedCounts(all).entrySet()) {
                    count(summary, derived.getKey(), derived.getValue(), findings);
                }
            }
        }
    }

    /**
     * The members of a plan candidate that {@link #plan} reads (ids, and what the derived summary counts
     * count): a plan whose candidates are these copies gives the same findings as the plan itself, so
     * that {@link StreamedPlanReader} keeps only these of each candidate.
     */
    private static final List<String> READ_IN_PLAN_CHECKS = List.of(PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID,
            PlanFields.SURFACE_ID, "source_acceptance_candidate_id", "write_capable_surface", "requires_live_evidence", "config_kind");

    /**
     * A candidate reduced to what {@link #plan} reads of it.
     *
     * @param candidate a plan candidate
     * @return an object with only those members (those it has)
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode thinCandidate(JsonNode candidate) {
        com.fasterxml.jackson.databind.node.ObjectNode thin = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String member : READ_IN_PLAN_CHECKS) {
            JsonNode value = candidate.get(member);
            if (value != null) {
                thin.set(member, value);
            }
        }
        return thin;
    }

    /**
     * The snapshot schema is open, so an unknown key is fine, but one a small edit away from a property
     * the schema defines is probably a typo whose value the generator ignores: a warning naming the
     * property (a name of the schema; the document's key is only in the pointer).
     */
    private static void unknownProperties(JsonNode object, Pointer at, List<String> known, Findings findings) {
        if (!object.isObject()) {
            return;
        }
        for (java.util.Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            String meant = KeyNames.closest(key, known);
            if (meant != null) {
                findings.add(Finding.warning(at.key(key), Keyword.UNKNOWN_PROPERTY,
                        "unknown property; did you mean " + meant + "?"));
            }
        }
    }

    /** The property names the snapshot schema defines, where it defines them. */
    private static final class SnapshotKeys {
        static final JsonNode SCHEMA = SchemaSet.packagedTree(SchemaSet.SNAPSHOT_SCHEMA);
        static final List<String> TOP = names(SCHEMA.path("properties"));
        static final List<String> SUMMARY = names(SCHEMA.path("$defs").path("acceptance_summary").path("properties"));
        static final List<String> CANDIDATE = names(SCHEMA.path("$defs").path("acceptance_candidate").path("properties"));

        private static List<String> names(JsonNode properties) {
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            return List.copyOf(names);
        }
    }

    private static void unique(JsonNode candidates, Pointer list, String field, String why, Findings findings) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode value = candidates.get(i).path(field);
            if (!value.isTextual()) {
                continue;
            }
            Integer earlier = first.putIfAbsent(value.textValue(), i);
            if (earlier != null) {
                findings.add(Finding.error(list.index(i).key(field), Keyword.DUPLICATE_ID,
                        field + " repeats the one at " + list.index(earlier).key(field) + "; " + why));
            }
        }
    }

    private static void count(JsonNode summary, String key, long actual, Findings findings) {
        JsonNode stated = summary.get(key);
        if (stated == null || !stated.isNumber() || !stated.canConvertToExactIntegral()) {
            return;
        }
        if (stated.decimalValue().compareTo(java.math.BigDecimal.valueOf(actual)) != 0) {
            // The stated number is not quoted: messages never repeat a value of the document.
            findings.add(Finding.warning(Pointer.ROOT.key("summary").key(key), Keyword.SUMMARY_COUNT,
                    "disagrees with the candidates: counting them gives " + actual));
        }
    }
}
