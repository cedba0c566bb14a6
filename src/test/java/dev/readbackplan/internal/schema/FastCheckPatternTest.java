package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.build.ValidatorGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated checks compile each schema pattern as the build's generator writes it out ({@link
 * ValidatorGenerator#writtenOut}: plain character classes as single characters). Differential: on
 * seeded strings, valid values of the example's plan and their mutations, it matches exactly what
 * {@code Pattern.compile} of the pattern as given matches, for every pattern of the packaged schemas
 * and for patterns it must leave alone. Which patterns the generated checks hold as a {@code Pattern}
 * (those the generator does not make an automaton of) is {@code PatternAutomatonTest}'s.
 */
class FastCheckPatternTest {
    /** Patterns of other shapes: negated, nested, escaped, flagged, quoted, with hyphens anywhere. */
    private static final List<String> OTHERS = List.of("^[a-]+$", "^[-a]+$", "^[a-z-9]+\\z", "^[^a-z]+$", "[\\s\\S]", "(?i)^[a-f]+$",
            "^\\Q[a-z]\\E$", "^[a-c&&b]+$", "^\\[[a-c]\\]$", "^[0-z]{2}$", "^[._~/:-]{1,3}#[0-9]+$", "^(?=a)[a-c]+$", "^[\\-a-c]+$",
            "^[A-Za-z0-9][A-Za-z0-9._-]{0,9}/x$", "^[\\\\a]$", "[]a]", "^[é-ü]+$");

    @Test
    void matchesWhatThePatternAsGivenMatches() throws IOException {
        Set<String> patterns = packagedPatterns();
        assertTrue(patterns.size() >= 7, "the packaged schemas' patterns: " + patterns);
        List<String> samples = samples();
        Random random = new Random(16);
        int compared = 0;
        int rewritten = 0;
        List<String> all = new ArrayList<>();
        patterns.forEach(p -> all.add(com.networknt.schema.regex.RegularExpressions.replaceDollarAnchors(p)));
        all.addAll(OTHERS);
        for (String regex : all) {
            Pattern given;
            try {
                given = Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                continue; // not a pattern at all: nothing to compare
            }
            Pattern written = Pattern.compile(ValidatorGenerator.writtenOut(regex));
            if (!written.pattern().equals(regex)) {
                rewritten++;
            }
            List<String> inputs = new ArrayList<>(samples);
            String alphabet = regex + "aZ09-_./:#~é \n[]\\";
            for (int i = 0; i < 3000; i++) {
                StringBuilder s = new StringBuilder();
                int length = random.nextInt(i % 10 == 0 ? 200 : 12);
                for (int k = 0; k < length; k++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                inputs.add(s.toString());
                String sample = samples.get(random.nextInt(samples.size()));
                inputs.add(mutate(sample, alphabet, random));
            }
            for (String input : inputs) {
                assertEquals(given.matcher(input).find(), written.matcher(input).find(), regex + " against \"" + input + "\" (written as " + written + ")");
                compared++;
            }
        }
        assertTrue(rewritten >= 3, "patterns written out: " + rewritten);
        assertTrue(compared > 100_000, "compared " + compared);
        // The evidence reference's pattern is the one that pays: it is written out.
        String evidence = patterns.stream().filter(p -> p.contains("artifact://")).findFirst().orElseThrow();
        String adjusted = com.networknt.schema.regex.RegularExpressions.replaceDollarAnchors(evidence);
        assertNotEquals(adjusted, ValidatorGenerator.writtenOut(adjusted));
    }

    /** Every pattern of the packaged schemas, as the schemas spell them (also {@code PatternAutomatonTest}'s). */
    static Set<String> packagedPatterns() {
        Set<String> patterns = new LinkedHashSet<>();
        for (String schema : List.of(SchemaSet.SNAPSHOT_SCHEMA, SchemaSet.PLAN_SCHEMA, SchemaSet.REVIEW_SCHEMA)) {
            collect(SchemaSet.packagedTree(schema), patterns);
        }
        return patterns;
    }

    private static void collect(JsonNode node, Set<String> patterns) {
        if (node.isObject() && node.path("pattern").isTextual()) {
            patterns.add(node.get("pattern").textValue());
        }
        for (JsonNode child : node) {
            collect(child, patterns);
        }
    }

    /** Every string value of the example's filled plan and its snapshot: values that match and values that do not. */
    private static List<String> samples() throws IOException {
        List<String> values = new ArrayList<>();
        for (String file : List.of("monitoring-post-incident-readback-plan.filled.json", "monitoring-owner-response-acceptance.snapshot.json")) {
            strings(SchemaSet.parse(Files.readAllBytes(Path.of("examples/docs/security", file))), values);
        }
        values.addAll(List.of("", "INC-1000", "abc1234", "commit:0123abcd", "sha256:" + "a".repeat(64), "artifact://a/b#c:d", "org/repo#12"));
        return values;
    }

    private static void strings(JsonNode node, List<String> values) {
        if (node.isTextual()) {
            values.add(node.textValue());
        }
        for (JsonNode child : node) {
            strings(child, values);
        }
    }

    private static String mutate(String value, String alphabet, Random random) {
        StringBuilder s = new StringBuilder(value);
        for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> s.insert(at, c);
                case 1 -> { if (s.length() > 0) { s.setCharAt(at, c); } }
                default -> { if (s.length() > 0) { s.deleteCharAt(at); } }
            }
        }
        return s.toString();
    }
}
