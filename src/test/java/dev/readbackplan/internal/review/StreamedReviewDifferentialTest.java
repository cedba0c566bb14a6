package dev.readbackplan.internal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.PlanOptions;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.io.DocumentBytes;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.Engine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The streamed review is a shortcut of the plain one (read whole, quarantining problems taken out as
 * they are found, then reviewed): held to it on the review corpus, the example, a plan of 200
 * candidates, and seeded mutations of each (values, secrets, keys, punctuation, encodings, counts,
 * nesting). Whenever the streamed review accepts a plan, the plain one reviews it (current, nothing
 * but quarantined values found, no warning) and gives the same candidates' reviews, the same document
 * and the same hash; and whenever the plain one reviews a plan without a warning, the streamed one
 * accepts it, unless the plan has a shape the splitter declines (then only speed is lost, never a
 * verdict).
 */
class StreamedReviewDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REVIEWED_AT = "2026-01-02T09:30:00+08:00";
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    private static final Path EXAMPLES = Path.of("examples/docs/security");
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);

    /** One reviewer per executor kind: the reading thread works alone, or beside the pool's. */
    private static final List<Setup> SETUPS = List.of(new Setup(POOL), new Setup(Runnable::run));

    record Setup(Once<Engine> engine, DocumentReader reader, PlanReviewer reviewer) {
        Setup(java.util.concurrent.Executor executor) {
            this(new Once<>(() -> new Engine(executor)));
        }

        Setup(Once<Engine> engine) {
            this(engine, new DocumentReader(Limits.DEFAULT, engine::get), null);
        }

        PlanReviewer built() {
            return reviewer != null ? reviewer : new PlanReviewer(engine.get(), Catalog.get(), reader);
        }
    }

    record Case(String name, byte[] plan, byte[] snapshot, boolean declinedShape) {}

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void theStreamedReviewIsThePlainOneOnEveryCaseAndMutation() throws IOException {
        List<Case> bases = bases();
        List<Case> cases = new ArrayList<>(bases);
        Random random = new Random(20261202L);
        for (Case base : bases) {
            for (int i = 0; i < 20; i++) {
                cases.add(mutate(base, random));
            }
        }
        int accepted = 0;
        int plainClean = 0;
        List<String> acceptedBases = new ArrayList<>();
        for (Setup setup : SETUPS) {
            PlanReviewer reviewer = setup.built();
            for (Case c : cases) {
                Verdict verdict = compare(setup, reviewer, c);
                accepted += verdict.streamed ? 1 : 0;
                plainClean += verdict.plainClean ? 1 : 0;
                if (verdict.streamed && bases.contains(c)) {
                    acceptedBases.add(c.name());
                }
            }
        }
        // The corpus must exercise both ways.
        assertTrue(acceptedBases.containsAll(List.of("example", "large")), "accepted bases: " + acceptedBases);
        assertTrue(accepted >= cases.size() / 4, "accepted " + accepted + " of " + 2 * cases.size());
        assertTrue(accepted < 2 * cases.size() - cases.size() / 4, "accepted " + accepted + " of " + 2 * cases.size());
        assertTrue(plainClean >= accepted);
    }

    /** {@code validate} of a plan file streams a clean plan: its report is the plain reading's, on every case and mutation. */
    @Test
    void validateGivesThePlainReportOnEveryCaseAndMutation(@org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
        Random random = new Random(20261203L);
        ReadbackPlanner planner = ReadbackPlanner.create();
        Path file = temp.resolve("plan.json");
        int valid = 0;
        for (Case base : bases()) {
            for (int i = 0; i < 12; i++) {
                Case c = i == 0 ? base : mutate(base, random);
                Files.write(file, c.plan());
                for (DocumentKind kind : new DocumentKind[] {null, DocumentKind.PLAN, DocumentKind.SNAPSHOT}) {
                    dev.readbackplan.document.ValidationReport plain = planner.validate(new ByteArrayInputStream(c.plan()), file.toString(), kind);
                    dev.readbackplan.document.ValidationReport fromFile = planner.validate(file, kind);
                    assertEquals(plain.problems(), fromFile.problems(), c.name() + " as " + kind);
                    assertEquals(plain.kind(), fromFile.kind(), c.name() + " as " + kind);
                    assertEquals(plain.toText(), fromFile.toText(), c.name() + " as " + kind);
                    valid += plain.isValid() && plain.problems().isEmpty() ? 1 : 0;
                }
            }
        }
        assertTrue(valid > 20, "valid plans: " + valid);
    }

    record Verdict(boolean streamed, boolean plainClean) {}

    private static Verdict compare(Setup setup, PlanReviewer reviewer, Case c) throws IOException {
        DocumentReader reader = setup.reader();
        DocumentReader.Parsed snapshot = reader.read(c.snapshot(), c.snapshot().length, false, "snapshot.json", DocumentKind.SNAPSHOT,
                () -> { }, DocumentReader.Purpose.VALIDATE);
        assertTrue(snapshot.report().isValid(), c.name());
        // The plain way, as the review runs it: quarantining problems taken out as they are found.
        QuarantineSorter.Absorber absorber = reviewer.quarantine();
        DocumentReader.Parsed plan = reader.read(c.plan(), c.plan().length, false, "plan.json", DocumentKind.PLAN, () -> { },
                DocumentReader.Purpose.VALIDATE, absorber);
        boolean noWarnings = plan.report().warnings().isEmpty() && plan.report().omittedWarnings() == 0;
        PlanReviewer.Result plain;
        try {
            plain = reviewer.review(plan, absorber, snapshot.root(), "snapshot.json", REVIEWED_AT, sha256(c.plan()),
                    snapshot.report().warnings());
        } catch (InvalidDocumentException invalidOrRefused) {
            plain = null;
        }
        boolean plainClean = plain != null && plain.outOfDate() == null && noWarnings;
        PlanReviewer.Streamed streamed = reviewer.reviewStreamed(reader.streamed(), new ByteArrayInputStream(c.plan()), snapshot.root(),
                "snapshot.json", REVIEWED_AT, snapshot.report().warnings());
        if (streamed != null) {
            if (!plainClean) {
                fail(c.name() + ": the streamed review accepted a plan the plain one does not review, or warns about: "
                        + plan.report().toText() + (plain == null ? "" : " out of date: " + plain.outOfDate()));
            }
            assertEquals(plain.candidates(), streamed.result().candidates(), c.name());
            assertEquals(plain.document().header(), streamed.result().document().header(), c.name());
            assertEquals(plain.document().tree(), streamed.result().document().tree(), c.name());
            assertEquals(sha256(c.plan()), streamed.sha256(), c.name());
            assertEquals(c.plan().length, streamed.length(), c.name());
        } else if (plainClean && !c.declinedShape()) {
            fail(c.name() + ": the plain review reviews this plan without a warning, the streamed one did not accept it");
        }
        return new Verdict(streamed != null, plainClean);
    }

    private static String sha256(byte[] bytes) {
        return new DocumentBytes(bytes, bytes.length, false).sha256();
    }

    /** The review corpus's cases, the example, and a plan of 200 candidates filled as reviewers would. */
    static List<Case> bases() throws IOException {
        List<Case> bases = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Path.of("src/test/resources/review"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                bases.add(new Case(folder.getFileName().toString(), Files.readAllBytes(folder.resolve("plan.json")),
                        Files.readAllBytes(folder.resolve("snapshot.json")), false));
            }
        }
        byte[] exampleSnapshot = Files.readAllBytes(EXAMPLES.resolve("monitoring-owner-response-acceptance.snapshot.json"));
        bases.add(new Case("example", Files.readAllBytes(EXAMPLES.resolve("monitoring-post-incident-readback-plan.filled.json")),
                exampleSnapshot, false));
        bases.add(large(200));
        return bases;
    }

    /** The example snapshot's candidates repeated under new surface ids, generated and filled. */
    private static Case large(int count) throws IOException {
        ObjectNode snapshot = dev.readbackplan.testing.ExampleSnapshots.repeated(count);
        snapshot.remove("summary");
        byte[] snapshotBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReadbackPlanner.create().generate(new ByteArrayInputStream(snapshotBytes), "snapshot.json",
                new PlanOptions("2026-01-01T00:00:00+08:00", "unknown", false), out);
        ObjectNode plan = (ObjectNode) JSON.readTree(out.toByteArray());
        ArrayNode candidates = (ArrayNode) plan.get("readback_candidates");
        for (int i = 0; i < candidates.size(); i++) {
            ObjectNode candidate = (ObjectNode) candidates.get(i);
            List<String> refs = new ArrayList<>();
            candidate.fieldNames().forEachRemaining(name -> {
                if (name.endsWith("_ref")) {
                    refs.add(name);
                }
            });
            for (String ref : refs) {
                candidate.put(ref, "artifact://evidence/2026/" + i + "/" + ref + ".json");
            }
            candidate.put("monitoring_incident_or_change_ref", "INC-" + (1000 + i));
            candidate.put("maintenance_window", "2026-01-01 02:00-03:00 +08:00");
            candidate.put("rollback_owner", "sre-oncall");
            candidate.put("followup_owner", "observability-team");
            switch (i % 5) {
                case 1 -> candidate.putNull("before_alert_state_ref");
                case 2 -> candidate.set("receiver_receipt_readback_ref", candidate.get("receiver_route_state_ref"));
                case 3 -> candidate.put("reviewer_outcome", "waiting_runtime_gate");
                case 4 -> candidate.put("reviewer_outcome", "ready_for_monitoring_post_incident_review");
                default -> { }
            }
        }
        byte[] written = write(plan);
        return new Case("large", written, snapshotBytes, false);
    }

    /** A seeded change of one kind to a base case: most keep the plan clean or make one finding, some reshape the text. */
    static Case mutate(Case base, Random random) throws IOException {
        int kind = random.nextInt(24);
        String name = base.name() + " #" + kind;
        JsonNode tree;
        try {
            tree = JSON.readTree(base.plan());
        } catch (IOException unreadable) {
            tree = null;
        }
        ObjectNode plan = tree instanceof ObjectNode object ? object : null;
        ArrayNode candidates = plan != null && plan.get("readback_candidates") instanceof ArrayNode list ? list : null;
        if (candidates == null || candidates.isEmpty() || !(candidates.get(0) instanceof ObjectNode)) {
            return new Case(name + " (as is)", base.plan(), base.snapshot(), false);
        }
        int at = random.nextInt(candidates.size());
        ObjectNode candidate = (ObjectNode) candidates.get(at);
        List<String> refs = new ArrayList<>();
        candidate.fieldNames().forEachRemaining(f -> {
            if (f.endsWith("_ref")) {
                refs.add(f);
            }
        });
        String ref = refs.get(random.nextInt(refs.size()));
        UnaryOperator<String> text = UnaryOperator.identity();
        boolean declined = false;
        switch (kind) {
            case 0 -> candidate.put(ref, TOKEN);
            case 1 -> candidate.put(ref, "{\"alert\": \"firing\", \"value\": 1}");
            case 2 -> candidate.put(ref, "INC-" + random.nextInt(9999));
            case 3 -> candidate.put(ref, "COMMIT:" + "3f9a2c1".toUpperCase(java.util.Locale.ROOT));
            case 4 -> candidate.putNull(ref);
            case 5 -> candidate.put(ref, random.nextInt(50));
            case 6 -> candidate.put(ref, "");
            case 7 -> candidate.put("reviewer_outcome", random.nextBoolean() ? "ready_for_monitoring_post_incident_review" : "waiting_runtime_gate");
            case 8 -> candidate.put("status", "no_such_lane");
            case 9 -> ((ObjectNode) plan.get("summary")).put(plan.get("summary").fieldNames().next(), 1 + random.nextInt(5));
            case 10 -> candidates.remove(at);
            case 11 -> candidates.add(candidate.deepCopy());
            case 12 -> candidate.put("surface_id", candidate.get("surface_id").textValue() + "x");
            case 13 -> plan.put("generated_at", "2026-03-04T05:06:07+08:00");
            case 14 -> candidate.put(ref, "artifact://a/\u00e9\\\"}{][,:" + random.nextInt(9));
            case 15 -> {
                // Keys in another order: the known members no longer match their text, and are decoded.
                ObjectNode reversed = JSON.createObjectNode();
                List<String> names = new ArrayList<>();
                candidate.fieldNames().forEachRemaining(names::add);
                java.util.Collections.reverse(names);
                names.forEach(n -> reversed.set(n, candidate.get(n)));
                candidates.set(at, reversed);
            }
            case 16 -> text = t -> t.replace("\"observability-team\"", "\"observability\\u002dteam\"");
            case 17 -> text = t -> "\uFEFF" + t;
            case 18 -> text = t -> t.replaceFirst("\"readback_candidates\": \\[", "\"readback_candidates\": [\n\n   ");
            case 19 -> text = t -> t.replaceFirst("\\}\\s*\\]", "},]");
            case 20 -> text = t -> t + " {}";
            case 21 -> {
                text = t -> t.replaceFirst("\"readback_candidates\"", "\"readback\\\\u005fcandidates\"");
                declined = true;
            }
            case 22 -> candidate.set(ref, nested(130));
            default -> text = t -> t.replaceFirst("\"surface_id\": ", "\"surface_id\": \"dup\", \"surface_id\": ");
        }
        byte[] written = write(plan);
        String changed = text.apply(new String(written, StandardCharsets.UTF_8));
        if (random.nextInt(4) == 0) {
            changed = compactIfParsable(changed);
        }
        return new Case(name, changed.getBytes(StandardCharsets.UTF_8), base.snapshot(), declined);
    }

    /** The plan as the tool writes plans. */
    static byte[] write(JsonNode plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dev.readbackplan.internal.json.PythonJsonWriter writer = new dev.readbackplan.internal.json.PythonJsonWriter(out);
        writer.writeDocument(plan);
        writer.flush();
        return out.toByteArray();
    }

    private static String compactIfParsable(String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            return tree == null ? text : JSON.writeValueAsString(tree);
        } catch (IOException e) {
            return text;
        }
    }

    private static JsonNode nested(int depth) {
        ArrayNode root = JSON.createArrayNode();
        ArrayNode current = root;
        for (int i = 1; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    @Test
    void theReviewedPlanIsReadAgainOnlyWhileItHoldsTheBytesReviewed(@org.junit.jupiter.api.io.TempDir Path temp) throws IOException {
        Path plan = temp.resolve("plan.json");
        Path snapshot = temp.resolve("snapshot.json");
        Files.copy(EXAMPLES.resolve("monitoring-post-incident-readback-plan.filled.json"), plan);
        Files.copy(EXAMPLES.resolve("monitoring-owner-response-acceptance.snapshot.json"), snapshot);
        ReadbackPlanner planner = ReadbackPlanner.create();
        dev.readbackplan.PlanReview review = planner.review(plan, snapshot, REVIEWED_AT);
        dev.readbackplan.PlanReview held = planner.review(Files.newInputStream(plan), plan.toString(), Files.newInputStream(snapshot),
                snapshot.toString(), REVIEWED_AT);
        assertEquals(held.toMarkdown(), review.toMarkdown());
        assertEquals(held.toSarif("1"), review.toSarif("1"));
        assertEquals(held.toText(), review.toText());
        ByteArrayOutputStream heldJson = new ByteArrayOutputStream();
        ByteArrayOutputStream streamedJson = new ByteArrayOutputStream();
        held.writeJson(heldJson);
        review.writeJson(streamedJson);
        assertEquals(heldJson.toString(StandardCharsets.UTF_8), streamedJson.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream heldPlan = new ByteArrayOutputStream();
        ByteArrayOutputStream streamedPlan = new ByteArrayOutputStream();
        ((dev.readbackplan.PlanReview.Reviewed) held).writeReviewedPlan(heldPlan);
        ((dev.readbackplan.PlanReview.Reviewed) review).writeReviewedPlan(streamedPlan);
        assertEquals(heldPlan.toString(StandardCharsets.UTF_8), streamedPlan.toString(StandardCharsets.UTF_8));
        // Changed after the review: what needs the plan again refuses, nothing is rendered from other bytes.
        dev.readbackplan.PlanReview second = planner.review(plan, snapshot, REVIEWED_AT);
        Files.writeString(plan, Files.readString(plan).replace("\"sre-oncall\"", "\"sre-oncall2\""));
        java.io.UncheckedIOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> second.toMarkdown());
        assertTrue(refused.getCause().getMessage().contains("changed after it was reviewed"), refused.getCause().getMessage());
        IOException refusedWrite = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> ((dev.readbackplan.PlanReview.Reviewed) second).writeReviewedPlan(new ByteArrayOutputStream()));
        assertTrue(refusedWrite.getMessage().contains("changed after it was reviewed"));
        // The review itself is unchanged, and its text needs nothing from the file.
        assertEquals(review.toText(), second.toText());
    }
}
