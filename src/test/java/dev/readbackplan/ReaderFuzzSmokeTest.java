package dev.readbackplan;

import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.DocumentKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz property in the normal test run, without Jazzer: any bytes, as a snapshot or as a plan,
 * end in a report or a plan (no exception, no unlocated problem). Replays Jazzer's inputs
 * (src/test/resources/dev/readbackplan/ReaderFuzzTestInputs/) and seeded mutations of them; the
 * fuzzer itself runs in the {@code fuzz} profile (ReaderFuzzTest, under src/fuzz/java).
 */
class ReaderFuzzSmokeTest {
    private static final ReadbackPlanner PLANNER = ReadbackPlanner.create();
    private static final int MUTANTS_PER_INPUT = 40;

    /** The property the fuzzer checks, for one input. */
    static void check(byte[] input) throws IOException {
        ValidationReport report = PLANNER.validate(new ByteArrayInputStream(input), "fuzz.json", null);
        for (Problem problem : report.problems()) {
            assertTrue(problem.line() > 0 && problem.column() > 0, problem::toString);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PLANNER.generate(new ByteArrayInputStream(input), "fuzz.json", GoldenPlanTest.OPTIONS, out);
        } catch (InvalidDocumentException e) {
            assertFalse(e.report().errors().isEmpty());
            assertEquals(0, out.size());
            return;
        }
        assertTrue(PLANNER.validate(new ByteArrayInputStream(out.toByteArray()), "plan.json", DocumentKind.PLAN).isValid());
    }

    static List<Path> inputs() throws IOException, URISyntaxException {
        Path folder = Path.of(ReaderFuzzSmokeTest.class.getResource("ReaderFuzzTestInputs/anyBytesEndInAReportOrAPlan").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void theCorpusIsThere() throws Exception {
        assertTrue(inputs().size() >= 8, "inputs: " + inputs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void eachInputEndsInAReportOrAPlan(Path input) throws IOException {
        check(Files.readAllBytes(input));
    }

    @ParameterizedTest(name = "mutations of {0}")
    @MethodSource("inputs")
    void seededMutationsEndInAReportOrAPlan(Path input) throws IOException {
        byte[] original = Files.readAllBytes(input);
        Random random = new Random(input.getFileName().toString().hashCode());
        for (byte[] mutant : mutants(original, random)) {
            check(mutant);
        }
    }

    /** Byte flips, insertions of JSON's structural characters, deletions and cuts. */
    private static List<byte[]> mutants(byte[] original, Random random) {
        byte[] structural = "{}[]\",:\\ 0-eE.tfn\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<byte[]> mutants = new ArrayList<>();
        for (int k = 0; k < MUTANTS_PER_INPUT; k++) {
            byte[] bytes = original.clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && bytes.length > 0; e++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(4)) {
                    case 0 -> bytes[at] = (byte) random.nextInt(256);
                    case 1 -> {
                        byte[] longer = new byte[bytes.length + 1];
                        System.arraycopy(bytes, 0, longer, 0, at);
                        longer[at] = structural[random.nextInt(structural.length)];
                        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                        bytes = longer;
                    }
                    case 2 -> {
                        byte[] shorter = new byte[bytes.length - 1];
                        System.arraycopy(bytes, 0, shorter, 0, at);
                        System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                        bytes = shorter;
                    }
                    default -> bytes = Arrays.copyOf(bytes, at);
                }
            }
            mutants.add(bytes);
        }
        return mutants;
    }
}
