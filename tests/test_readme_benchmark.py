"""The README's PSPLIB benchmark command works as written in a fresh clone: every path it
names is in the repository, and it runs (with a short time limit) and finds the optima."""
import os
import re
import shlex
import subprocess
import sys

from conftest import ROOT


def _readme_command() -> list:
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    lines = [x for x in text.splitlines() if x.startswith("python benchmarks/psplib.py")]
    assert len(lines) == 1, lines
    return shlex.split(lines[0].split("#")[0])


def _tracked(path: str) -> bool:
    """In the repository as a clone gets it: a tracked file, or a folder holding some."""
    try:
        out = subprocess.run(["git", "ls-files", "--", path], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return os.path.exists(os.path.join(ROOT, path))     # not a git checkout
    return bool(out.strip())


def test_readme_psplib_command_runs_from_the_repository():
    cmd = _readme_command()
    paths = [a for a in cmd[1:] if not a.startswith("-")]
    assert paths and all(not os.path.isabs(p) and not p.startswith("..") for p in paths)
    assert all(_tracked(p) for p in paths), paths
    proc = subprocess.run([sys.executable] + cmd[1:] + ["--time-limit", "1", "--workers", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "instances: 11;" in proc.stdout
    m = re.search(r"matching the known optimum: (\d+)/11", proc.stdout)
    assert m and int(m.group(1)) >= 8, proc.stdout
