package dev.readbackplan.internal.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.PlanComparison;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Locations;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.review.CandidateReview;
import dev.readbackplan.internal.review.Explanations;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.ReadyLanes;
import dev.readbackplan.internal.text.Display;
import dev.readbackplan.internal.text.Pointer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reports as SARIF 2.1.0 (Static Analysis Results Interchange Format), the format code-scanning
 * dashboards ingest: one run whose {@code tool.driver} is this tool with its rules, and results kept
 * within GitHub code scanning's limits by design.
 *
 * <p>Every text taken from a document (file names, pointers, messages) goes through the same display
 * rules as the text report: secret-shaped keys and texts are redacted, long ones shortened, and
 * control, bidi and other invisible characters written as visible {@code \}{@code uXXXX} escapes
 * (SARIF viewers show {@code message.text} to people). Regions count columns in Unicode code points,
 * as the text report does, and the run says so with {@code columnKind: unicodeCodePoints}.
 *
 * <p>File locations are URIs relative to a base folder, with {@code uriBaseId} {@value #BASE_ID},
 * which {@code run.originalUriBaseIds} maps to the base's {@code file:} URI (code scanning resolves
 * them against the repository); a file outside the base gets an absolute {@code file:} URI, and
 * standard input ({@code <stdin>}) the URI {@code stdin} with no base and the description
 * "standard input". Every result has a region (line 1
 * when the position is not known) and {@code partialFingerprints} that do not depend on positions:
 * see {@link #review(Review, String, byte[], Path)} and {@link #validation(List, String, Path)}.
 * The run's {@code automationDetails.id} tells the {@code validate} and the {@code review} runs apart.
 * Every rule has a short and a full description, a help text (also as Markdown) and tags; the secret
 * scanner's rules are tagged {@code security} with a {@code security-severity}. Stateless and
 * thread-safe.
 */
public final class SarifWriter {
    /**
     * What a review gives SARIF: the facade's {@code PlanReview} hands these over, so that this renderer
     * depends on the review's internal values, not on the public class that renders through it.
     *
     * @param isCurrent whether the plan is current for its snapshot (only a current plan has candidates)
     * @param planName how the plan is named in reports (its path, or a stream's name)
     * @param comparison up to date, or the first difference
     * @param candidateReviews the candidates' reviews, in plan order (empty when not current)
     * @param snapshotReport the snapshot's validation report (its warnings are repeated)
     * @param planSha256 the SHA-256 of the reviewed plan's bytes (empty when not current)
     */
    public record Review(boolean isCurrent, String planName, PlanComparison comparison,
            List<CandidateReview> candidateReviews, ValidationReport snapshotReport, String planSha256) {}

    /** The tool's name, as {@code tool.driver.name}. */
    public static final String TOOL_NAME = "monitoring-readback-plan";
    /** Where people learn about the tool, as {@code tool.driver.informationUri}. */
    public static final String INFORMATION_URI = "https://monitoring-readback-plan.example/";
    /** The SARIF schema a report names in {@code $schema}. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The {@code uriBaseId} of every relative file location, mapped by {@code run.originalUriBaseIds}. */
    public static final String BASE_ID = "SRCROOT";
    /** The {@code automationDetails.id} of a {@code validate} run (a category of its own in code scanning). */
    public static final String VALIDATE_AUTOMATION_ID = "monitoring-readback-plan/validate/";
    /** The {@code automationDetails.id} of a {@code review} run. */
    public static final String REVIEW_AUTOMATION_ID = "monitoring-readback-plan/review/";
    /** The most results a run holds: GitHub code scanning keeps at most 25,000 per run. */
    public static final int MAX_RESULTS = 25_000;
    /** The rule of a quarantined evidence field in a review, when no secret scanner rule fired there. */
    public static final String QUARANTINED_FIELD_RULE = "quarantine_raw_payload";
    /** The rule of a warning of the reviewed plan's snapshot, repeated in the review. */
    public static final String SNAPSHOT_WARNING_RULE = "snapshot-warning";
    /** The rule of the one result of a plan that is out of date for its snapshot, so not reviewed. */
    public static final String OUT_OF_DATE_RULE = "plan-out-of-date";
    /** The rule of the note that counts the results left out to stay within {@link #MAX_RESULTS}. */
    public static final String OMITTED_RULE = "results-omitted";
    /** The URI of standard input's results: it is no file of the base folder, so it has no {@code uriBaseId}. */
    static final String STDIN_URI = "stdin";
    /** The name of standard input in reports. */
    static final String STDIN_NAME = "<stdin>";

    /** The lanes that need nothing more from reviewers: no result. */
    private static final Set<String> READY_LANES = ReadyLanes.ids();
    /** Lanes whose candidates hold unredacted or misleading evidence: errors. */
    private static final Set<String> ERROR_LANES = Set.of("quarantine_raw_payload", "reject_false_green_claim");
    /** The lane of a candidate nobody has filled in yet: a note. */
    private static final String WAITING_LANE = "waiting_post_incident_readback";
    private static final String FINGERPRINT_REVIEW = "readbackCandidate/v1";
    private static final String FINGERPRINT_VALIDATE = "documentProblem/v1";

    /** This tool's own checks, in the order rules list them: id, short description, help. */
    /** The rules of the library's own checks: one per {@link Keyword}, in its order. */
    private static final Map<String, String[]> OWN_RULES = byKeyword(ownRules());

    private SarifWriter() {}

    /**
     * The SARIF log of validation reports, file locations relative to the current folder.
     *
     * @param reports the reports, in order
     * @param toolVersion the version to record in {@code tool.driver.version}
     * @return the SARIF JSON text, ending with a newline
     */
    public static String validation(List<ValidationReport> reports, String toolVersion) {
        return validation(reports, toolVersion, currentFolder());
    }

    /**
     * The SARIF log of validation reports: one result per problem (level {@code error} or {@code
     * warning}), and one {@code note} (rule {@code limit}) per report with problems not shown, each
     * with the fingerprint {@value #FINGERPRINT_VALIDATE}: a hash of the file's URI, the problem's
     * JSON Pointer and its rule, so that it stays when lines move. Rules: this tool's own checks, then
     * each JSON Schema keyword and secret scanner rule that fired. At most {@link #MAX_RESULTS}
     * results: past that, one note counts the rest.
     *
     * @param reports the reports, in order
     * @param toolVersion the version to record in {@code tool.driver.version}
     * @param base the folder file locations are relative to, when the file is inside it
     * @return the SARIF JSON text, ending with a newline
     */
    public static String validation(List<ValidationReport> reports, String toolVersion, Path base) {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Rules rules = new Rules();
        OWN_RULES.forEach((id, text) -> rules.add(id, text[0], Explanations.get().keyword(id), text[1], tags("validation")));
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        long omitted = 0;
        for (ValidationReport report : reports) {
            String uri = uri(report.source(), base);
            for (Problem problem : report.problems()) {
                if (results.size() == MAX_RESULTS - 1) {
                    omitted++;
                    continue;
                }
                String keyword = problem.keyword();
                if (problem.rule() != null) {
                    // A secret or raw payload: the result names the scanner rule that fired.
                    keyword = Display.forJson(problem.rule());
                    if (!rules.has(keyword)) {
                        scannerRule(rules, keyword, problem.keyword());
                    }
                } else if (!rules.has(keyword)) {
                    keyword = Display.forJson(keyword);
                    rules.add(keyword, "JSON Schema keyword " + keyword + " failed", Explanations.get().keyword(keyword),
                            "The document does not satisfy the JSON Schema keyword \"" + keyword + "\" of its schema"
                                    + " (the snapshot or plan schema packaged with the tool). " + Explanations.get().keyword(keyword)
                                    + " The message says what the schema asks for; fix the value at the pointer.",
                            tags("validation", "json-schema"));
                }
                String pointer = problem.pointer();
                ObjectNode result = result(results, rules, keyword, problem.severity().label(),
                        pointer + ": " + Display.text(problem.message()));
                location(result, uri, problem.line(), problem.column());
                fingerprint(result, FINGERPRINT_VALIDATE, uri, pointer, keyword);
                result.putObject("properties").put("pointer", pointer);
            }
            if (report.omittedErrors() > 0 || report.omittedWarnings() > 0) {
                if (results.size() == MAX_RESULTS - 1) {
                    omitted++;
                    continue;
                }
                ObjectNode result = result(results, rules, Keyword.LIMIT.id(), "note", report.omittedErrors() + " more errors and "
                        + report.omittedWarnings() + " more warnings not shown (the first " + report.problems().size() + " are)");
                location(result, uri, 0, 0);
                fingerprint(result, FINGERPRINT_VALIDATE, uri, "", "limit");
            }
        }
        if (omitted > 0) {
            omittedNote(results, rules, reports.isEmpty() ? STDIN_NAME : reports.get(0).source(), base, omitted,
                    "validate --format json");
        }
        return write(toolVersion, rules, results, VALIDATE_AUTOMATION_ID, base);
    }

    /**
     * The SARIF log of a review, file locations relative to the current folder; see {@link
     * #review(Review, String, byte[], Path)}.
     *
     * @param review a review
     * @param toolVersion the version to record
     * @param planBytes the plan file's bytes, to give each result a line and column; null for none
     * @return the SARIF JSON text, ending with a newline
     */
    public static String review(Review review, String toolVersion, byte @Nullable [] planBytes) {
        return review(review, toolVersion, planBytes, currentFolder());
    }

    /**
     * The SARIF log of a review: <strong>one result per candidate that needs something from its
     * reviewers</strong>, so that a run stays within GitHub's 25,000 results for plans of up to 25,000
     * candidates whatever they hold. A candidate in a ready lane ({@code
     * ready_for_monitoring_post_incident_review}, {@code waiting_runtime_gate}) has none. The result's
     * rule is the candidate's outcome lane, except for a quarantined candidate with a secret or raw
     * payload, whose rule is the secret scanner's rule that fired (tagged {@code security}, with a
     * {@code security-severity}). Level: {@code error} for {@code quarantine_raw_payload} and {@code
     * reject_false_green_claim}, {@code note} for {@code waiting_post_incident_readback} (nothing filled
     * yet), {@code warning} for the lanes that ask for more evidence. The message names every failed
     * check with why it failed, and every quarantined field (never its value).
     *
     * <p>The result points at the member it concerns, by line and column: the field where the scanner
     * rule fired, the first quarantined field, or the first field of the first failed check, so that
     * code scanning shows the line to change. Its {@code partialFingerprints} {@value
     * #FINGERPRINT_REVIEW} is a hash of the plan's URI, the candidate's id and the rule: adding or
     * removing another candidate moves lines but changes no fingerprint, and an alert closes when its
     * candidate leaves the lane. The snapshot's warnings follow, one result each, at the snapshot.
     * Past {@link #MAX_RESULTS}, errors are kept first, then warnings, then notes (each in plan order),
     * and one note counts what was left out. A plan that is not current gives one error result: see
     * {@link #outOfDate}.
     *
     * @param review a review
     * @param toolVersion the version to record
     * @param planBytes the plan file's bytes, to give each result a line and column (checked against
     *     the review's {@code plan_sha256}, else ignored); null for none
     * @param base the folder file locations are relative to, when the file is inside it
     * @return the SARIF JSON text, ending with a newline
     */
    public static String review(Review review, String toolVersion, byte @Nullable [] planBytes, Path base) {
        return review(review, toolVersion, planBytes, base, MAX_RESULTS);
    }

    /** The review's log with at most {@code maxResults} results (a test makes the limit small). */
    public static String review(Review review, String toolVersion, byte @Nullable [] planBytes, Path base, int maxResults) {
        Objects.requireNonNull(toolVersion, "toolVersion");
        if (!review.isCurrent()) {
            return outOfDate(review, toolVersion, planBytes, base);
        }
        String uri = uri(review.planName(), base);
        Rules rules = new Rules();
        String checkList = checkList();
        for (Catalog.Lane lane : Catalog.get().outcomeLanes()) {
            if (!READY_LANES.contains(lane.id())) {
                laneRule(rules, lane, checkList);
            }
        }
        List<Pending> pending = new ArrayList<>();
        for (CandidateReview candidate : review.candidateReviews()) {
            if (!READY_LANES.contains(candidate.lane())) {
                pending.add(candidateResult(candidate, rules));
            }
        }
        ValidationReport snapshot = review.snapshotReport();
        int room = Math.max(0, maxResults - snapshot.warnings().size() - 1);
        List<Pending> kept = pending;
        if (pending.size() > room) {
            kept = new ArrayList<>();
            for (String level : List.of("error", "warning", "note")) {
                for (Pending item : pending) {
                    if (item.level.equals(level) && kept.size() < room) {
                        kept.add(item);
                    }
                }
            }
            kept.sort(java.util.Comparator.comparingInt(item -> item.index));
        }
        List<Pointer> at = new ArrayList<>();
        kept.forEach(item -> at.add(item.at));
        List<Problem> located = locate(planBytes, review.planSha256(), at);
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < kept.size(); i++) {
            Pending item = kept.get(i);
            ObjectNode result = result(results, rules, item.ruleId, item.level, item.message);
            Problem position = located.get(i);
            location(result, uri, position.line(), position.column());
            fingerprint(result, FINGERPRINT_REVIEW, uri, item.candidateId, item.ruleId);
            ObjectNode properties = result.putObject("properties");
            properties.put("pointer", Display.pointerForText(item.at.segments()));
            properties.put("candidate", Display.forJson(item.candidateId));
            properties.put("lane", item.lane);
            properties.put("failedCheckCount", item.failed.size());
            if (!item.lane.equals(WAITING_LANE)) {
                item.failed.forEach(properties.putArray("failedChecks")::add);
            }
        }
        if (!snapshot.warnings().isEmpty()) {
            rules.add(SNAPSHOT_WARNING_RULE, "snapshot warning",
                    "A warning of the snapshot the plan was generated from, repeated by the review.",
                    "The snapshot the plan was generated from has a warning (generation prints it too): a misspelt key can leave"
                            + " the plan without the candidates it should have. Fix the snapshot and regenerate.", tags("review", "snapshot"));
            String snapshotUri = uri(snapshot.source(), base);
            for (Problem warning : snapshot.warnings()) {
                ObjectNode result = result(results, rules, SNAPSHOT_WARNING_RULE, "warning",
                        warning.pointer() + ": " + Display.text(warning.message()));
                location(result, snapshotUri, warning.line(), warning.column());
                fingerprint(result, FINGERPRINT_VALIDATE, snapshotUri, warning.pointer(), warning.keyword());
            }
        }
        if (kept.size() < pending.size()) {
            omittedNote(results, rules, review.planName(), base, pending.size() - kept.size(), "review --format json");
        }
        return write(toolVersion, rules, results, REVIEW_AUTOMATION_ID, base);
    }

    /**
     * The SARIF log of a plan that is out of date for its snapshot, so not reviewed: one {@code error}
     * result (rule {@value #OUT_OF_DATE_RULE}) at the plan's first difference from what its snapshot
     * gives, so that an upload step has a document to upload and code scanning shows why.
     *
     * @param review a review whose plan was not current
     * @param toolVersion the version to record
     * @param planBytes the plan file's bytes, to give the result a line and column; null for none
     * @param base the folder file locations are relative to, when the file is inside it
     * @return the SARIF JSON text, ending with a newline
     * @throws IllegalArgumentException when the plan was current
     */
    public static String outOfDate(Review review, String toolVersion, byte @Nullable [] planBytes, Path base) {
        Objects.requireNonNull(toolVersion, "toolVersion");
        if (review.isCurrent()) {
            throw new IllegalArgumentException("the plan is current");
        }
        PlanComparison comparison = review.comparison();
        String uri = uri(review.planName(), base);
        Rules rules = new Rules();
        rules.add(OUT_OF_DATE_RULE, "plan out of date for its snapshot",
                "The plan is not what its snapshot gives (reviewers' fields aside), so it was not reviewed.",
                "The plan's content, apart from the reviewers' fields and its provenance, differs from the plan its snapshot gives:"
                        + " the snapshot changed after the plan was generated, or the plan was edited outside the reviewers' fields."
                        + " Regenerate the plan from the snapshot (the reviewers' fields are kept) and review it again.",
                tags("review"));
        Pointer pointer = Pointer.ROOT;
        for (String segment : comparison.pointerSegments()) {
            pointer = pointer.key(segment);
        }
        Problem position = planBytes == null ? locate(null, "", List.of(pointer)).get(0)
                : locate(planBytes, sha256(planBytes), List.of(pointer)).get(0);
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        String shown = comparison.displayPointer();
        ObjectNode result = result(results, rules, OUT_OF_DATE_RULE, "error", "the plan is out of date for its snapshot at " + shown
                + ": " + Display.text(comparison.difference()) + "; it was not reviewed: regenerate it from the snapshot");
        location(result, uri, position.line(), position.column());
        fingerprint(result, FINGERPRINT_REVIEW, uri, "", OUT_OF_DATE_RULE);
        result.putObject("properties").put("pointer", shown);
        return write(toolVersion, rules, results, REVIEW_AUTOMATION_ID, base);
    }

    /** A review result before its position is known. */
    private record Pending(int index, String candidateId, String lane, String ruleId, String level, String message, Pointer at,
            List<String> failed) {}

    private static Pending candidateResult(CandidateReview candidate, Rules rules) {
        Pointer candidatePointer = Pointer.ROOT.key("readback_candidates").index(candidate.index());
        String lane = candidate.lane();
        String ruleId = lane;
        Pointer at = null;
        String scannerParent = null;
        // A secret first (the first field where one was found), else a raw payload: the scanner rule that fired names the result.
        for (String wanted : List.of("secret", "raw-payload")) {
            for (int q = 0; q < candidate.quarantinedFields().size() && at == null; q++) {
                for (String fired : candidate.scannerRules().get(q)) {
                    if (at == null && parentOf(fired).equals(wanted)) {
                        at = Pointer.parse(candidate.quarantinedFields().get(q));
                        ruleId = Display.forJson(fired);
                        scannerParent = wanted;
                    }
                }
            }
        }
        if (at == null && !candidate.quarantinedFields().isEmpty()) {
            at = Pointer.parse(candidate.quarantinedFields().get(0));
        }
        if (at == null) {
            List<dev.readbackplan.internal.review.ReviewRules.Reason> reasons = candidate.reasons();
            // A rejected claim points at the evidence that makes it false; otherwise the first failed check's field.
            for (dev.readbackplan.internal.review.ReviewRules.Reason reason : reasons) {
                if (at == null && !reason.fields().isEmpty()
                        && (!lane.equals("reject_false_green_claim") || reason.check().equals("no_false_green"))) {
                    at = candidatePointer.key(reason.fields().get(0));
                }
            }
        }
        if (at == null) {
            at = candidatePointer.key("post_incident_readback_candidate_id");
        }
        if (scannerParent != null && !rules.has(ruleId)) {
            scannerRule(rules, ruleId, scannerParent);
        }
        String level = ERROR_LANES.contains(lane) ? "error" : lane.equals(WAITING_LANE) ? "note" : "warning";
        StringBuilder message = new StringBuilder();
        message.append(Display.pointerForText(candidatePointer.segments())).append(" (surface_id ")
                .append(Display.text(String.valueOf(candidate.surfaceId()))).append("): lane ").append(lane).append(". ");
        if (lane.equals(WAITING_LANE)) {
            message.append("No evidence field is filled in yet; ").append(candidate.failedChecks().size())
                    .append(" reviewer checks wait for evidence.");
        } else {
            int failed = candidate.reasons().size();
            message.append(failed).append(failed == 1 ? " reviewer check not met: " : " reviewer checks not met: ");
            List<String> parts = new ArrayList<>();
            candidate.reasons().forEach(reason -> parts.add(reason.check() + " (" + Display.text(reason.text()) + ")"));
            message.append(String.join("; ", parts)).append('.');
            if (!candidate.quarantinedFields().isEmpty()) {
                message.append(" Quarantined (values never shown): ");
                List<String> fields = new ArrayList<>();
                for (int q = 0; q < candidate.quarantinedFields().size(); q++) {
                    fields.add(Display.text(candidate.quarantineReasons().get(q)));
                }
                message.append(String.join("; ", fields)).append('.');
            }
        }
        return new Pending(candidate.index(), String.valueOf(candidate.candidateId()), lane, ruleId, level, message.toString(), at,
                candidate.failedChecks());
    }

    /** {@code secret} or {@code raw-payload}: what a built-in scanner rule finds; a custom rule finds secrets. */
    private static String parentOf(String ruleId) {
        for (dev.readbackplan.internal.secret.SecretScanner.Kind kind : dev.readbackplan.internal.secret.SecretScanner.rules()) {
            if (kind.ruleId().equals(ruleId)) {
                return kind.isSecret() ? "secret" : "raw-payload";
            }
        }
        return "secret";
    }

    private static void laneRule(Rules rules, Catalog.Lane lane, String checkList) {
        String explanation = Explanations.get().lane(lane.id());
        boolean error = ERROR_LANES.contains(lane.id());
        String help = "Outcome lane " + lane.id() + ": " + explanation + " Catalog meaning: " + lane.meaning()
                + " Fill the candidate's evidence fields with redacted references until every reviewer check passes;"
                + " review --format markdown lists each candidate's unmet checks with the catalog's instructions.";
        String markdown = "**Outcome lane `" + lane.id() + "`**: " + explanation + "\n\nCatalog meaning: " + lane.meaning()
                + "\n\nFill the candidate's evidence fields with redacted references (never a secret or a raw payload) until every"
                + " reviewer check passes; the result's message names the checks not met and why.\n\n" + checkList;
        ObjectNode rule = rules.add(lane.id(), "candidate in lane " + lane.id(), explanation, help,
                lane.id().equals("quarantine_raw_payload") ? tags("review", "security") : tags("review"));
        ((ObjectNode) rule.get("help")).put("markdown", markdown);
        if (lane.id().equals("quarantine_raw_payload")) {
            ((ObjectNode) rule.get("properties")).put("security-severity", "7.0");
        }
        rule.putObject("defaultConfiguration").put("level", error ? "error" : lane.id().equals(WAITING_LANE) ? "note" : "warning");
    }

    /** The reviewer checks with their English explanations, as a Markdown list. */
    private static String checkList() {
        StringBuilder list = new StringBuilder("Reviewer checks:\n\n");
        for (Catalog.Check check : Catalog.get().reviewerChecks()) {
            list.append("- `").append(check.id()).append("`: ").append(Explanations.get().check(check.id())).append('\n');
        }
        return list.toString();
    }

    private static void omittedNote(ArrayNode results, Rules rules, String source, Path base, long omitted, String full) {
        if (!rules.has(OMITTED_RULE)) {
            rules.add(OMITTED_RULE, "results left out", "Results were left out to stay within code scanning's limit of "
                    + MAX_RESULTS + " results per run.", "A run holds at most " + MAX_RESULTS + " results (GitHub code scanning's"
                            + " limit per run); the note counts the rest. The full report is in the JSON format.", tags("limit"));
        }
        String uri = uri(source, base);
        ObjectNode result = result(results, rules, OMITTED_RULE, "note", omitted + " more results not shown (the limit is " + MAX_RESULTS
                + " per run); " + full + " gives them all");
        location(result, uri, 0, 0);
        fingerprint(result, FINGERPRINT_VALIDATE, uri, "", OMITTED_RULE);
    }

    private static ArrayNode tags(String... tags) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        array.add("readback-plan");
        for (String tag : tags) {
            array.add(tag);
        }
        return array;
    }

    /** A fingerprint that depends on what the result is about, never on its position: a SHA-256 of the parts. */
    private static void fingerprint(ObjectNode result, String key, @Nullable String... parts) {
        result.putObject("partialFingerprints").put(key, sha256(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)));
    }

    /** The position of each pointer in the plan's bytes, or none when there are no bytes or they are not the reviewed plan's. */
    private static List<Problem> locate(byte @Nullable [] bytes, String sha256, List<Pointer> pointers) {
        List<Finding> findings = new ArrayList<>(pointers.size());
        pointers.forEach(pointer -> findings.add(Finding.error(pointer, "review", "")));
        if (bytes == null || !sha256(bytes).equals(sha256)) {
            return Locations.withoutPositions(findings);
        }
        return Locations.resolve(new StrictJsonReader(Limits.DEFAULT).factory(), bytes, bytes.length, findings);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static ObjectNode result(ArrayNode results, Rules rules, String ruleId, String level, String message) {
        ObjectNode result = results.addObject();
        result.put("ruleId", ruleId);
        result.put("ruleIndex", rules.index(ruleId));
        result.put("level", level);
        result.putObject("message").put("text", message);
        return result;
    }

    /**
     * A result's location: the file (relative to the base, or absolute; standard input by description
     * only) and a region, line 1 when the position is not known (code scanning needs a region).
     */
    private static void location(ObjectNode result, @Nullable String uri, int line, int column) {
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        if (uri == null) {
            // Standard input: a name no file of a repository has, which code scanning requires (never "%3Cstdin%3E").
            artifact.put("uri", STDIN_URI);
            artifact.putObject("description").put("text", "standard input");
        } else {
            artifact.put("uri", uri);
            if (!uri.startsWith("file:")) {
                artifact.put("uriBaseId", BASE_ID);
            }
        }
        ObjectNode region = physical.putObject("region");
        region.put("startLine", Math.max(line, 1));
        if (line > 0 && column > 0) {
            region.put("startColumn", column);
        }
    }

    private static String write(String toolVersion, Rules rules, ArrayNode results, String automationId, Path base) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode log = nodes.objectNode();
        log.put("$schema", SCHEMA_URI);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL_NAME);
        driver.put("version", Display.forJson(toolVersion));
        driver.put("informationUri", INFORMATION_URI);
        driver.set("rules", rules.array);
        run.putObject("automationDetails").put("id", automationId);
        run.putObject("originalUriBaseIds").putObject(BASE_ID).put("uri", baseUri(base));
        run.put("columnKind", "unicodeCodePoints");
        run.set("results", results);
        return PythonJsonWriter.reportText(log);
    }

    /** The base folder as an absolute {@code file:} URI ending with a slash, as {@code originalUriBaseIds} requires. */
    static String baseUri(Path base) {
        String uri = base.toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static Path currentFolder() {
        return Path.of("").toAbsolutePath();
    }

    /**
     * A file name as a URI reference: relative to {@code base} when the file is inside it (percent-encoded,
     * forward slashes; a relative name is taken relative to the current folder), else an absolute
     * {@code file:} URI; null for standard input ({@code <stdin>}), which {@link #location} names. A secret-shaped name is redacted first.
     */
    static @Nullable String uri(String source, Path base) {
        if (STDIN_NAME.equals(source)) {
            return null;
        }
        String shown = Display.forJson(source);
        if (!shown.equals(source)) {
            return encode(shown);
        }
        Path path;
        try {
            path = Path.of(source);
        } catch (InvalidPathException e) {
            return encode(source);
        }
        Path absoluteBase = base.toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(absoluteBase) && !absolute.equals(absoluteBase)) {
            Path relative = absoluteBase.relativize(absolute);
            List<String> parts = new ArrayList<>();
            relative.forEach(part -> parts.add(encode(part.toString())));
            return String.join("/", parts);
        }
        return absolute.toUri().toASCIIString();
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (and {@code /}, kept as a separator). */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
                    || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    /**
     * The SARIF rule of a secret scanner rule: a built-in row (described as in the README's table) or a
     * custom rule read with --secret-rules. Tagged {@code security} and its parent rule ({@code secret}
     * or {@code raw-payload}, also named in {@code properties.kind}), with a {@code security-severity}:
     * 9.0 (critical) for a secret, which must be rotated, 5.0 (medium) for a raw payload.
     */
    private static void scannerRule(Rules rules, String ruleId, String parent) {
        String description = null;
        for (dev.readbackplan.internal.secret.SecretScanner.Kind kind : dev.readbackplan.internal.secret.SecretScanner.rules()) {
            if (kind.ruleId().equals(ruleId)) {
                description = kind.description();
            }
        }
        String shown = Display.text(ruleId);
        String[] parentText = OWN_RULES.get(parent);
        String what = description != null ? description : "a secret of the custom rule " + shown;
        ObjectNode rule = rules.add(ruleId, what + " (" + parent + ")",
                "Found " + what + " where only a redacted reference belongs. " + Explanations.get().keyword(parent),
                "Secret scanner rule " + shown + (description != null ? " (built in: see the README's rule table)."
                        : " (a custom rule read with --secret-rules).") + " " + (parentText == null ? "" : parentText[1]),
                tags("security", parent));
        ObjectNode properties = (ObjectNode) rule.get("properties");
        properties.put("kind", parent);
        properties.put("security-severity", parent.equals("secret") ? "9.0" : "5.0");
        rule.putObject("defaultConfiguration").put("level", "error");
    }

    /** The texts of {@code texts} in the order of the keywords; fails when a keyword has none or a text no keyword. */
    public static Map<String, String[]> byKeyword(Map<String, String[]> texts) {
        Map<String, String[]> rules = new LinkedHashMap<>();
        Map<String, String[]> left = new LinkedHashMap<>(texts);
        for (Keyword keyword : Keyword.values()) {
            String[] text = left.remove(keyword.id());
            if (text == null) {
                throw new IllegalStateException("no SARIF rule text for the keyword " + keyword.id());
            }
            rules.put(keyword.id(), text);
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("SARIF rule texts for no keyword: " + left.keySet());
        }
        return rules;
    }

    public static Map<String, String[]> ownRules() {
        Map<String, String[]> rules = new LinkedHashMap<>();
        rules.put("syntax", new String[] {"not well-formed JSON",
                "The document is not well-formed JSON (RFC 8259) at the position given: a missing or trailing comma, a missing"
                        + " colon, an unquoted key, single quotes, text without double quotes, NaN or Infinity, or content after"
                        + " the document. Nothing after that point was checked."});
        rules.put("encoding", new String[] {"not UTF-8",
                "The document must be UTF-8 (a leading byte order mark is allowed): invalid byte sequences, unpaired"
                        + " surrogate escapes and UTF-16 or UTF-32 files are refused."});
        rules.put("limit", new String[] {"reading limit exceeded, or problems not shown",
                "The document exceeds a reading limit (size, nesting depth, string length, number length), or the report"
                        + " reached its problem limit and counts the rest (a note)."});
        rules.put("duplicate-key", new String[] {"duplicate key",
                "The same key appears twice in one object; JSON readers disagree on which value counts, so it is refused."});
        rules.put("duplicate-id", new String[] {"identifier repeated",
                "A surface_id, acceptance_candidate_id or plan candidate id appears twice; the plan's candidate ids would collide."});
        rules.put("candidate-id", new String[] {"candidate id does not follow from its surface_id",
                "A plan candidate's post_incident_readback_candidate_id must be the fixed prefix followed by its surface_id."});
        rules.put("summary-count", new String[] {"summary count disagrees with the candidates",
                "A summary count differs from what counting the candidates gives (a warning; an error with --strict)."});
        rules.put("unknown-property", new String[] {"unknown property close to a known one",
                "A snapshot property the schema does not define is a small edit away from one it does: probably a typo, whose"
                        + " value the generator then ignores (a warning). The message names the likely property."});
        rules.put("secret", new String[] {"secret-shaped string",
                "A string or key looks like a secret (a token, a private key, a password assignment, a URL with credentials,"
                        + " a webhook with its token). The value is never shown. Remove it, put a redacted reference in its"
                        + " place and rotate the secret."});
        rules.put("raw-payload", new String[] {"raw payload",
                "A string holds a raw JSON payload or a multi-line blob (a pasted config or log). Store a redacted reference"
                        + " to the evidence instead."});
        rules.put("kind", new String[] {"document kind unknown or mistaken",
                "The document has no schema_version, so it cannot be told whether it is a snapshot or a plan (name its kind"
                        + " with --kind); or it is of another kind than it was read as: a plan or review read as a snapshot (by"
                        + " its schema_version, a slip of one this tool writes, or most of the members only a plan has), or a"
                        + " snapshot read as a plan."});
        return rules;
    }

    /** The rules of a run, in order, with their indexes. */
    private static final class Rules {
        private final ArrayNode array = JsonNodeFactory.instance.arrayNode();
        private final Map<String, Integer> indexes = new LinkedHashMap<>();

        boolean has(String id) {
            return indexes.containsKey(id);
        }

        /** Adds a rule: short and full descriptions, a help text (also as Markdown: the same text) and tags. */
        ObjectNode add(String id, String shortDescription, String fullDescription, String help, ArrayNode tags) {
            indexes.put(id, array.size());
            ObjectNode rule = array.addObject();
            rule.put("id", id);
            rule.put("name", friendlyName(id));
            rule.putObject("shortDescription").put("text", shortDescription);
            rule.putObject("fullDescription").put("text", fullDescription);
            ObjectNode helpNode = rule.putObject("help");
            helpNode.put("text", help);
            helpNode.put("markdown", help);
            rule.putObject("properties").set("tags", tags);
            return rule;
        }

        int index(String id) {
            return Objects.requireNonNull(indexes.get(id), id);
        }

        /** The rule's id as one Pascal-case identifier, as SARIF recommends for {@code name}: {@code no_false_green} gives {@code NoFalseGreen}. */
        private static String friendlyName(String id) {
            StringBuilder name = new StringBuilder();
            boolean upper = true;
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                    name.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                } else {
                    upper = true;
                }
            }
            if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
                name.insert(0, "Rule");
            }
            // SARIF warns when the name only repeats the id (one word such as "syntax").
            return name.toString().equalsIgnoreCase(id) ? name + "Check" : name.toString();
        }
    }
}
