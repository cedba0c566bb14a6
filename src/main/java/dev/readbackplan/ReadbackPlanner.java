package dev.readbackplan;

import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.FileChangedException;
import dev.readbackplan.document.GenerationResult;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.OverwriteRefusedException;
import dev.readbackplan.document.PlanComparison;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.io.DocumentBytes;
import dev.readbackplan.internal.json.JacksonVersion;
import dev.readbackplan.internal.plan.Generation;
import dev.readbackplan.internal.plan.Regenerator;
import dev.readbackplan.internal.review.ReviewRunner;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.TypedDocuments;
import dev.readbackplan.model.AcceptanceSnapshot;
import dev.readbackplan.model.ReadbackPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Turns monitoring owner-response acceptance snapshots into monitoring post-incident readback plans
 * (v1), and validates both kinds of document.
 *
 * <p>Immutable and thread-safe: make one and share it. Each planner compiles the schemas once, on the
 * first call that needs them (or {@link #prepare()}); should that fail, every call throws the failure
 * with its cause. It starts no thread, installs no shutdown hook and uses no pool unless given an
 * executor ({@link #create(Limits, Executor)}), and no call can deadlock on the executor it is given.
 * The planner reads only what it is given, writes only to the stream or file it is given, never
 * prints, never exits the JVM and never reaches the network.
 *
 * <pre>{@code
 * ReadbackPlanner planner = ReadbackPlanner.create();
 * try {
 *     planner.generate(snapshotFile, PlanOptions.defaults(), planFile);   // atomic: all or nothing
 * } catch (InvalidDocumentException e) {
 *     System.err.print(e.report().toText());                             // the old plan is untouched
 * }
 * }</pre>
 */
public final class ReadbackPlanner {
    /** Runs everything in the calling thread. */
    private static final Executor DIRECT = Runnable::run;

    /**
     * The version of this library, as the build recorded it (such as {@code 0.1.0}): what the reports
     * record as the tool's version. {@code unknown} when the classes run without the build's resources.
     */
    public static final String VERSION = BuildVersion.VERSION;

    private final Limits limits;
    private final Executor executor;
    private final Once<Engine> engine;
    private final DocumentReader reader;
    private final Generation generation;
    private final ReviewRunner review;
    private final CustomSecretRules secretRules;

    private ReadbackPlanner(Limits limits, Executor executor) {
        // Checks the Jackson on the class path first: an older one would read documents with weaker checks.
        this(limits, requireJackson(executor), CustomSecretRules.none(), new Once<>(() -> new Engine(executor)));
    }

    private static Executor requireJackson(Executor executor) {
        JacksonVersion.require();
        return executor;
    }

    private ReadbackPlanner(Limits limits, Executor executor, CustomSecretRules secretRules, Once<Engine> engine) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.secretRules = Objects.requireNonNull(secretRules, "secretRules");
        this.engine = engine;
        this.reader = new DocumentReader(limits, this::engine, secretRules.rules());
        this.generation = new Generation(limits, engine, reader);
        this.review = new ReviewRunner(executor, engine, reader);
    }

    /**
     * A planner with the {@linkplain Limits#DEFAULT default limits} that does all its work in the
     * calling thread: it starts no thread and uses no pool.
     *
     * @return a new planner
     */
    public static ReadbackPlanner create() {
        return new ReadbackPlanner(Limits.DEFAULT, DIRECT);
    }

    /**
     * A planner with other reading limits, doing all its work in the calling thread.
     *
     * @param limits the limits documents are read and reported with
     * @return a new planner
     */
    public static ReadbackPlanner create(Limits limits) {
        return new ReadbackPlanner(limits, DIRECT);
    }

    /**
     * A planner that may use {@code executor} beside the calling thread: to check documents with
     * hundreds of candidates a range at a time, and to hash a plan under review while it is read.
     * Parallelism is opt-in, and safe with any executor (bounded, single-thread, direct, the common
     * pool, one that rejects): the calling thread does every part no thread of the executor has
     * started by the time it needs it, and waits only on parts a running thread holds, so a call made
     * from a task of a one-thread pool never waits on itself. Reports are the same whatever the executor.
     *
     * @param limits the limits documents are read and reported with
     * @param executor where the planner may run work beside the caller; {@code Runnable::run} for none
     * @return a new planner
     */
    public static ReadbackPlanner create(Limits limits, Executor executor) {
        return new ReadbackPlanner(limits, executor);
    }

    /**
     * A planner like this one (same limits, same executor) whose secret scan also applies {@code rules},
     * a team's own rules read with {@link CustomSecretRules#readGitleaks(Path)}, on top of the built-in
     * table: generation refuses, validation reports and review quarantines what they find, as for a
     * built-in rule. Strings the built-in table flags are reported by its rule. The new planner shares
     * this one's compiled schemas.
     *
     * @param rules the added rules; {@link CustomSecretRules#none()} for none
     * @return a new planner
     */
    public ReadbackPlanner withSecretRules(CustomSecretRules rules) {
        return new ReadbackPlanner(limits, executor, Objects.requireNonNull(rules, "rules"), engine);
    }

    /** {@return the secret rules added on top of the built-in table; none unless {@link #withSecretRules}} */
    public CustomSecretRules secretRules() {
        return secretRules;
    }

    /** {@return the limits documents are read with} */
    public Limits limits() {
        return limits;
    }

    /** {@return the catalogs of the plan schema: readback fields, checks, lanes, blocked actions and more} */
    public static ReadbackCatalog catalog() {
        return ReadbackCatalog.get();
    }

    // ---------------------------------------------------------------- validation

    /**
     * Validates a snapshot or a plan, told apart by its {@code schema_version}: the plan's version
     * makes it a plan, any other value a snapshot. A document without one is reported as invalid
     * (keyword {@code kind}); name its kind with {@link #validate(Path, DocumentKind)}.
     *
     * @param file the document
     * @return the report
     * @throws IOException when the file cannot be read
     */
    public ValidationReport validate(Path file) throws IOException {
        return validate(file, null);
    }

    /**
     * Validates a document as the given kind, or as told by its {@code schema_version} when {@code
     * kind} is null.
     *
     * @param file the document
     * @param kind what to validate it as, or null
     * @return the report
     * @throws IOException when the file cannot be read
     */
    public ValidationReport validate(Path file, @Nullable DocumentKind kind) throws IOException {
        if (kind != DocumentKind.SNAPSHOT) {
            // A clean plan is accepted as it streams; anything else is read whole, which explains.
            ValidationReport clean = reader.validateCleanPlan(file, file.toString());
            if (clean != null) {
                return clean;
            }
        }
        DocumentBytes.requireHeapToReadWhole(file);
        return read(DocumentBytes.of(file, limits.maxDocumentBytes()), file.toString(), kind, DocumentReader.Purpose.VALIDATE).report();
    }

    /**
     * Validates a document read from a stream (not closed), as the given kind, or as told by its
     * {@code schema_version} when {@code kind} is null.
     *
     * @param in the document
     * @param sourceName how the document is named in the report
     * @param kind what to validate it as, or null
     * @return the report
     * @throws IOException when the stream cannot be read
     */
    public ValidationReport validate(InputStream in, String sourceName, @Nullable DocumentKind kind) throws IOException {
        return read(DocumentBytes.of(in, limits.maxDocumentBytes()), sourceName, kind, DocumentReader.Purpose.VALIDATE).report();
    }

    /**
     * Validates a typed snapshot. Unset properties count as absent. Problems have no line or column.
     *
     * @param snapshot the snapshot
     * @return the report
     */
    public ValidationReport validate(AcceptanceSnapshot snapshot) {
        return reader.validateTree(TypedDocuments.tree(snapshot), "snapshot", DocumentKind.SNAPSHOT);
    }

    /**
     * Validates a typed plan. Problems have no line or column.
     *
     * @param plan the plan
     * @return the report
     */
    public ValidationReport validate(ReadbackPlan plan) {
        return reader.validateTree(TypedDocuments.tree(plan), "plan", DocumentKind.PLAN);
    }

    /**
     * These options, when the plan schema accepts both values.
     *
     * @param options the provenance to check
     * @return the same options
     * @throws IllegalArgumentException naming the value that the plan schema would reject
     */
    public PlanOptions check(PlanOptions options) {
        generation.check(options.generatedAt(), options.gitCommit());
        return options;
    }

    // ---------------------------------------------------------------- generation

    /**
     * Reads and validates a snapshot file, then writes its plan to {@code target}, byte for byte as the
     * reference generator does, the way the command line does: a regular file (new, or reached through
     * symbolic links) is replaced atomically once the whole plan validated, keeping its permissions, so
     * on any failure the old file is untouched; a device, FIFO or standard output is written into.
     * Missing parent folders are created (and removed again on failure).
     *
     * <p>An existing plan is treated as the command line's {@code --output} treats it, that is as
     * {@link #regenerate(Path, PlanOptions, Path, Overwrite) regenerate} does without {@code
     * discardEvidence}: the reviewers' entries of a filled plan are kept, and a plan whose entries
     * would be lost is refused. A file that is not a readback plan at all is replaced (as with {@code
     * force}). Dropping entries takes {@code regenerate} with an {@link Overwrite} that allows it.
     *
     * @param snapshot the snapshot file
     * @param options the provenance to record
     * @param target the plan file
     * @return the snapshot's report (valid, possibly with warnings) and the plan's summary
     * @throws OverwriteRefusedException when the file is not a plan, or entries would disappear; nothing is written then
     * @throws FileChangedException when the file changed while it was being read; nothing is written then
     * @throws InvalidDocumentException when the snapshot is invalid, or its plan would exceed the size limit
     * @throws IllegalArgumentException when the plan schema would reject a value of the options
     * @throws IOException when a file cannot be read or written
     */
    public GenerationResult generate(Path snapshot, PlanOptions options, Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        // A file target may be a plan reviewers filled in: it is regenerated as the command line does, never emptied.
        // A file that is no plan at all is replaced, as this call always did.
        return regenerate(snapshot, options, target, REPLACE_OTHER_FILES).generation();
    }

    /**
     * What regeneration may lose or change, when allowed.
     *
     * @param discardEvidence drop the entries of candidates whose surfaces left the snapshot or changed, of
     *     candidates without a usable id, and replace a plan that cannot be read (dropping every entry in it)
     * @param force replace a file that is not a readback plan at all (never drops an entry)
     * @param resetChangedVerdicts for candidates whose surface changed ({@code repo_sha256}, {@code
     *     repo_source_path}, {@code config_kind}, {@code control_tier} or {@code write_capable_surface}):
     *     keep their evidence, but start their {@code status} and {@code reviewer_outcome} again from
     *     the generated values; takes precedence over {@code discardEvidence} for those candidates
     */
    public record Overwrite(boolean discardEvidence, boolean force, boolean resetChangedVerdicts) {
        /** Keep every entry; refuse to replace anything that is not a plan. */
        public static final Overwrite KEEP_ENTRIES = new Overwrite(false, false, false);

        /**
         * Without resetting changed verdicts.
         *
         * @param discardEvidence drop entries that cannot be kept
         * @param force replace a file that is not a readback plan at all
         */
        public Overwrite(boolean discardEvidence, boolean force) {
            this(discardEvidence, force, false);
        }
    }

    /** What {@link #generate(Path, PlanOptions, Path)} allows: replacing a file that is not a plan, never dropping entries. */
    private static final Overwrite REPLACE_OTHER_FILES = new Overwrite(false, true);

    /**
     * What a regeneration wrote.
     *
     * @param generation the snapshot's report and the plan's summary
     * @param keptCandidates how many candidates kept the reviewers' entries of the file replaced
     * @param discardedCandidateIds the candidates whose entries were dropped (with {@code discardEvidence}): their
     *     ids, or the pointer of a candidate without a usable id
     * @param changedSurfaces the candidates with entries whose surface changed, to the names of the fields that
     *     changed: their entries were dropped (then they are in {@code discardedCandidateIds}) or their lane and
     *     claim reset (with {@code resetChangedVerdicts})
     * @param brokenPlanReplaced whether the file was a plan that could not be read, replaced with {@code
     *     discardEvidence}: every entry it held was dropped
     */
    public record Regeneration(GenerationResult generation, int keptCandidates, List<String> discardedCandidateIds,
            Map<String, List<String>> changedSurfaces, boolean brokenPlanReplaced) {
        /**
         * Copies the components.
         *
         * @param generation the snapshot's report and the plan's summary
         * @param keptCandidates how many candidates kept the reviewers' entries of the file replaced
         * @param discardedCandidateIds the candidates whose entries were dropped; copied
         * @param changedSurfaces candidate id to the names of the surface fields that changed; copied
         * @param brokenPlanReplaced whether an unreadable plan was replaced
         */
        public Regeneration {
            discardedCandidateIds = List.copyOf(discardedCandidateIds);
            changedSurfaces = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changedSurfaces));
        }

        /**
         * A regeneration that changed no surface and replaced no broken plan.
         *
         * @param generation the snapshot's report and the plan's summary
         * @param keptCandidates how many candidates kept the reviewers' entries of the file replaced
         * @param discardedCandidateIds the candidates whose entries were dropped
         */
        public Regeneration(GenerationResult generation, int keptCandidates, List<String> discardedCandidateIds) {
            this(generation, keptCandidates, discardedCandidateIds, Map.of(), false);
        }
    }

    /**
     * Generates the plan of a snapshot over an existing plan file without losing the reviewers' work,
     * as the command line's {@code --output} does: the evidence fields, {@code status} and {@code
     * reviewer_outcome} that reviewers entered are carried over to the new plan by candidate id. A file
     * without such entries (or no file) gets exactly the bytes {@link #generate(Path, PlanOptions, Path)}
     * writes. Devices, FIFOs and standard output are written into, with nothing carried over. The file is
     * read strictly: see {@link OverwriteRefusedException.Reason} for what is refused, and {@link Overwrite}
     * for what allows it.
     *
     * @param snapshot the snapshot file
     * @param options the provenance to record
     * @param target the plan file
     * @param overwrite what may be lost
     * @return what was written
     * @throws OverwriteRefusedException when the file is not a plan (unless {@code force}), a plan that cannot be read or
     *     whose candidates cannot be carried by id, entries would disappear (unless {@code discardEvidence}), a surface
     *     with entries changed (unless {@code discardEvidence} or {@code resetChangedVerdicts}), or entries would make the
     *     plan invalid (located in {@code target}); nothing is written then
     * @throws FileChangedException when the file no longer holds what this call read (an edit saved meanwhile); nothing is written then
     * @throws InvalidDocumentException when the snapshot is invalid, or the plan with the kept entries would be
     * @throws IOException when a file cannot be read or written
     */
    public Regeneration regenerate(Path snapshot, PlanOptions options, Path target, Overwrite overwrite) throws IOException {
        Objects.requireNonNull(overwrite, "overwrite");
        Regenerator.Outcome outcome = generation.regenerate(snapshot, options(options), target,
                new Regenerator.Permissions(overwrite.discardEvidence(), overwrite.force(), overwrite.resetChangedVerdicts()));
        return new Regeneration(outcome.generation(), outcome.keptCandidates(), outcome.discardedCandidateIds(),
                outcome.changedSurfaces(), outcome.brokenPlanReplaced());
    }

    /**
     * Reads and validates a snapshot file, then writes its plan to {@code out} (not closed), byte for
     * byte as the reference generator does. The plan is built and validated candidate by candidate and
     * written only once all of it validated: on an exception nothing has been written. To write a file,
     * use {@link #generate(Path, PlanOptions, Path)}: opening the file first would truncate it even when
     * the snapshot turns out invalid.
     *
     * @param snapshot the snapshot file
     * @param options the provenance to record
     * @param out where the plan goes
     * @return the snapshot's report (valid, possibly with warnings) and the plan's summary
     * @throws InvalidDocumentException when the snapshot is invalid, or its plan would exceed the size limit
     * @throws IllegalArgumentException when the plan schema would reject a value of the options
     * @throws IOException when the file cannot be read or {@code out} cannot be written
     */
    public GenerationResult generate(Path snapshot, PlanOptions options, OutputStream out) throws IOException {
        return generation.generate(DocumentBytes.of(snapshot, limits.maxDocumentBytes()), snapshot.toString(), options(options), out);
    }

    /**
     * As {@link #generate(Path, PlanOptions, OutputStream)}, for a snapshot read from a stream (not
     * closed).
     *
     * @param snapshot the snapshot
     * @param sourceName how the snapshot is named in the report
     * @param options the provenance to record
     * @param out where the plan goes
     * @return the snapshot's report (valid, possibly with warnings) and the plan's summary
     * @throws IOException when the stream cannot be read or {@code out} cannot be written
     */
    public GenerationResult generate(InputStream snapshot, String sourceName, PlanOptions options, OutputStream out)
            throws IOException {
        return generation.generate(DocumentBytes.of(snapshot, limits.maxDocumentBytes()), sourceName, options(options), out);
    }

    /**
     * Regenerates the plan of a snapshot and compares it, byte for byte, with an existing plan file:
     * for CI in repositories that commit their plan. The file is only read, and the regenerated plan
     * is compared while it is produced, so memory holds the snapshot, not the plan. A plan reviewers
     * filled in is up to date when it is the regenerated plan with their entries.
     *
     * @param snapshot the snapshot file
     * @param existingPlan the plan file to compare with
     * @param options the {@code generated_at} and {@code git_commit} to compare with, each from the
     *     file unless given ({@link CompareOptions#fromFile()})
     * @return up to date, or the first difference; a missing file is a difference at the root
     * @throws InvalidDocumentException when the snapshot is invalid
     * @throws IllegalArgumentException when the plan schema would reject a value given in {@code options}
     * @throws IOException when a file cannot be read
     */
    public PlanComparison compare(Path snapshot, Path existingPlan, CompareOptions options) throws IOException {
        return compare(snapshot, existingPlan, options.generatedAt().orElse(null), options.gitCommit().orElse(null));
    }

    /**
     * Regenerates the plan of a snapshot and compares it, byte for byte, with an existing plan file:
     * for CI in repositories that commit their plan. The file is only read, and the regenerated plan
     * is compared while it is produced, so memory holds the snapshot, not the plan.
     *
     * <p>{@code generated_at} and {@code git_commit} change with every run and commit, so they are
     * taken from the existing file unless {@code generatedAt} or {@code gitCommit} is given (not
     * null); when the file has no valid value either, the defaults of {@link PlanOptions#defaults()}
     * apply (and will differ).
     *
     * @param snapshot the snapshot file
     * @param existingPlan the plan file to compare with
     * @param generatedAt the {@code generated_at} to compare with, or null for the file's
     * @param gitCommit the {@code git_commit} to compare with, or null for the file's
     * @return up to date, or the first difference; a missing file is a difference at the root
     * @throws InvalidDocumentException when the snapshot is invalid
     * @throws IllegalArgumentException when the plan schema would reject {@code generatedAt} or {@code gitCommit}
     * @throws IOException when a file cannot be read
     * @deprecated two positional strings, each null for "from the file": use {@link #compare(Path, Path, CompareOptions)}
     */
    @Deprecated
    public PlanComparison compare(Path snapshot, Path existingPlan, @Nullable String generatedAt, @Nullable String gitCommit) throws IOException {
        return generation.compare(snapshot, existingPlan, generatedAt, gitCommit, PlanOptions.now());
    }

    /**
     * The plan of a typed snapshot. Unset properties of the snapshot count as absent.
     *
     * @param snapshot the snapshot
     * @param options the provenance to record
     * @return the plan
     * @throws InvalidDocumentException when the snapshot is invalid
     * @throws IllegalArgumentException when the plan schema would reject a value of the options
     */
    public ReadbackPlan plan(AcceptanceSnapshot snapshot, PlanOptions options) {
        return TypedDocuments.bind(generation.plan(TypedDocuments.tree(snapshot), options(options)), ReadbackPlan.class, "the generated plan");
    }

    /**
     * Writes a typed plan to {@code out} (not closed) in the reference generator's format, after
     * validating it.
     *
     * @param plan the plan
     * @param out where it goes
     * @throws InvalidDocumentException when the plan is invalid; nothing is written then
     * @throws IOException when {@code out} cannot be written
     */
    public void write(ReadbackPlan plan, OutputStream out) throws IOException {
        generation.write(TypedDocuments.tree(plan), out);
    }

    // ---------------------------------------------------------------- internals

    /** The compiled schemas, built by the first call that needs them; their failure, with its cause, on every call. */
    private Engine engine() {
        return engine.get();
    }

    /**
     * Compiles the schemas now, in the calling thread, if no call did before; otherwise the first call
     * that needs them does. A call made meanwhile from another thread waits for this one. An application
     * that wants the schemas compiled while it reads its input calls this from a thread of its own, as
     * the command line does. Should compiling fail, every call of this planner throws that failure.
     *
     * @return this planner
     */
    public ReadbackPlanner prepare() {
        engine();
        return this;
    }

    private DocumentReader.Parsed read(DocumentBytes bytes, String sourceName, @Nullable DocumentKind kind, DocumentReader.Purpose purpose) {
        return reader.read(bytes.data(), bytes.length(), bytes.tooLarge(), sourceName, kind, () -> { }, purpose);
    }

    private static Generation.Options options(PlanOptions options) {
        Objects.requireNonNull(options, "options");
        return new Generation.Options(options.generatedAt(), options.gitCommit(), options.strict());
    }

    // ---------------------------------------------------------------- typed parsing

    /**
     * Reads a snapshot file into the typed model, as CycloneDX's parser does for BOMs: through the
     * strict reader and this planner's limits, validated against the snapshot schema and the checks
     * a schema cannot express, then bound. An invalid document gives its located problems instead.
     *
     * @param file the snapshot
     * @return the snapshot, or the report of why it is invalid
     * @throws IOException when the file cannot be read
     */
    public ParseResult<AcceptanceSnapshot> parseSnapshot(Path file) throws IOException {
        return parse(DocumentBytes.of(file, limits.maxDocumentBytes()), file.toString(), DocumentKind.SNAPSHOT, AcceptanceSnapshot.class);
    }

    /**
     * As {@link #parseSnapshot(Path)}, for a snapshot read from a stream (not closed).
     *
     * @param in the snapshot
     * @param sourceName how the document is named in the report
     * @return the snapshot, or the report of why it is invalid
     * @throws IOException when the stream cannot be read
     */
    public ParseResult<AcceptanceSnapshot> parseSnapshot(InputStream in, String sourceName) throws IOException {
        return parse(DocumentBytes.of(in, limits.maxDocumentBytes()), sourceName, DocumentKind.SNAPSHOT, AcceptanceSnapshot.class);
    }

    /**
     * Reads a plan file into the typed model, validated first (see {@link #parseSnapshot(Path)}).
     *
     * @param file the plan
     * @return the plan, or the report of why it is invalid
     * @throws IOException when the file cannot be read
     */
    public ParseResult<ReadbackPlan> parsePlan(Path file) throws IOException {
        return parse(DocumentBytes.of(file, limits.maxDocumentBytes()), file.toString(), DocumentKind.PLAN, ReadbackPlan.class);
    }

    /**
     * As {@link #parsePlan(Path)}, for a plan read from a stream (not closed).
     *
     * @param in the plan
     * @param sourceName how the document is named in the report
     * @return the plan, or the report of why it is invalid
     * @throws IOException when the stream cannot be read
     */
    public ParseResult<ReadbackPlan> parsePlan(InputStream in, String sourceName) throws IOException {
        return parse(DocumentBytes.of(in, limits.maxDocumentBytes()), sourceName, DocumentKind.PLAN, ReadbackPlan.class);
    }

    private <T> ParseResult<T> parse(DocumentBytes bytes, String sourceName, DocumentKind kind, Class<T> type) {
        TypedDocuments.Parsed<T> parsed = TypedDocuments.parse(reader, bytes, sourceName, kind, type);
        T value = parsed.value();
        return value == null ? new ParseResult.Invalid<>(parsed.report()) : new ParseResult.Valid<>(value, parsed.report());
    }

    // ---------------------------------------------------------------- review

    /**
     * Reviews a filled plan against its snapshot: checks that the plan is current for the snapshot,
     * then puts each candidate into its outcome lane by the reviewer checks. Problems inside evidence
     * fields that only make a value unredacted (a reference of another shape, a secret-shaped string,
     * a raw payload) quarantine that candidate; every other problem fails the plan. Both files are
     * only read.
     *
     * @param plan the filled plan
     * @param snapshot the snapshot it was generated from
     * @param reviewedAt the {@code reviewed_at} to record, an RFC 3339 date-time with an offset; null for now
     * @return the review: the lanes, the failed checks and the review document
     * @throws InvalidDocumentException when the plan (with its full report) or the snapshot is invalid
     * @throws IllegalArgumentException when {@code reviewedAt} is not a date-time with an offset
     * @throws IOException when a file cannot be read
     */
    public PlanReview review(Path plan, Path snapshot, @Nullable String reviewedAt) throws IOException {
        String at = reviewedAt == null ? PlanOptions.now() : reviewedAt;
        return PlanReview.of(review.run(plan, plan.toString(), DocumentBytes.of(snapshot, limits.maxDocumentBytes()), snapshot.toString(), at,
                limits.maxDocumentBytes()));
    }

    /**
     * As {@link #review(Path, Path, String)}, for documents read from streams (not closed).
     *
     * @param plan the filled plan
     * @param planName how the plan is named in reports
     * @param snapshot the snapshot it was generated from
     * @param snapshotName how the snapshot is named in reports
     * @param reviewedAt the {@code reviewed_at} to record; null for now
     * @return the review
     * @throws IOException when a stream cannot be read
     */
    public PlanReview review(InputStream plan, String planName, InputStream snapshot, String snapshotName, @Nullable String reviewedAt)
            throws IOException {
        return review(DocumentBytes.of(plan, limits.maxDocumentBytes()), planName, DocumentBytes.of(snapshot, limits.maxDocumentBytes()), snapshotName, reviewedAt);
    }

    private PlanReview review(DocumentBytes plan, String planName, DocumentBytes snapshot, String snapshotName, @Nullable String reviewedAt) {
        return PlanReview.of(review.run(plan, planName, snapshot, snapshotName, reviewedAt == null ? PlanOptions.now() : reviewedAt));
    }
}
