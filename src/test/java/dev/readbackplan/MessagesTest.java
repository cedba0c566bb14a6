package dev.readbackplan;


import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.Severity;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.DocumentKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Messages a person understands: syntax errors at the character to fix, shapes in words, did-you-mean for typos. */
class MessagesTest {
    private static final Path EXAMPLE = GoldenPlanTest.GOLDEN.resolve("example");
    private final ReadbackPlanner planner = ReadbackPlanner.create();

    private Problem only(String document) throws IOException {
        ValidationReport report = planner.validate(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "doc",
                DocumentKind.SNAPSHOT);
        assertEquals(1, report.problems().size(), report.toText());
        return report.problems().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "trailing comma in an object | {\"a\": 1,} | 1 | 8 | a trailing comma before } is not allowed in JSON",
        "trailing comma before a line break | `{\"a\": 1,\n\n  }` | 1 | 8 | a trailing comma before } is not allowed in JSON",
        "trailing comma in an array | {\"a\": [1, 2,]} | 1 | 12 | a trailing comma before ] is not allowed in JSON",
        "missing comma between members | {\"a\": 1 \"b\": 2} | 1 | 9 | a comma is missing between two members of an object (or a } to close it)",
        "missing comma between elements | `[1\n 2]` | 2 | 2 | a comma is missing between two elements of an array (or a ] to close it)",
        "missing colon | {\"a\" 1} | 1 | 6 | a colon is missing between the key and its value",
        "unquoted key | {a: 1} | 1 | 2 | a key must be a string in double quotes",
        "single-quoted key | {'a': 1} | 1 | 2 | single quotes are not JSON: keys and strings take double quotes",
        "single-quoted value | `{\"a\":\n  'x'}` | 2 | 3 | single quotes are not JSON: keys and strings take double quotes",
        "missing value | {\"a\": } | 1 | 7 | a value is missing before }",
    })
    void syntaxErrorsSayWhatToFixWhereItIs(String name, String document, int line, int column, String message) throws IOException {
        Problem problem = only(document);
        assertEquals("syntax", problem.keyword());
        assertEquals(message, problem.message());
        assertEquals(line + ":" + column, problem.line() + ":" + problem.column(), name);
    }

    @Test
    void syntaxMessagesNeverQuoteTheCharacterFound() throws IOException {
        // Once "unexpected character ('q' (code 113))": a character of the document in the message.
        Problem problem = only("{\"a\": 1 q}");
        assertFalse(problem.message().contains("'q'") || problem.message().contains("113"), problem.message());
    }

    @Test
    void aRefOfTheWrongShapeListsTheAcceptedShapesInWords() throws IOException {
        ObjectNode plan = (ObjectNode) new ObjectMapper().readTree(EXAMPLE.resolve("plan.json").toFile());
        ((ObjectNode) plan.get("readback_candidates").get(0)).put("actor_attribution_ref", "see the chat log");
        ValidationReport report = planner.validate(new ByteArrayInputStream(plan.toString().getBytes(StandardCharsets.UTF_8)), "plan",
                DocumentKind.PLAN);
        Problem problem = report.errors().get(0);
        assertEquals("pattern", problem.keyword());
        assertEquals("/readback_candidates/0/actor_attribution_ref", problem.rawPointer());
        for (String example : List.of("INC-2041", "3f9c2a1", "sha256: followed by 64", "artifact://evidence/2026/receipt.json",
                "owner/repo#123")) {
            assertTrue(problem.message().contains(example), example + " in " + problem.message());
        }
        assertFalse(problem.message().contains("[A-Z]"), "not the pattern: " + problem.message());
        // The message is made from the schema's description, not from a copy in the code.
        String description = new ObjectMapper().readTree(Path.of("schemas/monitoring-post-incident-readback-plan-v1.schema.json").toFile())
                .get("$defs").get("evidence_ref").get("description").textValue();
        assertTrue(problem.message().endsWith(description), problem.message());
    }

    @Test
    void patternsWithADescriptionUseIt() throws IOException {
        Problem problem = planner.validate(Path.of("src/test/resources/fixtures/snapshot/invalid/bad-digest-and-empty-id.json"))
                .problems().stream().filter(p -> p.keyword().equals("pattern")).findFirst().orElseThrow();
        assertEquals("does not have the shape the schema describes: A SHA-256 digest as 64 lower-case hex digits.", problem.message());
    }

    @Test
    void nearMissKeysOfASnapshotAreWarningsWithDidYouMean() throws IOException {
        String snapshot = Files.readString(EXAMPLE.resolve("snapshot.json"))
                .replaceFirst("\"summary\":", "\"sumary\":")
                .replaceFirst("\"surface_id\":", "\"surface_id\": \"x\", \"surface_idd\":")
                .replaceFirst("\\{", "{\"schema_versoin\": 1, \"notes_for_reviewers\": 2, ");
        ValidationReport report = planner.validate(new ByteArrayInputStream(snapshot.getBytes(StandardCharsets.UTF_8)), "s", null);
        List<Problem> unknown = report.problems().stream().filter(p -> p.keyword().equals("unknown-property")).toList();
        // Sorted by position: the summary comes after the candidates in the example.
        assertEquals(List.of("/schema_versoin", "/acceptance_candidates/0/surface_idd", "/sumary"),
                unknown.stream().map(Problem::pointer).toList(), report.toText());
        assertEquals(List.of("unknown property; did you mean schema_version?", "unknown property; did you mean surface_id?",
                "unknown property; did you mean summary?"), unknown.stream().map(Problem::message).toList());
        assertTrue(unknown.stream().allMatch(p -> p.severity() == Severity.WARNING));
        assertTrue(report.isValid() && !report.isValid(true), "warnings: valid unless strict");
    }

    @Test
    void anUnknownPlanPropertyCloseToAKnownOneSaysWhichWasMeant() throws IOException {
        ObjectNode plan = (ObjectNode) new ObjectMapper().readTree(EXAMPLE.resolve("plan.json").toFile());
        ((ObjectNode) plan.get("readback_candidates").get(0)).put("rollback_ownr", "x");
        plan.put("reviewer_sign_off", "x");
        ValidationReport report = planner.validate(new ByteArrayInputStream(plan.toString().getBytes(StandardCharsets.UTF_8)), "plan",
                DocumentKind.PLAN);
        List<String> messages = report.errors().stream().filter(p -> p.keyword().equals("additionalProperties"))
                .map(p -> p.rawPointer() + ": " + p.message()).toList();
        assertEquals(List.of("/readback_candidates/0/rollback_ownr: property not allowed here: the schema defines every property of"
                + " this object; did you mean rollback_owner?",
                "/reviewer_sign_off: property not allowed here: the schema defines every property of this object"), messages);
    }
}
