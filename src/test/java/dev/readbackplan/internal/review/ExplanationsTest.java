package dev.readbackplan.internal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readbackplan.ReadbackCatalog;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One short English explanation per check, lane and validate keyword: none missing, none extra, none twice. */
class ExplanationsTest {
    /** This tool's own problem keywords, as the README lists them. */
    private static final Set<String> OWN_KEYWORDS = Set.of("syntax", "encoding", "limit", "duplicate-key", "duplicate-id",
            "candidate-id", "summary-count", "unknown-property", "secret", "raw-payload", "kind");
    /** The JSON Schema keywords that can fail validation (draft 2020-12 assertions and applicators). */
    private static final Set<String> SCHEMA_ASSERTIONS = Set.of("type", "enum", "const", "multipleOf", "maximum",
            "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
            "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required", "dependentRequired",
            "additionalProperties", "format", "not", "oneOf", "anyOf", "allOf", "if", "contains", "propertyNames",
            "unevaluatedProperties", "unevaluatedItems", "prefixItems", "false");

    private final Explanations explanations = Explanations.get();
    private final ReadbackCatalog catalog = ReadbackPlanner.catalog();

    @Test
    void everyCheckOfTheCatalogHasExactlyOne() {
        List<String> ids = catalog.reviewerChecks().stream().map(ReadbackCatalog.Check::id).toList();
        assertEquals(28, ids.size());
        assertEquals(new TreeSet<>(ids), new TreeSet<>(explanations.checks().keySet()));
        assertEquals(ids.size(), explanations.checks().size());
        ids.forEach(id -> assertFalse(explanations.check(id).isBlank(), id));
    }

    @Test
    void everyLaneOfTheCatalogHasExactlyOne() {
        List<String> ids = catalog.outcomeLanes().stream().map(lane -> lane.id().value()).toList();
        assertEquals(11, ids.size());
        assertEquals(new TreeSet<>(ids), new TreeSet<>(explanations.lanes().keySet()));
        ids.forEach(id -> assertFalse(explanations.lane(id).isBlank(), id));
    }

    @Test
    void everyKeywordValidateCanReportHasExactlyOne() throws IOException {
        Set<String> expected = new TreeSet<>(OWN_KEYWORDS);
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> schemas = Files.list(Path.of("schemas"))) {
            for (Path schema : schemas.filter(p -> p.toString().endsWith(".schema.json")).toList()) {
                collectAssertions(mapper.readTree(schema.toFile()), expected);
            }
        }
        assertTrue(expected.containsAll(Set.of("required", "additionalProperties", "type", "pattern", "const")), expected.toString());
        assertEquals(expected, new TreeSet<>(explanations.keywords().keySet()));
    }

    @Test
    void everyKeywordTheFixturesProduceIsExplained() throws IOException {
        ReadbackPlanner planner = ReadbackPlanner.create();
        Set<String> seen = new TreeSet<>();
        for (String kind : List.of("snapshot", "plan")) {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures", kind, "invalid"))) {
                for (Path file : files.sorted().toList()) {
                    for (Problem problem : planner.validate(file).problems()) {
                        seen.add(problem.keyword());
                    }
                }
            }
        }
        assertTrue(seen.size() > 5, seen.toString());
        for (String keyword : seen) {
            assertTrue(explanations.keywords().containsKey(keyword), "no explanation of the keyword " + keyword);
        }
    }

    @Test
    void explanationsAreOneLineOfPlainEnglish() {
        for (Map<String, String> section : List.of(explanations.checks(), explanations.lanes(), explanations.keywords())) {
            section.forEach((id, text) -> {
                assertTrue(text.chars().allMatch(c -> c >= 0x20 && c < 0x7F), id + ": printable ASCII only: " + text);
                assertTrue(text.endsWith("."), id + ": a sentence: " + text);
                assertTrue(text.length() <= 200, id + ": short: " + text.length());
            });
        }
    }

    @Test
    void unknownIdsAreRefusedAndUnknownKeywordsGetTheGeneralSentence() {
        assertThrows(IllegalArgumentException.class, () -> explanations.check("no_such_check"));
        assertThrows(IllegalArgumentException.class, () -> explanations.lane("no_such_lane"));
        assertEquals(Explanations.OTHER_KEYWORD, explanations.keyword("dependentSchemas"));
    }

    /** The assertion keywords a schema uses, at any depth (property names are snake_case, so they do not collide). */
    private static void collectAssertions(JsonNode node, Set<String> into) {
        node.properties().forEach(member -> {
            if (SCHEMA_ASSERTIONS.contains(member.getKey())) {
                into.add(member.getKey());
            }
            collectAssertions(member.getValue(), into);
        });
        if (node.isArray()) {
            node.forEach(child -> collectAssertions(child, into));
        }
    }
}
