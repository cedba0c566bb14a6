package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 7: {@code ... | head -1}. Standard output closed by its reader stops every command
 * quietly with status 141 (what a shell shows for a tool stopped by SIGPIPE), in every format; any
 * other output error is still reported. (ClosedOutputIT does the same with the jar and a real pipe.)
 */
class ClosedOutputTest {
    @TempDir
    Path temp;

    /** Standard output whose reader went away after {@code allowed} bytes, failing as the JDK reports EPIPE. */
    private static final class ClosedAfter extends OutputStream {
        private final String message;
        private long allowed;

        ClosedAfter(long allowed, String message) {
            this.allowed = allowed;
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > allowed) {
                allowed = 0;
                throw new IOException(message);
            }
            allowed -= len;
        }
    }

    private static CliTest.Run run(OutputStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli().run(args, out, err);
        return new CliTest.Run(status, new byte[0], err.toString(StandardCharsets.UTF_8));
    }

    /** Every command and format that writes to standard output. */
    private List<String[]> commands() throws IOException {
        Path plan = temp.resolve("plan.json");
        CliTest.Run generated = CliTest.run("--root", "examples", "--generated-at", CliTest.GENERATED_AT, "--git-commit", "unknown",
                "--output", plan.toString());
        assertEquals(0, generated.status(), generated.err());
        // A document with problems, so that every format of validate has something to write.
        Path invalid = temp.resolve("invalid.json");
        java.nio.file.Files.writeString(invalid, "{\"schema_version\": \"monitoring_post_incident_readback_plan_v1\"}");
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--root", "examples", "--generated-at", CliTest.GENERATED_AT, "--git-commit", "unknown"});
        for (String format : List.of("text", "json", "sarif")) {
            commands.add(new String[] {"validate", "--format", format, plan.toString(), invalid.toString()});
        }
        for (String format : List.of("text", "json", "markdown", "sarif")) {
            commands.add(new String[] {"review", "--root", "examples", "--format", format, plan.toString()});
        }
        commands.add(new String[] {"--help"});
        commands.add(new String[] {"validate", "--help"});
        commands.add(new String[] {"review", "--help"});
        commands.add(new String[] {"--version"});
        commands.add(new String[] {"--man"});
        commands.add(new String[] {"--completion", "bash"});
        commands.add(new String[] {"--completion", "zsh"});
        return commands;
    }

    @Test
    void aClosedPipeStopsEveryCommandQuietlyWith141() throws IOException {
        for (String[] args : commands()) {
            for (long allowed : new long[] {0, 10}) {
                CliTest.Run run = run(new ClosedAfter(allowed, "Broken pipe"), args);
                String shown = String.join(" ", args) + " (" + allowed + " bytes read) -> " + run.err();
                assertEquals(141, run.status(), shown);
                assertEquals("", run.err(), shown);
            }
        }
    }

    @Test
    void anotherOutputErrorIsStillReported() throws IOException {
        for (String[] args : commands()) {
            CliTest.Run run = run(new ClosedAfter(10, "No space left on device"), args);
            String shown = String.join(" ", args) + " -> " + run.err();
            assertEquals(2, run.status(), shown);
            assertTrue(run.err().contains("monitoring-readback-plan: error: No space left on device"), shown);
        }
    }
}
