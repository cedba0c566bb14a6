package dev.readbackplan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.readbackplan.Outputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The training run of one of the launcher's JVM caches: what a real run of one command does, on the
 * example packaged in the jar (its snapshot, plan and filled plan), so that an installed jar can build
 * its caches without a source checkout. Generation also trains on a longer snapshot made from the
 * example ({@link #largeSnapshot}): the classes of its parallel paths and of the secret rules that
 * real ids trigger are then in the cache (1,000 candidates: 0.92 of the time on JDK 25, 0.94 on 17).
 * Not a command of the tool; the launcher runs it as
 * {@code java -XX:AOTCacheOutput=... -cp JAR dev.readbackplan.cli.Train WORK_DIR COMMAND}.
 *
 * <p>Each command has a cache of its own, trained on that command only: a cache holds every class its
 * training loaded, and on JDK 25 every class in the cache is loaded and linked as the JVM starts,
 * whether the run needs it or not. A one-candidate generation with a cache that also held the review's
 * and validate's classes took 180 ms; with its own, 153 ms (JDK 25, same options).
 *
 * <p>Everything it writes goes into {@code WORK_DIR}, which the caller creates and removes; nothing is
 * printed. The exit status is 0 when every run succeeded.
 */
public final class Train {
    static final String RESOURCES = "training/";
    static final String SNAPSHOT = "monitoring-owner-response-acceptance.snapshot.json";
    static final String PLAN = "monitoring-post-incident-readback-plan.snapshot.json";
    static final String FILLED_PLAN = "monitoring-post-incident-readback-plan.filled.json";
    /** The larger snapshot generation also trains on, written from the example ({@link #largeSnapshot}). */
    static final String LARGE_SNAPSHOT = "large.snapshot.json";
    /** Its candidates: twice the count from which generation validates and renders on two threads (TrainTest checks). */
    static final int LARGE = 1024;
    /** The monitoring systems the larger snapshot's candidates belong to, in turn. */
    private static final List<String> SYSTEMS = List.of("prometheus", "alertmanager", "grafana", "sentry", "telegram");

    /** The commands a cache is trained for: the launcher names one by the command it runs. */
    enum Command {
        /** Generation, and what needs no document at all ({@code --version}, {@code --help}). */
        GENERATE,
        VALIDATE,
        REVIEW
    }

    private Train() {}

    public static void main(String[] args) throws IOException {
        Command command = args.length == 2 ? command(args[1]) : null;
        if (command == null) {
            System.err.println("usage: java -cp JAR " + Train.class.getName() + " WORK_DIR generate|validate|review");
            System.exit(Cli.USAGE_OR_IO);
        }
        // As Main does: the same class loading in training as in the runs the cache is for.
        System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        // The real runs start in Main: loaded here so that the cache holds it too.
        Class<?> entryPoint = Main.class;
        // As Main does: the hook that removes temporary files on exit (the hook machinery and its body
        // are then in the cache too).
        Runtime.getRuntime().addShutdownHook(new Thread(Outputs::removeTemporaryFiles, "readback-plan-temporary-files"));
        System.exit(entryPoint == null ? Cli.INTERNAL_ERROR : run(Path.of(args[0]), command));
    }

    static Command command(String name) {
        for (Command command : Command.values()) {
            if (command.name().toLowerCase(Locale.ROOT).equals(name)) {
                return command;
            }
        }
        return null;
    }

    /** Copies the packaged example under {@code work} and runs {@code command} on it as a real run would. */
    static int run(Path work, Command command) throws IOException {
        Path snapshot = copy(SNAPSHOT, work);
        OutputStream none = OutputStream.nullOutputStream();
        switch (command) {
            case GENERATE -> {
                // Twice: a new plan, its commit asked of git as most runs do (starting a process has
                // classes of its own, and JDK 25 looks up a system logger for it), then the same plan
                // over the one written (a regeneration compares with the existing file and keeps its
                // permissions). Whatever git answers, or if it is missing, the second run's commit is
                // given, so the plan written is the example's.
                String[] generate = {"--root", work.toString(), "--source-report", SNAPSHOT,
                    "--generated-at", "2026-01-01T00:00:00+08:00", "--output", work.resolve("plan.json").toString()};
                int generated = new Cli().run(generate, none, none);
                if (generated != Cli.OK) {
                    return generated;
                }
                String[] again = Arrays.copyOf(generate, generate.length + 2);
                again[generate.length] = "--git-commit";
                again[generate.length + 1] = GitCommit.UNKNOWN;
                int regenerated = new Cli().run(again, none, none);
                if (regenerated != Cli.OK) {
                    return regenerated;
                }
                // A snapshot long enough for the parallel paths (validation, rendering beside the
                // writing): without their classes and lambdas in the cache, a 1,000-candidate run loads
                // and links them from the jar.
                largeSnapshot(snapshot, work.resolve(LARGE_SNAPSHOT));
                return new Cli().run(new String[] {"--root", work.toString(), "--source-report", LARGE_SNAPSHOT,
                    "--generated-at", "2026-01-01T00:00:00+08:00", "--git-commit", GitCommit.UNKNOWN,
                    "--output", work.resolve("large-plan.json").toString()}, none, none);
            }
            case VALIDATE -> {
                Path plan = copy(PLAN, work);
                return new Cli().run(new String[] {"validate", plan.toString(), snapshot.toString()}, none, none);
            }
            case REVIEW -> {
                Path filled = copy(FILLED_PLAN, work);
                int reviewed = review(work, filled, "review.txt");
                if (reviewed != Cli.OK) {
                    return reviewed;
                }
                // A plan streams; one in a shape that does not (its list's key escaped) is read whole, with
                // the quarantine's sorting of its problems: that way's classes are in the cache too.
                Path quarantined = work.resolve("quarantined.json");
                String text = Files.readString(copy(PLAN, work), StandardCharsets.UTF_8);
                String empty = "\"postcheck_readback_ref\": null";
                String list = "\"readback_candidates\"";
                if (!text.contains(empty) || !text.contains(list)) {
                    return Cli.INTERNAL_ERROR;
                }
                Files.writeString(quarantined, text.replaceFirst(empty, "\"postcheck_readback_ref\": \"see the dashboard\"")
                        .replaceFirst(list, "\"readback\\\\u005fcandidates\""), StandardCharsets.UTF_8);
                return review(work, quarantined, "quarantined.txt");
            }
            default -> throw new IllegalStateException(command.name());
        }
    }

    private static int review(Path work, Path plan, String output) {
        OutputStream none = OutputStream.nullOutputStream();
        return new Cli().run(new String[] {"review", "--root", work.toString(), "--source-report", SNAPSHOT,
            "--reviewed-at", "2026-01-01T00:00:00+08:00", "--output", work.resolve(output).toString(), plan.toString()},
            none, none);
    }

    /**
     * The example snapshot's candidates repeated, each copy's ids made unique, to {@link #LARGE}
     * candidates, with the summary's counts that follow from them: a valid snapshot with no warning.
     * Read with Jackson's streaming parser, which the runs use anyway, into plain maps, and written
     * here: a data binding would put classes in the cache that every run then loads.
     */
    static void largeSnapshot(Path example, Path target) throws IOException {
        @Nullable Object read;
        try (JsonParser parser = new JsonFactory().createParser(example.toFile())) {
            read = value(parser, parser.nextToken());
        }
        if (!(read instanceof Map<?, ?> root) || !(root.get("acceptance_candidates") instanceof List<?> examples) || examples.isEmpty()
                || !(root.get("summary") instanceof Map<?, ?> summary)) {
            throw new IOException("the packaged example snapshot is not one");
        }
        List<Object> candidates = new ArrayList<>();
        int writeCapable = 0;
        int liveEvidence = 0;
        for (int i = 0; candidates.size() < LARGE; i++) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) examples.get(i % examples.size())).forEach((key, value) -> copy.put((String) key, value));
            // Each copy belongs to one of the monitoring systems, named in its ids as real snapshots
            // name them: the secret scan's rules keyed on such names (a "sentry" key before a token)
            // then run in training too.
            String system = SYSTEMS.get(i % SYSTEMS.size());
            copy.put("observability_scope", system);
            for (String id : List.of("acceptance_candidate_id", "request_id", "surface_id")) {
                copy.put(id, copy.get(id) + "_" + system + "_" + i);
            }
            writeCapable += Boolean.TRUE.equals(copy.get("write_capable_surface")) ? 1 : 0;
            liveEvidence += Boolean.TRUE.equals(copy.get("requires_live_evidence")) ? 1 : 0;
            candidates.add(copy);
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        summary.forEach((key, value) -> counts.put((String) key, value));
        counts.put("acceptance_candidate_count", LARGE);
        counts.put("write_capable_acceptance_candidate_count", writeCapable);
        counts.put("live_evidence_required_candidate_count", liveEvidence);
        Map<String, Object> large = new LinkedHashMap<>();
        root.forEach((key, value) -> large.put((String) key, value));
        large.put("summary", counts);
        large.put("acceptance_candidates", candidates);
        StringBuilder text = new StringBuilder();
        write(large, text);
        Files.writeString(target, text.append('\n'), StandardCharsets.UTF_8);
    }

    /** The value that starts at {@code token}: maps, lists, strings, booleans, null, numbers as their text. */
    private static @Nullable Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                    String key = parser.currentName();
                    object.put(key, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new NumberText(parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return token == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    /** A number, kept as its text. */
    private record NumberText(String text) {}

    private static void write(@Nullable Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> object) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> member : object.entrySet()) {
                out.append(separator);
                write(member.getKey(), out);
                out.append(": ");
                write(member.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else if (value instanceof List<?> array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(array.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String string) {
            out.append('"');
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof NumberText number) {
            out.append(number.text());
        } else if (value == null) {
            out.append("null");
        } else {
            out.append(value);
        }
    }

    /** The packaged example file {@code name}, copied into {@code work}. */
    private static Path copy(String name, Path work) throws IOException {
        Path target = work.resolve(name);
        try (InputStream in = Train.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("the jar holds no training input " + name);
            }
            Files.copy(in, target);
        }
        return target;
    }
}
