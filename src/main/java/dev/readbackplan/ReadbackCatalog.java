package dev.readbackplan;

import dev.readbackplan.internal.schema.Catalog;
import java.util.List;
import java.util.Map;

/**
 * The fixed content of every plan, as the plan schema defines it: the readback fields, the reviewer
 * checks and their instructions, the outcome lanes and their meanings, the blocked actions, the
 * execution boundaries, and the rest. Immutable; the lists keep catalog order.
 *
 * <p>Read from the packaged plan schema, the single source of truth, so these are exactly the values
 * the generator writes. Get it with {@link ReadbackPlanner#catalog()}.
 */
public final class ReadbackCatalog {
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

    private static final class Holder {
        static final ReadbackCatalog INSTANCE = new ReadbackCatalog(Catalog.get());
    }

    private final Catalog catalog;
    private final List<Check> reviewerChecks;
    private final List<Lane> outcomeLanes;

    private ReadbackCatalog(Catalog catalog) {
        this.catalog = catalog;
        this.reviewerChecks = catalog.reviewerChecks().stream().map(c -> new Check(c.id(), c.instruction())).toList();
        this.outcomeLanes = catalog.outcomeLanes().stream().map(l -> new Lane(l.id(), l.meaning())).toList();
    }

    static ReadbackCatalog get() {
        return Holder.INSTANCE;
    }

    /** {@return the {@code schema_version} every plan carries: {@code monitoring_post_incident_readback_plan_v1}} */
    public String planSchemaVersion() {
        return catalog.planSchemaVersion();
    }

    /** {@return the fields of a readback candidate that reviewers read back} */
    public List<String> readbackFields() {
        return catalog.readbackFields();
    }

    /** {@return the fields and attestations a readback must supply before it can be accepted} */
    public List<String> requiredReadbackFields() {
        return catalog.requiredReadbackFields();
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
        return catalog.blockedActions();
    }

    /** {@return the execution boundaries: {@code not_authorization} is true, every other flag false} */
    public Map<String, Boolean> executionBoundaries() {
        return catalog.executionBoundaries();
    }

    /** {@return documents a plan is derived from, relative to the repository root} */
    public List<String> sourcePaths() {
        return catalog.sourcePaths();
    }

    /** {@return how an operator must read a plan} */
    public List<String> operatorInterpretation() {
        return catalog.operatorInterpretation();
    }

    /** {@return {@code config_kind} values counted as alert rules in the summary} */
    public List<String> alertRuleConfigKinds() {
        return catalog.alertRuleConfigKinds();
    }

    /** {@return {@code config_kind} values counted as deploy or reload scripts in the summary} */
    public List<String> deployOrReloadConfigKinds() {
        return catalog.deployOrReloadConfigKinds();
    }
}
