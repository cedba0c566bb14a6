package dev.readbackplan.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The review corpus: each folder under review/ holds a filled plan, its snapshot and the review the
 * command gives, as text (with standard error) and, when the review succeeds, as JSON.
 * src/test/scripts/make_review_cases.py made them. The surface ids say what each candidate must
 * come to, so the goldens are checked on their own too: {@code expect-<lane>--...} lands in that lane,
 * {@code alone-<check>...} fails exactly that check.
 */
class ReviewGoldenTest {
    static final Path CORPUS = Path.of("src/test/resources/review");
    static final String REVIEWED_AT = "2026-01-02T09:30:00+08:00";
    private static final Set<String> REQUIRED = Set.of("plan.json", "snapshot.json", "expected.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int status, String out, String err) {}

    static Run review(Path folder, String... extra) {
        List<String> args = new ArrayList<>(List.of("review", "--root", folder.toString(), "--source-report", "snapshot.json",
                "--reviewed-at", REVIEWED_AT));
        args.addAll(List.of(extra));
        args.add(folder.resolve("plan.json").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli().run(args.toArray(String[]::new), out, err);
        String prefix = folder + "/";
        return new Run(status, out.toString(StandardCharsets.UTF_8).replace(prefix, ""), err.toString(StandardCharsets.UTF_8).replace(prefix, ""));
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CORPUS)) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void everyCaseHasItsFilesAndNoOthers() throws IOException {
        List<String> unmatched = new ArrayList<>();
        for (Path folder : cases()) {
            try (Stream<Path> files = Files.list(folder)) {
                Set<String> names = new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
                Set<String> extra = new HashSet<>(names);
                extra.removeAll(REQUIRED);
                extra.remove("expected.json");
                if (!names.containsAll(REQUIRED) || !extra.isEmpty()) {
                    unmatched.add(folder.getFileName() + " has " + names);
                }
            }
        }
        assertEquals(List.of(), unmatched, "each case needs " + REQUIRED + " and may have expected.json");
        assertTrue(cases().size() >= 6, "the corpus is missing");
    }

    @TestFactory
    Stream<DynamicTest> theReviewIsTheGolden() throws IOException {
        return cases().stream().map(folder -> dynamicTest(folder.getFileName().toString(), () -> {
            Run text = review(folder);
            assertEquals(Files.readString(folder.resolve("expected.txt")), text.out() + text.err());
            Path expectedJson = folder.resolve("expected.json");
            assertEquals(Files.exists(expectedJson) ? 0 : 1, text.status(), "exit status");
            if (Files.exists(expectedJson)) {
                Run json = review(folder, "--format", "json");
                assertEquals(0, json.status(), json.err());
                assertEquals(Files.readString(expectedJson), json.out());
            }
        }));
    }

    /** The goldens say what the names promise, so that a wrong rule cannot hide in an approved golden. */
    @TestFactory
    Stream<DynamicTest> eachCandidateComesToWhatItsNameSays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path folder : cases()) {
            Path expected = folder.resolve("expected.json");
            if (!Files.exists(expected)) {
                continue;
            }
            for (JsonNode candidate : JSON.readTree(expected.toFile()).get("candidates")) {
                String surface = candidate.get("surface_id").textValue();
                tests.add(dynamicTest(surface, () -> {
                    if (surface.startsWith("expect-")) {
                        String lane = surface.substring("expect-".length(), surface.indexOf("--"));
                        assertEquals(lane, candidate.get("lane").textValue());
                    } else if (surface.startsWith("alone-")) {
                        int end = surface.indexOf("--");
                        String check = surface.substring("alone-".length(), end < 0 ? surface.length() : end);
                        assertEquals(List.of(check), List.of(JSON.convertValue(candidate.get("failed_checks"), String[].class)));
                    } else {
                        throw new AssertionError("a corpus candidate's surface id must say what it comes to: " + surface);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Every lane is reached, and every check that can fail in a valid, current plan fails on its own somewhere. */
    @Test
    void theCorpusReachesEveryLaneAndFailsEveryCheckAlone() throws IOException {
        Set<String> lanes = new TreeSet<>();
        Set<String> alone = new TreeSet<>();
        for (Path folder : cases()) {
            Path expected = folder.resolve("expected.json");
            if (Files.exists(expected)) {
                for (JsonNode candidate : JSON.readTree(expected.toFile()).get("candidates")) {
                    lanes.add(candidate.get("lane").textValue());
                    if (candidate.get("failed_checks").size() == 1) {
                        alone.add(candidate.get("failed_checks").get(0).textValue());
                    }
                }
            }
        }
        Set<String> allLanes = new TreeSet<>();
        ReadbackPlanner.catalog().outcomeLanes().forEach(l -> allLanes.add(l.id().value()));
        assertEquals(allLanes, lanes);
        Set<String> checks = new TreeSet<>();
        ReadbackPlanner.catalog().reviewerChecks().forEach(c -> checks.add(c.id()));
        // Cannot fail alone: a plan that is not current is not reviewed; a valid plan keeps every gate
        // closed and every count 0; and no_false_green fails only with another check (a same-ref
        // receipt or alert chain fails its own check, a claim fails only while another check fails).
        checks.removeAll(Set.of("source_owner_response_acceptance_current", "runtime_stays_zero", "counts_transition_safe",
                "no_false_green"));
        assertEquals(checks, alone);
    }

    @Test
    void quarantinedValuesAreNeverPrinted() throws IOException {
        Path folder = CORPUS.resolve("edge");
        JsonNode plan = JSON.readTree(folder.resolve("plan.json").toFile());
        JsonNode review = JSON.readTree(folder.resolve("expected.json").toFile());
        List<String> outputs = List.of(review(folder).out(), review(folder, "--format", "json").out(),
                review(folder, "--format", "markdown").out());
        int quarantined = 0;
        for (JsonNode candidate : review.get("candidates")) {
            for (JsonNode pointer : candidate.get("quarantined_fields")) {
                quarantined++;
                JsonNode value = plan.at(pointer.textValue());
                assertFalse(value.isNull());
                String shown = value.isTextual() ? value.textValue() : value.toString();
                if (shown.length() < 8) {
                    continue; // an empty window or a small number appears anywhere
                }
                for (String output : outputs) {
                    assertFalse(output.contains(shown), pointer.textValue() + " was printed");
                }
            }
        }
        assertTrue(quarantined >= 5, "the edge case quarantines several values");
    }
}
