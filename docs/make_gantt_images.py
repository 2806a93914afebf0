#!/usr/bin/env python3
"""Regenerate the example Gantt charts of the seed plan in docs/img/.

    python docs/make_gantt_images.py

Run it from anywhere with the planner installed (e.g. `.venv/bin/python docs/make_gantt_images.py`).
The first two charts are drawn by the command line exactly as a user would; the third compares
a what-if with the plan through the Python API (`render_gantt(..., baseline=...)`).  The output
is deterministic: with the same matplotlib and FreeType, rerunning changes no byte.
"""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLAN = os.path.join("plans", "ssiks_it.yaml")
IMG = os.path.join("docs", "img")

COMMANDS = [
    ["gantt", PLAN, "-o", os.path.join(IMG, "ssiks_it_gantt.png")],
    ["gantt", PLAN, "-o", os.path.join(IMG, "ssiks_it_gantt_links.png"), "--links",
     "--status-date", "2024-01-15"],
]


def recruitment_scenario() -> str:
    """Task 24 (recruiting the head of innovation) takes 120 working days instead of 100."""
    sys.path.insert(0, ROOT)
    from planner.io.yaml_plan import load_plan
    from planner.render.gantt import render_gantt
    from planner.schedule import schedule

    plan = load_plan(PLAN)
    baseline = schedule(plan)
    tasks = [dataclasses.replace(t, duration=120) if t.id == "24" else t for t in plan.tasks]
    current = schedule(dataclasses.replace(plan, tasks=tasks))
    out = os.path.join(IMG, "ssiks_it_scenario_recruitment.png")
    render_gantt(current, out, baseline=baseline,
                 scenario_label="rekruttering (aktivitet 24) tar 120 dager")
    return out


def main() -> int:
    os.chdir(ROOT)
    os.makedirs(IMG, exist_ok=True)
    for args in COMMANDS:
        print("planner " + " ".join(args))
        subprocess.run([sys.executable, "-m", "planner", *args], check=True)
    print(recruitment_scenario())
    return 0


if __name__ == "__main__":
    sys.exit(main())
