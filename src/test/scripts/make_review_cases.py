#!/usr/bin/env python3
"""Makes the review golden corpus (src/test/resources/review/) and the filled example plan.

Usage: src/test/scripts/make_review_cases.py [CLI command, default: java -jar target/monitoring-readback-plan-0.1.0-cli.jar]

Each case folder gets snapshot.json (candidates cloned from the example snapshot, one per surface id
below), plan.json (the CLI's plan of it, then filled in as a reviewer would), and the CLI's review:
expected.txt (standard output and error of `review`) and, when the review succeeds, expected.json.
The surface ids say what each candidate must come to, so the test checks the goldens on its own:
`expect-<lane>--...` must land in <lane>, `alone-<check>` must fail exactly <check>.
"""
import copy, json, os, shlex, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
EXAMPLE = os.path.join(PROJECT, "examples/docs/security/monitoring-owner-response-acceptance.snapshot.json")
OUT = os.path.join(PROJECT, "src/test/resources/review")
GENERATED_AT = "2026-01-01T00:00:00+08:00"
REVIEWED_AT = "2026-01-02T09:30:00+08:00"
CLI = shlex.split(sys.argv[1]) if len(sys.argv) > 1 else ["java", "-jar", os.path.join(PROJECT, "target/monitoring-readback-plan-0.1.0-cli.jar")]

REFS = ["monitoring_incident_or_change_ref", "actor_attribution_ref", "change_or_outage_time_window_ref",
        "change_intent_or_break_glass_ref", "before_alert_state_ref", "after_alert_state_ref",
        "rule_datasource_scrape_state_ref", "receiver_route_state_ref", "reload_or_no_reload_ref",
        "receiver_receipt_readback_ref", "stale_pending_resolved_review_ref", "silence_mute_dedup_inhibit_review_ref",
        "dashboard_trace_log_freshness_ref", "notification_delivery_metadata_ref", "alert_chain_health_readback_ref",
        "cross_project_sync_ref", "rollback_or_disable_validation_ref", "post_change_monitoring_ref",
        "postcheck_readback_ref", "recurrence_guard_ref"]
OWNERS = ["maintenance_window", "rollback_owner", "followup_owner"]
PENDING = "pending_post_incident_readback"


def dump(value):
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def full(surface):
    """Every evidence field filled with a distinct redacted reference or an owner."""
    fill = {}
    for i, ref in enumerate(REFS):
        fill[ref] = f"artifact://evidence/2026/{surface}/{ref}.json"
    fill["monitoring_incident_or_change_ref"] = "INC-2041"
    fill["change_intent_or_break_glass_ref"] = "CHG-2026-0042"
    fill["actor_attribution_ref"] = "acme/monitoring#314"
    fill["reload_or_no_reload_ref"] = "commit:3f9a2c1"
    fill["maintenance_window"] = "2026-01-01 02:00-03:00 +08:00, CHG-2026-0042"
    fill["rollback_owner"] = "sre-oncall"
    fill["followup_owner"] = "observability-team"
    return fill


def with_changes(surface, **changes):
    fill = full(surface)
    fill.update(changes)
    return fill


def nothing(surface):
    return {}


# (surface id, fill function, status, reviewer_outcome)
ALONE_FIELD = {
    "incident_or_change_ref_present": ("monitoring_incident_or_change_ref", None),
    "actor_attribution_present": ("actor_attribution_ref", None),
    "change_or_outage_time_window_present": ("change_or_outage_time_window_ref", None),
    "intent_or_break_glass_present": ("change_intent_or_break_glass_ref", None),
    "before_after_alert_state_present": ("after_alert_state_ref", None),
    "rule_datasource_scrape_state_present": ("rule_datasource_scrape_state_ref", None),
    "receiver_route_state_present": ("receiver_route_state_ref", None),
    "reload_or_no_reload_called_out": ("reload_or_no_reload_ref", None),
    "receiver_receipt_readback_present": ("receiver_receipt_readback_ref", None),
    "stale_pending_resolved_review_present": ("stale_pending_resolved_review_ref", None),
    "silence_mute_dedup_inhibit_review_present": ("silence_mute_dedup_inhibit_review_ref", None),
    "dashboard_trace_log_freshness_present": ("dashboard_trace_log_freshness_ref", None),
    "notification_delivery_metadata_present": ("notification_delivery_metadata_ref", None),
    "alert_chain_health_not_route_only": ("alert_chain_health_readback_ref", None),
    "cross_project_sync_present": ("cross_project_sync_ref", None),
    "rollback_or_disable_validation_present": ("rollback_or_disable_validation_ref", None),
    "post_change_monitoring_present": ("post_change_monitoring_ref", None),
    "postcheck_independent": ("postcheck_readback_ref", None),
    "recurrence_guard_present": ("recurrence_guard_ref", None),
    "maintenance_window_present": ("maintenance_window", PENDING),
    "noise_budget_owner_present": ("followup_owner", PENDING),
    "redacted_refs_only": ("post_change_monitoring_ref", "see the grafana board after the fix"),
    "secret_value_absent": ("rollback_owner", "password=hunter2-prod!"),
    "raw_payload_absent": ("followup_owner", '{"receiver":"telegram","alerts":[{"status":"firing"}]}'),
}


def alone_cases():
    cases = []
    for check, (field, value) in ALONE_FIELD.items():
        surface = f"alone-{check}"
        cases.append((surface, lambda s, f=field, v=value: with_changes(s, **{f: v}), None, None))
    # Same-reference variants, each failing one check alone.
    cases.append(("alone-before_after_alert_state_present--same-ref",
                  lambda s: with_changes(s, after_alert_state_ref=full(s)["before_alert_state_ref"]), None, None))
    cases.append(("alone-postcheck_independent--same-as-incident",
                  lambda s: with_changes(s, postcheck_readback_ref="INC-2041"), None, None))
    cases.append(("alone-rollback_or_disable_validation_present--owner-pending",
                  lambda s: with_changes(s, rollback_owner=PENDING), None, None))
    return cases


def lane_cases():
    return [
        ("expect-waiting_post_incident_readback--nothing-filled", nothing, None, None),
        ("expect-request_actor_or_time_supplement--no-actor", lambda s: with_changes(s, actor_attribution_ref=None), None, None),
        ("expect-request_alert_state_supplement--no-before", lambda s: with_changes(s, before_alert_state_ref=None), None, None),
        ("expect-request_receiver_receipt_supplement--no-delivery",
         lambda s: with_changes(s, notification_delivery_metadata_ref=None), None, None),
        ("expect-request_stale_silence_supplement--no-silence-review",
         lambda s: with_changes(s, silence_mute_dedup_inhibit_review_ref=None), None, None),
        ("expect-request_freshness_or_alert_chain_supplement--no-cross-project",
         lambda s: with_changes(s, cross_project_sync_ref=None), None, None),
        ("expect-quarantine_raw_payload--pasted-log", lambda s: with_changes(s, receiver_receipt_readback_ref="line1\nline2\nline3\nline4"),
         None, None),
        ("expect-reject_false_green_claim--receipt-is-route",
         lambda s: with_changes(s, receiver_receipt_readback_ref=full(s)["receiver_route_state_ref"]), None, None),
        ("expect-ready_for_monitoring_post_incident_review--complete", full, None, None),
        ("expect-recurrence_guard_backfill_required--no-guard", lambda s: with_changes(s, recurrence_guard_ref=None), None, None),
        ("expect-waiting_runtime_gate--claimed", full, None, "waiting_runtime_gate"),
    ]


def edge_cases():
    return [
        ("expect-reject_false_green_claim--claim-with-missing-field",
         lambda s: with_changes(s, post_change_monitoring_ref=None), None, "ready_for_monitoring_post_incident_review"),
        ("expect-waiting_post_incident_readback--status-is-not-a-claim-nothing-filled", nothing,
         "ready_for_monitoring_post_incident_review", None),
        ("expect-reject_false_green_claim--alert-chain-is-route",
         lambda s: with_changes(s, alert_chain_health_readback_ref=full(s)["receiver_route_state_ref"]), None, None),
        ("expect-reject_false_green_claim--alert-chain-is-freshness",
         lambda s: with_changes(s, alert_chain_health_readback_ref=full(s)["dashboard_trace_log_freshness_ref"]), None, None),
        ("expect-quarantine_raw_payload--quarantine-beats-claim",
         lambda s: with_changes(s, actor_attribution_ref="https://user:pa55word@grafana.example.com/d/x"), None,
         "ready_for_monitoring_post_incident_review"),
        ("expect-request_freshness_or_alert_chain_supplement--owners-pending",
         lambda s: with_changes(s, maintenance_window=PENDING, rollback_owner=PENDING, followup_owner=PENDING), None, None),
        ("expect-recurrence_guard_backfill_required--window-and-noise-owner-pending",
         lambda s: with_changes(s, maintenance_window=PENDING, followup_owner=PENDING), None, None),
        ("expect-request_actor_or_time_supplement--several-groups-missing",
         lambda s: with_changes(s, change_or_outage_time_window_ref=None, before_alert_state_ref=None,
                                receiver_receipt_readback_ref=None, recurrence_guard_ref=None), None, None),
        ("expect-request_actor_or_time_supplement--only-alert-state-filled",
         lambda s: {"before_alert_state_ref": "sha256:" + "a" * 64, "after_alert_state_ref": "sha256:" + "b" * 64}, None, None),
        ("expect-ready_for_monitoring_post_incident_review--status-is-not-a-claim", full, "waiting_runtime_gate", None),
        ("expect-ready_for_monitoring_post_incident_review--outcome-claim-beats-status", full, "waiting_runtime_gate",
         "ready_for_monitoring_post_incident_review"),
        ("expect-quarantine_raw_payload--owner-too-long", lambda s: with_changes(s, followup_owner="x" * 201), None, None),
        ("expect-quarantine_raw_payload--empty-window", lambda s: with_changes(s, maintenance_window=""), None, None),
        ("expect-quarantine_raw_payload--number-as-ref", lambda s: with_changes(s, recurrence_guard_ref=42), None, None),
        ("expect-quarantine_raw_payload--telegram-token-in-ref",
         lambda s: with_changes(s, receiver_route_state_ref="123456789:" + "A" * 35), None, None),
    ]


def fooled_cases():
    """Issue 13 items 1 and 2: one reference spelt two ways, owners and windows that name nobody."""
    route = "artifact://evidence/2026/route.json"
    return [
        ("expect-reject_false_green_claim--receipt-is-route-commit-prefix",
         lambda s: with_changes(s, receiver_route_state_ref="abc1234def", receiver_receipt_readback_ref="commit:abc1234def"), None, None),
        ("expect-reject_false_green_claim--alert-chain-is-route-dot-segment",
         lambda s: with_changes(s, receiver_route_state_ref=route, alert_chain_health_readback_ref="artifact://evidence/2026/./route.json"),
         None, None),
        ("expect-reject_false_green_claim--alert-chain-is-freshness-issue-case",
         lambda s: with_changes(s, dashboard_trace_log_freshness_ref="acme/monitoring#12",
                                alert_chain_health_readback_ref="Acme/Monitoring#012"), None, None),
        ("alone-before_after_alert_state_present--short-commit",
         lambda s: with_changes(s, before_alert_state_ref="abc1234", after_alert_state_ref="abc1234def"), None, None),
        ("alone-postcheck_independent--trailing-slash",
         lambda s: with_changes(s, postcheck_readback_ref=full(s)["recurrence_guard_ref"] + "/"), None, None),
        ("alone-postcheck_independent--parent-segment",
         lambda s: with_changes(s, postcheck_readback_ref=full(s)["recurrence_guard_ref"].replace("/2026/", "/2026/x/../")), None, None),
        ("alone-noise_budget_owner_present--zero-width", lambda s: with_changes(s, followup_owner="\u200b"), None, None),
        ("alone-noise_budget_owner_present--blank", lambda s: with_changes(s, followup_owner=" \t "), None, None),
        ("alone-maintenance_window_present--tbd", lambda s: with_changes(s, maintenance_window="TBD"), None, None),
        ("alone-maintenance_window_present--placeholder-upper-case",
         lambda s: with_changes(s, maintenance_window="PENDING_POST_INCIDENT_READBACK"), None, None),
        ("alone-rollback_or_disable_validation_present--owner-n-a", lambda s: with_changes(s, rollback_owner="n/a"), None, None),
        ("alone-rollback_or_disable_validation_present--owner-dash", lambda s: with_changes(s, rollback_owner="-"), None, None),
        ("expect-ready_for_monitoring_post_incident_review--status-written-by-the-tool-is-no-claim", full,
         "ready_for_monitoring_post_incident_review", "waiting_post_incident_readback"),
    ]


def snapshot_of(surfaces):
    example = json.load(open(EXAMPLE, encoding="utf-8"))
    template = example["acceptance_candidates"][0]
    candidates = []
    for surface in surfaces:
        c = copy.deepcopy(template)
        c["surface_id"] = surface
        c["acceptance_candidate_id"] = "monitoring_owner_response_acceptance:" + surface
        c["request_id"] = "monitoring_owner_request:" + surface
        candidates.append(c)
    example["acceptance_candidates"] = candidates
    for key in list(example.get("summary", {})):
        if key == "acceptance_candidate_count":
            example["summary"][key] = len(candidates)
    return example


def generate(snapshot_path):
    root = os.path.dirname(snapshot_path)
    run = subprocess.run(CLI + ["--root", root, "--source-report", os.path.basename(snapshot_path), "--generated-at", GENERATED_AT,
                                "--git-commit", "unknown"], capture_output=True, check=True)
    return json.loads(run.stdout)


def fill_plan(plan, cases):
    for candidate, (surface, fill, status, outcome) in zip(plan["readback_candidates"], cases):
        assert candidate["surface_id"] == surface
        candidate.update(fill(surface))
        if status:
            candidate["status"] = status
        if outcome:
            candidate["reviewer_outcome"] = outcome
    return plan


def review(folder, fmt):
    run = subprocess.run(CLI + ["review", "--root", folder, "--source-report", "snapshot.json", "--reviewed-at", REVIEWED_AT,
                                "--format", fmt, os.path.join(folder, "plan.json")], capture_output=True)
    out = run.stdout if fmt == "json" else run.stdout + run.stderr  # the JSON golden is the document alone
    return run.returncode, out.decode("utf-8").replace(os.path.join(folder, ""), "")


def make_case(name, cases, mutate_plan=None, mutate_snapshot=None):
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        os.remove(os.path.join(folder, old))
    snapshot = snapshot_of([c[0] for c in cases])
    snapshot_path = os.path.join(folder, "snapshot.json")
    open(snapshot_path, "w", encoding="utf-8").write(dump(snapshot))
    plan = fill_plan(generate(snapshot_path), cases)
    if mutate_plan:
        mutate_plan(plan)
    open(os.path.join(folder, "plan.json"), "w", encoding="utf-8").write(dump(plan))
    if mutate_snapshot:
        mutate_snapshot(snapshot)
        open(snapshot_path, "w", encoding="utf-8").write(dump(snapshot))
    status, text = review(folder, "text")
    open(os.path.join(folder, "expected.txt"), "w", encoding="utf-8").write(text)
    if status == 0:
        _, document = review(folder, "json")
        open(os.path.join(folder, "expected.json"), "w", encoding="utf-8").write(document)
    print(f"{name}: exit {status}")


def make_example():
    """The bundled example snapshot's plan, filled in as reviewers would, candidate by candidate."""
    with tempfile.TemporaryDirectory() as temp:
        snapshot_path = os.path.join(temp, "snapshot.json")
        open(snapshot_path, "w", encoding="utf-8").write(open(EXAMPLE, encoding="utf-8").read())
        plan = generate(snapshot_path)
    fills = [
        (full, None, "ready_for_monitoring_post_incident_review"),
        (lambda s: with_changes(s, before_alert_state_ref=None, after_alert_state_ref=None), None, None),
        (lambda s: with_changes(s, receiver_receipt_readback_ref=full(s)["receiver_route_state_ref"]), None,
         "ready_for_monitoring_post_incident_review"),
        (lambda s: with_changes(s, silence_mute_dedup_inhibit_review_ref=None, followup_owner=PENDING), None, None),
        (full, None, "waiting_runtime_gate"),
        (lambda s: with_changes(s, actor_attribution_ref=None, change_or_outage_time_window_ref=None), None, None),
        (lambda s: with_changes(s, recurrence_guard_ref=None), None, None),
        (lambda s: {"monitoring_incident_or_change_ref": "INC-2041"}, None, None),
        (lambda s: with_changes(s, postcheck_readback_ref=full(s)["reload_or_no_reload_ref"]), None, None),
        (nothing, None, None),
    ]
    for candidate, (fill, status, outcome) in zip(plan["readback_candidates"], fills):
        candidate.update(fill(candidate["surface_id"]))
        if status:
            candidate["status"] = status
        if outcome:
            candidate["reviewer_outcome"] = outcome
    path = os.path.join(PROJECT, "examples/docs/security/monitoring-post-incident-readback-plan.filled.json")
    open(path, "w", encoding="utf-8").write(dump(plan))
    # Run from the project with relative names: the review names the plan and snapshot as given.
    run = subprocess.run(CLI + ["review", "--root", "examples", "--format", "markdown", "--reviewed-at",
                                REVIEWED_AT, "--output", "examples/docs/security/monitoring-post-incident-readback-review.md",
                                os.path.relpath(path, PROJECT)], capture_output=True, check=True, cwd=PROJECT)
    print("example: written")


def main():
    make_case("lanes", lane_cases())
    make_case("checks-alone", alone_cases())
    make_case("edge", edge_cases())
    make_case("fooled", fooled_cases())

    def stale_label(snapshot):
        snapshot["acceptance_candidates"][0]["label"] = "Prometheus alert rules: renamed after the plan"
    make_case("out-of-date", [("expect-ready_for_monitoring_post_incident_review--stale", full, None, None)],
              mutate_snapshot=stale_label)

    def open_gate(plan):
        plan["readback_candidates"][0]["runtime_gate"] = True
    make_case("invalid-open-gate", [("expect-ready_for_monitoring_post_incident_review--gate-opened", full, None, None)],
              mutate_plan=open_gate)

    def unknown_lane(plan):
        plan["readback_candidates"][0]["reviewer_outcome"] = "approved"
    make_case("invalid-unknown-outcome", [("expect-ready_for_monitoring_post_incident_review--unknown-outcome", full, None, None)],
              mutate_plan=unknown_lane)
    make_example()


if __name__ == "__main__":
    main()
