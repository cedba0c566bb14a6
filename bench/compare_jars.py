#!/usr/bin/env python3
"""Generation time of two (or more) CLI jars, interleaved run by run, to tell a regression from noise.

Usage: bench/compare_jars.py [--runs 12] [--warmup 2] [--size 10000] [--mode file|stdout|validate|review] [--fill]
                             [--extra 'ARGS'] [--launcher PATH] NAME=JAR NAME=JAR...

Writes a synthetic snapshot of --size candidates with the reference's make_snapshot.py
(REFERENCE_DIR names its folder), then runs `java -jar JAR` on it for each jar in
turn, --runs times, discarding the first --warmup rounds, and prints each jar's median wall and CPU
time and its ratio to the first jar. --mode file writes the plan to a fresh file each run (the
atomic, fsynced write path), --mode stdout to standard output. --mode validate and --mode review
time reading a plan instead: the first jar writes the plan of the snapshot once, then each jar runs
`validate --kind plan` (or `review`) on it, output to /dev/null. --fill fills every candidate of that
plan first as reviewers would (bench.py --fill: every evidence field, a spread of lanes), which is
what a review is for: an empty plan never reaches the evidence checks. --extra adds arguments to
every command (such as '--format json'). Each jar's median peak RSS is printed beside its times.

--launcher PATH runs each jar through that launcher script (bin/monitoring-readback-plan: its JVM
options and its class-data cache, one per jar, in a cache folder of this run) instead of a plain
`java -jar`: MRP_JAR names the jar. The warm-up rounds then include each cache's training.
"""
import argparse, os, shlex, statistics, subprocess, sys, tempfile, time



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=12)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--mode", choices=["file", "stdout", "validate", "review"], default="file")
    ap.add_argument("--launcher", help="run the jars through this launcher script (MRP_JAR=JAR) instead of java -jar")
    ap.add_argument("--fill", action="store_true", help="validate or review the plan filled as reviewers would (bench.py --fill)")
    ap.add_argument("--extra", default="", help="arguments added to every command, split as a shell would")
    ap.add_argument("jars", nargs="+", metavar="NAME=JAR")
    a = ap.parse_args()
    jars = dict(j.split("=", 1) for j in a.jars)
    with tempfile.TemporaryDirectory() as root:
        folder = os.path.join(root, "docs", "security")
        os.makedirs(folder)
        snapshot = os.path.join(folder, "monitoring-owner-response-acceptance.snapshot.json")
        reference = os.environ.get("REFERENCE_DIR") or sys.exit("set REFERENCE_DIR to the reference generator's folder")
        text = subprocess.run([sys.executable, os.path.join(reference, "make_snapshot.py"), str(a.size), "--seed", "7"],
                              check=True, capture_output=True, text=True).stdout
        with open(snapshot, "w", encoding="utf-8") as f:
            f.write(text)
        out = os.path.join(root, "plan.json")
        plan = os.path.join(folder, "monitoring-post-incident-readback-plan.json")
        if a.mode in ("validate", "review"):
            subprocess.run(["java", "-jar", next(iter(jars.values())), "--root", root, "--generated-at",
                            "2026-01-01T00:00:00+08:00", "--git-commit", "abc1234", "--output", plan], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if a.fill:
                subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench.py"), "--fill", plan, plan],
                               check=True)
        wall = {k: [] for k in jars}
        cpu = {k: [] for k in jars}
        rss = {k: [] for k in jars}
        for i in range(a.runs + a.warmup):
            for name, jar in jars.items():
                if os.path.exists(out):
                    os.remove(out)
                if a.mode == "validate":
                    args = ["java", "-jar", jar, "validate", "--kind", "plan", plan]
                elif a.mode == "review":
                    args = ["java", "-jar", jar, "review", "--root", root, "--reviewed-at", "2026-01-02T09:30:00+08:00", plan]
                else:
                    args = ["java", "-jar", jar, "--root", root, "--generated-at", "2026-01-01T00:00:00+08:00",
                            "--git-commit", "abc1234"] + (["--output", out] if a.mode == "file" else [])
                args += shlex.split(a.extra)
                env = None
                if a.launcher:
                    args = [a.launcher] + args[3:]
                    env = dict(os.environ, MRP_JAR=os.path.abspath(jar), MRP_CACHE_DIR=os.path.join(root, "cache"))
                start = time.perf_counter()
                process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
                _, status, usage = os.wait4(process.pid, 0)
                elapsed = time.perf_counter() - start
                if os.waitstatus_to_exitcode(status) != 0:
                    sys.exit(f"{name}: exit status {os.waitstatus_to_exitcode(status)}")
                if i >= a.warmup:
                    wall[name].append(elapsed)
                    cpu[name].append(usage.ru_utime + usage.ru_stime)
                    rss[name].append(usage.ru_maxrss / 1024)
        if a.launcher:
            # A jar whose cache could not be made ran without one (KEY.failed): say so beside the figures.
            made = sorted(os.listdir(os.path.join(root, "cache")))
            print("launcher caches:", ", ".join(f for f in made if f.endswith((".aot", ".jsa", ".failed"))) or "none")
        first = next(iter(jars))
        for name in jars:
            w, c, m = statistics.median(wall[name]), statistics.median(cpu[name]), statistics.median(rss[name])
            print(f"{a.mode} {a.size} {name}: wall {w * 1000:.0f} ms, cpu {c * 1000:.0f} ms, peak RSS {m:.0f} MiB; "
                  f"ratio to {first}: wall {w / statistics.median(wall[first]):.3f}, cpu {c / statistics.median(cpu[first]):.3f}, "
                  f"peak RSS {m / statistics.median(rss[first]):.3f}")


if __name__ == "__main__":
    main()
