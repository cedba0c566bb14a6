package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.testing.LoadedClasses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: generating the plan of a valid snapshot needs no networknt (the generated fast checks
 * accept it), so the command line, run as it is run (a child JVM, {@code -Xlog:class+load}), loads
 * no {@code com.networknt} class. The control: a snapshot that is not valid loads networknt, which
 * explains it, so the log is read right and the lazy compilation really happens.
 */
class LazyNetworkntTest {
    private static final String MAIN = "dev.readbackplan.cli.Main";

    @TempDir
    Path temp;

    @Test
    void generatingFromAValidSnapshotLoadsNoNetworkntClass() throws Exception {
        Path snapshot = oneCandidateSnapshot(false);
        List<String> loaded = loadedClasses(0, "--root", temp.toString(), "--source-report", snapshot.getFileName().toString(),
                "--generated-at", "2026-01-01T00:00:00+08:00", "--git-commit", "unknown");
        assertTrue(loaded.contains(PlanValidator.class.getName()), "the plan was validated: " + loaded.size() + " classes");
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("com.networknt.")).toList());
        // Issue 16: Comparator's combinators define their lambdas in java.util.Comparator, which the
        // launcher's class-data caches do not keep; the first one spun at run time bootstraps the
        // class-file API on the main thread. The generation path orders with lambdas of its own.
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("java.util.Comparator$$Lambda")).toList());
    }

    @Test
    void anInvalidSnapshotIsExplainedByNetworknt() throws Exception {
        Path snapshot = oneCandidateSnapshot(true);
        List<String> loaded = loadedClasses(-1, "--root", temp.toString(), "--source-report", snapshot.getFileName().toString(),
                "--generated-at", "2026-01-01T00:00:00+08:00", "--git-commit", "unknown");
        assertTrue(loaded.contains("com.networknt.schema.Schema"), "networknt explains the rejection: " + loaded.size() + " classes");
    }

    /** The golden example's snapshot cut to its first candidate, optionally with that candidate's label a number. */
    private Path oneCandidateSnapshot(boolean broken) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/golden/example/snapshot.json"));
        ObjectNode root = (ObjectNode) new StrictJsonReader(Limits.DEFAULT).read(bytes, bytes.length).root();
        ArrayNode candidates = (ArrayNode) root.get("acceptance_candidates");
        while (candidates.size() > 1) {
            candidates.remove(candidates.size() - 1);
        }
        if (broken) {
            ((ObjectNode) candidates.get(0)).put("label", 5);
        }
        root.remove("summary");
        Path file = temp.resolve("snapshot.json");
        Files.writeString(file, root.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** The classes a child JVM running the command line with these arguments loads; {@code exit} is the expected status, -1 any failure. */
    private List<String> loadedClasses(int exit, String... args) throws IOException, InterruptedException {
        Path log = temp.resolve("classes.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), MAIN));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the child JVM did not finish");
        String err = Files.readString(temp.resolve("err.txt"));
        if (exit >= 0) {
            assertEquals(exit, process.exitValue(), err);
            assertTrue(Files.readString(temp.resolve("out.txt")).contains("\"readback_candidates\""), "a plan was written");
        } else {
            assertTrue(process.exitValue() != 0, "an invalid snapshot fails: " + err);
            assertTrue(err.contains("label"), "the finding names the member: " + err);
        }
        return LoadedClasses.fromLog(log);
    }
}
