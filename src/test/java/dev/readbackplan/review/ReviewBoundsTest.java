package dev.readbackplan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.cli.Cli;
import dev.readbackplan.internal.json.PythonJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review's output is bounded as validate's is: a failing plan is reported with at most the
 * problem limit (1,000 by default) and a "not shown" line, however many problems it has; and the
 * problems that only quarantine evidence are counted without a ceiling, so that a plan with more
 * than 100,000 of them is reviewed like one with a few (no cliff). Plans are generated in a temporary folder.
 */
class ReviewBoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE_PLAN = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json");
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final int VALUES = 100_001;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path temp;

    /** Secret-shaped tokens, seeded: each one a secret finding of its own. */
    private static ArrayNode tokens(int count, long seed) {
        Random random = new Random(seed);
        ArrayNode values = JSON.createArrayNode();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < count; i++) {
            token.setLength(0);
            token.append("ghp_");
            for (int j = 0; j < 36; j++) {
                token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            values.add(token.toString());
        }
        return values;
    }

    /** The example plan with {@code value} in one reference of candidate 1, and candidate 0's gate opened when {@code failing}. */
    private Path folder(JsonNode value, boolean failing) throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(EXAMPLE_PLAN.toFile());
        ((ObjectNode) plan.get("readback_candidates").get(1)).set("actor_attribution_ref", value);
        if (failing) {
            ((ObjectNode) plan.get("readback_candidates").get(0)).put("production_write_authorized", true);
        }
        Path folder = temp.resolve(failing ? "failing" : "quarantined");
        Files.createDirectories(folder);
        Files.copy(EXAMPLE_SNAPSHOT, folder.resolve("snapshot.json"));
        try (OutputStream out = Files.newOutputStream(folder.resolve("plan.json"))) {
            PythonJsonWriter writer = new PythonJsonWriter(out);
            writer.writeDocument(plan);
            writer.flush();
        }
        return folder;
    }

    @Test
    void moreThanAHundredThousandQuarantiningProblemsAreReviewedNotRefused() throws IOException {
        Path folder = folder(tokens(VALUES, 12), false);
        ReviewGoldenTest.Run run = ReviewGoldenTest.review(folder, "--format", "json");
        assertEquals(0, run.status(), run.err().lines().limit(5).toList().toString());
        JsonNode second = JSON.readTree(run.out()).get("candidates").get(1);
        assertEquals("quarantine_raw_payload", second.get("lane").textValue());
        assertEquals("/readback_candidates/1/actor_attribution_ref", second.get("quarantined_fields").get(0).textValue());
        assertEquals("", run.err());

        ReviewGoldenTest.Run written = ReviewGoldenTest.review(folder, "--write");
        assertEquals(0, written.status(), written.err().lines().limit(5).toList().toString());
        assertTrue(written.err().lines().count() < 5, written.err());
        JsonNode plan = JSON.readTree(folder.resolve("plan.json").toFile());
        assertTrue(plan.get("readback_candidates").get(1).get("actor_attribution_ref").isNull(), "the secrets are removed");
    }

    @Test
    void aFailingPlanIsReportedAsValidateReportsItWithinTheLimit() throws IOException {
        Path folder = folder(tokens(VALUES, 34), true);
        ReviewGoldenTest.Run run = ReviewGoldenTest.review(folder);
        assertEquals(1, run.status());
        assertEquals("", run.out());
        String validated = validate(folder.resolve("plan.json"));
        java.util.List<String> lines = run.err().lines().toList();
        assertEquals(1002, lines.size(), "1,000 problems, the note and the error line");
        assertEquals(validated, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n", "as validate reports it");
        assertTrue(lines.get(1000).startsWith("plan.json: note: "), lines.get(1000));
        assertTrue(lines.get(1000).contains("more errors and 0 more warnings not shown (the first 1000 are)"), lines.get(1000));
        assertTrue(lines.get(1001).endsWith("; nothing was reviewed"), lines.get(1001));
    }

    @Test
    void problemsNestedUnderLongKeysStayBoundedToo() throws IOException {
        ObjectNode nested = JSON.createObjectNode();
        nested.set("k".repeat(5_000), tokens(VALUES, 56));
        Path folder = folder(nested, true);
        ReviewGoldenTest.Run run = ReviewGoldenTest.review(folder);
        assertEquals(1, run.status());
        assertEquals(1002, run.err().lines().count());
        assertTrue(run.err().length() < 1_000_000, "bytes: " + run.err().length());
    }

    private static String validate(Path plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Cli().run(new String[] {"validate", plan.toString()}, out, new ByteArrayOutputStream());
        return out.toString(StandardCharsets.UTF_8).replace(plan.getParent() + "/", "");
    }
}
