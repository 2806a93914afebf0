"""A part-day plan exported to MSPDI: the exact moments, durations and lags, which MPXJ's MS
Project-compatible scheduler computes again to the minute; the import gives the plan back."""
import os

from mpxj_harness import mpxj
from planner.io.mspdi import read_mspdi, schedule_to_mspdi
from planner.io.yaml_plan import load_plan
from planner.schedule import schedule

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "part_day.yaml")


def test_mpxj_reschedules_the_exported_part_day_plan_to_the_minute(tmp_path):
    sched = schedule(load_plan(PLAN))
    text = schedule_to_mspdi(sched)
    assert "<StartDate>2024-01-08T09:00:00</StartDate>" in text
    assert "<MinutesPerDay>450</MinutesPerDay>" in text
    assert "<Duration>PT4H0M0S</Duration>" in text and "<LinkLag>1200</LinkLag>" in text
    assert "<FromTime>13:00:00</FromTime><ToTime>15:00:00</ToTime>" in text.replace(
        "\n", "").replace(" ", "")
    m = mpxj()
    theirs = m.tasks(m.reschedule(text))
    mine = {t.id: (f"{sched.datetime(sched.start[i]):%Y-%m-%dT%H:%M}",
                   f"{sched.datetime(sched.finish[i]):%Y-%m-%dT%H:%M}")
            for i, t in enumerate(sched.plan.tasks)}
    assert {str(uid): (r["start"], r["finish"]) for uid, r in theirs.items() if uid} == mine
    path = tmp_path / "pd.xml"
    path.write_text(text, encoding="utf-8")
    imp = read_mspdi(str(path), near=str(tmp_path / "pd.yaml"))
    again = schedule(imp.plan)
    assert imp.agreement.line(again) == "4 of 4 tasks get the file's dates"
    assert [t.duration for t in imp.plan.tasks] == [t.duration for t in sched.plan.tasks]
