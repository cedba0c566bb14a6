package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.EXAMPLE_PLAN;
import static dev.readbackplan.cli.CliTest.GENERATED_AT;
import static dev.readbackplan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regeneration reads the plan it replaces strictly: a plan that cannot be read, or whose candidates
 * cannot be carried over by id, is refused with the problems located as {@code validate} reports them,
 * whatever {@code --force} says; only {@code --discard-evidence} replaces it, naming what it drops.
 */
class OldPlanStrictTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");

    @TempDir
    Path temp;

    private CliTest.Run generate(Path output, String... more) throws IOException {
        Path snapshot = temp.resolve("repo/snapshot.json");
        if (!Files.exists(snapshot)) {
            Files.createDirectories(snapshot.getParent());
            Files.copy(EXAMPLE_SNAPSHOT, snapshot);
        }
        List<String> args = new ArrayList<>(List.of("--root", snapshot.getParent().toString(), "--source-report", "snapshot.json",
                "--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", output.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static String canonical(JsonNode tree) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        PythonJsonWriter writer = new PythonJsonWriter(bytes);
        writer.writeDocument(tree);
        writer.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The example plan with evidence in candidates 1 and 4, as reviewers fill it in. */
    static ObjectNode filled() throws IOException {
        ObjectNode plan = (ObjectNode) MAPPER.readTree(EXAMPLE_PLAN.toFile());
        ObjectNode second = (ObjectNode) plan.get("readback_candidates").get(1);
        second.put("monitoring_incident_or_change_ref", "INC-2041");
        second.put("rollback_owner", "sre-oncall");
        ObjectNode fifth = (ObjectNode) plan.get("readback_candidates").get(4);
        fifth.put("status", "request_actor_or_time_supplement");
        fifth.put("reviewer_outcome", "request_actor_or_time_supplement");
        return plan;
    }

    private Path write(String text) throws IOException {
        Path file = temp.resolve("plan.json");
        Files.writeString(file, text);
        return file;
    }

    /** Each error line of the refusal that names the file is a line {@code validate} prints for it, word for word. */
    private static void locatedAsValidateDoes(Path file, CliTest.Run refused) {
        String validated = run("validate", file.toString()).out();
        List<String> located = refused.err().lines().filter(l -> l.startsWith(file + ":") && l.contains(": error: ")).toList();
        assertFalse(located.isEmpty(), "the refusal locates the problem: " + refused.err());
        for (String line : located) {
            assertTrue(Pattern.compile("^" + Pattern.quote(file.toString()) + ":\\d+:\\d+: error: ").matcher(line).find(), line);
            assertTrue(validated.lines().anyMatch(line::equals), "validate reports " + line + " too:\n" + validated);
        }
    }

    private void brokenIsRefusedEvenWithForceAndReplacedOnlyWhenDiscarded(String broken) throws IOException {
        Path plan = write(broken);
        for (String[] flags : new String[][] {{}, {"--force"}}) {
            CliTest.Run refused = generate(plan, flags);
            assertEquals(1, refused.status(), refused.err());
            assertTrue(refused.err().contains(plan + " is a readback plan that cannot be read"), refused.err());
            assertFalse(refused.err().contains("--force replaces it"), "the hint must not be to force: " + refused.err());
            locatedAsValidateDoes(plan, refused);
            assertEquals(broken, Files.readString(plan), "nothing was written");
        }
        CliTest.Run discarded = generate(plan, "--discard-evidence");
        assertEquals(0, discarded.status(), discarded.err());
        assertTrue(discarded.err().contains("replaced a readback plan that could not be read, dropping every reviewer's entry"),
                discarded.err());
        assertArrayEquals(Files.readAllBytes(EXAMPLE_PLAN), Files.readAllBytes(plan));
    }

    @Test
    void aTrailingCommaInAFilledPlanIsABrokenPlan() throws IOException {
        String text = canonical(filled());
        Matcher last = Pattern.compile("(\"write_capable_surface\": (true|false))\n").matcher(text);
        assertTrue(last.find());
        brokenIsRefusedEvenWithForceAndReplacedOnlyWhenDiscarded(text.substring(0, last.end(1)) + "," + text.substring(last.end(1)));
    }

    @Test
    void gitConflictMarkersMakeABrokenPlan() throws IOException {
        String text = canonical(filled());
        int at = text.indexOf("      \"rollback_owner\": \"sre-oncall\",\n");
        String conflicted = text.substring(0, at) + "<<<<<<< HEAD\n" + text.substring(at, text.indexOf('\n', at) + 1)
                + "=======\n      \"rollback_owner\": \"platform-oncall\",\n>>>>>>> theirs\n" + text.substring(text.indexOf('\n', at) + 1);
        brokenIsRefusedEvenWithForceAndReplacedOnlyWhenDiscarded(conflicted);
    }

    @Test
    void invalidUtf8InAFilledPlanIsABrokenPlan() throws IOException {
        String text = canonical(filled()).replace("\"sre-oncall\"", "\"sre-\u0001oncall\"");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 1) {
                bytes[i] = (byte) 0xC3; // a lead byte followed by an ASCII letter
            }
        }
        Path plan = temp.resolve("plan.json");
        Files.write(plan, bytes);
        CliTest.Run refused = generate(plan, "--force");
        assertEquals(1, refused.status(), refused.err());
        assertTrue(refused.err().contains("is a readback plan that cannot be read"), refused.err());
        locatedAsValidateDoes(plan, refused);
        assertArrayEquals(bytes, Files.readAllBytes(plan));
    }

    @Test
    void aDuplicateKeyInsideACandidateIsABrokenPlan() throws IOException {
        String text = canonical(filled());
        String duplicated = text.replace("      \"rollback_owner\": \"sre-oncall\",\n",
                "      \"rollback_owner\": \"sre-oncall\",\n      \"rollback_owner\": \"pending_post_incident_readback\",\n");
        brokenIsRefusedEvenWithForceAndReplacedOnlyWhenDiscarded(duplicated);
    }

    @Test
    void candidatesAsAnObjectIsABrokenPlan() throws IOException {
        ObjectNode plan = filled();
        ObjectNode byId = MAPPER.createObjectNode();
        plan.get("readback_candidates").forEach(c -> byId.set(c.get("post_incident_readback_candidate_id").textValue(), c));
        plan.set("readback_candidates", byId);
        brokenIsRefusedEvenWithForceAndReplacedOnlyWhenDiscarded(canonical(plan));
    }

    @Test
    void aCandidateWithoutAUsableIdIsRefusedUnlessItsEntriesAreDiscarded() throws IOException {
        for (boolean remove : new boolean[] {false, true}) {
            ObjectNode tree = filled();
            ObjectNode second = (ObjectNode) tree.get("readback_candidates").get(1);
            if (remove) {
                second.remove("post_incident_readback_candidate_id");
            } else {
                second.putNull("post_incident_readback_candidate_id");
            }
            String text = canonical(tree);
            Path plan = write(text);
            CliTest.Run refused = generate(plan, "--force");
            assertEquals(1, refused.status(), refused.err());
            assertTrue(refused.err().contains("1 candidate cannot be carried over by candidate id"), refused.err());
            assertTrue(refused.err().contains(": /readback_candidates/1;"), refused.err());
            locatedAsValidateDoes(plan, refused);
            assertEquals(text, Files.readString(plan));

            CliTest.Run discarded = generate(plan, "--discard-evidence");
            assertEquals(0, discarded.status(), discarded.err());
            assertTrue(discarded.err().contains("kept the reviewers' entries of 1 candidate\n"), discarded.err());
            assertTrue(discarded.err().contains("dropped the entries of 1 candidate"), discarded.err());
            assertTrue(discarded.err().contains("(--discard-evidence): /readback_candidates/1\n"), discarded.err());
            JsonNode written = MAPPER.readTree(plan.toFile());
            assertEquals("request_actor_or_time_supplement", written.get("readback_candidates").get(4).get("status").textValue());
            assertTrue(written.get("readback_candidates").get(1).get("monitoring_incident_or_change_ref").isNull());
        }
    }

    @Test
    void twoCandidatesSharingAnIdAreRefusedNotMerged() throws IOException {
        ObjectNode tree = filled();
        String fifth = tree.get("readback_candidates").get(4).get("post_incident_readback_candidate_id").textValue();
        ((ObjectNode) tree.get("readback_candidates").get(1)).put("post_incident_readback_candidate_id", fifth);
        String text = canonical(tree);
        Path plan = write(text);
        CliTest.Run refused = generate(plan);
        assertEquals(1, refused.status(), refused.err());
        assertTrue(refused.err().contains("1 candidate cannot be carried over by candidate id"), refused.err());
        assertTrue(refused.err().contains(fifth), refused.err());
        assertTrue(refused.err().contains("repeats the one at"), "validate's duplicate-id problem is shown: " + refused.err());
        locatedAsValidateDoes(plan, refused);
        assertEquals(text, Files.readString(plan));

        CliTest.Run discarded = generate(plan, "--discard-evidence");
        assertEquals(0, discarded.status(), discarded.err());
        assertTrue(discarded.err().contains("(--discard-evidence): " + fifth + "\n"), discarded.err());
    }

    @Test
    void aFileThatSaysNothingOfAPlanIsStillReplacedWithForce() throws IOException {
        Path other = write("{\"name\": \"notes\", \"items\": [1, 2,]}\n");
        CliTest.Run refused = generate(other);
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("exists and is not a readback plan; nothing was written (--force replaces it)"), refused.err());
        assertEquals(0, generate(other, "--force").status());
        assertArrayEquals(Files.readAllBytes(EXAMPLE_PLAN), Files.readAllBytes(other));
    }

    static void writeTree(JsonNode tree, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            PythonJsonWriter writer = new PythonJsonWriter(out);
            writer.writeDocument(tree);
            writer.flush();
        }
    }
}
