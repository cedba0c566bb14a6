package dev.readbackplan.cli;

import dev.readbackplan.Outputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The training run of one of the launcher's JVM caches: what a real run of one command does, on the
 * example packaged in the jar (its snapshot, plan and filled plan), so that an installed jar can build
 * its caches without a source checkout. Not a command of the tool; the launcher runs it as
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
                return new Cli().run(again, none, none);
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
