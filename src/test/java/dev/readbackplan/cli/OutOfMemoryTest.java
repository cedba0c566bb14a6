package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * Issue 12 item 10: memory running out is not a bug. A plan too large for the heap, validated or
 * reviewed in a JVM with a small heap (a child process, as the command line runs), exits 2 with the
 * document's size and how to raise the heap: no "internal error", no stack trace. Both ways: memory
 * running out while the plan is read (a heap over twice the plan's size, under what it needs), and
 * a heap under twice the plan's size, refused before reading (near that limit the serial collector
 * could work for minutes before running out). That is for a plan read whole (one with a problem to
 * explain, or a shape that does not stream): issue 16, a plan that streams is validated and reviewed
 * in a heap that could not hold it whole.
 */
class OutOfMemoryTest {
    private static final int CANDIDATES = 2_000;
    /** Over twice a 2,000-candidate plan (about 21 MB), under the three times or so it needs. */
    private static final String SMALL_HEAP = "-Xmx46m";
    /** Under twice the plan's size. */
    private static final String TINY_HEAP = "-Xmx32m";

    @TempDir
    static Path temp;
    private static Path plan;
    /** The plan with a problem in its first candidate: read whole, to explain it. */
    private static Path broken;
    /** The plan with its list's key escaped: valid and current, but a shape that does not stream, so reviewed whole. */
    private static Path escaped;

    @BeforeAll
    static void aLargePlan() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode snapshot = dev.readbackplan.testing.ExampleSnapshots.repeated(CANDIDATES);
        Files.createDirectories(temp.resolve("docs/security"));
        mapper.writerWithDefaultPrettyPrinter().writeValue(
                temp.resolve("docs/security/monitoring-owner-response-acceptance.snapshot.json").toFile(), snapshot);
        plan = temp.resolve("plan.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli().run(new String[] {"--root", temp.toString(), "--generated-at", CliTest.GENERATED_AT,
            "--git-commit", "unknown", "--output", plan.toString()}, OutputStream.nullOutputStream(), err);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.size(plan) > 18_000_000 && Files.size(plan) < 24_000_000, "the plan's size: " + Files.size(plan));
        broken = temp.resolve("broken.json");
        String text = Files.readString(plan, StandardCharsets.UTF_8);
        String waiting = "\"status\": \"waiting_post_incident_readback\"";
        assertTrue(text.contains(waiting));
        Files.writeString(broken, text.replaceFirst(waiting, "\"status\": \"no_such_lane\""), StandardCharsets.UTF_8);
        escaped = temp.resolve("escaped.json");
        assertTrue(text.contains("\"readback_candidates\""));
        Files.writeString(escaped, text.replaceFirst("\"readback_candidates\"", "\"readback\\\\u005fcandidates\""), StandardCharsets.UTF_8);
    }

    private static String expectedSize() throws IOException {
        return "not enough memory for a document of " + Math.round(Files.size(plan) / 1e6) + " MB: raise the heap (MRP_JAVA_OPTS=-Xmx";
    }

    @Test
    void aCleanPlanIsValidatedAndReviewedInAHeapThatCouldNotHoldItWhole() throws IOException, InterruptedException {
        Result validated = inHeap(TINY_HEAP, null, "validate", plan.toString());
        assertEquals(0, validated.status(), validated.err());
        assertTrue(validated.err().contains("1 valid, 0 invalid"), validated.err());
        Result reviewed = inHeap(TINY_HEAP, null, "review", "--root", temp.toString(), plan.toString());
        assertEquals(0, reviewed.status(), reviewed.err());
        assertTrue(reviewed.out().contains(": waiting_post_incident_readback"), reviewed.out());
    }

    @Test
    void validatingAPlanTooLargeForTheHeapSaysSoAndExits2() throws IOException, InterruptedException {
        Result result = inHeap(SMALL_HEAP, null, "validate", broken.toString());
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains(expectedSize()), result.err());
        assertNotABug(result);
        assertEquals("", result.out());
        assertTrue(result.ranOut(), "memory should have run out: " + result.gc());
    }

    @Test
    void reviewingAPlanTooLargeForTheHeapSaysSoAndExits2() throws IOException, InterruptedException {
        Result result = inHeap(SMALL_HEAP, null, "review", "--root", temp.toString(), escaped.toString());
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains(expectedSize()), result.err());
        assertNotABug(result);
        assertTrue(result.ranOut(), "memory should have run out: " + result.gc());
    }

    @Test
    void standardInputIsSizedByWhatWasRead() throws IOException, InterruptedException {
        Result result = inHeap(SMALL_HEAP, broken, "validate", "-");
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().contains("not enough memory for a document of "), result.err());
        assertNotABug(result);
    }

    @Test
    void aPlanOverHalfTheHeapIsRefusedBeforeItIsRead() throws IOException, InterruptedException {
        for (String[] args : new String[][] {{"validate", broken.toString()}, {"review", "--root", temp.toString(), broken.toString()}}) {
            Result result = inHeap(TINY_HEAP, null, args);
            assertEquals(2, result.status(), result.err());
            assertTrue(result.err().contains(expectedSize()), result.err());
            assertNotABug(result);
            assertFalse(result.ranOut(), "refused before reading: " + result.gc());
        }
    }

    @Test
    void theMessageSuggestsAHeapLargerThanTheOneThatFailed() {
        assertEquals("monitoring-readback-plan: error: not enough memory for a document of 206 MB: raise the heap"
                + " (MRP_JAVA_OPTS=-Xmx1600m, or java -Xmx1600m -jar ...)", Cli.outOfMemoryMessage(206_000_000, 400L << 20));
        assertEquals("monitoring-readback-plan: error: not enough memory: raise the heap"
                + " (MRP_JAVA_OPTS=-Xmx256m, or java -Xmx256m -jar ...)", Cli.outOfMemoryMessage(0, 48L << 20));
    }

    private static void assertNotABug(Result result) {
        assertFalse(result.err().contains("internal error"), result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace: " + result.err());
        assertFalse(result.err().contains("OutOfMemoryError"), result.err());
    }

    /** What the child JVM did; {@code gc} its collector's log. */
    private record Result(int status, String out, String err, String gc) {
        /** Whether the heap filled up: the collector had to collect the whole heap. */
        boolean ranOut() {
            return gc.contains("Pause Full");
        }
    }

    /** Runs the command line in a JVM with the heap given and the launcher's collector. */
    private static Result inHeap(String heap, Path stdin, String... args) throws IOException, InterruptedException {
        Path gc = temp.resolve("gc.log");
        Files.deleteIfExists(gc);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", heap, "-XX:TieredStopAtLevel=1", "-Xlog:gc:file=" + gc, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err),
                Files.exists(gc) ? Files.readString(gc) : "");
    }
}
