package dev.readbackplan.internal.scan;

import dev.readbackplan.internal.secret.SecretScanner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.readbackplan.internal.secret.SecretScanner.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The labelled corpus of {@code src/test/resources/scanner/}: synthetic secrets that must each be found
 * by their own rule, and harmless strings from monitoring work that must all pass. A false alarm
 * fails this test as surely as a miss. The counts are printed, as recall and false-alarm figures.
 */
class SecretCorpusTest {

    record Sample(String label, String text, int line) {}

    @Test
    void everySecretIsCaughtByItsRuleAndNoHarmlessStringIsFlagged() throws IOException {
        List<Sample> secrets = read("secrets.txt");
        List<Sample> harmless = read("harmless.txt");
        List<String> failures = new ArrayList<>();
        int caught = 0;
        for (Sample sample : secrets) {
            Kind kind = SecretScanner.scan(sample.text());
            if (kind != null && kind.ruleId().equals(sample.label())) {
                caught++;
            } else {
                failures.add("secrets.txt:" + sample.line() + ": expected " + sample.label() + ", got "
                        + (kind == null ? "nothing" : kind.ruleId()));
            }
        }
        int flagged = 0;
        for (Sample sample : harmless) {
            Kind kind = SecretScanner.scan(sample.text());
            if (kind != null) {
                flagged++;
                failures.add("harmless.txt:" + sample.line() + ": " + sample.label() + " flagged as " + kind.ruleId());
            }
        }
        System.out.printf("secret corpus: %d/%d caught; harmless corpus: %d/%d flagged%n",
                caught, secrets.size(), flagged, harmless.size());
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void theCorpusIsLargeAndCoversEveryRuleAndEveryHarmlessKindOfTheIssue() throws IOException {
        List<Sample> secrets = read("secrets.txt");
        List<Sample> harmless = read("harmless.txt");
        assertTrue(secrets.size() >= 150, "at least 150 secrets: " + secrets.size());
        assertTrue(harmless.size() >= 150, "at least 150 harmless strings: " + harmless.size());
        Set<String> rules = SecretScanner.rules().stream().map(Kind::ruleId).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> covered = secrets.stream().map(Sample::label).collect(Collectors.toSet());
        assertEquals(rules, rules.stream().filter(covered::contains).collect(Collectors.toCollection(LinkedHashSet::new)),
                "every rule has a case in secrets.txt");
        assertTrue(rules.containsAll(covered), "every label of secrets.txt is a rule id: " + covered);
        Set<String> kinds = harmless.stream().map(Sample::label).collect(Collectors.toSet());
        for (String kind : List.of("ticket-after-keyword", "k8s-secret-name", "helm-setting", "template-placeholder",
                "all-caps-url-placeholder", "cookie-attribute", "boolean-after-keyword", "small-value-after-token",
                "pagination-token", "hash-after-keyword", "path-after-keyword", "rule-file-path", "runbook-title",
                "hash", "uuid", "dashboard-uid")) {
            assertTrue(kinds.contains(kind), "harmless.txt has a " + kind);
        }
    }

    @Test
    void expansionsBuildTheTextsAndNothingElse() {
        assertEquals("ab", expand("a«»b"));
        assertEquals("xAAAy", expand("x«A*3»y"));
        assertEquals("a\nb", expand("a\\nb"));
    }

    private static List<Sample> read(String name) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = SecretCorpusTest.class.getResourceAsStream("/scanner/" + name)) {
            if (in == null) {
                throw new IOException("missing corpus file " + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf(" | ");
                if (bar < 0) {
                    throw new IOException(name + ":" + (i + 1) + ": no \" | \" between label and text");
                }
                samples.add(new Sample(line.substring(0, bar).strip(), expand(line.substring(bar + 3)), i + 1));
            }
        }
        return samples;
    }

    /** {@code «»} is nothing, {@code «c*N»} is N copies of c, {@code \n} is a line break. */
    static String expand(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '«') {
                int close = text.indexOf('»', i);
                String inside = text.substring(i + 1, close);
                if (!inside.isEmpty()) {
                    int star = inside.lastIndexOf('*');
                    out.append(inside.substring(0, star).repeat(Integer.parseInt(inside.substring(star + 1))));
                }
                i = close + 1;
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'n') {
                out.append('\n');
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
