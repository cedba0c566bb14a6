package dev.readbackplan.internal.scan;

import dev.readbackplan.internal.secret.SecretScanner;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The comparison of docs/secret-scanner-comparison.md: gitleaks' own default rule table (its
 * gitleaks.toml, vendored) read by our --secret-rules reader and run by our engine over the labelled
 * corpus, side by side with the built-in table. Prints the counts and the lines where they differ;
 * asserts the counts the document gives, so that the document cannot go stale silently.
 */
class GitleaksComparisonTest {

    @Test
    void countsOfTheBuiltInTableAndOfGitleaksDefaultTableOverTheCorpus() throws Exception {
        CustomRules gitleaks = CustomRules.readGitleaks(
                Files.readString(Path.of("src/test/resources/scanner/gitleaks/default/gitleaks.toml")), "gitleaks.toml", false);
        List<SecretCorpusTest.Sample> secrets = read("secrets.txt");
        List<SecretCorpusTest.Sample> harmless = read("harmless.txt");
        int ours = 0;
        int theirs = 0;
        Map<String, Integer> missedByLabel = new TreeMap<>();
        List<String> differences = new ArrayList<>();
        for (SecretCorpusTest.Sample sample : secrets) {
            boolean a = SecretScanner.scan(sample.text()) != null;
            SecretScanner.Kind kind = gitleaks.scan(sample.text());
            ours += a ? 1 : 0;
            theirs += kind != null ? 1 : 0;
            if (kind == null) {
                missedByLabel.merge(sample.label(), 1, Integer::sum);
            }
        }
        int oursFlagged = 0;
        int theirsFlagged = 0;
        for (SecretCorpusTest.Sample sample : harmless) {
            oursFlagged += SecretScanner.scan(sample.text()) != null ? 1 : 0;
            SecretScanner.Kind kind = gitleaks.scan(sample.text());
            if (kind != null) {
                theirsFlagged++;
                differences.add("harmless.txt:" + sample.line() + " (" + sample.label() + ") flagged by " + kind.ruleId());
            }
        }
        System.out.printf("built-in table: secrets %d/%d caught, harmless %d/%d flagged%n", ours, secrets.size(), oursFlagged,
                harmless.size());
        System.out.printf("gitleaks default table (%d rules, our engine): secrets %d/%d caught, harmless %d/%d flagged%n",
                gitleaks.ids().size(), theirs, secrets.size(), theirsFlagged, harmless.size());
        System.out.println("gitleaks table missed, by our label: " + missedByLabel);
        differences.forEach(System.out::println);
        assertEquals(secrets.size(), ours);
        assertEquals(0, oursFlagged);
        assertEquals(DOCUMENTED_GITLEAKS_CAUGHT, theirs, "update docs/secret-scanner-comparison.md");
        assertEquals(DOCUMENTED_GITLEAKS_FLAGGED, theirsFlagged, "update docs/secret-scanner-comparison.md");
    }

    /** The counts docs/secret-scanner-comparison.md gives. */
    static final int DOCUMENTED_GITLEAKS_CAUGHT = 54;
    static final int DOCUMENTED_GITLEAKS_FLAGGED = 4;

    @SuppressWarnings("unchecked")
    private static List<SecretCorpusTest.Sample> read(String name) throws Exception {
        Method read = SecretCorpusTest.class.getDeclaredMethod("read", String.class);
        read.setAccessible(true);
        return (List<SecretCorpusTest.Sample>) read.invoke(null, name);
    }
}
