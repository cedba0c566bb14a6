package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.internal.schema.EvidenceFields;
import dev.readbackplan.internal.schema.PlanFields;
import dev.readbackplan.internal.schema.SchemaSet;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The review of one candidate of a current plan: the facts the checks read (filled and quarantined
 * evidence fields, closed gates, false flags, zero counts), the failed checks, and the lane. The
 * gates, flags and counts are those the plan schema pins to {@code false} and {@code 0}. Immutable
 * and thread-safe.
 */
public final class CandidateReviewer {
    private static final String CANDIDATES = PlanFields.READBACK_CANDIDATES;

    private final ReviewRules rules;
    private final List<String> closedGates = new ArrayList<>();
    private final List<String> acceptedFlags = new ArrayList<>();
    private final List<String> zeroCounts = new ArrayList<>();

    /**
     * A reviewer of candidates by {@code rules}, reading the pinned gates, flags and counts from the plan schema.
     *
     * @param rules the checks and lanes
     * @param planSchema the plan schema's tree
     * @throws IllegalStateException when the plan schema pins no gate, flag or count
     */
    public CandidateReviewer(ReviewRules rules, JsonNode planSchema) {
        this.rules = rules;
        JsonNode candidate = planSchema.at(SchemaSet.candidateDefinition()).get("properties");
        candidate.properties().forEach(p -> {
            JsonNode schema = resolve(planSchema, p.getValue());
            if (schema.path("const").isBoolean() && !schema.get("const").booleanValue()) {
                // The accepted and received flags are counted with the counts; the rest are gates.
                (p.getKey().endsWith("_accepted") || p.getKey().endsWith("_received") ? acceptedFlags : closedGates).add(p.getKey());
            }
        });
        JsonNode summary = resolve(planSchema, planSchema.get("properties").get("summary")).get("properties");
        summary.properties().forEach(p -> {
            JsonNode schema = resolve(planSchema, p.getValue());
            if (schema.path("const").isIntegralNumber() && schema.get("const").longValue() == 0) {
                zeroCounts.add(p.getKey());
            }
        });
        if (closedGates.isEmpty() || acceptedFlags.isEmpty() || zeroCounts.isEmpty()) {
            throw new IllegalStateException("the plan schema pins no gates, flags or counts");
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode property) {
        JsonNode ref = property.get("$ref");
        return ref != null && ref.textValue().startsWith("#/") ? schema.at(ref.textValue().substring(1)) : property;
    }

    /**
     * Whether every count the plan schema pins to zero is zero in a plan's summary.
     *
     * @param summary the plan's {@code summary}
     * @return whether they all are
     */
    public boolean countsZero(JsonNode summary) {
        for (String count : zeroCounts) {
            JsonNode value = summary.get(count);
            if (value == null || !value.isIntegralNumber() || value.longValue() != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reviews one candidate.
     *
     * @param index its index in the plan
     * @param candidate its tree
     * @param flagged its quarantined evidence fields, with the keywords of the problems found in each
     * @param scanned the secret scanner rules that fired, by field
     * @param countsZero whether the plan's pinned counts are all zero ({@link #countsZero})
     * @return its review
     */
    public CandidateReview review(int index, JsonNode candidate, Map<String, Set<String>> flagged, Map<String, Set<String>> scanned,
            boolean countsZero) {
        EvidenceFields fields = rules.fields();
        Map<String, JsonNode> values = new HashMap<>();
        Map<String, Boolean> filled = new HashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> quarantinedFields = new ArrayList<>();
        List<String> nulledFields = new ArrayList<>();
        List<String> quarantineReasons = new ArrayList<>();
        List<List<String>> scannerRules = new ArrayList<>();
        boolean anyFilled = false;
        boolean shapesAllowed = true;
        boolean[] secretAndRaw = new boolean[2];
        for (String field : fields.all()) {
            boolean ref = fields.isRef(field);
            JsonNode value = candidate.get(field);
            values.put(field, value);
            boolean isFilled = fields.isFilled(field, value, ref);
            filled.put(field, isFilled);
            if (!isFilled) {
                missing.add(field);
            }
            anyFilled |= isFilled;
            // The plan was validated whole: its problems at this field already say whether the value
            // has an allowed shape and whether a secret or raw payload was found in it.
            Set<String> keywords = flagged.getOrDefault(field, Set.of());
            boolean[] found = {keywords.contains(Keyword.SECRET.id()), keywords.contains(Keyword.RAW_PAYLOAD.id())};
            boolean shapeAllowed = true;
            for (String keyword : keywords) {
                shapeAllowed &= keyword.equals(Keyword.SECRET.id()) || keyword.equals(Keyword.RAW_PAYLOAD.id());
            }
            shapesAllowed &= shapeAllowed;
            secretAndRaw[0] |= found[0];
            secretAndRaw[1] |= found[1];
            if (!shapeAllowed || found[0] || found[1]) {
                quarantinedFields.add(Pointer.ROOT.key(CANDIDATES).index(index).key(field).toString());
                quarantineReasons.add(rules.quarantineReason(field, keywords));
                scannerRules.add(List.copyOf(new TreeSet<>(scanned.getOrDefault(field, Set.of()))));
            }
            if (found[0] || found[1]) {
                nulledFields.add(Pointer.ROOT.key(CANDIDATES).index(index).key(field).toString());
            }
        }
        boolean gatesClosed = candidate.path("not_approval").asBoolean(false) && isFalse(candidate, closedGates);
        boolean flagsFalse = isFalse(candidate, acceptedFlags);
        boolean allShapes = shapesAllowed;
        // Filled once, lazily, by this candidate's checks (on this thread): each field's canonical form.
        Map<String, String> canonicalForms = new HashMap<>();
        ReviewRules.Facts facts = new ReviewRules.Facts() {
            @Override
            public JsonNode value(String field) {
                return values.get(field);
            }

            @Override
            public boolean filled(String field) {
                return filled.get(field);
            }

            @Override
            public boolean allShapesAllowed() {
                return allShapes;
            }

            @Override
            public boolean secretFound() {
                return secretAndRaw[0];
            }

            @Override
            public boolean rawPayloadFound() {
                return secretAndRaw[1];
            }

            @Override
            public boolean planCurrent() {
                return true; // a plan that is not current is not reviewed candidate by candidate
            }

            @Override
            public boolean gatesClosed() {
                return gatesClosed;
            }

            @Override
            public boolean countsZero() {
                return countsZero && flagsFalse;
            }

            @Override
            public String canonical(String field) {
                String form = canonicalForms.get(field);
                if (form == null) {
                    form = EvidenceReference.canonical(values.get(field).textValue());
                    canonicalForms.put(field, form);
                }
                return form;
            }

            @Override
            public Set<String> problems(String field) {
                return flagged.getOrDefault(field, Set.of());
            }
        };
        String claim = ReviewRules.claim(candidate);
        BitSet failed = rules.failed(facts, claim);
        String lane = rules.lane(failed, anyFilled, claim);
        return new CandidateReview(index, candidate.path("post_incident_readback_candidate_id").textValue(),
                candidate.path("surface_id").textValue(), lane, claim, rules.ids(failed), List.copyOf(missing),
                List.copyOf(quarantinedFields), List.copyOf(nulledFields), List.copyOf(rules.reasons(failed, facts, claim)),
                List.copyOf(quarantineReasons), List.copyOf(scannerRules));
    }

    private static boolean isFalse(JsonNode candidate, List<String> flags) {
        for (String flag : flags) {
            JsonNode value = candidate.get(flag);
            if (value == null || !value.isBoolean() || value.booleanValue()) {
                return false;
            }
        }
        return true;
    }
}
