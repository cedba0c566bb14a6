package dev.readbackplan.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonFloatsTest {
    /** Python's repr() of about 9,000 doubles: random bit patterns, powers of two and ten, integral values up to 2^53. */
    @Test
    void matchesPythonReprOnATableMadeByPython() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/python/float-repr.tsv"), StandardCharsets.UTF_8);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(columns[0], 16));
            String actual = PythonFloats.repr(value);
            if (!actual.equals(columns[1])) {
                mismatches.add(columns[0] + ": expected " + columns[1] + " but was " + actual);
            }
            checked++;
        }
        assertTrue(checked > 9000, "table too small: " + checked);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void specialValuesAsJsonDumpsWritesThem() {
        assertEquals("NaN", PythonFloats.repr(Double.NaN));
        assertEquals("Infinity", PythonFloats.repr(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", PythonFloats.repr(Double.NEGATIVE_INFINITY));
        assertEquals("-0.0", PythonFloats.repr(-0.0));
        assertEquals("10000000.0", PythonFloats.repr(1e7));
        assertEquals("1e+16", PythonFloats.repr(1e16));
        assertEquals("0.0001", PythonFloats.repr(1e-4));
        assertEquals("1e-05", PythonFloats.repr(1e-5));
    }
}
