package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Problem;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.plan.CandidateMatcher;
import dev.readbackplan.internal.plan.PlanDiff;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.PlanFields;
import dev.readbackplan.internal.schema.PlanTemplate;
import dev.readbackplan.internal.schema.StreamedPlanReader;
import dev.readbackplan.internal.json.Findings;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reviews a plan that has been read and validated, one job to each part: sorts its validation
 * problems into quarantined evidence fields and errors that fail the document ({@link
 * QuarantineSorter}), checks that the plan is current for its snapshot ({@link CurrencyCheck}), then
 * reviews each candidate ({@link CandidateReviewer}) and builds the review document ({@link
 * ReviewDocument}); {@link ReviewedPlanWriter} writes the lanes back. Thread-safe; linear in the plan.
 */
public final class PlanReviewer {
    /**
     * A review: out of date (the difference, nothing else) or reviewed (the candidates and the document).
     *
     * @param outOfDate the first difference from what the snapshot gives, or null when current
     * @param candidates the candidates' reviews, in plan order; empty when out of date
     * @param document the review document, built when first asked for; null when out of date
     */
    public record Result(PlanDiff.@Nullable Difference outOfDate, List<CandidateReview> candidates, ReviewDocument.@Nullable Lazy document) {}

    private final ReviewRules rules;
    private final QuarantineSorter sorter;
    private final CurrencyCheck currency;
    private final CandidateMatcher matcher;
    private final CandidateReviewer candidates;
    private final ReviewDocument document;
    private final ReviewedPlanWriter writer;
    private final Engine engine;

    /**
     * A reviewer with a planner's compiled schemas.
     *
     * @param engine the compiled schemas
     * @param catalog the catalog
     * @param reader validates the reviewed plans it writes
     */
    public PlanReviewer(Engine engine, Catalog catalog, DocumentReader reader) {
        this.engine = engine;
        this.rules = new ReviewRules(engine, catalog);
        this.sorter = new QuarantineSorter(rules.fields());
        this.currency = new CurrencyCheck(engine, rules.fields());
        // Candidates sit at level 2 of a plan.
        this.matcher = new CandidateMatcher(engine.template(), 2, Set.copyOf(currency.neutralCandidateFields()));
        this.candidates = new CandidateReviewer(rules, engine.schemas().planNode());
        this.document = new ReviewDocument(engine, rules.catalog());
        this.writer = new ReviewedPlanWriter(reader);
    }

    /** {@return the checks and lanes} */
    public ReviewRules rules() {
        return rules;
    }

    /** {@return what writes a review's lanes back into its plan} */
    public ReviewedPlanWriter writer() {
        return writer;
    }

    /** {@return a new collector of quarantining problems, for one plan} */
    public QuarantineSorter.Absorber quarantine() {
        return sorter.absorber();
    }

    /**
     * A plan reviewed without holding it ({@link #reviewStreamed}).
     *
     * @param result the review: current, every candidate reviewed
     * @param sha256 the SHA-256 of the plan's bytes
     * @param length how many bytes the plan has
     */
    public record Streamed(Result result, String sha256, long length) {}

    /**
     * Reviews a current plan as it is read, candidate by candidate, keeping only each one's review: the
     * same review {@link #review} gives, for the plans it accepts, which are those with no finding but
     * problems that only quarantine an evidence value (taken out as they are found, as the whole
     * reading's absorber takes them), no warning, as many candidates as the snapshot gives, and each one
     * current. Anything else gives null: read the plan whole and review it, which explains.
     *
     * @param reader the streamed reader of the planner's reader
     * @param plan the plan's bytes (not closed)
     * @param snapshot a validated snapshot
     * @param snapshotName how the snapshot is named in the plan's provenance
     * @param reviewedAt the {@code reviewed_at} to record
     * @param snapshotWarnings the snapshot's warnings
     * @return the review, or null
     * @throws IOException when the plan cannot be read
     */
    public @Nullable Streamed reviewStreamed(StreamedPlanReader reader, InputStream plan, JsonNode snapshot, String snapshotName,
            String reviewedAt, List<Problem> snapshotWarnings) throws IOException {
        List<JsonNode> sources = PlanTemplate.sourceCandidates(snapshot);
        CandidateReview[] reviews = new CandidateReview[sources.size()];
        // Problems that only quarantine an evidence value are taken out as they are found, as the whole
        // reading's absorber takes them, and each candidate is reviewed with its own.
        QuarantineSorter.Absorber quarantine = sorter.absorber();
        // Which candidates were made from generation's text (current by construction), by index; each
        // index is set and read by the one thread that checks that candidate.
        boolean[] fromGeneratedText = new boolean[sources.size()];
        StreamedPlanReader.Accepted accepted = reader.read(plan, true, quarantine, new StreamedPlanReader.CandidateHandler() {
            @Override
            public @Nullable JsonNode fromText(int index, byte[] text, int length, StrictJsonReader strict) {
                if (index >= sources.size()) {
                    return null;
                }
                ObjectNode candidate = fromGenerationsText(text, length, sources.get(index), strict);
                fromGeneratedText[index] = candidate != null;
                return candidate;
            }

            @Override
            public boolean handle(int index, JsonNode candidate) {
                if (index >= sources.size()) {
                    return false;
                }
                JsonNode source = sources.get(index);
                // What generation would refuse (a value the snapshot allows and the plan does not) is the plain path's to report.
                Findings built = new Findings(1);
                engine.planValidator().builtCandidate(index, source, built);
                if (!built.isEmpty()
                        || !fromGeneratedText[index] && !currency.currentCandidate(index, candidate, engine.template().candidate(source))) {
                    return false;
                }
                // The pinned counts are checked once the summary is read: a plan whose counts are not zero is not accepted.
                QuarantineSorter.Sorted quarantined = quarantine.at(index);
                reviews[index] = candidates.review(index, candidate, quarantined.keywords().getOrDefault(index, Map.of()),
                        quarantined.scannerRules().getOrDefault(index, Map.of()), true);
                return true;
            }
        });
        if (accepted == null || accepted.candidateCount() != sources.size() || accepted.sha256() == null) {
            return null;
        }
        ObjectNode envelope = accepted.envelope();
        if (!candidates.countsZero(envelope.get("summary"))) {
            return null;
        }
        ObjectNode regenerated = engine.template().envelope(snapshot, envelope.get("generated_at").textValue(),
                envelope.get("git_commit").textValue());
        Findings built = new Findings(1);
        engine.planValidator().envelope(regenerated, built);
        if (!built.isEmpty() || !currency.currentEnvelope(envelope, regenerated)) {
            return null;
        }
        List<CandidateReview> all = List.of(reviews);
        String sha256 = accepted.sha256();
        return new Streamed(new Result(null, all, document.of(envelope, all, reviewedAt, sha256, snapshotWarnings)), sha256, accepted.length());
    }

    /**
     * A candidate whose text is generation's for {@code source} but for the reviewers' fields (what
     * currency does not compare), made without reading the text whole: the regenerated candidate with
     * each reviewer's value read on its own. Equal to what reading the whole text gives: the text is
     * generation's text of that candidate with those values in their places. Null when the text is
     * anything else, or a value has a finding: the text is then read whole, which reports it. Held to
     * the plain reading by {@code CandidateFromTextDifferentialTest}.
     */
    @Nullable ObjectNode fromGenerationsText(byte[] text, int length, JsonNode source, StrictJsonReader strict) {
        List<CandidateMatcher.Hole> holes = matcher.match(text, length, source);
        if (holes == null) {
            return null;
        }
        ObjectNode candidate = engine.template().candidate(source);
        for (CandidateMatcher.Hole hole : holes) {
            StrictJsonReader.Result read = strict.readValue(text, hole.from(), hole.to());
            if (!read.findings().isEmpty() || read.root() == null) {
                return null;
            }
            candidate.set(hole.key(), read.root());
        }
        return candidate;
    }

    /**
     * Reviews a plan that was read as a plan, all its problems in its report.
     *
     * @param plan the plan's tree and report (the tree null when it could not be read)
     * @param snapshot a validated snapshot
     * @param snapshotName how the snapshot is named in the plan's provenance
     * @param reviewedAt the {@code reviewed_at} to record
     * @param planSha256 the SHA-256 of the plan's bytes
     * @param snapshotWarnings the snapshot's warnings
     * @return the review
     * @throws InvalidDocumentException when the plan has a problem that does not merely quarantine an evidence field
     */
    public Result review(DocumentReader.Parsed plan, JsonNode snapshot, String snapshotName, String reviewedAt, String planSha256,
            List<Problem> snapshotWarnings) {
        return review(plan, null, snapshot, snapshotName, reviewedAt, planSha256, snapshotWarnings);
    }

    /**
     * Reviews a plan read with {@code quarantine} as its absorber (or null: its report has every problem).
     *
     * @param plan the plan's tree and report
     * @param quarantine what was taken out of its report while it was read, or null
     * @param snapshot a validated snapshot
     * @param snapshotName how the snapshot is named in the plan's provenance
     * @param reviewedAt the {@code reviewed_at} to record
     * @param planSha256 the SHA-256 of the plan's bytes
     * @param snapshotWarnings the snapshot's warnings
     * @return the review
     * @throws InvalidDocumentException when the plan's report has an error: every quarantining problem was taken out of it
     */
    public Result review(DocumentReader.Parsed plan, QuarantineSorter.@Nullable Absorber quarantine, JsonNode snapshot, String snapshotName,
            String reviewedAt, String planSha256, List<Problem> snapshotWarnings) {
        QuarantineSorter.Sorted sorted = sorter.sort(plan.report(), plan.root(), quarantine);
        JsonNode root = plan.root();
        PlanDiff.Difference difference = currency.compare(root, snapshot, snapshotName);
        if (difference != null) {
            return new Result(difference, List.of(), null);
        }
        boolean countsZero = candidates.countsZero(root.get("summary"));
        JsonNode list = root.get(PlanFields.READBACK_CANDIDATES);
        List<CandidateReview> reviews = new ArrayList<>(list.size());
        Map<Integer, Map<String, Set<String>>> keywords = sorted.keywords();
        Map<Integer, Map<String, Set<String>>> scannerRules = sorted.scannerRules();
        for (int i = 0; i < list.size(); i++) {
            reviews.add(candidates.review(i, list.get(i), keywords.getOrDefault(i, Map.of()), scannerRules.getOrDefault(i, Map.of()),
                    countsZero));
        }
        return new Result(null, reviews, document.of(root, reviews, reviewedAt, planSha256, snapshotWarnings));
    }
}
