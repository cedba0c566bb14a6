package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Main ends a clean run by returning, not by System.exit: the JVM then exits only once every thread
 * that is not a daemon has ended. So no command may leave such a thread behind, or the command line
 * would hang after its work. Each command runs here as Main runs it, and the threads alive after it
 * are compared with those alive before.
 */
class NoLingeringThreadTest {
    private static final String EXAMPLE = "examples/docs/security/";

    @TempDir
    Path work;

    @Test
    void noCommandLeavesAThreadThatKeepsTheJvmAlive() throws IOException, InterruptedException {
        Files.copy(Path.of(EXAMPLE, Train.SNAPSHOT), work.resolve(Train.SNAPSHOT));
        String plan = work.resolve("plan.json").toString();
        List<List<String>> commands = List.of(
                // Generation asks git for the commit: a process and its reaper.
                List.of("--root", work.toString(), "--source-report", Train.SNAPSHOT, "--generated-at", "2026-01-01T00:00:00+08:00",
                        "--output", plan),
                List.of("--root", work.toString(), "--source-report", Train.SNAPSHOT, "--generated-at", "2026-01-01T00:00:00+08:00",
                        "--git-commit", "unknown", "--output", plan, "--check"),
                List.of("validate", plan, work.resolve(Train.SNAPSHOT).toString()),
                List.of("review", "--root", work.toString(), "--source-report", Train.SNAPSHOT, "--reviewed-at", "2026-01-01T00:00:00+08:00",
                        EXAMPLE + Train.FILLED_PLAN),
                List.of("review", "--root", work.toString(), "--source-report", Train.SNAPSHOT, "--reviewed-at", "2026-01-01T00:00:00+08:00",
                        "--format", "sarif", EXAMPLE + Train.FILLED_PLAN),
                List.of("--version"), List.of("--help"));
        for (List<String> command : commands) {
            Set<Thread> before = nonDaemon();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new Cli().run(command.toArray(String[]::new), out, err);
            assertTrue(status == Cli.OK || command.contains("--check"), command + ": " + status + " " + err);
            Set<Thread> after = nonDaemon();
            after.removeAll(before);
            // A thread that is ending may still be alive for a moment: give it the time to end.
            for (Thread thread : after) {
                thread.join(10_000);
            }
            assertEquals(Set.of(), after.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet()),
                    command + " left threads that keep the JVM alive");
        }
    }

    private static Set<Thread> nonDaemon() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }
}
