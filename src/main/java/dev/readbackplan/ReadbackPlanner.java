package dev.readbackplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.DocumentReader;
import dev.readbackplan.internal.Engine;
import dev.readbackplan.internal.PlanDiff;
import dev.readbackplan.internal.PlanGenerator;
import dev.readbackplan.internal.PythonJsonWriter;
import dev.readbackplan.model.AcceptanceSnapshot;
import dev.readbackplan.model.ReadbackPlan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Turns monitoring owner-response acceptance snapshots into monitoring post-incident readback plans
 * (v1), and validates both kinds of document.
 *
 * <p>Immutable and thread-safe: make one and share it. The schemas are compiled once per class
 * loader, on first use, and shared by all planners. The planner reads only what it is given, writes
 * only to the stream it is given, and never reaches the network.
 *
 * <pre>{@code
 * ReadbackPlanner planner = ReadbackPlanner.create();
 * try (OutputStream out = Files.newOutputStream(planFile)) {
 *     planner.generate(snapshotFile, PlanOptions.defaults(), out);
 * } catch (InvalidDocumentException e) {
 *     System.err.print(e.report().toText());
 * }
 * }</pre>
 */
public final class ReadbackPlanner {
    private final Limits limits;
    private final DocumentReader reader;

    private ReadbackPlanner(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reader = new DocumentReader(limits);
        Engine.prepareInBackground();
    }

    /**
     * A planner with the {@linkplain Limits#DEFAULT default limits}. The first planner of a class
     * loader starts compiling the shared schemas in the background (a one-off task on the common
     * fork-join pool), so that its first call, which reads its input meanwhile, finds them ready.
     */
    public static ReadbackPlanner create() {
        return new ReadbackPlanner(Limits.DEFAULT);
    }

    /** A planner with other reading limits. */
    public static ReadbackPlanner create(Limits limits) {
        return new ReadbackPlanner(limits);
    }

    /** The limits documents are read with. */
    public Limits limits() {
        return limits;
    }

    /** The catalogs of the plan schema: readback fields, checks, lanes, blocked actions and more. */
    public static ReadbackCatalog catalog() {
        return ReadbackCatalog.get();
    }

    // ---------------------------------------------------------------- validation

    /**
     * Validates a snapshot or a plan, told apart by its {@code schema_version}: the plan's version
     * makes it a plan, any other value a snapshot. A document without one is reported as invalid
     * (keyword {@code kind}); name its kind with {@link #validate(Path, DocumentKind)}.
     *
     * @throws IOException when the file cannot be read
     */
    public ValidationReport validate(Path file) throws IOException {
        return validate(file, null);
    }

    /**
     * Validates a document as the given kind, or as told by its {@code schema_version} when {@code
     * kind} is null.
     *
     * @throws IOException when the file cannot be read
     */
    public ValidationReport validate(Path file, DocumentKind kind) throws IOException {
        return read(Bytes.of(file, limits), file.toString(), kind).report();
    }

    /**
     * Validates a document read from a stream (not closed), as the given kind, or as told by its
     * {@code schema_version} when {@code kind} is null.
     *
     * @param sourceName how the document is named in the report
     * @throws IOException when the stream cannot be read
     */
    public ValidationReport validate(InputStream in, String sourceName, DocumentKind kind) throws IOException {
        return read(Bytes.of(in, limits), sourceName, kind).report();
    }

    /** Validates a typed snapshot. Unset properties count as absent. Problems have no line or column. */
    public ValidationReport validate(AcceptanceSnapshot snapshot) {
        return DocumentReader.validateTree(Typed.toTree(snapshot), "snapshot", DocumentKind.SNAPSHOT);
    }

    /** Validates a typed plan. Problems have no line or column. */
    public ValidationReport validate(ReadbackPlan plan) {
        return DocumentReader.validateTree(Typed.MAPPER.valueToTree(Objects.requireNonNull(plan, "plan")), "plan", DocumentKind.PLAN);
    }

    // ---------------------------------------------------------------- generation

    /**
     * Reads and validates a snapshot file, then writes its plan to {@code out} (not closed), byte for
     * byte as the reference generator does. The plan is built and validated candidate by candidate
     * and written only once all of it validated: on an exception nothing has been written.
     *
     * @throws InvalidDocumentException when the snapshot is invalid (or, which would be a bug, the plan)
     * @throws IllegalArgumentException when the plan schema would reject a value of the options
     * @throws IOException when the file cannot be read or {@code out} cannot be written
     */
    public GenerationResult generate(Path snapshot, PlanOptions options, OutputStream out) throws IOException {
        return generate(Bytes.of(snapshot, limits), snapshot.toString(), options, out);
    }

    /**
     * As {@link #generate(Path, PlanOptions, OutputStream)}, for a snapshot read from a stream (not
     * closed).
     *
     * @param sourceName how the snapshot is named in the report
     */
    public GenerationResult generate(InputStream snapshot, String sourceName, PlanOptions options, OutputStream out)
            throws IOException {
        return generate(Bytes.of(snapshot, limits), sourceName, options, out);
    }

    private GenerationResult generate(Bytes bytes, String sourceName, PlanOptions options, OutputStream out) throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(out, "out");
        DocumentReader.Parsed snapshot = validSnapshot(bytes, sourceName, options);
        Map<String, Number> summary = new PlanGenerator(Engine.get())
                .write(snapshot.root(), options.generatedAt(), options.gitCommit(), sourceName, out);
        return new GenerationResult(snapshot.report(), summary);
    }

    /**
     * Regenerates the plan of a snapshot in memory and compares it, byte for byte, with an existing
     * plan file: for CI in repositories that commit their plan. The file is only read.
     *
     * <p>{@code generated_at} and {@code git_commit} change with every run and commit, so they are
     * taken from the existing file unless {@code generatedAt} or {@code gitCommit} is given (not
     * null); when the file has no valid value either, the defaults of {@link PlanOptions#defaults()}
     * apply (and will differ).
     *
     * @return up to date, or the first difference; a missing file is a difference at {@code ""}
     * @throws InvalidDocumentException when the snapshot is invalid
     * @throws IllegalArgumentException when the plan schema would reject {@code generatedAt} or {@code gitCommit}
     * @throws IOException when a file cannot be read
     */
    public PlanComparison compare(Path snapshot, Path existingPlan, String generatedAt, String gitCommit) throws IOException {
        // Values given are checked first: a wrong one is the caller's mistake, whatever the files hold.
        new PlanOptions(generatedAt == null ? PlanOptions.defaults().generatedAt() : generatedAt,
                gitCommit == null ? "unknown" : gitCommit).check();
        Bytes existing;
        try {
            existing = Bytes.of(existingPlan, limits);
        } catch (NoSuchFileException e) {
            return new PlanComparison(false, "", "the plan file does not exist");
        }
        JsonNode inFile = existing.tooLarge() ? null : reader.tree(existing.data(), existing.length());
        PlanOptions options = PlanOptions.defaults();
        options = withRecorded(options, inFile, "generated_at", generatedAt, PlanOptions::withGeneratedAt);
        options = withRecorded(options, inFile, "git_commit", gitCommit, PlanOptions::withGitCommit);
        ByteArrayOutputStream regenerated = new ByteArrayOutputStream();
        generate(snapshot, options, regenerated);
        byte[] expected = regenerated.toByteArray();
        if (Arrays.equals(expected, 0, expected.length, existing.data(), 0, existing.length())) {
            return new PlanComparison(true, null, null);
        }
        if (inFile == null) {
            return new PlanComparison(false, "", "the file is not a readable JSON document");
        }
        PlanDiff.Difference difference = PlanDiff.first(inFile, reader.tree(expected, expected.length), "");
        if (difference == null) {
            return new PlanComparison(false, "", "same content, different layout: the generator's formatting is canonical");
        }
        return new PlanComparison(false, difference.pointer(), difference.description());
    }

    /** The options with one provenance value: the one given, else the file's when valid, else unchanged. */
    private static PlanOptions withRecorded(PlanOptions options, JsonNode inFile, String key, String given,
            BiFunction<PlanOptions, String, PlanOptions> with) {
        if (given != null) {
            return with.apply(options, given);
        }
        JsonNode recorded = inFile == null ? null : inFile.get(key);
        if (recorded != null && recorded.isTextual()) {
            try {
                return with.apply(options, recorded.textValue()).check();
            } catch (IllegalArgumentException invalid) {
                return options;
            }
        }
        return options;
    }

    /**
     * The plan of a typed snapshot. Unset properties of the snapshot count as absent.
     *
     * @throws InvalidDocumentException when the snapshot is invalid
     * @throws IllegalArgumentException when the plan schema would reject a value of the options
     */
    public ReadbackPlan plan(AcceptanceSnapshot snapshot, PlanOptions options) {
        options.check();
        JsonNode tree = Typed.toTree(snapshot);
        ValidationReport report = DocumentReader.validateTree(tree, "snapshot", DocumentKind.SNAPSHOT);
        if (!report.isValid()) {
            throw new InvalidDocumentException(report);
        }
        ObjectNode plan = new PlanGenerator(Engine.get()).tree(tree, options.generatedAt(), options.gitCommit(), "snapshot");
        try {
            return Typed.MAPPER.treeToValue(plan, ReadbackPlan.class);
        } catch (IOException e) {
            throw new IllegalStateException("the generated plan does not bind to the model", e);
        }
    }

    /**
     * Writes a typed plan to {@code out} (not closed) in the reference generator's format, after
     * validating it.
     *
     * @throws InvalidDocumentException when the plan is invalid; nothing is written then
     * @throws IOException when {@code out} cannot be written
     */
    public void write(ReadbackPlan plan, OutputStream out) throws IOException {
        JsonNode tree = Typed.MAPPER.valueToTree(Objects.requireNonNull(plan, "plan"));
        ValidationReport report = DocumentReader.validateTree(tree, "plan", DocumentKind.PLAN);
        if (!report.isValid()) {
            throw new InvalidDocumentException(report);
        }
        PythonJsonWriter writer = new PythonJsonWriter(out);
        writer.writeDocument(tree);
        writer.flush();
    }

    // ---------------------------------------------------------------- internals

    private DocumentReader.Parsed read(Bytes bytes, String sourceName, DocumentKind kind) {
        return reader.read(bytes.data(), bytes.length(), bytes.tooLarge(), sourceName, kind);
    }

    /** The snapshot parsed (while the schemas may still be compiling), the options checked, then the snapshot validated. */
    private DocumentReader.Parsed validSnapshot(Bytes bytes, String sourceName, PlanOptions options) {
        DocumentReader.Parsed parsed = reader.read(bytes.data(), bytes.length(), bytes.tooLarge(), sourceName, DocumentKind.SNAPSHOT,
                options::check);
        if (!parsed.report().isValid()) {
            throw new InvalidDocumentException(parsed.report());
        }
        return parsed;
    }

    /** A document's bytes, read up to one byte past the limit so that "too large" is known without reading everything. */
    private record Bytes(byte[] data, int length, boolean tooLarge) {
        static Bytes of(Path file, Limits limits) throws IOException {
            long size = Files.size(file);
            if (size > limits.maxDocumentBytes()) {
                return new Bytes(new byte[0], 0, true);
            }
            try (InputStream in = Files.newInputStream(file)) {
                // Read into an array of the file's size at once; readNBytes alone would grow one in steps.
                byte[] data = new byte[(int) size + 1];
                int length = in.readNBytes(data, 0, data.length);
                if (length <= size) {
                    return new Bytes(data, length, false);
                }
                // The file grew while being read: finish with the stream's own reading and limit.
                byte[] rest = in.readNBytes((int) (limits.maxDocumentBytes() + 1 - length));
                byte[] all = Arrays.copyOf(data, length + rest.length);
                System.arraycopy(rest, 0, all, length, rest.length);
                return new Bytes(all, all.length, all.length > limits.maxDocumentBytes());
            }
        }

        static Bytes of(InputStream in, Limits limits) throws IOException {
            byte[] data = in.readNBytes((int) limits.maxDocumentBytes() + 1);
            return new Bytes(data, data.length, data.length > limits.maxDocumentBytes());
        }
    }

    /** The typed model's binding, loaded only when the typed API is used (Jackson databind is slow to start). */
    private static final class Typed {
        static final ObjectMapper MAPPER = new ObjectMapper();

        /** A snapshot as JSON, with unset (null) properties removed: for the reference generator they are absent. */
        static JsonNode toTree(AcceptanceSnapshot snapshot) {
            JsonNode tree = MAPPER.valueToTree(Objects.requireNonNull(snapshot, "snapshot"));
            removeNulls(tree);
            return tree;
        }

        private static void removeNulls(JsonNode node) {
            if (node.isObject()) {
                ((ObjectNode) node).properties().removeIf(member -> member.getValue().isNull());
            }
            node.forEach(Typed::removeNulls);
        }
    }

    // ---------------------------------------------------------------- review

    /**
     * Reviews a filled plan against its snapshot: checks that the plan is current for the snapshot,
     * then puts each candidate into its outcome lane by the reviewer checks. Problems inside evidence
     * fields that only make a value unredacted (a reference of another shape, a secret-shaped string,
     * a raw payload) quarantine that candidate; every other problem fails the plan. Both files are
     * only read.
     *
     * @param reviewedAt the {@code reviewed_at} to record, an RFC 3339 date-time with an offset; null for now
     * @throws InvalidDocumentException when the plan (with its full report) or the snapshot is invalid
     * @throws IllegalArgumentException when {@code reviewedAt} is not a date-time with an offset
     * @throws IOException when a file cannot be read
     */
    public PlanReview review(Path plan, Path snapshot, String reviewedAt) throws IOException {
        return review(Bytes.of(plan, limits), plan.toString(), Bytes.of(snapshot, limits), snapshot.toString(), reviewedAt);
    }

    /**
     * As {@link #review(Path, Path, String)}, for documents read from streams (not closed).
     *
     * @param planName how the plan is named in reports
     * @param snapshotName how the snapshot is named in reports
     */
    public PlanReview review(InputStream plan, String planName, InputStream snapshot, String snapshotName, String reviewedAt)
            throws IOException {
        return review(Bytes.of(plan, limits), planName, Bytes.of(snapshot, limits), snapshotName, reviewedAt);
    }

    private PlanReview review(Bytes plan, String planName, Bytes snapshot, String snapshotName, String reviewedAt) {
        String at = reviewedAt == null ? PlanOptions.now() : reviewedAt;
        DocumentReader.Parsed parsedPlan = read(plan, planName, DocumentKind.PLAN);
        DocumentReader.Parsed parsedSnapshot = read(snapshot, snapshotName, DocumentKind.SNAPSHOT);
        if (!parsedSnapshot.report().isValid()) {
            throw new InvalidDocumentException(parsedSnapshot.report());
        }
        String sha256;
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(plan.data(), 0, plan.length());
            sha256 = java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        dev.readbackplan.internal.review.PlanReviewer.Result result = dev.readbackplan.internal.review.PlanReviewer.get()
                .review(parsedPlan, parsedSnapshot.root(), snapshotName, at, sha256);
        return new PlanReview(result, parsedPlan.root(), planName);
    }
}
