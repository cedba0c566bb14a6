#!/usr/bin/env python3
"""Regenerate the golden pairs under src/test/resources/golden/ with the reference generator.

Usage: regenerate_golden.py REFERENCE_DIR

REFERENCE_DIR holds monitoring_post_incident_readback_plan.py and make_snapshot.py. Each case gets
snapshot.json (the input), plan.json (the reference's output with a fixed --generated-at, run
outside any git repository so that git_commit is "unknown") and stderr.txt (its summary line).
The tests read these files only; they never run Python.
"""
import json, os, pathlib, shutil, subprocess, sys, tempfile

GENERATED_AT = "2026-01-01T00:00:00+08:00"
HERE = pathlib.Path(__file__).resolve().parent
GOLDEN = HERE.parent / "resources" / "golden"
EXAMPLE = HERE.parents[2] / "examples" / "docs" / "security" / "monitoring-owner-response-acceptance.snapshot.json"

GENERATED = (
    [("plain-%02d-n%d" % (seed, n), [str(n), "--seed", str(seed)]) for seed, n in
     [(1, 1), (2, 2), (3, 3), (4, 5), (5, 8), (6, 13), (7, 21), (8, 40), (9, 64), (10, 100)]]
    + [("weird-%02d-n%d" % (seed, n), [str(n), "--seed", str(seed), "--weird"]) for seed, n in
       [(11, 1), (12, 4), (13, 7), (14, 12), (15, 19), (16, 25), (17, 33), (18, 60), (19, 2), (20, 45)]]
    + [("no-summary-%02d-n%d" % (seed, n), [str(n), "--seed", str(seed), "--no-summary"]) for seed, n in
       [(21, 3), (22, 9)]]
    + [("no-summary-weird-%02d-n%d" % (seed, n), [str(n), "--seed", str(seed), "--no-summary", "--weird"]) for seed, n in
       [(23, 5), (24, 11)]]
    + [("zero-candidates", ["0", "--seed", "31"]), ("zero-candidates-no-summary", ["0", "--seed", "32", "--no-summary"])]
)

SHA = "0123456789abcdef" * 4

def candidate(i, **overrides):
    c = {
        "acceptance_candidate_id": f"monitoring_owner_response_acceptance:edge_{i}",
        "request_id": f"monitoring_owner_request:edge_{i}",
        "surface_id": f"edge_{i}",
        "label": f"edge case {i}",
        "expected_scope": "owner_confirm_scope",
        "config_kind": "prometheus_alert_rules",
        "observability_scope": "prometheus",
        "control_tier": "tier1_config",
        "repo_source_path": f"ops/edge/{i}.yml",
        "repo_sha256": SHA,
        "source_line_count": i,
        "write_capable_surface": i % 2 == 0,
        "requires_live_evidence": i % 3 == 0,
    }
    c.update(overrides)
    return c

# Hand-written edge cases, as JSON text so that number spellings survive.
HANDWRITTEN = {
    "edge-integral-floats": json.dumps({
        "schema_version": "monitoring_owner_response_acceptance_v1",
        "status": "ready",
        "acceptance_candidates": [candidate(1), candidate(2), candidate(3)],
        "summary": {"acceptance_candidate_count": 3, "write_capable_acceptance_candidate_count": 1,
                    "live_evidence_required_candidate_count": 1, "reviewer_check_count": 24},
    }, indent=2).replace('"source_line_count": 1,', '"source_line_count": 5.0,')
        .replace('"source_line_count": 2,', '"source_line_count": 1e2,')
        .replace('"source_line_count": 3,', '"source_line_count": -0.0,')
        .replace('"reviewer_check_count": 24', '"reviewer_check_count": 2.4e1, "blocked_action_count": 9007199254740991'),
    "edge-null-and-absent-provenance": json.dumps({
        "schema_version": None,
        "acceptance_candidates": [candidate(4, config_kind="host_deploy_script"), candidate(5, config_kind="signoz_alert_rules")],
    }, indent=2),
    "edge-no-candidates-key": json.dumps({"status": None, "summary": {}}, indent=2),
    "edge-unknown-properties": json.dumps({
        "schema_version": "monitoring_owner_response_acceptance_v2",
        "status": "extended",
        "upstream_only": {"nested": [1, 2.5, {"deep": None}], "\U0001F6A8 emoji key": True, "\ue000 private use": "x"},
        "acceptance_candidates": [dict(candidate(6, config_kind="reload_capable_script"), owner_note="ignored", extra_count=3.25)],
        "summary": {"acceptance_candidate_count": 1, "unlisted_count": 7},
    }, ensure_ascii=False, indent=2),
    "edge-unicode-strings": json.dumps({
        "schema_version": "monitoring_owner_response_acceptance_v1",
        "status": "ready \u2028 line separator \u0085 next line \u007f delete",
        "acceptance_candidates": [
            candidate(7, label="控制字元 \u0000\u0001\u001b\u001f tab\t cr\r lf\n end", repo_source_path="ops/監控/𝄞 music/\U0001F6A8.yml"),
            candidate(8, label="quotes \" backslash \\ slash / solidus", expected_scope="\ud7ff\ue000\uffff", surface_id="edge_8_\u00e9\u0301"),
        ],
    }, ensure_ascii=False, indent=2),
}


def run_reference(reference, snapshot_text, case_dir):
    case_dir.mkdir(parents=True, exist_ok=True)
    (case_dir / "snapshot.json").write_text(snapshot_text, encoding="utf-8")
    with tempfile.TemporaryDirectory() as work:  # outside any git repository: git_commit is "unknown"
        shutil.copy(case_dir / "snapshot.json", os.path.join(work, "snapshot.json"))
        out = os.path.join(work, "plan.json")
        r = subprocess.run([sys.executable, str(reference / "monitoring_post_incident_readback_plan.py"),
                            "--root", work, "--source-report", "snapshot.json", "--generated-at", GENERATED_AT,
                            "--output", out], capture_output=True, check=True)
        shutil.copy(out, case_dir / "plan.json")
        (case_dir / "stderr.txt").write_bytes(r.stderr)


def main():
    reference = pathlib.Path(sys.argv[1]).resolve()
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for name, args in GENERATED:
        text = subprocess.run([sys.executable, str(reference / "make_snapshot.py")] + args,
                              capture_output=True, check=True).stdout.decode("utf-8")
        run_reference(reference, text, GOLDEN / name)
    for name, text in HANDWRITTEN.items():
        run_reference(reference, text + "\n", GOLDEN / name)
    if EXAMPLE.exists():
        run_reference(reference, EXAMPLE.read_text(encoding="utf-8"), GOLDEN / "example")
    print(f"{len(list(GOLDEN.iterdir()))} cases in {GOLDEN}")


main()
