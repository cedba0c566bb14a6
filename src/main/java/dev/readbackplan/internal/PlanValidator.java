package dev.readbackplan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a plan as it is built, one candidate at a time, with exactly the result of validating the
 * whole document against the plan schema.
 *
 * <p>Why that is exact: the plan schema puts no constraint on {@code readback_candidates} beyond the
 * type and that each item matches the candidate definition, so the whole plan is valid if and only if
 * the plan with no candidates is valid and every candidate is. And the candidate definition is a
 * closed object whose properties are all required and have their own schemas, with no keyword that
 * relates one property to another, so a candidate with exactly the defined keys is valid if and only
 * if each member is valid on its own. Members that are the template's shared instances were validated
 * once at start-up; only the others (the values copied from the snapshot) are validated per
 * candidate. Anything else (a missing or extra key, or a fixed member replaced) falls back to
 * validating the candidate as a whole. The constructor checks these premises on the schema and
 * refuses to take the shortcut when they do not hold.
 *
 * <p>Thread-safe.
 */
public final class PlanValidator {
    private static final String CANDIDATE_DEFINITION = SchemaSet.candidateDefinition();
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "javaType");
    private static final Set<String> CANDIDATE_KEYWORDS = union(ANNOTATIONS, Set.of("type", "properties", "required", "additionalProperties"));
    private static final Set<String> CANDIDATE_LIST_KEYWORDS = union(ANNOTATIONS, Set.of("type", "items"));

    private final Schema plan;
    private final Schema candidate;
    private final Map<String, Schema> memberSchemas;
    private final Map<String, JsonNode> fixedMembers;
    private final Map<String, String> checkedInSnapshot;
    private final boolean memberwise;

    public PlanValidator(SchemaSet schemas, PlanTemplate template) {
        this.plan = schemas.plan();
        this.candidate = schemas.candidate();
        this.fixedMembers = template.fixedCandidateMembers();
        JsonNode definition = schemas.planNode().at(CANDIDATE_DEFINITION);
        this.memberwise = premisesHold(schemas.planNode(), definition);
        Map<String, Schema> members = new HashMap<>();
        if (memberwise) {
            for (Iterator<String> it = definition.get("properties").fieldNames(); it.hasNext(); ) {
                String key = it.next();
                members.put(key, schemas.candidateProperty(key));
            }
            for (Map.Entry<String, JsonNode> fixed : fixedMembers.entrySet()) {
                List<Finding> findings = SchemaFindings.validate(members.get(fixed.getKey()), fixed.getValue(), "");
                if (!findings.isEmpty() || SecretFindings.scan(fixed.getValue(), "").size() > 0) {
                    throw new IllegalStateException("the plan schema's fixed value of '" + fixed.getKey()
                            + "' does not pass its own checks: " + findings);
                }
            }
        }
        this.memberSchemas = Map.copyOf(members);
        this.checkedInSnapshot = memberwise ? sameSchemaInSnapshot(schemas, template.copiedMembers()) : Map.of();
    }

    /**
     * The copied members whose plan schema puts exactly the constraints their snapshot field's schema
     * does (annotations aside, references compared by their absolute address). A value copied by
     * reference from a snapshot that passed validation and the secret scan has passed both for the
     * plan too.
     */
    private static Map<String, String> sameSchemaInSnapshot(SchemaSet schemas, Map<String, String> copied) {
        Map<String, String> same = new HashMap<>();
        for (Map.Entry<String, String> member : copied.entrySet()) {
            JsonNode inPlan = schemas.planNode().at(CANDIDATE_DEFINITION + "/properties/" + member.getKey());
            JsonNode inSnapshot = schemas.snapshotNode().at("/$defs/acceptance_candidate/properties/" + member.getValue());
            if (constraints(inPlan, SchemaSet.PLAN_SCHEMA).equals(constraints(inSnapshot, SchemaSet.SNAPSHOT_SCHEMA))) {
                same.put(member.getKey(), member.getValue());
            }
        }
        return Map.copyOf(same);
    }

    /** A schema without its annotations, with a {@code $ref} made absolute. */
    private static JsonNode constraints(JsonNode schema, String file) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = schema.deepCopy();
        copy.remove(ANNOTATIONS);
        JsonNode ref = copy.get("$ref");
        if (ref != null && ref.isTextual()) {
            String address = ref.textValue().startsWith("#") ? file + ref.textValue() : ref.textValue();
            copy.put("$ref", SchemaSet.ID_BASE + address);
        }
        return copy;
    }

    /** Whether validating member by member is exactly validating the whole candidate (see class comment). */
    public boolean isMemberwise() {
        return memberwise;
    }

    private static boolean premisesHold(JsonNode planSchema, JsonNode definition) {
        JsonNode list = planSchema.path("properties").path("readback_candidates");
        if (!onlyKeywords(list, CANDIDATE_LIST_KEYWORDS)
                || !("#" + CANDIDATE_DEFINITION).equals(list.path("items").path("$ref").asText())
                || list.path("items").size() != 1
                || !onlyKeywords(definition, CANDIDATE_KEYWORDS)
                || !definition.path("additionalProperties").isBoolean()
                || definition.path("additionalProperties").booleanValue()) {
            return false;
        }
        JsonNode properties = definition.path("properties");
        JsonNode required = definition.path("required");
        if (required.size() != properties.size()) {
            return false;
        }
        for (JsonNode key : required) {
            if (!properties.has(key.asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyKeywords(JsonNode schema, Set<String> allowed) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            if (!allowed.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    /** The plan without its candidates ({@code readback_candidates} must be empty). */
    public List<Finding> envelope(ObjectNode envelope) {
        if (!envelope.path("readback_candidates").isEmpty()) {
            throw new IllegalArgumentException("the envelope must have no candidates");
        }
        List<Finding> findings = new ArrayList<>(SchemaFindings.validate(plan, envelope, ""));
        findings.addAll(SecretFindings.scan(envelope, ""));
        return findings;
    }

    /** Candidate number {@code index} of a plan being built, or of a plan read from a file. */
    public List<Finding> candidate(int index, JsonNode node) {
        return candidate(index, node, null);
    }

    /**
     * Candidate number {@code index} of a plan being built from {@code source}, an acceptance
     * candidate of a snapshot that passed validation and the secret scan (or null when there is no
     * such source): members that are the very nodes of the source, under the same schema, are not
     * checked again.
     */
    public List<Finding> candidate(int index, JsonNode node, JsonNode source) {
        String at = "/readback_candidates/" + index;
        if (!memberwise || !hasExactlyTheDefinedKeys(node)) {
            List<Finding> findings = new ArrayList<>(SchemaFindings.validate(candidate, node, at));
            findings.addAll(SecretFindings.scan(node, at));
            return findings;
        }
        List<Finding> findings = List.of();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (fixedMembers.get(member.getKey()) == member.getValue()) {
                continue; // the shared instance, validated at start-up
            }
            String field = source == null ? null : checkedInSnapshot.get(member.getKey());
            if (field != null && source.get(field) == member.getValue()) {
                continue; // the snapshot's own node, already validated against the same schema
            }
            String memberAt = JsonPointers.child(at, member.getKey());
            List<Finding> memberFindings = SchemaFindings.validate(memberSchemas.get(member.getKey()), member.getValue(), memberAt);
            List<Finding> secrets = SecretFindings.scan(member.getValue(), memberAt);
            if (!memberFindings.isEmpty() || !secrets.isEmpty()) {
                if (findings.isEmpty()) {
                    findings = new ArrayList<>();
                }
                findings.addAll(memberFindings);
                findings.addAll(secrets);
            }
        }
        return findings;
    }

    private boolean hasExactlyTheDefinedKeys(JsonNode node) {
        if (!node.isObject() || node.size() != memberSchemas.size()) {
            return false;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!memberSchemas.containsKey(it.next())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
