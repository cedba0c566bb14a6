package dev.readbackplan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, filled in by the build: {@link ReadbackPlanner#VERSION}. */
final class BuildVersion {
    private BuildVersion() {}

    /** {@return the version the build recorded, or {@code unknown} when the classes run without it} */
    static String read() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("cli/version.properties")) {
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
