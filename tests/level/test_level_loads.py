"""Resource loads per day and ISO week, and over-allocations (planner.level.resource_loads,
`planner load`)."""
from __future__ import annotations

from levelkit import D, SEED, planner, write_plan

from planner.io.yaml_plan import load_plan
from planner.level import resource_loads
from planner.schedule import schedule


def test_loads_merge_over_allocations_and_count_work_while_absent(tmp_path):
    """a (capacity 1) is away Wed 10 January; t1 (3 days) and t2 (2 days) both start Mon 8:
    2 units on Mon and Tue, 1 unit on Wed while absent, so one over-allocation Mon 8-Wed 10
    (3 working days, peak 2, both tasks).  Week 2024-W02 holds 5 person-days of work against 2
    available (Mon and Tue; the plan ends on Wed)."""
    plan = load_plan(write_plan(tmp_path, """
resources:
  - {id: a, name: Analyst, capacity: 1, absences: [{date: 2024-01-10}]}
tasks:
  - {id: t1, name: Three days, duration: 3, resources: {a: 1}}
  - {id: t2, name: Two days, duration: 2, resources: {a: 1}}
"""))
    (ld,) = resource_loads(schedule(plan))
    assert ld.daily == {0: 2.0, 1: 2.0, 2: 1.0}
    assert ld.absent == {2} and ld.peak == 2.0
    assert [(o.first, o.last, o.days, o.peak, o.tasks) for o in ld.over] == \
        [(D(2024, 1, 8), D(2024, 1, 10), 3, 2.0, ["t1", "t2"])]
    (week,) = ld.weeks
    assert (week.week, week.monday, week.work, week.available, week.peak, week.over) == \
        ("2024-W02", D(2024, 1, 8), 5.0, 2.0, 2.0, True)


def test_cli_load_as_csv():
    r = planner("load", SEED, "--format", "csv")
    assert r.returncode == 1                                   # over-allocated, as the table says
    rows = r.stdout.splitlines()
    assert rows[0] == "resource,week,monday,work_days,available_days,peak_units,over"
    # week 47 of 2023: dl (half time) carries 0.75 units on Tue-Fri, 3 person-days of 2.5
    assert "dl,2023-W47,2023-11-20,3,2.5,0.75,1" in rows
    assert "kd,2023-W24,2023-06-12,1,3,0.5,0" in rows       # Wed-Fri of the first week
