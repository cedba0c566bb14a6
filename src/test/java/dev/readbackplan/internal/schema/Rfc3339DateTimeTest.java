package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code date-time} format: the JSON-Schema-Test-Suite's draft 2020-12 cases (vendored, with its
 * licence, under src/test/resources/json-schema-test-suite) and a table of the edge cases of issue 13,
 * each through the grammar and through the compiled plan and review schemas, where it is registered.
 */
class Rfc3339DateTimeTest {
    private static final SchemaSet SCHEMAS = new SchemaSet();
    private static final Path SUITE = Path.of("src/test/resources/json-schema-test-suite/draft2020-12/optional/format/date-time.json");

    /** Every place a date-time is checked: the plan's generated_at and the review's reviewed_at. */
    private static List<Schema> dateTimeProperties() {
        return List.of(SCHEMAS.planProperty("generated_at").networknt(), NetworkntInternals.propertySchemas(SCHEMAS.review().networknt()).get("reviewed_at"));
    }

    private static void assertVerdict(String text, boolean valid, String why) {
        assertEquals(valid, Rfc3339DateTime.isValid(text), why + ": " + text);
        assertEquals(valid, SCHEMAS.planProperty("generated_at").fastAccepts(TextNode.valueOf(text)), why + " (generated check): " + text);
        for (Schema property : dateTimeProperties()) {
            assertEquals(valid, SchemaFindings.isValid(property, TextNode.valueOf(text)), why + " (schema " + property.getSchemaLocation() + "): " + text);
        }
    }

    @TestFactory
    Stream<DynamicTest> theTestSuiteCases() throws IOException {
        JsonNode groups = new ObjectMapper().readTree(SUITE.toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode group : groups) {
            assertEquals("date-time", group.path("schema").path("format").textValue());
            for (JsonNode test : group.path("tests")) {
                // The non-string cases ("all string formats ignore integers") concern the format keyword
                // alone; our schemas state type string beside it, which rejects them first.
                if (!test.path("data").isTextual()) {
                    continue;
                }
                tests.add(dynamicTest(test.path("description").textValue(),
                        () -> assertVerdict(test.path("data").textValue(), test.path("valid").booleanValue(), test.path("description").textValue())));
            }
        }
        assertTrue(tests.size() >= 25, "the suite file has its string cases: " + tests.size());
        return tests.stream();
    }

    /** The reproductions of issue 13, item 8, and the neighbours of each. */
    @Test
    void theEdgeCasesOfRfc3339() {
        String[][] table = {
            // Text after the offset, at any resolution: networknt accepted it after a seconds-resolution Z.
            {"2026-01-01T00:00:00Zjunk", "false", "text after Z"},
            {"2026-01-01T00:00:00ZZ", "false", "two Zs"},
            {"2026-01-01T00:00:00.5Zjunk", "false", "text after Z with a fraction"},
            {"2026-01-01T00:00:00+08:00junk", "false", "text after a numeric offset"},
            {"2026-01-01T00:00:00+08:00 ", "false", "trailing space"},
            {" 2026-01-01T00:00:00+08:00", "false", "leading space"},
            // T (or t) and nothing else between date and time.
            {"2026-01-01 00:00:00+08:00", "false", "space for T"},
            {"2026-01-01_00:00:00+08:00", "false", "underscore for T"},
            {"2026-01-01t00:00:00z", "true", "lower-case t and z (RFC 3339 5.6 note)"},
            {"2026-01-01T00:00:00+08:00", "true", "the documented example"},
            // -00:00 is RFC 3339 4.3's unknown local offset.
            {"2026-01-01T00:00:00-00:00", "true", "-00:00"},
            {"2026-01-01T00:00:00+00:00", "true", "+00:00"},
            {"2026-01-01T00:00:00+0800", "false", "offset without a colon"},
            {"2026-01-01T00:00:00+24:00", "false", "offset hour 24"},
            {"2026-01-01T00:00:00", "false", "no offset"},
            // Any number of fraction digits, but at least one.
            {"2026-01-01T00:00:00.1234567890Z", "true", "ten fraction digits"},
            {"2026-01-01T00:00:00.123456789012345678901234567890+08:00", "true", "thirty fraction digits"},
            {"2026-01-01T00:00:00.Z", "false", "empty fraction"},
            {"2026-01-01T00:00:00,5Z", "false", "comma fraction"},
            // Leap seconds: 23:59:60 UTC on a day of the IERS table, whatever the offset.
            {"2017-01-01T07:59:60+08:00", "true", "the 2016 leap second at +08:00"},
            {"2016-12-31T23:59:60Z", "true", "the 2016 leap second in UTC"},
            {"2016-12-31T23:59:60-00:00", "true", "the 2016 leap second at -00:00"},
            {"2016-12-31T18:29:60-05:30", "true", "the 2016 leap second at -05:30"},
            {"2015-07-01T05:29:60+05:30", "true", "the 2015 June leap second at +05:30"},
            {"1972-06-30T23:59:60Z", "true", "the first leap second"},
            {"2017-01-01T07:59:60+09:00", "false", "a leap second an hour off"},
            {"2017-01-01T08:59:60+08:00", "false", "a leap second an hour late"},
            {"2017-12-31T23:59:60Z", "false", "no leap second at the end of 2017"},
            {"2026-06-30T23:59:60Z", "false", "no leap second announced for 2026"},
            {"2016-12-31T23:58:60Z", "false", "second 60 on the wrong minute"},
            {"2016-12-31T23:59:61Z", "false", "second 61"},
            // Month and day ranges, leap years.
            {"2024-02-29T00:00:00Z", "true", "29 February of a leap year"},
            {"2000-02-29T00:00:00Z", "true", "29 February of a 400-year"},
            {"1900-02-29T00:00:00Z", "false", "29 February of a century year"},
            {"2026-02-29T00:00:00Z", "false", "29 February of a common year"},
            {"2026-04-31T00:00:00Z", "false", "31 April"},
            {"2026-12-31T23:59:59Z", "true", "the last second of a year"},
            {"2026-13-01T00:00:00Z", "false", "month 13"},
            {"2026-00-01T00:00:00Z", "false", "month 0"},
            {"2026-01-00T00:00:00Z", "false", "day 0"},
            {"0000-01-01T00:00:00Z", "true", "year 0000 (four digits)"},
            {"2026-01-01T24:00:00Z", "false", "hour 24"},
            {"2026-01-01T00:60:00Z", "false", "minute 60"},
            {"2026-01-01T00:00:60Z", "false", "second 60 not at a leap second"},
            {"２０２６-01-01T00:00:00Z", "false", "full-width digits"},
            {"", "false", "empty"},
            {"2026-01-01", "false", "a date alone"},
        };
        for (String[] row : table) {
            assertVerdict(row[0], Boolean.parseBoolean(row[1]), row[2]);
        }
    }

    /** The table holds the 27 leap seconds from 1972 to 2016, each on 30 June or 31 December. */
    @Test
    void theLeapSecondTableIsTheIersOne() {
        assertEquals(27, Rfc3339DateTime.LEAP_SECOND_DAYS.size());
        for (LocalDate day : Rfc3339DateTime.LEAP_SECOND_DAYS) {
            assertTrue(day.getMonthValue() == 6 && day.getDayOfMonth() == 30 || day.getMonthValue() == 12 && day.getDayOfMonth() == 31, day.toString());
            assertTrue(day.getYear() >= 1972 && day.getYear() <= 2016, day.toString());
            assertTrue(Rfc3339DateTime.isValid(day + "T23:59:60Z"), day.toString());
            assertFalse(Rfc3339DateTime.isValid(day.plusDays(1) + "T23:59:60Z"), day.toString());
        }
    }
}
