package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.Severity;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.schema.EvidenceFields;
import dev.readbackplan.internal.schema.PlanFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Sorts a plan's validation problems into quarantined evidence fields and errors that fail the plan:
 * an error inside an evidence field whose keyword only makes the value unredacted (a shape, a secret,
 * a raw payload) quarantines that field; any other error fails the plan. Immutable and thread-safe.
 */
public final class QuarantineSorter {
    /** Problems inside an evidence field with these keywords only make the value unredacted: they quarantine it. */
    private static final Set<String> QUARANTINING_KEYWORDS = Set.of("pattern", "type", "maxLength", "minLength", Keyword.SECRET.id(),
            Keyword.RAW_PAYLOAD.id());
    private static final String CANDIDATES = PlanFields.READBACK_CANDIDATES;

    /**
     * The quarantined evidence fields of one plan.
     *
     * @param keywords by candidate index and field, the keywords of the problems found there
     * @param scannerRules by candidate index and field, the secret scanner rules that fired there
     */
    public record Sorted(Map<Integer, Map<String, Set<String>>> keywords, Map<Integer, Map<String, Set<String>>> scannerRules) {}

    private final EvidenceFields fields;

    /**
     * A sorter for the evidence fields of the plan schema.
     *
     * @param fields the evidence-field vocabulary
     */
    public QuarantineSorter(EvidenceFields fields) {
        this.fields = fields;
    }

    /**
     * The problems that only quarantine an evidence value, taken out of a plan's report as they are
     * found: counted by candidate, field and keyword, without a ceiling and without keeping each one, so
     * that a plan with a million of them is reviewed like one with a few, and the report keeps its
     * limit for the problems that fail the plan. Thread-safe: the checks of a large plan run in parallel.
     */
    public final class Absorber implements Predicate<Finding> {
        private final Map<Integer, Map<String, Set<String>>> found = new ConcurrentHashMap<>();
        private final AtomicLong count = new AtomicLong();
        /** The scanner rules that fired, by candidate and field. */
        private final Map<Integer, Map<String, Set<String>>> scanned = new ConcurrentHashMap<>();

        private Absorber() {}

        @Override
        public boolean test(Finding finding) {
            if (finding.severity() != Severity.ERROR || !QUARANTINING_KEYWORDS.contains(finding.keyword())) {
                return false;
            }
            String[] at = evidenceField(finding.pointer().segments());
            if (at == null) {
                return false;
            }
            found.computeIfAbsent(Integer.parseInt(at[0]), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(at[1], k -> ConcurrentHashMap.newKeySet()).add(finding.keyword());
            if (finding.rule() != null) {
                scanned.computeIfAbsent(Integer.parseInt(at[0]), k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(at[1], k -> ConcurrentHashMap.newKeySet()).add(finding.rule());
            }
            count.incrementAndGet();
            return true;
        }

        /** @return how many problems were taken */
        public long count() {
            return count.get();
        }

        /**
         * What was taken at one candidate, sorted as {@link #sort} sorts it: for a plan reviewed as it
         * streams, each candidate's as soon as it is validated.
         *
         * @param index the candidate's index
         * @return its quarantined fields
         */
        public Sorted at(int index) {
            Map<String, Set<String>> keywords = new HashMap<>();
            found.getOrDefault(index, Map.of()).forEach((field, ids) -> keywords.put(field, new TreeSet<>(ids)));
            Map<String, Set<String>> rules = new HashMap<>();
            scanned.getOrDefault(index, Map.of()).forEach((field, ids) -> rules.put(field, new TreeSet<>(ids)));
            return new Sorted(keywords.isEmpty() ? Map.of() : Map.of(index, keywords), rules.isEmpty() ? Map.of() : Map.of(index, rules));
        }
    }

    /** {@return a new collector of quarantining problems, for one plan} */
    public Absorber absorber() {
        return new Absorber();
    }

    /**
     * Quarantined evidence fields by candidate index, field, and the keywords found there, from the
     * plan's report and from what {@code absorber} took out of it.
     *
     * @param report the plan's report
     * @param root the plan's tree, null when it could not be read
     * @param absorber what was taken out of the report while it was read, or null
     * @return the quarantined fields
     * @throws InvalidDocumentException when the report has any other error
     */
    public Sorted sort(ValidationReport report, @Nullable JsonNode root, @Nullable Absorber absorber) {
        Map<Integer, Map<String, Set<String>>> scannerRules = new HashMap<>();
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
        if (absorber != null) {
            absorber.found.forEach((index, fields) -> fields.forEach((field, keywords) -> quarantined
                    .computeIfAbsent(index, k -> new HashMap<>()).computeIfAbsent(field, k -> new TreeSet<>()).addAll(keywords)));
            absorber.scanned.forEach((index, fields) -> fields.forEach((field, ids) -> scannerRules
                    .computeIfAbsent(index, k -> new HashMap<>()).computeIfAbsent(field, k -> new TreeSet<>()).addAll(ids)));
        }
        return new Sorted(quarantined, scannerRules);
    }

    /** {index, field} when the pointer is an evidence field of a candidate or below one, else null. */
    private String @Nullable [] evidenceField(List<String> segments) {
        if (segments.size() < 3 || !segments.get(0).equals(CANDIDATES)) {
            return null;
        }
        String index = segments.get(1);
        if (index.isEmpty() || index.length() > 9 || !index.chars().allMatch(Character::isDigit)
                || index.length() > 1 && index.charAt(0) == '0') {
            return null;
        }
        String field = segments.get(2);
        return fields.all().contains(field) ? new String[] {index, field} : null;
    }
}
