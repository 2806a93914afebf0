import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")
SEED_PLAN = os.path.join(ROOT, "plans", "ssiks_it.yaml")

# tests live in folders that mirror the package (tests/level/, tests/io/, ...); their shared
# helpers (randplans, mpxj_harness) stay here, importable from every folder
if os.path.dirname(os.path.abspath(__file__)) not in sys.path:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="session")
def seed_schedule():
    from planner.io.yaml_plan import load_plan
    from planner.schedule import schedule

    return schedule(load_plan(SEED_PLAN))


@pytest.fixture
def write_plan(tmp_path):
    """Write YAML text to a plan file in a temporary folder and return its path."""

    def _write(text, name="plan.yaml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return _write


def run_cli(*args):
    """Run the planner CLI in a subprocess; returns (exit code, stdout, stderr)."""
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True,
                          text=True, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr
