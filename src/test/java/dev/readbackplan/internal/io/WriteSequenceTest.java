package dev.readbackplan.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.PlanOptions;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.cli.Cli;
import dev.readbackplan.document.FileChangedException;
import dev.readbackplan.document.OverwriteRefusedException;
import dev.readbackplan.internal.json.PythonJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise, driven at random: over a filled plan, seeded sequences of fill (a reviewer types
 * evidence refs, owners, a claim), generation with {@code --output}, library regeneration, {@code
 * review --write}, an edit saved while a run goes, and a run killed with SIGKILL at a random moment.
 * After every step, each entry a reviewer typed is still in the plan file, unless a run given
 * {@code --discard-evidence} dropped it and named its candidate; {@code review --write} records the
 * lanes in {@code status} and {@code reviewer_outcome}, which is what that flag says. The plan file
 * always parses.
 *
 * <p>Default: a few seeds, so that the default test run stays short. More with {@code
 * -Dreadbackplan.writeSequence.seeds=200} (and {@code .steps}, {@code .seed} for the first seed).
 */
class WriteSequenceTest {
    private static final int SEEDS = Integer.getInteger("readbackplan.writeSequence.seeds", 2);
    private static final int STEPS = Integer.getInteger("readbackplan.writeSequence.steps", 12);
    private static final long FIRST_SEED = Long.getLong("readbackplan.writeSequence.seed", 1);
    /** Child JVMs killed per sequence: each costs a JVM start. */
    private static final int CRASHES = Integer.getInteger("readbackplan.writeSequence.crashes", 1);

    private static final Path EXAMPLE_FILLED = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.filled.json");
    private static final Path EXAMPLE_SNAPSHOT = Path.of("examples/docs/security/monitoring-owner-response-acceptance.snapshot.json");
    private static final Path EXAMPLE_PLAN = Path.of("examples/docs/security/monitoring-post-incident-readback-plan.snapshot.json");
    private static final String ID = "post_incident_readback_candidate_id";
    private static final String GENERATED_AT = "2026-01-01T00:00:00+08:00";
    private static final List<String> LANE_FIELDS = List.of("status", "reviewer_outcome");
    private static final Pattern DROPPED = Pattern.compile("dropped the entries of \\d+ candidates? [^(\\n]*\\(--discard-evidence\\): (.*)");
    private static final Pattern QUARANTINED = Pattern.compile(": /readback_candidates/(\\d+)/([a-z_]+): quarantined value removed");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @AfterEach
    void noHook() {
        OutputFiles.beforeCheck = null;
    }

    @Test
    void everyEntryAReviewerTypedSurvivesEverySequence() throws Exception {
        Map<String, Map<String, JsonNode>> pool = typedValues();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            new Sequence(seed, temp.resolve("seed-" + seed), pool).run();
        }
    }

    /** What reviewers typed into the bundled filled plan, candidate by candidate: the values a fill draws from. */
    private static Map<String, Map<String, JsonNode>> typedValues() throws IOException {
        JsonNode filled = JSON.readTree(EXAMPLE_FILLED.toFile()).get("readback_candidates");
        JsonNode fresh = JSON.readTree(EXAMPLE_PLAN.toFile()).get("readback_candidates");
        Map<String, Map<String, JsonNode>> pool = new LinkedHashMap<>();
        for (int i = 0; i < filled.size(); i++) {
            Map<String, JsonNode> typed = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : filled.get(i).properties()) {
                if (!field.getValue().equals(fresh.get(i).get(field.getKey())) && !field.getKey().equals("status")) {
                    typed.put(field.getKey(), field.getValue());
                }
            }
            if (!typed.isEmpty()) {
                pool.put(filled.get(i).get(ID).textValue(), typed);
            }
        }
        return pool;
    }

    private record Run(int status, String err) {}

    private static final class Sequence {
        private final long seed;
        private final Random random;
        private final Path repo;
        private final Path plan;
        private final Map<String, Map<String, JsonNode>> pool;
        /** Every entry typed and not yet dropped by a run that said so: candidate id, field, value. */
        private final Map<String, Map<String, JsonNode>> typed = new LinkedHashMap<>();
        private final List<String> log = new ArrayList<>();
        private final List<String> snapshotIds = new ArrayList<>();
        /** The snapshot the plan is the plan of: {@code snapshot.json} or one without a candidate. */
        private String snapshot = "snapshot.json";
        private int crashes;

        Sequence(long seed, Path repo, Map<String, Map<String, JsonNode>> pool) {
            this.seed = seed;
            this.random = new Random(seed);
            this.repo = repo;
            this.plan = repo.resolve("plan.json");
            this.pool = pool;
        }

        void run() throws Exception {
            Files.createDirectories(repo);
            Files.copy(EXAMPLE_SNAPSHOT, repo.resolve("snapshot.json"));
            JsonNode candidates = JSON.readTree(EXAMPLE_SNAPSHOT.toFile()).get("acceptance_candidates");
            for (int i = 0; i < candidates.size(); i++) {
                snapshotIds.add(candidates.get(i).get("surface_id").textValue());
                ObjectNode without = (ObjectNode) JSON.readTree(EXAMPLE_SNAPSHOT.toFile());
                ((ArrayNode) without.get("acceptance_candidates")).remove(i);
                Files.writeString(repo.resolve("without-" + i + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(without));
            }
            Files.copy(EXAMPLE_PLAN, plan);
            log("start from the example's plan");
            check();
            for (int step = 0; step < STEPS; step++) {
                int choice = random.nextInt(100);
                if (choice < 30) {
                    fill();
                } else if (choice < 45) {
                    generateCli();
                } else if (choice < 58) {
                    regenerateLibrary();
                } else if (choice < 75) {
                    reviewWrite();
                } else if (choice < 90) {
                    concurrentEdit();
                } else if (crashes < CRASHES) {
                    crash();
                } else {
                    fill();
                }
                check();
            }
            if (Boolean.getBoolean("readbackplan.writeSequence.verbose")) {
                System.out.println("seed " + seed + ": " + String.join("\n  ", log));
            }
        }

        private void log(String step) {
            log.add(step);
        }

        private String where() {
            return "seed " + seed + ", after: " + String.join(" | ", log);
        }

        // ---------------------------------------------------------------- the invariant

        private void check() throws IOException {
            JsonNode tree;
            try {
                tree = JSON.readTree(plan.toFile());
            } catch (IOException e) {
                throw new AssertionError("the plan no longer parses (" + e.getMessage() + "); " + where(), e);
            }
            Map<String, JsonNode> byId = new HashMap<>();
            tree.get("readback_candidates").forEach(c -> byId.put(c.get(ID).textValue(), c));
            typed.forEach((id, fields) -> {
                JsonNode candidate = byId.get(id);
                assertNotNull(candidate, id + " with typed entries " + fields.keySet() + " vanished; " + where());
                fields.forEach((field, value) -> assertEquals(value, candidate.get(field), id + " " + field + "; " + where()));
            });
        }

        // ---------------------------------------------------------------- steps

        /** A reviewer types a few entries of one candidate and saves the plan. */
        private void fill() throws IOException {
            log("fill " + fillInto(plan));
        }

        /** Types entries into the file as a reviewer's editor would, and records them; returns what. */
        private String fillInto(Path file) throws IOException {
            ObjectNode tree = (ObjectNode) JSON.readTree(file.toFile());
            List<ObjectNode> present = new ArrayList<>();
            tree.get("readback_candidates").forEach(c -> {
                if (pool.containsKey(c.get(ID).textValue())) {
                    present.add((ObjectNode) c);
                }
            });
            ObjectNode candidate = present.get(random.nextInt(present.size()));
            String id = candidate.get(ID).textValue();
            List<String> fields = new ArrayList<>(pool.get(id).keySet());
            java.util.Collections.shuffle(fields, random);
            List<String> chosen = fields.subList(0, 1 + random.nextInt(Math.min(5, fields.size())));
            for (String field : chosen) {
                JsonNode value = pool.get(id).get(field);
                candidate.set(field, value);
                typed.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(field, value);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                PythonJsonWriter writer = new PythonJsonWriter(out);
                writer.writeDocument(tree);
                writer.flush();
            }
            return id.substring(id.indexOf(':') + 1) + " " + chosen;
        }

        /** A snapshot for a regeneration: mostly the whole one, sometimes one without a candidate. */
        private String chooseSnapshot() {
            int choice = random.nextInt(8);
            if (choice == 0 && !typed.isEmpty()) {
                // Without a candidate that holds typed entries: refused, or dropped and named with --discard-evidence.
                List<String> ids = new ArrayList<>(typed.keySet());
                String id = ids.get(random.nextInt(ids.size()));
                return "without-" + snapshotIds.indexOf(id.substring(id.indexOf(':') + 1)) + ".json";
            }
            return choice <= 2 ? "without-" + random.nextInt(snapshotIds.size()) + ".json" : "snapshot.json";
        }

        private String gitCommit() {
            return random.nextBoolean() ? "unknown" : "abc" + (1000 + random.nextInt(9000));
        }

        private List<String> generateArgs(String source, List<String> flags) {
            List<String> args = new ArrayList<>(List.of("--root", repo.toString(), "--source-report", source, "--generated-at", GENERATED_AT,
                    "--git-commit", gitCommit(), "--output", plan.toString()));
            args.addAll(flags);
            return args;
        }

        private void generateCli() throws IOException {
            String source = chooseSnapshot();
            List<String> flags = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                flags.add("--discard-evidence");
            }
            if (random.nextInt(4) == 0) {
                flags.add("--force");
            }
            byte[] before = Files.readAllBytes(plan);
            Run run = cli(generateArgs(source, flags));
            Matcher named = DROPPED.matcher(run.err());
            log("generate " + source + " " + flags + " -> " + run.status() + (named.find() ? " dropped " + named.group(1) : ""));
            afterGeneration(run, source, flags.contains("--discard-evidence"), before);
        }

        private void afterGeneration(Run run, String source, boolean discard, byte[] before) throws IOException {
            if (run.status() == 0) {
                snapshot = source;
                Matcher dropped = DROPPED.matcher(run.err());
                if (dropped.find()) {
                    assertTrue(discard, "entries dropped without --discard-evidence: " + run.err() + "; " + where());
                    for (String id : dropped.group(1).split(", ")) {
                        typed.remove(id);
                    }
                }
            } else {
                assertEquals(1, run.status(), run.err() + "; " + where());
                assertArrayEquals(before, Files.readAllBytes(plan), "a refused run wrote: " + run.err() + "; " + where());
            }
        }

        private void regenerateLibrary() throws IOException {
            String source = chooseSnapshot();
            boolean discard = random.nextInt(3) == 0;
            byte[] before = Files.readAllBytes(plan);
            try {
                ReadbackPlanner.Regeneration done = ReadbackPlanner.create().regenerate(repo.resolve(source),
                        new PlanOptions(GENERATED_AT, gitCommit()), plan, new ReadbackPlanner.Overwrite(discard, false));
                log("regenerate " + source + (discard ? " discarding" : "") + " -> dropped " + done.discardedCandidateIds());
                snapshot = source;
                assertTrue(discard || done.discardedCandidateIds().isEmpty(), where());
                done.discardedCandidateIds().forEach(typed::remove);
            } catch (OverwriteRefusedException refused) {
                log("regenerate " + source + (discard ? " discarding" : "") + " -> refused");
                assertArrayEquals(before, Files.readAllBytes(plan), where());
            }
        }

        private List<String> reviewArgs(List<String> flags) {
            List<String> args = new ArrayList<>(List.of("review", "--root", repo.toString(), "--source-report", snapshot,
                    "--reviewed-at", "2026-01-02T09:30:00+08:00"));
            args.addAll(flags);
            args.add(plan.toString());
            return args;
        }

        private void reviewWrite() throws IOException {
            List<String> flags = new ArrayList<>(List.of("--write", "--format", List.of("text", "json", "markdown", "sarif").get(random.nextInt(4))));
            if (random.nextBoolean()) {
                flags.addAll(List.of("--output", repo.resolve("review.out").toString()));
            }
            byte[] before = Files.readAllBytes(plan);
            JsonNode read = JSON.readTree(before);
            Run run = cli(reviewArgs(flags));
            log("review " + flags + " -> " + run.status());
            afterReviewWrite(run.status() == 0, run.err(), read, before);
        }

        /** --write records the lanes (what it says it does) and nulls the quarantined values it names. */
        private void afterReviewWrite(boolean written, String err, JsonNode read, byte[] before) throws IOException {
            if (!written) {
                assertArrayEquals(before, Files.readAllBytes(plan), "a failed review wrote: " + err + "; " + where());
                return;
            }
            typed.values().forEach(fields -> LANE_FIELDS.forEach(fields::remove));
            Matcher quarantined = QUARANTINED.matcher(err);
            while (quarantined.find()) {
                String id = read.get("readback_candidates").get(Integer.parseInt(quarantined.group(1))).get(ID).textValue();
                Map<String, JsonNode> fields = typed.get(id);
                if (fields != null) {
                    fields.remove(quarantined.group(2));
                }
            }
        }

        /** A run reaches its rename while a reviewer saves the plan: the run is refused, the save kept. */
        private void concurrentEdit() throws IOException {
            String[] typedNow = new String[1];
            OutputFiles.beforeCheck = target -> {
                if (typedNow[0] == null && Files.isSameFile(target, plan)) {
                    typedNow[0] = fillInto(plan);
                }
            };
            byte[] before = Files.readAllBytes(plan);
            String what;
            boolean refused;
            try {
                int kind = random.nextInt(3);
                if (kind == 0) {
                    Run run = cli(reviewArgs(List.of("--write")));
                    what = "review --write";
                    refused = run.status() == 1 && run.err().contains("changed while this run was reading it");
                    if (typedNow[0] == null) {
                        afterReviewWrite(run.status() == 0, run.err(), JSON.readTree(before), before);
                    }
                } else if (kind == 1) {
                    Run run = cli(generateArgs(snapshot, List.of()));
                    what = "generate";
                    refused = run.status() == 1 && run.err().contains("changed while this run was reading it");
                    if (typedNow[0] == null) {
                        afterGeneration(run, snapshot, false, before);
                    }
                } else {
                    what = "regenerate";
                    refused = false;
                    try {
                        ReadbackPlanner.create().regenerate(repo.resolve(snapshot), new PlanOptions(GENERATED_AT, gitCommit()), plan,
                                ReadbackPlanner.Overwrite.KEEP_ENTRIES);
                    } catch (FileChangedException e) {
                        refused = true;
                    } catch (OverwriteRefusedException e) {
                        refused = false;
                    }
                }
            } finally {
                OutputFiles.beforeCheck = null;
            }
            log(what + " while saving " + typedNow[0] + (refused ? " -> refused" : ""));
            if (typedNow[0] != null) {
                assertTrue(refused, "a run replaced a plan saved while it ran; " + where());
            }
        }

        /** A run in another JVM, killed with SIGKILL at a random moment: the plan is the old one or the new one, whole. */
        private void crash() throws Exception {
            crashes++;
            boolean review = random.nextBoolean();
            List<String> args = review ? reviewArgs(List.of("--write")) : generateArgs(snapshot, List.of());
            byte[] before = Files.readAllBytes(plan);
            JsonNode read = JSON.readTree(before);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "dev.readbackplan.cli.Main"));
            command.addAll(args);
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // Half the kills land while the plan is being written: once the run's temporary file appears, after
            // 0 to 20 ms (before, during or after the rename); the others at any moment of the run.
            boolean duringWrite = random.nextBoolean();
            long delay = duringWrite ? random.nextInt(20) : random.nextInt(3000);
            boolean finished;
            if (duringWrite) {
                while (child.isAlive() && !temporaryFileIn(repo)) {
                    Thread.sleep(1);
                }
                finished = child.waitFor(delay, TimeUnit.MILLISECONDS);
            } else {
                finished = child.waitFor(delay, TimeUnit.MILLISECONDS);
            }
            if (!finished) {
                child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            }
            int status = child.waitFor();
            byte[] after = Files.readAllBytes(plan);
            boolean changed = !Arrays.equals(before, after);
            log("kill " + (review ? "review --write" : "generate") + " after " + delay + " ms" + (duringWrite ? " of writing" : "") + " -> " + (finished ? "exit " + status : "killed")
                    + (changed ? ", plan replaced" : ", plan as it was"));
            if (changed && review) {
                afterReviewWrite(true, "", read, before);
            }
            try (var files = Files.list(repo)) {
                // A killed run may leave its temporary file (SIGKILL cannot be handled); it never becomes the plan.
                files.filter(f -> f.getFileName().toString().endsWith(".tmp")).forEach(f -> f.toFile().delete());
            }
        }

        private static boolean temporaryFileIn(Path folder) {
            String[] names = folder.toFile().list();
            return names != null && Arrays.stream(names).anyMatch(name -> name.startsWith(".plan.json.") && name.endsWith(".tmp"));
        }

        private Run cli(List<String> args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new Cli(InputStream.nullInputStream()).run(args.toArray(String[]::new), out, err);
            String messages = err.toString(StandardCharsets.UTF_8);
            if (status > 1) {
                fail("exit " + status + ": " + messages + "; " + where());
            }
            return new Run(status, messages);
        }
    }
}
