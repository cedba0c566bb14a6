package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.Severity;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.concurrent.Candidates;
import dev.readbackplan.internal.concurrent.Offload;
import dev.readbackplan.internal.json.DocumentOrder;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.json.ListSplitter;
import dev.readbackplan.internal.json.Locations;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.scan.CustomRules;
import dev.readbackplan.internal.text.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads and validates a document: strict reading, the schema of its kind, the checks a schema cannot
 * express, then the positions of the problems. At most {@link Limits#maxProblems()} problems are kept,
 * the earliest by position; the rest are counted. Thread-safe.
 */
public final class DocumentReader {
    /** A document's tree (null when it could not be read) and its report. */
    public record Parsed(JsonNode root, ValidationReport report) {}

    /** What the document is read for: it decides how findings in values the plan never copies count. */
    public enum Purpose {
        /** Validation: every finding counts as it is. */
        VALIDATE,
        /**
         * Generation from a snapshot: a secret or raw payload in a value the plan never copies cannot
         * reach the plan, so it is a warning (still reported, redacted; an error again with --strict).
         */
        GENERATE
    }

    private final Limits limits;
    private final StrictJsonReader reader;
    private final Supplier<Engine> engine;
    /** The secret rules a team added on top of the built-in table (--secret-rules); none by default. */
    private final CustomRules customRules;

    public DocumentReader(Limits limits, Supplier<Engine> engine) {
        this(limits, engine, CustomRules.NONE);
    }

    public DocumentReader(Limits limits, Supplier<Engine> engine, CustomRules customRules) {
        this.limits = limits;
        this.reader = new StrictJsonReader(limits);
        this.engine = engine;
        this.customRules = customRules;
    }

    /**
     * Reads {@code bytes[0, length)} as the given kind, or as told by its {@code schema_version} when
     * {@code requested} is null, running {@code afterParsing} between parsing, which needs no schema,
     * and validating, which does. {@code truncated} says the document was longer than the size limit.
     */
    public Parsed read(byte[] bytes, int length, boolean truncated, String sourceName, DocumentKind requested,
            Runnable afterParsing, Purpose purpose) {
        return read(bytes, length, truncated, sourceName, requested, afterParsing, purpose, null);
    }

    /**
     * As {@link #read(byte[], int, boolean, String, DocumentKind, Runnable, Purpose)}, offering each
     * finding of the schema and the checks to {@code absorber} first (thread-safe, or null): those it
     * takes are not in the report, however many there are.
     */
    public Parsed read(byte[] bytes, int length, boolean truncated, String sourceName, DocumentKind requested,
            Runnable afterParsing, Purpose purpose, java.util.function.Predicate<Finding> absorber) {
        if (truncated) {
            return new Parsed(null, new ValidationReport(sourceName, requested, List.of(new Problem(Severity.ERROR, List.of(), 0, 0,
                    Keyword.LIMIT.id(), "the document is larger than the limit of " + limits.maxDocumentBytes() + " bytes"))));
        }
        // A plan's catalogs, repeated in every candidate, are recognised by their text instead of decoded.
        StrictJsonReader.Result result = requested == DocumentKind.PLAN
                ? reader.read(bytes, length, engine.get().template().canonicalCandidateMembers())
                : reader.read(bytes, length);
        afterParsing.run();
        List<Findings> parts = new ArrayList<>();
        parts.add(result.findings());
        JsonNode root = result.root();
        DocumentKind kind = requested;
        if (root != null) {
            if (kind == null) {
                kind = detectKind(root);
            }
            if (kind == null) {
                Findings noKind = new Findings(limits.maxProblems());
                noKind.add(Finding.error(Pointer.ROOT, Keyword.KIND, "cannot tell whether this is a snapshot or a plan:"
                        + " it has no schema_version; name its kind"));
                parts.add(noKind);
            } else {
                parts.addAll(check(root, kind, purpose, absorber));
            }
        }
        List<Finding> findings = new ArrayList<>();
        long droppedErrors = 0;
        long droppedWarnings = 0;
        for (Findings part : parts) {
            findings.addAll(part.kept());
            droppedErrors += part.droppedErrors();
            droppedWarnings += part.droppedWarnings();
        }
        List<Problem> problems = Locations.resolve(reader.factory(), bytes, length, findings);
        return new Parsed(root, report(sourceName, kind, problems, droppedErrors, droppedWarnings));
    }

    /** {@return the reader that accepts clean plans without holding them, with this reader's limits and rules} */
    public StreamedPlanReader streamed() {
        return new StreamedPlanReader(limits, reader, engine.get(), customRules);
    }

    /**
     * The report of a plan file in which reading it whole ({@link #read}, as a plan or as told by its
     * {@code schema_version}) would find nothing, found so as it streams; null when it is not such a
     * plan (not a regular file, a finding, or a shape the streamed reader does not handle): read it whole.
     *
     * @param file the document
     * @param sourceName how it is named in the report
     * @return the report of a valid plan with no problem, or null
     * @throws IOException when it cannot be read
     */
    public @Nullable ValidationReport validateCleanPlan(Path file, String sourceName) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        StreamedPlanReader.Accepted accepted;
        try (InputStream in = Files.newInputStream(file)) {
            accepted = streamed().read(in, false, null, (index, candidate) -> true);
        }
        if (accepted == null || detectKind(accepted.envelope()) != DocumentKind.PLAN) {
            return null;
        }
        return report(sourceName, DocumentKind.PLAN, List.of(), 0, 0);
    }

    /**
     * The tree of a plan whose bytes were validated already (a streamed review's, read again and found
     * the same by their hash): read strictly, not checked again.
     *
     * @param bytes the plan's bytes
     * @param length how many of them
     * @return its tree, or null when it cannot be read (then it was not the plan validated)
     */
    public @Nullable JsonNode planTreeOfValidatedBytes(byte[] bytes, int length) {
        StrictJsonReader.Result result = reader.read(bytes, length, engine.get().template().canonicalCandidateMembers());
        return result.findings().isEmpty() ? result.root() : null;
    }

    /**
     * Some members of each candidate of a plan whose bytes were validated already, without the plan's
     * tree: the candidates are cut out of the text ({@link ListSplitter}) and read one at a time, and
     * only {@code keys} of each kept (a Markdown review's evidence values: a few MB for 10,000
     * candidates, where the plan's tree takes a few hundred).
     *
     * @param bytes the plan's bytes
     * @param length how many of them
     * @param keys the members to keep
     * @return the candidates' members, in plan order, or null when the text is not cut so (then read the tree)
     */
    public com.fasterxml.jackson.databind.node.@Nullable ArrayNode planCandidateMembers(byte[] bytes, int length, List<String> keys) {
        StrictJsonReader.KnownMembers known = engine.get().template().canonicalCandidateMembers();
        com.fasterxml.jackson.databind.node.ArrayNode candidates = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        boolean[] unread = {false};
        ListSplitter splitter = new ListSplitter(known.listKey(), limits.maxNestingDepth(), (index, item, itemLength) -> {
            StrictJsonReader.Result read = reader.readItem(item, itemLength, known, index);
            if (!read.findings().isEmpty() || read.root() == null) {
                unread[0] = true;
                return;
            }
            com.fasterxml.jackson.databind.node.ObjectNode kept = candidates.addObject();
            for (String key : keys) {
                JsonNode value = read.root().get(key);
                if (value != null) {
                    kept.set(key, value);
                }
            }
        });
        splitter.feed(bytes, length);
        return splitter.finish() == null || unread[0] ? null : candidates;
    }

    /** Validates a tree that has no text behind it (a typed model): problems without positions. */
    public ValidationReport validateTree(JsonNode tree, String sourceName, DocumentKind kind) {
        List<Finding> findings = new ArrayList<>();
        long droppedErrors = 0;
        long droppedWarnings = 0;
        for (Findings part : check(tree, kind, Purpose.VALIDATE, null)) {
            findings.addAll(part.kept());
            droppedErrors += part.droppedErrors();
            droppedWarnings += part.droppedWarnings();
        }
        return report(sourceName, kind, Locations.withoutPositions(findings), droppedErrors, droppedWarnings);
    }

    /** The earliest problems by position, up to the limit; the others counted. */
    private ValidationReport report(String sourceName, DocumentKind kind, List<Problem> problems, long droppedErrors,
            long droppedWarnings) {
        if (problems.size() > limits.maxProblems()) {
            // In the report's own order (by position): a report of them all sorts them.
            List<Problem> sorted = new ValidationReport(sourceName, kind, problems, 0, 0).problems();
            for (Problem cut : sorted.subList(limits.maxProblems(), sorted.size())) {
                if (cut.severity() == Severity.ERROR) {
                    droppedErrors++;
                } else {
                    droppedWarnings++;
                }
            }
            problems = sorted.subList(0, limits.maxProblems());
        }
        return new ValidationReport(sourceName, kind, problems, droppedErrors, droppedWarnings);
    }

    /** The findings of the schema of its kind, of the string scan and of the other checks: one collector each. */
    private List<Findings> check(JsonNode root, DocumentKind kind, Purpose purpose, java.util.function.Predicate<Finding> absorber) {
        Engine built = engine.get();
        // When the limit cuts, each collector keeps the earliest by position, so that the report's cut
        // (below, on positions) picks from the right ones: a plan's envelope is checked before its
        // candidates, although its summary comes after them.
        Findings schema = new Findings(limits.maxProblems(), absorber, new DocumentOrder(root));
        Findings checks = new Findings(limits.maxProblems(), absorber, new DocumentOrder(root));
        if (kind == DocumentKind.SNAPSHOT) {
            // The checks across candidates run on one thread. A large snapshot's are offered to the
            // executor first, so that its thread starts with them while this one takes the validation's
            // first ranges, and both end about together (validation, scan and checks of a 10,000-candidate
            // snapshot: 73 to 81 ms before, 58 to 64 after). All of them only read the tree. Should the
            // validation throw, the offered checks end on their own, into a collector no one reads.
            Offload<Void> acrossCandidates = root.path(PlanFields.ACCEPTANCE_CANDIDATES).size() < Candidates.PARALLEL_THRESHOLD ? null
                    : Offload.offer(built.executor(), () -> {
                        built.checks().snapshot(root, checks);
                        return null;
                    });
            built.snapshotValidator().validate(root, schema);
            customRules.scan(root, Pointer.ROOT, schema);
            if (acrossCandidates == null) {
                built.checks().snapshot(root, checks);
            } else {
                acrossCandidates.join();
            }
            if (purpose == Purpose.GENERATE) {
                schema = notCopiedAsWarnings(schema, built.template());
            }
        } else {
            Finding notAPlan = built.checks().kinds().asPlan(root);
            if (notAPlan != null) {
                // One line that says what the document is, not every member of a plan it lacks.
                schema.add(notAPlan);
                return List.of(schema);
            }
            built.planValidator().validate(root, schema);
            customRules.scan(root, Pointer.ROOT, schema);
            built.checks().plan(root, checks);
        }
        return List.of(schema, checks);
    }

    /** Secret and raw-payload findings outside what the plan copies, as warnings. */
    private static Findings notCopiedAsWarnings(Findings findings, PlanTemplate template) {
        Findings result = findings.sibling();
        for (Finding finding : findings.kept()) {
            boolean scanned = finding.is(Keyword.SECRET) || finding.is(Keyword.RAW_PAYLOAD);
            result.add(scanned && !template.isCopiedFromSnapshot(finding.pointer()) ? finding.asWarning() : finding);
        }
        // Dropped findings stay counted as they were: only the ones shown can be told apart.
        result.addDropped(findings.droppedErrors(), findings.droppedWarnings());
        return result;
    }

    /** A plan carries the plan schema's version; anything else that has one is a snapshot. */
    private DocumentKind detectKind(JsonNode root) {
        JsonNode version = root.get("schema_version");
        if (version == null) {
            return null;
        }
        JsonNode planVersion = engine.get().template().fixedEnvelopeMembers().get("schema_version");
        return planVersion.equals(version) ? DocumentKind.PLAN : DocumentKind.SNAPSHOT;
    }
}
