package dev.readbackplan;

/**
 * The version of this library, as the build recorded it: the one place it is kept. The build writes
 * this class from a template (src/main/java-templates, Maven's resource filtering), so the version
 * is in the class itself: reading it opens no resource (a first resource read from the jar cost a
 * one-off run about 11 ms: the jar opened again, a URL connection, a method handle spun at run time)
 * and loads nothing else of the library, no schema and no Jackson. {@link ReadbackPlanner#VERSION} is
 * the same value.
 */
public final class BuildVersion {
    /**
     * The version (such as {@code 0.1.0}): what reports record as the tool's version. Not a constant
     * expression, so that code compiled against one version of this library and run with another
     * reads the version it runs with, not a copy the compiler inlined.
     */
    public static final String VERSION = recorded();

    private BuildVersion() {}

    private static String recorded() {
        return "${project.version}";
    }
}
