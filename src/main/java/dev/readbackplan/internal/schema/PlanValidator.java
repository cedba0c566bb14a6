package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.concurrent.Candidates;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.scan.StringFindings;
import dev.readbackplan.internal.text.Pointer;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Validates a plan as it is built, one candidate at a time, with exactly the result of validating the
 * whole document against the plan schema.
 *
 * <p>Why that is exact: the plan schema puts no constraint on {@code readback_candidates} beyond the
 * type and that each item matches the candidate definition, so the whole plan is valid if and only if
 * the plan with no candidates is valid and every candidate is. And the candidate definition is a
 * closed object whose properties are all required and have their own schemas, with no keyword that
 * relates one property to another, so a candidate with exactly the defined keys is valid if and only
 * if each member is valid on its own. The constructor checks these premises on the schema and
 * refuses every shortcut when they do not hold.
 *
 * <p>The shortcuts, for a candidate built by the {@link PlanTemplate}:
 * <ul>
 *   <li>its fixed members are the template's shared instances, taken from the packaged schema: they
 *       depend on nothing else, so they are checked once, by {@link #fixedMemberFindings()}, which a
 *       test runs against the packaged schema at build time;
 *   <li>its copied members are the snapshot's own nodes; where the plan puts exactly the constraints
 *       on a member that the snapshot puts on the field it comes from (annotations aside, references
 *       compared by absolute address), the snapshot's validation and secret scan already cover them;
 *   <li>the rest (the candidate id, derived from the surface id) is validated per candidate.
 * </ul>
 * A candidate given as a tree (edited, corrupted, or read from a file) has each member that is neither
 * the template's shared instance nor equal to it validated, or is validated whole when its keys are
 * not the defined ones. Validation never changes the tree it is given.
 *
 * <p>Thread-safe.
 */
public final class PlanValidator {
    private static final String CANDIDATE_DEFINITION = SchemaSet.candidateDefinition();
    private static final Pointer CANDIDATES = Pointer.ROOT.key("readback_candidates");
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "javaType");
    private static final Set<String> CANDIDATE_KEYWORDS = union(ANNOTATIONS, Set.of("type", "properties", "required", "additionalProperties"));
    private static final Set<String> CANDIDATE_LIST_KEYWORDS = union(ANNOTATIONS, Set.of("type", "items"));

    private final SchemaSet schemas;
    private final PlanTemplate template;
    private final Executor executor;
    private final Set<String> definedKeys;
    private final Map<String, JsonNode> fixedMembers;
    private final Set<String> checkedInSnapshot;
    private final boolean memberwise;

    public PlanValidator(SchemaSet schemas, PlanTemplate template, Executor executor) {
        this.schemas = schemas;
        this.executor = executor;
        this.template = template;
        this.fixedMembers = template.fixedCandidateMembers();
        JsonNode definition = schemas.planNode().at(CANDIDATE_DEFINITION);
        this.memberwise = premisesHold(schemas.planNode(), definition);
        Set<String> keys = new HashSet<>();
        definition.path("properties").fieldNames().forEachRemaining(keys::add);
        this.definedKeys = Set.copyOf(keys);
        this.checkedInSnapshot = memberwise ? sameSchemaInSnapshot(schemas, template.copiedMembers()) : Set.of();
    }

    /** Whether validating member by member is exactly validating the whole candidate (see class comment). */
    public boolean isMemberwise() {
        return memberwise;
    }

    /**
     * Problems of the template's fixed candidate members against their own schemas and the secret
     * scan: none for a consistent schema. They depend only on the packaged schema, so a test checks
     * them at build time instead of every run paying for it.
     */
    public List<Finding> fixedMemberFindings() {
        Findings findings = new Findings(Integer.MAX_VALUE);
        for (Map.Entry<String, JsonNode> fixed : fixedMembers.entrySet()) {
            Pointer at = Pointer.ROOT.key("readback_candidates").key("*").key(fixed.getKey());
            SchemaFindings.validate(schemas.candidateProperty(fixed.getKey()), fixed.getValue(), at, findings);
            StringFindings.scan(fixed.getValue(), at, findings);
        }
        return findings.kept();
    }

    /**
     * The copied members whose plan schema puts exactly the constraints their snapshot field's schema
     * does (annotations aside, references compared by their absolute address).
     */
    private static Set<String> sameSchemaInSnapshot(SchemaSet schemas, Map<String, String> copied) {
        Set<String> same = new HashSet<>();
        for (Map.Entry<String, String> member : copied.entrySet()) {
            JsonNode inPlan = schemas.planNode().at(CANDIDATE_DEFINITION + "/properties/" + member.getKey());
            JsonNode inSnapshot = schemas.snapshotNode().at("/$defs/acceptance_candidate/properties/" + member.getValue());
            if (constraints(inPlan, SchemaSet.PLAN_SCHEMA).equals(constraints(inSnapshot, SchemaSet.SNAPSHOT_SCHEMA))) {
                same.add(member.getKey());
            }
        }
        return Set.copyOf(same);
    }

    /** A schema without its annotations, with a {@code $ref} made absolute. */
    private static JsonNode constraints(JsonNode schema, String file) {
        ObjectNode copy = schema.deepCopy();
        copy.remove(ANNOTATIONS);
        JsonNode ref = copy.get("$ref");
        if (ref != null && ref.isTextual()) {
            String address = ref.textValue().startsWith("#") ? file + ref.textValue() : ref.textValue();
            copy.put("$ref", SchemaSet.ID_BASE + address);
        }
        return copy;
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
    public void envelope(ObjectNode envelope, Findings findings) {
        if (!envelope.path("readback_candidates").isEmpty()) {
            throw new IllegalArgumentException("the envelope must have no candidates");
        }
        SchemaFindings.validate(schemas.plan(), envelope, Pointer.ROOT, findings);
        StringFindings.scan(envelope, Pointer.ROOT, findings);
    }

    /**
     * A whole plan read from a file: its envelope, then its candidates a range at a time, each as
     * {@link #candidate} does. The same findings as {@link #validateWhole}, which a differential test
     * checks on every golden plan, fixture and mutated plan.
     */
    public void validate(JsonNode root, Findings findings) {
        JsonNode candidates = root.path("readback_candidates");
        if (!memberwise || !root.isObject() || !candidates.isArray() || candidates.isEmpty()) {
            validateWhole(root, findings);
            return;
        }
        Map<String, JsonNode> members = new LinkedHashMap<>();
        root.properties().forEach(member -> members.put(member.getKey(),
                member.getKey().equals("readback_candidates") ? JsonNodeFactory.instance.arrayNode() : member.getValue()));
        envelope(new ObjectNode(JsonNodeFactory.instance, members), findings);
        Candidates.check(candidates.size(), executor, findings, (i, into) -> candidate(i, candidates.get(i), into));
    }

    /** The plain path: the whole plan against the plan schema, then the secret scan of every string. */
    public void validateWhole(JsonNode root, Findings findings) {
        SchemaFindings.validate(schemas.plan(), root, Pointer.ROOT, findings);
        StringFindings.scan(root, Pointer.ROOT, findings);
    }

    /**
     * Candidate number {@code index} of the plan being built from {@code source}, an acceptance
     * candidate of a snapshot that passed validation and the secret scan.
     */
    public void builtCandidate(int index, JsonNode source, Findings findings) {
        if (!memberwise) {
            candidate(index, template.candidate(source), findings);
            return;
        }
        Pointer at = CANDIDATES.index(index);
        for (PlanTemplate.Member member : template.candidateMembers()) {
            if (member.isFixed() || member.isCopied() && checkedInSnapshot.contains(member.key())) {
                continue;
            }
            check(at, member.key(), template.value(member, source), findings);
        }
    }

    /** Candidate number {@code index} of a plan given as a tree. */
    public void candidate(int index, JsonNode node, Findings findings) {
        Pointer at = CANDIDATES.index(index);
        if (!memberwise || !hasExactlyTheDefinedKeys(node)) {
            SchemaFindings.validate(schemas.candidate(), node, at, findings);
            StringFindings.scan(node, at, findings);
            return;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            JsonNode fixed = fixedMembers.get(member.getKey());
            if (fixed == member.getValue()) {
                continue;
            }
            if (fixed != null && fixed.equals(member.getValue())) {
                // A value equal to the fixed one validates and scans exactly as the fixed one, which a
                // build-time test checks: clean (equal trees hold equal strings and numbers of equal
                // types). The plan is left as it is: validating never changes its input.
                continue;
            }
            check(at, member.getKey(), member.getValue(), findings);
        }
    }

    /** Adds the problems of one member. */
    private void check(Pointer candidateAt, String key, JsonNode value, Findings findings) {
        Pointer at = candidateAt.key(key);
        SchemaFindings.validate(schemas.candidateProperty(key), value, at, findings);
        StringFindings.scan(value, at, findings);
    }

    private boolean hasExactlyTheDefinedKeys(JsonNode node) {
        if (!node.isObject() || node.size() != definedKeys.size()) {
            return false;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            if (!definedKeys.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
