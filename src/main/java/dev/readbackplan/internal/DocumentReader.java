package dev.readbackplan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.DocumentKind;
import dev.readbackplan.Limits;
import dev.readbackplan.Problem;
import dev.readbackplan.Severity;
import dev.readbackplan.ValidationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a document: strict reading, the schema of its kind, the checks a schema cannot
 * express, then the positions of every problem. Thread-safe.
 */
public final class DocumentReader {
    /** A document's tree (null when it could not be read) and its report. */
    public record Parsed(JsonNode root, ValidationReport report) {}

    private final Limits limits;
    private final StrictJsonReader reader;

    public DocumentReader(Limits limits) {
        this.limits = limits;
        this.reader = new StrictJsonReader(limits);
    }

    /**
     * Reads {@code bytes[0, length)} as the given kind, or as told by its {@code schema_version} when
     * {@code requested} is null. {@code truncated} says the document was longer than the size limit.
     */
    public Parsed read(byte[] bytes, int length, boolean truncated, String sourceName, DocumentKind requested) {
        return read(bytes, length, truncated, sourceName, requested, () -> { });
    }

    /**
     * As {@link #read(byte[], int, boolean, String, DocumentKind)}, running {@code afterParsing}
     * between parsing, which needs no schema, and validating, which does.
     */
    public Parsed read(byte[] bytes, int length, boolean truncated, String sourceName, DocumentKind requested, Runnable afterParsing) {
        if (truncated) {
            return new Parsed(null, new ValidationReport(sourceName, requested, List.of(new Problem(Severity.ERROR, "", 0, 0,
                    "limit", "the document is larger than the limit of " + limits.maxDocumentBytes() + " bytes"))));
        }
        StrictJsonReader.Result result = reader.read(bytes, length);
        afterParsing.run();
        List<Finding> findings = new ArrayList<>(result.findings());
        JsonNode root = result.root();
        DocumentKind kind = requested;
        if (root != null) {
            if (kind == null) {
                kind = detectKind(root);
            }
            if (kind == null) {
                findings.add(Finding.error("", "kind", "cannot tell whether this is a snapshot or a plan:"
                        + " it has no schema_version; name its kind"));
            } else {
                findings.addAll(check(root, kind));
            }
        }
        List<Problem> problems = Locations.resolve(reader.factory(), bytes, length, redacted(findings));
        return new Parsed(root, new ValidationReport(sourceName, kind, problems));
    }

    /** The tree of a document, or null when it is not well-formed JSON within the limits; no validation. */
    public JsonNode tree(byte[] bytes, int length) {
        return reader.read(bytes, length).root();
    }

    /** Validates a tree that has no text behind it (a typed model): problems without positions. */
    public static ValidationReport validateTree(JsonNode tree, String sourceName, DocumentKind kind) {
        return new ValidationReport(sourceName, kind, Locations.withoutPositions(redacted(check(tree, kind))));
    }

    private static List<Finding> check(JsonNode root, DocumentKind kind) {
        Engine engine = Engine.get();
        List<Finding> findings = new ArrayList<>();
        if (kind == DocumentKind.SNAPSHOT) {
            findings.addAll(engine.snapshotValidator().validate(root));
            findings.addAll(engine.checks().snapshot(root));
        } else {
            findings.addAll(SchemaFindings.validate(engine.schemas().plan(), root, ""));
            findings.addAll(engine.checks().plan(root));
        }
        return findings;
    }

    /** A plan carries the plan schema's version; anything else that has one is a snapshot. */
    private static DocumentKind detectKind(JsonNode root) {
        JsonNode version = root.get("schema_version");
        if (version == null) {
            return null;
        }
        JsonNode planVersion = Engine.get().template().fixedEnvelopeMembers().get("schema_version");
        return planVersion.equals(version) ? DocumentKind.PLAN : DocumentKind.SNAPSHOT;
    }

    /** Findings whose pointer or message would hold something secret-shaped (such as a key) are redacted. */
    static List<Finding> redacted(List<Finding> findings) {
        List<Finding> safe = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            safe.add(new Finding(finding.severity(), StringFindings.redact(finding.pointer()), finding.offset(),
                    finding.keyword(), StringFindings.redact(finding.message())));
        }
        return safe;
    }
}
