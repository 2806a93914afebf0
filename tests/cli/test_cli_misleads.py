"""What misled a project leader in a month of use (issue 16, points 1-4 and 8): no silent
clamping, missed deadlines in what-ifs, links a constraint breaks, the resource-critical path
of a levelled plan, and load charts a board can read."""
import os

from click.testing import CliRunner

from conftest import SEED_PLAN
from planner.cli import main
from planner.io.mspdi import read_mspdi


def invoke(*args):
    return CliRunner().invoke(main, [*args])


# -- 4. silent clamping ------------------------------------------------------------------------
def test_a_relative_edit_below_zero_is_an_error_not_a_milestone():
    res = invoke("schedule", SEED_PLAN, "--set", "24.duration=-200", "--lang", "en")
    assert res.exit_code == 2
    assert res.output.strip().splitlines() == [
        "error: --set 24.duration=-200: task 24: duration 100 -200 = -100 working days; a "
        "duration cannot be negative (=0 makes a milestone)"]
    ok = invoke("schedule", SEED_PLAN, "--set", "24.duration=-2", "--lang", "en")
    assert ok.exit_code == 0
    assert "98 days" in next(ln for ln in ok.output.splitlines() if ln.startswith("24 "))


SHORT_XML = """<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project">
<StartDate>2024-01-08T08:00:00</StartDate><MinutesPerDay>480</MinutesPerDay>
<Tasks>
<Task><UID>1</UID><ID>1</ID><Name>Kick-off</Name><Duration>PT1H0M0S</Duration></Task>
<Task><UID>2</UID><ID>2</ID><Name>Work</Name><Duration>PT16H0M0S</Duration></Task>
<Task><UID>3</UID><ID>3</ID><Name>Sign</Name><Duration>PT3H30M0S</Duration></Task>
<Task><UID>4</UID><ID>4</ID><Name>Half</Name><Duration>PT4H0M0S</Duration></Task>
<Task><UID>5</UID><ID>5</ID><Name>Done</Name><Duration>PT0H0M0S</Duration>
<Milestone>1</Milestone></Task>
</Tasks></Project>
"""


def test_tasks_of_part_of_a_day_keep_their_minutes(tmp_path):
    # (they used to become milestones: planner now schedules part-day work, working_time.py)
    xml = tmp_path / "short.xml"
    xml.write_text(SHORT_XML, encoding="utf-8")
    imp = read_mspdi(str(xml), near=str(tmp_path / "short.yaml"))
    durations = {t.id: t.duration for t in imp.plan.tasks}
    assert durations == {"1": 0.125, "2": 2, "3": 0.4375, "4": 0.5, "5": 0}
    assert imp.plan.minutes_per_day == 480
    assert not any("milestone" in n or "rounded" in n for n in imp.notes)
    res = invoke("import", str(xml), "-o", str(tmp_path / "short.yaml"))
    assert res.exit_code == 0, res.output
    text = (tmp_path / "short.yaml").read_text(encoding="utf-8")
    assert "duration: 1h\n" in text and "duration: 210min\n" in text and "duration: 4h\n" in text
    res = invoke("schedule", str(tmp_path / "short.yaml"), "--lang", "en")
    assert res.exit_code == 0, res.output
    assert " 1 h " in res.output and "3.5 h" in res.output and "11:30" in res.output


# -- 1. whatif and deadlines -------------------------------------------------------------------
SLOW = os.path.join(os.path.dirname(SEED_PLAN), "..", "scenarios", "slow_recruitment.yaml")


def _plan_with_deadline(tmp_path):
    text = open(SEED_PLAN, encoding="utf-8").read()
    marker = "        - id: 54\n"
    head, tail = text.split(marker)
    lines = tail.split("\n")
    assert lines[1].strip() == "duration: 14"
    lines.insert(2, "          deadline: 2024-06-28")
    path = tmp_path / "plan.yaml"
    path.write_text(head + marker + "\n".join(lines), encoding="utf-8")
    return str(path)


def test_whatif_names_the_missed_deadline_in_every_format_and_exits_1(tmp_path):
    import json

    plan = _plan_with_deadline(tmp_path)
    table = invoke("whatif", plan, SLOW, "--lang", "en")
    assert table.exit_code == 1
    lines = table.output.splitlines()
    assert any(ln.split() == ["Missed", "deadlines", "-", "54"] for ln in lines)
    assert "Missed deadline: 54 deadline Fri 28.06.24, forecast Wed 25.09.24 (+40 working " \
           "days late)" in table.output
    assert "check failed: Rekrutteringen tar 40 dager lengre: task 54 finishes 2024-09-25, " \
           "after its deadline 2024-06-28" in table.output
    md = invoke("whatif", plan, SLOW, "--format", "md")
    assert md.exit_code == 1
    assert "| Passerte frister | - | 54 |" in md.output
    assert "**Passert frist: 54 frist fre 28.06.24, prognose ons 25.09.24 (+40 arbeidsdager " \
           "for sent)**" in md.output
    out = tmp_path / "w.json"
    js = invoke("whatif", plan, SLOW, "--format", "json", "-o", str(out))
    assert js.exit_code == 1
    [sc] = json.loads(out.read_text(encoding="utf-8"))["scenarios"]
    assert sc["missed_deadlines"] == [{
        "id": "54", "name": "Operasjonalisere innovasjonslinjen gjennom de første "
        "innovasjonsvedtakene", "deadline": "2024-06-28", "finish": "2024-09-25",
        "late_working_days": 40}]
    kept = invoke("whatif", plan, "--set", "16.duration=20", "--format", "json")
    assert kept.exit_code == 0
    assert '"missed_deadlines": []' in kept.output


# -- 2. a constraint that overrides a link -----------------------------------------------------
FNLT44 = ("--set", "44.constraint=FNLT:2024-03-01")
WARNING = ("warning: task 44: its constraint finish no later than 2024-03-01 overrides link "
           "43FS: 44 starts Mon 12.02.24, 11 working days before the link allows (43 has total "
           "float -11 days)")


def _run(*args):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True,
                          text=True, cwd=os.path.dirname(os.path.dirname(SEED_PLAN)),
                          env=dict(os.environ, PLANNER_LANG="en"))


def test_schedule_warns_of_the_broken_link_and_shows_the_negative_float():
    import json

    res = _run("schedule", SEED_PLAN, *FNLT44)
    assert res.returncode == 0
    assert res.stderr.splitlines() == [WARNING]
    rows = {ln.split()[0]: ln.split() for ln in res.stdout.splitlines()[3:] if ln.strip()}
    assert rows["44"][-6:] == ["Mon", "12.02.24", "Fri", "01.03.24", "0", "*"]
    assert rows["43"][-6:] == ["Tue", "13.02.24", "Mon", "26.02.24", "-11", "*"]
    data = json.loads(_run("schedule", SEED_PLAN, *FNLT44, "--format", "json").stdout)
    assert data["broken_links"] == [{"from": "43", "to": "44", "type": "FS", "lag_days": 0,
                                     "by_days": 11, "float_days": -11}]
    floats = {t["id"]: t["total_float_days"] for t in data["tasks"]}
    assert (floats["41"], floats["43"], floats["44"]) == (-11, -11, 0)
    plain = _run("schedule", SEED_PLAN, "--format", "json")
    assert plain.stderr == "" and "broken_links" not in json.loads(plain.stdout)


def test_validate_whatif_and_explain_name_the_broken_link(tmp_path):
    text = open(SEED_PLAN, encoding="utf-8").read()
    marker = "        - id: 44\n"
    head, tail = text.split(marker)
    lines = tail.split("\n")
    lines.insert(2, "          constraint: {type: FNLT, date: 2024-03-01}")
    plan = tmp_path / "plan.yaml"
    plan.write_text(head + marker + "\n".join(lines), encoding="utf-8")
    val = _run("validate", str(plan), "--no-checks")
    assert val.returncode == 0 and val.stderr.splitlines() == [WARNING]
    what = _run("whatif", SEED_PLAN, *FNLT44)
    assert what.returncode == 0
    assert "Warning: task 44: its constraint finish no later than 2024-03-01 overrides link " \
           "43FS" in what.stdout
    why = _run("explain", SEED_PLAN, "44", *FNLT44).stdout
    assert "waits for 43FS" not in why
    assert "start set by its constraint finish no later than 2024-03-01" in why
    assert "which overrides link 43FS (43 finishes Mon 26.02.24): 11 working days before the " \
           "link allows; 43 has total float -11 days" in why
    nb = _run("explain", SEED_PLAN, "44", *FNLT44, "--lang", "nb").stdout
    assert "som overstyrer koblingen 43FS (43 slutter man 26.02.24)" in nb


# -- 8. load histograms a board can read -------------------------------------------------------
def test_load_writes_one_figure_with_a_row_per_resource_and_month_names(tmp_path):
    import struct

    from planner.io.yaml_plan import load_plan
    from planner.level import resource_loads
    from planner.render.load_chart import _legend_handles, WORDS, month_ticks, x_span
    from planner.schedule import schedule

    res = invoke("load", SEED_PLAN, "-o", str(tmp_path))
    assert res.exit_code == 1                       # the seed plan is over-allocated
    png = (tmp_path / "load.png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1210, 979)           # 11 in wide, a row per resource (5)
    invoke("load", SEED_PLAN, "-o", str(tmp_path / "again"))
    assert (tmp_path / "again" / "load.png").read_bytes() == png
    sched = schedule(load_plan(SEED_PLAN))
    loads = resource_loads(sched)
    lo, hi = x_span(loads, None)
    _starts, _mids, labels = month_ticks(lo, hi, "nb")
    assert labels[:3] == ["jun\n2023", "jul", "aug"] and "jan\n2024" in labels
    assert "mai" in labels
    shading = [(1.0, 2.0, "Fellesferie", "season", True), (3.0, 4.0, "1. mai", "holiday", True)]
    names = [h.get_label() for h in _legend_handles(WORDS["nb"], True, shading, True)]
    assert names == ["arbeid per uke (dagsverk), utjevnet",
                     "over kapasitet: en dag over kapasiteten (eller arbeid under fravær) i uken",
                     "kapasitet (dagsverk tilgjengelig per uke)", "før utjevning (omriss)",
                     "ferieperiode", "offentlig fridag"]
