package dev.readbackplan.cli;

/** What {@code --version} prints beside the library's {@link dev.readbackplan.BuildVersion#VERSION}. */
final class Version {
    /**
     * The {@code schema_version} of the plans this version writes, for {@code --version}: a copy of the
     * plan schema's constant, so that printing the version reads no schema (parsing the two schemas for
     * the catalog took most of {@code --version}'s time). VersionTest holds it equal to the schema's.
     */
    static final String PLAN_SCHEMA_VERSION = "monitoring_post_incident_readback_plan_v1";

    private Version() {}
}
