package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-time generator of the fast checks, run in a child JVM as the build runs it (its source,
 * compiled once here rather than by the single-file launcher on every run, which costs seconds each):
 * it refuses a keyword it does not know, so that a schema edit can never silently weaken a fast check,
 * and generates the same schema without it (the control).
 */
class ValidatorGeneratorTest {
    private static final Path GENERATOR = Path.of("src/build/java/dev/readbackplan/build/ValidatorGenerator.java");
    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://monitoring-readback-plan.example/schemas/test.schema.json",
              "type": "object",
              "properties": {
                "name": {"type": "string", "minLength": 1%s}
              }
            }
            """;

    @TempDir
    Path temp;

    @TempDir
    static Path compiled;

    @BeforeAll
    static void compileTheGenerator() throws IOException, InterruptedException {
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "-d", compiled.toString(),
                "-cp", System.getProperty("java.class.path"), GENERATOR.toString()).redirectErrorStream(true)
                .redirectOutput(compiled.resolve("javac.txt").toFile()).start();
        assertTrue(javac.waitFor(2, TimeUnit.MINUTES), "javac did not finish");
        assertEquals(0, javac.exitValue(), Files.readString(compiled.resolve("javac.txt")));
    }

    @Test
    void anUnknownKeywordFailsTheBuild() throws Exception {
        for (String keyword : List.of("\"format\": \"email\"", "\"minProperties\": 1", "\"oneOf\": [{\"type\": \"string\"}]",
                "\"additionalProperties\": true", "\"enum\": [1, 2]", "\"pattern\": \"[\"")) {
            Run run = generate(String.format(SCHEMA, ", " + keyword));
            assertEquals(1, run.exit(), keyword + ": " + run.err());
            assertTrue(run.err().contains("#/properties/name"), keyword + " is located: " + run.err());
            assertTrue(run.generated().isEmpty(), keyword + ": nothing is generated: " + run.generated());
        }
        Run unknown = generate(String.format(SCHEMA, ", \"minProperties\": 1"));
        assertTrue(unknown.err().contains("unknown keyword \"minProperties\""), unknown.err());
    }

    @Test
    void theSameSchemaWithoutItIsGenerated() throws Exception {
        Run run = generate(String.format(SCHEMA, ""));
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("GeneratedChecks.java", "TestCheck.java"), run.generated());
    }

    private record Run(int exit, String err, List<String> generated) {}

    private Run generate(String schema) throws IOException, InterruptedException {
        Path schemas = Files.createDirectories(temp.resolve("schemas"));
        Files.writeString(schemas.resolve("test.schema.json"), schema, StandardCharsets.UTF_8);
        Path out = temp.resolve("out");
        Path packageDirectory = out.resolve("test/fast");
        if (Files.exists(packageDirectory)) {
            try (var old = Files.list(packageDirectory)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", compiled + File.pathSeparator + System.getProperty("java.class.path"), "dev.readbackplan.build.ValidatorGenerator",
                schemas.toString(), out.toString(), "test.fast")
                .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(temp.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the generator did not finish");
        List<String> generated = List.of();
        if (Files.isDirectory(packageDirectory)) {
            try (var files = Files.list(packageDirectory)) {
                generated = files.map(p -> p.getFileName().toString()).sorted().toList();
            }
        }
        return new Run(process.exitValue(), Files.readString(temp.resolve("err.txt")), generated);
    }
}
