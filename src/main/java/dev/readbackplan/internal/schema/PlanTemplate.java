package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.json.FrozenNodes;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds plans from snapshots, with every fixed value taken from the plan schema.
 *
 * <p>The schema is the single source of truth. A property's value is, in this order: its {@code
 * const}; its {@code default} (the evidence references and owner fields a reviewer fills in later); an
 * object whose properties are all fixed (the execution boundaries); or, for an array of unique items
 * of an enumeration with as many items as the enumeration has values, every value once in catalog
 * order (the readback fields, checks, lanes and blocked actions). Only what depends on the snapshot
 * or the options is computed here: the values copied from each acceptance candidate, the candidate
 * id, the summary counts, and the provenance. A schema property that is neither fixed nor computed
 * stops the build at start-up, so the schema and the code cannot drift apart silently.
 *
 * <p>Fixed values are shared, immutable nodes ({@link FrozenNodes}: changing one throws): every
 * candidate holds the same instances, which lets the writer render them once and the validator check
 * them once. Thread-safe.
 */
public final class PlanTemplate {
    /** The plan's candidate id is this prefix followed by the surface id. */
    public static final String CANDIDATE_ID_PREFIX = "monitoring_post_incident_readback:";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String READBACK_CANDIDATES = PlanFields.READBACK_CANDIDATES;
    private static final String SUMMARY = "summary";

    /**
     * One property of a readback candidate and where its value comes from: a fixed node shared by
     * every candidate, the acceptance candidate's field {@code copiedFrom} (by reference), or, for the
     * candidate id, the surface id behind a prefix.
     */
    public record Member(String key, JsonNode fixed, String copiedFrom) {
        public boolean isFixed() {
            return fixed != null;
        }

        /** Copied unchanged, by reference, from the acceptance candidate. */
        public boolean isCopied() {
            return copiedFrom != null && !isDerivedId();
        }

        boolean isDerivedId() {
            return key.equals(PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID);
        }
    }

    private final List<Member> candidateValues;
    private final Map<String, JsonNode> fixedCandidateMembers;
    private final List<String> envelopeKeys;
    private final Map<String, JsonNode> fixedEnvelopeMembers;
    private final List<String> summaryKeys;
    private final Map<String, JsonNode> fixedSummaryMembers;
    private final Map<String, String> passedThroughSummaryCounts;
    private final Set<String> alertRuleConfigKinds;
    private final Set<String> deployOrReloadConfigKinds;

    public PlanTemplate(JsonNode planSchema, JsonNode snapshotSchema) {
        JsonNode defs = planSchema.path("$defs");
        SchemaReader schema = new SchemaReader(defs);

        JsonNode candidateProperties = defs.path("readback_candidate").path("properties");
        JsonNode snapshotCandidateProperties = snapshotSchema.path("$defs").path("acceptance_candidate").path("properties");
        List<Member> values = new ArrayList<>();
        Map<String, JsonNode> fixedCandidate = new LinkedHashMap<>();
        for (String key : sortedKeys(candidateProperties)) {
            JsonNode fixed = FrozenNodes.freeze(schema.fixedValue(candidateProperties.get(key)));
            if (fixed != null) {
                values.add(new Member(key, fixed, null));
                fixedCandidate.put(key, fixed);
            } else if (key.equals(PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID)) {
                values.add(new Member(key, null, PlanFields.SURFACE_ID));
            } else if (key.equals("source_acceptance_candidate_id")) {
                values.add(new Member(key, null, "acceptance_candidate_id"));
            } else if (snapshotCandidateProperties.has(key)) {
                values.add(new Member(key, null, key));
            } else {
                throw noValue("readback_candidate", key);
            }
        }
        candidateValues = List.copyOf(values);
        fixedCandidateMembers = Collections.unmodifiableMap(fixedCandidate);

        JsonNode summaryProperties = defs.path("plan_summary").path("properties");
        JsonNode snapshotSummaryProperties = snapshotSchema.path("$defs").path("acceptance_summary").path("properties");
        Map<String, JsonNode> fixedSummary = new LinkedHashMap<>();
        Map<String, String> passedThrough = new LinkedHashMap<>();
        summaryKeys = sortedKeys(summaryProperties);
        for (String key : summaryKeys) {
            JsonNode fixed = FrozenNodes.freeze(schema.fixedValue(summaryProperties.get(key)));
            if (fixed != null) {
                fixedSummary.put(key, fixed);
            } else if (key.startsWith("source_") && snapshotSummaryProperties.has(key.substring("source_".length()))) {
                passedThrough.put(key, key.substring("source_".length()));
            } else if (!DerivedCount.NAMES.contains(key)) {
                throw noValue("plan_summary", key);
            }
        }
        fixedSummaryMembers = Collections.unmodifiableMap(fixedSummary);
        passedThroughSummaryCounts = Collections.unmodifiableMap(passedThrough);

        JsonNode envelopeProperties = planSchema.path("properties");
        Map<String, JsonNode> fixedEnvelope = new LinkedHashMap<>();
        envelopeKeys = sortedKeys(envelopeProperties);
        for (String key : envelopeKeys) {
            JsonNode fixed = FrozenNodes.freeze(schema.fixedValue(envelopeProperties.get(key)));
            if (fixed != null) {
                fixedEnvelope.put(key, fixed);
            } else if (!Set.of("generated_at", "git_commit", "source_schema_version", "source_status", SUMMARY,
                    READBACK_CANDIDATES).contains(key)) {
                throw noValue("plan", key);
            }
        }
        fixedEnvelopeMembers = Collections.unmodifiableMap(fixedEnvelope);

        alertRuleConfigKinds = Set.copyOf(SchemaReader.strings(defs.path("alert_rule_config_kind").path("enum")));
        deployOrReloadConfigKinds = Set.copyOf(SchemaReader.strings(defs.path("deploy_or_reload_config_kind").path("enum")));
    }

    private static IllegalStateException noValue(String where, String key) {
        return new IllegalStateException("the plan schema's " + where + " property '" + key
                + "' has neither a fixed value (const, default, catalog) nor a rule that computes it");
    }

    /** The plan candidate for one (validated) acceptance candidate. */
    public ObjectNode candidate(JsonNode source) {
        ObjectNode candidate = new ObjectNode(NODES, new LinkedHashMap<>(candidateValues.size() * 2));
        for (Member member : candidateValues) {
            candidate.set(member.key, value(member, source));
        }
        return candidate;
    }

    /** The members of a readback candidate, in key order. */
    public List<Member> candidateMembers() {
        return candidateValues;
    }

    /** The value of one member of the plan candidate built from {@code source}. */
    public JsonNode value(Member member, JsonNode source) {
        if (member.fixed != null) {
            return member.fixed;
        }
        JsonNode copied = source.get(member.copiedFrom);
        if (copied == null) {
            throw new IllegalArgumentException("acceptance candidate without " + member.copiedFrom);
        }
        return member.isDerivedId() ? NODES.textNode(CANDIDATE_ID_PREFIX + copied.textValue()) : copied;
    }

    /**
     * Everything of the plan but its candidates: {@code readback_candidates} is an empty array, to be
     * filled (or streamed) from {@link #candidate(JsonNode)}.
     */
    public ObjectNode envelope(JsonNode snapshot, String generatedAt, String gitCommit) {
        ObjectNode envelope = new ObjectNode(NODES, new LinkedHashMap<>(32));
        for (String key : envelopeKeys) {
            JsonNode fixed = fixedEnvelopeMembers.get(key);
            JsonNode node;
            if (fixed != null) {
                node = fixed;
            } else {
                node = switch (key) {
                    case "generated_at" -> NODES.textNode(generatedAt);
                    case "git_commit" -> NODES.textNode(gitCommit);
                    // Python's dict.get: null when absent.
                    case "source_schema_version" -> snapshot.path("schema_version").isMissingNode() ? NODES.nullNode() : snapshot.get("schema_version");
                    case "source_status" -> snapshot.path("status").isMissingNode() ? NODES.nullNode() : snapshot.get("status");
                    case SUMMARY -> summary(snapshot);
                    case READBACK_CANDIDATES -> NODES.arrayNode();
                    default -> throw noValue("plan", key);
                };
            }
            envelope.set(key, node);
        }
        return envelope;
    }

    /** The acceptance candidates of a snapshot (none when absent). */
    public static List<JsonNode> sourceCandidates(JsonNode snapshot) {
        JsonNode candidates = snapshot.path(PlanFields.ACCEPTANCE_CANDIDATES);
        List<JsonNode> list = new ArrayList<>(candidates.size());
        candidates.forEach(list::add);
        return list;
    }

    private ObjectNode summary(JsonNode snapshot) {
        JsonNode sourceSummary = snapshot.path(SUMMARY);
        Map<String, Long> derived = derivedCounts(sourceCandidates(snapshot));
        ObjectNode summary = new ObjectNode(NODES, new LinkedHashMap<>(summaryKeys.size() * 2));
        for (String key : summaryKeys) {
            JsonNode fixed = fixedSummaryMembers.get(key);
            JsonNode node;
            if (fixed != null) {
                node = fixed;
            } else if (passedThroughSummaryCounts.containsKey(key)) {
                JsonNode count = sourceSummary.get(passedThroughSummaryCounts.get(key));
                node = count == null ? NODES.numberNode(0) : count;
            } else {
                node = NODES.numberNode(derived.get(key));
            }
            summary.set(key, node);
        }
        return summary;
    }

    /**
     * The summary counts that follow from the candidates. Works on acceptance candidates and on plan
     * candidates alike: both carry {@code write_capable_surface}, {@code requires_live_evidence} and
     * {@code config_kind}.
     */
    public Map<String, Long> derivedCounts(List<JsonNode> candidates) {
        long writeCapable = 0;
        long liveEvidence = 0;
        long alertRule = 0;
        long deployOrReload = 0;
        for (JsonNode candidate : candidates) {
            if (isTrue(candidate, "write_capable_surface")) {
                writeCapable++;
            }
            if (isTrue(candidate, "requires_live_evidence")) {
                liveEvidence++;
            }
            String kind = candidate.path("config_kind").textValue();
            if (kind != null && alertRuleConfigKinds.contains(kind)) {
                alertRule++;
            }
            if (kind != null && deployOrReloadConfigKinds.contains(kind)) {
                deployOrReload++;
            }
        }
        long all = candidates.size();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(DerivedCount.READBACK_CANDIDATES, all);
        counts.put(DerivedCount.WRITE_CAPABLE, writeCapable);
        counts.put(DerivedCount.LIVE_EVIDENCE, liveEvidence);
        counts.put(DerivedCount.ALERT_RULE, alertRule);
        counts.put(DerivedCount.DEPLOY_OR_RELOAD, deployOrReload);
        // Every candidate needs these reviews, as in the reference generator.
        for (String key : DerivedCount.EVERY_CANDIDATE) {
            counts.put(key, all);
        }
        return counts;
    }

    /** Whether a candidate's flag is the JSON value true (not merely truthy text such as "true"). */
    public static boolean isTrue(JsonNode candidate, String flag) {
        JsonNode value = candidate.path(flag);
        return value.isBoolean() && value.booleanValue();
    }

    /**
     * The members copied unchanged from each acceptance candidate: plan key to snapshot field. (The
     * candidate id, derived from the surface id, is not among them.)
     */
    public Map<String, String> copiedMembers() {
        Map<String, String> copied = new LinkedHashMap<>();
        for (Member member : candidateValues) {
            if (member.isCopied()) {
                copied.put(member.key, member.copiedFrom);
            }
        }
        return copied;
    }

    /**
     * Whether a value of a snapshot at {@code pointer} (or inside it) is copied into the plan: its
     * {@code schema_version} and {@code status}, the summary counts the plan passes through, and the
     * fields of each acceptance candidate that its readback candidate carries. Anything else is read
     * and checked but never written.
     */
    public boolean isCopiedFromSnapshot(Pointer pointer) {
        List<String> segments = pointer.segments();
        if (segments.isEmpty()) {
            return false;
        }
        String top = segments.get(0);
        if (top.equals("schema_version") || top.equals("status")) {
            return true;
        }
        if (top.equals(SUMMARY)) {
            return segments.size() >= 2 && passedThroughSummaryCounts.containsValue(segments.get(1));
        }
        if (top.equals(PlanFields.ACCEPTANCE_CANDIDATES) && segments.size() >= 3) {
            String field = segments.get(2);
            return candidateValues.stream().anyMatch(member -> field.equals(member.copiedFrom));
        }
        return false;
    }

    private volatile StrictJsonReader.KnownMembers canonicalMembers;

    /**
     * The fixed members of a candidate that are containers (the catalogs), each with its canonical
     * text as the generator writes it in a plan ({@code "key": value} at a candidate member's depth),
     * for the reader to recognise without decoding them in the items of {@code readback_candidates}.
     * Rendered on first use.
     */
    public StrictJsonReader.KnownMembers canonicalCandidateMembers() {
        StrictJsonReader.KnownMembers built = canonicalMembers;
        if (built == null) {
            Map<String, StrictJsonReader.Known> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> fixed : fixedCandidateMembers.entrySet()) {
                if (!fixed.getValue().isContainerNode()) {
                    continue;
                }
                java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
                try {
                    PythonJsonWriter writer = new PythonJsonWriter(text);
                    writer.writeValue(NODES.textNode(fixed.getKey()), 3);
                    writer.writeAscii(": ");
                    // Candidates sit at level 2 of a plan; their members' values at level 3.
                    writer.writeValue(fixed.getValue(), 3);
                    writer.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                members.put(fixed.getKey(), new StrictJsonReader.Known(text.toByteArray(), fixed.getValue()));
            }
            built = new StrictJsonReader.KnownMembers(READBACK_CANDIDATES, members);
            canonicalMembers = built;
        }
        return built;
    }

    /** The fixed members of every candidate, by key: shared instances. */
    public Map<String, JsonNode> fixedCandidateMembers() {
        return fixedCandidateMembers;
    }

    /** The fixed members of the plan outside its candidates and summary, by key: shared instances. */
    public Map<String, JsonNode> fixedEnvelopeMembers() {
        return fixedEnvelopeMembers;
    }

    /** Names of the summary counts computed from the candidates. */
    static final class DerivedCount {
        static final String READBACK_CANDIDATES = "readback_candidate_count";
        static final String WRITE_CAPABLE = "write_capable_readback_candidate_count";
        static final String LIVE_EVIDENCE = "live_evidence_required_readback_candidate_count";
        static final String ALERT_RULE = "alert_rule_readback_candidate_count";
        static final String DEPLOY_OR_RELOAD = "deploy_or_reload_readback_candidate_count";
        static final List<String> EVERY_CANDIDATE = List.of(
                "receiver_receipt_review_required_candidate_count",
                "stale_silence_review_required_candidate_count",
                "freshness_alert_chain_review_required_candidate_count",
                "no_false_green_required_candidate_count");
        static final Set<String> NAMES;

        static {
            List<String> names = new ArrayList<>(List.of(READBACK_CANDIDATES, WRITE_CAPABLE, LIVE_EVIDENCE, ALERT_RULE, DEPLOY_OR_RELOAD));
            names.addAll(EVERY_CANDIDATE);
            NAMES = Set.copyOf(names);
        }

        private DerivedCount() {}
    }

    public static List<String> sortedKeys(JsonNode properties) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        keys.sort(PythonJsonWriter::compareCodePoints);
        return keys;
    }

    /** Reads fixed values out of the plan schema's definitions. */
    static final class SchemaReader {
        private final JsonNode defs;

        SchemaReader(JsonNode defs) {
            this.defs = defs;
        }

        /** The only value a property can take, or null when it depends on the input. */
        JsonNode fixedValue(JsonNode property) {
            if (property.has("const")) {
                return property.get("const");
            }
            if (property.has("default")) {
                return property.get("default");
            }
            JsonNode local = local(property.path("$ref").asText(""));
            if (local != null) {
                return fixedValue(local);
            }
            if ("object".equals(property.path("type").asText()) && property.has("properties")) {
                JsonNode properties = property.get("properties");
                ObjectNode object = new ObjectNode(NODES, new LinkedHashMap<>());
                for (String key : sortedKeys(properties)) {
                    JsonNode value = fixedValue(properties.get(key));
                    if (value == null) {
                        return null;
                    }
                    object.set(key, value);
                }
                return object;
            }
            if ("array".equals(property.path("type").asText()) && property.path("uniqueItems").asBoolean(false)) {
                JsonNode items = local(property.path("items").path("$ref").asText(""));
                if (items != null && items.has("enum") && property.path("minItems").asInt(-1) == items.get("enum").size()) {
                    ArrayNode array = NODES.arrayNode();
                    items.get("enum").forEach(array::add);
                    return array;
                }
            }
            return null;
        }

        /** The definition a local {@code #/$defs/name} reference points to, or null. */
        private JsonNode local(String ref) {
            String prefix = "#/$defs/";
            if (!ref.startsWith(prefix)) {
                return null;
            }
            JsonNode target = defs.get(ref.substring(prefix.length()));
            if (target == null) {
                throw new IllegalStateException("the plan schema refers to a missing definition: " + ref);
            }
            return target;
        }

        static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(value -> values.add(value.asText()));
            return values;
        }
    }
}
