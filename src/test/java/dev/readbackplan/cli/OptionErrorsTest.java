package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 7: an option error is reported before any file is looked up. Every run here is in a
 * folder with no input at all (no snapshot, no plan), so a command that looked for its files first
 * would say "no such file"; each must instead name the option, exit 2, and print nothing on standard
 * output. One case per kind of error (a bad value, an unknown option, a missing argument, options
 * that conflict) and per command.
 */
class OptionErrorsTest {
    @TempDir
    Path empty;

    private record Case(String expected, String... args) {}

    private List<Case> cases() {
        String root = empty.toString();
        String plan = empty.resolve("plan.json").toString();
        String out = empty.resolve("review.md").toString();
        List<Case> cases = new ArrayList<>();
        // Generation.
        cases.add(new Case("--generated-at must be an RFC 3339 date-time", "--root", root, "--generated-at", "yesterday"));
        cases.add(new Case("--generated-at must be an RFC 3339 date-time", "--root", root, "--generated-at", "yesterday",
                "--secret-rules", empty.resolve("missing.toml").toString()));
        cases.add(new Case("--generated-at must be an RFC 3339 date-time", "--root", root, "--output", plan, "--check",
                "--generated-at", "yesterday"));
        cases.add(new Case("--git-commit must be", "--root", root, "--git-commit", "HEAD"));
        cases.add(new Case("--git-commit must be", "--root", root, "--output", plan, "--git-commit", "HEAD"));
        cases.add(new Case("argument --completion: must be bash or zsh", "--completion", "fish"));
        cases.add(new Case("unrecognized argument: --bogus", "--root", root, "--bogus"));
        cases.add(new Case("argument --output: expected one argument", "--root", root, "--output"));
        cases.add(new Case("argument --generated-at: expected one argument", "--root", root, "--generated-at", "--strict"));
        cases.add(new Case("--check needs --output", "--root", root, "--check"));
        cases.add(new Case("--discard-evidence needs --output (and no --check)", "--root", root, "--output", plan, "--check",
                "--discard-evidence"));
        cases.add(new Case("unrecognized arguments: stray", "--root", root, "stray"));
        // validate: the file named does not exist either.
        cases.add(new Case("argument --format: must be text, json or sarif", "validate", "--format", "yaml", plan));
        cases.add(new Case("argument --kind: must be snapshot or plan", "validate", "--kind", "report", plan));
        cases.add(new Case("unrecognized argument: --bogus", "validate", "--bogus", plan));
        cases.add(new Case("argument --format: expected one argument", "validate", plan, "--format"));
        cases.add(new Case("standard input (-) can be validated once", "validate", "-", "-"));
        // review: no plan and no snapshot.
        cases.add(new Case("--reviewed-at must be an RFC 3339 date-time", "review", "--root", root, "--reviewed-at", "yesterday", plan));
        cases.add(new Case("--reviewed-at must be an RFC 3339 date-time", "review", "--root", root, "--reviewed-at", "yesterday",
                "--output", out, plan));
        cases.add(new Case("argument --format: must be text, json, markdown or sarif", "review", "--root", root, "--format", "html", plan));
        cases.add(new Case("unrecognized argument: --bogus", "review", "--root", root, "--bogus", plan));
        cases.add(new Case("argument --output: expected one argument", "review", "--root", root, plan, "--output"));
        cases.add(new Case("--write needs a PLAN file", "review", "--root", root, "--write", "-"));
        cases.add(new Case("--force needs --output", "review", "--root", root, "--force", plan));
        cases.add(new Case("review takes one PLAN, got 2", "review", "--root", root, plan, plan));
        return cases;
    }

    @Test
    void eachKindOfOptionErrorIsNamedBeforeAnyFileIsLookedUp() throws Exception {
        for (Case c : cases()) {
            CliTest.Run run = run(c.args());
            String shown = String.join(" ", c.args()) + " -> " + run.err();
            assertEquals(2, run.status(), shown);
            assertTrue(run.err().startsWith("monitoring-readback-plan: error: " + c.expected()), shown);
            assertTrue(run.err().endsWith("Try 'monitoring-readback-plan --help' for more information.\n"), shown);
            assertFalse(run.err().contains("no such file"), shown);
            assertEquals("", run.out(), shown);
        }
        try (var files = Files.list(empty)) {
            assertEquals(List.of(), files.toList(), "nothing is written");
        }
    }

    /** The case of the issue: the default root, a folder without a snapshot (the project's own). */
    @Test
    void aBadGeneratedAtInAFolderWithoutASnapshotNamesTheOption() {
        assertFalse(Files.exists(Path.of("docs/security/monitoring-owner-response-acceptance.snapshot.json")));
        CliTest.Run run = run("--generated-at", "yesterday");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().startsWith("monitoring-readback-plan: error: --generated-at must be an RFC 3339 date-time"), run.err());
        // Without the bad value, the same folder gives the missing snapshot: the lookup comes second.
        run = run("--generated-at", CliTest.GENERATED_AT);
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("no such file"), run.err());
    }
}
