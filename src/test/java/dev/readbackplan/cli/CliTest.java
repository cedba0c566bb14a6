package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final Path EXAMPLE_ROOT = Path.of("examples");
    static final Path EXAMPLE_PLAN = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json");
    static final String GENERATED_AT = "2026-01-01T00:00:00+08:00";

    @TempDir
    Path temp;

    record Run(int status, byte[] outBytes, String err) {
        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli().run(args, out, err);
        return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void defaultsFindTheSnapshotUnderTheRoot() throws IOException {
        Run run = run("--root", "examples", "--generated-at", GENERATED_AT, "--git-commit", "unknown");
        assertEquals(0, run.status(), run.err());
        assertArrayEquals(Files.readAllBytes(EXAMPLE_PLAN), run.outBytes());
        assertEquals("MONITORING_POST_INCIDENT_READBACK_PLAN_OK candidates=10 write_capable=5 checks=28 lanes=11"
                + " accepted=0 runtime_gate=0\n", run.err());
    }

    @Test
    void acceptsEqualsFormsAndUnambiguousPrefixesLikeArgparse() throws IOException {
        Run run = run("--root=examples", "--gen", GENERATED_AT, "--git-c=unknown");
        assertEquals(0, run.status(), run.err());
        assertArrayEquals(Files.readAllBytes(EXAMPLE_PLAN), run.outBytes());
    }

    @Test
    void outputCreatesParentFoldersAndWritesNothingToStandardOutput() throws IOException {
        Path output = temp.resolve("a/b/c/plan.json");
        Run run = run("--root", "examples", "--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", output.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.out());
        assertArrayEquals(Files.readAllBytes(EXAMPLE_PLAN), Files.readAllBytes(output));
        try (Stream<Path> files = Files.list(output.getParent())) {
            assertEquals(List.of(output), files.toList(), "no temporary file may be left behind");
        }
    }

    /** The example's plan as an earlier run wrote it: a plan without reviewers' entries, which regeneration replaces. */
    static String olderPlan() throws IOException {
        return Files.readString(EXAMPLE_PLAN).replace(GENERATED_AT, "2025-06-01T00:00:00+08:00");
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws IOException {
        Path output = temp.resolve("plan.json");
        Files.writeString(output, olderPlan());
        Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rw-r-----"));
        Run run = run("--root", "examples", "--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", output.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(output)));
    }

    @Test
    void writingThroughASymbolicLinkWritesItsTarget() throws IOException {
        Path target = temp.resolve("real-plan.json");
        Files.writeString(target, olderPlan());
        Path link = Files.createSymbolicLink(temp.resolve("plan.json"), target.getFileName());
        Run run = run("--root", "examples", "--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", link.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(Files.readAllBytes(EXAMPLE_PLAN), Files.readAllBytes(target));
    }

    @Test
    void anInvalidSnapshotExitsOneNamesTheFileAndEveryProblemAndWritesNothing() throws IOException {
        Path root = temp.resolve("repo");
        Path snapshot = root.resolve("docs/security/monitoring-owner-response-acceptance.snapshot.json");
        Files.createDirectories(snapshot.getParent());
        Files.writeString(snapshot, "{\n  \"acceptance_candidates\": [\n    {\"surface_id\": \"\", \"source_line_count\": -1}\n  ],\n"
                + "  \"summary\": {\"runtime_gate_count\": \"0\"}\n}\n");
        Path output = temp.resolve("out/plan.json");
        Run run = run("--root", root.toString(), "--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", output.toString());
        assertEquals(1, run.status());
        assertEquals("", run.out());
        assertFalse(Files.exists(output.getParent()), "nothing may be created for an invalid snapshot");
        String shown = root.resolve("docs/security/monitoring-owner-response-acceptance.snapshot.json").toString();
        assertTrue(run.err().contains(shown + ":3:5: error: /acceptance_candidates/0: required property 'acceptance_candidate_id' not found"), run.err());
        assertTrue(run.err().contains(shown + ":3:20: error: /acceptance_candidates/0/surface_id: must be at least 1 characters long"), run.err());
        assertTrue(run.err().contains(shown + ":3:45: error: /acceptance_candidates/0/source_line_count: must have a minimum value of 0"), run.err());
        assertTrue(run.err().contains(shown + ":5:37: error: /summary/runtime_gate_count: string found, integer expected"), run.err());
        assertTrue(run.err().contains("nothing was written"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void anExistingOutputIsUntouchedWhenTheSnapshotIsInvalid() throws IOException {
        Path output = temp.resolve("plan.json");
        Files.writeString(output, "previous plan");
        Path snapshot = temp.resolve("snapshot.json");
        Files.writeString(snapshot, "{\"acceptance_candidates\": 3}");
        Run run = run("--root", temp.toString(), "--source-report", "snapshot.json", "--output", output.toString(),
                "--generated-at", GENERATED_AT);
        assertEquals(1, run.status());
        assertEquals("previous plan", Files.readString(output));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(2, files.count(), "no temporary file may be left behind");
        }
    }

    @Test
    void aMissingSnapshotIsAnIoErrorWithoutStackTrace() {
        Run run = run("--root", temp.toString(), "--generated-at", GENERATED_AT);
        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("monitoring-readback-plan: error: "), run.err());
        assertTrue(run.err().contains("monitoring-owner-response-acceptance.snapshot.json: no such file"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void usageErrorsExitTwo() {
        for (String[] args : List.of(
                new String[] {"--root", "examples", "--generated-at", "yesterday"},
                new String[] {"--root", "examples", "--generated-at", "2026-01-01T00:00:00"},
                new String[] {"--root", "examples", "--git-commit", "HEAD"},
                new String[] {"--root", "examples", "--output", "target/never-written.json", "--git-commit", "HEAD"},
                new String[] {"--root", "examples", "--output", "target/never-written.json", "--check", "--generated-at", "now"},
                new String[] {"--bogus"},
                new String[] {"--s", "x"},
                new String[] {"--root"},
                new String[] {"stray"},
                new String[] {"--check"},
                new String[] {"--check=yes", "--output", "x"},
                new String[] {"validate"},
                new String[] {"validate", "--kind", "report", "x.json"},
                new String[] {"validate", "--format", "yaml", "x.json"})) {
            Run run = run(args);
            assertEquals(2, run.status(), String.join(" ", args) + " -> " + run.err());
            assertTrue(run.err().startsWith("monitoring-readback-plan: error: "), run.err());
            assertFalse(run.err().contains("cannot read"), run.err());
            assertEquals("", run.out());
        }
        assertFalse(Files.exists(Path.of("target/never-written.json")));
    }

    @Test
    void optionErrorsNameTheOption() {
        Run run = run("--root", "examples", "--generated-at", "yesterday");
        assertTrue(run.err().startsWith("monitoring-readback-plan: error: --generated-at must be an RFC 3339 date-time"), run.err());
        run = run("--root", "examples", "--git-commit", "HEAD");
        assertTrue(run.err().startsWith("monitoring-readback-plan: error: --git-commit must be"), run.err());
    }

    @Test
    void ambiguousPrefixesNameTheCandidates() {
        Run run = run("--s", "x");
        assertTrue(run.err().contains("--source-report") && run.err().contains("--strict"), run.err());
    }

    @Test
    void helpAndVersionGoToStandardOutput() {
        Run help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("usage: monitoring-readback-plan"), help.out());
        assertTrue(help.out().contains("--source-report PATH"), help.out());
        assertTrue(help.out().contains("exit status"), help.out());
        assertEquals(help.out(), run("-h").out());
        Run version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().matches("monitoring-readback-plan \\S+ \\(writes monitoring_post_incident_readback_plan_v1\\)\n"), version.out());
    }

    @Test
    void generatedAtDefaultsToNowAtPlusEightToTheSecond() {
        Run run = run("--root", "examples", "--git-commit", "unknown");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().matches("(?s).*\"generated_at\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00\".*"));
    }

    @Test
    void gitCommitIsTheShortHeadOfTheRootOrUnknown() throws Exception {
        Path repo = temp.resolve("repo");
        Path snapshot = repo.resolve("docs/security/monitoring-owner-response-acceptance.snapshot.json");
        Files.createDirectories(snapshot.getParent());
        Files.copy(EXAMPLE_ROOT.resolve("docs/security/monitoring-owner-response-acceptance.snapshot.json"), snapshot);

        Run outside = run("--root", repo.toString(), "--generated-at", GENERATED_AT);
        assertEquals(0, outside.status(), outside.err());
        assertTrue(outside.out().contains("\"git_commit\": \"unknown\""));

        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "snapshot");
        String head = git(repo, "rev-parse", "--short", "HEAD");
        Run inside = run("--root", repo.toString(), "--generated-at", GENERATED_AT);
        assertEquals(0, inside.status(), inside.err());
        assertTrue(inside.out().contains("\"git_commit\": \"" + head + "\""), head);
    }

    private static String git(Path directory, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
