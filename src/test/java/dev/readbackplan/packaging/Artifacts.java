package dev.readbackplan.packaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The artifacts of this build, as maven-failsafe passes them in (see the pom). */
final class Artifacts {
    private Artifacts() {}

    /** {@code target/<finalName><suffix>}, which must exist: these checks run after {@code package}. */
    static Path file(String suffix) {
        String directory = System.getProperty("artifacts.directory");
        String name = System.getProperty("artifacts.name");
        assertTrue(directory != null && name != null,
                "artifacts.directory and artifacts.name are not set: run these checks with mvn verify");
        Path file = Path.of(directory, name + suffix);
        assertTrue(Files.isRegularFile(file), "missing artifact: " + file.getFileName());
        return file;
    }
}
