package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.DocumentKind;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.Severity;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.plan.PlanDiff;
import dev.readbackplan.internal.plan.PlanGenerator;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.DocumentReader;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.EvidenceFields;
import dev.readbackplan.internal.schema.PlanFields;
import dev.readbackplan.internal.schema.SchemaFindings;
import dev.readbackplan.internal.schema.SchemaSet;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reviews a plan that has been read and validated: sorts its validation problems into quarantined
 * evidence fields and errors that fail the document, checks that the plan is current for its
 * snapshot, then applies the checks and lanes to each candidate. Thread-safe; linear in the plan.
 */
public final class PlanReviewer {
    /** Problems inside an evidence field with these keywords only make the value unredacted: they quarantine it. */
    private static final Set<String> QUARANTINING_KEYWORDS = Set.of("pattern", "type", "maxLength", "minLength", Keyword.SECRET.id(), Keyword.RAW_PAYLOAD.id());
    private static final String CANDIDATES = PlanFields.READBACK_CANDIDATES;
    public static final String REVIEW_SCHEMA_VERSION = "monitoring_post_incident_readback_review_v1";

    /**
     * The review of one candidate. Lists in catalog and readback-field order; pointers only, never
     * values. {@code reasons} has one entry per failed check, in the same order; {@code
     * quarantineReasons} one per quarantined field (what is wrong, and the accepted shapes). {@code
     * nulledFields} are those of {@code quarantinedFields} with a secret or raw-payload finding: the
     * only values {@code --write} removes; the others are quarantined for their shape alone, hold no
     * secret, and stay. {@code scannerRules} has one entry per quarantined field too: the ids of the
     * secret scanner rules that fired in it, sorted (empty when it is quarantined for its shape alone).
     */
    public record CandidateReview(int index, String candidateId, String surfaceId, String lane, String claimedLane,
            List<String> failedChecks, List<String> missingFields, List<String> quarantinedFields, List<String> nulledFields,
            List<ReviewRules.Reason> reasons, List<String> quarantineReasons, List<List<String>> scannerRules) {}

    /** A review: out of date (difference set, nothing else) or reviewed. */
    public record Result(PlanDiff.Difference outOfDate, List<CandidateReview> candidates, ObjectNode document) {}

    private final Engine engine;
    private final DocumentReader reader;
    private final ReviewRules rules;
    private final List<String> closedGates = new ArrayList<>();
    private final List<String> acceptedFlags = new ArrayList<>();
    private final List<String> zeroCounts = new ArrayList<>();
    private final List<String> neutralCandidateFields;

    /** A reviewer with a planner's compiled schemas; {@code reader} validates the reviewed plans it writes. */
    public PlanReviewer(Engine engine, Catalog catalog, DocumentReader reader) {
        this.engine = engine;
        this.reader = reader;
        this.rules = new ReviewRules(engine, catalog);
        JsonNode planSchema = engine.schemas().planNode();
        JsonNode candidate = planSchema.at(SchemaSet.candidateDefinition()).get("properties");
        candidate.properties().forEach(p -> {
            JsonNode schema = resolve(planSchema, p.getValue());
            if (schema.path("const").isBoolean() && !schema.get("const").booleanValue()) {
                // The accepted and received flags are counted with the counts; the rest are gates.
                (p.getKey().endsWith("_accepted") || p.getKey().endsWith("_received") ? acceptedFlags : closedGates).add(p.getKey());
            }
        });
        JsonNode summary = resolve(planSchema, planSchema.get("properties").get("summary")).get("properties");
        summary.properties().forEach(p -> {
            JsonNode schema = resolve(planSchema, p.getValue());
            if (schema.path("const").isIntegralNumber() && schema.get("const").longValue() == 0) {
                zeroCounts.add(p.getKey());
            }
        });
        if (closedGates.isEmpty() || acceptedFlags.isEmpty() || zeroCounts.isEmpty()) {
            throw new IllegalStateException("the plan schema pins no gates, flags or counts");
        }
        List<String> neutral = new ArrayList<>(rules.fields().all());
        neutral.add("status");
        neutral.add("reviewer_outcome");
        neutralCandidateFields = List.copyOf(neutral);
    }

    private static JsonNode resolve(JsonNode schema, JsonNode property) {
        JsonNode ref = property.get("$ref");
        return ref != null && ref.textValue().startsWith("#/") ? schema.at(ref.textValue().substring(1)) : property;
    }

    public ReviewRules rules() {
        return rules;
    }

    /**
     * The problems that only quarantine an evidence value, taken out of a plan's report as they are
     * found: counted by candidate, field and keyword, without a ceiling and without keeping each one, so
     * that a plan with a million of them is reviewed like one with a few, and the report keeps its
     * limit for the problems that fail the plan. Thread-safe: the checks of a large plan run in parallel.
     */
    public final class Quarantine implements java.util.function.Predicate<Finding> {
        private final Map<Integer, Map<String, Set<String>>> found = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        /** The scanner rules that fired, by candidate and field. */
        private final Map<Integer, Map<String, Set<String>>> scanned = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public boolean test(Finding finding) {
            if (finding.severity() != Severity.ERROR || !QUARANTINING_KEYWORDS.contains(finding.keyword())) {
                return false;
            }
            String[] at = evidenceField(finding.pointer().segments());
            if (at == null) {
                return false;
            }
            found.computeIfAbsent(Integer.parseInt(at[0]), k -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(at[1], k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(finding.keyword());
            if (finding.rule() != null) {
                scanned.computeIfAbsent(Integer.parseInt(at[0]), k -> new java.util.concurrent.ConcurrentHashMap<>())
                        .computeIfAbsent(at[1], k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(finding.rule());
            }
            count.incrementAndGet();
            return true;
        }

        /** @return how many problems were taken */
        public long count() {
            return count.get();
        }
    }

    /** A new collector of quarantining problems, for one plan. */
    public Quarantine quarantine() {
        return new Quarantine();
    }

    /**
     * Reviews a plan that was read as a plan, all its problems in its report.
     *
     * @param plan the plan's tree and report (the tree null when it could not be read)
     * @param snapshot a validated snapshot
     * @throws InvalidDocumentException when the plan has a problem that does not merely quarantine an evidence field
     */
    public Result review(DocumentReader.Parsed plan, JsonNode snapshot, String snapshotName, String reviewedAt, String planSha256,
            List<Problem> snapshotWarnings) {
        return review(plan, null, snapshot, snapshotName, reviewedAt, planSha256, snapshotWarnings);
    }

    /**
     * Reviews a plan read with {@code quarantine} as its absorber (or null: its report has every problem).
     *
     * @throws InvalidDocumentException when the plan's report has an error: every quarantining problem was taken out of it
     */
    public Result review(DocumentReader.Parsed plan, Quarantine quarantine, JsonNode snapshot, String snapshotName, String reviewedAt,
            String planSha256, List<Problem> snapshotWarnings) {
        Map<Integer, Map<String, Set<String>>> scannerRules = new HashMap<>();
        Map<Integer, Map<String, Set<String>>> quarantined = classify(plan.report(), plan.root(), scannerRules);
        if (quarantine != null) {
            quarantine.found.forEach((index, fields) -> fields.forEach((field, keywords) -> quarantined
                    .computeIfAbsent(index, k -> new HashMap<>()).computeIfAbsent(field, k -> new TreeSet<>()).addAll(keywords)));
            quarantine.scanned.forEach((index, fields) -> fields.forEach((field, ids) -> scannerRules
                    .computeIfAbsent(index, k -> new HashMap<>()).computeIfAbsent(field, k -> new TreeSet<>()).addAll(ids)));
        }
        JsonNode root = plan.root();
        PlanDiff.Difference difference = compare(root, snapshot, snapshotName);
        if (difference != null) {
            return new Result(difference, List.of(), null);
        }
        boolean countsZero = countsZero(root.get("summary"));
        JsonNode candidates = root.get(CANDIDATES);
        List<CandidateReview> reviews = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            reviews.add(candidate(i, candidates.get(i), quarantined.getOrDefault(i, Map.of()), scannerRules.getOrDefault(i, Map.of()),
                    countsZero));
        }
        return new Result(null, reviews, document(root, reviews, reviewedAt, planSha256, snapshotWarnings));
    }

    /**
     * Quarantined evidence fields by candidate index, field, and the keywords found there; throws when
     * any other error is found. The scanner rules that fired go into {@code scannerRules}, by candidate and field.
     */
    private Map<Integer, Map<String, Set<String>>> classify(ValidationReport report, JsonNode root,
            Map<Integer, Map<String, Set<String>>> scannerRules) {
        Map<Integer, Map<String, Set<String>>> quarantined = new HashMap<>();
        // A problem not shown could be anything: the plan fails as validate reports it.
        boolean fatal = root == null || report.omittedErrors() > 0;
        for (Problem problem : report.problems()) {
            if (problem.severity() != Severity.ERROR) {
                continue;
            }
            String[] at = evidenceField(problem.pointerSegments());
            if (at == null || !QUARANTINING_KEYWORDS.contains(problem.keyword())) {
                fatal = true;
                continue;
            }
            quarantined.computeIfAbsent(Integer.parseInt(at[0]), k -> new HashMap<>())
                    .computeIfAbsent(at[1], k -> new TreeSet<>()).add(problem.keyword());
            if (problem.rule() != null) {
                scannerRules.computeIfAbsent(Integer.parseInt(at[0]), k -> new HashMap<>())
                        .computeIfAbsent(at[1], k -> new TreeSet<>()).add(problem.rule());
            }
        }
        if (fatal) {
            throw new InvalidDocumentException(report);
        }
        return quarantined;
    }

    /** {index, field} when the pointer is an evidence field of a candidate or below one, else null. */
    private String[] evidenceField(List<String> segments) {
        if (segments.size() < 3 || !segments.get(0).equals(CANDIDATES)) {
            return null;
        }
        String index = segments.get(1);
        if (index.isEmpty() || index.length() > 9 || !index.chars().allMatch(Character::isDigit)
                || index.length() > 1 && index.charAt(0) == '0') {
            return null;
        }
        String field = segments.get(2);
        return rules.fields().all().contains(field) ? new String[] {index, field} : null;
    }

    /**
     * The first difference between the plan and the plan its snapshot gives, evidence fields, status,
     * reviewer outcome and provenance aside, in the generator's order; null when current.
     */
    private PlanDiff.Difference compare(JsonNode root, JsonNode snapshot, String snapshotName) {
        ObjectNode regenerated = new PlanGenerator(engine).tree(snapshot, root.get("generated_at").textValue(),
                root.get("git_commit").textValue(), snapshotName);
        // Shallow copies with the reviewers' fields taken from the regenerated plan: linear, no deep copy.
        ObjectNode neutral = ((ObjectNode) root).objectNode();
        neutral.setAll((ObjectNode) root);
        JsonNode fresh = regenerated.get(CANDIDATES);
        ArrayNode candidates = neutral.arrayNode();
        JsonNode inFile = root.get(CANDIDATES);
        for (int i = 0; i < inFile.size(); i++) {
            ObjectNode candidate = JsonNodeFactory.instance.objectNode();
            candidate.setAll((ObjectNode) inFile.get(i));
            if (i < fresh.size()) {
                for (String field : neutralCandidateFields) {
                    if (candidate.has(field)) {
                        candidate.set(field, fresh.get(i).get(field));
                    }
                }
            }
            candidates.add(candidate);
        }
        neutral.set(CANDIDATES, candidates);
        // Described by candidate id first (removed, added, changed), then the first differing pointer.
        return PlanDiff.byCandidate(neutral, regenerated, neutralCandidateFields, false);
    }

    private boolean countsZero(JsonNode summary) {
        for (String count : zeroCounts) {
            JsonNode value = summary.get(count);
            if (value == null || !value.isIntegralNumber() || value.longValue() != 0) {
                return false;
            }
        }
        return true;
    }

    private CandidateReview candidate(int index, JsonNode candidate, Map<String, Set<String>> flagged, Map<String, Set<String>> scanned,
            boolean countsZero) {
        EvidenceFields fields = rules.fields();
        Map<String, JsonNode> values = new HashMap<>();
        Map<String, Boolean> filled = new HashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> quarantinedFields = new ArrayList<>();
        List<String> nulledFields = new ArrayList<>();
        List<String> quarantineReasons = new ArrayList<>();
        List<List<String>> scannerRules = new ArrayList<>();
        boolean anyFilled = false;
        boolean shapesAllowed = true;
        boolean[] secretAndRaw = new boolean[2];
        for (String field : fields.all()) {
            boolean ref = fields.isRef(field);
            JsonNode value = candidate.get(field);
            values.put(field, value);
            boolean isFilled = fields.isFilled(field, value, ref);
            filled.put(field, isFilled);
            if (!isFilled) {
                missing.add(field);
            }
            anyFilled |= isFilled;
            // The plan was validated whole: its problems at this field already say whether the value
            // has an allowed shape and whether a secret or raw payload was found in it.
            Set<String> keywords = flagged.getOrDefault(field, Set.of());
            boolean[] found = {keywords.contains(Keyword.SECRET.id()), keywords.contains(Keyword.RAW_PAYLOAD.id())};
            boolean shapeAllowed = keywords.stream().allMatch(k -> k.equals(Keyword.SECRET.id()) || k.equals(Keyword.RAW_PAYLOAD.id()));
            shapesAllowed &= shapeAllowed;
            secretAndRaw[0] |= found[0];
            secretAndRaw[1] |= found[1];
            if (!shapeAllowed || found[0] || found[1]) {
                quarantinedFields.add(Pointer.ROOT.key(CANDIDATES).index(index).key(field).toString());
                quarantineReasons.add(rules.quarantineReason(field, keywords));
                scannerRules.add(List.copyOf(new TreeSet<>(scanned.getOrDefault(field, Set.of()))));
            }
            if (found[0] || found[1]) {
                nulledFields.add(Pointer.ROOT.key(CANDIDATES).index(index).key(field).toString());
            }
        }
        boolean gatesClosed = candidate.path("not_approval").asBoolean(false) && isFalse(candidate, closedGates);
        boolean flagsFalse = isFalse(candidate, acceptedFlags);
        boolean allShapes = shapesAllowed;
        ReviewRules.Facts facts = new ReviewRules.Facts() {
            @Override
            public JsonNode value(String field) {
                return values.get(field);
            }

            @Override
            public boolean filled(String field) {
                return filled.get(field);
            }

            @Override
            public boolean allShapesAllowed() {
                return allShapes;
            }

            @Override
            public boolean secretFound() {
                return secretAndRaw[0];
            }

            @Override
            public boolean rawPayloadFound() {
                return secretAndRaw[1];
            }

            @Override
            public boolean planCurrent() {
                return true; // a plan that is not current is not reviewed candidate by candidate
            }

            @Override
            public boolean gatesClosed() {
                return gatesClosed;
            }

            @Override
            public boolean countsZero() {
                return countsZero && flagsFalse;
            }

            @Override
            public Set<String> problems(String field) {
                return flagged.getOrDefault(field, Set.of());
            }
        };
        String claim = ReviewRules.claim(candidate);
        BitSet failed = rules.failed(facts, claim);
        String lane = rules.lane(failed, anyFilled, claim);
        return new CandidateReview(index, candidate.path("post_incident_readback_candidate_id").textValue(),
                candidate.path("surface_id").textValue(), lane, claim, rules.ids(failed), List.copyOf(missing),
                List.copyOf(quarantinedFields), List.copyOf(nulledFields), List.copyOf(rules.reasons(failed, facts, claim)),
                List.copyOf(quarantineReasons), List.copyOf(scannerRules));
    }

    private static boolean isFalse(JsonNode candidate, List<String> flags) {
        for (String flag : flags) {
            JsonNode value = candidate.get(flag);
            if (value == null || !value.isBoolean() || value.booleanValue()) {
                return false;
            }
        }
        return true;
    }

    /** The review document, validated against the review schema. */
    private ObjectNode document(JsonNode plan, List<CandidateReview> reviews, String reviewedAt, String planSha256,
            List<Problem> snapshotWarnings) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode document = nodes.objectNode();
        document.put("schema_version", REVIEW_SCHEMA_VERSION);
        document.put("reviewed_at", reviewedAt);
        document.set("plan_generated_at", plan.get("generated_at"));
        document.set("plan_git_commit", plan.get("git_commit"));
        document.put("plan_sha256", planSha256);
        ArrayNode warnings = document.putArray("snapshot_warnings");
        for (Problem warning : snapshotWarnings) {
            ObjectNode entry = warnings.addObject();
            entry.put("pointer", dev.readbackplan.internal.text.Display.pointerForJson(warning.pointerSegments()));
            entry.put("message", dev.readbackplan.internal.text.Display.forJson(warning.message()));
        }
        ArrayNode candidates = document.putArray("candidates");
        Map<String, Long> counts = new LinkedHashMap<>();
        rules.catalog().outcomeLanes().forEach(lane -> counts.put(lane.id(), 0L));
        for (CandidateReview review : reviews) {
            ObjectNode candidate = candidates.addObject();
            candidate.put("post_incident_readback_candidate_id", review.candidateId());
            candidate.put("surface_id", review.surfaceId());
            candidate.put("lane", review.lane());
            candidate.put("claimed_lane", review.claimedLane());
            review.failedChecks().forEach(candidate.putArray("failed_checks")::add);
            review.missingFields().forEach(candidate.putArray("missing_fields")::add);
            review.quarantinedFields().forEach(candidate.putArray("quarantined_fields")::add);
            ArrayNode reasons = candidate.putArray("reasons");
            for (ReviewRules.Reason reason : review.reasons()) {
                ObjectNode entry = reasons.addObject();
                entry.put("check", reason.check());
                reason.fields().forEach(entry.putArray("fields")::add);
                entry.put("reason", reason.text());
            }
            // putArray is called once per key above; an empty list still gets its array.
            for (String key : List.of("failed_checks", "missing_fields", "quarantined_fields")) {
                if (!candidate.has(key)) {
                    candidate.putArray(key);
                }
            }
            counts.merge(review.lane(), 1L, Long::sum);
        }
        ObjectNode summary = document.putObject("summary");
        summary.put("candidate_count", reviews.size());
        counts.forEach((lane, count) -> summary.put(lane + "_count", count));
        document.put("not_approval", true);
        document.put("runtime_gate", false);
        Findings found = new Findings(100);
        SchemaFindings.validate(engine.schemas().review(), document, Pointer.ROOT, found);
        List<Finding> findings = found.kept();
        if (!findings.isEmpty()) {
            if (findings.stream().allMatch(f -> f.pointer().equals(Pointer.ROOT.key("reviewed_at")))) {
                throw new IllegalArgumentException("reviewedAt must be an RFC 3339 date-time with an offset, such as 2026-01-01T00:00:00+08:00");
            }
            throw new IllegalStateException("the review does not validate against its schema: " + findings);
        }
        return document;
    }

    /**
     * Writes the lanes into a plan tree: each candidate's lane into its {@code status} (the tool's
     * field; {@code reviewer_outcome} is the reviewer's claim and is left as it is, so a rejected
     * claim is rejected again on the next review), and every value with a secret or raw-payload
     * finding set to null. A value quarantined for its shape alone (a URL or {@code INC 2041} in a
     * reference, an owner too long) holds the reviewer's information and no secret: it stays, and
     * keeps its candidate in quarantine until it is corrected. Then validates the plan: its only
     * errors may be those shapes.
     *
     * @throws InvalidDocumentException when the plan would have any other error (a bug)
     */
    public void applyTo(JsonNode plan, List<CandidateReview> reviews, String sourceName) {
        JsonNode candidates = plan.get(CANDIDATES);
        Map<Integer, List<String>> kept = new HashMap<>();
        for (CandidateReview review : reviews) {
            ObjectNode candidate = (ObjectNode) candidates.get(review.index());
            // status is the tool's; reviewer_outcome is the reviewer's claim and is never written here.
            candidate.put("status", review.lane());
            for (String pointer : review.nulledFields()) {
                candidate.putNull(pointer.substring(pointer.lastIndexOf('/') + 1));
            }
            for (String pointer : review.quarantinedFields()) {
                if (!review.nulledFields().contains(pointer)) {
                    kept.computeIfAbsent(review.index(), k -> new ArrayList<>()).add(pointer.substring(pointer.lastIndexOf('/') + 1));
                }
            }
        }
        // The kept values were found to have a shape problem and nothing else; the rest of the plan must
        // be valid: validate it with those values as null (a shallow copy of their candidates only).
        JsonNode checked = plan;
        if (!kept.isEmpty()) {
            ObjectNode root = ((ObjectNode) plan).objectNode();
            root.setAll((ObjectNode) plan);
            ArrayNode list = root.arrayNode();
            for (int i = 0; i < candidates.size(); i++) {
                JsonNode candidate = candidates.get(i);
                List<String> fields = kept.get(i);
                if (fields == null) {
                    list.add(candidate);
                    continue;
                }
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                copy.setAll((ObjectNode) candidate);
                fields.forEach(copy::putNull);
                list.add(copy);
            }
            root.set(CANDIDATES, list);
            checked = root;
        }
        ValidationReport report = reader.validateTree(checked, sourceName, DocumentKind.PLAN);
        if (!report.isValid()) {
            throw new InvalidDocumentException(report);
        }
    }
}
