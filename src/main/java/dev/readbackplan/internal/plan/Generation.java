package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.GenerationResult;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.PlanComparison;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.io.DocumentBytes;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.EvidenceFields;
import dev.readbackplan.internal.schema.SchemaFindings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The planner's generation jobs behind the facade: checking the provenance options, validating a
 * snapshot, writing its plan to a stream, regenerating over a plan file, and comparing with one.
 * Immutable and thread-safe; the schemas are compiled by the first call that needs them.
 */
public final class Generation {
    /**
     * The facade's plan options, as values.
     *
     * @param generatedAt the {@code generated_at} to record
     * @param gitCommit the {@code git_commit} to record
     * @param strict whether the snapshot's warnings refuse the generation
     */
    public record Options(String generatedAt, String gitCommit, boolean strict) {
        /** Checks the components. */
        public Options {
            Objects.requireNonNull(generatedAt, "generatedAt");
            Objects.requireNonNull(gitCommit, "gitCommit");
        }
    }

    private final Limits limits;
    private final Once<Engine> engine;
    private final DocumentReader reader;

    /**
     * Generation over one planner's schemas and reader.
     *
     * @param limits the limits documents are read with
     * @param engine the compiled schemas, built on first use
     * @param reader the planner's reader (its secret rules included)
     */
    public Generation(Limits limits, Once<Engine> engine, DocumentReader reader) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * Checks provenance values against the plan schema's properties.
     *
     * @param generatedAt the {@code generated_at}
     * @param gitCommit the {@code git_commit}
     * @throws IllegalArgumentException naming the value that the plan schema would reject
     */
    public void check(String generatedAt, String gitCommit) {
        if (!isValid("generated_at", generatedAt)) {
            throw new IllegalArgumentException("generatedAt must be an RFC 3339 date-time with an offset, such as 2026-01-01T00:00:00+08:00");
        }
        if (!isValid("git_commit", gitCommit)) {
            throw new IllegalArgumentException("gitCommit must be an abbreviated commit id (4 to 64 lower-case hex digits) or \"unknown\"");
        }
    }

    private boolean isValid(String property, String value) {
        return SchemaFindings.isValid(engine.get().schemas().planProperty(property), JsonNodeFactory.instance.textNode(value));
    }

    /**
     * Reads and validates a snapshot, then writes its plan to {@code out}, byte for byte as the
     * reference generator does; nothing is written unless the whole plan validated.
     *
     * @param snapshot the snapshot's bytes
     * @param sourceName how the snapshot is named in the report
     * @param options the provenance to record
     * @param out where the plan goes (not closed)
     * @return the snapshot's report and the plan's summary
     * @throws IOException when {@code out} cannot be written
     */
    public GenerationResult generate(DocumentBytes snapshot, String sourceName, Options options, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        return write(validSnapshot(snapshot, sourceName, options), snapshot.length(), sourceName, options, out);
    }

    /**
     * Generates the plan of a snapshot file over an existing plan file, keeping the reviewers' entries
     * as the permissions allow (see {@link Regenerator}).
     *
     * @param snapshot the snapshot file
     * @param options the provenance to record
     * @param target the plan file
     * @param permissions what may be lost
     * @return what was written
     * @throws IOException when a file cannot be read or written
     */
    public Regenerator.Outcome regenerate(Path snapshot, Options options, Path target, Regenerator.Permissions permissions)
            throws IOException {
        Objects.requireNonNull(permissions, "permissions");
        String sourceName = snapshot.toString();
        DocumentBytes bytes = DocumentBytes.of(snapshot, limits.maxDocumentBytes());
        DocumentReader.Parsed parsed = validSnapshot(bytes, sourceName, options);
        Regenerator.NewPlan plan = new Regenerator.NewPlan() {
            @Override
            public GenerationResult write(OutputStream out) throws IOException {
                return Generation.this.write(parsed, bytes.length(), sourceName, options, out);
            }

            @Override
            public ObjectNode tree() {
                return Generation.this.tree(parsed.root(), options, sourceName);
            }
        };
        return new Regenerator(limits, engine, reader).regenerate(parsed, sourceName, plan, target, permissions);
    }

    /**
     * The plan of a snapshot given as a tree (the typed API's), after validating it.
     *
     * @param snapshot the snapshot
     * @param options the provenance to record
     * @return the plan
     * @throws InvalidDocumentException when the snapshot is invalid
     * @throws IllegalArgumentException when the plan schema would reject a value of the options
     */
    public ObjectNode plan(JsonNode snapshot, Options options) {
        check(options.generatedAt(), options.gitCommit());
        ValidationReport report = reader.validateTree(snapshot, "snapshot", DocumentKind.SNAPSHOT);
        if (!report.isValid()) {
            throw new InvalidDocumentException(report);
        }
        return tree(snapshot, options, "snapshot");
    }

    /**
     * Writes a plan given as a tree (the typed API's) in the reference generator's format, after validating it.
     *
     * @param plan the plan
     * @param out where it goes (not closed)
     * @throws InvalidDocumentException when the plan is invalid; nothing is written then
     * @throws IOException when {@code out} cannot be written
     */
    public void write(JsonNode plan, OutputStream out) throws IOException {
        ValidationReport report = reader.validateTree(plan, "plan", DocumentKind.PLAN);
        if (!report.isValid()) {
            throw new InvalidDocumentException(report);
        }
        PythonJsonWriter writer = new PythonJsonWriter(out);
        writer.writeDocument(plan);
        writer.flush();
    }

    /**
     * Regenerates the plan of a snapshot and compares it, byte for byte, with an existing plan file,
     * taking {@code generated_at} and {@code git_commit} from the file unless given; a filled plan is
     * current when it is the regenerated plan with the reviewers' entries.
     *
     * @param snapshot the snapshot file
     * @param existingPlan the plan file
     * @param generatedAt the {@code generated_at} to compare with, or null for the file's
     * @param gitCommit the {@code git_commit} to compare with, or null for the file's
     * @param now the {@code generated_at} when neither the caller nor the file gives a valid one
     * @return up to date, or the first difference
     * @throws IOException when a file cannot be read
     */
    public PlanComparison compare(Path snapshot, Path existingPlan, @Nullable String generatedAt, @Nullable String gitCommit, String now)
            throws IOException {
        // Values given are checked first: a wrong one is the caller's mistake, whatever the files hold.
        check(generatedAt == null ? now : generatedAt, gitCommit == null ? "unknown" : gitCommit);
        DocumentBytes snapshotBytes = DocumentBytes.of(snapshot, limits.maxDocumentBytes());
        PlanCheck check = new PlanCheck(limits,
                ReviewerEntries.carriedFields(new EvidenceFields(engine.get(), Catalog.get().readbackFields())));
        PlanCheck.Provenance recorded = check.provenance(existingPlan);
        Options chosen = new Options(chosen("generated_at", generatedAt, recorded.generatedAt(), now),
                chosen("git_commit", gitCommit, recorded.gitCommit(), "unknown"), false);
        String sourceName = snapshot.toString();
        DocumentReader.Parsed parsed = validSnapshot(snapshotBytes, sourceName, chosen);
        PlanComparison plain = check.compare(existingPlan, out -> write(parsed, snapshotBytes.length(), sourceName, chosen, out),
                () -> tree(parsed.root(), chosen, sourceName));
        if (plain.state() != PlanComparison.State.OUT_OF_DATE) {
            return plain;
        }
        // A plan reviewers filled in is current when it is the regenerated plan with their entries.
        ExistingPlan.Inspection inspection = ExistingPlan.of(limits, engine.get()).inspect(existingPlan);
        if (!inspection.isPlan() || inspection.entries().isEmpty()) {
            return plain;
        }
        ObjectNode plan = tree(parsed.root(), chosen, sourceName);
        inspection.entries().applyTo(plan);
        return check.compare(existingPlan, out -> {
            PythonJsonWriter writer = new PythonJsonWriter(out);
            writer.writeDocument(plan);
            writer.flush();
        }, () -> plan);
    }

    /** One provenance value to compare with: the one given, else the file's when the schema accepts it, else the default. */
    private String chosen(String property, @Nullable String given, @Nullable String recorded, String otherwise) {
        if (given != null) {
            return given;
        }
        return recorded != null && isValid(property, recorded) ? recorded : otherwise;
    }

    /** The snapshot parsed (while the schemas may still be compiling), the options checked, then the snapshot validated. */
    private DocumentReader.Parsed validSnapshot(DocumentBytes bytes, String sourceName, Options options) {
        Objects.requireNonNull(options, "options");
        DocumentReader.Parsed parsed = reader.read(bytes.data(), bytes.length(), bytes.tooLarge(), sourceName, DocumentKind.SNAPSHOT,
                () -> check(options.generatedAt(), options.gitCommit()), DocumentReader.Purpose.GENERATE);
        if (!parsed.report().isValid(options.strict())) {
            throw new InvalidDocumentException(parsed.report());
        }
        return parsed;
    }

    private GenerationResult write(DocumentReader.Parsed snapshot, long snapshotBytes, String sourceName, Options options, OutputStream out)
            throws IOException {
        Map<String, Number> summary = new PlanGenerator(engine.get()).write(snapshot.root(), snapshotBytes, options.generatedAt(),
                options.gitCommit(), sourceName, limits.maxDocumentBytes(), out);
        return new GenerationResult(snapshot.report(), summary);
    }

    private ObjectNode tree(JsonNode snapshot, Options options, String sourceName) {
        return new PlanGenerator(engine.get()).tree(snapshot, options.generatedAt(), options.gitCommit(), sourceName);
    }
}
