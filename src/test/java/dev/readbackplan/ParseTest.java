package dev.readbackplan;

import dev.readbackplan.document.GenerationResult;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.InvalidDocumentException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.model.AcceptanceSnapshot;
import dev.readbackplan.model.PlanSummary;
import dev.readbackplan.model.ReadbackPlan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The typed entry points: a document into the model through the strict reader, or its located problems. */
class ParseTest {
    private static final Path EXAMPLE = GoldenPlanTest.GOLDEN.resolve("example");
    private static final Path INVALID = Path.of("src/test/resources/fixtures/snapshot/invalid");
    private final ReadbackPlanner planner = ReadbackPlanner.create();

    @Test
    void aValidSnapshotAndPlanBindToTheModel() throws IOException {
        ParseResult<AcceptanceSnapshot> snapshot = planner.parseSnapshot(EXAMPLE.resolve("snapshot.json"));
        assertTrue(snapshot.isValid(), snapshot.report().toText());
        assertEquals(10, snapshot.orElseThrow().getAcceptanceCandidates().size());
        ParseResult<ReadbackPlan> plan = planner.parsePlan(EXAMPLE.resolve("plan.json"));
        assertEquals(10, plan.orElseThrow().getReadbackCandidates().size());
        assertEquals(10L, plan.orElseThrow().getSummary().getReadbackCandidateCount());
        // The model of a parsed plan writes the file's bytes again.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        planner.write(plan.orElseThrow(), out);
        assertEquals(Files.readString(EXAMPLE.resolve("plan.json")), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInvalidDocumentGivesLocatedProblemsAndNoValue() throws IOException {
        ParseResult<AcceptanceSnapshot> result = planner.parseSnapshot(INVALID.resolve("three-problems.json"));
        assertFalse(result.isValid());
        assertTrue(result.value().isEmpty());
        assertEquals(3, result.report().errors().size());
        assertEquals(7, result.report().problems().get(0).line());
        InvalidDocumentException thrown = assertThrows(InvalidDocumentException.class, result::orElseThrow);
        assertEquals(result.report(), thrown.report());
        // A syntax error, from a stream, with its position; a snapshot is not a plan.
        ParseResult<ReadbackPlan> broken = planner.parsePlan(new ByteArrayInputStream("{\"a\": 1,}".getBytes(StandardCharsets.UTF_8)), "s");
        assertEquals("syntax", broken.report().problems().get(0).keyword());
        assertEquals(1, broken.report().problems().get(0).line());
        assertFalse(planner.parsePlan(EXAMPLE.resolve("snapshot.json")).isValid());
    }

    @Test
    void theTwoCasesAreTheTypeAndHoldTheirInvariants() throws IOException {
        ParseResult<ReadbackPlan> valid = planner.parsePlan(EXAMPLE.resolve("plan.json"));
        ParseResult<ReadbackPlan> invalid = planner.parsePlan(EXAMPLE.resolve("snapshot.json"));
        ParseResult.Valid<ReadbackPlan> validCase = assertInstanceOf(ParseResult.Valid.class, valid);
        assertInstanceOf(ParseResult.Invalid.class, invalid);
        assertSame(validCase.document(), valid.orElseThrow());
        assertSame(validCase.document(), valid.value().orElseThrow());
        int candidates = valid.fold(plan -> plan.getReadbackCandidates().size(), report -> -1);
        assertEquals(10, candidates);
        int errors = invalid.fold(plan -> -1, report -> report.errors().size());
        assertEquals(invalid.report().errors().size(), errors);
        assertTrue(invalid.report().errors().size() > 0);
        // Neither case can be made to disagree with its report.
        assertThrows(IllegalArgumentException.class, () -> new ParseResult.Valid<>(validCase.document(), invalid.report()));
        assertThrows(IllegalArgumentException.class, () -> new ParseResult.Invalid<ReadbackPlan>(valid.report()));
        assertThrows(NullPointerException.class, () -> new ParseResult.Invalid<ReadbackPlan>(null));
    }

    @Test
    void theStrictReaderAndItsLimitsApply() throws IOException {
        ReadbackPlanner small = ReadbackPlanner.create(new Limits(64, 128, 1 << 20));
        ParseResult<AcceptanceSnapshot> tooLarge = small.parseSnapshot(EXAMPLE.resolve("snapshot.json"));
        assertEquals("limit", tooLarge.report().problems().get(0).keyword());
        ParseResult<AcceptanceSnapshot> duplicate = planner.parseSnapshot(INVALID.resolve("duplicate-key.json"));
        assertEquals("duplicate-key", duplicate.report().problems().get(0).keyword());
    }

    @Test
    void generationGivesATypedSummary() throws IOException {
        GenerationResult result = planner.generate(EXAMPLE.resolve("snapshot.json"), GoldenPlanTest.OPTIONS, new ByteArrayOutputStream());
        PlanSummary summary = result.planSummary();
        assertEquals(result.readbackCandidateCount(), summary.getReadbackCandidateCount());
        assertEquals(result.reviewerCheckCount(), summary.getReviewerCheckCount());
        assertEquals(result.writeCapableReadbackCandidateCount(), summary.getWriteCapableReadbackCandidateCount());
        assertEquals(result.outcomeLaneCount(), summary.getOutcomeLaneCount());
        assertEquals(result.postIncidentReadbackAcceptedCount(), summary.getPostIncidentReadbackAcceptedCount());
        assertEquals(result.runtimeGateCount(), summary.getRuntimeGateCount());
        assertEquals(28L, summary.getReviewerCheckCount());
        assertEquals(10L, summary.getReadbackCandidateCount());
    }
}
