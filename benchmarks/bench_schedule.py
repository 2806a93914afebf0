#!/usr/bin/env python3
"""Scheduling speed and memory on generated plans, and end-to-end times from the shell.

    python benchmarks/bench_schedule.py [--sizes 1000,10000,100000] [--keep DIR]

For each size it generates a layered random plan (phases of about sqrt(n) tasks as summary
tasks, 1-3 finish-to-start/start-to-start/finish-to-finish predecessors each from the phase
before, a tenth of the links with a lag of -3..+5 days, durations 1-20 days, the Norwegian
calendar with summer, romjul and Easter week over as many years as the plan needs), writes it as
YAML and JSON, and in a fresh process for each size measures:

  load      reading the file into a Plan (YAML: PyYAML's C loader; JSON: json)
  schedule  CPM on the in-memory plan: both passes, floats, critical flags, summary roll-up
  total     load + schedule + the JSON output string
  peak      the process's peak resident memory (ru_maxrss)

Then it times whole commands from the shell, as a user runs them:
`planner schedule big.yaml --format json` for 10k tasks, and the seed plan.

Targets (2-core machine): CPM on 100k tasks < 1 s and < 1 GB; 10k tasks end to end < 3 s;
the seed plan < 0.5 s.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def generate(n: int, seed: int = 7) -> dict:
    """A layered random plan of ``n`` leaf tasks as plain data (the plan file schema)."""
    rnd = random.Random(seed)
    width = max(10, int(n ** 0.5))
    phases = []
    prev: list[int] = []
    task_id = 0
    leaves = 0
    while leaves < n:
        count = min(width, n - leaves)
        phase_id = f"P{len(phases) + 1}"
        children = []
        layer = []
        for _ in range(count):
            task_id += 1
            t = {"id": task_id, "name": f"Aktivitet {task_id}", "duration": rnd.randint(1, 20)}
            if prev:
                links = []
                for p in rnd.sample(prev, min(len(prev), rnd.randint(1, 3))):
                    typ = rnd.choice(("FS", "FS", "FS", "FS", "SS", "FF"))
                    lag = rnd.randint(-3, 5) if rnd.random() < 0.1 else 0
                    links.append(f"{p}{typ}{lag:+d}" if (typ != "FS" or lag) and lag
                                 else (f"{p}{typ}" if typ != "FS" else str(p)))
                t["predecessors"] = ";".join(links)
            children.append(t)
            layer.append(task_id)
        phases.append({"id": phase_id, "name": f"Fase {len(phases) + 1}", "tasks": children})
        prev = layer
        leaves += count
    return {"project": {"name": f"Generated plan, {n} tasks", "start": "2025-01-06",
                        "calendar": {"base": "norway",
                                     "seasons": ["summer", "romjul", "easter_week"]}},
            "tasks": phases}


def write_plans(n: int, folder: str) -> tuple[str, str]:
    import yaml

    data = generate(n)
    ypath = os.path.join(folder, f"plan_{n}.yaml")
    jpath = os.path.join(folder, f"plan_{n}.json")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    with open(ypath, "w", encoding="utf-8") as fh:
        yaml.dump(data, fh, Dumper=dumper, sort_keys=False, allow_unicode=True)
    with open(jpath, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    return ypath, jpath


def measure_one(path: str) -> dict:
    """Run in a fresh process: load, schedule, serialise; report seconds and peak memory."""
    sys.path.insert(0, ROOT)
    from planner.io.schedule_json import schedule_to_json
    from planner.io.yaml_plan import load_plan
    from planner.schedule import schedule

    t0 = time.perf_counter()
    plan = load_plan(path)
    t1 = time.perf_counter()
    sched = schedule(plan)
    t2 = time.perf_counter()
    text = schedule_to_json(sched)
    t3 = time.perf_counter()
    # CPM again on the same in-memory plan (calendar built already): the steady-state figure
    best = min(_timed(schedule, plan) for _ in range(3))
    return {"tasks": len(plan.tasks), "load_s": t1 - t0, "schedule_s": t2 - t1,
            "schedule_best_s": best, "json_s": t3 - t2, "total_s": t3 - t0,
            "finish": sched.project_finish.isoformat(), "json_bytes": len(text),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def shell_time(args: list[str], repeat: int = 3) -> float:
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        dt_ = time.perf_counter() - t
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.decode()}")
        best = dt_ if best is None else min(best, dt_)
    return best


def planner_command() -> list[str]:
    exe = os.path.join(os.path.dirname(sys.executable), "planner")
    return [exe] if os.path.exists(exe) else [sys.executable, "-m", "planner"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--keep", metavar="DIR", help="write the generated plans here and keep them")
    ap.add_argument("--one", metavar="PATH", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(measure_one(a.one)))
        return 0
    folder = a.keep or tempfile.mkdtemp(prefix="planner-bench-")
    os.makedirs(folder, exist_ok=True)
    sizes = [int(x) for x in a.sizes.split(",")]
    print(f"# machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; "
          f"python {sys.version.split()[0]}")
    print(f"{'tasks':>7} {'format':>6} {'load s':>8} {'CPM s':>8} {'CPM best':>9} {'total s':>8}"
          f" {'peak MB':>8}  finish")
    ten_k = None
    for n in sizes:
        ypath, jpath = write_plans(n, folder)
        if n == 10000:
            ten_k = (ypath, jpath)
        for path, fmt in ((ypath, "yaml"), (jpath, "json")):
            out = subprocess.run([sys.executable, __file__, "--one", path], capture_output=True,
                                 text=True, check=True).stdout
            r = json.loads(out)
            print(f"{r['tasks']:>7} {fmt:>6} {r['load_s']:>8.3f} {r['schedule_s']:>8.3f} "
                  f"{r['schedule_best_s']:>9.3f} {r['total_s']:>8.3f} {r['peak_mb']:>8.0f}  "
                  f"{r['finish']}")
    print()
    cmd = planner_command()
    seed = os.path.join(ROOT, "plans", "ssiks_it.yaml")
    print(f"shell: planner schedule plans/ssiks_it.yaml --format json   "
          f"{shell_time(cmd + ['schedule', seed, '--format', 'json']):.3f} s (target < 0.5 s)")
    print(f"shell: planner schedule plans/ssiks_it.yaml (table)          "
          f"{shell_time(cmd + ['schedule', seed]):.3f} s")
    if ten_k:
        for path in ten_k:
            name = os.path.basename(path)
            print(f"shell: planner schedule {name} --format json    "
                  f"{shell_time(cmd + ['schedule', path, '--format', 'json']):.3f} s "
                  f"(target < 3 s)")
    if not a.keep:
        for f in os.listdir(folder):
            os.unlink(os.path.join(folder, f))
        os.rmdir(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
