#!/usr/bin/env python3
"""Start-up time of `planner schedule` on the seed plan against the floor of any click+YAML tool.

    python benchmarks/bench_startup.py [--runs 15] [--plan plans/ssiks_it.yaml]

Times whole processes, as a user waits for them: ``python -c "import click, yaml"`` (the floor:
an interpreter and the two libraries every planner command needs) and ``python -m planner
schedule PLAN`` (reading the plan and its calendar, CPM, the table).  Each command runs once to
warm the file cache, the bytecode and planner's holiday cache (planner.holiday_cache), then
``--runs`` times alternately; the medians and their ratio are printed.  Target: ratio <= 2.

Bytecode is written for this run even if PYTHONDONTWRITEBYTECODE is set, since an installed
package has its bytecode compiled by pip.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = 2.0


def _env() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _time(cmd: list, env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def measure(plan: str, runs: int) -> tuple[float, float]:
    env = _env()
    floor_cmd = [sys.executable, "-c", "import click, yaml"]
    planner_cmd = [sys.executable, "-m", "planner", "schedule", plan]
    for cmd in (floor_cmd, planner_cmd):
        _time(cmd, env)                   # warm: bytecode, OS file cache, holiday cache
    floor, planner = [], []
    for _ in range(runs):
        floor.append(_time(floor_cmd, env))
        planner.append(_time(planner_cmd, env))
    return statistics.median(floor), statistics.median(planner)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--plan", default="plans/ssiks_it.yaml")
    args = ap.parse_args()
    floor, planner = measure(args.plan, args.runs)
    ratio = planner / floor
    print(f"python -c 'import click, yaml'   median {floor:.3f} s  ({args.runs} runs)")
    print(f"planner schedule {args.plan}   median {planner:.3f} s")
    print(f"ratio {ratio:.2f} (target <= {TARGET:.0f})  {'ok' if ratio <= TARGET else 'SLOW'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
