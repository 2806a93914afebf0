#!/usr/bin/env python3
"""Gantt chart speed from the shell, as a user runs `planner gantt`.

    python benchmarks/bench_gantt.py [--repeat 5] [--tasks 2000] [--keep DIR]

Times whole commands (Python start-up, imports, loading, scheduling, drawing, writing the file)
and reports the best and the median wall time of --repeat runs, the peak memory of the process,
and the size of the file:

  seed plan (54 tasks)     PNG, and PNG with --links --status-date, SVG and PDF
  generated plan           PNG (target), PNG with --links, SVG, PDF

The generated plan is bench_schedule.py's layered random plan (phases of about sqrt(n) tasks,
1-3 links each, the Norwegian calendar with its holiday seasons).

Targets (2-core machine): the seed plan's PNG < 2 s; the 2,000-task plan's PNG < 15 s.
Run it when `uptime` shows a low load: the figures are wall times.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_schedule import ROOT, planner_command, write_plans  # noqa: E402


def run(args: list[str], repeat: int) -> tuple[float, float, float]:
    """(best s, median s, peak MB) of ``repeat`` runs of a command."""
    times, peak = [], 0.0
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                cwd=ROOT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - t)
        err = proc.stderr.read().decode()
        proc.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(args)} failed: {err}")
        peak = max(peak, usage.ru_maxrss / 1024)
    return min(times), statistics.median(times), peak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs of each seed-plan command")
    ap.add_argument("--tasks", type=int, default=2000, help="size of the generated plan")
    ap.add_argument("--keep", metavar="DIR", help="write the plan and charts here and keep them")
    a = ap.parse_args()
    folder = a.keep or tempfile.mkdtemp(prefix="planner-gantt-bench-")
    os.makedirs(folder, exist_ok=True)
    cmd = planner_command() + ["gantt"]
    seed = os.path.join(ROOT, "plans", "ssiks_it.yaml")
    big, _json = write_plans(a.tasks, folder)
    print(f"# machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f} "
          f"{os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; python {sys.version.split()[0]}")
    print(f"{'plan':<12} {'chart':<44} {'best s':>7} {'median s':>9} {'peak MB':>8} "
          f"{'file KB':>8}  target")
    cases = [
        ("seed", seed, "seed.png", [], a.repeat, "< 2 s"),
        ("seed", seed, "seed-links.png", ["--links", "--status-date", "2024-01-15"], a.repeat, ""),
        ("seed", seed, "seed.svg", [], a.repeat, ""),
        ("seed", seed, "seed.pdf", [], a.repeat, ""),
        (f"{a.tasks} tasks", big, "big.png", [], 3, "< 15 s"),
        (f"{a.tasks} tasks", big, "big-links.png", ["--links"], 1, ""),
        (f"{a.tasks} tasks", big, "big.svg", [], 1, ""),
        (f"{a.tasks} tasks", big, "big.pdf", [], 1, ""),
    ]
    for label, plan, out, extra, repeat, target in cases:
        path = os.path.join(folder, out)
        best, median, peak = run(cmd + [plan, "-o", path] + extra, repeat)
        chart = " ".join([out] + extra)
        print(f"{label:<12} {chart:<44} {best:>7.2f} {median:>9.2f} {peak:>8.0f} "
              f"{os.path.getsize(path) / 1024:>8.0f}  {target}")
    print(f"# load after: {os.getloadavg()[0]:.2f}")
    if not a.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
