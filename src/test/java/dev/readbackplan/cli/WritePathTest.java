package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write paths of {@code review}: {@code --output} never replaces the plan or the snapshot, a failed
 * run changes nothing, {@code --write} never overwrites an edit saved meanwhile, and {@code review -}
 * reads standard input.
 */
class WritePathTest {
    static final Path EXAMPLE_FILLED = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.filled.json");
    static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final String REVIEWED_AT = "2026-01-02T09:30:00+08:00";

    @TempDir
    Path temp;

    private Path plan;
    private Path snapshot;
    private byte[] filled;
    private byte[] snapshotBytes;

    @BeforeEach
    void copyTheExample() throws IOException {
        plan = temp.resolve("plan.json");
        snapshot = temp.resolve("snapshot.json");
        Files.copy(EXAMPLE_FILLED, plan);
        Files.copy(EXAMPLE_SNAPSHOT, snapshot);
        filled = Files.readAllBytes(plan);
        snapshotBytes = Files.readAllBytes(snapshot);
    }

    private CliTest.Run review(InputStream stdin, String... extra) {
        List<String> args = new ArrayList<>(List.of("review", "--root", temp.toString(), "--source-report", "snapshot.json",
                "--reviewed-at", REVIEWED_AT));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(stdin).run(args.toArray(String[]::new), out, err);
        return new CliTest.Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private CliTest.Run review(String... extra) {
        return review(InputStream.nullInputStream(), extra);
    }

    private void assertUntouched() throws IOException {
        assertArrayEquals(filled, Files.readAllBytes(plan), "the filled plan must be untouched");
        assertArrayEquals(snapshotBytes, Files.readAllBytes(snapshot), "the snapshot must be untouched");
        assertNoTemporaryFiles(temp);
    }

    static void assertNoTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> left = files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), left, "no temporary file may be left behind");
        }
    }

    // ------------------------------------------------------------ item 1: review --output never replaces its inputs

    @Test
    void outputNeverNamesThePlanBeingReviewedWhateverTheFlags() throws IOException {
        Files.createSymbolicLink(temp.resolve("link.json"), plan);
        Files.createLink(temp.resolve("hard.json"), plan);
        List<String> sameFile = List.of(plan.toString(), temp.resolve("./plan.json").toString(),
                temp.resolve("sub/../plan.json").toString(), temp.resolve("link.json").toString(), temp.resolve("hard.json").toString());
        Files.createDirectories(temp.resolve("sub"));
        for (String output : sameFile) {
            for (List<String> flags : List.of(List.<String>of(), List.of("--force"), List.of("--write", "--format", "json"),
                    List.of("--write", "--force", "--format", "markdown"))) {
                List<String> args = new ArrayList<>(flags);
                args.addAll(List.of("--output", output, plan.toString()));
                CliTest.Run run = review(args.toArray(String[]::new));
                assertEquals(1, run.status(), output + " " + flags + ": " + run.err());
                assertTrue(run.err().contains(output + ": is the PLAN being reviewed"), run.err());
                assertTrue(run.err().contains("nothing was written"), run.err());
                assertEquals("", run.out());
                assertUntouched();
            }
        }
    }

    @Test
    void outputNeverNamesTheSnapshotBeingRead() throws IOException {
        Files.createSymbolicLink(temp.resolve("snapshot-link.json"), snapshot);
        for (String output : List.of(snapshot.toString(), temp.resolve("snapshot-link.json").toString())) {
            CliTest.Run run = review("--force", "--output", output, plan.toString());
            assertEquals(1, run.status(), run.err());
            assertTrue(run.err().contains(output + ": is the snapshot being read"), run.err());
            assertUntouched();
        }
    }

    @Test
    void outputRefusesAnotherPlanOrSnapshotUnlessForced() throws IOException {
        Path otherPlan = temp.resolve("other-plan.json");
        Files.copy(EXAMPLE_FILLED, otherPlan);
        Path brokenPlan = temp.resolve("broken-plan.json");
        // A plan with a trailing comma is still a plan: a review must not replace it either.
        Files.writeString(brokenPlan, new String(filled, StandardCharsets.UTF_8).replaceFirst("\\n}\\s*$", ",\n}\n"));
        Path otherSnapshot = temp.resolve("other-snapshot.json");
        Files.copy(EXAMPLE_SNAPSHOT, otherSnapshot);
        for (Path output : List.of(otherPlan, brokenPlan, otherSnapshot)) {
            byte[] before = Files.readAllBytes(output);
            CliTest.Run refused = review("--output", output.toString(), plan.toString());
            assertEquals(1, refused.status(), refused.err());
            assertTrue(refused.err().contains(output + ": exists and is a readback plan or a snapshot (--force replaces it)"), refused.err());
            assertArrayEquals(before, Files.readAllBytes(output));
            CliTest.Run forced = review("--force", "--output", output.toString(), plan.toString());
            assertEquals(0, forced.status(), forced.err());
            assertTrue(Files.readString(output).contains(": "), "the text review replaced it");
        }
        assertUntouched();
    }

    @Test
    void anEarlierReviewIsReplacedWithoutForce() throws IOException {
        Path output = temp.resolve("review.json");
        assertEquals(0, review("--format", "json", "--output", output.toString(), plan.toString()).status());
        byte[] first = Files.readAllBytes(output);
        CliTest.Run again = review("--format", "json", "--output", output.toString(), plan.toString());
        assertEquals(0, again.status(), again.err());
        assertArrayEquals(first, Files.readAllBytes(output));
        assertEquals(2, review("--force", plan.toString()).status(), "--force needs --output");
    }

    // ------------------------------------------------------------ item 6: a failed run changes nothing

    @Test
    void writeWithAnUnwritableOutputLeavesThePlanAsItWas() throws IOException {
        Path notAFolder = temp.resolve("review-folder");
        Files.writeString(notAFolder, "a file where a folder is needed");
        CliTest.Run run = review("--write", "--output", notAFolder.resolve("review.txt").toString(), plan.toString());
        assertEquals(2, run.status(), run.err());
        assertFalse(run.err().contains("lanes written"), run.err());
        assertUntouched();
        // The same run with a writable output writes both.
        Path output = temp.resolve("out/review.txt");
        CliTest.Run written = review("--write", "--output", output.toString(), plan.toString());
        assertEquals(0, written.status(), written.err());
        assertTrue(Files.exists(output));
        assertFalse(java.util.Arrays.equals(filled, Files.readAllBytes(plan)), "the lanes were written");
    }

    @Test
    void writeWithAFullDeviceAsOutputLeavesThePlanAsItWas() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full));
        CliTest.Run run = review("--write", "--output", full.toString(), plan.toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("/dev/full: No space left on device"), "the message names the output: " + run.err());
        assertUntouched();
    }

    // ------------------------------------------------------------ item 4: lost update in review --write

    @Test
    void anEditSavedWhileTheReviewRunsIsNeverOverwritten() throws Exception {
        Path fifo = temp.resolve("snapshot-fifo.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        CompletableFuture<CliTest.Run> running = CompletableFuture.supplyAsync(
                () -> review("--source-report", "snapshot-fifo.json", "--write", plan.toString()));
        byte[] edited = new String(filled, StandardCharsets.UTF_8).replace("\"CHG-2026-0042\"", "\"CHG-2026-0043\"")
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(java.util.Arrays.equals(filled, edited), "the edit changes the plan");
        // Opening the FIFO for writing waits for the review to open it, after it read the plan.
        try (OutputStream feed = Files.newOutputStream(fifo)) {
            Files.write(plan, edited); // a reviewer saves the plan meanwhile
            feed.write(snapshotBytes);
        }
        CliTest.Run run = running.get(60, TimeUnit.SECONDS);
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains(plan + ": changed while this run was reading it"), run.err());
        assertTrue(run.err().contains("nothing was written"), run.err());
        assertArrayEquals(edited, Files.readAllBytes(plan), "the reviewer's edit is kept");
        assertNoTemporaryFiles(temp);
    }

    // ------------------------------------------------------------ item 12: review - and messages naming the user's file

    @Test
    void reviewReadsThePlanFromStandardInputAsValidateDoes() throws IOException {
        CliTest.Run fromFile = review("--format", "json", plan.toString());
        assertEquals(0, fromFile.status(), fromFile.err());
        CliTest.Run fromStdin = review(new ByteArrayInputStream(filled), "--format", "json", "-");
        assertEquals(0, fromStdin.status(), fromStdin.err());
        assertArrayEquals(fromFile.outBytes(), fromStdin.outBytes());
        CliTest.Run sarif = review(new ByteArrayInputStream(filled), "--format", "sarif", "-");
        assertEquals(0, sarif.status(), sarif.err());
        CliTest.Run broken = review(new ByteArrayInputStream("{\"schema_version\": 1,}".getBytes(StandardCharsets.UTF_8)), "-");
        assertEquals(1, broken.status(), broken.err());
        assertTrue(broken.err().startsWith(Cli.STDIN_NAME + ":"), "named <stdin>: " + broken.err());
        CliTest.Run write = review(new ByteArrayInputStream(filled), "--write", "-");
        assertEquals(2, write.status(), write.err());
        assertTrue(write.err().contains("--write needs a PLAN file"), write.err());
    }

    @Test
    void aFailedWriteNamesTheOutputNeverTheTemporaryFile() throws IOException {
        // A name the folder accepts, whose temporary sibling (.NAME.XXXX.tmp) is too long to create.
        Path output = temp.resolve("r".repeat(240) + ".txt");
        CliTest.Run run = review("--write", "--output", output.toString(), plan.toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains(output.toString() + ": "), run.err());
        assertFalse(run.err().contains(".tmp"), "never the temporary file: " + run.err());
        assertUntouched();
        Path regenerated = temp.resolve("p".repeat(240) + ".json");
        CliTest.Run generate = CliTest.run("--root", temp.toString(), "--source-report", "snapshot.json", "--generated-at",
                CliTest.GENERATED_AT, "--git-commit", "unknown", "--output", regenerated.toString());
        assertEquals(2, generate.status(), generate.err());
        assertTrue(generate.err().contains(regenerated.toString() + ": "), generate.err());
        assertFalse(generate.err().contains(".tmp"), generate.err());
        assertNoTemporaryFiles(temp);
    }
}
