package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The written-out negative-number test of {@link Arguments} against the pattern it replaces. */
class ArgumentsTest {
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d*)?");

    @Test
    void aNegativeNumberIsWhatThePatternMatches() {
        List<String> chosen = List.of("-5", "-1.5", "-2.", "-.5", "-", "-x", "--5", "-5-", "-1..2", "-1.2.3", "-0", "-007.", "-1e5",
                "-\u0663", "-1\u0663", "-1.\u0663", "- 1", "-1 ", "-\uD835\uDFCE");
        for (String arg : chosen) {
            assertEquals(NEGATIVE_NUMBER.matcher(arg).matches(), Arguments.negativeNumber(arg), arg);
        }
        String alphabet = "0123456789.-ae\u0663 ";
        Random random = new Random(20261203);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder arg = new StringBuilder("-");
            int length = random.nextInt(7);
            for (int j = 0; j < length; j++) {
                arg.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 11 : alphabet.length())));
            }
            assertEquals(NEGATIVE_NUMBER.matcher(arg).matches(), Arguments.negativeNumber(arg.toString()), arg::toString);
        }
    }

    @Test
    void aNegativeNumberIsAValueAndAnythingElseWithADashAnOption() throws UsageException {
        List<Arguments.Option> options = List.of(new Arguments.Option("--at", "N", "a value"), new Arguments.Option("--flag", null, "a flag"));
        Arguments.Parsed parsed = Arguments.parse(options, List.of("--at", "-1.5", "-2", "--flag"));
        assertEquals("-1.5", parsed.get("--at"));
        assertEquals(List.of("-2"), parsed.positionals());
        assertEquals("true", parsed.get("--flag"));
    }
}
