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


def test_tasks_under_half_a_day_become_milestones_with_one_note(tmp_path):
    xml = tmp_path / "short.xml"
    xml.write_text(SHORT_XML, encoding="utf-8")
    imp = read_mspdi(str(xml), near=str(tmp_path / "short.yaml"))
    durations = {t.id: t.duration for t in imp.plan.tasks}
    assert durations == {"1": 0, "2": 2, "3": 0, "4": 1, "5": 0}
    assert "2 tasks shorter than half a day became milestones (duration 0): 1 (UID 1), " \
           "3 (UID 3)" in imp.notes
    assert not any("rounded to 0" in n for n in imp.notes)
    res = invoke("import", str(xml), "-o", str(tmp_path / "short.yaml"))
    assert res.exit_code == 0
    assert "note: 2 tasks shorter than half a day became milestones" in res.output
