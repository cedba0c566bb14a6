package dev.readbackplan.internal.schema;

/**
 * The member names the code walks by, named once: properties of the snapshot and plan schemas
 * ({@code PlanFieldsTest} checks each against them). Other members are read from the schemas and the
 * plan template, not spelled in code.
 */
public final class PlanFields {
    /** The plan's list of candidates. */
    public static final String READBACK_CANDIDATES = "readback_candidates";
    /** A plan candidate's id: the fixed prefix followed by its {@link #SURFACE_ID}. */
    public static final String POST_INCIDENT_READBACK_CANDIDATE_ID = "post_incident_readback_candidate_id";
    /** The snapshot's list of candidates. */
    public static final String ACCEPTANCE_CANDIDATES = "acceptance_candidates";
    /** The surface of a snapshot or plan candidate. */
    public static final String SURFACE_ID = "surface_id";

    private PlanFields() {}
}
