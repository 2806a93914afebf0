"""Task calendars and resource calendars at whole working days, against hand-counted dates.

The plans start on Monday 3 March 2025 (Norwegian calendar, no seasons).  Kari works Monday to
Wednesday (calendar ``deltid``); ``sommer`` is the Norwegian calendar with July off.
"""
import datetime as dt

import pytest
import yaml

from conftest import run_cli
from schedule_helpers import scheduled
from planner.io.yaml_plan import dump_plan, plan_from_data

HEAD = {"project": {"name": "t", "start": "2025-03-03", "calendar": {"base": "norway"}},
        "calendars": {"deltid": {"base": "norway", "workweek": ["mon", "tue", "wed"]},
                      "sommer": {"base": "norway", "seasons": ["summer"]},
                      "helg": {"base": "norway", "workweek": ["mon", "tue", "wed", "thu",
                                                               "fri", "sat"]}},
        "resources": [{"id": "kari", "name": "Kari", "calendar": "deltid",
                       "absences": [{"from": "2025-03-17", "to": "2025-03-19"}]},
                      {"id": "ola", "name": "Ola"}]}


def D(day, month=3):
    return dt.date(2025, month, day)


def run(tasks):
    return scheduled({**HEAD, "tasks": yaml.safe_load(tasks)})


def test_a_task_works_on_its_resources_calendar():
    _s, get = run("""
      - {id: A, name: Analyse, duration: 4, resources: [kari]}
      - {id: B, name: Bygg, duration: 2, resources: [ola], predecessors: A}
    """)
    # Mon-Wed, then Monday 10 March; Ola has no calendar of his own
    assert get("A")[:3] == (D(3), D(10), 4)
    assert get("B")[:2] == (D(11), D(12))


def test_a_resource_with_a_calendar_is_away_on_its_absences():
    _s, get = run("[{id: A, name: Analyse, duration: 7, resources: [kari]}]")
    # 3-5, 10-12 March, then Kari's absence 17-19 March: the seventh day is Monday 24 March
    assert get("A")[:2] == (D(3), D(24))


def test_a_task_can_ignore_its_resources_calendars():
    _s, get = run("[{id: A, name: Analyse, duration: 4, resources: [kari],"
                  " ignore_resource_calendar: true}]")
    assert get("A")[:2] == (D(3), D(6))


def test_a_task_calendar_and_a_lag_counted_on_the_successors_days():
    _s, get = run("""
      - {id: A, name: Analyse, duration: 5, start_no_earlier_than: 2025-06-24}
      - {id: U, name: Utrulling, duration: 5, calendar: sommer, predecessors: A}
      - {id: K, name: Kurs, duration: 1, resources: [kari], predecessors: "AFS+2"}
    """)
    assert get("A")[:2] == (D(24, 6), D(30, 6))
    # no work in July on the summer calendar: 1 to 7 August
    assert get("U")[:2] == (D(1, 8), D(7, 8))
    # two of Kari's days after A (Tue 1 and Wed 2 July), then her next day, Monday 7 July
    assert get("K")[:2] == (D(7, 7), D(7, 7))


def test_finish_links_and_constraints_on_a_calendar():
    sched, get = run("""
      - {id: A, name: Analyse, duration: 5}
      - {id: F, name: Ferdig samtidig, duration: 2, resources: [kari], predecessors: AFF}
      - {id: G, name: Frist, duration: 2, resources: [kari],
         constraint: {type: FNLT, date: 2025-03-14}}
    """)
    # A: 3-7 March; F finishes with A: 16:00 on Friday is, in Kari's working time, the end
    # of her Wednesday (she does not work Thursday and Friday), so F is Tue 4 and Wed 5
    assert get("F")[:2] == (D(4), D(5))
    assert get("A")[3] == 0
    # G must finish by Friday 14 and, like every task, by the project finish (Friday 7):
    # its latest days are Kari's Tuesday 4 and Wednesday 5 (the late finish stays Friday)
    assert get("G")[:2] == (D(3), D(4))
    i = sched.i("G")
    assert (sched.date(sched.ls[i]), sched.date(sched.lf[i])) == (D(4), D(7))


def test_every_task_on_a_critical_chain_of_calendar_tasks_keeps_zero_float():
    _s, get = run("""
      - {id: A, name: a, duration: 3, resources: [kari]}
      - {id: B, name: b, duration: 2, calendar: sommer, predecessors: A}
      - {id: C, name: c, duration: 2, resources: [kari], predecessors: B}
    """)
    assert [get(t)[:2] for t in "ABC"] == [(D(3), D(5)), (D(6), D(7)), (D(10), D(11))]
    assert [get(t)[3] for t in "ABC"] == [0, 0, 0]


def test_a_calendar_with_more_days_works_only_on_the_plans_days():
    _s, get = run("[{id: A, name: a, duration: 6, calendar: helg}]")
    assert get("A")[:2] == (D(3), D(10))        # no Saturday: whole days on the plan's days


def test_calendars_round_trip_through_yaml():
    sched, _get = run("[{id: A, name: a, duration: 3, calendar: sommer, resources: [kari],"
                      " ignore_resource_calendar: true}]")
    text = dump_plan(sched.plan)
    assert "calendars:\n  deltid:\n    base: norway\n    workweek:\n    - mon" in text
    assert "  calendar: deltid\n" in text and "  calendar: sommer\n" in text
    assert "ignore_resource_calendar: true" in text
    assert dump_plan(plan_from_data(yaml.safe_load(text), None)) == text


@pytest.mark.parametrize("extra, line, message", [
    ("  - {id: 2, name: b, duration: 1, calendar: natt}\n", 9, "unknown calendar 'natt'"),
    ("  - {id: 2, name: b, duration: 1, ignore_resource_calendar: 1}\n", 9,
     "ignore_resource_calendar must be true or false"),
])
def test_bad_calendars_are_refused_with_their_line(write_plan, extra, line, message):
    path = write_plan("project: {name: t, start: 2025-03-03, calendar: {base: norway}}\n"
                      "calendars:\n  deltid: {base: norway, workweek: [mon, tue, wed]}\n"
                      "resources:\n  - {id: kari, name: Kari, calendar: deltid}\n"
                      "tasks:\n  - {id: 1, name: a, duration: 1}\n"
                      "  - {id: 3, name: c, duration: 1}\n" + extra)
    code, _out, err = run_cli("validate", path)
    assert code == 2 and err.startswith(f"{path}:{line}: ") and message in err, err


def test_a_resource_calendar_must_be_defined(write_plan):
    path = write_plan("project: {name: t, start: 2025-03-03}\n"
                      "resources:\n  - {id: kari, name: Kari, calendar: deltid}\n"
                      "tasks:\n  - {id: 1, name: a, duration: 1}\n")
    code, _out, err = run_cli("validate", path)
    assert code == 2 and err.startswith(f"{path}:3: ") and "unknown calendar 'deltid'" in err


def test_the_days_a_calendar_task_works_on_are_its_spans():
    sched, _get = run("""
      - {id: A, name: a, duration: 4, resources: [kari]}
      - {id: S, name: s, duration: 3, pauses: [[1, 2]], predecessors: A}
    """)
    # Kari: Mon 3 - Wed 5 and Mon 10 (positions 0-2, 5); S: Tue 11, pause, Fri 14 - Mon 17
    assert sched.work_spans(sched.i("A")) == [(0, 3), (5, 6)]
    assert sched.work_spans(sched.i("S")) == [(6, 7), (9, 11)]
