#!/usr/bin/env python3
"""Whether a plan the CLI wrote can be validated, checked, regenerated over and reviewed in the heap
that generated it (issue 16's memory goal), measured as the smallest maximum heap each command needs.

Usage: bench/same_heap.py [--size 10000] [--cli 'bin/monitoring-readback-plan'] [--reference DIR]
                          [--lo 16] [--hi 4096] [--timeout 120]

It writes a snapshot of SIZE candidates (with DIR/make_snapshot.py when the reference is given, else
bench.py's own generator), generates the plan, fills every candidate as reviewers would (bench.py's
fill), then finds by bisection, for each command, the smallest -Xmx in MiB (through MRP_JAVA_OPTS, so
the launcher's other options stay) at which it exits as it does with an ample heap:

  generate     the plan from the snapshot, to a new file
  validate     `validate --kind plan` of the generated plan
  check        `--output PLAN --check` (the plan against what the snapshot gives)
  regenerate   `--output FILLED-COPY` over a copy of the filled plan (the reviewers' entries are kept)
  review       `review` of the filled plan

and prints each minimum and its ratio to generation's (the goal is that every other command needs
no more heap than generation: ratio <= 1, with the bisection's resolution). A run that takes longer
than --timeout seconds counts as a failure (a heap too small makes the collector work for minutes).
Memory is the JVM's limit, not RSS: this says what heap a user must give, whatever the machine.
"""
import argparse, os, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (its snapshot generator and fill)

PROJECT = os.path.dirname(HERE)
AT = bench.GENERATED_AT


def status(command, heap, timeout, env):
    """The exit status of command with -Xmx{heap}m, or None on timeout."""
    env = dict(env, MRP_JAVA_OPTS=f"-Xmx{heap}m")
    try:
        return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                              timeout=timeout).returncode
    except subprocess.TimeoutExpired:
        return None


def smallest_heap(command, expected, lo, hi, timeout, env, prepare=None):
    """The smallest heap in MiB, between lo and hi, at which command exits with `expected`."""
    def ok(heap):
        if prepare:
            prepare()
        return status(command, heap, timeout, env) == expected
    if not ok(hi):
        return None
    while hi - lo > max(4, lo // 20):
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--cli", default=os.path.join(PROJECT, "bin", "monitoring-readback-plan"))
    ap.add_argument("--reference", default=os.environ.get("REFERENCE_DIR"))
    ap.add_argument("--lo", type=int, default=16)
    ap.add_argument("--hi", type=int, default=4096)
    ap.add_argument("--timeout", type=float, default=120)
    a = ap.parse_args()
    cli = [a.cli]
    env = dict(os.environ)
    work = tempfile.mkdtemp(prefix="same-heap-")
    try:
        snapshot = os.path.join(work, "snapshot.json")
        maker = os.path.join(a.reference, "make_snapshot.py") if a.reference else ""
        bench.write_snapshot(snapshot, a.size, maker)
        common = ["--root", work, "--source-report", "snapshot.json", "--generated-at", AT, "--git-commit", "unknown"]
        plan = os.path.join(work, "plan.json")
        subprocess.run(cli + common + ["--output", plan], check=True)
        filled = os.path.join(work, "filled.json")
        bench.fill_file(plan, filled)
        fresh = os.path.join(work, "fresh.json")
        copy = os.path.join(work, "filled-copy.json")
        review_out = os.path.join(work, "review.txt")

        def no_fresh():
            if os.path.exists(fresh):
                os.remove(fresh)

        def filled_copy():
            shutil.copyfile(filled, copy)

        def no_review():
            if os.path.exists(review_out):
                os.remove(review_out)

        commands = [
            ("generate", cli + common + ["--output", fresh], no_fresh),
            ("validate", cli + ["validate", "--kind", "plan", plan], None),
            ("check", cli + common + ["--output", plan, "--check"], None),
            ("regenerate", cli + common + ["--output", copy], filled_copy),
            ("review", cli + ["review", "--root", work, "--source-report", "snapshot.json", "--reviewed-at", AT,
                              "--output", review_out, filled], no_review),
        ]
        print(f"{a.size:,} candidates: plan {os.path.getsize(plan) / 1e6:.1f} MB, filled {os.path.getsize(filled) / 1e6:.1f} MB")
        results = {}
        for name, command, prepare in commands:
            if prepare:
                prepare()
            expected = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
            start = time.perf_counter()
            results[name] = smallest_heap(command, expected, a.lo, a.hi, a.timeout, env, prepare)
            shown = f"{results[name]} MiB" if results[name] else f"more than {a.hi} MiB"
            print(f"{name:<11} exit {expected}: smallest heap {shown} ({time.perf_counter() - start:.0f} s to find)", flush=True)
        base = results["generate"]
        print("\n| command | smallest -Xmx | / generation's | within generation's heap |\n|---|---:|---:|---|")
        for name, _, _ in commands:
            heap = results[name]
            ratio = heap / base if heap and base else float("nan")
            within = "yes" if heap and base and heap <= base + max(4, base // 20) else "no"
            print(f"| {name} | {heap if heap else '>' + str(a.hi)} MiB | {ratio:.2f} | {within} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
