package dev.readbackplan.cli;

import dev.readbackplan.BuildVersion;
import dev.readbackplan.Outputs;
import dev.readbackplan.PlanOptions;
import dev.readbackplan.PlanReview;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.text.SafeText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code review}: puts every candidate of a filled plan into its outcome lane, and with {@code
 * --write} records the lanes in the plan. Never prints a value of an evidence field.
 */
final class ReviewCommand {
    static final String DEFAULT_SOURCE_REPORT = "docs/security/monitoring-owner-response-acceptance.snapshot.json";

    private static final Arguments.Option FORMAT = new Arguments.Option("--format", "text|json|markdown|sarif",
            "review format (default: text); sarif: failed checks and quarantined fields as SARIF 2.1.0");

    /** The options of {@code review}: parsing, --help, the completion scripts and the man page read them. */
    static final List<Arguments.Option> OPTIONS = List.of(
            new Arguments.Option("--root", "DIR", "repository root (default: .)"),
            new Arguments.Option("--source-report", "PATH",
                    "the snapshot, relative to the root (default: " + DEFAULT_SOURCE_REPORT + ")"),
            FORMAT,
            new Arguments.Option("--markdown-budget", "N",
                    "with --format markdown: the most characters the review may have (default: "
                            + PlanReview.DEFAULT_MARKDOWN_BUDGET + ", under a GitHub comment's limit; at least " + PlanReview.MIN_MARKDOWN_BUDGET
                            + "; 0: no limit); the detail that does not fit is left out, and the last line says so"),
            new Arguments.Option("--output", "FILE",
                    "write the review to FILE, atomically (default: standard output); never the PLAN or the snapshot"),
            new Arguments.Option("--force", null, "with --output: replace a file that is a readback plan or a snapshot"),
            new Arguments.Option("--reviewed-at", "TIMESTAMP",
                    "RFC 3339 date-time with offset to record (default: now at +08:00, to the second)"),
            new Arguments.Option("--write", null,
                    "record each candidate's lane in its status in PLAN (reviewer_outcome is left to reviewers), and null values with a secret or raw payload"),
            new Arguments.Option("--require-ready", null,
                    "exit 1 unless every candidate is ready for review or waiting for its runtime gate"),
            Cli.SECRET_RULES,
            Cli.SARIF_BASE,
            new Arguments.Option("--help", null, "show this help and exit"));

    static final String USAGE = "review [--root DIR] [--source-report PATH] [--format text|json|markdown|sarif] [--output FILE [--force]]\n"
            + "       " + " ".repeat(Cli.PROGRAM.length()) + "        [--markdown-budget N] [--reviewed-at TIMESTAMP] [--write] [--require-ready]\n"
            + "       " + " ".repeat(Cli.PROGRAM.length()) + "        [--secret-rules FILE] [--sarif-base DIR] PLAN|-\n";

    /** A readback plan or a snapshot, told by its version or its shape, even when it cannot be parsed (a broken plan is still a plan). */
    static final Pattern PLAN_OR_SNAPSHOT = Pattern.compile(
            "\"(?:readback_candidates|acceptance_candidates)\"\\s*:"
                    + "|\"schema_version\"\\s*:\\s*\"(?:monitoring_post_incident_readback_plan_v\\d+|monitoring_owner_response_acceptance_v\\d+)\"");

    /** Files larger than this are not searched: at that size an output file is a plan or a snapshot, not a review. */
    private static final long LARGEST_SEARCHED = 64L << 20;

    private ReviewCommand() {}

    /** Whether the one problem of the report is that the document is of another kind than it was read as. */
    private static boolean isOfAnotherKind(ValidationReport report) {
        return report.problems().size() == 1 && report.omittedErrors() == 0 && report.omittedWarnings() == 0
                && report.problems().get(0).toolKeyword().filter(Keyword.KIND::equals).isPresent();
    }

    static int run(Arguments.Parsed parsed, InputStream stdin, OutputStream out, PrintStream messages) throws UsageException, IOException {
        if (parsed.has("--help")) {
            byte[] help = ("usage: " + Cli.PROGRAM + " " + USAGE + "\nReviews a filled readback plan against its snapshot: each candidate"
                    + " into its outcome lane.\nPLAN - reads the plan from standard input (not with --write).\n\nreview options:\n"
                    + Arguments.describe(OPTIONS)
                    + "\nexit status: 0 reviewed; 1 invalid or out-of-date plan (every format then says it is out of date), --output or --write refused (nothing written),\n"
                    + "             or --require-ready not met; 2 usage or I/O error; 3 internal error;\n"
                    + "             141 standard output closed by its reader\n").getBytes(StandardCharsets.UTF_8);
            out.write(help);
            out.flush();
            return Cli.OK;
        }
        if (parsed.positionals().size() != 1) {
            throw new UsageException(parsed.positionals().isEmpty() ? "review needs the PLAN to review"
                    : "review takes one PLAN, got " + parsed.positionals().size());
        }
        String format = Arguments.choice(parsed, FORMAT, "text");
        Path sarifBase = Cli.sarifBase(parsed);
        int markdownBudget = markdownBudget(parsed, format);
        boolean fromStdin = parsed.positionals().get(0).equals("-");
        if (fromStdin && parsed.has("--write")) {
            throw new UsageException("--write needs a PLAN file: a plan read from standard input (-) cannot be rewritten");
        }
        if (parsed.has("--force") && !parsed.has("--output")) {
            throw new UsageException("--force needs --output: the file to replace");
        }
        ReadbackPlanner planner = Cli.planner();
        if (parsed.has("--reviewed-at")) {
            // Before any file is looked up: a wrong value is named as such, not reported as a missing plan.
            try {
                planner.check(new PlanOptions(parsed.get("--reviewed-at"), GitCommit.UNKNOWN));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--reviewed-at must be an RFC 3339 date-time with an offset, such as 2026-01-01T00:00:00+08:00");
            }
        }
        planner = Cli.withSecretRules(planner, parsed);
        Path plan = fromStdin ? null : Path.of(parsed.positionals().get(0));
        // Once the options are checked, and while the snapshot is read: a large plan's digest is NSS's.
        SystemSha256.offerFor(plan == null ? -1 : sizeOf(plan));
        String planName = fromStdin ? Cli.STDIN_NAME : plan.toString();
        Path root = Path.of(parsed.values().getOrDefault("--root", "."));
        Path snapshot = root.resolve(parsed.values().getOrDefault("--source-report", DEFAULT_SOURCE_REPORT));
        Path output = parsed.has("--output") ? Path.of(parsed.get("--output")) : null;
        Outputs.Held outputHeld = null;
        if (output != null) {
            String refused = refusal(output, plan, snapshot, parsed.has("--force"));
            if (refused != null) {
                messages.println(Cli.PROGRAM + ": error: " + SafeText.of(output.toString()) + ": " + refused + "; nothing was written");
                return Cli.INVALID;
            }
            outputHeld = Outputs.hold(output);
        }
        // What the plan holds before the review reads it: --write replaces it only while it still holds that.
        Outputs.Held planHeld = parsed.has("--write") ? Outputs.hold(plan) : null;
        PlanReview review;
        byte[] stdinPlan = null;
        try {
            if (fromStdin) {
                stdinPlan = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, planner.limits().maxDocumentBytes() + 1));
                if (Files.isDirectory(snapshot)) {
                    throw new FileSystemException(snapshot.toString(), null, "is a directory, not a document");
                }
                try (InputStream snapshotIn = Files.newInputStream(snapshot)) {
                    review = planner.review(new ByteArrayInputStream(stdinPlan), planName, snapshotIn, snapshot.toString(),
                            parsed.get("--reviewed-at"));
                }
            } else {
                review = planner.review(plan, snapshot, parsed.get("--reviewed-at"));
            }
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
        // Only a plan current for its snapshot is reviewed: lanes, quarantined values and the plan to write.
        PlanReview.Reviewed reviewed = review instanceof PlanReview.Reviewed current ? current : null;
        if (reviewed == null && (output != null || !format.equals("text"))) {
            // Every format still writes a document that says so (a pipeline that publishes the review has one);
            // the line here is for the terminal, where the text format already says it.
            messages.println(SafeText.of(planName) + ": out of date at " + review.comparison().displayPointer() + ": "
                    + review.comparison().difference());
        }
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        switch (format) {
            case "json" -> review.writeJson(rendered);
            case "markdown" -> rendered.writeBytes(review.toMarkdown(markdownBudget).getBytes(StandardCharsets.UTF_8));
            // The review keeps the bytes it reviewed: each result has its line, without reading the plan again.
            case "sarif" -> rendered.writeBytes(review.toSarif(BuildVersion.VERSION, sarifBase).getBytes(StandardCharsets.UTF_8));
            default -> rendered.writeBytes(review.toText().getBytes(StandardCharsets.UTF_8));
        }
        // Every output is prepared before any is committed: a failure leaves the plan and the review file as they were,
        // and the plan is replaced only while it still holds the bytes that were reviewed.
        try (Outputs.Transaction outputs = Outputs.transaction()) {
            if (parsed.has("--write") && reviewed != null) {
                outputs.stage(plan, planHeld, reviewed::writeReviewedPlan);
            }
            if (output != null) {
                outputs.stage(output, outputHeld, rendered::writeTo);
            }
            outputs.commit();
        }
        if (parsed.has("--write") && reviewed != null) {
            // One line per quarantined value, up to the report limit validate has; the rest counted.
            java.util.Set<String> nulled = new java.util.HashSet<>(reviewed.nulledPointers());
            java.util.Map<String, String> quarantined = reviewed.quarantinedCandidates();
            int limit = planner.limits().maxProblems();
            int shown = 0;
            for (java.util.Map.Entry<String, String> value : quarantined.entrySet()) {
                if (shown++ == limit) {
                    break;
                }
                messages.println(SafeText.of(plan.toString()) + ": " + value.getKey() + " (candidate " + SafeText.of(String.valueOf(value.getValue()))
                        + "): " + (nulled.contains(value.getKey())
                                ? "quarantined value removed (set to null): a secret or raw payload was found in it"
                                : "quarantined value kept (it holds no secret, but is not a redacted reference of an allowed shape;"
                                        + " the candidate stays in quarantine_raw_payload until it is corrected)"));
            }
            if (quarantined.size() > limit) {
                messages.println(SafeText.of(plan.toString()) + ": note: " + (quarantined.size() - limit) + " more quarantined values not shown"
                        + " (the first " + limit + " are); " + nulled.size() + " in all removed, " + (quarantined.size() - nulled.size()) + " kept");
            }
            messages.println(SafeText.of(plan.toString()) + ": lanes written into status of " + reviewed.lanes().size()
                    + (reviewed.lanes().size() == 1 ? " candidate" : " candidates"));
        }
        if (output == null) {
            rendered.writeTo(out);
            out.flush();
        }
        if (reviewed == null) {
            return Cli.INVALID;
        }
        if (parsed.has("--require-ready") && reviewed.lanes().isEmpty()) {
            messages.println(Cli.PROGRAM + ": error: the plan has no candidates, so none is ready (--require-ready)");
            return Cli.INVALID;
        }
        if (parsed.has("--require-ready") && !reviewed.allReady()) {
            long waiting = reviewed.lanes().stream().filter(lane -> !ReadbackPlanner.catalog().readyLanes().contains(lane)).count();
            messages.println(Cli.PROGRAM + ": error: " + waiting + (waiting == 1 ? " candidate is" : " candidates are")
                    + " not ready for review (--require-ready)");
            return Cli.INVALID;
        }
        return Cli.OK;
    }

    /** The {@code --markdown-budget}, checked before any file is read; the default without it. */
    private static int markdownBudget(Arguments.Parsed parsed, String format) throws UsageException {
        if (!parsed.has("--markdown-budget")) {
            return PlanReview.DEFAULT_MARKDOWN_BUDGET;
        }
        if (!format.equals("markdown")) {
            throw new UsageException("--markdown-budget needs --format markdown");
        }
        String value = parsed.get("--markdown-budget");
        int budget;
        try {
            budget = value.matches("[0-9]{1,10}") ? Integer.parseInt(value) : -1;
        } catch (NumberFormatException e) {
            budget = -1;
        }
        if (budget != 0 && budget < PlanReview.MIN_MARKDOWN_BUDGET) {
            // The value is not repeated: the message stays free of anything typed.
            throw new UsageException("argument --markdown-budget: must be 0 (no limit) or a number of characters of at least "
                    + PlanReview.MIN_MARKDOWN_BUDGET);
        }
        return budget;
    }

    /**
     * Why the review may not be written to {@code output}, or null. Never the plan being reviewed or the
     * snapshot being read, whatever the flags: compared as files (links, hard links, {@code ./x} and
     * {@code x} alike). Another readback plan or snapshot only with {@code --force}.
     */
    static String refusal(Path output, Path plan, Path snapshot, boolean force) throws IOException {
        Path absolute = output.toAbsolutePath();
        if (!Files.exists(absolute)) {
            return null;
        }
        if (plan != null && sameFile(absolute, plan)) {
            return "is the PLAN being reviewed (" + SafeText.of(plan.toString()) + "): --output never replaces it";
        }
        if (sameFile(absolute, snapshot)) {
            return "is the snapshot being read (" + SafeText.of(snapshot.toString()) + "): --output never replaces it";
        }
        if (Outputs.isSpecial(absolute)) {
            return null;
        }
        if (!force && holdsPlanOrSnapshot(absolute)) {
            return "exists and is a readback plan or a snapshot (--force replaces it)";
        }
        return null;
    }

    /** {@return the size of {@code file} when it is a regular file, else -1} */
    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException | RuntimeException e) {
            return -1; // the review reports what is wrong with the file
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Whether a regular file reads as a readback plan or a snapshot, broken or not. */
    private static boolean holdsPlanOrSnapshot(Path file) throws IOException {
        if (Files.size(file) > LARGEST_SEARCHED) {
            return true;
        }
        return holdsPlanOrSnapshot(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }

    /**
     * Whether {@code text} holds what {@link #PLAN_OR_SNAPSHOT} finds: tried only where a quote is, since
     * both its alternatives begin with one. Over an earlier 1.5 MB review of 10,000 candidates (no quote in
     * it), in a fresh JVM with C1 alone as the launcher runs it: 23 ms tried at every position, 1.6 ms so,
     * at the start of every review that replaces one.
     */
    static boolean holdsPlanOrSnapshot(String text) {
        Matcher matcher = PLAN_OR_SNAPSHOT.matcher(text);
        for (int quote = text.indexOf('"'); quote >= 0; quote = text.indexOf('"', quote + 1)) {
            if (matcher.region(quote, text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
