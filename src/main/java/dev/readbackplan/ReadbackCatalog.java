package dev.readbackplan;

import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.ReadyLanes;
import dev.readbackplan.model.ReadbackCandidate.OutcomeLaneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * An outcome lane: its id and what it means. Lane ids are the model's {@link OutcomeLaneId}, generated
     * from the plan schema's enumeration, wherever the API takes or returns a lane.
     *
     * @param id the lane
     * @param meaning what a candidate in this lane means
     */
    public record Lane(OutcomeLaneId id, String meaning) {
        /** {@return whether the lane needs nothing more from reviewers: one of {@link ReadbackCatalog#readyLanes()}} */
        public boolean isReady() {
            return ReadyLanes.lanes().contains(id);
        }
    }

    private static final class Holder {
        static final ReadbackCatalog INSTANCE = new ReadbackCatalog(Catalog.get());
    }

    private final Catalog catalog;
    private final List<Check> reviewerChecks;
    private final List<Lane> outcomeLanes;
    private final Map<OutcomeLaneId, Lane> lanesById = new EnumMap<>(OutcomeLaneId.class);

    private ReadbackCatalog(Catalog catalog) {
        this.catalog = catalog;
        this.reviewerChecks = catalog.reviewerChecks().stream().map(c -> new Check(c.id(), c.instruction())).toList();
        this.outcomeLanes = catalog.outcomeLanes().stream().map(l -> new Lane(OutcomeLaneId.fromValue(l.id()), l.meaning())).toList();
        outcomeLanes.forEach(lane -> lanesById.put(lane.id(), lane));
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

    /**
     * The catalog's entry for a lane.
     *
     * @param id the lane
     * @return its entry, with what it means
     */
    public Lane lane(OutcomeLaneId id) {
        Lane lane = lanesById.get(id);
        if (lane == null) {
            // The enumeration and the catalog are generated from the same schema; CatalogTest holds them equal.
            throw new IllegalStateException("the catalog has no lane " + id);
        }
        return lane;
    }

    /**
     * The lanes that need nothing more from reviewers, as the review schema declares them ({@code
     * $defs/ready_lane_id}): a review whose candidates are all in them is ready ({@link PlanReview.Reviewed#allReady()}),
     * and they are the lanes a reviewer may claim in {@code reviewer_outcome}.
     *
     * @return the ready lanes, in catalog order; unmodifiable
     */
    public Set<OutcomeLaneId> readyLanes() {
        return ReadyLanes.lanes();
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
