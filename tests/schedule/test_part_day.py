"""Part-day working time (planner/working_time.py): a plan with ``minutes_per_day`` schedules
in working minutes on the calendar's hours per weekday.  Dates counted by hand."""
import datetime as dt
import json
import os

import pytest

from planner.errors import PlanError
from planner.io.yaml_plan import dump_plan, load_plan, plan_from_data
from planner.model import CalendarDef, Link, Plan, Task
from planner.schedule import schedule
from planner.working_time import MinuteCalendar, WorkMoment, whole_day_plan

HERE = os.path.dirname(os.path.abspath(__file__))
PLAN = os.path.join(HERE, "..", "data", "part_day.yaml")
LUNCH = (("08:00", "12:00"), ("13:00", "17:00"))


def moments(sched):
    return {t.id: (f"{sched.datetime(sched.start[i]):%a %H:%M}",
                   f"{sched.datetime(sched.finish[i]):%a %H:%M}")
            for i, t in enumerate(sched.plan.tasks)}


def test_two_half_days_share_a_day_across_lunch():
    plan = Plan("p", dt.date(2024, 1, 1), CalendarDef("std", hours=LUNCH),
                [Task("a", "A", 0.5), Task("b", "B", 0.5, predecessors=[Link("a")]),
                 Task("c", "C", 1, predecessors=[Link("b")]),
                 Task("m", "M", 0, predecessors=[Link("c")])], minutes_per_day=480)
    s = schedule(plan)
    assert moments(s) == {"a": ("Mon 08:00", "Mon 12:00"), "b": ("Mon 13:00", "Mon 17:00"),
                          "c": ("Tue 08:00", "Tue 17:00"), "m": ("Tue 17:00", "Tue 17:00")}
    assert s.duration == [0.5, 0.5, 1, 0] and s.project_duration == 2


def test_the_plan_file_with_hours_lags_a_short_friday_and_a_start_time():
    s = schedule(load_plan(PLAN))
    # 4h from Monday 09:00 (3 h before lunch); 1.5 days of 7.5 h = 11.25 h from 14:00: 2.5 h
    # Monday, 7.5 h Tuesday, 1.25 h Wednesday; a lag of 2 h; 90 minutes across lunch
    assert moments(s) == {"1": ("Mon 09:00", "Mon 14:00"), "2": ("Mon 14:00", "Wed 09:15"),
                          "3": ("Wed 11:15", "Wed 13:45"), "4": ("Wed 13:45", "Wed 13:45")}
    assert s.project_duration == 2.5        # 18.75 working hours of 7.5


def test_a_whole_day_plan_is_unchanged_by_the_minute_resolution():
    tasks = [Task("a", "A", 3), Task("b", "B", 2, predecessors=[Link("a", "SS", 1)]),
             Task("c", "C", 4, predecessors=[Link("b", "FF", -1)])]
    days = schedule(Plan("p", dt.date(2024, 1, 1), CalendarDef("std"), tasks))
    mins = schedule(Plan("p", dt.date(2024, 1, 1), CalendarDef("std", hours=LUNCH), tasks,
                         minutes_per_day=480))
    for i in range(3):
        assert days.row(i) == mins.row(i)


def test_the_yaml_round_trip_keeps_minutes_and_hours():
    plan = load_plan(PLAN)
    text = dump_plan(plan)
    assert "minutes_per_day: 450" in text and "start_time: 09:00" in text
    assert "duration: 4h" in text and "duration: 90min" in text and "2FS+2h" in text
    assert "fri: 08:00-12:00 13:00-15:00" in text
    import yaml
    again = plan_from_data(yaml.safe_load(text))
    assert moments(schedule(again)) == moments(schedule(plan))
    assert dump_plan(again) == text


def test_bad_part_day_input_is_named():
    with pytest.raises(PlanError, match="duration must be a whole number of working days, not "
                                        "0.5 \\(a part-day plan needs project.minutes_per_day"):
        plan_from_data({"project": {"name": "p", "start": "2024-01-01"},
                        "tasks": [{"id": 1, "name": "a", "duration": 0.5}]})
    with pytest.raises(PlanError, match="minutes_per_day must be a whole number of minutes"):
        plan_from_data({"project": {"name": "p", "start": "2024-01-01", "minutes_per_day": 0},
                        "tasks": []})
    with pytest.raises(PlanError, match="week_hours mon: '12:00-08:00' is not a span"):
        plan_from_data({"project": {"name": "p", "start": "2024-01-01", "minutes_per_day": 480,
                                    "calendar": {"base": "norway",
                                                 "week_hours": {"mon": "12:00-08:00"}}},
                        "tasks": []})


def test_json_and_table_show_times_only_for_part_day_plans():
    from planner.io.schedule_json import schedule_to_dict
    from planner.render.table import render_table

    s = schedule(load_plan(PLAN))
    d = schedule_to_dict(s)
    assert (d["project"]["start_time"], d["project"]["finish_time"]) == ("09:00", "13:45")
    assert [(t["start_time"], t["finish_time"]) for t in d["tasks"]][:2] == \
        [("09:00", "14:00"), ("14:00", "09:15")]
    json.dumps(d)
    table = render_table(s, "nb")
    assert "man 08.01.24 09:00" in table and "1,5 dager" in table and "1,5 t" in table
    whole = schedule(Plan("p", dt.date(2024, 1, 1), CalendarDef("std"), [Task("a", "A", 1)]))
    assert "start_time" not in json.dumps(schedule_to_dict(whole))
    assert ":00" not in render_table(whole).splitlines()[2]


def test_an_actual_start_at_a_time_of_day_is_kept():
    cal = MinuteCalendar(CalendarDef("std", hours=LUNCH), dt.date(2024, 1, 1), 480)
    m = WorkMoment.at(dt.datetime(2024, 1, 2, 9, 30))
    assert m == dt.date(2024, 1, 2) and cal.key_datetime(cal.start_key(m)) == \
        dt.datetime(2024, 1, 2, 9, 30)


def test_levelling_and_risk_work_on_whole_days_of_a_part_day_plan():
    plan = load_plan(PLAN)
    w = whole_day_plan(plan)
    assert [t.duration for t in w.tasks] == [1, 2, 1, 0] and w.minutes_per_day is None
    from planner.level import level

    res = level(plan, workers=1, seed=1, deterministic_limit=5)
    assert res.outcome.notes[0].startswith("the plan has part-day work")


def test_a_long_task_on_a_part_time_resource_counts_its_minutes_by_day():
    # Kari works Monday to Wednesday, 08:00-16:00: 2000.5 of her days from Monday 8 January
    # 2024 (the calendar's window grows on the way) end at noon; a 2-hour lag, then 4 hours
    # across the night: 14:00-16:00 and Tuesday 08:00-10:00
    s = schedule(load_plan(os.path.join(HERE, "..", "data", "part_day_calendar.yaml")))
    got = {t.id: (f"{s.datetime(s.start[i]):%Y-%m-%d %H:%M}",
                  f"{s.datetime(s.finish[i]):%Y-%m-%d %H:%M}")
           for i, t in enumerate(s.plan.tasks)}
    assert got == {"1": ("2024-01-08 08:00", "2037-02-16 12:00"),
                   "2": ("2037-02-16 14:00", "2037-02-17 10:00")}


@pytest.mark.parametrize("project, line, message", [
    ('  minutes_per_day: 480\n  start_time: "25:00"\n', 5,
     "start_time must be a time of day HH:MM, not '25:00'"),
    ('  start_time: "09:00"\n', 4, "start_time needs minutes_per_day"),
    ('  minutes_per_day: 480\n  calendar: {base: norway, week_hours: {mon: "9-12"}}\n', 5,
     "week_hours mon: '9-12' is not a span of working hours"),
    ('', 5, "duration '4h': hours and minutes need a part-day plan (project.minutes_per_day)"),
])
def test_bad_part_day_input_says_file_line_and_exits_2(tmp_path, project, line, message):
    from click.testing import CliRunner

    from planner.cli import main

    path = tmp_path / "p.yaml"
    path.write_text("project:\n  name: p\n  start: 2024-01-01\n" + project +
                    "tasks:\n  - {id: 1, name: a, duration: 4h}\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["schedule", str(path)])
    assert res.exit_code == 2
    assert res.output.strip().startswith(f"{path}:{line}: {message}"), res.output
    assert "Traceback" not in res.output
