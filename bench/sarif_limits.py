#!/usr/bin/env python3
"""Review SARIF of a large plan within GitHub code scanning's limits, with stable fingerprints (issue 15).

Usage: REFERENCE_DIR=... bench/sarif_limits.py [--size 20000] [--seed 7] [--jar JAR]
                                                [--multitool PATH] [--no-growth]

Writes a synthetic snapshot of --size candidates with the reference's make_snapshot.py (REFERENCE_DIR
names its folder), generates its plan with the CLI jar, reviews it with --format sarif, and checks:

- the log validates against the SARIF 2.1.0 schema (src/test/resources/schema, with the Python
  jsonschema package);
- at most 25,000 results in the run (GitHub keeps 25,000 per run), and the gzip size (GitHub takes
  uploads of up to 10 MB gzipped);
- every rule has fullDescription and help, every result a ruleId that its ruleIndex names,
  partialFingerprints, a URI and a region;
- unless --no-growth: a candidate added first to the snapshot, the plan regenerated (reviewers' entries
  kept) and reviewed again, every other candidate's result keeps its fingerprint and rule;
- with --multitool PATH (Microsoft SARIF Multitool's binary, e.g. from npm's @microsoft/sarif-multitool):
  `validate --rule-kind "Sarif;Gh;Ghas"` reports no error and no warning.

Prints one line per check with the sizes and wall times; exits 1 when a check fails. It takes minutes
for 20,000 candidates (a 200 MB plan), so it is a script, not a unit test.
"""
import argparse, gzip, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
SCHEMA = os.path.join(PROJECT, "src", "test", "resources", "schema", "sarif-schema-2.1.0.json")
MAX_RESULTS = 25000
GENERATED_AT = "2026-01-01T00:00:00+08:00"
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)


def timed(args, **kwargs):
    start = time.monotonic()
    done = subprocess.run(args, **kwargs)
    return done, time.monotonic() - start


def review_sarif(jar, root, out):
    with open(out, "wb") as sink:
        done, seconds = timed(["java", "-jar", jar, "review", "--root", root, "--format", "sarif", "--sarif-base", root,
                               "--reviewed-at", GENERATED_AT, os.path.join(root, "plan.json")], stdout=sink, stderr=subprocess.PIPE)
    check(done.returncode == 0, "review --format sarif exit %d in %.1f s" % (done.returncode, seconds))
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def by_candidate(log):
    return {r["properties"]["candidate"]: r for r in log["runs"][0]["results"] if "candidate" in r.get("properties", {})}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jar", default=os.path.join(PROJECT, "target", "monitoring-readback-plan-0.1.0-cli.jar"))
    ap.add_argument("--multitool")
    ap.add_argument("--no-growth", action="store_true")
    a = ap.parse_args()
    reference = os.environ.get("REFERENCE_DIR") or sys.exit("set REFERENCE_DIR to the reference generator's folder")
    with tempfile.TemporaryDirectory() as root:
        folder = os.path.join(root, "docs", "security")
        os.makedirs(folder)
        snapshot_file = os.path.join(folder, "monitoring-owner-response-acceptance.snapshot.json")
        text = subprocess.run([sys.executable, os.path.join(reference, "make_snapshot.py"), str(a.size), "--seed", str(a.seed)],
                              check=True, capture_output=True, text=True).stdout
        with open(snapshot_file, "w", encoding="utf-8") as f:
            f.write(text)
        generate = ["java", "-jar", a.jar, "--root", root, "--generated-at", GENERATED_AT, "--git-commit", "unknown",
                    "--output", os.path.join(root, "plan.json")]
        done, seconds = timed(generate, capture_output=True, text=True)
        check(done.returncode == 0, "generated a plan of %d candidates in %.1f s" % (a.size, seconds))
        sarif = os.path.join(root, "review.sarif")
        log = review_sarif(a.jar, root, sarif)
        run = log["runs"][0]
        results = run["results"]
        raw = os.path.getsize(sarif)
        with open(sarif, "rb") as f:
            packed = len(gzip.compress(f.read()))
        check(len(results) <= MAX_RESULTS, "%d results (limit %d), %.1f MB, %.2f MB gzipped (limit 10 MB)"
              % (len(results), MAX_RESULTS, raw / 1e6, packed / 1e6))
        check(packed < 10_000_000, "gzipped under 10 MB")
        try:
            import jsonschema
            with open(SCHEMA, encoding="utf-8") as f:
                schema = json.load(f)
            errors = list(jsonschema.Draft7Validator(schema).iter_errors(log))
            check(not errors, "SARIF 2.1.0 schema: %d errors %s" % (len(errors), [e.message for e in errors[:3]]))
        except ImportError:
            print("skip  SARIF 2.1.0 schema: the jsonschema package is not installed")
        rules = run["tool"]["driver"]["rules"]
        check(all(r.get("fullDescription", {}).get("text") and r.get("help", {}).get("text") for r in rules),
              "every rule has fullDescription and help (%d rules)" % len(rules))
        check(all(rules[r["ruleIndex"]]["id"] == r["ruleId"] and r.get("partialFingerprints")
                  and r["locations"][0]["physicalLocation"]["artifactLocation"].get("uri")
                  and r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results),
              "every result: ruleIndex names ruleId, partialFingerprints, URI, region")
        if a.multitool:
            out = os.path.join(root, "multitool.sarif")
            done, seconds = timed([a.multitool, "validate", "--rule-kind", "Sarif;Gh;Ghas", "--max-file-size-in-kb", "1000000",
                                   "-o", out, sarif], capture_output=True, text=True)
            flagged = [line for line in done.stdout.splitlines() if ": error " in line or ": warning " in line]
            check(done.returncode == 0 and not flagged, "Multitool Sarif;Gh;Ghas: exit %d, %d errors or warnings in %.1f s %s"
                  % (done.returncode, len(flagged), seconds, flagged[:3]))
        if not a.no_growth:
            before = by_candidate(log)
            snapshot = json.loads(text)
            first = dict(snapshot["acceptance_candidates"][0])
            first["surface_id"] = "aaa_added_before_the_others"
            first["acceptance_candidate_id"] = "monitoring_owner_response_acceptance:aaa_added_before_the_others"
            first["request_id"] = "monitoring_owner_request:aaa_added_before_the_others"
            snapshot["acceptance_candidates"].insert(0, first)
            summary = snapshot.get("summary")
            if summary is not None:
                summary["acceptance_candidate_count"] = len(snapshot["acceptance_candidates"])
                summary["write_capable_acceptance_candidate_count"] += 1 if first.get("write_capable_surface") is True else 0
                summary["live_evidence_required_candidate_count"] += 1 if first.get("requires_live_evidence") is True else 0
            with open(snapshot_file, "w", encoding="utf-8") as f:
                json.dump(snapshot, f, ensure_ascii=False, indent=2)
            done, seconds = timed(generate, capture_output=True, text=True)
            check(done.returncode == 0, "regenerated with one candidate more in %.1f s" % seconds)
            after = by_candidate(review_sarif(a.jar, root, sarif))
            changed = [c for c, r in before.items() if c not in after
                       or after[c]["partialFingerprints"] != r["partialFingerprints"] or after[c]["ruleId"] != r["ruleId"]]
            moved = sum(1 for c, r in before.items() if c in after and after[c]["locations"] != r["locations"])
            added = set(after) - set(before)
            check(not changed and added == {"monitoring_post_incident_readback:aaa_added_before_the_others"},
                  "fingerprints: %d of %d candidates kept theirs (%d moved lines), added %s, changed %s"
                  % (len(before) - len(changed), len(before), moved, sorted(added), changed[:3]))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
