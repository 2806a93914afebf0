"""Resource load and levelling of a tracked plan: a split task loads its done part and its
remaining work, the past is not levelled, a done task takes no capacity, and the levelled
delays reproduce with the same status."""
from tracking_helpers import D, dates

from planner.io.status_yaml import apply_status, status_from_data
from planner.io.yaml_plan import plan_from_data
from planner.level import level, resource_loads
from planner.schedule import schedule

TASKS = [{"id": "A", "name": "a", "duration": 5, "resources": {"r": 1}},
         {"id": "B", "name": "b", "duration": 4, "resources": {"r": 1}},
         {"id": "C", "name": "c", "duration": 2, "resources": {"r": 1}}]
STATUS = {"status_date": "2024-01-10", "tasks": {
    "C": {"actual_start": "2024-01-08", "actual_finish": "2024-01-09"},
    "A": {"actual_start": "2024-01-08", "percent_complete": 40}}}


def tracked_plan():
    data = {"project": {"name": "T", "start": "2024-01-08", "calendar": {"base": "standard"}},
            "resources": [{"id": "r", "name": "R", "capacity": 1}], "tasks": TASKS}
    return apply_status(plan_from_data(data), status_from_data(STATUS))


def test_a_split_task_loads_its_done_part_and_its_remaining_work():
    s = schedule(tracked_plan())
    (ld,) = resource_loads(s)
    cal = s.calendar
    days = {cal.date(x): u for x, u in sorted(ld.daily.items())}
    # A: 8 and 9 done, nothing on the 10th, 11-15 left; C 8-9 (done); B after the status
    assert days[D(2024, 1, 8)] == 2 and D(2024, 1, 10) not in days
    assert days[D(2024, 1, 11)] == 2                        # A's remaining work and B
    # the past (8-9 January, A and C together) is not an over-allocation; 11-15 are
    assert [(o.first, o.last) for o in ld.over] == [(D(2024, 1, 11), D(2024, 1, 15))]


def test_levelling_moves_only_work_not_done():
    plan = tracked_plan()
    res = level(plan, time_limit=10, workers=1)
    after = res.after
    assert after.plan.tracked
    assert dates(after, "C") == (D(2024, 1, 8), D(2024, 1, 9))   # done: where it was
    a = after.i("A")
    assert after.date(after.progress.resume[a]) == D(2024, 1, 11)
    assert dates(after, "B") == (D(2024, 1, 16), D(2024, 1, 19))  # after A's remaining work
    assert [ld.over for ld in resource_loads(after)] == [[]]
    # the levelled plan (delays only) with the same status gives the same schedule
    again = schedule(apply_status(res.plan, status_from_data(STATUS)))
    assert dates(again, "B") == dates(after, "B")
