package dev.readbackplan.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.CustomSecretRules;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.internal.render.SarifWriter;
import dev.readbackplan.cli.Cli;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.ValidationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, item 11: a team's gitleaks configuration, read with --secret-rules and the library option. */
class GitleaksRulesTest {
    private static final Path FOLDER = Path.of("src/test/resources/scanner/gitleaks");
    private static final Path TEAM = FOLDER.resolve("team-rules.toml");
    private static final Path SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    /** Made at run time, so that the source holds no literal of the custom format. */
    private static final String ONCALL_TOKEN = "acme_oc_" + "Q8w7E6r5T4y3U2i1O0p9A8s7";

    @Test
    void aTeamFileIsReadWithItsRulesAllowlistsAndSkippedPathRules() throws Exception {
        CustomSecretRules rules = CustomSecretRules.readGitleaks(TEAM);
        assertEquals(List.of("acme-oncall-token", "acme-relay-key", "acme-pager-secret"), rules.ids());
        assertEquals(List.of("acme-cert-file"), rules.skipped());
        assertEquals("acme-oncall-token", rules.scan("ONCALL_TOKEN=" + ONCALL_TOKEN));
        assertNull(rules.scan("acme_oc_" + "Q8w7E6r5T4y3U2i1O0p9A8s"), "23 characters: the regex wants 24");
        // The global allowlist: a regex on the secret, and a stopword.
        assertNull(rules.scan("acme_oc_" + "EXAMPLE0123456789abcdefg"));
        assertNull(rules.scan("acme_oc_" + "dummy0123456789abcdefghi"));
        // secretGroup, entropy, keywords in any case.
        assertEquals("acme-relay-key", rules.scan("RELAY_KEY: q8w7e6r5t4y3u2i1o0p9a8s7"));
        assertNull(rules.scan("relay_key=abababababababababab"), "entropy 1.0 is under the rule's 3.0");
        assertNull(rules.scan("the relay is down"), "keyword without a match");
        // Per-rule allowlists: regexTarget match; condition AND needs the regex and the stopword.
        assertNull(rules.scan("relay_key=testkey9f8e7d6c5b4a3210zz"));
        assertNull(rules.scan("relay-key: testfixture0a1b2c3d4e5f6g"));
        assertEquals("acme-relay-key", rules.scan("relay-key: testq8w7e6r5t4y3u2i1o0"));
        // A multi-line basic string with escapes, and the single-table [rules.allowlist] form.
        assertEquals("acme-pager-secret", rules.scan("pager-secret-123456-ABCD"));
        assertNull(rules.scan("pager-secret-000000-ABCD"));
    }

    @Test
    void unusableFilesAreClearErrorsNamingTheFileLineAndRule() {
        assertError("bad-regex.toml", "bad-regex.toml:5: rule uses-lookahead", "RE2");
        assertError("duplicate-id.toml", "duplicate-id.toml:5: rule acme-token", "earlier rule");
        assertError("missing-id.toml", "missing-id.toml:1: rule 1 has no id");
        assertError("builtin-id.toml", "builtin-id.toml:1: rule telegram-bot-token", "built-in");
        assertError("bad-toml.toml", "bad-toml.toml:3:", "not closed");
    }

    private static void assertError(String file, String... pieces) {
        CustomSecretRules.InvalidRulesException e = assertThrows(CustomSecretRules.InvalidRulesException.class,
                () -> CustomSecretRules.readGitleaks(FOLDER.resolve(file)));
        for (String piece : pieces) {
            assertTrue(e.getMessage().contains(piece), e.getMessage());
        }
    }

    @Test
    void theTomlSubsetReadsWhatGitleaksFilesUse() throws Exception {
        Map<String, Object> root = TomlSubset.parse("a = 'x' # c\nb = \"\\u00e9\\t\"\n[t]\nn = 3\nf = 3.5\ny = true\n"
                + "l = [\n  'p', # c\n  \"q\",\n]\nm = '''\nr\\s'''\ni = { k = 1 }\n[[r]]\nid = 'one'\n[[r.s]]\nv = 1\n[[r]]\nid = 'two'\n");
        assertEquals("x", root.get("a"));
        assertEquals("\u00e9\t", root.get("b"));
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) root.get("t");
        assertEquals(3L, t.get("n"));
        assertEquals(3.5, t.get("f"));
        assertEquals(true, t.get("y"));
        assertEquals(List.of("p", "q"), t.get("l"));
        assertEquals("r\\s", t.get("m"));
        assertEquals(2, ((List<?>) root.get("r")).size());
        assertThrows(TomlSubset.TomlException.class, () -> TomlSubset.parse("a = 1\na = 2\n"));
        assertThrows(TomlSubset.TomlException.class, () -> TomlSubset.parse("a = \"\\d\"\n"));
        assertThrows(TomlSubset.TomlException.class, () -> TomlSubset.parse("a = [" .repeat(100) + "]".repeat(100)));
    }

    @Test
    void gitleaksOwnDefaultTableIsReadAndEveryRegexCompilesInRe2() throws Exception {
        String text = Files.readString(FOLDER.resolve("default/gitleaks.toml"));
        CustomRules rules = CustomRules.readGitleaks(text, "gitleaks.toml", false);
        assertTrue(rules.ids().size() >= 200, rules.ids().size() + " rules");
        assertTrue(rules.ids().contains("grafana-service-account-token") && rules.ids().contains("slack-webhook-url"));
        assertEquals("grafana-service-account-token",
                rules.scan("glsa" + "_Zyxwvutsrq0123456789ABCDEFGHIJkl_0badf00d").ruleId());
        // Rules are tried in file order and the first reports, so generic-api-key, gitleaks' first, takes assignments.
        assertEquals("generic-api-key", rules.scan("GF_TOKEN=glsa" + "_Zyxwvutsrq0123456789ABCDEFGHIJkl_0badf00d").ruleId());
    }

    @Test
    void thePlannerOptionFindsCustomSecretsInValidationWithTheRuleInSarif(@TempDir Path temp) throws Exception {
        Path snapshot = withLabel(temp, "owner handover " + ONCALL_TOKEN);
        ReadbackPlanner plain = ReadbackPlanner.create();
        assertTrue(plain.validate(snapshot).isValid(true), "the built-in table does not know the format");
        ReadbackPlanner planner = plain.withSecretRules(CustomSecretRules.readGitleaks(TEAM));
        ValidationReport report = planner.validate(snapshot);
        assertFalse(report.isValid(false));
        Problem problem = report.problems().get(0);
        assertEquals("secret", problem.keyword());
        assertEquals("acme-oncall-token", problem.rule());
        assertEquals("/acceptance_candidates/0/label", problem.rawPointer());
        assertFalse(report.toText().contains(ONCALL_TOKEN.substring(8)), report.toText());
        JsonNode sarif = new ObjectMapper().readTree(SarifWriter.validation(List.of(report), "1.0", temp));
        JsonNode result = sarif.get("runs").get(0).get("results").get(0);
        assertEquals("acme-oncall-token", result.get("ruleId").textValue());
        JsonNode rule = sarif.get("runs").get(0).get("tool").get("driver").get("rules").get(result.get("ruleIndex").intValue());
        assertEquals("acme-oncall-token", rule.get("id").textValue());
        // Generation refuses the snapshot too: the label is copied into the plan.
        assertThrows(dev.readbackplan.document.InvalidDocumentException.class,
                () -> planner.generate(snapshot, dev.readbackplan.PlanOptions.defaults(), new ByteArrayOutputStream()));
    }

    @Test
    void theCliTakesSecretRulesOnValidateGenerationAndReview(@TempDir Path temp) throws Exception {
        Path snapshot = withLabel(temp, "owner handover " + ONCALL_TOKEN);
        Run valid = run("validate", snapshot.toString());
        assertEquals(0, valid.status(), valid.err());
        Run found = run("validate", "--secret-rules", TEAM.toString(), snapshot.toString());
        assertEquals(1, found.status(), found.err());
        assertTrue(found.out().contains("acme-oncall-token"), found.out());
        assertFalse(found.out().contains(ONCALL_TOKEN.substring(8)) || found.err().contains(ONCALL_TOKEN.substring(8)));
        Run generated = run("--root", temp.toString(), "--source-report", "snapshot.json", "--secret-rules", TEAM.toString(),
                "--generated-at", "2026-01-01T00:00:00+08:00", "--git-commit", "abc1234");
        assertEquals(1, generated.status(), generated.err());
        assertEquals("", generated.out(), "nothing written");
        Run bad = run("validate", "--secret-rules", FOLDER.resolve("bad-regex.toml").toString(), snapshot.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("bad-regex.toml:5: rule uses-lookahead") && bad.err().contains("RE2"), bad.err());
        Run review = run("review", "--help");
        assertTrue(review.out().contains("--secret-rules"), review.out());
        Run missing = run("validate", "--secret-rules", temp.resolve("none.toml").toString(), snapshot.toString());
        assertEquals(2, missing.status(), missing.err());
    }

    record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli().run(args, out, err);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path withLabel(Path temp, String label) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode tree = json.readTree(SNAPSHOT.toFile());
        ((ObjectNode) tree.get("acceptance_candidates").get(0)).put("label", label);
        Path file = temp.resolve("snapshot.json");
        Files.writeString(file, json.writeValueAsString(tree));
        return file;
    }
}
