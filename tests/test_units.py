"""MS Project's duration and lag units in plans, scenario files and --set, and the link form
without '>' that the shell cannot misread."""
import datetime as dt
import os

import pytest
import yaml

from conftest import ROOT, SEED_PLAN, run_cli
from planner.errors import PlanError
from planner.io.scenario_yaml import parse_set, scenario_from_data
from planner.io.units import quantity
from planner.io.yaml_plan import load_plan, plan_from_data
from planner.scenario import Scenario, apply_scenarios
from planner.schedule import schedule

D = dt.date


@pytest.mark.parametrize("text,expected", [
    ("3", (3, "d")), ("3d", (3, "d")), ("3 dager", (3, "d")), ("2w", (10, "d")),
    ("2 uker", (10, "d")), ("1mo", (20, "d")), ("1,5mo", (30, "d")), ("+2mo", (40, "d")),
    ("-1w", (-5, "d")), ("4ed", (4, "ed")), ("2ew", (14, "ed")), ("1emo", (30, "ed")),
    ("16h", (2, "d")), ("480min", (1, "d")), ("48eh", (2, "ed"))])
def test_quantities_in_whole_days(text, expected):
    assert quantity(text, "lag") == expected


@pytest.mark.parametrize("text,message", [
    ("4h", "hours and minutes need a part-day plan (project.minutes_per_day), else only whole days (8 h = 1d)"),
    ("90min", "hours and minutes need a part-day plan"),
    ("1.5w", "is 7.5 days: lags are whole days"), ("2m", "m is ambiguous; write mo"),
    ("3y", "unknown unit 'y'"), ("three", "is not a number of days")])
def test_part_days_and_unknown_units_are_refused(text, message):
    with pytest.raises(PlanError) as err:
        quantity(text, "lag")
    assert message in err.value.message


PLAN = """
project: {name: u, start: 2025-01-06, calendar: {base: norway, seasons: []}}
tasks:
  - {id: A, name: A, duration: 2w}
  - {id: B, name: B, duration: 1mo, predecessors: "AFS+1w"}
  - {id: C, name: C, duration: 16h, predecessors: [{task: B, lag: 1, unit: ew}]}
  - {id: D, name: D, duration: "3 dager", predecessors: "CFS+2ed"}
"""


def test_plan_durations_and_lags_with_units():
    plan = plan_from_data(yaml.safe_load(PLAN), None)
    t = {x.id: x for x in plan.tasks}
    assert [t[k].duration for k in "ABCD"] == [10, 20, 2, 3]
    assert (t["B"].predecessors[0].lag, t["B"].predecessors[0].lag_unit) == (5, "d")
    assert (t["C"].predecessors[0].lag, t["C"].predecessors[0].lag_unit) == (7, "ed")
    s = schedule(plan)
    dates = {x.id: (s.date(s.start[i]), s.date(s.finish[i])) for i, x in enumerate(plan.tasks)}
    assert dates["A"] == (D(2025, 1, 6), D(2025, 1, 17))
    assert dates["B"] == (D(2025, 1, 27), D(2025, 2, 21))     # a week's lag, four weeks
    assert dates["C"] == (D(2025, 3, 3), D(2025, 3, 4))       # seven calendar days later


@pytest.mark.parametrize("duration,message", [
    ("4h", "hours and minutes need a part-day plan")])
def test_plan_refuses_part_days(write_plan, duration, message):
    path = write_plan(PLAN.replace("duration: 2w", f"duration: {duration}"))
    code, _out, err = run_cli("validate", path)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert err.startswith(f"{path}:4: ") and message in err


def test_an_elapsed_duration_in_any_elapsed_unit():
    from planner.io.task_kinds import elapsed_duration

    assert [elapsed_duration(v) for v in ("2ed", "1ew", "1emo", "3d", "2w")] == \
        [2, 7, 30, None, None]


def _finish(*exprs):
    plan = load_plan(SEED_PLAN)
    s = schedule(apply_scenarios(plan, [Scenario("t", [parse_set(e) for e in exprs])]))
    return s.project_finish, [s.date(k) for k in s.start]


def test_set_with_months_and_weeks_equals_days():
    assert _finish("24.duration=+2mo") == _finish("24.duration=+40")
    assert _finish("24.duration=+2mo")[0] == D(2024, 9, 25)
    assert _finish("16.duration=7w") == _finish("16.duration=35")
    assert _finish("6.duration=x1.5") != _finish()


def test_link_without_arrow_and_lag_units():
    arrow = _finish("48->49.lag=-5")
    assert _finish("48:49.lag=-5") == arrow
    assert _finish("48:49.lag=-1w") == arrow
    assert _finish("48:49.lag=-5") != _finish()
    ch = parse_set("48:49.lag=+3ed")
    assert ch.link == ("48", "49") and ch.value == (3, "ed")
    assert parse_set("48:49.lag=-5").value == (-5, None)     # the link keeps its unit
    assert parse_set("48:49.type=SS").link == ("48", "49")


@pytest.mark.parametrize("expr,message", [
    ("a:b:c.lag=2", "which ':' splits the link?"), ("48.lag=2", "is not a link; write PRED:SUCC"),
    ("24.duration=+4h", "hours and minutes need a part-day plan"),
    ("24.duration=+2ed", "elapsed durations are not supported")])
def test_set_link_and_unit_errors(expr, message):
    with pytest.raises(PlanError) as err:
        parse_set(expr)
    assert err.value.format().startswith(f"--set {expr}: ") and message in err.value.format()


def test_scenario_file_with_units():
    sc = scenario_from_data({"name": "u", "changes": [
        {"task": 24, "duration": "+2mo"}, {"link": "48 -> 49", "lag": "-1w"}]}, None)
    assert str(sc.changes[0].amount) == "+40" and sc.changes[1].value == (-5, "d")


def test_colon_link_form_passes_a_shell_unquoted(tmp_path):
    """The documented form, typed into sh as it stands: no file appears, the lag applies."""
    import json
    import os
    import shlex
    import subprocess
    import sys

    cmd = (f"{shlex.quote(sys.executable)} -m planner schedule {shlex.quote(SEED_PLAN)} "
           f"--set 24.duration=+2mo --set 48:49.lag=-1w --format json")
    env = dict(os.environ, PYTHONPATH=ROOT)
    proc = subprocess.run(cmd, shell=True, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    assert list(tmp_path.iterdir()) == []
    data = json.loads(proc.stdout)
    t49 = next(t for t in data["tasks"] if t["id"] == "49")
    assert t49["predecessors"] == [{"id": "48", "type": "FS", "lag_days": -5}]
    t24 = next(t for t in data["tasks"] if t["id"] == "24")
    assert t24["duration_days"] == 140


def test_help_shows_units_and_the_shell_safe_link_form():
    for cmd in ("schedule", "whatif", "explain", "gantt", "export", "load", "level"):
        code, out, _ = run_cli(cmd, "--help")
        text = " ".join(out.split())
        assert code == 0
        assert "mo (20 d)" in text and "w (5 d)" in text, cmd
        assert "48:49.lag=-5" in text and "'48->49.lag=-5', quoted" in text, cmd


def test_no_doc_or_help_writes_an_unquoted_arrow_after_set():
    """`--set 48->49.lag=-5` unquoted makes the shell write a file: every doc quotes it."""
    import glob
    import re

    files = glob.glob(os.path.join(ROOT, "docs", "*.md")) + [os.path.join(ROOT, "README.md")]
    files += glob.glob(os.path.join(ROOT, "planner", "**", "*.py"), recursive=True)
    bad = []
    for path in files:
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            for m in re.finditer(r"--set\s+(\S+)", line):
                if "->" in m.group(1) and m.group(1)[0] not in "'\"":
                    bad.append(f"{path}:{n}: {line.strip()}")
    assert not bad, "\n".join(bad)
