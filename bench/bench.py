#!/usr/bin/env python3
"""Wall time and peak memory of the CLI against the reference generator, side by side.

Usage: bench/bench.py [--reference DIR] [--sizes 1,100,1000,10000] [--runs 10] [--warmup 2]
                      [--cli 'bin/monitoring-readback-plan'] [--keep DIR] [--review 10000]

For each size it writes a synthetic snapshot (with DIR/make_snapshot.py when the reference is
given, else with a small generator of its own), checks once that both programs write the same
bytes, then runs the two commands alternately, warm-up runs first, and prints the median wall time
of each, their ratio, and the peak RSS (resident set size) of each and their ratio. The CLI is run
exactly as the README tells users to: bin/monitoring-readback-plan, with JAVA_HOME choosing the JDK.
Wall time is measured around the whole process (fork to exit); peak RSS comes from wait4().

Then (--review N, default 10000; 0 skips it) it fills every candidate of the CLI's plan of an
N-candidate snapshot as reviewers would (every evidence field, with a spread of lanes), and runs
`review` of that filled plan and generation of the same plan alternately, and prints both medians
and their ratio (the target is a review no slower than twice the generation). `--sizes ''` with
`--review` runs only this part, which needs no reference generator.
"""
import argparse, hashlib, json, os, platform, random, shlex, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
GENERATED_AT = "2026-01-01T00:00:00+08:00"


def own_snapshot(n, seed):
    """A snapshot shaped like make_snapshot.py's, for when the reference is not at hand."""
    rnd = random.Random(seed)
    kinds = ["prometheus_alert_rules", "grafana_alert_rules", "reload_capable_script", "alertmanager_config",
             "receiver_route_config", "telegram_notifier", "exporter_config", "docs_only"]
    cands = []
    for i in range(n):
        kind = rnd.choice(kinds)
        surface = f"prometheus_{kind}_{i:05d}"
        cands.append({
            "acceptance_candidate_id": f"monitoring_owner_response_acceptance:{surface}",
            "request_id": f"monitoring_owner_request:{surface}", "surface_id": surface,
            "label": f"prometheus {kind} #{i}", "expected_scope": "owner_confirm_scope", "config_kind": kind,
            "observability_scope": "prometheus", "control_tier": "tier1_config",
            "repo_source_path": f"ops/prometheus/{kind}/{i}.yml",
            "repo_sha256": hashlib.sha256(f"{surface}:{rnd.random()}".encode()).hexdigest(),
            "source_line_count": rnd.randint(1, 2000), "write_capable_surface": rnd.random() < 0.4,
            "requires_live_evidence": rnd.random() < 0.6})
    return json.dumps({"schema_version": "monitoring_owner_response_acceptance_v1",
                       "status": "owner_response_acceptance_ready_no_runtime_action",
                       "acceptance_candidates": cands,
                       "summary": {"acceptance_candidate_count": n}}, ensure_ascii=False, indent=2) + "\n"


def run(command):
    """Wall seconds and peak RSS in MiB of one run; output discarded, failure fatal."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    err = process.stderr.read()
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {shlex.join(command)}\n{err.decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024.0


def describe_java():
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else shutil.which("java")
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.strip().splitlines()
    return out[0] if out else java


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", default=os.environ.get("REFERENCE_DIR"),
                    help="folder of monitoring_post_incident_readback_plan.py and make_snapshot.py (or $REFERENCE_DIR)")
    ap.add_argument("--sizes", default="1,100,1000,10000")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--cli", default=os.path.join(PROJECT, "bin", "monitoring-readback-plan"))
    ap.add_argument("--keep", help="keep the snapshots and outputs in this folder")
    ap.add_argument("--review", type=int, default=10000, help="candidates of the review measurement (0 skips it)")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",") if x]
    if sizes and (not a.reference or not os.path.isfile(os.path.join(a.reference, "monitoring_post_incident_readback_plan.py"))):
        sys.exit("bench: give --reference DIR (or REFERENCE_DIR): the folder of the reference generator")
    reference = os.path.join(a.reference, "monitoring_post_incident_readback_plan.py") if a.reference else None
    maker = os.path.join(a.reference, "make_snapshot.py") if a.reference else ""
    work = a.keep or tempfile.mkdtemp(prefix="bench-")
    os.makedirs(work, exist_ok=True)
    cli = shlex.split(a.cli)

    print(f"machine: {os.cpu_count()} cores, {cpu_model()}; {platform.system()} {platform.release()}")
    print(f"java: {describe_java()} (JAVA_HOME={os.environ.get('JAVA_HOME', 'unset')}); python: {platform.python_version()}")
    print(f"cli: {shlex.join(cli)}; reference: {os.path.basename(reference) if reference else 'none'}")
    print(f"runs: {a.warmup} warm-up + {a.runs} measured per program and size, alternating\n")
    rows = []
    try:
        for n in sizes:
            folder = os.path.join(work, f"n{n}")
            os.makedirs(folder, exist_ok=True)
            snapshot = os.path.join(folder, "snapshot.json")
            if os.path.isfile(maker):
                with open(snapshot, "wb") as f:
                    f.write(subprocess.run([sys.executable, maker, str(n), "--seed", "7"], capture_output=True, check=True).stdout)
            else:
                with open(snapshot, "w", encoding="utf-8") as f:
                    f.write(own_snapshot(n, 7))
            common = ["--root", folder, "--source-report", "snapshot.json", "--generated-at", GENERATED_AT]
            ours = cli + common + ["--output", os.path.join(folder, "cli.json")]
            theirs = [sys.executable, reference] + common + ["--output", os.path.join(folder, "reference.json")]
            for _ in range(a.warmup):
                run(ours)
                run(theirs)
            with open(os.path.join(folder, "cli.json"), "rb") as x, open(os.path.join(folder, "reference.json"), "rb") as y:
                if x.read() != y.read():
                    sys.exit(f"n={n}: the CLI and the reference wrote different plans")
            samples = {"cli": [], "reference": []}
            for i in range(a.runs):
                order = [("cli", ours), ("reference", theirs)] if i % 2 == 0 else [("reference", theirs), ("cli", ours)]
                for name, command in order:
                    samples[name].append(run(command))
            med = {k: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v)) for k, v in samples.items()}
            size = os.path.getsize(os.path.join(folder, "cli.json"))
            rows.append((n, size, med["cli"], med["reference"]))
            print(f"n={n}: cli {med['cli'][0] * 1000:.0f} ms / {med['cli'][1]:.0f} MiB, "
                  f"reference {med['reference'][0] * 1000:.0f} ms / {med['reference'][1]:.0f} MiB", flush=True)
        if a.review:
            review_rows = bench_review(a, cli, work, maker)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    if a.review:
        n, size, gen, rev = review_rows
        print(f"\n| candidates | filled plan size | generation wall (median) | review wall (median) | review / generation | target |")
        print("|---:|---:|---:|---:|---:|---:|")
        print(f"| {n:,} | {size / 1e6:.1f} MB | {gen * 1000:.0f} ms | {rev * 1000:.0f} ms | {rev / gen:.2f} | ≤ 2.0 |")
    if not rows:
        return

    print("\n| candidates | plan size | CLI wall (median) | reference wall (median) | wall ratio | CLI peak RSS | reference peak RSS | RSS ratio |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, size, (cw, cm), (rw, rm) in rows:
        print(f"| {n:,} | {size / 1e6:.1f} MB | {cw * 1000:.0f} ms | {rw * 1000:.0f} ms | {cw / rw:.2f} | "
              f"{cm:.0f} MiB | {rm:.0f} MiB | {cm / rm:.2f} |")


def fill(plan):
    """Every evidence field of every candidate filled, as reviewers would, with a spread of lanes."""
    refs = [k for k in plan["readback_candidates"][0] if k.endswith("_ref")] if plan["readback_candidates"] else []
    for i, c in enumerate(plan["readback_candidates"]):
        for ref in refs:
            c[ref] = f"artifact://evidence/2026/{i}/{ref}.json"
        c["monitoring_incident_or_change_ref"] = f"INC-{1000 + i}"
        c["maintenance_window"] = "2026-01-01 02:00-03:00 +08:00"
        c["rollback_owner"] = "sre-oncall"
        c["followup_owner"] = "observability-team"
        kind = i % 5
        if kind == 1:
            c["before_alert_state_ref"] = None
        elif kind == 2:
            c["receiver_receipt_readback_ref"] = c["receiver_route_state_ref"]
        elif kind == 3:
            c["reviewer_outcome"] = "waiting_runtime_gate"
        elif kind == 4:
            c["reviewer_outcome"] = "ready_for_monitoring_post_incident_review"
    return plan


def bench_review(a, cli, work, maker):
    n = a.review
    folder = os.path.join(work, f"review{n}")
    os.makedirs(folder, exist_ok=True)
    snapshot = os.path.join(folder, "snapshot.json")
    with open(snapshot, "w" if not os.path.isfile(maker) else "wb") as f:
        if os.path.isfile(maker):
            f.write(subprocess.run([sys.executable, maker, str(n), "--seed", "7"], capture_output=True, check=True).stdout)
        else:
            f.write(own_snapshot(n, 7))
    common = ["--root", folder, "--source-report", "snapshot.json"]
    generate = cli + common + ["--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", os.path.join(folder, "plan.json")]
    run(generate)
    with open(os.path.join(folder, "plan.json"), encoding="utf-8") as f:
        plan = fill(json.load(f))
    filled = os.path.join(folder, "filled.json")
    with open(filled, "w", encoding="utf-8") as f:
        f.write(json.dumps(plan, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    review = cli + ["review"] + common + ["--reviewed-at", GENERATED_AT, "--output", os.path.join(folder, "review.txt"), filled]
    for _ in range(a.warmup):
        run(generate)
        run(review)
    samples = {"generate": [], "review": []}
    for i in range(a.runs):
        order = [("generate", generate), ("review", review)] if i % 2 == 0 else [("review", review), ("generate", generate)]
        for name, command in order:
            samples[name].append(run(command)[0])
    gen, rev = statistics.median(samples["generate"]), statistics.median(samples["review"])
    print(f"review n={n}: generation {gen * 1000:.0f} ms, review {rev * 1000:.0f} ms, ratio {rev / gen:.2f}", flush=True)
    return n, os.path.getsize(filled), gen, rev


main()
