package dev.readbackplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the launcher's JVM cache: what a real run does (generate a plan, validate it, review it)
 * on a snapshot packaged in the jar, so that an installed jar can build its cache without a source
 * checkout. Not a command of the tool; the launcher runs it as
 * {@code java -XX:AOTCacheOutput=... -cp JAR dev.readbackplan.cli.Train WORK_DIR}.
 *
 * <p>Everything it writes goes into {@code WORK_DIR}, which the caller creates and removes; nothing is
 * printed. The exit status is 0 when every run succeeded.
 */
public final class Train {
    static final String SNAPSHOT_RESOURCE = "training/monitoring-owner-response-acceptance.snapshot.json";

    private Train() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp JAR " + Train.class.getName() + " WORK_DIR");
            System.exit(Cli.USAGE_OR_IO);
        }
        // As Main does: the same class loading in training as in the runs the cache is for.
        System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        // The real runs start in Main: loaded here so that the cache holds it too.
        Class<?> entryPoint = Main.class;
        System.exit(entryPoint == null ? Cli.INTERNAL_ERROR : run(Path.of(args[0])));
    }

    /** Writes the packaged snapshot under {@code work}, generates its plan there, validates and reviews it. */
    static int run(Path work) throws IOException {
        Path snapshot = work.resolve("snapshot.json");
        try (InputStream in = Train.class.getResourceAsStream(SNAPSHOT_RESOURCE)) {
            if (in == null) {
                return Cli.INTERNAL_ERROR;
            }
            Files.copy(in, snapshot);
        }
        Path plan = work.resolve("plan.json");
        OutputStream none = OutputStream.nullOutputStream();
        int generated = new Cli().run(new String[] {"--root", work.toString(), "--source-report", "snapshot.json",
            "--generated-at", "2026-01-01T00:00:00+08:00", "--git-commit", "unknown", "--output", plan.toString()}, none, none);
        if (generated != Cli.OK) {
            return generated;
        }
        int validated = new Cli().run(new String[] {"validate", plan.toString(), snapshot.toString()}, none, none);
        if (validated != Cli.OK) {
            return validated;
        }
        // Review too: without it, a review loaded about 200 classes the cache did not hold (its own,
        // the review schema's, the digest's), and ran without profiles.
        int reviewed = new Cli().run(new String[] {"review", "--root", work.toString(), "--source-report", "snapshot.json",
            "--reviewed-at", "2026-01-01T00:00:00+08:00", "--output", work.resolve("review.txt").toString(), plan.toString()},
            none, none);
        if (reviewed != Cli.OK) {
            return reviewed;
        }
        // A plan streams; one in a shape that does not (its list's key escaped) is read whole, with the
        // quarantine's sorting of its problems: that way's classes are in the cache too.
        Path quarantined = work.resolve("quarantined.json");
        String text = Files.readString(plan, StandardCharsets.UTF_8);
        String empty = "\"postcheck_readback_ref\": null";
        String list = "\"readback_candidates\"";
        if (!text.contains(empty) || !text.contains(list)) {
            return Cli.INTERNAL_ERROR;
        }
        Files.writeString(quarantined, text.replaceFirst(empty, "\"postcheck_readback_ref\": \"see the dashboard\"")
                .replaceFirst(list, "\"readback\\\\u005fcandidates\""), StandardCharsets.UTF_8);
        return new Cli().run(new String[] {"review", "--root", work.toString(), "--source-report", "snapshot.json",
            "--reviewed-at", "2026-01-01T00:00:00+08:00", "--output", work.resolve("quarantined.txt").toString(), quarantined.toString()},
            none, none);
    }
}
