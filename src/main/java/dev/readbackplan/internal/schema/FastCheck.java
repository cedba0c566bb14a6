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
     * {@code Pattern.compile(regex)}, with each plain character class written out as the single
     * characters it holds: java.util.regex tests a class of single characters below 256 with one look-up
     * in a bit set, and a class of ranges ({@code [A-Za-z0-9._-]}) through a chain of predicates, one
     * per range, which at the JIT's first tier took about 10% of a filled plan's review. The same
     * characters, so the same matches ({@code FastCheckPatternTest}). A class is plain when it is not
     * negated and holds only printable ASCII characters and ranges of letters or digits ({@code \-}
     * for a hyphen); any other class is left as it is, and a pattern with inline flags or quoting
     * ({@code (?i)}, {@code \Q}) is compiled as given.
     */
    static java.util.regex.Pattern pattern(String regex) {
        if (regex.contains("\\Q") || regex.replace("(?:", "").contains("(?")) {
            return java.util.regex.Pattern.compile(regex);
        }
        StringBuilder out = new StringBuilder(regex.length() * 2);
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                int end = writeOutClass(regex, i, out);
                if (end < 0) {
                    return java.util.regex.Pattern.compile(regex); // an unclosed or nested class: as given
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return java.util.regex.Pattern.compile(out.toString());
    }

    /**
     * Writes the class that opens at {@code start} to {@code out}, as single characters when it is
     * plain, as it is otherwise; the index after the class, or -1 when its end cannot be found simply.
     */
    private static int writeOutClass(String regex, int start, StringBuilder out) {
        java.util.BitSet members = new java.util.BitSet(128);
        boolean plain = true;
        int i = start + 1;
        if (i < regex.length() && regex.charAt(i) == ']') {
            return -1;
        }
        if (i < regex.length() && regex.charAt(i) == '^') {
            plain = false;
        }
        int end = -1;
        for (int j = i; j < regex.length(); j++) {
            char c = regex.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']' && j > i) {
                end = j;
                break;
            }
        }
        if (end < 0) {
            return -1;
        }
        while (plain && i < end) {
            char c = regex.charAt(i);
            if (c == '\\' && regex.charAt(i + 1) == '-') {
                members.set('-');
                i += 2;
            } else if (c == '\\' || c == '&' || c < 0x21 || c > 0x7e) {
                plain = false;
            } else if (i + 2 < end && regex.charAt(i + 1) == '-' && regex.charAt(i + 2) != '\\') {
                char last = regex.charAt(i + 2);
                boolean letters = Character.isLetterOrDigit(c) && Character.isLetterOrDigit(last) && last < 0x7f;
                if (!letters || last < c) {
                    plain = false;
                } else {
                    members.set(c, last + 1);
                    i += 3;
                }
            } else {
                members.set(c);
                i++;
            }
        }
        if (!plain || members.isEmpty()) {
            out.append(regex, start, end + 1);
        } else {
            out.append('[');
            for (int c = members.nextSetBit(0); c >= 0; c = members.nextSetBit(c + 1)) {
                if (!Character.isLetterOrDigit(c)) {
                    out.append('\\');
                }
                out.append((char) c);
            }
            out.append(']');
        }
        return end + 1;
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
