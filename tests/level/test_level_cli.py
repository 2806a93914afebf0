"""`planner level` and the commands that use a levelled plan (schedule, load, whatif,
explain).

The CLI has no deterministic limit; the tests that pin its levelled plan pass `--workers 1`:
a single CP-SAT worker with seed 1 whose limit is CP-SAT's deterministic time (capped at the
same number of wall-clock seconds, which the seed plan, proven with a thousandth of that, never
comes near), so the result does not depend on the machine's load.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from levelkit import ROOT, SEED, j30, planner, write_plan

from planner.io.yaml_plan import load_plan
from planner.level import resource_loads
from planner.schedule import schedule


# -- command line -------------------------------------------------------------------------
def test_cli_level_writes_a_plan_every_command_uses(tmp_path):
    out = tmp_path / "levelled.yaml"
    r = planner("level", SEED, "-o", str(out), "--time-limit", "30", "--workers", "1", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "Status: OPTIMAL" in r.stdout
    assert "Project finish: Fri 28.06.24 -> Thu 05.09.24 (+26 working days; 236 -> 262)" \
        in r.stdout
    assert "project finish: 262 working days" in r.stderr          # progress line
    assert "waits for dl (capacity 0.5) busy with" in r.stdout
    s = planner("schedule", str(out), "--format", "json")
    assert json.loads(s.stdout)["project"]["finish"] == "2024-09-05"
    before = planner("load", SEED, "--format", "json")
    assert before.returncode == 1 and "3 over-allocations" in before.stderr
    after = planner("load", str(out), "-o", str(tmp_path / "png"), "--lang", "en")
    assert after.returncode == 0 and "No over-allocations." in after.stdout
    pngs = sorted(os.listdir(tmp_path / "png"))
    assert pngs == ["load.png", "load_dl.png", "load_dr.png", "load_ext.png", "load_kd.png",
                    "load_os.png"]
    first = (tmp_path / "png" / "load_dl.png").read_bytes()
    assert first.startswith(b"\x89PNG")
    planner("load", str(out), "-o", str(tmp_path / "png"), "--lang", "en")
    assert (tmp_path / "png" / "load_dl.png").read_bytes() == first
    unlev = planner("load", str(out), "--unlevelled")
    assert unlev.returncode == 1
    j = planner("level", SEED, "--format", "json", "-q", "--workers", "1")
    data = json.loads(j.stdout)
    assert data["status"] == "OPTIMAL" and data["finish_after"] == "2024-09-05"
    assert {m["id"] for m in data["moves"]} >= {"25", "30", "32", "54"}
    assert j.stderr == ""


@pytest.mark.parametrize("body, message", [
    ("resources: [{id: r, name: R, capacity: 1}]\ntasks:\n"
     "  - {id: a, name: A, duration: 2, resources: {r: 2}}\n",
     "plan.yaml:4: task a needs 2 units of r but r has capacity 1"),
    ("resources:\n  - id: r\n    name: R\n    absences: [{date: 2024-01-09, working: true}]\n"
     "tasks:\n  - {id: a, name: A, duration: 2, resources: {r: 1}}\n",
     "plan.yaml:5: resource r: an absence cannot be a working day"),
    ("resources: [{id: r, name: R}]\ntasks:\n  - id: s\n    name: S\n    resources: {r: 1}\n"
     "    tasks: [{id: a, name: A, duration: 1}]\n",
     "plan.yaml:6: summary task s has resources"),
    ("resources: [{id: r, name: R}]\ntasks:\n  - {id: a, name: A, duration: 1, "
     "resources: {r: 1}}\n  - {id: b, name: B, duration: 1, constraint: ALAP}\n",
     "plan.yaml:5: task b is 'as late as possible': levelling supports ASAP tasks"),
])
def test_cli_bad_input(tmp_path, body, message):
    path = write_plan(tmp_path, body)
    r = planner("level", path, "-o", str(tmp_path / "out.yaml"))
    assert r.returncode == 2
    assert message in r.stderr.replace(str(tmp_path) + os.sep, "")
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_ctrl_c_keeps_the_best_plan_so_far(tmp_path):
    """A hard j30 instance with a long limit: Ctrl-C after the first solution stops the
    search, and the best levelled plan so far is reported and written."""
    plan = j30("j3013_1")
    lines = ["project: {name: j3013_1, start: 2024-01-01, calendar: standard}",
             "resources:"] + [f"  - {{id: {r.id}, name: {r.id}, capacity: {r.capacity:g}}}"
                              for r in plan.resources] + ["tasks:"]
    for t in plan.tasks:
        preds = ";".join(lk.pred for lk in t.predecessors)
        res = ", ".join(f"{a.resource}: {a.units:g}" for a in t.assignments)
        lines.append(f"  - {{id: j{t.id}, name: {t.name}, duration: {t.duration}" +
                     (f", predecessors: \"{';'.join('j' + p for p in preds.split(';'))}\""
                      if preds else "") + (f", resources: {{{res}}}" if res else "") + "}")
    src = tmp_path / "hard.yaml"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    proc = subprocess.Popen([sys.executable, "-m", "planner", "level", str(src), "-o", str(out),
                             "--time-limit", "120", "--lang", "en"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    t0 = time.time()
    seen = ""
    while "finish" not in seen.split("\n", 1)[-1] and time.time() - t0 < 30:
        seen += proc.stderr.readline()
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=30)
    assert time.time() - t0 < 40
    assert proc.returncode == 0, stderr
    assert "interrupted: best plan so far" in stdout
    levelled = load_plan(str(out))
    assert not any(ld.over for ld in resource_loads(schedule(levelled)))
    assert sum(t.leveling_delay for t in levelled.tasks) > 0


def test_cli_levels_a_scenario_and_the_levelled_plan_keeps_its_edits(tmp_path):
    out = tmp_path / "levelled.yaml"
    r = planner("level", SEED, "--scenario", os.path.join(ROOT, "scenarios", "slow_decisions.yaml"),
                "-o", str(out), "-q", "--workers", "1")
    assert r.returncode == 0, r.stderr
    assert "ssiks_it.yaml + Beslutningene tar dobbelt så lang tid:" in r.stdout.splitlines()[0]
    # slow decisions alone finish 2024-09-25; levelling their plan moves that to 2024-10-31
    s = planner("schedule", str(out), "--format", "json")
    assert json.loads(s.stdout)["project"]["finish"] == "2024-10-31"
    assert planner("load", str(out)).returncode == 0          # no over-allocation is left
    w = planner("whatif", str(out), "--set", "16.duration=60")
    assert w.returncode == 0 and "keep its levelling delays" in w.stderr


def test_explain_goes_on_through_a_levelling_delay(tmp_path):
    path = write_plan(tmp_path, "tasks:\n"
                      "  - {id: a, name: A, duration: 5}\n"
                      "  - {id: b, name: B, duration: 5, predecessors: a, leveling_delay: 3}\n")
    r = planner("explain", path, "b", "--lang", "en")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    # b would start Mon 15.01 after a; it waits 3 working days: Thu 18.01
    assert "starts Thu 18.01.24" in lines[0]
    assert lines[1].strip() == ("start set by a levelling delay of 3 working days "
                                "(waiting for a resource), after:")
    assert lines[2].strip().startswith("waits for aFS (a finishes Fri 12.01.24)")
    assert any(line.strip().startswith("a A: starts Mon 08.01.24") for line in lines)
    nb = planner("explain", path, "b", "--lang", "nb")
    assert "en utjevningsforsinkelse på 3 arbeidsdager (venter på en ressurs), etter:" in nb.stdout
