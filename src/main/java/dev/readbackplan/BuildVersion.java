package dev.readbackplan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this library, as the build recorded it: the one place it is read. Loading this class
 * reads one small resource and loads nothing else of the library, no schema and no Jackson, so code
 * that only needs the version (the command line's {@code --version}) stays fast;
 * {@link ReadbackPlanner#VERSION} is the same value.
 */
public final class BuildVersion {
    /**
     * The version (such as {@code 0.1.0}): what reports record as the tool's version. {@code unknown}
     * when the classes run without the build's resources.
     */
    public static final String VERSION = read();

    private BuildVersion() {}

    private static String read() {
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
