"""Manual tasks, elapsed durations and split tasks, against hand-counted dates.

The plans start on Monday 3 March 2025 (Norwegian calendar, no seasons): weeks are plain
Mon-Fri until Easter (Maundy Thursday 17 April - Easter Monday 21 April are public holidays).
K is a 5-day kick-off (Mon 3 - Fri 7 March).
"""
import datetime as dt

import pytest
import yaml

from conftest import run_cli
from schedule_helpers import scheduled
from planner.errors import PlanError
from planner.io.yaml_plan import dump_plan, plan_from_data
from planner.schedule import schedule
from planner.schedule.special import work_spans


def D(day, month=3):
    return dt.date(2025, month, day)


def run(extra, start="2025-03-03"):
    return scheduled({"project": {"name": "t", "start": start, "calendar": {"base": "norway"}},
                      "tasks": [{"id": "K", "name": "Kick-off", "duration": 5}]
                      + yaml.safe_load(extra)})


# -- manual tasks ------------------------------------------------------------------------------
def test_a_manual_task_keeps_its_dates_and_drives_its_successors():
    sched, get = run("""
      - {id: M, name: Delivery, manual: true, start: 2025-03-05, finish: 2025-03-11,
         predecessors: K}
      - {id: B, name: Build, duration: 2, predecessors: M}
    """)
    # M starts before K finishes: its link does not move it
    assert get("M")[:3] == (D(5), D(11), 5)
    assert get("B")[:2] == (D(12), D(13))
    # K must finish before M starts to keep the link: 3 days late (negative float)
    assert get("K")[3] == -3 and get("M")[3] == 0


def test_a_manual_task_by_start_and_duration_and_on_a_day_off():
    _s, get = run("""
      - {id: M, name: Delivery, manual: true, start: 2025-03-08, duration: 2}
      - {id: Z, name: Sign-off, manual: true, start: 2025-03-20, duration: 0}
    """)
    assert get("M")[:3] == (D(10), D(11), 2)        # Saturday 8 March: from Monday
    assert get("Z")[:3] == (D(20), D(20), 0)        # a manual milestone


def test_manual_task_round_trips_through_yaml():
    doc = {"project": {"name": "t", "start": "2025-03-03", "calendar": {"base": "norway"}},
           "tasks": [{"id": 1, "name": "Fixed", "manual": True, "start": "2025-03-05",
                      "finish": "2025-03-11"}]}
    plan = plan_from_data(doc, None)
    assert plan.tasks[0].duration == 5
    text = dump_plan(plan)
    assert "manual: true" in text and "finish: '2025-03-11'" in text and "duration" not in text
    assert dump_plan(plan_from_data(yaml.safe_load(text), None)) == text


@pytest.mark.parametrize("task, message", [
    ("{id: M, name: m, manual: true, duration: 2}", "manual task M needs a `start`"),
    ("{id: M, name: m, manual: true, start: 2025-03-05}", "needs a `finish` or a `duration`"),
    ("{id: M, name: m, manual: true, start: 2025-03-05, finish: 2025-03-04}",
     "finishes (2025-03-04) before it starts"),
    ("{id: M, name: m, manual: true, start: 2025-03-05, finish: 2025-03-11, duration: 3}",
     "duration 3 but 2025-03-05 to 2025-03-11 is 5 working days"),
    ("{id: M, name: m, manual: true, start: 2025-03-05, duration: 3, "
     "start_no_earlier_than: 2025-03-06}", "cannot have `start_no_earlier_than`"),
    ("{id: M, name: m, duration: 3, start: 2025-03-05}", "`start` is for manual tasks"),
    ("{id: M, name: m, manual: yes please, start: 2025-03-05, duration: 3}",
     "manual must be true or false"),
    ("{id: S, name: s, duration: 4, pauses: [{after: 4, days: 1}]}", "a pause must come after"),
    ("{id: S, name: s, duration: 4, pauses: [{after: 2}]}", "a pause needs `after`"),
    ("{id: S, name: s, duration: 2ed, pauses: [[1, 1]]}", "only a task with a duration in"),
])
def test_bad_special_tasks_are_refused_with_their_line(write_plan, task, message):
    path = write_plan("project: {name: t, start: 2025-03-03, calendar: {base: norway}}\n"
                      "tasks:\n  - {id: K, name: k, duration: 1}\n  - " + task + "\n")
    code, _out, err = run_cli("validate", path)
    assert code == 2 and "Traceback" not in err
    assert err.startswith(f"{path}:4: ") and message in err, err


# -- elapsed durations -------------------------------------------------------------------------
def test_an_elapsed_duration_runs_over_the_weekend():
    _s, get = run("""
      - {id: A, name: Four days, duration: 4, predecessors: K}
      - {id: C, name: Concrete cures, duration: 3ed, predecessors: A}
      - {id: D, name: Dry, duration: 2ed, predecessors: C}
      - {id: E, name: Next, duration: 1, predecessors: D}
    """)
    assert get("A")[:2] == (D(10), D(13))
    # Friday 08:00 + 72 h = Monday 08:00: the end of Friday's working time
    assert get("C")[:3] == (D(14), D(14), 1)
    # Monday 08:00 + 48 h = Wednesday 08:00: Monday and Tuesday
    assert get("D")[:2] == (D(17), D(18))
    assert get("E")[:2] == (D(19), D(19))
    # all on the critical path: the backward pass gives back the same dates
    assert [get(t)[3] for t in "KACDE"] == [0, 0, 0, 0, 0]


def test_an_elapsed_task_before_a_holiday_and_with_a_finish_link():
    sched, get = run("""
      - {id: C, name: Cure, duration: 4ed, start_no_earlier_than: 2025-04-15}
      - {id: F, name: Inspect, duration: 2ed, predecessors: CFF}
    """)
    # Tuesday 15 April + 96 h = Saturday 19 April: Tuesday and Wednesday work (Maundy
    # Thursday and Good Friday are holidays)
    assert get("C")[:2] == (D(15, 4), D(16, 4))
    # FF: F finishes with C (MS Project: Saturday 08:00); 48 h before that is Maundy
    # Thursday, a holiday, so it starts at the working start before: Wednesday
    assert get("F")[:2] == (D(16, 4), D(16, 4))
    yaml_text = dump_plan(sched.plan)
    assert "duration: 4ed" in yaml_text


# -- split tasks -------------------------------------------------------------------------------
def test_a_split_task_pauses_and_reports_its_work():
    sched, get = run("""
      - {id: S, name: Migration, duration: 6, predecessors: K,
         pauses: [{after: 2, days: 3}, {after: 5, days: 1}]}
      - {id: T, name: Test, duration: 1, predecessors: S}
    """)
    # Mon 10 - Tue 11 work, Wed 12 - Fri 14 pause, Mon 17 - Wed 19 work, Thu 20 pause, Fri 21
    assert get("S")[:3] == (D(10), D(21), 6)
    assert get("T")[:2] == (D(24), D(24))
    i = sched.i("S")
    assert work_spans(sched.plan, sched.start[i], i) == [(5, 7), (10, 13), (14, 15)]
    assert [get(t)[3] for t in "KST"] == [0, 0, 0]


def test_a_split_task_round_trips_through_yaml():
    sched, _get = run("[{id: S, name: s, duration: 4, pauses: [[1, 2]]}]")
    text = dump_plan(sched.plan)
    assert "pauses:\n  - after: 1\n    days: 2" in text
    again = plan_from_data(yaml.safe_load(text), None)
    assert again.tasks[1].pauses == ((1, 2),)


def test_a_manual_task_cannot_have_a_start_after_its_finish_in_code():
    from planner.model import CalendarDef, Plan, Task

    plan = Plan("t", D(3), CalendarDef("mon-fri"),
                [Task("a", "a", 2, manual=True, start=D(10), finish=D(5))])
    with pytest.raises(PlanError, match="finishes .* before it starts"):
        schedule(plan)


def test_an_empty_plan_is_read_but_has_nothing_to_schedule(write_plan):
    path = write_plan("project: {name: t, start: 2025-03-03}\ntasks: []\n")
    plan = plan_from_data(yaml.safe_load(open(path, encoding="utf-8")), path)
    assert plan.tasks == []
    for command in ("validate", "schedule"):
        code, _out, err = run_cli(command, path)
        assert (code, err.strip()) == (2, f"{path}:2: the plan has no tasks to schedule")
