package dev.readbackplan.cli;

import dev.readbackplan.BuildVersion;
import dev.readbackplan.CompareOptions;
import dev.readbackplan.CustomSecretRules;
import dev.readbackplan.PlanOptions;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.Reports;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.FileChangedException;
import dev.readbackplan.document.GenerationResult;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.OverwriteRefusedException;
import dev.readbackplan.document.PlanComparison;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.text.SafeText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * The command line: a drop-in for the reference generator (same flags, same output, same summary
 * line), plus {@code validate} for documents edited by hand and {@code --check} for CI.
 *
 * <p>{@link #run} is the whole program and does not exit, so tests drive it with their own streams.
 */
public final class Cli {
    static final String PROGRAM = "monitoring-readback-plan";
    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE_OR_IO = 2;
    static final int INTERNAL_ERROR = 3;
    /**
     * Standard output closed by its reader ({@code ... | head -1}): the run stops quietly with 128 + 13,
     * the status a shell shows for {@code cat}, {@code grep} or {@code git} stopped by SIGPIPE.
     */
    static final int OUTPUT_CLOSED = 141;

    private static final String DEFAULT_SOURCE_REPORT = "docs/security/monitoring-owner-response-acceptance.snapshot.json";

    private static final Arguments.Option HELP = new Arguments.Option("--help", null, "show this help and exit");
    private static final Arguments.Option VERSION = new Arguments.Option("--version", null, "show the version and exit");
    private static final Arguments.Option STRICT = new Arguments.Option("--strict", null,
            "treat warnings (such as summary counts that disagree with the candidates) as errors");

    /** Shared by generation, validate and review. */
    static final Arguments.Option SECRET_RULES = new Arguments.Option("--secret-rules", "FILE",
            "also scan with the rules of this gitleaks configuration (TOML), on top of the built-in table");

    /** Shared by validate and review: the folder SARIF file locations are relative to. */
    static final Arguments.Option SARIF_BASE = new Arguments.Option("--sarif-base", "DIR",
            "with --format sarif: file locations relative to DIR, recorded as originalUriBaseIds (default: the root of the"
            + " git work tree the current folder is in, else the current folder)");

    private static final Arguments.Option COMPLETION = new Arguments.Option("--completion", "bash|zsh",
            "print the completion script of this shell for every command and option, and exit");
    private static final Arguments.Option MAN = new Arguments.Option("--man", null,
            "print the manual page (roff: man -l, or save as monitoring-readback-plan.1) and exit");
    private static final Arguments.Option KIND = new Arguments.Option("--kind", "snapshot|plan",
            "validate every FILE as this kind (default: told by its schema_version)");
    private static final Arguments.Option VALIDATE_FORMAT = new Arguments.Option("--format", "text|json|sarif",
            "report format (default: text); json: {tool, problems}; sarif: SARIF 2.1.0 for code scanning");

    /** The options of generation, the main command: parsing, --help, the completion scripts and the man page read them. */
    static final List<Arguments.Option> GENERATE_OPTIONS = List.of(
            new Arguments.Option("--root", "DIR", "repository root (default: .)"),
            new Arguments.Option("--source-report", "PATH",
                    "the snapshot, relative to the root (default: " + DEFAULT_SOURCE_REPORT + ")"),
            new Arguments.Option("--output", "FILE",
                    "write the plan to FILE, atomically, creating parent folders (default: standard output)"),
            new Arguments.Option("--generated-at", "TIMESTAMP",
                    "RFC 3339 date-time with offset to record (default: now at +08:00, to the second)"),
            new Arguments.Option("--git-commit", "SHA",
                    "commit to record (default: git rev-parse --short HEAD in the root, or unknown)"),
            new Arguments.Option("--discard-evidence", null,
                    "with --output: drop the reviewers' entries of candidates whose surfaces left the snapshot or changed, or"
                    + " that have no usable id, and replace a plan that cannot be read (each one named)"),
            new Arguments.Option("--reset-changed-verdicts", null,
                    "with --output: keep the evidence of candidates whose surface changed, but start their status and"
                    + " reviewer_outcome again (each one named)"),
            new Arguments.Option("--force", null, "with --output: replace a file that is not a readback plan (never drops entries)"),
            new Arguments.Option("--check", null,
                    "with --output: compare FILE with the plan instead of writing it; exit 1 if it is out of date"),
            SECRET_RULES, STRICT, COMPLETION, MAN, HELP, VERSION);

    /** The options of {@code validate}. */
    static final List<Arguments.Option> VALIDATE_OPTIONS = List.of(KIND, VALIDATE_FORMAT, SECRET_RULES, STRICT, SARIF_BASE, HELP);

    /** Runs one command; returns the exit status. Nothing is closed. */
    public int run(String[] args, OutputStream stdout, OutputStream err) {
        PrintStream messages = new PrintStream(err, true, StandardCharsets.UTF_8);
        ClosedOutputWatch out = new ClosedOutputWatch(stdout);
        documentBytes = 0;
        stdinRead = null;
        try {
            List<String> arguments = Arrays.asList(args);
            if (!arguments.isEmpty() && arguments.get(0).equals("review")) {
                Arguments.Parsed parsed = Arguments.parse(ReviewCommand.OPTIONS, normalizeHelp(arguments.subList(1, arguments.size())));
                noteInputs(parsed, ReviewCommand.DEFAULT_SOURCE_REPORT, false);
                // The snapshot is read whole; the plan streams when it is clean, and the library refuses up
                // front one it must read whole and cannot hold.
                if (!parsed.has("--help") && heapTooSmall(snapshotBytes(parsed, ReviewCommand.DEFAULT_SOURCE_REPORT))) {
                    return outOfMemory(messages);
                }
                return ReviewCommand.run(parsed, stdin, out, messages);
            }
            if (!arguments.isEmpty() && arguments.get(0).equals("validate")) {
                return validate(Arguments.parse(VALIDATE_OPTIONS, normalizeHelp(arguments.subList(1, arguments.size()))), out, messages);
            }
            Arguments.Parsed parsed = Arguments.parse(GENERATE_OPTIONS, normalizeHelp(arguments));
            noteInputs(parsed, DEFAULT_SOURCE_REPORT, true);
            return generate(parsed, out, messages);
        } catch (OutOfMemoryError e) {
            return outOfMemory(messages);
        } catch (UsageException e) {
            messages.println(PROGRAM + ": error: " + SafeText.of(e.getMessage()));
            messages.println("Try '" + PROGRAM + " --help' for more information.");
            return USAGE_OR_IO;
        } catch (FileChangedException e) {
            // Refused, as a lost entry is: someone saved the file meanwhile, and it keeps what they saved.
            messages.println(PROGRAM + ": error: " + describe(e));
            return INVALID;
        } catch (IOException | UncheckedIOException e) {
            if (out.closedByReader()) {
                return OUTPUT_CLOSED;
            }
            messages.println(PROGRAM + ": error: " + describe(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
            return USAGE_OR_IO;
        } catch (RuntimeException | StackOverflowError e) {
            if (out.closedByReader()) {
                // However the failed write was wrapped: the reader stopped reading, nothing went wrong.
                return OUTPUT_CLOSED;
            }
            if (causedByOutOfMemory(e)) {
                // Run out in another thread (the schemas compiled in the background, a parallel pass).
                return outOfMemory(messages);
            }
            messages.println(PROGRAM + ": internal error (a bug; please report it): " + SafeText.of(String.valueOf(e)));
            e.printStackTrace(messages);
            return INTERNAL_ERROR;
        } finally {
            messages.flush();
        }
    }

    /**
     * The size in bytes of the document being read, for the message when memory runs out: the largest
     * input of the command (for {@code validate}, of the file being validated); 0 when unknown.
     */
    private long documentBytes;
    /** Standard input as {@code validate -} reads it, counting its bytes; null when not read. */
    private CountingInputStream stdinRead;

    /**
     * Notes the sizes of the files a generation or review reads: the snapshot, PLAN, and for a
     * generation the plan at {@code --output} whose entries it keeps.
     */
    private void noteInputs(Arguments.Parsed parsed, String defaultSnapshot, boolean outputIsRead) {
        try {
            Path root = Path.of(parsed.values().getOrDefault("--root", "."));
            noteInput(root.resolve(parsed.values().getOrDefault("--source-report", defaultSnapshot)));
            if (outputIsRead && parsed.has("--output")) {
                noteInput(Path.of(parsed.get("--output")));
            }
            for (String file : parsed.positionals()) {
                noteInput(Path.of(file));
            }
        } catch (RuntimeException e) {
            // An argument that is not a path: the command reports it.
        }
    }

    private void noteInput(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                documentBytes = Math.max(documentBytes, Files.size(file));
            }
        } catch (IOException | RuntimeException e) {
            // Unknown size: the command reports the file if it matters.
        }
    }

    /**
     * Whether the heap cannot hold a document of {@code bytes} read whole: its bytes are read, then parsed
     * into a tree larger than they are, so a heap under twice the document's size cannot do. Said before
     * reading, because near the limit the collector can work for minutes before memory runs out.
     */
    private static boolean heapTooSmall(long bytes) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        return maxHeap != Long.MAX_VALUE && bytes > maxHeap / 2;
    }

    /** The size of the snapshot a review reads, 0 when unknown. */
    private static long snapshotBytes(Arguments.Parsed parsed, String defaultSnapshot) {
        try {
            Path snapshot = Path.of(parsed.values().getOrDefault("--root", ".")).resolve(parsed.values().getOrDefault("--source-report",
                    defaultSnapshot));
            return Files.isRegularFile(snapshot) ? Files.size(snapshot) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Memory ran out: not a bug but a heap too small for the document. Says how large the document is
     * and how to raise the heap, without a stack trace; usage or I/O status (2), as for a document the
     * machine cannot hold.
     */
    private int outOfMemory(PrintStream messages) {
        long bytes = Math.max(documentBytes, stdinRead == null ? 0 : stdinRead.count());
        messages.println(outOfMemoryMessage(bytes, Runtime.getRuntime().maxMemory()));
        return USAGE_OR_IO;
    }

    /** The message for a document of {@code bytes} bytes (0: unknown) with a heap of at most {@code maxHeap}. */
    static String outOfMemoryMessage(long bytes, long maxHeap) {
        // A document's tree takes a few times its size (see Limits in the README): suggest the larger
        // of twice the heap that failed and eight times the document, in whole 64 MB steps.
        long suggested = Math.max(maxHeap == Long.MAX_VALUE ? 0 : 2 * maxHeap, 8 * bytes);
        long megabytes = Math.max(256, (suggested + (64L << 20) - 1) / (64L << 20) * 64);
        String size = bytes > 0 ? " for a document of " + Math.max(1, (bytes + 500_000) / 1_000_000) + " MB" : "";
        return PROGRAM + ": error: not enough memory" + size + ": raise the heap (MRP_JAVA_OPTS=-Xmx" + megabytes
                + "m, or java -Xmx" + megabytes + "m -jar ...)";
    }

    /** An input stream that counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private volatile long count;

        CountingInputStream(java.io.InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += Math.max(0, skipped);
            return skipped;
        }
    }

    private static List<String> normalizeHelp(List<String> args) {
        List<String> normalized = new ArrayList<>(args.size());
        for (String arg : args) {
            normalized.add(arg.equals("-h") ? "--help" : arg);
        }
        return normalized;
    }

    private int generate(Arguments.Parsed parsed, OutputStream out, PrintStream messages) throws UsageException, IOException {
        if (parsed.has("--help")) {
            print(out, usage() + "\n" + description() + "\noptions:\n" + Arguments.describe(GENERATE_OPTIONS)
                    + "\nvalidate options:\n" + Arguments.describe(VALIDATE_OPTIONS)
                    + "\nreview options:\n" + Arguments.describe(ReviewCommand.OPTIONS) + "\n" + exitStatuses());
            return OK;
        }
        if (parsed.has("--version")) {
            print(out, PROGRAM + " " + BuildVersion.VERSION + " (writes " + Version.PLAN_SCHEMA_VERSION + ")\n");
            return OK;
        }
        if (parsed.has("--completion")) {
            String shell = Arguments.choice(parsed, COMPLETION, null);
            print(out, shell.equals("bash") ? Completion.bash(Commands.all()) : Completion.zsh(Commands.all()));
            return OK;
        }
        if (parsed.has("--man")) {
            print(out, ManPage.of(Commands.all(), BuildVersion.VERSION));
            return OK;
        }
        if (!parsed.positionals().isEmpty()) {
            throw new UsageException("unrecognized arguments: " + String.join(" ", parsed.positionals()));
        }
        boolean check = parsed.has("--check");
        if (check && !parsed.has("--output")) {
            throw new UsageException("--check needs --output: the plan file to compare with");
        }
        for (String needsOutput : List.of("--discard-evidence", "--reset-changed-verdicts", "--force")) {
            if (parsed.has(needsOutput) && (!parsed.has("--output") || check)) {
                throw new UsageException(needsOutput + " needs --output (and no --check): the plan file to replace");
            }
        }
        // First, so that the schemas compile in the background while git runs and the snapshot is read.
        ReadbackPlanner planner = planner();
        String generatedAt = parsed.get("--generated-at");
        String gitCommit = parsed.get("--git-commit");
        Path root = Path.of(parsed.values().getOrDefault("--root", "."));
        Path snapshot = root.resolve(parsed.values().getOrDefault("--source-report", DEFAULT_SOURCE_REPORT));
        GitCommit git = gitCommit == null && !check ? GitCommit.start(root) : null;
        try {
            // The values given are checked before any file is looked up: a wrong --generated-at is named as
            // such, not reported as a missing snapshot (the catch below names the option).
            if (generatedAt != null || gitCommit != null) {
                planner.check(new PlanOptions(generatedAt == null ? PlanOptions.now() : generatedAt,
                        gitCommit == null ? GitCommit.UNKNOWN : gitCommit));
            }
            planner = withSecretRules(planner, parsed);
            if (check) {
                Path existing = Path.of(parsed.get("--output"));
                return check(planner, snapshot, existing, generatedAt, gitCommit, messages);
            }
            PlanOptions options = new PlanOptions(generatedAt == null ? PlanOptions.now() : generatedAt,
                    gitCommit == null ? commitOrUnknown(planner, git.await()) : gitCommit, parsed.has("--strict"));
            GenerationResult result;
            if (parsed.has("--output")) {
                Path output = Path.of(parsed.get("--output"));
                ReadbackPlanner.Regeneration regeneration = planner.regenerate(snapshot, options, output,
                        new ReadbackPlanner.Overwrite(parsed.has("--discard-evidence"), parsed.has("--force"),
                                parsed.has("--reset-changed-verdicts")));
                result = regeneration.generation();
                messages.print(result.snapshotReport().toText());
                reportRegeneration(SafeText.of(output.toString()).toString(), regeneration, messages);
            } else {
                result = planner.generate(snapshot, options, out);
                messages.print(result.snapshotReport().toText());
            }
            messages.println(summaryLine(result));
            return OK;
        } catch (OverwriteRefusedException e) {
            if (e.report() != null) {
                messages.print(e.report().toText());
            }
            messages.println(PROGRAM + ": error: " + e.message(Cli::flag));
            return INVALID;
        } catch (InvalidDocumentException e) {
            messages.print(e.report().toText());
            messages.println(PROGRAM + ": error: " + e.getMessage() + "; nothing was written");
            return INVALID;
        } catch (IllegalArgumentException e) {
            // The planner refuses options the plan schema would reject before it writes anything.
            throw usage(e);
        } finally {
            if (git != null) {
                git.cancel();
            }
        }
    }

    /** What a regeneration kept, reset and dropped, on standard error: how many and which. */
    private static void reportRegeneration(String shown, ReadbackPlanner.Regeneration regeneration, PrintStream messages) {
        if (regeneration.brokenPlanReplaced()) {
            messages.println(shown + ": replaced a readback plan that could not be read, dropping every reviewer's entry in it"
                    + " (--discard-evidence)");
        }
        if (regeneration.keptCandidates() > 0) {
            messages.println(shown + ": kept the reviewers' entries of " + regeneration.keptCandidates()
                    + (regeneration.keptCandidates() == 1 ? " candidate" : " candidates"));
        }
        List<String> dropped = regeneration.discardedCandidateIds();
        regeneration.changedSurfaces().forEach((id, fields) -> {
            String what = dropped.contains(id) ? "its entries dropped (--discard-evidence)"
                    : "evidence kept, status and reviewer_outcome started again (--reset-changed-verdicts)";
            messages.println(shown + ": " + SafeText.of(id) + ": surface changed (" + String.join(", ", fields) + "): " + what);
        });
        if (!dropped.isEmpty()) {
            messages.println(shown + ": dropped the entries of " + dropped.size() + (dropped.size() == 1 ? " candidate" : " candidates")
                    + " no longer in the snapshot, changed or without a usable id (--discard-evidence): "
                    + String.join(", ", dropped.stream().map(id -> SafeText.of(id).toString()).toList()));
        }
    }

    /** The commit git reported, or unknown when it is not one the plan schema accepts. */
    private static String commitOrUnknown(ReadbackPlanner planner, String commit) {
        try {
            return planner.check(new PlanOptions(PlanOptions.now(), commit)).gitCommit();
        } catch (IllegalArgumentException e) {
            return GitCommit.UNKNOWN;
        }
    }

    /** The flag that sets the {@code ReadbackPlanner.Overwrite} component of a remedy. */
    static String flag(OverwriteRefusedException.Remedy remedy) {
        return switch (remedy) {
            case FORCE -> "--force";
            case DISCARD_EVIDENCE -> "--discard-evidence";
            case RESET_CHANGED_VERDICTS -> "--reset-changed-verdicts";
        };
    }

    /** What the plan file is compared with: each value given on the command line, else the file's. */
    private static CompareOptions compareOptions(String generatedAt, String gitCommit) {
        CompareOptions options = CompareOptions.fromFile();
        if (generatedAt != null) {
            options = options.withGeneratedAt(generatedAt);
        }
        return gitCommit == null ? options : options.withGitCommit(gitCommit);
    }

    private int check(ReadbackPlanner planner, Path snapshot, Path existing, String generatedAt, String gitCommit,
            PrintStream messages) throws IOException, UsageException {
        try {
            PlanComparison comparison;
            try {
                comparison = planner.compare(snapshot, existing, compareOptions(generatedAt, gitCommit));
            } catch (IllegalArgumentException e) {
                throw usage(e);
            }
            String shown = SafeText.of(existing.toString()).toString();
            if (comparison.upToDate()) {
                messages.println(shown + ": up to date");
                return OK;
            }
            messages.println(shown + ": out of date at " + comparison.displayPointer() + ": " + comparison.difference());
            return INVALID;
        } catch (InvalidDocumentException e) {
            messages.print(e.report().toText());
            messages.println(PROGRAM + ": error: " + e.getMessage());
            return INVALID;
        }
    }

    /** How standard input is named in reports, for the FILE {@code -}. */
    static final String STDIN_NAME = "<stdin>";

    private final java.io.InputStream stdin;

    /** A command line whose {@code validate -} reads the process's standard input. */
    public Cli() {
        this(System.in);
    }

    /** A command line whose {@code validate -} reads {@code stdin}. */
    public Cli(java.io.InputStream stdin) {
        this.stdin = stdin;
    }

    private int validate(Arguments.Parsed parsed, OutputStream out, PrintStream messages) throws UsageException, IOException {
        if (parsed.has("--help")) {
            print(out, usage() + "\nvalidate options:\n" + Arguments.describe(VALIDATE_OPTIONS) + "\n" + exitStatuses());
            return OK;
        }
        if (parsed.positionals().isEmpty()) {
            throw new UsageException("validate needs at least one FILE");
        }
        DocumentKind kind = parsed.has("--kind") ? DocumentKind.valueOf(Arguments.choice(parsed, KIND, null).toUpperCase(Locale.ROOT)) : null;
        String format = Arguments.choice(parsed, VALIDATE_FORMAT, "text");
        Path sarifBase = sarifBase(parsed);
        if (parsed.positionals().stream().filter(file -> file.equals("-")).count() > 1) {
            throw new UsageException("standard input (-) can be validated once");
        }
        boolean strict = parsed.has("--strict");
        ReadbackPlanner planner = withSecretRules(planner(), parsed);
        List<ValidationReport> reports = new ArrayList<>();
        int status = OK;
        for (String file : parsed.positionals()) {
            try {
                ValidationReport report;
                if (file.equals("-")) {
                    documentBytes = 0;
                    stdinRead = new CountingInputStream(stdin);
                    report = planner.validate(stdinRead, STDIN_NAME, kind);
                } else {
                    documentBytes = 0;
                    stdinRead = null;
                    noteInput(Path.of(file));
                    // A clean plan streams; the library refuses up front a document it must read whole and cannot hold.
                    report = planner.validate(Path.of(file), kind);
                }
                reports.add(report);
                if (!report.isValid(strict)) {
                    status = Math.max(status, INVALID);
                }
            } catch (IOException e) {
                messages.println(PROGRAM + ": error: " + describe(e));
                status = USAGE_OR_IO;
            } catch (OutOfMemoryError e) {
                // This document's: refused up front, or memory ran out reading it (its tree is garbage now).
                outOfMemory(messages);
                status = USAGE_OR_IO;
            }
        }
        if (format.equals("json")) {
            print(out, Reports.toJson(reports, BuildVersion.VERSION));
        } else if (format.equals("sarif")) {
            print(out, Reports.toSarif(reports, BuildVersion.VERSION, sarifBase));
        } else {
            StringBuilder text = new StringBuilder();
            reports.forEach(report -> text.append(report.toText()));
            print(out, text.toString());
        }
        long invalid = reports.stream().filter(r -> !r.isValid(strict)).count();
        messages.println(reports.size() + (reports.size() == 1 ? " document" : " documents") + " checked: "
                + (reports.size() - invalid) + " valid, " + invalid + " invalid"
                + (strict ? " (strict: warnings count)" : ""));
        return status;
    }

    /**
     * The command line's planner: it checks large documents on the common pool beside the main thread,
     * and its schemas are compiled on a thread of their own while the main thread reads the input (a
     * failure there is reported by the call that needs the schemas).
     */
    static ReadbackPlanner planner() {
        ReadbackPlanner planner = ReadbackPlanner.create(Limits.DEFAULT, ForkJoinPool.commonPool());
        Thread compile = new Thread(() -> {
            try {
                planner.prepare();
            } catch (RuntimeException | Error e) {
                // Kept by the planner and thrown to the call that needs the schemas, which reports it.
            }
        }, "readback-plan-schemas");
        compile.setDaemon(true);
        compile.start();
        return planner;
    }

    /**
     * The planner with the rules of {@code --secret-rules FILE}, when given. A file that cannot be read
     * or used is a usage error (exit 2) naming the file, the line and the rule.
     */
    static ReadbackPlanner withSecretRules(ReadbackPlanner planner, Arguments.Parsed parsed) throws UsageException, IOException {
        if (!parsed.has("--secret-rules")) {
            return planner;
        }
        try {
            return planner.withSecretRules(CustomSecretRules.readGitleaks(Path.of(parsed.get("--secret-rules"))));
        } catch (CustomSecretRules.InvalidRulesException e) {
            throw new UsageException("--secret-rules: " + e.getMessage());
        }
    }

    /** A usage error for options the planner refused, named as on the command line. */
    private static UsageException usage(IllegalArgumentException e) {
        return new UsageException(e.getMessage().replace("generatedAt", "--generated-at").replace("gitCommit", "--git-commit"));
    }

    /** The reference generator's summary line, on standard error. */
    static String summaryLine(GenerationResult result) {
        return "MONITORING_POST_INCIDENT_READBACK_PLAN_OK"
                + " candidates=" + result.readbackCandidateCount()
                + " write_capable=" + result.writeCapableReadbackCandidateCount()
                + " checks=" + result.reviewerCheckCount()
                + " lanes=" + result.outcomeLaneCount()
                + " accepted=" + result.postIncidentReadbackAcceptedCount()
                + " runtime_gate=" + result.runtimeGateCount();
    }

    /** An I/O failure for people: the file it concerns and why, without a Java class name. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : fs.getReason() != null ? fs.getReason() : "cannot be read or written";
            return SafeText.of(fs.getFile()) + ": " + SafeText.of(reason);
        }
        String message = e.getMessage();
        return message == null ? "input or output failed" : SafeText.of(message).toString();
    }

    private static void print(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * The folder SARIF locations are relative to: {@code --sarif-base DIR} (an existing folder), else the
     * root of the git work tree the current folder is in (the nearest folder up with a {@code .git}),
     * else the current folder. Code scanning resolves the relative URIs against the repository's root.
     */
    static Path sarifBase(Arguments.Parsed parsed) throws UsageException {
        if (parsed.has("--sarif-base")) {
            Path base = Path.of(parsed.get("--sarif-base"));
            if (!Files.isDirectory(base)) {
                throw new UsageException("argument --sarif-base: " + SafeText.of(base.toString()) + " is not a folder");
            }
            return base.toAbsolutePath().normalize();
        }
        Path current = Path.of("").toAbsolutePath().normalize();
        for (Path folder = current; folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(".git"))) {
                return folder;
            }
        }
        return current;
    }

    private static String usage() {
        return "usage: " + PROGRAM + " [--root DIR] [--source-report PATH] [--output FILE [--check | --discard-evidence] [--reset-changed-verdicts] [--force]]\n"
                + "       " + " ".repeat(PROGRAM.length()) + " [--generated-at TIMESTAMP] [--git-commit SHA] [--secret-rules FILE] [--strict]\n"
                + "       " + PROGRAM + " validate [--kind snapshot|plan] [--format text|json|sarif] [--secret-rules FILE] [--strict]\n"
                + "       " + " ".repeat(PROGRAM.length()) + "          [--sarif-base DIR] FILE...|-\n"
                + "       " + PROGRAM + " " + ReviewCommand.USAGE
                + "       " + PROGRAM + " --completion bash|zsh | --man | --version | --help\n";
    }

    private static String description() {
        return "Builds the monitoring post-incident readback plan (v1) from a monitoring owner response\n"
                + "acceptance snapshot, or validates snapshots and plans. Reads files only: no live system is\n"
                + "contacted, nothing is reloaded or sent.\n";
    }

    private static String exitStatuses() {
        return "exit status: 0 written, valid or up to date; 1 invalid document or out-of-date plan;\n"
                + "             2 usage or I/O error; 3 internal error; 141 standard output closed by its reader\n";
    }
}
