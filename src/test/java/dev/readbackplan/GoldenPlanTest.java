package dev.readbackplan;

import dev.readbackplan.document.GenerationResult;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.DocumentKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.readbackplan.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference generator's own outputs, byte for byte. Each folder under golden/ holds a snapshot,
 * the plan the reference wrote for it (with a fixed generated_at, outside any git repository) and the
 * reference's summary line; src/test/scripts/regenerate_golden.py made them.
 */
class GoldenPlanTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Set<String> CASE_FILES = Set.of("snapshot.json", "plan.json", "stderr.txt");
    static final String GENERATED_AT = "2026-01-01T00:00:00+08:00";
    static final PlanOptions OPTIONS = new PlanOptions(GENERATED_AT, "unknown");

    private final ReadbackPlanner planner = ReadbackPlanner.create();

    static List<Path> cases() throws IOException {
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void everyCaseIsComplete() throws IOException {
        List<Path> cases = cases();
        long generated = cases.stream().map(c -> c.getFileName().toString()).filter(n -> !n.startsWith("edge-") && !n.equals("example")).count();
        assertTrue(generated >= 25, "expected at least 25 cases made with make_snapshot.py, found " + generated);
        assertTrue(Files.isDirectory(GOLDEN.resolve("example")), "the example is a golden case too");
        List<String> incomplete = new ArrayList<>();
        for (Path folder : cases) {
            try (Stream<Path> files = Files.list(folder)) {
                Set<String> names = Set.copyOf(files.map(f -> f.getFileName().toString()).toList());
                if (!names.equals(CASE_FILES)) {
                    incomplete.add(folder.getFileName() + " has " + names);
                }
            }
        }
        assertEquals(List.of(), incomplete, "each golden case needs exactly " + CASE_FILES);
    }

    @TestFactory
    Stream<DynamicTest> libraryWritesTheReferenceBytes() throws IOException {
        return cases().stream().map(folder -> dynamicTest(folder.getFileName().toString(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GenerationResult result = planner.generate(folder.resolve("snapshot.json"), OPTIONS, out);
            assertBytes(Files.readAllBytes(folder.resolve("plan.json")), out.toByteArray());
            assertTrue(result.snapshotReport().isValid());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenPlanIsValidAgainstThePlanSchema() throws IOException {
        return cases().stream().map(folder -> dynamicTest(folder.getFileName().toString(), () -> {
            ValidationReport report = planner.validate(folder.resolve("plan.json"));
            assertEquals(DocumentKind.PLAN, report.kind());
            assertEquals(List.of(), report.problems());
        }));
    }

    @TestFactory
    Stream<DynamicTest> cliWritesTheReferenceBytesToAFileAndToStandardOutput(@TempDir Path temp) throws IOException {
        return cases().stream().map(folder -> dynamicTest(folder.getFileName().toString(), () -> {
            byte[] expected = Files.readAllBytes(folder.resolve("plan.json"));
            String summaryLine = Files.readString(folder.resolve("stderr.txt"), StandardCharsets.UTF_8).strip();
            String[] common = {"--root", folder.toString(), "--source-report", "snapshot.json",
                "--generated-at", GENERATED_AT, "--git-commit", "unknown"};

            Path output = temp.resolve(folder.getFileName().toString()).resolve("plan.json");
            Run toFile = Run.cli(concat(common, "--output", output.toString()));
            assertEquals(0, toFile.status(), toFile.err());
            assertBytes(expected, Files.readAllBytes(output));
            assertEquals("", toFile.out());
            assertEquals(summaryLine, toFile.lastErrLine());

            Run toStdout = Run.cli(common);
            assertEquals(0, toStdout.status(), toStdout.err());
            assertBytes(expected, toStdout.outBytes());
            assertEquals(summaryLine, toStdout.lastErrLine());
        }));
    }

    static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** Byte equality, with the first difference shown as text when it fails. */
    static void assertBytes(byte[] expected, byte[] actual) {
        if (!java.util.Arrays.equals(expected, actual)) {
            int at = 0;
            while (at < Math.min(expected.length, actual.length) && expected[at] == actual[at]) {
                at++;
            }
            String context = "first difference at byte " + at + ": expected …"
                    + new String(expected, Math.max(0, at - 40), Math.min(expected.length, at + 40) - Math.max(0, at - 40), StandardCharsets.UTF_8)
                    + "… but was …"
                    + new String(actual, Math.max(0, at - 40), Math.min(actual.length, at + 40) - Math.max(0, at - 40), StandardCharsets.UTF_8) + "…";
            assertArrayEquals(expected, actual, context);
        }
    }

    /** One run of the command line with captured streams. */
    record Run(int status, byte[] outBytes, String err) {
        static Run cli(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new Cli().run(args, out, err);
            return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        }

        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }

        String lastErrLine() {
            List<String> lines = err.strip().lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }
}
