package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Any bytes, as a snapshot or as a plan, end in a report or a plan: no exception, no hang, no
 * unlocated problem. In a normal test run this replays the inputs under
 * src/test/resources/dev/readbackplan/ReaderFuzzTestInputs/ (regression mode, a fraction of a
 * second); to search for new ones: {@code JAZZER_FUZZ=1 mvn test -Dtest=ReaderFuzzTest}.
 */
class ReaderFuzzTest {
    private static final ReadbackPlanner PLANNER = ReadbackPlanner.create();

    @FuzzTest(maxDuration = "2m")
    void anyBytesEndInAReportOrAPlan(byte[] input) throws IOException {
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
}
