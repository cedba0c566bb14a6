package dev.readbackplan;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Any bytes, as a snapshot or as a plan, end in a report or a plan: no exception, no hang, no
 * unlocated problem (the property is {@link ReaderFuzzSmokeTest#check(byte[])}). Only in the
 * {@code fuzz} profile, so that Jazzer's native agent stays out of the normal test run, where
 * {@code ReaderFuzzSmokeTest} replays the same inputs and seeded mutations of them. Replay the
 * inputs under src/test/resources/dev/readbackplan/ReaderFuzzTestInputs/ with Jazzer:
 * {@code mvn -B -Pfuzz test -Dtest=ReaderFuzzTest}; search for new ones (up to two minutes):
 * {@code JAZZER_FUZZ=1 mvn -B -Pfuzz test -Dtest=ReaderFuzzTest}.
 */
class ReaderFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void anyBytesEndInAReportOrAPlan(byte[] input) throws IOException {
        ReaderFuzzSmokeTest.check(input);
    }
}
