package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.EvidenceFields;
import dev.readbackplan.internal.schema.ReadyLanes;
import dev.readbackplan.model.ReadbackCandidate.OutcomeLaneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The 28 reviewer checks and the 11 outcome lanes, applied to one candidate. The catalog (ids, order,
 * instructions, meanings) comes from the plan schema; the rules are code here, each mapped to a
 * catalog id, and building the rules fails when a catalog id has no rule or a rule no catalog id.
 * Immutable and thread-safe.
 */
public final class ReviewRules {
    // The lanes the rules pick by name, from the enumeration generated from the plan schema.
    static final String QUARANTINE = OutcomeLaneId.QUARANTINE_RAW_PAYLOAD.value();
    static final String REJECT = OutcomeLaneId.REJECT_FALSE_GREEN_CLAIM.value();
    static final String WAITING = OutcomeLaneId.WAITING_POST_INCIDENT_READBACK.value();
    static final String READY = OutcomeLaneId.READY_FOR_MONITORING_POST_INCIDENT_REVIEW.value();
    static final String RUNTIME_GATE = OutcomeLaneId.WAITING_RUNTIME_GATE.value();
    /**
     * The lanes a reviewer may claim, the evidence being complete: the ready lanes the review schema
     * declares. The rules end a complete candidate in {@link #READY} or {@link #RUNTIME_GATE} as claimed,
     * so building them fails unless those are exactly the declared ready lanes.
     */
    static final Set<String> CLAIMS = ReadyLanes.ids();

    static final String CURRENT = "source_owner_response_acceptance_current";
    static final String REDACTED = "redacted_refs_only";
    static final String SECRET = "secret_value_absent";
    static final String RAW = "raw_payload_absent";
    /** The problem keywords of the secret scanner. */
    private static final String SECRET_KEYWORD = Keyword.SECRET.id();
    private static final String RAW_KEYWORD = Keyword.RAW_PAYLOAD.id();
    static final String NO_FALSE_GREEN = "no_false_green";

    private static final String RECEIPT = "receiver_receipt_readback_ref";
    private static final String ROUTE = "receiver_route_state_ref";
    private static final String ALERT_CHAIN = "alert_chain_health_readback_ref";
    private static final String FRESHNESS = "dashboard_trace_log_freshness_ref";
    private static final String POSTCHECK = "postcheck_readback_ref";

    /** The checks that one filled field satisfies. */
    private static final Map<String, String> ONE_FIELD = linked(
            "incident_or_change_ref_present", "monitoring_incident_or_change_ref",
            "actor_attribution_present", "actor_attribution_ref",
            "change_or_outage_time_window_present", "change_or_outage_time_window_ref",
            "intent_or_break_glass_present", "change_intent_or_break_glass_ref",
            "rule_datasource_scrape_state_present", "rule_datasource_scrape_state_ref",
            "receiver_route_state_present", ROUTE,
            "reload_or_no_reload_called_out", "reload_or_no_reload_ref",
            "stale_pending_resolved_review_present", "stale_pending_resolved_review_ref",
            "silence_mute_dedup_inhibit_review_present", "silence_mute_dedup_inhibit_review_ref",
            "dashboard_trace_log_freshness_present", FRESHNESS,
            "notification_delivery_metadata_present", "notification_delivery_metadata_ref",
            "cross_project_sync_present", "cross_project_sync_ref",
            "post_change_monitoring_present", "post_change_monitoring_ref",
            "recurrence_guard_present", "recurrence_guard_ref",
            "maintenance_window_present", "maintenance_window",
            "noise_budget_owner_present", "followup_owner");

    /** The supplement lanes in the order they apply, each with the checks that lead there. */
    private static final Map<String, List<String>> SUPPLEMENT_LANES = linked(
            "request_actor_or_time_supplement", List.of("incident_or_change_ref_present", "actor_attribution_present",
                    "change_or_outage_time_window_present", "intent_or_break_glass_present", "reload_or_no_reload_called_out"),
            "request_alert_state_supplement", List.of("before_after_alert_state_present", "rule_datasource_scrape_state_present"),
            "request_receiver_receipt_supplement", List.of("receiver_route_state_present", "receiver_receipt_readback_present",
                    "notification_delivery_metadata_present"),
            "request_stale_silence_supplement", List.of("stale_pending_resolved_review_present",
                    "silence_mute_dedup_inhibit_review_present"),
            "request_freshness_or_alert_chain_supplement", List.of("dashboard_trace_log_freshness_present",
                    "alert_chain_health_not_route_only", "cross_project_sync_present", "rollback_or_disable_validation_present",
                    "post_change_monitoring_present", "postcheck_independent"),
            "recurrence_guard_backfill_required", List.of("recurrence_guard_present", "maintenance_window_present",
                    "noise_budget_owner_present"));

    /** What a check looks at. */
    interface Facts {
        JsonNode value(String field);

        boolean filled(String field);

        /** Whether a filled value has the plan schema's shape (and the validator found none out of shape). */
        boolean allShapesAllowed();

        boolean secretFound();

        boolean rawPayloadFound();

        boolean planCurrent();

        boolean gatesClosed();

        boolean countsZero();

        /**
         * The canonical form ({@link EvidenceReference#canonical}) of a filled field's text. A candidate's
         * facts compute it once per field: a field is compared with several others.
         */
        String canonical(String field);

        /** The validation keywords that quarantine a field's value (empty when its value is allowed). */
        Set<String> problems(String field);
    }

    /** Why a check failed: the fields it looked at and the rule they broke, in words (never a value). */
    public record Reason(String check, List<String> fields, String text) {}

    private final Catalog catalog;
    private final EvidenceFields fields;
    private final List<String> checkIds;
    private final Map<String, Integer> checkIndex = new HashMap<>();
    private final List<Predicate<Facts>> rules = new ArrayList<>();
    private final int noFalseGreen;
    /** Per supplement lane, in order, the indexes of its checks. */
    private final List<Map.Entry<String, BitSet>> supplements = new ArrayList<>();
    private final BitSet quarantineChecks = new BitSet();

    public ReviewRules(Engine engine, Catalog catalog) {
        this.catalog = catalog;
        this.fields = new EvidenceFields(engine, catalog.readbackFields());
        this.checkIds = catalog.reviewerChecks().stream().map(Catalog.Check::id).toList();
        Map<String, Predicate<Facts>> byId = rulesById();
        for (String id : checkIds) {
            Predicate<Facts> rule = byId.remove(id);
            if (rule == null) {
                throw new IllegalStateException("the catalog's check " + id + " has no review rule");
            }
            checkIndex.put(id, rules.size());
            rules.add(rule);
        }
        if (!byId.isEmpty()) {
            throw new IllegalStateException("review rules for checks the catalog does not have: " + byId.keySet());
        }
        noFalseGreen = index(NO_FALSE_GREEN);
        for (String check : List.of(REDACTED, SECRET, RAW)) {
            quarantineChecks.set(index(check));
        }
        List<String> lanes = new ArrayList<>(List.of(QUARANTINE, REJECT, WAITING));
        for (Map.Entry<String, List<String>> lane : SUPPLEMENT_LANES.entrySet()) {
            BitSet checks = new BitSet();
            lane.getValue().forEach(check -> checks.set(index(check)));
            supplements.add(Map.entry(lane.getKey(), checks));
            lanes.add(lane.getKey());
        }
        lanes.addAll(List.of(RUNTIME_GATE, READY));
        if (!CLAIMS.equals(Set.of(READY, RUNTIME_GATE))) {
            throw new IllegalStateException("the rules end complete candidates in " + READY + " or " + RUNTIME_GATE
                    + ", but the review schema's ready lanes are " + CLAIMS);
        }
        List<String> catalogLanes = catalog.outcomeLanes().stream().map(Catalog.Lane::id).sorted().toList();
        if (!catalogLanes.equals(lanes.stream().sorted().toList())) {
            throw new IllegalStateException("the review's lanes " + lanes + " are not the catalog's " + catalogLanes);
        }
        for (String field : ONE_FIELD.values()) {
            if (!fields.all().contains(field)) {
                throw new IllegalStateException("a review rule reads " + field + ", which is not an evidence field");
            }
        }
        for (String field : List.of(RECEIPT, ROUTE, ALERT_CHAIN, FRESHNESS, POSTCHECK, "before_alert_state_ref", "after_alert_state_ref",
                "rollback_or_disable_validation_ref")) {
            if (!fields.isRef(field)) {
                throw new IllegalStateException("a review rule reads " + field + ", which is not an evidence reference");
            }
        }
    }

    private int index(String check) {
        Integer i = checkIndex.get(check);
        if (i == null) {
            throw new IllegalStateException("the catalog has no check " + check);
        }
        return i;
    }

    private Map<String, Predicate<Facts>> rulesById() {
        Map<String, Predicate<Facts>> rules = new LinkedHashMap<>();
        rules.put(CURRENT, Facts::planCurrent);
        ONE_FIELD.forEach((check, field) -> rules.put(check, f -> f.filled(field)));
        rules.put("before_after_alert_state_present", f -> f.filled("before_alert_state_ref") && f.filled("after_alert_state_ref")
                && !same(f, "before_alert_state_ref", "after_alert_state_ref"));
        rules.put("receiver_receipt_readback_present", f -> f.filled(RECEIPT) && !same(f, RECEIPT, ROUTE));
        rules.put("alert_chain_health_not_route_only", f -> f.filled(ALERT_CHAIN) && !same(f, ALERT_CHAIN, ROUTE)
                && !same(f, ALERT_CHAIN, FRESHNESS));
        rules.put("rollback_or_disable_validation_present", f -> f.filled("rollback_or_disable_validation_ref") && f.filled("rollback_owner"));
        rules.put("postcheck_independent", f -> {
            if (!f.filled(POSTCHECK)) {
                return false;
            }
            for (String ref : fields.refs()) {
                if (!ref.equals(POSTCHECK) && same(f, POSTCHECK, ref)) {
                    return false;
                }
            }
            return true;
        });
        rules.put(REDACTED, Facts::allShapesAllowed);
        rules.put(SECRET, f -> !f.secretFound());
        rules.put(RAW, f -> !f.rawPayloadFound());
        // Its last part (no claim while another check fails) is applied once the others are known.
        rules.put(NO_FALSE_GREEN, f -> !(f.filled(RECEIPT) && same(f, RECEIPT, ROUTE))
                && !(f.filled(ALERT_CHAIN) && (same(f, ALERT_CHAIN, ROUTE) || same(f, ALERT_CHAIN, FRESHNESS))));
        rules.put("runtime_stays_zero", Facts::gatesClosed);
        rules.put("counts_transition_safe", Facts::countsZero);
        return rules;
    }

    /** Two fields hold the same filled evidence: one reference, however spelt (see {@link EvidenceReference}). */
    static boolean same(Facts facts, String a, String b) {
        if (!facts.filled(a) || !facts.filled(b)) {
            return false;
        }
        JsonNode x = facts.value(a);
        JsonNode y = facts.value(b);
        if (x.isTextual() && y.isTextual()) {
            return EvidenceReference.sameCanonical(facts.canonical(a), facts.canonical(b));
        }
        return Objects.equals(x, y);
    }

    public EvidenceFields fields() {
        return fields;
    }

    public List<String> checkIds() {
        return checkIds;
    }

    /** The checks a candidate fails, as indexes in catalog order. */
    BitSet failed(Facts facts, String claim) {
        BitSet failed = new BitSet(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            if (!rules.get(i).test(facts)) {
                failed.set(i);
            }
        }
        if (claim != null) {
            BitSet others = (BitSet) failed.clone();
            others.clear(noFalseGreen);
            if (!others.isEmpty()) {
                failed.set(noFalseGreen);
            }
        }
        return failed;
    }

    /** Why each failed check failed, in catalog order: the fields it looked at and the rule they broke. */
    List<Reason> reasons(BitSet failed, Facts facts, String claim) {
        List<Reason> reasons = new ArrayList<>(failed.cardinality());
        failed.stream().forEach(i -> reasons.add(reason(checkIds.get(i), facts, failed, claim)));
        return reasons;
    }

    private Reason reason(String check, Facts f, BitSet failed, String claim) {
        String field = ONE_FIELD.get(check);
        if (field != null) {
            return notFilled(check, f, List.of(field));
        }
        switch (check) {
            case "before_after_alert_state_present":
                return missingOrSame(check, f, "before_alert_state_ref", "after_alert_state_ref",
                        "the state before and the state after must be two readbacks");
            case "receiver_receipt_readback_present":
                return f.filled(RECEIPT) ? sameEvidence(check, RECEIPT, ROUTE, "a route is not a receipt")
                        : notFilled(check, f, List.of(RECEIPT));
            case "alert_chain_health_not_route_only": {
                if (!f.filled(ALERT_CHAIN)) {
                    return notFilled(check, f, List.of(ALERT_CHAIN));
                }
                String other = same(f, ALERT_CHAIN, ROUTE) ? ROUTE : FRESHNESS;
                return sameEvidence(check, ALERT_CHAIN, other, "alert-chain health must be read back, not the route or a dashboard");
            }
            case "rollback_or_disable_validation_present":
                return notFilled(check, f, List.of("rollback_or_disable_validation_ref", "rollback_owner"));
            case "postcheck_independent": {
                if (!f.filled(POSTCHECK)) {
                    return notFilled(check, f, List.of(POSTCHECK));
                }
                for (String ref : fields.refs()) {
                    if (!ref.equals(POSTCHECK) && same(f, POSTCHECK, ref)) {
                        return sameEvidence(check, POSTCHECK, ref, "the postcheck must be evidence of its own");
                    }
                }
                break;
            }
            case REDACTED:
                return quarantined(check, f, k -> !k.equals(SECRET_KEYWORD) && !k.equals(RAW_KEYWORD), null);
            case SECRET:
                return quarantined(check, f, SECRET_KEYWORD::equals, "holds a secret-shaped string (rotate it)");
            case RAW:
                return quarantined(check, f, RAW_KEYWORD::equals, "holds a raw payload (config, alert, receiver payload or log)");
            case NO_FALSE_GREEN: {
                List<String> involved = new ArrayList<>();
                List<String> parts = new ArrayList<>();
                if (f.filled(RECEIPT) && same(f, RECEIPT, ROUTE)) {
                    involved.addAll(List.of(RECEIPT, ROUTE));
                    parts.add(RECEIPT + " and " + ROUTE + " hold the same evidence: a route is not a receipt");
                }
                if (f.filled(ALERT_CHAIN)) {
                    for (String other : List.of(ROUTE, FRESHNESS)) {
                        if (same(f, ALERT_CHAIN, other)) {
                            involved.addAll(List.of(ALERT_CHAIN, other));
                            parts.add(ALERT_CHAIN + " and " + other + " hold the same evidence: route-only or dashboard-only health");
                        }
                    }
                }
                if (claim != null) {
                    BitSet others = (BitSet) failed.clone();
                    others.clear(noFalseGreen);
                    if (!others.isEmpty()) {
                        involved.add("reviewer_outcome");
                        parts.add("reviewer_outcome claims " + claim + " while " + others.cardinality()
                                + (others.cardinality() == 1 ? " other check fails" : " other checks fail") + ": "
                                + String.join(", ", ids(others)));
                    }
                }
                return new Reason(check, List.copyOf(new java.util.LinkedHashSet<>(involved)), String.join("; ", parts));
            }
            case "runtime_stays_zero":
                return new Reason(check, List.of(), "a runtime gate or authorization is not false, or not_approval is not true");
            case "counts_transition_safe":
                return new Reason(check, List.of(), "an accepted or received flag, or a summary count, is not 0");
            case CURRENT:
                return new Reason(check, List.of(), "the plan is not current for its snapshot");
            default:
                break;
        }
        return new Reason(check, List.of(), "the check's rule is not met");
    }

    /** What is wrong with a quarantined field, from the keywords found at it: its shape (with the accepted shapes), a secret, a raw payload. */
    String quarantineReason(String field, Set<String> keywords) {
        List<String> parts = new ArrayList<>();
        List<String> shape = keywords.stream().filter(k -> !k.equals(SECRET_KEYWORD) && !k.equals(RAW_KEYWORD)).sorted().toList();
        if (keywords.contains(SECRET_KEYWORD)) {
            parts.add("holds a secret-shaped string (rotate it)");
        }
        if (keywords.contains(RAW_KEYWORD)) {
            parts.add("holds a raw payload (config, alert, receiver payload or log)");
        }
        if (!shape.isEmpty()) {
            parts.add(fields.shapeProblem(field, shape));
        }
        return field + " " + String.join("; ", parts);
    }

    private Reason notFilled(String check, Facts f, List<String> looked) {
        List<String> missing = new ArrayList<>();
        for (String field : looked) {
            if (!f.filled(field)) {
                missing.add(field);
            }
        }
        List<String> shown = missing.isEmpty() ? looked : missing;
        boolean assignment = shown.stream().noneMatch(fields::isRef);
        String what = assignment ? "names nobody (empty, no letter or digit, or a placeholder word)" : "is not filled";
        String verb = shown.size() == 1 ? what : what.replaceFirst("^names", "name").replaceFirst("^is", "are");
        return new Reason(check, shown, String.join(" and ", shown) + " " + verb);
    }

    private Reason missingOrSame(String check, Facts f, String a, String b, String rule) {
        if (!f.filled(a) || !f.filled(b)) {
            return notFilled(check, f, List.of(a, b).stream().filter(x -> !f.filled(x)).toList());
        }
        return sameEvidence(check, a, b, rule);
    }

    private static Reason sameEvidence(String check, String a, String b, String rule) {
        return new Reason(check, List.of(a, b), a + " and " + b + " hold the same evidence: " + rule);
    }

    private Reason quarantined(String check, Facts f, Predicate<String> keyword, String fixed) {
        List<String> at = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String field : fields.all()) {
            List<String> found = f.problems(field).stream().filter(keyword).sorted().toList();
            if (!found.isEmpty()) {
                at.add(field);
                parts.add(field + " " + (fixed != null ? fixed : fields.shapeProblem(field, found)));
            }
        }
        return new Reason(check, at, "quarantined: " + String.join("; ", parts));
    }

    /** The lane of a candidate: the first that applies. */
    String lane(BitSet failed, boolean anyFilled, String claim) {
        if (failed.intersects(quarantineChecks)) {
            return QUARANTINE;
        }
        if (failed.get(noFalseGreen)) {
            return REJECT;
        }
        if (!anyFilled) {
            return WAITING;
        }
        for (Map.Entry<String, BitSet> lane : supplements) {
            if (failed.intersects(lane.getValue())) {
                return lane.getKey();
            }
        }
        if (!failed.isEmpty()) {
            // Only the currency, gate and count checks are left, and a reviewed plan passes them all.
            throw new IllegalStateException("a candidate fails " + ids(failed) + ", which lead to no lane");
        }
        return RUNTIME_GATE.equals(claim) ? RUNTIME_GATE : READY;
    }

    List<String> ids(BitSet checks) {
        List<String> ids = new ArrayList<>(checks.cardinality());
        checks.stream().forEach(i -> ids.add(checkIds.get(i)));
        return ids;
    }

    /**
     * The claim of a candidate: its {@code reviewer_outcome} when that is one of the two claim lanes.
     * {@code status} is the tool's own record (what {@code review --write} writes), never a claim.
     */
    static String claim(JsonNode candidate) {
        String outcome = candidate.path("reviewer_outcome").textValue();
        return outcome != null && CLAIMS.contains(outcome) ? outcome : null;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> linked(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    Catalog catalog() {
        return catalog;
    }
}
