#!/usr/bin/env python3
"""Regenerate the example Gantt charts of the seed plan in docs/img/.

    python docs/make_gantt_images.py

Run it from anywhere with the planner installed (e.g. `.venv/bin/python docs/make_gantt_images.py`).
The first two charts are drawn by the command line exactly as a user would; the third draws the
prepared scenario scenarios/slow_recruitment.yaml over the plan through the Python API
(`render_gantt(..., baseline=...)`).  The output
is deterministic: with the same matplotlib and FreeType, rerunning changes no byte.
"""
from __future__ import annotations

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
    """The prepared scenario scenarios/slow_recruitment.yaml (task 24 takes 140 working days
    instead of 100) drawn over the plan as it is."""
    sys.path.insert(0, ROOT)
    from planner.io.scenario_yaml import load_scenario
    from planner.io.yaml_plan import load_plan
    from planner.render.gantt import render_gantt
    from planner.scenario import apply_scenarios
    from planner.schedule import schedule

    plan = load_plan(PLAN)
    scenario = load_scenario(os.path.join("scenarios", "slow_recruitment.yaml"))
    out = os.path.join(IMG, "ssiks_it_scenario_recruitment.png")
    render_gantt(schedule(apply_scenarios(plan, [scenario])), out, baseline=schedule(plan),
                 scenario_label=scenario.name)
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
