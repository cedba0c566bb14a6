#!/usr/bin/env python3
"""CPU profile of a command of the CLI, added up over several runs: where each thread spends its time.

Usage: bench/profile.py [--runs 20] [--interval-us 100] [--cli bin/monitoring-readback-plan] [--wall]
                        [--focus FRAME] [--callers FRAME] [--depth 6] [--min 1.0] [--top 25] -- ARGS...

Each run is the launcher with ARGS (JAVA_HOME chooses the JDK), with async-profiler's agent given in
JAVA_TOOL_OPTIONS (which the launcher leaves alone and does not key its cache on). The agent comes
from the Maven Central artifact tools.profiler:async-profiler (fetched into the local repository by
`mvn dependency:get` when missing, then unpacked to a temporary folder); it samples CPU time with
perf events, which needs /proc/sys/kernel/perf_event_paranoid at 2 or lower. The launcher's cache is
trained first by one run without the agent: a training run under an agent fails, and the launcher
would remember the failure.

It prints the share of the samples of each thread, the frames with the most samples of their own,
with --focus the call tree below every frame whose name holds FRAME, and with --callers the tree of
the callers of such a frame, outwards from it (down to --depth levels, branches under --min percent
of the whole left out).

With --wall it samples every thread's wall-clock time instead, running or not, and also prints each
thread's milliseconds per run, busy and waiting (a sample whose innermost frame waits on a lock, a
condition or a futex): where a run's threads wait for one another, which CPU samples cannot show.
One thread's share of the samples is then a share of the time it lived. A one-off run is short: add runs up
(the default 20) rather than reading one. Example, a one-candidate generation:

  bench/profile.py -- --root ROOT --generated-at 2026-01-01T00:00:00Z --output /tmp/plan.json
  bench/profile.py --focus Generation.validSnapshot -- --root ROOT ...
  bench/profile.py --callers HashMap.getNode --depth 4 -- --root ROOT ...
"""
import argparse, collections, os, re, shlex, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
# Innermost frames of a thread that waits (wall-clock mode): a futex, a condition, a lock, a park.
WAITING = re.compile(r"futex|pthread_cond|__lll_lock_wait|epoll_wait|Unsafe\.park|Object\.wait|nanosleep")
PROJECT = os.path.dirname(HERE)
ARTIFACT = ("tools.profiler", "async-profiler", "4.1")


def agent(work):
    """The path of libasyncProfiler.so for this machine, unpacked from the Maven Central jar."""
    group, name, version = ARTIFACT
    jar = os.path.join(os.path.expanduser("~/.m2/repository"), *group.split("."), name, version, f"{name}-{version}.jar")
    if not os.path.isfile(jar):
        subprocess.run(["mvn", "-B", "-q", "dependency:get", f"-Dartifact={group}:{name}:{version}", "-Dtransitive=false"], check=True)
    machine = {"x86_64": "linux-x64", "aarch64": "linux-arm64"}.get(os.uname().machine)
    if machine is None:
        sys.exit(f"no async-profiler agent for {os.uname().machine}")
    with zipfile.ZipFile(jar) as z:
        z.extract(f"{machine}/libasyncProfiler.so", work)
    return os.path.join(work, machine, "libasyncProfiler.so")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--interval-us", type=int, default=100)
    parser.add_argument("--wall", action="store_true", help="sample wall-clock time of every thread, and show each one's waiting")
    parser.add_argument("--cli", default=os.path.join(PROJECT, "bin", "monitoring-readback-plan"))
    parser.add_argument("--focus")
    parser.add_argument("--callers", help="the callers of every frame whose name holds this, as a tree upwards from it")
    parser.add_argument("--depth", type=int, default=6)
    parser.add_argument("--min", type=float, default=1.0, help="percent of all samples under which a branch is left out")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("args", nargs=argparse.REMAINDER)
    a = parser.parse_args()
    args = a.args[1:] if a.args[:1] == ["--"] else a.args
    cli = shlex.split(a.cli)
    with tempfile.TemporaryDirectory(prefix="mrp-profile-") as work:
        library = agent(work)
        env = dict(os.environ)
        env.setdefault("MRP_CACHE_DIR", os.path.join(work, "cache"))
        subprocess.run(cli + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stacks = collections.Counter()
        for i in range(a.runs):
            out = os.path.join(work, f"run{i}.txt")
            event = "wall" if a.wall else "cpu"
            options = f"start,event={event},interval={a.interval_us * 1000},threads,collapsed,file={out}"
            run_env = dict(env, JAVA_TOOL_OPTIONS=f"-agentpath:{library}={options}")
            subprocess.run(cli + args, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not os.path.isfile(out):
                continue  # the run failed before the agent wrote anything
            with open(out, encoding="utf-8", errors="replace") as lines:
                for line in lines:
                    stack, _, count = line.rstrip("\n").rpartition(" ")
                    # Thread ids and the numbers of spun lambda classes differ from run to run.
                    stack = re.sub(r" tid=\d+", "", stack)
                    stack = re.sub(r"\$\$Lambda[^;]*", "$$Lambda", stack)
                    stacks[stack] += int(count)
    total = sum(stacks.values())
    if not total:
        sys.exit("no samples (is perf_event_paranoid above 2, or did the command fail?)")
    print(f"{total} samples over {a.runs} runs, every {a.interval_us} µs of {'wall-clock time' if a.wall else 'CPU'}\n\nby thread:")
    threads = collections.Counter()
    waiting = collections.Counter()
    own = collections.Counter()
    for stack, count in stacks.items():
        frames = stack.split(";")
        threads[frames[0].strip("[]")] += count
        own[frames[-1]] += count
        if a.wall and WAITING.search(frames[-1]):
            waiting[frames[0].strip("[]")] += count
    # In wall-clock mode every thread lives as long as the run: the busiest first.
    order = sorted(threads.items(), key=lambda kv: -(kv[1] - waiting[kv[0]])) if a.wall else threads.most_common()
    for thread, count in order[:12]:
        if a.wall:
            per_run = a.interval_us / 1000 / a.runs
            print(f"  {100 * count / total:5.1f}%  {thread}: {(count - waiting[thread]) * per_run:6.0f} ms busy, "
                  f"{waiting[thread] * per_run:6.0f} ms waiting per run")
        else:
            print(f"  {100 * count / total:5.1f}%  {thread}")
    print("\nframes with the most samples of their own:")
    for frame, count in own.most_common(a.top):
        print(f"  {100 * count / total:5.1f}%  {frame}")
    def show(node, level):
        for frame, (count, children) in sorted(node.items(), key=lambda kv: -kv[1][0]):
            if 100 * count / total >= a.min:
                print(f"  {'  ' * level}{100 * count / total:5.1f}%  {frame}")
                show(children, level + 1)

    def grow(tree, frames, count):
        node = tree
        for f in frames[:a.depth + 1]:
            entry = node.setdefault(f, [0, {}])
            entry[0] += count
            node = entry[1]

    if a.focus:
        tree = {}
        for stack, count in stacks.items():
            frames = stack.split(";")
            for i, frame in enumerate(frames):
                if a.focus in frame:
                    grow(tree, frames[i:], count)
                    break
        print(f"\nbelow {a.focus}:")
        show(tree, 0)
    if a.callers:
        tree = {}
        for stack, count in stacks.items():
            frames = stack.split(";")
            # The innermost matching frame, then its callers outwards.
            for i in range(len(frames) - 1, -1, -1):
                if a.callers in frames[i]:
                    grow(tree, frames[i::-1], count)
                    break
        print(f"\ncallers of {a.callers}:")
        show(tree, 0)


if __name__ == "__main__":
    main()
