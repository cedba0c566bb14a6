package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.BuildVersion;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.testing.LoadedClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code --version} and {@code --help} need no schema. Run as the command line runs (a
 * child JVM, {@code -verbose:class}), neither loads the schema set, the catalog read from the
 * schemas, the schema validator or jackson-databind; before, {@code --version} parsed both schemas to
 * print the plan's {@code schema_version}. The version it prints is still the plan schema's.
 */
class VersionTest {
    /** Classes whose loading means a schema is read or compiled. */
    private static final List<String> SCHEMA_WORK = List.of("dev.readbackplan.internal.schema.", "dev.readbackplan.ReadbackCatalog",
            "dev.readbackplan.ReadbackPlanner",
            "dev.readbackplan.internal.plan.PlanTemplate", "com.networknt.", "com.fasterxml.jackson.databind.");

    @TempDir
    Path temp;

    @Test
    void theCommandLineAndTheLibraryRecordTheSameVersion() {
        assertEquals(dev.readbackplan.ReadbackPlanner.VERSION, BuildVersion.VERSION);
        assertTrue(BuildVersion.VERSION.matches("\\d+\\.\\d+\\.\\d+.*"), BuildVersion.VERSION);
    }

    @Test
    void printedSchemaVersionIsThePlanSchemas() {
        assertEquals(ReadbackPlanner.catalog().planSchemaVersion(), Version.PLAN_SCHEMA_VERSION);
    }

    @Test
    void versionLoadsNoSchema() throws Exception {
        List<String> loaded = loadedClasses("--version");
        assertTrue(loaded.contains(Cli.class.getName()), "the log lists the CLI's classes: " + loaded.size());
        assertEquals(List.of(), schemaWork(loaded));
    }

    @Test
    void helpLoadsNoSchema() throws Exception {
        List<String> loaded = loadedClasses("--help");
        assertTrue(loaded.contains(Cli.class.getName()), "the log lists the CLI's classes: " + loaded.size());
        assertEquals(List.of(), schemaWork(loaded));
        assertEquals(List.of(), schemaWork(loadedClasses("validate", "--help")));
        assertEquals(List.of(), schemaWork(loadedClasses("review", "--help")));
    }

    private static List<String> schemaWork(List<String> loaded) {
        return loaded.stream().filter(c -> SCHEMA_WORK.stream().anyMatch(c::startsWith)).toList();
    }

    /** The classes a child JVM running {@link Main} with these arguments loads, from {@code -verbose:class}. */
    private List<String> loadedClasses(String... args) throws IOException, InterruptedException {
        Path log = temp.resolve("classes.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the child JVM did not finish");
        assertEquals(0, process.exitValue(), Files.readString(temp.resolve("err.txt")));
        String out = Files.readString(temp.resolve("out.txt"));
        assertTrue(out.startsWith(args[0].equals("--version") ? "monitoring-readback-plan " : "usage: "), out);
        return LoadedClasses.fromLog(log);
    }
}
