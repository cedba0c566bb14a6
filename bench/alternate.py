#!/usr/bin/env python3
"""Runs shell commands in turn, round after round, and prints each one's median wall time, CPU time
(user and system) and peak RSS, with its ratios to the first command's.

Usage: bench/alternate.py RUNS WARMUP NAME::COMMAND [NAME::COMMAND ...]

Alternating the commands in one script spreads the machine's drift over all of them, so their
ratios can be compared on a noisy machine where separate runs cannot. Each command runs as
`bash -c "exec COMMAND"`, its output discarded; WARMUP rounds run first and are not counted (a
launcher trains its cache on its first run). A command that exits with a status other than 0 is
counted and reported as failed.

Example, the fourth round's launcher and jar against this checkout's, one-candidate generation:
  bench/alternate.py 21 2 \
    "old::env MRP_CACHE_DIR=/tmp/old MRP_JAR=OLD.jar OLD_LAUNCHER --root ROOT --output /tmp/a.json" \
    "new::env MRP_CACHE_DIR=/tmp/new bin/monitoring-readback-plan --root ROOT --output /tmp/b.json"
"""
import os
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 4 or any("::" not in a for a in sys.argv[3:]):
        sys.exit(__doc__)
    runs, warmup = int(sys.argv[1]), int(sys.argv[2])
    commands = [tuple(a.split("::", 1)) for a in sys.argv[3:]]
    samples = {name: [] for name, _ in commands}
    for round_ in range(warmup + runs):
        for name, command in commands:
            start = time.perf_counter()
            process = subprocess.Popen(["bash", "-c", "exec " + command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
            if round_ >= warmup:
                samples[name].append((wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss / 1024, status))
    first = None
    for name, _ in commands:
        rows = samples[name]
        wall = statistics.median(r[0] for r in rows)
        cpu = statistics.median(r[1] for r in rows)
        rss = statistics.median(r[2] for r in rows)
        failed = sum(1 for r in rows if r[3] != 0)
        first = first or (wall, cpu)
        print(f"{name:14s} wall {wall:8.1f} ms  cpu {cpu:8.1f} ms  peak RSS {rss:6.0f} MiB  "
              f"wall ratio {wall / first[0]:.3f}  cpu ratio {cpu / first[1]:.3f}" + (f"  FAILED {failed}" if failed else ""))


if __name__ == "__main__":
    main()
