package dev.readbackplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The project version, filled in by the build: the same value as the library's {@code
 * ReadbackPlanner.VERSION}, read here from the same resource so that {@code --version} loads neither the
 * planner nor Jackson's databind (VersionTest checks which classes it loads).
 */
final class Version {
    /**
     * The {@code schema_version} of the plans this version writes, for {@code --version}: a copy of the
     * plan schema's constant, so that printing the version reads no schema (parsing the two schemas for
     * the catalog took most of {@code --version}'s time). VersionTest holds it equal to the schema's.
     */
    static final String PLAN_SCHEMA_VERSION = "monitoring_post_incident_readback_plan_v1";

    private Version() {}

    static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
