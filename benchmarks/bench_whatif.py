#!/usr/bin/env python3
"""Wall time of what-if runs from the shell, as the project leader types them.

    python benchmarks/bench_whatif.py [--repeat 5]

Times `planner whatif plans/ssiks_it.yaml` over the five risk scenarios in scenarios/ (and over
all six files), `planner schedule --scenario`, and `planner explain`; prints the best and the
median of the runs.  Target: a what-if over five scenarios of the seed plan in under 1 s.
"""
import argparse
import glob
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIVE = ["slow_decisions", "summer_start", "longer_procurement", "slow_recruitment",
        "short_summer"]


def planner() -> list:
    exe = os.path.join(os.path.dirname(sys.executable), "planner")
    return [exe] if os.path.exists(exe) else [sys.executable, "-m", "planner"]


def timed(args, repeat):
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        runs.append(time.perf_counter() - t)
        if proc.returncode != 0:
            raise SystemExit(proc.stderr.decode())
    return min(runs), statistics.median(runs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    cmd = planner()
    plan = "plans/ssiks_it.yaml"
    five = [f"scenarios/{n}.yaml" for n in FIVE]
    every = sorted(glob.glob(os.path.join(ROOT, "scenarios", "*.yaml")))
    cases = [
        ("whatif, 5 scenarios (table)", cmd + ["whatif", plan, *five]),
        ("whatif, 5 scenarios (md)", cmd + ["whatif", plan, *five, "--format", "md"]),
        (f"whatif, all {len(every)} scenario files (json)",
         cmd + ["whatif", plan, *every, "--format", "json"]),
        ("schedule --scenario summer_start", cmd + ["schedule", plan, "--scenario",
                                                    "scenarios/summer_start.yaml"]),
        ("whatif --set 16.duration=60", cmd + ["whatif", plan, "--set", "16.duration=60"]),
        ("explain 17", cmd + ["explain", plan, "17"]),
    ]
    print(f"# {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, {a.repeat} runs each")
    print(f"{'command':<44} {'best s':>7} {'median s':>9}")
    for label, args in cases:
        best, med = timed(args, a.repeat)
        print(f"{label:<44} {best:>7.3f} {med:>9.3f}")
    print("target: a what-if over five scenarios in under 1 s")


if __name__ == "__main__":
    main()
