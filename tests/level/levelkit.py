"""Shared helpers of the levelling tests (tests/level/)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
import subprocess
import sys

from planner.io.yaml_plan import save_plan
from planner.level import resource_loads
from planner.schedule import schedule

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "plans", "ssiks_it.yaml")
DATA = os.path.join(ROOT, "tests", "data", "psplib")
D = dt.date

# Every test that pins a solver result levels with this: one worker, a fixed seed and CP-SAT's
# deterministic time as the only limit, so the result does not depend on the machine's speed or
# load (wall-clock quality claims live in benchmarks/psplib.py and docs/levelling.md).
DETERMINISTIC = {"workers": 1, "seed": 1, "deterministic_limit": 10.0}


def psplib():
    from planner.io import psplib as mod

    return mod


def j30(name: str):
    """The PSPLIB j30 instance ``name`` as a plan."""
    return psplib().read_sm(os.path.join(DATA, f"{name}.sm"))


def write_plan(tmp_path, body: str, name: str = "plan.yaml"):
    """A plan on the standard calendar (Monday to Friday, no holidays) from Mon 2024-01-08."""
    path = tmp_path / name
    path.write_text("project: {name: Test, start: 2024-01-08, calendar: standard}\n" + body,
                    encoding="utf-8")
    return str(path)


def starts(res) -> dict:
    s = res.after
    return {t.id: s.date(s.start[i]) for i, t in enumerate(res.plan.tasks) if not t.summary}


def planner(*args, **kw):
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True,
                          text=True, cwd=kw.get("cwd", ROOT), timeout=kw.get("timeout", 120))


def saved(tmp_path, plan) -> str:
    path = tmp_path / "levelled.yaml"
    save_plan(plan, str(path))
    return str(path)


def brute_force_finish(plan, limit: int) -> int:
    """The least project duration over all levelling delays 0..limit of the tasks that use a
    resource, among the delay choices that respect every capacity and absence."""
    res_tasks = [i for i, t in enumerate(plan.tasks) if t.assignments and t.duration]
    best = None
    for combo in itertools.product(range(limit + 1), repeat=len(res_tasks)):
        delays = dict(zip(res_tasks, combo))
        trial = dataclasses.replace(plan, tasks=[dataclasses.replace(t, leveling_delay=delays.get(
            i, 0)) for i, t in enumerate(plan.tasks)])
        sched = schedule(trial)
        if best is not None and sched.project_duration >= best:
            continue
        if not any(ld.over for ld in resource_loads(sched)):
            best = sched.project_duration
    return best
