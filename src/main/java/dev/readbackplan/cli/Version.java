package dev.readbackplan.cli;

import dev.readbackplan.ReadbackPlanner;

/** The project version, filled in by the build: the library's {@link ReadbackPlanner#VERSION}. */
final class Version {
    /**
     * The {@code schema_version} of the plans this version writes, for {@code --version}: a copy of the
     * plan schema's constant, so that printing the version reads no schema (parsing the two schemas for
     * the catalog took most of {@code --version}'s time). VersionTest holds it equal to the schema's.
     */
    static final String PLAN_SCHEMA_VERSION = "monitoring_post_incident_readback_plan_v1";

    private Version() {}

    static String get() {
        return ReadbackPlanner.VERSION;
    }
}
