package dev.readbackplan.internal.review;

import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.concurrent.Offload;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.io.DocumentBytes;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.Engine;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The review job behind the facade: hashes the plan and the snapshot beside the reading, reads both
 * (the plan with the quarantine's absorber), and reviews the plan. Immutable and thread-safe; the
 * reviewer is built by the first review (it compiles the review schema), once, whatever the threads.
 */
public final class ReviewRunner {
    /**
     * A review with what its renderings need.
     *
     * @param reviewer the reviewer (its rules, and the writer of the reviewed plan)
     * @param result the review
     * @param plan the plan reviewed: held, or read again when first needed
     * @param planName how the plan is named in reports
     * @param snapshotReport the snapshot's report: valid, with its warnings
     * @param snapshotSha256 the SHA-256 of the snapshot's bytes
     */
    public record Outcome(PlanReviewer reviewer, PlanReviewer.Result result, ReviewedPlan plan, String planName, ValidationReport snapshotReport,
            String snapshotSha256) {}

    private final Executor executor;
    private final DocumentReader reader;
    private final Once<PlanReviewer> reviewer;

    /**
     * The review of one planner.
     *
     * @param executor where hashing may run beside the caller (an {@link Offload}: never waited on while queued)
     * @param engine the planner's compiled schemas, built on first use
     * @param reader the planner's reader (its secret rules included)
     */
    public ReviewRunner(Executor executor, Once<Engine> engine, DocumentReader reader) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.reader = Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(engine, "engine");
        this.reviewer = new Once<>(() -> new PlanReviewer(engine.get(), Catalog.get(), reader));
    }

    /**
     * Reviews a plan against its snapshot.
     *
     * @param plan the plan's bytes
     * @param planName how the plan is named in reports
     * @param snapshot the snapshot's bytes
     * @param snapshotName how the snapshot is named in reports and the plan's provenance
     * @param reviewedAt the {@code reviewed_at} to record
     * @return the review
     * @throws InvalidDocumentException when the plan (with its full report) or the snapshot is invalid
     * @throws IllegalArgumentException when {@code reviewedAt} is not a date-time with an offset
     */
    public Outcome run(DocumentBytes plan, String planName, DocumentBytes snapshot, String snapshotName, String reviewedAt) {
        Offload<String> snapshotSha256 = Offload.offer(executor, snapshot::sha256);
        return whole(plan, planName, () -> read(snapshot, snapshotName, DocumentKind.SNAPSHOT), snapshotSha256, snapshotName, reviewedAt);
    }

    /** The review of a plan read whole, the snapshot read by {@code snapshotRead} once the plan is. */
    private Outcome whole(DocumentBytes plan, String planName, java.util.function.Supplier<DocumentReader.Parsed> snapshotRead,
            Offload<String> snapshotSha256, String snapshotName, String reviewedAt) {
        // Hashing 100 MB takes a core for most of a second without the JIT's SHA intrinsic (the launcher
        // runs the first tier only): do it beside the reading and validation.
        Offload<String> sha256 = Offload.offer(executor, plan::sha256);
        // Problems that only quarantine an evidence value are counted apart as they are found, however
        // many there are; the report keeps the limit for the others, which fail the plan.
        PlanReviewer built = reviewer.get();
        QuarantineSorter.Absorber quarantine = built.quarantine();
        DocumentReader.Parsed parsedPlan = reader.read(plan.data(), plan.length(), plan.tooLarge(), planName, DocumentKind.PLAN,
                () -> { }, DocumentReader.Purpose.VALIDATE, quarantine);
        DocumentReader.Parsed parsedSnapshot = snapshotRead.get();
        if (!parsedSnapshot.report().isValid()) {
            throw new InvalidDocumentException(parsedSnapshot.report());
        }
        if (parsedPlan.root() == null || !parsedPlan.report().isValid()) {
            // The plan fails: as validate reports it, quarantining problems included, within the same limit.
            throw new InvalidDocumentException(quarantine.count() == 0 ? parsedPlan.report() : read(plan, planName, DocumentKind.PLAN).report());
        }
        PlanReviewer.Result result = built.review(parsedPlan, quarantine, parsedSnapshot.root(), snapshotName, reviewedAt, sha256.join(),
                parsedSnapshot.report().warnings());
        return new Outcome(built, result, ReviewedPlan.held(parsedPlan.root(), plan.data(), plan.length()), planName,
                parsedSnapshot.report(), snapshotSha256.join());
    }

    /**
     * Reviews a plan file against its snapshot: as it is read when it is clean and current (nothing of
     * it held but each candidate's review), else read whole ({@link #run(DocumentBytes, String,
     * DocumentBytes, String, String)}), which explains what it finds.
     *
     * @param plan the plan file
     * @param planName how the plan is named in reports
     * @param snapshot the snapshot's bytes
     * @param snapshotName how the snapshot is named in reports and the plan's provenance
     * @param reviewedAt the {@code reviewed_at} to record
     * @param maxBytes the document limit
     * @return the review
     * @throws IOException when the plan cannot be read
     * @throws OutOfMemoryError when the plan must be read whole and the heap is under twice its size
     */
    public Outcome run(java.nio.file.Path plan, String planName, DocumentBytes snapshot, String snapshotName, String reviewedAt,
            long maxBytes) throws IOException {
        if (!java.nio.file.Files.isRegularFile(plan)) {
            // A folder, a FIFO or a device: read as the plain way reads it (and refuses it).
            return run(DocumentBytes.of(plan, maxBytes), planName, snapshot, snapshotName, reviewedAt);
        }
        DocumentReader.Parsed parsedSnapshot = read(snapshot, snapshotName, DocumentKind.SNAPSHOT);
        if (!parsedSnapshot.report().isValid()) {
            throw new InvalidDocumentException(parsedSnapshot.report());
        }
        // The snapshot's digest is needed only for the outcome: offered once the snapshot is read (whose
        // validation splits across the executor's threads), so that it runs beside the plan's reading.
        Offload<String> snapshotSha256 = Offload.offer(executor, snapshot::sha256);
        PlanReviewer built = reviewer.get();
        PlanReviewer.Streamed streamed;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(plan)) {
            streamed = built.reviewStreamed(reader.streamed(), in, parsedSnapshot.root(), snapshotName, reviewedAt,
                    parsedSnapshot.report().warnings());
        }
        if (streamed != null) {
            String sha256 = streamed.sha256();
            ReviewedPlan again = ReviewedPlan.readAgain(() -> readAgain(plan, planName, sha256, maxBytes),
                    this::parseAgain, (bytes, keys) -> reader.planCandidateMembers(bytes.data(), bytes.length(), keys));
            return new Outcome(built, streamed.result(), again, planName, parsedSnapshot.report(), snapshotSha256.join());
        }
        // Not accepted as it streamed: read whole, which explains; the snapshot is not read again.
        DocumentBytes.requireHeapToReadWhole(plan);
        return whole(DocumentBytes.of(plan, maxBytes), planName, () -> parsedSnapshot, snapshotSha256, snapshotName, reviewedAt);
    }

    /** The plan file's bytes read again, for what a streamed review did not keep: only while they are the bytes reviewed. */
    private static DocumentBytes readAgain(java.nio.file.Path plan, String planName, String sha256, long maxBytes) throws IOException {
        DocumentBytes bytes = DocumentBytes.of(plan, maxBytes);
        if (bytes.tooLarge() || !bytes.sha256().equals(sha256)) {
            throw new IOException(planName + ": the plan changed after it was reviewed; review it again");
        }
        return bytes;
    }

    /** The tree of the bytes reviewed, which were validated as they streamed (and are the same, by their hash). */
    private com.fasterxml.jackson.databind.JsonNode parseAgain(DocumentBytes bytes) {
        com.fasterxml.jackson.databind.JsonNode tree = reader.planTreeOfValidatedBytes(bytes.data(), bytes.length());
        if (tree == null) {
            throw new IllegalStateException("the plan reviewed as valid does not read again");
        }
        return tree;
    }

    private DocumentReader.Parsed read(DocumentBytes bytes, String sourceName, DocumentKind kind) {
        return reader.read(bytes.data(), bytes.length(), bytes.tooLarge(), sourceName, kind, () -> { }, DocumentReader.Purpose.VALIDATE);
    }
}
