#!/usr/bin/env python3
"""Wall time and peak memory of the CLI against the reference generator, side by side.

Usage: bench/bench.py [--reference DIR] [--sizes 1,100,1000,10000] [--runs 10] [--warmup 2]
                      [--cli 'bin/monitoring-readback-plan'] [--keep DIR] [--review 10000]
                      [--validate 1,10000] [--ajv PATH]

For each size it writes a synthetic snapshot (with DIR/make_snapshot.py when the reference is
given, else with a small generator of its own), checks once that both programs write the same
bytes, then runs the two commands alternately, warm-up runs first, and prints the median wall time
of each, their ratio, and the peak RSS (resident set size) of each and their ratio. The CLI is run
exactly as the README tells users to: bin/monitoring-readback-plan, with JAVA_HOME choosing the JDK.
Wall time is measured around the whole process (fork to exit); peak RSS comes from wait4().

Then (--review N, default 10000; 0 skips it) it fills every candidate of the CLI's plan of an
N-candidate snapshot as reviewers would (every evidence field, with a spread of lanes), and runs
`review` of that filled plan and generation of the same plan alternately, and prints both medians
and their ratio (issue 16 sets 1.5 as the goal; issue 8 had set 2). `--sizes ''` with
`--review` runs only this part, which needs no reference generator. Peak RSS of both is kept, for
the issue's memory row (review's peak memory against generation's).

Then (--validate SIZES, default 1,10000; '' skips it), when ajv-cli is at hand (--ajv PATH, or $AJV,
else `ajv` on the PATH; install it outside the repository, for example
`npm install --prefix /tmp/ajv ajv-cli@5 ajv-formats@3 ajv@8` and pass /tmp/ajv/node_modules/.bin/ajv),
it runs the CLI's `validate PLAN` and `ajv validate --spec=draft2020 --strict=false -c ajv-formats
-s PLAN_SCHEMA -r SNAPSHOT_SCHEMA -d PLAN` alternately on the CLI's plan of a snapshot of each size
(both schemas given; --strict=false because the schemas carry jsonschema2pojo's keywords, which ajv's
strict mode refuses), and prints both medians and their ratio.

Last, every ratio of the run in one table, with the goal of issue 16 for each (the goals of the
one-candidate generation differ on JDK 17 and 25) and whether it is met.
"""
import argparse, filecmp, hashlib, json, os, platform, random, shlex, shutil, statistics, subprocess, sys, tempfile, time

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


def write_snapshot(path, n, maker):
    """A snapshot of n candidates (seed 7) at path: make_snapshot.py's when maker is a file, else own_snapshot's."""
    if os.path.isfile(maker):
        data = subprocess.run([sys.executable, maker, str(n), "--seed", "7"], capture_output=True, check=True).stdout
    else:
        data = own_snapshot(n, 7).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


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
    ap.add_argument("--validate", default="1,10000", help="plan sizes of the validate measurement against ajv-cli ('' skips it)")
    ap.add_argument("--ajv", default=os.environ.get("AJV") or shutil.which("ajv"),
                    help="ajv-cli's executable (or $AJV, else ajv on the PATH); without it no validate measurement")
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
    review_rows = None
    validate_rows = []
    validate_sizes = [int(x) for x in a.validate.split(",") if x]
    if validate_sizes and not (a.ajv and os.access(a.ajv, os.X_OK)):
        print("validate: no ajv-cli (--ajv PATH or $AJV), not measured\n")
        validate_sizes = []
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
            # Compared in chunks: a child forked from this process counts this process's resident set in
            # its own peak RSS, so the bench must never hold a plan (two 100 MB plans read whole made every
            # later child report at least 238 MiB).
            if not filecmp.cmp(os.path.join(folder, "cli.json"), os.path.join(folder, "reference.json"), shallow=False):
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
        for n in validate_sizes:
            validate_rows.append(bench_validate(a, cli, work, maker, n))
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    if review_rows:
        n, size, (gen, gen_rss), (rev, rev_rss) = review_rows
        print(f"\n| candidates | filled plan size | generation wall (median) | review wall (median) | review / generation "
              f"| generation peak RSS | review peak RSS | RSS ratio |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        print(f"| {n:,} | {size / 1e6:.1f} MB | {gen * 1000:.0f} ms | {rev * 1000:.0f} ms | {rev / gen:.2f} "
              f"| {gen_rss:.0f} MiB | {rev_rss:.0f} MiB | {rev_rss / gen_rss:.2f} |")
    if validate_rows:
        print("\n| candidates | plan size | CLI validate (median) | ajv-cli (median) | ratio | CLI peak RSS | ajv peak RSS |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for n, size, (cw, cm), (aw, am) in validate_rows:
            print(f"| {n:,} | {size / 1e6:.1f} MB | {cw * 1000:.0f} ms | {aw * 1000:.0f} ms | {cw / aw:.2f} | {cm:.0f} MiB | {am:.0f} MiB |")
    if rows:
        print("\n| candidates | plan size | CLI wall (median) | reference wall (median) | wall ratio | CLI peak RSS | reference peak RSS | RSS ratio |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n, size, (cw, cm), (rw, rm) in rows:
            print(f"| {n:,} | {size / 1e6:.1f} MB | {cw * 1000:.0f} ms | {rw * 1000:.0f} ms | {cw / rw:.2f} | "
                  f"{cm:.0f} MiB | {rm:.0f} MiB | {cm / rm:.2f} |")
    issue_table(rows, review_rows, validate_rows)


def java_feature():
    """The feature version of the JDK the launcher runs (JAVA_HOME's release file), or 0."""
    try:
        with open(os.path.join(os.environ.get("JAVA_HOME", ""), "release"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("JAVA_VERSION="):
                    return int(line.split("=", 1)[1].strip().strip('"').split(".")[0])
    except (OSError, ValueError):
        pass
    return 0


def issue_table(rows, review_rows, validate_rows):
    """Every ratio of this run beside the goal issue 16 sets for it, generation's and review's side by side."""
    feature = java_feature()
    goals = {1: 1.5 if feature >= 25 else 2.0, 100: 1.2, 1000: 0.4, 10000: 0.12}
    lines = []
    for n, _, (cw, _), (rw, _) in rows:
        if n in goals:
            lines.append((f"generation, {n:,} candidate{'s' if n != 1 else ''} / reference", cw / rw, goals[n]))
    if review_rows:
        n, _, (gen, gen_rss), (rev, rev_rss) = review_rows
        lines.append((f"review of a filled {n:,}-candidate plan / generation of it", rev / gen, 1.5))
        lines.append((f"peak RSS of that review / of that generation", rev_rss / gen_rss, 1.5))
    for n, _, (cw, _), (aw, _) in validate_rows:
        lines.append((f"validate of a {n:,}-candidate plan / ajv-cli", cw / aw, 0.3 if n == 1 else 0.5))
    if not lines:
        return
    print(f"\nIssue 16's table, this run (JDK {feature or 'unknown'}):\n")
    print("| measurement | ratio | goal | met |")
    print("|---|---:|---:|---|")
    for name, ratio, goal in lines:
        print(f"| {name} | {ratio:.2f} | ≤ {goal} | {'yes' if ratio <= goal else 'no'} |")


def ajv_command(ajv, plan):
    """ajv-cli's validation of a plan against the project's schemas, both given (see the module's docstring)."""
    schemas = os.path.join(PROJECT, "schemas")
    return [ajv, "validate", "--spec=draft2020", "--strict=false", "-c", "ajv-formats",
            "-s", os.path.join(schemas, "monitoring-post-incident-readback-plan-v1.schema.json"),
            "-r", os.path.join(schemas, "monitoring-owner-response-acceptance-snapshot.schema.json"), "-d", plan]


def bench_validate(a, cli, work, maker, n):
    """Median wall and peak RSS of the CLI's and ajv-cli's validation of the CLI's plan of n candidates."""
    folder = os.path.join(work, f"validate{n}")
    os.makedirs(folder, exist_ok=True)
    snapshot = os.path.join(folder, "snapshot.json")
    write_snapshot(snapshot, n, maker)
    plan = os.path.join(folder, "plan.json")
    run(cli + ["--root", folder, "--source-report", "snapshot.json", "--generated-at", GENERATED_AT,
               "--git-commit", "unknown", "--output", plan])
    ours = cli + ["validate", plan]
    theirs = ajv_command(a.ajv, plan)
    for _ in range(a.warmup):
        run(ours)
        run(theirs)
    samples = {"cli": [], "ajv": []}
    for i in range(a.runs):
        order = [("cli", ours), ("ajv", theirs)] if i % 2 == 0 else [("ajv", theirs), ("cli", ours)]
        for name, command in order:
            samples[name].append(run(command))
    med = {k: (statistics.median(w for w, _ in v), statistics.median(m for _, m in v)) for k, v in samples.items()}
    print(f"validate n={n}: cli {med['cli'][0] * 1000:.0f} ms / {med['cli'][1]:.0f} MiB, "
          f"ajv {med['ajv'][0] * 1000:.0f} ms / {med['ajv'][1]:.0f} MiB, ratio {med['cli'][0] / med['ajv'][0]:.2f}", flush=True)
    return n, os.path.getsize(plan), med["cli"], med["ajv"]


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
    write_snapshot(snapshot, n, maker)
    common = ["--root", folder, "--source-report", "snapshot.json"]
    generate = cli + common + ["--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", os.path.join(folder, "plan.json")]
    run(generate)
    filled = os.path.join(folder, "filled.json")
    # In a child: a child forked from this process would count this process's memory in its own peak
    # RSS (wait4 reports the largest resident set of the child, which starts as a copy of this one).
    subprocess.run([sys.executable, os.path.abspath(__file__), "--fill", os.path.join(folder, "plan.json"), filled], check=True)
    review = cli + ["review"] + common + ["--reviewed-at", GENERATED_AT, "--output", os.path.join(folder, "review.txt"), filled]
    for _ in range(a.warmup):
        run(generate)
        run(review)
    samples = {"generate": [], "review": []}
    for i in range(a.runs):
        order = [("generate", generate), ("review", review)] if i % 2 == 0 else [("review", review), ("generate", generate)]
        for name, command in order:
            samples[name].append(run(command))
    gen, rev = ((statistics.median(w for w, _ in samples[k]), statistics.median(m for _, m in samples[k])) for k in ("generate", "review"))
    print(f"review n={n}: generation {gen[0] * 1000:.0f} ms / {gen[1]:.0f} MiB, review {rev[0] * 1000:.0f} ms / {rev[1]:.0f} MiB, "
          f"ratio {rev[0] / gen[0]:.2f}", flush=True)
    return n, os.path.getsize(filled), gen, rev


def fill_file(source, target):
    with open(source, encoding="utf-8") as f:
        plan = fill(json.load(f))
    with open(target, "w", encoding="utf-8") as f:
        f.write(json.dumps(plan, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fill"] and len(sys.argv) == 4:
        fill_file(sys.argv[2], sys.argv[3])
    else:
        main()
