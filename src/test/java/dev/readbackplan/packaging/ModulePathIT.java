package dev.readbackplan.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer module with only {@code requires dev.readbackplan;} compiles and runs the embedding
 * example against the library jar on the module path; the module exports the API and the model and
 * nothing internal.
 */
class ModulePathIT {
    /**
     * The library's runtime dependencies, by jar name: what a consumer's module path holds besides the
     * library. Not RE2/J: the library jar bundles it, relocated.
     */
    private static final Pattern RUNTIME = Pattern.compile(
            "(jackson-(core|databind|annotations)|json-schema-validator|itu|slf4j-api)-[0-9].*\\.jar");

    @TempDir
    Path temp;

    private static String modulePath() {
        List<String> path = new ArrayList<>();
        path.add(Artifacts.file(".jar").toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (RUNTIME.matcher(Path.of(entry).getFileName().toString()).matches()) {
                path.add(entry);
            }
        }
        return String.join(File.pathSeparator, path);
    }

    private static Process.Result run(Path directory, String... command) throws IOException, InterruptedException {
        return Process.run(directory, command);
    }

    /** A tiny process runner: the command's exit status and everything it printed. */
    private static final class Process {
        record Result(int status, String output) {}

        static Result run(Path directory, String... command) throws IOException, InterruptedException {
            java.lang.Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
            return new Result(process.exitValue(), output);
        }
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    @Test
    void aConsumerModuleRunsTheEmbeddingExample() throws Exception {
        Path source = Files.createDirectories(temp.resolve("src/example"));
        Files.copy(Path.of("examples/java/example/EmbeddingExample.java"), source.resolve("EmbeddingExample.java"));
        Files.writeString(temp.resolve("src/module-info.java"), "module example {\n    requires dev.readbackplan;\n}\n");
        String modules = modulePath();
        Process.Result compiled = run(temp, tool("javac"), "--module-path", modules, "-d", "out",
                "src/module-info.java", "src/example/EmbeddingExample.java");
        assertEquals(0, compiled.status(), compiled.output());

        Path snapshot = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json").toAbsolutePath();
        Process.Result ran = run(temp, tool("java"), "--module-path", "out" + File.pathSeparator + modules,
                "-m", "example/example.EmbeddingExample", snapshot.toString(), temp.resolve("plan.json").toString());
        assertEquals(0, ran.status(), ran.output());
        assertTrue(ran.output().contains("10 readback candidates"), ran.output());
        assertTrue(Files.size(temp.resolve("plan.json")) > 100_000);
    }

    @Test
    void onlyTheApiItsValuesSafeTextAndTheModelAreExported() throws Exception {
        Process.Result described = run(temp, tool("jar"), "--describe-module", "--file", Artifacts.file(".jar").toString());
        assertEquals(0, described.status(), described.output());
        List<String> exports = described.output().lines().filter(l -> l.startsWith("exports ")).toList();
        assertEquals(List.of("exports dev.readbackplan", "exports dev.readbackplan.document", "exports dev.readbackplan.model",
                "exports dev.readbackplan.text"), exports, described.output());
        assertFalse(described.output().contains("exports dev.readbackplan.internal"), described.output());
    }

    @Test
    void theSameExampleRunsOnTheClassPath() throws Exception {
        Path source = Files.createDirectories(temp.resolve("src/example"));
        Files.copy(Path.of("examples/java/example/EmbeddingExample.java"), source.resolve("EmbeddingExample.java"));
        String classes = modulePath();
        assertEquals(0, run(temp, tool("javac"), "-cp", classes, "-d", "out", "src/example/EmbeddingExample.java").status());
        Path snapshot = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json").toAbsolutePath();
        Process.Result ran = run(temp, tool("java"), "-cp", "out" + File.pathSeparator + classes, "example.EmbeddingExample",
                snapshot.toString(), temp.resolve("plan.json").toString());
        assertEquals(0, ran.status(), ran.output());
        assertTrue(ran.output().contains("10 readback candidates"), ran.output());
    }
}
