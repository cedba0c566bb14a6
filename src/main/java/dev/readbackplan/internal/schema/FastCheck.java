package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * A schema compiled to code at build time (the generator in {@code src/build/java}): it answers only
 * whether a tree is valid, so that a valid document never needs networknt, which is compiled and run
 * only to explain a rejection.
 *
 * <p>The contract is one-directional: whatever the check accepts, networknt (configured as in
 * {@code CompiledSchemas}) accepts too. It may reject more ({@code uniqueItems} over anything but
 * strings, which our schemas refuse anyway); a rejection only sends the document down the networknt
 * path, whose findings are the report. {@code FastCheckDifferentialTest} proves the direction on a
 * seeded corpus and shows the other one on it and on a labelled corpus.
 *
 * <p>Implementations are generated, stateless and thread-safe.
 */
interface FastCheck {
    /** Whether networknt would report no error for this instance. */
    boolean accepts(JsonNode instance);

    /**
     * {@code number.decimalValue().compareTo(BigDecimal.valueOf(bound))}: an integer that fits a long is
     * compared without a {@code BigDecimal} (the generated checks compare integer bounds this way, see
     * the generator's {@code number}).
     */
    static int compare(JsonNode number, long bound) {
        if (number.isIntegralNumber() && number.canConvertToLong()) {
            return Long.compare(number.longValue(), bound);
        }
        return number.decimalValue().compareTo(java.math.BigDecimal.valueOf(bound));
    }

    /**
     * {@code uniqueItems} for an array of strings: networknt compares items by Jackson equality, which
     * for text is string equality. An array with an item of any other kind is refused here (the items
     * keyword of our schemas refuses it anyway), so no equality of numbers or containers is needed.
     */
    static boolean distinctStrings(JsonNode array) {
        Set<String> seen = new HashSet<>();
        for (JsonNode item : array) {
            if (!item.isTextual() || !seen.add(item.textValue())) {
                return false;
            }
        }
        return true;
    }
}
