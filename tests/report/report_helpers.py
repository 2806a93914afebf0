"""Paths and the report command line shared by the report tests (the fixtures are in this
folder's conftest.py)."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED_PLAN = "plans/ssiks_it.yaml"            # relative: the footer shows it as given
STATUS = "status/2023-10-31.yaml"
HISTORY = ("status/2023-08-31.yaml", "status/2023-09-29.yaml", "status/2023-10-31.yaml")
ESTIMATES = "risk/ssiks_it_estimates.yaml"


def run_report(*args):
    """``planner report ARGS`` in a subprocess from the repository root: (code, out, err)."""
    proc = subprocess.run([sys.executable, "-m", "planner", "report", *args],
                          capture_output=True, text=True, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


def seed_args(lang: str, out: str) -> list:
    """The October 2023 report of the seed plan, as docs/make_report.sh makes it."""
    return [SEED_PLAN, "--status", STATUS, "--baseline", "baseline", "--estimates", ESTIMATES,
            "--lang", lang, "-o", out, "--history", *HISTORY]
