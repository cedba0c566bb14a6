package dev.readbackplan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.Limits;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Locations;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.review.PlanReviewer;
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
 * dashboards ingest: one run whose {@code tool.driver} is this tool with its rules, one result per
 * problem or review finding.
 *
 * <p>Every text taken from a document (file names, pointers, messages) goes through the same display
 * rules as the text report: secret-shaped keys and texts are redacted, long ones shortened, and
 * control, bidi and other invisible characters written as visible {@code \}{@code uXXXX} escapes
 * (SARIF viewers show {@code message.text} to people). Regions count columns in Unicode code points,
 * as the text report does, and the run says so with {@code columnKind: unicodeCodePoints}. File
 * locations are relative URIs (percent-encoded, forward slashes) when the file is inside the base
 * folder, else absolute {@code file:} URIs. Stateless and thread-safe.
 */
public final class SarifWriter {
    /** The tool's name, as {@code tool.driver.name}. */
    public static final String TOOL_NAME = "monitoring-readback-plan";
    /** Where people learn about the tool, as {@code tool.driver.informationUri}. */
    public static final String INFORMATION_URI = "https://monitoring-readback-plan.example/";
    /** The SARIF schema a report names in {@code $schema}. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /** Review checks whose failure means unredacted or misleading evidence in the plan: errors, not warnings. */
    private static final Set<String> ERROR_CHECKS = Set.of("redacted_refs_only", "secret_value_absent", "raw_payload_absent",
            "no_false_green");
    /** The rule of a quarantined evidence field in a review. */
    public static final String QUARANTINED_FIELD_RULE = "quarantined-field";
    /** The rule of a warning of the reviewed plan's snapshot, repeated in the review. */
    public static final String SNAPSHOT_WARNING_RULE = "snapshot-warning";

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
     * warning}), and one {@code note} (rule {@code limit}) per report with problems not shown. Rules:
     * this tool's own checks, then each JSON Schema keyword that failed.
     *
     * @param reports the reports, in order
     * @param toolVersion the version to record in {@code tool.driver.version}
     * @param base the folder file locations are relative to, when the file is inside it
     * @return the SARIF JSON text, ending with a newline
     */
    public static String validation(List<ValidationReport> reports, String toolVersion, Path base) {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Rules rules = new Rules();
        OWN_RULES.forEach((id, text) -> rules.add(id, text[0], text[1]));
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        for (ValidationReport report : reports) {
            String uri = uri(report.source(), base);
            for (Problem problem : report.problems()) {
                String keyword = problem.keyword();
                if (problem.rule() != null) {
                    // A secret or raw payload: the result names the scanner rule that fired.
                    keyword = problem.rule();
                    if (!rules.has(keyword)) {
                        scannerRule(rules, keyword, problem.keyword());
                    }
                } else if (!rules.has(keyword)) {
                    rules.add(keyword, "JSON Schema keyword " + keyword + " failed",
                            "The document does not satisfy the JSON Schema keyword \"" + keyword + "\" of its schema"
                                    + " (the snapshot or plan schema packaged with the tool). " + schemaHelp(keyword)
                                    + " The message says what the schema asks for; fix the value at the pointer.");
                }
                ObjectNode result = result(results, rules, keyword, problem.severity().label(),
                        problem.displayPointer() + ": " + Display.text(problem.message()));
                location(result, uri, problem.line(), problem.column());
                result.putObject("properties").put("pointer", problem.displayPointer());
            }
            if (report.omittedErrors() > 0 || report.omittedWarnings() > 0) {
                ObjectNode result = result(results, rules, Keyword.LIMIT.id(), "note", report.omittedErrors() + " more errors and "
                        + report.omittedWarnings() + " more warnings not shown (the first " + report.problems().size() + " are)");
                location(result, uri, 0, 0);
            }
        }
        return write(toolVersion, rules, results);
    }

    /**
     * The SARIF log of a review, file locations relative to the current folder; see {@link
     * #review(PlanReview, String, byte[], Path)}.
     *
     * @param review a current review
     * @param toolVersion the version to record
     * @param planBytes the plan file's bytes, to give each result a line and column; null for none
     * @return the SARIF JSON text, ending with a newline
     */
    public static String review(PlanReview review, String toolVersion, byte @Nullable [] planBytes) {
        return review(review, toolVersion, planBytes, currentFolder());
    }

    /**
     * The SARIF log of a review: one result per failed check of each candidate (rule: the check id;
     * level {@code error} for {@code redacted_refs_only}, {@code secret_value_absent}, {@code
     * raw_payload_absent} and {@code no_false_green}, which mean unredacted or misleading evidence,
     * {@code warning} for the others, which mean evidence still missing), and one {@code error} per
     * quarantined evidence field (rule {@value #QUARANTINED_FIELD_RULE}). Each result points at the
     * candidate, or at the quarantined field; with the plan's bytes (checked against the review's
     * {@code plan_sha256}, else ignored) it has a line and column.
     *
     * @param review a current review
     * @param toolVersion the version to record
     * @param planBytes the plan file's bytes, to give each result a line and column; null for none
     * @param base the folder file locations are relative to, when the file is inside it
     * @return the SARIF JSON text, ending with a newline
     * @throws IllegalStateException when the plan was not current, so not reviewed
     */
    public static String review(PlanReview review, String toolVersion, byte @Nullable [] planBytes, Path base) {
        Objects.requireNonNull(toolVersion, "toolVersion");
        List<PlanReviewer.CandidateReview> candidates = review.candidateReviews();
        String uri = uri(review.planName(), base);
        Map<String, String> instructions = new LinkedHashMap<>();
        ReadbackPlanner.catalog().reviewerChecks().forEach(check -> instructions.put(check.id(), check.instruction()));
        Rules rules = new Rules();
        instructions.forEach((id, instruction) -> rules.add(id, "reviewer check " + id + " not met",
                "A reviewer check of the readback plan: " + instruction + " Fill the candidate's evidence fields"
                        + " (redacted references only) until the check passes; see the review's Markdown report."));
        rules.add(QUARANTINED_FIELD_RULE, "evidence field quarantined",
                "An evidence field holds something other than a redacted reference (a secret-shaped string, a raw payload,"
                        + " a reference of another shape, an owner too long or empty). The candidate is quarantined; replace"
                        + " the value with a redacted reference and rotate any secret that was pasted. review --write sets it to null.");
        List<Pointer> at = new ArrayList<>();
        List<String[]> pending = new ArrayList<>();
        for (PlanReviewer.CandidateReview candidate : candidates) {
            Pointer candidatePointer = Pointer.ROOT.key("readback_candidates").index(candidate.index());
            String who = Display.pointerForText(candidatePointer.segments()) + " (surface_id "
                    + Display.text(String.valueOf(candidate.surfaceId())) + ", lane " + candidate.lane() + ")";
            for (dev.readbackplan.internal.review.ReviewRules.Reason reason : candidate.reasons()) {
                String check = reason.check();
                at.add(candidatePointer);
                pending.add(new String[] {check, ERROR_CHECKS.contains(check) ? "error" : "warning",
                        who + ": reviewer check " + check + " not met: " + Display.text(reason.text())});
            }
            for (int q = 0; q < candidate.quarantinedFields().size(); q++) {
                Pointer pointer = Pointer.parse(candidate.quarantinedFields().get(q));
                at.add(pointer);
                pending.add(new String[] {QUARANTINED_FIELD_RULE, "error",
                        Display.pointerForText(pointer.segments()) + ": quarantined: " + Display.text(candidate.quarantineReasons().get(q))
                                + " (the value is never shown)"});
            }
        }
        List<Problem> located = locate(planBytes, review.planSha256(), at);
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < pending.size(); i++) {
            String[] item = pending.get(i);
            ObjectNode result = result(results, rules, item[0], item[1], item[2]);
            Problem position = located.get(i);
            location(result, uri, position.line(), position.column());
            result.putObject("properties").put("pointer", Display.pointerForText(at.get(i).segments()));
        }
        ValidationReport snapshot = review.snapshotReport();
        if (!snapshot.warnings().isEmpty()) {
            rules.add(SNAPSHOT_WARNING_RULE, "snapshot warning",
                    "The snapshot the plan was generated from has a warning (generation prints it too): a misspelt key can leave"
                            + " the plan without the candidates it should have. Fix the snapshot and regenerate.");
            String snapshotUri = uri(snapshot.source(), base);
            for (Problem warning : snapshot.warnings()) {
                ObjectNode result = result(results, rules, SNAPSHOT_WARNING_RULE, "warning",
                        warning.displayPointer() + ": " + Display.text(warning.message()));
                location(result, snapshotUri, warning.line(), warning.column());
            }
        }
        return write(toolVersion, rules, results);
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

    private static void location(ObjectNode result, String uri, int line, int column) {
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri);
        if (line > 0) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", line);
            if (column > 0) {
                region.put("startColumn", column);
            }
        }
    }

    private static String write(String toolVersion, Rules rules, ArrayNode results) {
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
        run.put("columnKind", "unicodeCodePoints");
        run.set("results", results);
        return PythonJsonWriter.reportText(log);
    }

    private static Path currentFolder() {
        return Path.of("").toAbsolutePath();
    }

    /**
     * A file name as a URI reference: relative (to {@code base} when the file is inside it, or as
     * given when it is relative and does not climb out), percent-encoded with forward slashes; else an
     * absolute {@code file:} URI. A secret-shaped name is redacted first.
     */
    static String uri(String source, Path base) {
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
        if (!path.isAbsolute() && !path.normalize().startsWith("..") && !source.isEmpty()) {
            // A name that is not a path of this folder, such as <stdin>.
            return encode(source);
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
     * custom rule read with --secret-rules. Tagged {@code security}, with the parent rule ({@code secret}
     * or {@code raw-payload}) named in {@code properties.kind}.
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
        rules.add(ruleId, (description != null ? description : "a secret of the custom rule " + shown) + " (" + parent + ")",
                "Secret scanner rule " + shown + (description != null ? " (built in: see the README's rule table)."
                        : " (a custom rule read with --secret-rules).") + " " + (parentText == null ? "" : parentText[1]));
        rules.tag(ruleId, parent);
    }

    /** Short help for the JSON Schema keywords the schemas use. */
    private static String schemaHelp(String keyword) {
        return switch (keyword) {
            case "required" -> "A property the schema requires is missing from the object.";
            case "additionalProperties" -> "The object has a property the schema does not define.";
            case "type" -> "The value has another JSON type than the schema allows.";
            case "pattern" -> "A string does not have the shape the schema describes.";
            case "enum" -> "The value is not one of those the schema lists.";
            case "const" -> "The value differs from the one the schema fixes.";
            case "minLength", "maxLength" -> "A string is shorter or longer than the schema allows.";
            case "minimum", "maximum" -> "A number is outside the range the schema allows.";
            case "minItems", "maxItems", "uniqueItems" -> "A list does not have the length or uniqueness the schema asks for.";
            case "format" -> "A string is not in the format the schema names (such as an RFC 3339 date-time).";
            default -> "";
        };
    }

    /** The texts of {@code texts} in the order of the keywords; fails when a keyword has none or a text no keyword. */
    static Map<String, String[]> byKeyword(Map<String, String[]> texts) {
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

    static Map<String, String[]> ownRules() {
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

        void add(String id, String shortDescription, String help) {
            indexes.put(id, array.size());
            ObjectNode rule = array.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", shortDescription);
            rule.putObject("help").put("text", help);
        }

        /** Marks a scanner rule: tags {@code security} and its parent rule, which it refines. */
        void tag(String id, String parent) {
            ObjectNode properties = ((ObjectNode) array.get(index(id))).putObject("properties");
            properties.putArray("tags").add("security").add(parent);
            properties.put("kind", parent);
        }

        int index(String id) {
            return Objects.requireNonNull(indexes.get(id), id);
        }
    }
}
