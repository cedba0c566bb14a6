package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.model.ReadbackCandidate.OutcomeLaneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The outcome lanes that need nothing more from reviewers, as the review schema's {@code
 * $defs/ready_lane_id} lists them: the one declaration that the review's verdict ({@code
 * --require-ready}), SARIF, Markdown and the review rules (the lanes a reviewer may claim) read.
 */
public final class ReadyLanes {
    private static final String DEFINITION = "/$defs/ready_lane_id/enum";

    /** Read once, on first use, from the packaged review schema (parsed only, not compiled). */
    private static final class Holder {
        static final Set<OutcomeLaneId> LANES = read(SchemaSet.packagedTree(SchemaSet.REVIEW_SCHEMA));
        static final Set<String> IDS = ids(LANES);
    }

    private ReadyLanes() {}

    /** {@return the ready lanes, in the order of the outcome lane catalog; unmodifiable} */
    public static Set<OutcomeLaneId> lanes() {
        return Holder.LANES;
    }

    /** {@return the ids of the ready lanes, in the order of the outcome lane catalog; unmodifiable} */
    public static Set<String> ids() {
        return Holder.IDS;
    }

    /**
     * The ready lanes a review schema declares.
     *
     * @param reviewSchema the review schema's tree
     * @return the lanes, as the plan schema's lane enumeration names them
     * @throws IllegalStateException when the schema declares none, or a value that is not an outcome lane
     */
    static Set<OutcomeLaneId> read(JsonNode reviewSchema) {
        JsonNode values = reviewSchema.at(DEFINITION);
        if (!values.isArray() || values.isEmpty()) {
            throw new IllegalStateException("the review schema declares no ready lanes at " + DEFINITION);
        }
        Set<OutcomeLaneId> lanes = EnumSet.noneOf(OutcomeLaneId.class);
        for (JsonNode value : values) {
            try {
                lanes.add(OutcomeLaneId.fromValue(value.textValue()));
            } catch (IllegalArgumentException notALane) {
                throw new IllegalStateException("the review schema's ready lane " + value + " is not an outcome lane of the plan schema",
                        notALane);
            }
        }
        return Collections.unmodifiableSet(lanes);
    }

    private static Set<String> ids(Set<OutcomeLaneId> lanes) {
        Set<String> ids = new LinkedHashSet<>();
        lanes.forEach(lane -> ids.add(lane.value()));
        return Collections.unmodifiableSet(ids);
    }
}
