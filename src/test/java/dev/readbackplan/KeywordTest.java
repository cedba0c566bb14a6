package dev.readbackplan;

import dev.readbackplan.internal.render.SarifWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.Severity;
import dev.readbackplan.document.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The library's own problem keywords: one enum, from which SARIF's rules and the reports' spellings come. */
class KeywordTest {

    @Test
    void idsRoundTripAndSchemaKeywordsAreNotTheTools() {
        for (Keyword keyword : Keyword.values()) {
            assertEquals(Optional.of(keyword), Keyword.fromId(keyword.id()));
            Problem problem = new Problem(Severity.ERROR, "", 0, 0, keyword.id(), "m");
            assertEquals(Optional.of(keyword), problem.toolKeyword());
            assertEquals(keyword.id(), problem.keyword());
        }
        for (String schemaKeyword : List.of("required", "type", "additionalProperties", "pattern", "schema", "Syntax")) {
            assertEquals(Optional.empty(), new Problem(Severity.ERROR, "", 0, 0, schemaKeyword, "m").toolKeyword());
        }
    }

    /** The README's list of keywords and the enum are the same list, in the same order. */
    @Test
    void readmeListsEveryKeyword() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        String listed = readme.substring(readme.indexOf("one of this tool's own checks: "), readme.indexOf(". A report that reached"));
        List<String> ids = new ArrayList<>();
        Matcher code = Pattern.compile("`([a-z-]+)`").matcher(listed);
        while (code.find()) {
            ids.add(code.group(1));
        }
        assertEquals(Arrays.stream(Keyword.values()).map(Keyword::id).toList(), ids);
    }

    /** SARIF's rule list of a validation run starts with one rule per keyword, in the enum's order. */
    @Test
    void sarifRulesComeFromTheEnum() throws IOException {
        JsonNode log = new ObjectMapper().readTree(SarifWriter.validation(List.of(), "1.0", Path.of("").toAbsolutePath()));
        List<String> ruleIds = new ArrayList<>();
        log.path("runs").get(0).path("tool").path("driver").path("rules").forEach(rule -> ruleIds.add(rule.path("id").asText()));
        assertEquals(Arrays.stream(Keyword.values()).map(Keyword::id).toList(), ruleIds);
    }

    @Test
    void aKeywordWithoutSarifTextOrATextWithoutKeywordFailsAtOnce() {
        Map<String, String[]> texts = new LinkedHashMap<>(SarifWriter.ownRules());
        assertEquals(Set.copyOf(Arrays.stream(Keyword.values()).map(Keyword::id).toList()), texts.keySet());
        texts.remove(Keyword.KIND.id());
        assertThrows(IllegalStateException.class, () -> SarifWriter.byKeyword(texts));
        Map<String, String[]> extra = new LinkedHashMap<>(SarifWriter.ownRules());
        extra.put("stale", new String[] {"a", "b"});
        assertThrows(IllegalStateException.class, () -> SarifWriter.byKeyword(extra));
    }

    /** No main source spells a keyword as a string literal where a finding or problem is made: the enum does. */
    @Test
    void noKeywordLiteralsWhereFindingsAreMade() throws IOException {
        Pattern made = Pattern.compile("(Finding\\.(error|warning|errorAt|scanned)\\(|new Problem\\(|new Finding\\()");
        List<String> literals = Arrays.stream(Keyword.values()).map(k -> "\"" + k.id() + "\"").toList();
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    // A call may spread over three lines.
                    String call = String.join(" ", lines.subList(i, Math.min(lines.size(), i + 3)));
                    if (made.matcher(lines.get(i)).find() && literals.stream().anyMatch(call::contains)) {
                        offending.add(file.getFileName() + ":" + (i + 1));
                    }
                }
            }
        }
        assertTrue(offending.isEmpty(), offending::toString);
    }

    @Test
    void anEmptyDocumentIsASyntaxProblem() throws IOException {
        ValidationReport report = ReadbackPlanner.create().validate(new ByteArrayInputStream(new byte[0]), "empty.json",
                DocumentKind.SNAPSHOT);
        assertEquals(Optional.of(Keyword.SYNTAX), report.problems().get(0).toolKeyword());
    }
}
