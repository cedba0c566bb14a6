package dev.readbackplan.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What only a separate JVM shows: writing to its own standard output by name, and being stopped by a signal. */
class ProcessTest {
    @TempDir
    Path temp;

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Issue item 4: --output /dev/stdout failed with a confusing message; it is written into, as the reference does. */
    @Test
    @Timeout(120)
    void outputToDevStdoutWritesThePlanToStandardOutput() throws Exception {
        Path out = temp.resolve("stdout.txt");
        Process process = java("dev.readbackplan.cli.Main", "--root", "examples", "--generated-at", "2026-01-01T00:00:00+08:00",
                "--git-commit", "unknown", "--output", "/dev/stdout")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(100, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        assertArrayEquals(Files.readAllBytes(Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json")),
                Files.readAllBytes(out));
        assertTrue(Files.isRegularFile(out), "the file behind standard output is still the shell's");
    }

    /**
     * Issue 12 item 8: SIGTERM during a write left the temporary file behind; the application's shutdown
     * hook (the command line's, here the test program's, calling {@code Outputs.removeTemporaryFiles}) removes it.
     */
    @Test
    @Timeout(120)
    void aTerminatedWriteLeavesNoTemporaryFileWithTheApplicationsHook() throws Exception {
        assertEquals(1, terminatedWrite("hook"), "the temporary file is removed");
    }

    /** Issue 14 item 3: the library itself installs no shutdown hook (nor thread): without the application's, the file stays. */
    @Test
    @Timeout(120)
    void theLibraryInstallsNoShutdownHookOfItsOwn() throws Exception {
        assertEquals(2, terminatedWrite("no-hook"), "the library removed the temporary file: it installed a hook");
    }

    /** Starts a write in another JVM, stops it with SIGTERM mid-write, and counts the files left in the folder. */
    private long terminatedWrite(String hook) throws Exception {
        Path target = temp.resolve("plan.json");
        Files.writeString(target, "the old plan");
        Process process = java(SlowWriteMain.class.getName(), target.toString(), hook).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", lines.readLine());
            assertEquals(2, count(temp), "the temporary file is being written");
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals("the old plan", Files.readString(target));
        return count(temp);
    }

    private static long count(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
