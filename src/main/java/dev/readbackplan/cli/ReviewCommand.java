package dev.readbackplan.cli;

import dev.readbackplan.InvalidDocumentException;
import dev.readbackplan.PlanReview;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.internal.io.OutputFiles;
import dev.readbackplan.internal.report.Display;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code review}: puts every candidate of a filled plan into its outcome lane, and with {@code
 * --write} records the lanes in the plan. Never prints a value of an evidence field.
 */
final class ReviewCommand {
    static final String DEFAULT_SOURCE_REPORT = "docs/security/monitoring-owner-response-acceptance.snapshot.json";

    static final List<Arguments.Option> OPTIONS = List.of(
            new Arguments.Option("--root", "DIR", "repository root (default: .)"),
            new Arguments.Option("--source-report", "PATH",
                    "the snapshot, relative to the root (default: " + DEFAULT_SOURCE_REPORT + ")"),
            new Arguments.Option("--format", "text|json|markdown|sarif",
                    "review format (default: text); sarif: failed checks and quarantined fields as SARIF 2.1.0"),
            new Arguments.Option("--output", "FILE", "write the review to FILE, atomically (default: standard output)"),
            new Arguments.Option("--reviewed-at", "TIMESTAMP",
                    "RFC 3339 date-time with offset to record (default: now at +08:00, to the second)"),
            new Arguments.Option("--write", null,
                    "record each candidate's lane in its status and reviewer_outcome in PLAN, and null quarantined values"),
            new Arguments.Option("--require-ready", null,
                    "exit 1 unless every candidate is ready for review or waiting for its runtime gate"),
            Cli.SECRET_RULES,
            new Arguments.Option("--help", null, "show this help and exit"));

    static final String USAGE = "review [--root DIR] [--source-report PATH] [--format text|json|markdown|sarif] [--output FILE]\n"
            + "       " + " ".repeat(Cli.PROGRAM.length()) + "        [--reviewed-at TIMESTAMP] [--write] [--require-ready] [--secret-rules FILE] PLAN\n";

    private ReviewCommand() {}

    /** The file's bytes, or null when it cannot be read again. */
    private static byte[] readQuietly(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    static int run(Arguments.Parsed parsed, OutputStream out, PrintStream messages) throws UsageException, IOException {
        if (parsed.has("--help")) {
            byte[] help = ("usage: " + Cli.PROGRAM + " " + USAGE + "\nReviews a filled readback plan against its snapshot: each candidate"
                    + " into its outcome lane.\n\nreview options:\n" + Arguments.describe(OPTIONS)
                    + "\nexit status: 0 reviewed; 1 invalid or out-of-date plan, or --require-ready not met;\n"
                    + "             2 usage or I/O error; 3 internal error\n").getBytes(StandardCharsets.UTF_8);
            out.write(help);
            out.flush();
            return Cli.OK;
        }
        if (parsed.positionals().size() != 1) {
            throw new UsageException(parsed.positionals().isEmpty() ? "review needs the PLAN to review"
                    : "review takes one PLAN, got " + parsed.positionals().size());
        }
        String format = parsed.values().getOrDefault("--format", "text");
        if (!List.of("text", "json", "markdown", "sarif").contains(format)) {
            throw new UsageException("argument --format: must be text, json, markdown or sarif");
        }
        ReadbackPlanner planner = Cli.withSecretRules(ReadbackPlanner.create(), parsed);
        Path plan = Path.of(parsed.positionals().get(0));
        Path root = Path.of(parsed.values().getOrDefault("--root", "."));
        Path snapshot = root.resolve(parsed.values().getOrDefault("--source-report", DEFAULT_SOURCE_REPORT));
        PlanReview review;
        try {
            review = planner.review(plan, snapshot, parsed.get("--reviewed-at"));
        } catch (InvalidDocumentException e) {
            messages.print(e.report().toText());
            messages.println(Cli.PROGRAM + ": error: " + e.getMessage() + "; nothing was reviewed");
            return Cli.INVALID;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("reviewedAt", "--reviewed-at"));
        }
        if (!review.isCurrent()) {
            messages.println(Display.text(plan.toString()) + ": out of date at " + review.comparison().displayPointer() + ": "
                    + review.comparison().difference());
            return Cli.INVALID;
        }
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        switch (format) {
            case "json" -> review.writeJson(rendered);
            case "markdown" -> rendered.writeBytes(review.toMarkdown().getBytes(StandardCharsets.UTF_8));
            // The plan's bytes give each result its line; a plan changed since it was reviewed gives none.
            case "sarif" -> rendered.writeBytes(review.toSarif(Version.get(), readQuietly(plan)).getBytes(StandardCharsets.UTF_8));
            default -> rendered.writeBytes(review.toText().getBytes(StandardCharsets.UTF_8));
        }
        if (parsed.has("--write")) {
            OutputFiles.write(plan, review::writeReviewedPlan);
            for (String pointer : review.quarantinedPointers()) {
                messages.println(Display.text(plan.toString()) + ": " + pointer + ": quarantined value removed (set to null)");
            }
            messages.println(Display.text(plan.toString()) + ": lanes written into status and reviewer_outcome of " + review.lanes().size()
                    + (review.lanes().size() == 1 ? " candidate" : " candidates"));
        }
        if (parsed.has("--output")) {
            OutputFiles.write(Path.of(parsed.get("--output")), rendered::writeTo);
        } else {
            rendered.writeTo(out);
            out.flush();
        }
        if (parsed.has("--require-ready") && !review.allReady()) {
            long waiting = review.lanes().stream()
                    .filter(l -> !l.equals("ready_for_monitoring_post_incident_review") && !l.equals("waiting_runtime_gate")).count();
            messages.println(Cli.PROGRAM + ": error: " + waiting + (waiting == 1 ? " candidate is" : " candidates are")
                    + " not ready for review (--require-ready)");
            return Cli.INVALID;
        }
        return Cli.OK;
    }
}
