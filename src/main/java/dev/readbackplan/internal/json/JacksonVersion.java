package dev.readbackplan.internal.json;

import com.fasterxml.jackson.core.Version;

/**
 * The Jackson 2 the library needs, checked when a planner is created. Before 2.23.0 jackson-core
 * lets an overlong UTF-8 form (C0 AF) through and reports a code point above U+10FFFF as a
 * surrogate, so a consumer pinning 2.17 or 2.19 would silently get weaker checks; 2.15 lacks
 * {@code StreamReadConstraints.Builder.maxNameLength} and would fail with a bare NoSuchMethodError.
 * The oldest version the whole test suite passes with is the pom's {@code jackson-floor} profile.
 */
public final class JacksonVersion {
    /** The oldest jackson-core and jackson-databind the library works with. */
    public static final Version NEEDED = new Version(2, 23, 0, null, "com.fasterxml.jackson.core", null);

    private JacksonVersion() {}

    /**
     * Fails unless the jackson-core and jackson-databind on the class path are 2.23.0 or a later 2.x.
     *
     * @throws IllegalStateException naming the artifact, the version needed and the version found
     */
    public static void require() {
        require("jackson-core", com.fasterxml.jackson.core.json.PackageVersion.VERSION);
        require("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
    }

    static void require(String artifact, Version found) {
        if (!isSupported(found)) {
            throw new IllegalStateException(message(artifact, found));
        }
    }

    /** Whether a Jackson version is 2.23.0 or a later 2.x (snapshots of those included). */
    static boolean isSupported(Version found) {
        return found != null && !found.isUnknownVersion() && found.getMajorVersion() == NEEDED.getMajorVersion()
                && (found.getMinorVersion() > NEEDED.getMinorVersion()
                        || found.getMinorVersion() == NEEDED.getMinorVersion() && found.getPatchLevel() >= NEEDED.getPatchLevel());
    }

    static String message(String artifact, Version found) {
        String version = found == null || found.isUnknownVersion() ? "an unknown version" : found.toString();
        return "monitoring-readback-plan needs com.fasterxml.jackson.core:" + artifact + " " + NEEDED.toString()
                + " or a later 2.x, but found " + version + " on the class path; older versions let invalid UTF-8"
                + " through. Depend on " + artifact + " " + NEEDED.toString() + " or later.";
    }
}
