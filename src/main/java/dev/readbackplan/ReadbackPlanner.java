package dev.readbackplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.DocumentChecks;
import dev.readbackplan.internal.Engine;
import dev.readbackplan.internal.Finding;
import dev.readbackplan.internal.Locations;
import dev.readbackplan.internal.PlanTemplate;
import dev.readbackplan.internal.PlanValidator;
import dev.readbackplan.internal.PythonJsonWriter;
import dev.readbackplan.internal.SchemaFindings;
import dev.readbackplan.internal.SecretFindings;
import dev.readbackplan.internal.StrictJsonReader;
import dev.readbackplan.model.AcceptanceSnapshot;
import dev.readbackplan.model.ReadbackPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    private final StrictJsonReader reader;

    private ReadbackPlanner(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reader = new StrictJsonReader(limits);
    }

    /** A planner with the {@linkplain Limits#DEFAULT default limits}. */
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
        return snapshotProblems(Typed.toTree(snapshot), "snapshot");
    }

    /** Validates a typed plan. Problems have no line or column. */
    public ValidationReport validate(ReadbackPlan plan) {
        JsonNode tree = Typed.MAPPER.valueToTree(plan);
        Engine engine = Engine.get();
        List<Finding> findings = new ArrayList<>(SchemaFindings.validate(engine.schemas().plan(), tree, ""));
        findings.addAll(engine.checks().plan(tree));
        return new ValidationReport("plan", DocumentKind.PLAN, Locations.withoutPositions(redacted(findings)));
    }

    // ---------------------------------------------------------------- generation

    /**
     * Reads and validates a snapshot file, then writes its plan to {@code out} (not closed), byte for
     * byte as the reference generator does. The plan is built and validated candidate by candidate
     * and written only once all of it validated: on an exception nothing has been written.
     *
     * @throws InvalidDocumentException when the snapshot is invalid (or, which would be a bug, the plan)
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
        Parsed parsed = read(bytes, sourceName, DocumentKind.SNAPSHOT);
        if (!parsed.report().isValid()) {
            throw new InvalidDocumentException(parsed.report());
        }
        Engine engine = Engine.get();
        PlanTemplate template = engine.template();
        ObjectNode envelope = template.envelope(parsed.root(), options.generatedAt(), options.gitCommit());
        List<JsonNode> sources = PlanTemplate.sourceCandidates(parsed.root());
        checkPlan(engine.planValidator(), envelope, sources, template, sourceName);
        writePlan(template, envelope, sources, out);
        return new GenerationResult(parsed.report(), summaryOf(envelope));
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
     * @throws IOException when a file cannot be read
     */
    public PlanComparison compare(Path snapshot, Path existingPlan, String generatedAt, String gitCommit) throws IOException {
        Bytes existing;
        try {
            existing = Bytes.of(existingPlan, limits);
        } catch (java.nio.file.NoSuchFileException e) {
            return new PlanComparison(false, "", "the plan file does not exist");
        }
        JsonNode inFile = existing.tooLarge() ? null : reader.read(existing.data(), existing.length()).root();
        PlanOptions options = PlanOptions.defaults();
        options = withRecorded(options, inFile, "generated_at", generatedAt, PlanOptions::withGeneratedAt);
        options = withRecorded(options, inFile, "git_commit", gitCommit, PlanOptions::withGitCommit);
        java.io.ByteArrayOutputStream regenerated = new java.io.ByteArrayOutputStream();
        generate(snapshot, options, regenerated);
        byte[] expected = regenerated.toByteArray();
        if (java.util.Arrays.equals(expected, 0, expected.length, existing.data(), 0, existing.length())) {
            return PlanComparison.same();
        }
        if (inFile == null) {
            return new PlanComparison(false, "", "the file is not a readable JSON document");
        }
        JsonNode regeneratedTree = reader.read(expected, expected.length).root();
        dev.readbackplan.internal.PlanDiff.Difference difference =
                dev.readbackplan.internal.PlanDiff.first(inFile, regeneratedTree, "");
        if (difference == null) {
            return new PlanComparison(false, "", "same content, different layout: the generator's formatting is canonical");
        }
        return new PlanComparison(false, difference.pointer(), difference.description());
    }

    /** The options with one provenance value: the one given, else the file's when valid, else unchanged. */
    private static PlanOptions withRecorded(PlanOptions options, JsonNode inFile, String key, String given,
            java.util.function.BiFunction<PlanOptions, String, PlanOptions> with) {
        if (given != null) {
            return with.apply(options, given);
        }
        JsonNode recorded = inFile == null ? null : inFile.get(key);
        if (recorded != null && recorded.isTextual()) {
            try {
                return with.apply(options, recorded.textValue());
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
     */
    public ReadbackPlan plan(AcceptanceSnapshot snapshot, PlanOptions options) {
        ValidationReport report = validate(snapshot);
        if (!report.isValid()) {
            throw new InvalidDocumentException(report);
        }
        ObjectNode plan = planTree(Typed.toTree(snapshot), options);
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
        ValidationReport report = validate(plan);
        if (!report.isValid()) {
            throw new InvalidDocumentException(report);
        }
        PythonJsonWriter writer = new PythonJsonWriter(out);
        writer.writeDocument(Typed.MAPPER.valueToTree(plan));
        writer.flush();
    }

    /** The catalogs of the plan schema: readback fields, checks, lanes, blocked actions and more. */
    public static ReadbackCatalog catalog() {
        return ReadbackCatalog.get();
    }

    // ---------------------------------------------------------------- internals

    private ObjectNode planTree(JsonNode snapshot, PlanOptions options) {
        Engine engine = Engine.get();
        PlanTemplate template = engine.template();
        ObjectNode envelope = template.envelope(snapshot, options.generatedAt(), options.gitCommit());
        List<JsonNode> sources = PlanTemplate.sourceCandidates(snapshot);
        checkPlan(engine.planValidator(), envelope, sources, template, "plan");
        ObjectNode plan = envelope.deepCopy();
        var candidates = plan.putArray("readback_candidates");
        for (JsonNode source : sources) {
            candidates.add(template.candidate(source));
        }
        return plan;
    }

    private static void checkPlan(PlanValidator validator, ObjectNode envelope, List<JsonNode> sources,
            PlanTemplate template, String sourceName) {
        List<Finding> findings = new ArrayList<>(validator.envelope(envelope));
        for (int i = 0; i < sources.size(); i++) {
            findings.addAll(validator.candidate(i, template.candidate(sources.get(i))));
        }
        if (!findings.isEmpty()) {
            throw new InvalidDocumentException(new ValidationReport("plan generated from " + sourceName, DocumentKind.PLAN,
                    Locations.withoutPositions(redacted(findings))));
        }
    }

    /** Streams the plan: the envelope's members in key order, the candidates built one at a time. */
    private static void writePlan(PlanTemplate template, ObjectNode envelope, List<JsonNode> sources, OutputStream out)
            throws IOException {
        PythonJsonWriter writer = new PythonJsonWriter(out);
        template.fixedCandidateMembers().values().forEach(writer::renderOnce);
        writer.beginObject();
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : envelope.properties()) {
            writer.member(member.getKey(), 0, first);
            first = false;
            if (member.getKey().equals("readback_candidates") && !sources.isEmpty()) {
                writer.beginArray();
                for (int i = 0; i < sources.size(); i++) {
                    writer.element(1, i == 0);
                    writer.writeValue(template.candidate(sources.get(i)), 2);
                }
                writer.end(1, ']');
            } else {
                writer.writeValue(member.getValue(), 1);
            }
        }
        writer.end(0, '}');
        writer.writeAscii("\n");
        writer.flush();
    }

    private static Map<String, Number> summaryOf(ObjectNode envelope) {
        Map<String, Number> summary = new LinkedHashMap<>();
        envelope.get("summary").properties().forEach(member -> summary.put(member.getKey(), member.getValue().numberValue()));
        return summary;
    }

    private record Parsed(JsonNode root, ValidationReport report) {}

    private Parsed read(Bytes bytes, String sourceName, DocumentKind requested) {
        if (bytes.tooLarge()) {
            return new Parsed(null, new ValidationReport(sourceName, requested, List.of(new Problem(Severity.ERROR, "", 0, 0,
                    "limit", "the document is larger than the limit of " + limits.maxDocumentBytes() + " bytes"))));
        }
        StrictJsonReader.Result result = reader.read(bytes.data(), bytes.length());
        List<Finding> findings = new ArrayList<>(result.findings());
        JsonNode root = result.root();
        DocumentKind kind = requested;
        if (root != null) {
            if (kind == null) {
                kind = detectKind(root);
            }
            Engine engine = Engine.get();
            DocumentChecks checks = engine.checks();
            if (kind == DocumentKind.SNAPSHOT) {
                findings.addAll(SchemaFindings.validate(engine.schemas().snapshot(), root, ""));
                findings.addAll(checks.snapshot(root));
            } else if (kind == DocumentKind.PLAN) {
                findings.addAll(SchemaFindings.validate(engine.schemas().plan(), root, ""));
                findings.addAll(checks.plan(root));
            } else {
                findings.add(Finding.error("", "kind", "cannot tell whether this is a snapshot or a plan:"
                        + " it has no schema_version; name its kind"));
            }
        }
        List<Problem> problems = Locations.resolve(reader.factory(), bytes.data(), bytes.length(), redacted(findings));
        return new Parsed(root, new ValidationReport(sourceName, kind, problems));
    }

    private static DocumentKind detectKind(JsonNode root) {
        JsonNode version = root.get("schema_version");
        if (version == null) {
            return null;
        }
        String planVersion = ReadbackCatalog.get().planSchemaVersion();
        return planVersion.equals(version.textValue()) ? DocumentKind.PLAN : DocumentKind.SNAPSHOT;
    }

    private ValidationReport snapshotProblems(JsonNode tree, String sourceName) {
        Engine engine = Engine.get();
        List<Finding> findings = new ArrayList<>(SchemaFindings.validate(engine.schemas().snapshot(), tree, ""));
        findings.addAll(engine.checks().snapshot(tree));
        return new ValidationReport(sourceName, DocumentKind.SNAPSHOT, Locations.withoutPositions(redacted(findings)));
    }

    private static List<Finding> redacted(List<Finding> findings) {
        List<Finding> safe = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            safe.add(new Finding(finding.severity(), SecretFindings.redact(finding.pointer()), finding.offset(),
                    finding.keyword(), SecretFindings.redact(finding.message())));
        }
        return safe;
    }

    /** A document's bytes, read up to one byte past the limit so that "too large" is known without reading everything. */
    private record Bytes(byte[] data, int length, boolean tooLarge) {
        static Bytes of(Path file, Limits limits) throws IOException {
            if (Files.size(file) > limits.maxDocumentBytes()) {
                return new Bytes(new byte[0], 0, true);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return of(in, limits);
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
}
