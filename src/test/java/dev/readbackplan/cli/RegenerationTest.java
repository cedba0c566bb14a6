package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.EXAMPLE_PLAN;
import static dev.readbackplan.cli.CliTest.GENERATED_AT;
import static dev.readbackplan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regenerating over a plan that reviewers filled in keeps their entries, or refuses and writes nothing. */
class RegenerationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");

    @TempDir
    Path temp;

    private CliTest.Run generate(Path snapshot, Path output, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--root", snapshot.getParent().toString(), "--source-report",
                snapshot.getFileName().toString(), "--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", output.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private Path snapshotCopy() throws IOException {
        Path snapshot = temp.resolve("repo/snapshot.json");
        Files.createDirectories(snapshot.getParent());
        Files.copy(EXAMPLE_SNAPSHOT, snapshot);
        return snapshot;
    }

    private static void write(JsonNode tree, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            PythonJsonWriter writer = new PythonJsonWriter(out);
            writer.writeDocument(tree);
            writer.flush();
        }
    }

    /** The example plan with entries in candidates 1 and 4, as reviewers would fill them in. */
    private Path filledPlan() throws IOException {
        ObjectNode plan = (ObjectNode) MAPPER.readTree(EXAMPLE_PLAN.toFile());
        ObjectNode second = (ObjectNode) plan.get("readback_candidates").get(1);
        second.put("monitoring_incident_or_change_ref", "INC-2041");
        second.put("receiver_receipt_readback_ref", "sha256:" + "ab".repeat(32));
        second.put("rollback_owner", "sre-oncall");
        ObjectNode fifth = (ObjectNode) plan.get("readback_candidates").get(4);
        fifth.put("status", "request_actor_or_time_supplement");
        fifth.put("reviewer_outcome", "request_actor_or_time_supplement");
        Path file = temp.resolve("plan.json");
        write(plan, file);
        return file;
    }

    @Test
    void aFilledPlanKeepsEveryEntryAndIsUpToDateForCheck() throws IOException {
        Path plan = filledPlan();
        byte[] filled = Files.readAllBytes(plan);
        CliTest.Run run = generate(snapshotCopy(), plan);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains(": kept the reviewers' entries of 2 candidates"), run.err());
        assertArrayEquals(filled, Files.readAllBytes(plan), "the same snapshot gives the same plan, entries included");
        CliTest.Run check = run("--root", temp.resolve("repo").toString(), "--source-report", "snapshot.json", "--check", "--output",
                plan.toString());
        assertEquals(0, check.status(), check.err());
        assertEquals(0, run("validate", plan.toString()).status());
    }

    @Test
    void entriesFollowTheirCandidateWhenTheSnapshotChanges() throws IOException {
        Path plan = filledPlan();
        Path snapshot = snapshotCopy();
        ObjectNode changed = (ObjectNode) MAPPER.readTree(snapshot.toFile());
        ArrayNode candidates = (ArrayNode) changed.get("acceptance_candidates");
        candidates.insert(0, candidates.get(9).deepCopy()); // candidates move down one place
        candidates.remove(10);
        ((ObjectNode) candidates.get(0)).put("label", "moved to the front");
        Files.writeString(snapshot, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(changed));
        CliTest.Run run = generate(snapshot, plan);
        assertEquals(0, run.status(), run.err());
        JsonNode regenerated = MAPPER.readTree(plan.toFile());
        assertEquals("moved to the front", regenerated.get("readback_candidates").get(0).get("label").textValue());
        JsonNode second = regenerated.get("readback_candidates").get(2);
        assertEquals("INC-2041", second.get("monitoring_incident_or_change_ref").textValue());
        assertEquals("sre-oncall", second.get("rollback_owner").textValue());
        assertEquals("request_actor_or_time_supplement", regenerated.get("readback_candidates").get(5).get("status").textValue());
    }

    @Test
    void aCandidateWithEntriesThatWouldDisappearIsRefusedUnlessDiscarded() throws IOException {
        Path plan = filledPlan();
        byte[] filled = Files.readAllBytes(plan);
        Path snapshot = snapshotCopy();
        ObjectNode changed = (ObjectNode) MAPPER.readTree(snapshot.toFile());
        String removed = changed.get("acceptance_candidates").get(1).get("surface_id").textValue();
        ((ArrayNode) changed.get("acceptance_candidates")).remove(1);
        Files.writeString(snapshot, MAPPER.writeValueAsString(changed));

        CliTest.Run refused = generate(snapshot, plan);
        assertEquals(1, refused.status(), refused.err());
        assertTrue(refused.err().contains("1 candidate with reviewers' entries would disappear"), refused.err());
        assertTrue(refused.err().contains("monitoring_post_incident_readback:" + removed), refused.err());
        assertArrayEquals(filled, Files.readAllBytes(plan), "nothing was written");
        try (java.util.stream.Stream<Path> files = Files.list(temp)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary file");
        }

        CliTest.Run discarded = generate(snapshot, plan, "--discard-evidence");
        assertEquals(0, discarded.status(), discarded.err());
        assertTrue(discarded.err().contains("kept the reviewers' entries of 1 candidate\n"), discarded.err());
        assertTrue(discarded.err().contains("dropped the entries of 1 candidate no longer in the snapshot"), discarded.err());
        assertEquals("request_actor_or_time_supplement",
                MAPPER.readTree(plan.toFile()).get("readback_candidates").get(3).get("status").textValue());
    }

    @Test
    void aFileThatIsNotAPlanIsRefusedUnlessForced() throws IOException {
        Path snapshot = snapshotCopy();
        for (String other : new String[] {"{\"schema_version\": \"something_else_v1\"}\n", "not JSON at all\n", ""}) {
            Path file = temp.resolve("other.json");
            Files.writeString(file, other);
            CliTest.Run refused = generate(snapshot, file);
            assertEquals(1, refused.status(), refused.err());
            assertTrue(refused.err().contains("exists and is not a readback plan; nothing was written (--force replaces it)"), refused.err());
            assertEquals(other, Files.readString(file));
            CliTest.Run forced = generate(snapshot, file, "--force");
            assertEquals(0, forced.status(), forced.err());
            assertArrayEquals(Files.readAllBytes(EXAMPLE_PLAN), Files.readAllBytes(file));
        }
    }

    @Test
    void aPlanWithoutEntriesIsReplacedByTheReferenceBytes() throws IOException {
        Path plan = temp.resolve("plan.json");
        Files.writeString(plan, CliTest.olderPlan());
        CliTest.Run run = generate(snapshotCopy(), plan);
        assertEquals(0, run.status(), run.err());
        assertTrue(!run.err().contains("kept"), run.err());
        assertArrayEquals(Files.readAllBytes(EXAMPLE_PLAN), Files.readAllBytes(plan));
    }

    /**
     * The plan an earlier run wrote is recognised by a byte comparison as the new one is written; any
     * other file is read as tokens. Both ways must decide alike: an unfilled plan in another layout,
     * or with other provenance, has nothing to keep; a filled one in another layout keeps its entries.
     */
    @Test
    void theByteComparisonAndTheTokenReadingDecideAlike() throws IOException {
        Path snapshot = snapshotCopy();
        Path plan = temp.resolve("plan.json");
        byte[] expected = Files.readAllBytes(EXAMPLE_PLAN);
        for (String earlier : new String[] {
                CliTest.olderPlan(),                                                            // byte comparison
                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(EXAMPLE_PLAN.toFile())), // tokens
                CliTest.olderPlan().replace("\"git_commit\": \"unknown\"", "\"git_commit\": \"abc1234\"")}) {
            Files.writeString(plan, earlier);
            CliTest.Run run = generate(snapshot, plan);
            assertEquals(0, run.status(), run.err());
            assertTrue(!run.err().contains("kept"), run.err());
            assertArrayEquals(expected, Files.readAllBytes(plan));
        }
        Path filled = filledPlan();
        String reformatted = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(filled.toFile()));
        byte[] canonical = Files.readAllBytes(filled);
        Files.writeString(plan, reformatted);
        CliTest.Run run = generate(snapshot, plan);
        assertTrue(run.err().contains("kept the reviewers' entries of 2 candidates"), run.err());
        assertArrayEquals(canonical, Files.readAllBytes(plan));
    }

    @Test
    void specialFilesAreWrittenIntoAsBefore() throws IOException {
        assertEquals(0, generate(snapshotCopy(), Path.of("/dev/null")).status());
        assertTrue(!Files.isRegularFile(Path.of("/dev/null")));
    }

    /** The review workflow: review --write puts the lanes into the plan; regenerating keeps them and every entry. */
    @Test
    void lanesWrittenByReviewSurviveRegeneration() throws IOException {
        Path plan = temp.resolve("filled.json");
        Files.copy(Path.of("examples/docs/security/monitoring-post-incident-readback-plan.filled.json"), plan);
        CliTest.Run review = run("review", "--root", "examples", "--write", "--reviewed-at", GENERATED_AT, plan.toString());
        assertEquals(0, review.status(), review.err());
        byte[] reviewed = Files.readAllBytes(plan);
        CliTest.Run regenerated = run("--root", "examples", "--git-commit", MAPPER.readTree(reviewed).get("git_commit").textValue(),
                "--generated-at", MAPPER.readTree(reviewed).get("generated_at").textValue(), "--output", plan.toString());
        assertEquals(0, regenerated.status(), regenerated.err());
        assertTrue(regenerated.err().contains("kept the reviewers' entries of"), regenerated.err());
        assertArrayEquals(reviewed, Files.readAllBytes(plan), "nothing of the review is lost");
    }

    @Test
    void flagsThatNeedAnOutputAreUsageErrors() {
        assertEquals(2, run("--root", "examples", "--force").status());
        assertEquals(2, run("--root", "examples", "--discard-evidence", "--check", "--output", "x.json").status());
    }
}
