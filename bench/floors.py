#!/usr/bin/env python3
"""The floors under issue 16's goals: what a run cannot go under while the JVM, git and the JDK's
SHA-256 cost what they cost, beside the time each goal allows.

Usage: bench/floors.py [--reference DIR] [--runs 11] [--warmup 2] [--review 10000] [--ajv PATH]
                       [--cli 'bin/monitoring-readback-plan'] [--keep DIR]

Everything is measured in this one run, the commands of each part alternating round by round (the
machine's speed drifts; ratios between separate runs do not hold). JAVA_HOME chooses the JDK.

One-off runs (needs the reference generator, --reference DIR or $REFERENCE_DIR): `java -version`
(the JDK alone), the CLI's `--version` (the JVM started with the launcher's options and cache, and
nothing else: no schema, no file), generation of one candidate with git asked (as bench.py runs it)
and with --git-commit given (git's share), and the reference's own run. Printed: the goal's budget
(goal x the reference's median) against `--version`, and what is left of it for the work.

Validate (with --ajv PATH, ajv-cli as bench.py runs it): the CLI's `validate` of a one-candidate
plan, its `--version` and ajv-cli's validation of the same plan. Printed: the goal's budget (0.3 x
ajv-cli) against `--version`.

Review (--review N, default 10000; 0 skips it): generation of an N-candidate plan, and the
SHA-256 of that plan filled as bench.py fills it, in a fresh JVM with the launcher's JIT options
(C1 alone: -XX:TieredStopAtLevel=1) and with the JVM's default tiers (C2, whose intrinsic uses the
processor's SHA instructions), timed inside the JVM over the file read in the review's 256 KB steps.
A review records that digest, computed on the thread that reads the plan: with C1 alone it cannot
end before the JVM has started and the digest has run, whatever else is made faster. Printed: the
goal's budget (1.5 x generation) against that floor.
"""
import argparse, os, shlex, shutil, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
import bench  # noqa: E402  (the same snapshots, fill and process timing as the issue's table)

DIGEST_SOURCE = r"""
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

public final class Digest {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 18];
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            int read;
            while ((read = in.readNBytes(block, 0, block.length)) > 0) {
                digest.update(block, 0, read);
            }
        }
        byte[] sha = digest.digest();
        System.out.println((System.nanoTime() - start) / 1e6 + " " + String.format("%02x", sha[0]));
    }
}
"""


def java_bin(name):
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", name) if home else shutil.which(name)


def digest_ms(classes, flags, path):
    """Milliseconds the digest of path took inside a fresh JVM started with flags."""
    out = subprocess.run([java_bin("java"), *flags, "-cp", classes, "Digest", path], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def alternate(commands, runs, warmup):
    """Median wall seconds of each (name, argv), run in turn round after round, warm-up rounds first."""
    samples = {name: [] for name, _ in commands}
    for i in range(warmup + runs):
        for name, command in commands:
            wall = command() if callable(command) else bench.run(command)[0]
            if i >= warmup:
                samples[name].append(wall)
    return {name: statistics.median(v) for name, v in samples.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", default=os.environ.get("REFERENCE_DIR"))
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--review", type=int, default=10000)
    ap.add_argument("--cli", default=os.path.join(bench.PROJECT, "bin", "monitoring-readback-plan"))
    ap.add_argument("--keep")
    ap.add_argument("--ajv", default=os.environ.get("AJV"))
    a = ap.parse_args()
    cli = shlex.split(a.cli)
    feature = bench.java_feature()
    work = a.keep or tempfile.mkdtemp(prefix="floors-")
    os.makedirs(work, exist_ok=True)
    print(f"java: {bench.describe_java()}; machine: {os.cpu_count()} cores, {bench.cpu_model()}")
    print(f"runs: {a.warmup} warm-up + {a.runs} measured, alternating\n")

    if a.reference:
        reference = os.path.join(a.reference, "monitoring_post_incident_readback_plan.py")
        folder = os.path.join(work, "n1")
        os.makedirs(folder, exist_ok=True)
        bench.write_snapshot(os.path.join(folder, "snapshot.json"), 1, os.path.join(a.reference, "make_snapshot.py"))
        common = ["--root", folder, "--source-report", "snapshot.json", "--generated-at", bench.GENERATED_AT]
        med = alternate([
            ("java -version", [java_bin("java"), "-version"]),
            ("CLI --version", cli + ["--version"]),
            ("generation, git asked", cli + common + ["--output", os.path.join(folder, "a.json")]),
            ("generation, --git-commit given", cli + common + ["--git-commit", "unknown", "--output", os.path.join(folder, "b.json")]),
            ("reference", [sys.executable, reference] + common + ["--output", os.path.join(folder, "r.json")]),
        ], a.runs, a.warmup)
        for name, wall in med.items():
            print(f"{name:32s} {wall * 1000:7.1f} ms  ({wall / med['reference']:.2f} x the reference)")
        goal = 1.5 if feature >= 25 else 2.0
        budget = goal * med["reference"]
        print(f"\none candidate: the goal ({goal} x the reference) allows {budget * 1000:.0f} ms; `--version` takes "
              f"{med['CLI --version'] * 1000:.0f} ms, leaving {(budget - med['CLI --version']) * 1000:.0f} ms for the work, "
              f"which takes {(med['generation, git asked'] - med['CLI --version']) * 1000:.0f} ms now "
              f"(git's share {(med['generation, git asked'] - med['generation, --git-commit given']) * 1000:.0f} ms)\n")

    if a.ajv:
        folder = os.path.join(work, "validate1")
        os.makedirs(folder, exist_ok=True)
        maker = os.path.join(a.reference, "make_snapshot.py") if a.reference else ""
        bench.write_snapshot(os.path.join(folder, "snapshot.json"), 1, maker)
        plan = os.path.join(folder, "plan.json")
        bench.run(cli + ["--root", folder, "--source-report", "snapshot.json", "--generated-at", bench.GENERATED_AT,
                         "--git-commit", "unknown", "--output", plan])
        med = alternate([
            ("CLI --version", cli + ["--version"]),
            ("CLI validate", cli + ["validate", plan]),
            ("ajv-cli validate", bench.ajv_command(a.ajv, plan)),
        ], a.runs, a.warmup)
        for name, wall in med.items():
            print(f"{name:32s} {wall * 1000:7.1f} ms  ({wall / med['ajv-cli validate']:.2f} x ajv-cli)")
        budget = 0.3 * med["ajv-cli validate"]
        print(f"\nvalidate, one candidate: the goal (0.3 x ajv-cli) allows {budget * 1000:.0f} ms; `--version` takes "
              f"{med['CLI --version'] * 1000:.0f} ms, leaving {(budget - med['CLI --version']) * 1000:.0f} ms for the work, "
              f"which takes {(med['CLI validate'] - med['CLI --version']) * 1000:.0f} ms now\n")

    if a.review:
        n = a.review
        folder = os.path.join(work, f"review{n}")
        os.makedirs(folder, exist_ok=True)
        maker = os.path.join(a.reference, "make_snapshot.py") if a.reference else ""
        bench.write_snapshot(os.path.join(folder, "snapshot.json"), n, maker)
        plan, filled = os.path.join(folder, "plan.json"), os.path.join(folder, "filled.json")
        generate = cli + ["--root", folder, "--source-report", "snapshot.json", "--generated-at", bench.GENERATED_AT,
                          "--git-commit", "unknown", "--output", plan]
        bench.run(generate)
        subprocess.run([sys.executable, os.path.join(HERE, "bench.py"), "--fill", plan, filled], check=True)
        classes = os.path.join(work, "digest")
        os.makedirs(classes, exist_ok=True)
        with open(os.path.join(classes, "Digest.java"), "w") as f:
            f.write(DIGEST_SOURCE)
        subprocess.run([java_bin("javac"), "-d", classes, os.path.join(classes, "Digest.java")], check=True)
        launcher_jit = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]
        med = alternate([
            ("CLI --version", cli + ["--version"]),
            ("generation", generate),
            ("digest, C1", lambda: digest_ms(classes, launcher_jit, filled) / 1000),
            ("digest, default tiers", lambda: digest_ms(classes, ["-XX:+UseSerialGC"], filled) / 1000),
        ], max(5, a.runs // 2), 1)
        size = os.path.getsize(filled)
        print(f"filled {n:,}-candidate plan: {size / 1e6:.0f} MB")
        for name, wall in med.items():
            extra = f"  ({size / 1e6 / wall:.0f} MB/s)" if name.startswith("digest") else ""
            print(f"{name:32s} {wall * 1000:7.1f} ms{extra}")
        budget = 1.5 * med["generation"]
        floor = med["CLI --version"] + med["digest, C1"]
        print(f"\nreview: the goal (1.5 x generation) allows {budget * 1000:.0f} ms; the JVM's start and the digest at C1 "
              f"alone take {floor * 1000:.0f} ms ({floor / med['generation']:.2f} x generation), before the snapshot is "
              f"read or a candidate checked; with C2's intrinsic the digest takes {med['digest, default tiers'] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
