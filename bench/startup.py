#!/usr/bin/env python3
"""Start-up profile of the CLI, phase by phase: wall time, classes loaded and classes initialised.

Usage: bench/startup.py [--runs 10] [--warmup 2] [--cli bin/monitoring-readback-plan]
                        [--modes cache,nocache] [--phases version,help,generate,validate,review]

Each phase is one small one-off command, as users run it: `--version`, `--help`, generation of a
one-candidate plan, `validate` of that plan and its snapshot, `review` of that plan, and the floor:
the same JVM with the launcher's options running `-version`. Each is run through the launcher
(JAVA_HOME chooses the JDK) in two modes, alternately, warm-up runs first:

  cache    the launcher as installed: its AppCDS archive (JDK 17) or AOT cache (JDK 25), trained on
           first use in a cache folder of this run's own;
  nocache  MRP_NO_CACHE=1: the same JVM options, no archive (a plain `java -jar` with them).

It prints the median wall time (fork to exit) and CPU time (user and system, which a busy machine
disturbs less) of each phase and mode, and from one more run with
JAVA_TOOL_OPTIONS=-Xlog:class+load,class+init (which the launcher leaves alone, and which is not part
of its cache key): the classes loaded, how many came from the archive, how many from the jar, and
the classes initialised, with the time from the JVM's first to its last class initialisation. The
budget column is the target of docs/performance.md; a phase over its budget is marked.
"""
import argparse, os, re, shlex, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
GENERATED_AT = "2026-01-01T00:00:00+08:00"

# Median wall time each phase should stay under through the launcher with its cache, on an idle
# 2-core machine (milliseconds), from issue 16's goals: generation of one candidate within 1.5 times
# the reference's 90 ms on JDK 25 (2.0 times on 17), validate within 0.3 times ajv-cli's 600 ms,
# review within 1.5 times generation; --version and --help, which read no schema, within the JVM's
# own start-up (the floor, printed for scale) plus a few dozen milliseconds.
BUDGET_MS = {"floor": None, "version": 100, "help": 100, "generate": 135, "validate": 180, "review": 200}
BUDGET_MS_BEFORE_25 = dict(BUDGET_MS, generate=180)

SNAPSHOT = """{
  "schema_version": "monitoring_owner_response_acceptance_v1",
  "status": "owner_response_acceptance_ready_no_runtime_action",
  "acceptance_candidates": [
    {
      "acceptance_candidate_id": "monitoring_owner_response_acceptance:prometheus_alert_rules_00000",
      "request_id": "monitoring_owner_request:prometheus_alert_rules_00000",
      "surface_id": "prometheus_alert_rules_00000",
      "label": "prometheus alert rules #0",
      "expected_scope": "owner_confirm_scope",
      "config_kind": "prometheus_alert_rules",
      "observability_scope": "prometheus",
      "control_tier": "tier1_config",
      "repo_source_path": "ops/prometheus/alert_rules/0.yml",
      "repo_sha256": "4f9c2a7d2e8a1b0c3d4e5f60718293a4b5c6d7e8f90123456789abcdef012345",
      "source_line_count": 42,
      "write_capable_surface": true,
      "requires_live_evidence": true
    }
  ],
  "summary": {"acceptance_candidate_count": 1}
}
"""


def run(command, env):
    """(wall seconds, CPU seconds) of one run; output discarded, failure fatal."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    err = process.stderr.read()
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"failed ({code}): {shlex.join(command)}\n{err.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def classes(command, env, log):
    """(loaded, from the archive, from the jar, initialised, first-to-last initialisation ms) of one run."""
    if os.path.exists(log):
        os.remove(log)
    traced = dict(env, JAVA_TOOL_OPTIONS=f"-Xlog:class+load=info,class+init=info:file={log}:uptimemillis,tags")
    run(command, traced)
    loaded = shared = jar = initialised = 0
    first = last = None
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            if "[class,load]" in line:
                loaded += 1
                if "source: shared objects file" in line:
                    shared += 1
                elif re.search(r"source: (jar:)?file:\S*\.jar", line):
                    jar += 1
            elif "[class,init]" in line and " Initializing '" in line:
                initialised += 1
                # The JVM's log writers can interleave two lines: a line without its uptime is counted, not timed.
                stamp = re.search(r"\[(\d+)ms\]", line)
                if stamp:
                    ms = int(stamp.group(1))
                    first = ms if first is None else first
                    last = ms
    return loaded, shared, jar, initialised, (last - first) if first is not None else 0


def java_feature(java):
    """The JDK's feature version, from its release file, or 0."""
    try:
        with open(os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(java))), "release"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("JAVA_VERSION="):
                    return int(line.split("=", 1)[1].strip().strip('"').split(".")[0])
    except (OSError, ValueError):
        pass
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--cli", default=os.path.join(PROJECT, "bin", "monitoring-readback-plan"))
    ap.add_argument("--modes", default="cache,nocache")
    ap.add_argument("--phases", default="floor,version,help,generate,validate,review")
    a = ap.parse_args()
    cli = shlex.split(a.cli)
    modes = [m for m in a.modes.split(",") if m]
    phases = [p for p in a.phases.split(",") if p]
    work = tempfile.mkdtemp(prefix="startup-")
    try:
        with open(os.path.join(work, "snapshot.json"), "w", encoding="utf-8") as f:
            f.write(SNAPSHOT)
        plan = os.path.join(work, "plan.json")
        common = ["--root", work, "--source-report", "snapshot.json"]
        java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else shutil.which("java")
        commands = {
            # The launcher's own JVM options (see bin/monitoring-readback-plan), no jar.
            "floor": [java, "-XX:+UseSerialGC", "-Xmn256m", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-version"],
            "version": cli + ["--version"],
            "help": cli + ["--help"],
            "generate": cli + common + ["--generated-at", GENERATED_AT, "--git-commit", "unknown", "--output", plan],
            "validate": cli + ["validate", plan, os.path.join(work, "snapshot.json")],
            "review": cli + ["review"] + common + ["--reviewed-at", GENERATED_AT, "--output", os.path.join(work, "review.txt"), plan],
        }
        envs = {}
        for mode in modes:
            env = {k: v for k, v in os.environ.items() if not k.startswith("MRP_") or k in ("MRP_JAR", "MRP_JAVA_OPTS")}
            env.pop("JAVA_TOOL_OPTIONS", None)
            if mode == "cache":
                env["MRP_CACHE_DIR"] = os.path.join(work, "cache")
            elif mode == "nocache":
                env["MRP_NO_CACHE"] = "1"
            else:
                sys.exit(f"unknown mode {mode}")
            envs[mode] = env
        # The plan the later phases read, and (the first cached run) the cache's training.
        for mode in modes:
            run(commands["generate"], envs[mode])
        feature = java_feature(java)
        print(f"java: {subprocess.run([java, '-version'], capture_output=True, text=True).stderr.splitlines()[0]}")
        print(f"cli: {shlex.join(cli)}; {a.warmup} warm-up + {a.runs} measured runs per phase and mode, alternating\n")
        medians, cpus, counts = {}, {}, {}
        for phase in phases:
            samples = {m: [] for m in modes}
            for i in range(a.warmup + a.runs):
                for mode in (modes if i % 2 == 0 else list(reversed(modes))):
                    wall = run(commands[phase], envs[mode])
                    if i >= a.warmup:
                        samples[mode].append(wall)
            for mode in modes:
                medians[phase, mode] = statistics.median(w for w, _ in samples[mode]) * 1000
                cpus[phase, mode] = statistics.median(c for _, c in samples[mode]) * 1000
                counts[phase, mode] = classes(commands[phase], envs[mode], os.path.join(work, "classes.log"))
            print(f"{phase}: " + ", ".join(f"{m} {medians[phase, m]:.0f} ms (CPU {cpus[phase, m]:.0f} ms)" for m in modes), flush=True)
        print("\n| phase | mode | wall (median) | CPU (median) | budget | classes loaded | from archive | from jar | initialised | first to last init |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for phase in phases:
            for mode in modes:
                loaded, shared, jar, initialised, span = counts[phase, mode]
                budget = (BUDGET_MS if feature >= 25 else BUDGET_MS_BEFORE_25).get(phase)
                mark = "" if budget is None or mode != "cache" or medians[phase, mode] <= budget else " (over)"
                print(f"| {phase} | {mode} | {medians[phase, mode]:.0f} ms{mark} | {cpus[phase, mode]:.0f} ms | {f'{budget} ms' if budget else ''} | "
                      f"{loaded} | {shared} | {jar} | {initialised} | {span} ms |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


main()
