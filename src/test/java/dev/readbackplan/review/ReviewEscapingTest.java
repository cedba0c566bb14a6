package dev.readbackplan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 0: a surface id of {@code core} + ESC {@code ]0;owned} BEL + ESC {@code [2J} +
 * U+202E, carried from the snapshot into the plan, reaches no output raw: every review format and
 * every validate format escape it.
 */
class ReviewEscapingTest {
    static final String HOSTILE = "core\u001b]0;owned\u0007\u001b[2J\u202e";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new Cli().run(args, out, err);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static Path hostileCase(Path temp) throws IOException {
        ObjectNode snapshot = (ObjectNode) JSON.readTree(ReviewGoldenTest.CORPUS.resolve("lanes/snapshot.json").toFile());
        ArrayNode candidates = (ArrayNode) snapshot.get("acceptance_candidates");
        JsonNode kept = candidates.get(7); // receipt = route: fails checks, so reasons are printed too
        candidates.removeAll();
        candidates.add(kept);
        ((ObjectNode) kept).put("surface_id", HOSTILE);
        ((ObjectNode) snapshot.get("summary")).put("acceptance_candidate_count", 1);
        Files.writeString(temp.resolve("snapshot.json"), snapshot.toString());
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        int status = new Cli().run(new String[] {"--root", temp.toString(), "--source-report", "snapshot.json", "--generated-at",
                "2026-01-01T00:00:00+08:00", "--git-commit", "unknown"}, plan, new ByteArrayOutputStream());
        assertEquals(0, status);
        ObjectNode tree = (ObjectNode) JSON.readTree(plan.toByteArray());
        ObjectNode candidate = (ObjectNode) tree.get("readback_candidates").get(0);
        assertEquals(HOSTILE, candidate.get("surface_id").textValue(), "the id is carried into the plan");
        JsonNode filled = JSON.readTree(ReviewGoldenTest.CORPUS.resolve("lanes/plan.json").toFile()).get("readback_candidates").get(7);
        filled.fields().forEachRemaining(f -> {
            if (f.getKey().endsWith("_ref") || f.getKey().endsWith("_owner") || f.getKey().equals("maintenance_window")) {
                candidate.set(f.getKey(), f.getValue());
            }
        });
        candidate.put("receiver_route_state_ref", "artifact://evidence/route.json");
        candidate.put("receiver_receipt_readback_ref", "artifact://evidence/./route.json");
        Files.writeString(temp.resolve("plan.json"), tree.toString());
        return temp;
    }

    private static void assertNothingRaw(String what, String output) {
        for (char c : new char[] {'\u001b', '\u0007', '\u202e'}) {
            assertFalse(output.indexOf(c) >= 0, what + " prints U+" + Integer.toHexString(c) + " raw:\n" + output);
        }
    }

    @Test
    void everyReviewFormatEscapesTheSnapshotsText(@TempDir Path temp) throws IOException {
        Path folder = hostileCase(temp);
        String plan = folder.resolve("plan.json").toString();
        for (String format : List.of("text", "json", "markdown", "sarif")) {
            String output = run("review", "--root", folder.toString(), "--source-report", "snapshot.json", "--format", format, "--reviewed-at",
                    ReviewGoldenTest.REVIEWED_AT, plan);
            assertNothingRaw("review --format " + format, output);
            assertTrue(output.contains("u001b]0;owned"), format + " shows the id, escaped:\n" + output);
            assertTrue(output.contains("receiver_receipt_readback_ref and receiver_route_state_ref hold the same evidence"),
                    format + " says why the checks failed:\n" + output);
        }
    }

    @Test
    void everyValidateFormatEscapesIt(@TempDir Path temp) throws IOException {
        Path folder = hostileCase(temp);
        ObjectNode tree = (ObjectNode) JSON.readTree(folder.resolve("plan.json").toFile());
        // A key of the same text, so that validate has a problem to show at it.
        ((ObjectNode) tree.get("readback_candidates").get(0)).put(HOSTILE, true);
        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, tree.toString());
        for (String format : List.of("text", "json", "sarif")) {
            String output = run("validate", "--format", format, bad.toString());
            assertNothingRaw("validate --format " + format, output);
            assertTrue(output.contains("u001b"), format + " shows the key, escaped:\n" + output);
        }
    }
}
