package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed content of every plan, as the plan schema defines it: the readback fields, the reviewer
 * checks and their instructions, the outcome lanes and their meanings, the blocked actions, the
 * execution boundaries, and the rest. Immutable; the lists keep catalog order.
 *
 * <p>Read from the packaged plan schema, the single source of truth, so these are exactly the values
 * the generator writes. The public view is {@code dev.readbackplan.Catalog}.
 */
public final class Catalog {
    /**
     * A reviewer check: its id and the instruction a reviewer follows.
     *
     * @param id the check's id
     * @param instruction what a reviewer does for it
     */
    public record Check(String id, String instruction) {}

    /**
     * An outcome lane: its id and what it means.
     *
     * @param id the lane's id
     * @param meaning what a candidate in this lane means
     */
    public record Lane(String id, String meaning) {}

    /** Pure data read from the packaged schemas, without compiling them: built once, on first use. */
    private static final class Holder {
        static final Catalog INSTANCE = new Catalog(
                SchemaSet.packagedTree(SchemaSet.PLAN_SCHEMA), SchemaSet.packagedTree(SchemaSet.SNAPSHOT_SCHEMA));
    }

    private final String planSchemaVersion;
    private final List<String> readbackFields;
    private final List<String> requiredReadbackFields;
    private final List<Check> reviewerChecks;
    private final List<Lane> outcomeLanes;
    private final List<String> blockedActions;
    private final Map<String, Boolean> executionBoundaries;
    private final List<String> sourcePaths;
    private final List<String> operatorInterpretation;
    private final List<String> alertRuleConfigKinds;
    private final List<String> deployOrReloadConfigKinds;

    private Catalog(JsonNode planSchema, JsonNode snapshotSchema) {
        PlanTemplate template = new PlanTemplate(planSchema, snapshotSchema);
        Map<String, JsonNode> plan = template.fixedEnvelopeMembers();
        planSchemaVersion = plan.get("schema_version").textValue();
        readbackFields = strings(template.fixedCandidateMembers().get("readback_fields"));
        requiredReadbackFields = strings(plan.get("required_readback_fields"));
        List<Check> checks = new ArrayList<>();
        plan.get("reviewer_checks").forEach(c -> checks.add(new Check(c.get("check_id").textValue(), c.get("instruction").textValue())));
        reviewerChecks = List.copyOf(checks);
        List<Lane> lanes = new ArrayList<>();
        plan.get("outcome_lanes").forEach(l -> lanes.add(new Lane(l.get("lane_id").textValue(), l.get("meaning").textValue())));
        outcomeLanes = List.copyOf(lanes);
        blockedActions = strings(plan.get("blocked_actions"));
        Map<String, Boolean> boundaries = new LinkedHashMap<>();
        plan.get("execution_boundaries").properties().forEach(b -> boundaries.put(b.getKey(), b.getValue().booleanValue()));
        executionBoundaries = Collections.unmodifiableMap(boundaries);
        sourcePaths = strings(plan.get("source_paths"));
        operatorInterpretation = strings(plan.get("operator_interpretation"));
        JsonNode defs = planSchema.get("$defs");
        alertRuleConfigKinds = strings(defs.get("alert_rule_config_kind").get("enum"));
        deployOrReloadConfigKinds = strings(defs.get("deploy_or_reload_config_kind").get("enum"));
    }

    /** {@return the catalogs of the packaged plan schema, read once} */
    public static Catalog get() {
        return Holder.INSTANCE;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>(array.size());
        array.forEach(v -> values.add(v.textValue()));
        return List.copyOf(values);
    }

    /** {@return the {@code schema_version} every plan carries: {@code monitoring_post_incident_readback_plan_v1}} */
    public String planSchemaVersion() {
        return planSchemaVersion;
    }

    /** {@return the fields of a readback candidate that reviewers read back} */
    public List<String> readbackFields() {
        return readbackFields;
    }

    /** {@return the fields and attestations a readback must supply before it can be accepted} */
    public List<String> requiredReadbackFields() {
        return requiredReadbackFields;
    }

    /** {@return the 28 reviewer checks, each with the instruction a reviewer follows, in catalog order} */
    public List<Check> reviewerChecks() {
        return reviewerChecks;
    }

    /** {@return the 11 outcome lanes, each with what it means, in catalog order} */
    public List<Lane> outcomeLanes() {
        return outcomeLanes;
    }

    /** {@return live actions a plan never authorizes} */
    public List<String> blockedActions() {
        return blockedActions;
    }

    /** {@return the execution boundaries: {@code not_authorization} is true, every other flag false} */
    public Map<String, Boolean> executionBoundaries() {
        return executionBoundaries;
    }

    /** {@return documents a plan is derived from, relative to the repository root} */
    public List<String> sourcePaths() {
        return sourcePaths;
    }

    /** {@return how an operator must read a plan} */
    public List<String> operatorInterpretation() {
        return operatorInterpretation;
    }

    /** {@return {@code config_kind} values counted as alert rules in the summary} */
    public List<String> alertRuleConfigKinds() {
        return alertRuleConfigKinds;
    }

    /** {@return {@code config_kind} values counted as deploy or reload scripts in the summary} */
    public List<String> deployOrReloadConfigKinds() {
        return deployOrReloadConfigKinds;
    }
}
