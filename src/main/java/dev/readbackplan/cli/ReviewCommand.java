package dev.readbackplan.cli;

import dev.readbackplan.DocumentKind;
import dev.readbackplan.InvalidDocumentException;
import dev.readbackplan.PlanReview;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.ValidationReport;
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
                    "record each candidate's lane in its status in PLAN (reviewer_outcome is left to reviewers), and null values with a secret or raw payload"),
            new Arguments.Option("--require-ready", null,
                    "exit 1 unless every candidate is ready for review or waiting for its runtime gate"),
            new Arguments.Option("--help", null, "show this help and exit"));

    static final String USAGE = "review [--root DIR] [--source-report PATH] [--format text|json|markdown|sarif] [--output FILE]\n"
            + "       " + " ".repeat(Cli.PROGRAM.length()) + "        [--reviewed-at TIMESTAMP] [--write] [--require-ready] PLAN\n";

    private ReviewCommand() {}

    /** The file's bytes, or null when it cannot be read again. */
    private static byte[] readQuietly(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the one problem of the report is that the document is of another kind than it was read as. */
    private static boolean isOfAnotherKind(ValidationReport report) {
        return report.problems().size() == 1 && report.omittedErrors() == 0 && report.omittedWarnings() == 0
                && report.problems().get(0).keyword().equals("kind");
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
        ReadbackPlanner planner = ReadbackPlanner.create();
        Path plan = Path.of(parsed.positionals().get(0));
        Path root = Path.of(parsed.values().getOrDefault("--root", "."));
        Path snapshot = root.resolve(parsed.values().getOrDefault("--source-report", DEFAULT_SOURCE_REPORT));
        PlanReview review;
        try {
            review = planner.review(plan, snapshot, parsed.get("--reviewed-at"));
        } catch (InvalidDocumentException e) {
            if (isOfAnotherKind(e.report())) {
                // A snapshot given as PLAN (or a plan as the snapshot): one line, not what it lacks.
                messages.println(e.report().toText().stripTrailing() + "; nothing was reviewed ("
                        + (e.report().kind() == DocumentKind.PLAN ? "PLAN is the filled plan; the snapshot is found by --root and --source-report"
                                : "--source-report names the snapshot the plan was generated from") + ")");
                return Cli.INVALID;
            }
            messages.print(e.report().toText());
            messages.println(Cli.PROGRAM + ": error: " + e.getMessage() + "; nothing was reviewed");
            return Cli.INVALID;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("reviewedAt", "--reviewed-at"));
        }
        if (!review.snapshotReport().warnings().isEmpty()) {
            // The warnings generation prints (a misspelt key, counts that disagree): review repeats them.
            messages.print(review.snapshotReport().toText());
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
            // One line per quarantined value, up to the report limit validate has; the rest counted.
            java.util.Set<String> nulled = new java.util.HashSet<>(review.nulledPointers());
            java.util.Map<String, String> quarantined = review.quarantinedCandidates();
            int limit = planner.limits().maxProblems();
            int shown = 0;
            for (java.util.Map.Entry<String, String> value : quarantined.entrySet()) {
                if (shown++ == limit) {
                    break;
                }
                messages.println(Display.text(plan.toString()) + ": " + value.getKey() + " (candidate " + Display.text(String.valueOf(value.getValue()))
                        + "): " + (nulled.contains(value.getKey())
                                ? "quarantined value removed (set to null): a secret or raw payload was found in it"
                                : "quarantined value kept (it holds no secret, but is not a redacted reference of an allowed shape;"
                                        + " the candidate stays in quarantine_raw_payload until it is corrected)"));
            }
            if (quarantined.size() > limit) {
                messages.println(Display.text(plan.toString()) + ": note: " + (quarantined.size() - limit) + " more quarantined values not shown"
                        + " (the first " + limit + " are); " + nulled.size() + " in all removed, " + (quarantined.size() - nulled.size()) + " kept");
            }
            messages.println(Display.text(plan.toString()) + ": lanes written into status of " + review.lanes().size()
                    + (review.lanes().size() == 1 ? " candidate" : " candidates"));
        }
        if (parsed.has("--output")) {
            OutputFiles.write(Path.of(parsed.get("--output")), rendered::writeTo);
        } else {
            rendered.writeTo(out);
            out.flush();
        }
        if (parsed.has("--require-ready") && review.lanes().isEmpty()) {
            messages.println(Cli.PROGRAM + ": error: the plan has no candidates, so none is ready (--require-ready)");
            return Cli.INVALID;
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
