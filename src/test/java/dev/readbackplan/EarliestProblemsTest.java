package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.testing.ExampleSnapshots;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * "A report shows at most 1,000 problems (the earliest by position)", at the production limit: a plan
 * is checked envelope first, candidates after, so a problem in {@code /summary} (written after the
 * candidates) used to be kept while 501 earlier candidate problems were dropped.
 */
class EarliestProblemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CANDIDATES = 1_500;

    /** The CLI's plan of a valid snapshot of 1,500 candidates (100 golden ones, 15 times with new ids). */
    private static String plan(ReadbackPlanner planner) throws IOException {
        JsonNode golden = JSON.readTree(Files.readAllBytes(Path.of("src/test/resources/golden/plain-10-n100/snapshot.json")));
        ObjectNode snapshot = ExampleSnapshots.copies(golden, CANDIDATES / golden.get("acceptance_candidates").size());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        planner.generate(new ByteArrayInputStream(JSON.writeValueAsBytes(snapshot)), "snapshot.json",
                new PlanOptions("2026-01-01T00:00:00+08:00", "abc1234"), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void atTheDefaultLimitTheEarliestProblemsAreShownAndTheSummaryOneIsCounted() throws IOException {
        ReadbackPlanner planner = ReadbackPlanner.create();
        assertEquals(1_000, planner.limits().maxProblems());
        assertEquals(Limits.DEFAULT.maxProblems(), planner.limits().maxProblems());
        String plan = plan(planner);
        // One problem in each candidate (a label that is not a string), one in the summary, after them.
        ObjectNode tree = (ObjectNode) JSON.readTree(plan);
        tree.get("readback_candidates").forEach(candidate -> ((ObjectNode) candidate).put("label", 5));
        ((ObjectNode) tree.get("summary")).put("unexpected_member", 1);
        String broken = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        assertTrue(broken.indexOf("\"readback_candidates\"") < broken.indexOf("\"summary\""), "the summary comes after the candidates");

        ValidationReport report = planner.validate(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "plan.json",
                DocumentKind.PLAN);

        List<Problem> shown = report.problems();
        assertEquals(1_000, shown.size());
        assertEquals(List.of(), shown.stream().filter(p -> p.pointerSegments().get(0).equals("summary")).toList(),
                "the summary's problem is the latest by position: counted, not shown");
        Set<Integer> candidatesShown = new TreeSet<>();
        for (Problem problem : shown) {
            assertEquals(List.of("readback_candidates", String.valueOf(Integer.parseInt(problem.pointerSegments().get(1))), "label"),
                    problem.pointerSegments());
            candidatesShown.add(Integer.parseInt(problem.pointerSegments().get(1)));
        }
        assertEquals(1_000, candidatesShown.size());
        assertEquals(999, ((TreeSet<Integer>) candidatesShown).last(), "candidates 0 to 999, the earliest");
        // 500 later candidates and the summary.
        assertEquals(CANDIDATES + 1 - 1_000, report.omittedErrors());
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i - 1).line() <= shown.get(i).line(), "shown in order of position");
        }
    }
}
