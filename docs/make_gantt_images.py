#!/usr/bin/env python3
"""Regenerate the example Gantt charts of the seed plan in docs/img/.

    python docs/make_gantt_images.py

Run it from anywhere with the planner installed (e.g. `.venv/bin/python docs/make_gantt_images.py`).
Every chart is drawn by the command line exactly as a user would; the third is the prepared
scenario scenarios/slow_recruitment.yaml over the plan as it is; the fourth the plan at its
October 2023 status against its saved baseline; the last the plan after `planner level` (its
levelled plan is written to a temporary file).  The output is deterministic:
with the same matplotlib and FreeType, rerunning changes no byte.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLAN = os.path.join("plans", "ssiks_it.yaml")
IMG = os.path.join("docs", "img")

COMMANDS = [
    ["gantt", PLAN, "-o", os.path.join(IMG, "ssiks_it_gantt.png")],
    ["gantt", PLAN, "-o", os.path.join(IMG, "ssiks_it_gantt_links.png"), "--links",
     "--status-date", "2024-01-15"],
    ["gantt", PLAN, "--scenario", os.path.join("scenarios", "slow_recruitment.yaml"),
     "-o", os.path.join(IMG, "ssiks_it_scenario_recruitment.png")],
    ["gantt", PLAN, "--status", os.path.join("status", "2023-10-31.yaml"), "--baseline",
     "baseline", "-o", os.path.join(IMG, "ssiks_it_status_gantt.png")],
]


def main() -> int:
    os.chdir(ROOT)
    os.makedirs(IMG, exist_ok=True)
    tmp = tempfile.mkdtemp()
    levelled = os.path.join(tmp, "ssiks_it_levelled.yaml")
    commands = COMMANDS + [
        ["level", PLAN, "-q", "-o", levelled],
        ["gantt", levelled, "-o", os.path.join(IMG, "ssiks_it_levelled_gantt.png")],
    ]
    for args in commands:
        print("planner " + " ".join(args))
        subprocess.run([sys.executable, "-m", "planner", *args], check=True,
                       stdout=subprocess.DEVNULL if args[0] == "level" else None)
    os.remove(levelled)
    os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
