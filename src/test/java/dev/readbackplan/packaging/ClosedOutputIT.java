package dev.readbackplan.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 7, with the CLI jar and a real pipe: standard output closed by its reader before the
 * program writes, or after the first line as {@code ... | head -1} does, stops every command and
 * format quietly, with status 141 (128 + SIGPIPE, as a shell shows for cat or git), never "error:
 * Broken pipe" and exit 2. The plan has 300 candidates, so that the outputs are long (the plan alone is megabytes).
 */
class ClosedOutputIT {
    private static final int CANDIDATES = 300;
    private static final String GENERATED_AT = "2026-01-01T00:00:00+08:00";

    @TempDir
    static Path temp;
    private static Path plan;
    private static Path invalid;

    @BeforeAll
    static void aLargePlan() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode snapshot = dev.readbackplan.testing.ExampleSnapshots.repeated(CANDIDATES);
        // Without summary counts to disagree with: the runs below write no warning to standard error.
        snapshot.remove("summary");
        Files.createDirectories(temp.resolve("docs/security"));
        mapper.writerWithDefaultPrettyPrinter().writeValue(
                temp.resolve("docs/security/monitoring-owner-response-acceptance.snapshot.json").toFile(), snapshot);
        plan = temp.resolve("plan.json");
        Result generated = run(Mode.READ_ALL, "--root", temp.toString(), "--generated-at", GENERATED_AT, "--git-commit", "unknown",
                "--output", plan.toString());
        assertEquals(0, generated.status(), generated.err());
        invalid = temp.resolve("invalid.json");
        Files.writeString(invalid, "{\"schema_version\": \"monitoring_post_incident_readback_plan_v1\"}");
    }

    /** Every command and format that writes to standard output. */
    private static List<String[]> commands() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--root", temp.toString(), "--generated-at", GENERATED_AT, "--git-commit", "unknown"});
        for (String format : List.of("text", "json", "sarif")) {
            commands.add(new String[] {"validate", "--format", format, plan.toString(), invalid.toString()});
        }
        for (String format : List.of("text", "json", "markdown", "sarif")) {
            commands.add(new String[] {"review", "--root", temp.toString(), "--format", format, plan.toString()});
        }
        commands.add(new String[] {"--help"});
        commands.add(new String[] {"review", "--help"});
        commands.add(new String[] {"--version"});
        commands.add(new String[] {"--man"});
        commands.add(new String[] {"--completion", "bash"});
        return commands;
    }

    @Test
    void closedBeforeTheFirstWriteEveryCommandStopsQuietlyWith141() throws Exception {
        for (String[] args : commands()) {
            Result result = run(Mode.CLOSED, args);
            String shown = String.join(" ", args) + " -> " + result.err();
            assertEquals(141, result.status(), shown);
            assertEquals("", result.err(), shown);
        }
    }

    @Test
    void headMinusOneStopsQuietly() throws Exception {
        for (String[] args : commands()) {
            Result result = run(Mode.FIRST_LINE, args);
            String shown = String.join(" ", args) + " -> " + result.err();
            // A short output may be written whole before the reader goes: then the run ends as usual.
            assertTrue(List.of(0, 1, 141).contains(result.status()), shown);
            assertFalse(result.err().contains("Broken pipe") || result.err().contains("error"), shown);
            assertFalse(result.firstLine().isEmpty(), shown);
        }
        // The plan of 300 candidates (megabytes) cannot be: it stops at the closed pipe.
        Result result = run(Mode.FIRST_LINE, commands().get(0));
        assertEquals(141, result.status(), result.err());
        assertEquals("{", result.firstLine());
        assertEquals("", result.err());
    }

    private enum Mode { READ_ALL, CLOSED, FIRST_LINE }

    private record Result(int status, String firstLine, String err) {}

    private static Result run(Mode mode, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Artifacts.file("-cli.jar").toString()));
        command.addAll(List.of(args));
        Path err = temp.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        String firstLine = "";
        if (mode == Mode.CLOSED) {
            process.getInputStream().close();
        } else if (mode == Mode.FIRST_LINE) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            firstLine = line == null ? "" : line;
            reader.close();
        } else {
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Result(process.exitValue(), firstLine, Files.readString(err));
    }
}
