#!/usr/bin/env python3
"""Regenerate the risk charts of the seed plan in docs/img/ (docs/risk.md shows them).

    python docs/make_risk_images.py

Each chart is drawn by the command line exactly as a user would, with seed 0 and 10,000
iterations; the output is deterministic (rerunning changes no byte with the same matplotlib).
"""
from __future__ import annotations

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = ["risk", os.path.join("plans", "ssiks_it.yaml"), "--estimates",
        os.path.join("risk", "ssiks_it_estimates.yaml"), "--by", "2024-06-28",
        "--by", "2024-12-31"]
COMMANDS = [
    BASE + ["--lang", "nb", "-o", os.path.join("docs", "img", "ssiks_it_risk.png")],
    BASE + ["--lang", "en", "-o", os.path.join("docs", "img", "ssiks_it_risk_en.png")],
]


def main() -> int:
    os.chdir(ROOT)
    for args in COMMANDS:
        print("planner", " ".join(args))
        subprocess.run([sys.executable, "-m", "planner", *args], check=True,
                       stdout=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
