package dev.readbackplan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.PlanOptions;
import dev.readbackplan.PlanReview;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.cli.Cli;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.model.ReadbackCandidate.OutcomeLaneId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 items 5 and 6: the Markdown review of a 1,000-candidate plan fits a pull request comment.
 * The plan is the example's ten candidates, each cloned a hundred times and filled in as the filled
 * example is (so every lane of the example has candidates), with a secret pasted into a few; the
 * review is rendered with a CommonMark parser, as GitHub renders a comment, and its blocks checked:
 * the needs-action summary first, one group per lane with candidates and its count, long groups
 * folded, and the last line saying what was left out.
 */
class MarkdownBudgetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final Path EXAMPLE_FILLED = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.filled.json");
    private static final int CANDIDATES = 1_000;
    private static final int DEFAULT_BUDGET = 65_000;
    private static final int MIN_BUDGET = 16_000;
    private static final Set<OutcomeLaneId> READY = ReadbackPlanner.catalog().readyLanes();
    /** Secret-shaped, in an evidence field of every 97th candidate: quarantined, never shown. */
    private static final String TOKEN = "ghp_" + "Z8kQ2mW4nR6tY1uI3oP5aS7dF9gH0jK2lL4x";
    private static final Parser COMMONMARK = Parser.builder().build();

    @TempDir
    static Path folder;
    static Path plan;
    static Path snapshot;
    static PlanReview.Reviewed review;

    @BeforeAll
    static void thousandCandidates() throws IOException {
        ObjectNode example = (ObjectNode) JSON.readTree(EXAMPLE_SNAPSHOT.toFile());
        ArrayNode templates = (ArrayNode) example.get("acceptance_candidates");
        ArrayNode candidates = JSON.createArrayNode();
        for (int i = 0; i < CANDIDATES; i++) {
            ObjectNode candidate = templates.get(i % templates.size()).deepCopy();
            String surface = candidate.get("surface_id").textValue() + "_" + String.format("%04d", i);
            candidate.put("surface_id", surface);
            candidate.put("acceptance_candidate_id", "monitoring_owner_response_acceptance:" + surface);
            candidate.put("request_id", "monitoring_owner_request:" + surface);
            candidates.add(candidate);
        }
        example.set("acceptance_candidates", candidates);
        ObjectNode summary = (ObjectNode) example.get("summary");
        summary.put("acceptance_candidate_count", CANDIDATES);
        summary.put("write_capable_acceptance_candidate_count", summary.get("write_capable_acceptance_candidate_count").asInt() * 100);
        summary.put("live_evidence_required_candidate_count", summary.get("live_evidence_required_candidate_count").asInt() * 100);
        snapshot = folder.resolve("snapshot.json");
        write(example, snapshot);

        ReadbackPlanner planner = ReadbackPlanner.create();
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        planner.generate(snapshot, new PlanOptions("2026-01-01T00:00:00+08:00", "unknown"), generated);
        ObjectNode document = (ObjectNode) JSON.readTree(generated.toByteArray());
        Map<String, JsonNode> filled = new LinkedHashMap<>();
        JSON.readTree(EXAMPLE_FILLED.toFile()).get("readback_candidates").forEach(c -> filled.put(c.get("surface_id").textValue(), c));
        int index = 0;
        for (JsonNode node : document.get("readback_candidates")) {
            ObjectNode candidate = (ObjectNode) node;
            String surface = candidate.get("surface_id").textValue();
            JsonNode template = filled.get(surface.substring(0, surface.length() - "_0000".length()));
            for (Iterator<String> names = template.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (name.endsWith("_ref") || List.of("maintenance_window", "rollback_owner", "followup_owner", "status", "reviewer_outcome")
                        .contains(name)) {
                    candidate.set(name, template.get(name));
                }
            }
            if (index++ % 97 == 0) {
                candidate.put("actor_attribution_ref", TOKEN);
            }
        }
        plan = folder.resolve("plan.json");
        write(document, plan);
        review = assertInstanceOf(PlanReview.Reviewed.class, planner.review(plan, snapshot, ReviewGoldenTest.REVIEWED_AT));
    }

    private static void write(JsonNode document, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            PythonJsonWriter writer = new PythonJsonWriter(out);
            writer.writeDocument(document);
            writer.flush();
        }
    }

    /** The lanes with candidates, those that need action first, each in catalog order, with their counts. */
    private static Map<String, Integer> expectedGroups() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (boolean ready : new boolean[] {false, true}) {
            for (var lane : ReadbackPlanner.catalog().outcomeLanes()) {
                int n = (int) review.lanes().stream().filter(lane.id()::equals).count();
                if (n > 0 && READY.contains(lane.id()) == ready) {
                    counts.put(lane.id().value(), n);
                }
            }
        }
        return counts;
    }

    /** A node's text: its text and code spans, concatenated. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof Code c) {
                text.append(c.getLiteral());
            } else {
                text.append(text(child));
            }
        }
        return text.toString();
    }

    private static List<Node> blocks(String markdown) {
        List<Node> blocks = new ArrayList<>();
        for (Node node = COMMONMARK.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
            blocks.add(node);
        }
        return blocks;
    }

    /** A candidate's heading: a heading of level 3 or 4 that is one code span, its surface id. */
    private static boolean isCandidate(Node node) {
        return node instanceof Heading h && h.getLevel() >= 3 && h.getFirstChild() instanceof Code && h.getFirstChild().getNext() == null;
    }

    /** Checks the report's structure and returns how many candidates it details. */
    private static int checkStructure(String markdown, int budget) {
        List<Node> blocks = blocks(markdown);
        Heading title = (Heading) blocks.get(0);
        assertEquals(1, title.getLevel());
        assertEquals("Monitoring post-incident readback review", text(title));

        // The summary comes first: the first heading after the title is "Needs action", with the counts.
        List<Heading> level2 = new ArrayList<>();
        blocks.stream().filter(b -> b instanceof Heading h && h.getLevel() == 2).forEach(b -> level2.add((Heading) b));
        assertEquals("Needs action", text(level2.get(0)));
        Node afterNeeds = level2.get(0).getNext();
        long ready = review.lanes().stream().filter(READY::contains).count();
        assertEquals((CANDIDATES - ready) + " of " + CANDIDATES + " candidates need action; " + ready
                + " are ready for review or waiting for the runtime gate.", text(afterNeeds));
        String whole = markdown;
        int firstGroup = whole.indexOf("\n## `");
        assertTrue(whole.indexOf("### Unmet checks") < firstGroup && whole.indexOf("### Lanes") < firstGroup, "the summary precedes the groups");

        // One group per lane with candidates, with its count; none for an empty lane.
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (Heading heading : level2.subList(1, level2.size())) {
            if (text(heading).equals("Snapshot warnings")) {
                continue;
            }
            String[] laneAndCount = text(heading).split(": ");
            groups.put(laneAndCount[0], Integer.parseInt(laneAndCount[1].replaceAll(" candidates?$", "")));
        }
        assertEquals(expectedGroups(), groups);
        assertFalse(whole.contains("quarantine_raw_payload`: 0") || whole.contains("| 0 |"), "no lane or check is listed with 0");

        // Long groups are folded: every <details> is closed, and each group of more than 3 detailed candidates is in one.
        long opened = blocks.stream().filter(b -> b instanceof HtmlBlock h && h.getLiteral().startsWith("<details>")).count();
        long closed = blocks.stream().filter(b -> b instanceof HtmlBlock h && h.getLiteral().startsWith("</details>")).count();
        assertEquals(opened, closed);
        int detailed = (int) blocks.stream().filter(MarkdownBudgetTest::isCandidate).count();
        assertTrue(detailed == 0 || opened > 0, "the groups here all have more than 3 candidates: their detail is folded");

        Node last = blocks.get(blocks.size() - 1);
        assertTrue(last instanceof Paragraph, last.toString());
        if (detailed == CANDIDATES) {
            assertEquals("Nothing was left out: every candidate is shown in full.", text(last));
        } else {
            String expected = "Left out to stay within " + String.format(java.util.Locale.ROOT, "%,d", budget) + " characters: the detail of " + (CANDIDATES - detailed)
                    + " of " + CANDIDATES + " candidates";
            assertTrue(text(last).startsWith(expected), text(last) + "\nstarts with\n" + expected);
            assertTrue(text(last).contains("monitoring-readback-plan review --format markdown --markdown-budget 0 PLAN"), text(last));
        }
        assertFalse(markdown.contains(TOKEN.substring(4)), "a quarantined value is never shown");
        return detailed;
    }

    @Test
    void aThousandCandidatesFitTheDefaultBudget() {
        String markdown = review.toMarkdown();
        assertTrue(markdown.length() <= DEFAULT_BUDGET, markdown.length() + " characters");
        int detailed = checkStructure(markdown, DEFAULT_BUDGET);
        assertTrue(detailed > 10 && detailed < CANDIDATES, detailed + " candidates detailed");
        // The detail goes to the lanes that need action first.
        assertFalse(markdown.contains("\n## `ready_for_monitoring_post_incident_review`: 100 candidates\n\n<details>"),
                "the ready lanes come last and get their detail only when the budget allows");
    }

    @Test
    void aSmallerBudgetIsKeptAndNoBudgetShowsEverything() {
        String small = review.toMarkdown(20_000);
        assertTrue(small.length() <= 20_000, small.length() + " characters");
        checkStructure(small, 20_000);

        String full = review.toMarkdown(0);
        assertEquals(CANDIDATES, checkStructure(full, 0));
        assertFalse(full.contains("is left out"));
        // Filled evidence values are shown as code; the snapshot's warnings would come first, there are none here.
        assertTrue(full.contains("  - `monitoring_incident_or_change_ref`: `INC-2041`\n"), "evidence values are shown");

        assertThrows(IllegalArgumentException.class, () -> review.toMarkdown(MIN_BUDGET - 1));
        assertThrows(IllegalArgumentException.class, () -> review.toMarkdown(-1));
    }

    @Test
    void theReviewNamesThePlanAndSnapshotWithTheirSha256() throws IOException {
        String planSha = sha256(plan);
        String snapshotSha = sha256(snapshot);
        String markdown = review.toMarkdown();
        assertTrue(markdown.contains("- Plan: `" + plan + "`, SHA-256 `" + planSha + "`\n"), markdown.substring(0, 600));
        assertTrue(markdown.contains("- Snapshot: `" + snapshot + "`, SHA-256 `" + snapshotSha + "`\n"), markdown.substring(0, 600));
        String text = review.toText();
        assertTrue(text.contains("\nplan: " + plan + ", SHA-256 " + planSha + "\n"), text);
        assertTrue(text.contains("\nsnapshot: " + snapshot + ", SHA-256 " + snapshotSha + "\n"), text);
        // The example's lanes request_receiver_receipt_supplement and quarantine_raw_payload have none here but those quarantined.
        assertFalse(text.contains("request_receiver_receipt_supplement"), "a lane with no candidate is not listed");
        assertFalse(markdown.contains("request_receiver_receipt_supplement"), "a lane with no candidate is not listed");
    }

    @Test
    void theCommandLineTakesTheBudgetAndRefusesABadOneBeforeReadingFiles(@TempDir Path empty) {
        CliRun run = cli("review", "--root", folder.toString(), "--source-report", "snapshot.json", "--format", "markdown",
                "--markdown-budget", "20000", plan.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().length() <= 20_000 && run.out().contains("Left out to stay within 20,000 characters"), run.out().length() + "");

        for (String bad : List.of("100", "-5", "lots", "99999999999")) {
            CliRun refused = cli("review", "--root", empty.toString(), "--format", "markdown", "--markdown-budget", bad, "plan.json");
            assertEquals(2, refused.status(), bad);
            assertTrue(refused.err().contains("argument --markdown-budget: must be 0 (no limit) or a number of characters of at least 16000"),
                    refused.err());
        }
        CliRun wrongFormat = cli("review", "--root", empty.toString(), "--markdown-budget", "20000", "plan.json");
        assertEquals(2, wrongFormat.status());
        assertTrue(wrongFormat.err().contains("--markdown-budget needs --format markdown"), wrongFormat.err());
    }

    @Test
    void theSummaryFitsTheSmallestBudgetWithEveryLaneAndLongHostileNames(@TempDir Path temp) throws IOException {
        // Every lane has a candidate in the lanes case; the file names are long and hold control characters.
        Path deep = temp.resolve("a".repeat(120) + "\u001b]0;owned\u0007").resolve("b".repeat(120) + "\u202e");
        Files.createDirectories(deep);
        Path lanes = ReviewGoldenTest.CORPUS.resolve("lanes");
        Files.copy(lanes.resolve("plan.json"), deep.resolve("plan" + "\u001b[2J".repeat(20) + ".json"));
        Files.copy(lanes.resolve("snapshot.json"), deep.resolve("snapshot" + "\u200b".repeat(50) + ".json"));
        PlanReview hostile = ReadbackPlanner.create().review(deep.resolve("plan" + "\u001b[2J".repeat(20) + ".json"),
                deep.resolve("snapshot" + "\u200b".repeat(50) + ".json"), ReviewGoldenTest.REVIEWED_AT);
        String markdown = hostile.toMarkdown(MIN_BUDGET);
        assertTrue(markdown.length() <= MIN_BUDGET, markdown.length() + " characters");
        assertFalse(markdown.contains("\u001b") || markdown.contains("\u202e") || markdown.contains("\u200b"), "names are escaped");
        List<Node> blocks = blocks(markdown);
        assertEquals(11, blocks.stream().filter(b -> b instanceof Heading h && h.getLevel() == 2).count() - 2,
                "every lane's group, besides Needs action and Snapshot warnings");
        assertTrue(text(blocks.get(blocks.size() - 1)).startsWith("Left out") || text(blocks.get(blocks.size() - 1)).startsWith("Nothing"));
    }

    @Test
    void anEvidenceValueIsShownAsOneEscapedCodeSpan(@TempDir Path temp) throws IOException {
        ObjectNode filled = (ObjectNode) JSON.readTree(EXAMPLE_FILLED.toFile());
        String hostile = "ops`` | <b>bold</b>\n## not a heading \u202e [link](https://example.invalid)";
        ((ObjectNode) filled.get("readback_candidates").get(0)).put("rollback_owner", hostile);
        Path hostilePlan = temp.resolve("plan.json");
        write(filled, hostilePlan);
        String markdown = ReadbackPlanner.create().review(hostilePlan, EXAMPLE_SNAPSHOT, ReviewGoldenTest.REVIEWED_AT).toMarkdown(0);
        assertFalse(markdown.contains("\u202e"), "invisible characters are escaped");
        assertTrue(markdown.contains("  - `rollback_owner`: ```ops`` | <b>bold</b>\\u000a## not a heading \\u202e [link](https://example.invalid)```\n"),
                "one line, one code span with a longer fence:\n" + markdown);
        Node document = COMMONMARK.parse(markdown);
        List<String> found = new ArrayList<>();
        document.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                found.add("heading " + text(heading));
            }

            @Override
            public void visit(org.commonmark.node.HtmlInline html) {
                found.add("html " + html.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Link link) {
                found.add("link " + link.getDestination());
            }
        });
        assertFalse(found.stream().anyMatch(f -> f.contains("not a heading") || f.startsWith("html") || f.startsWith("link")), found.toString());
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record CliRun(int status, String out, String err) {}

    private static CliRun cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli().run(args, out, err);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
