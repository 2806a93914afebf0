"""Small plans on a Monday-Friday calendar without holidays (2024-01-08 is a Monday), with a
status applied, for hand-checked tracking tests."""
import datetime as dt

from planner.io.status_yaml import apply_status, status_from_data
from planner.io.yaml_plan import plan_from_data
from planner.schedule import schedule

D = dt.date


def plan_of(tasks, project=None, start="2024-01-08", calendar=None):
    cal = calendar or {"base": "standard"}
    data = {"project": {"name": "T", "start": start, "calendar": cal, **(project or {})},
            "tasks": tasks}
    return plan_from_data(data, None)


def tracked(tasks, status, **kw):
    """The schedule of ``tasks`` with the status (a dict as in a status file) applied."""
    plan = apply_status(plan_of(tasks, **kw), status_from_data(status))
    return schedule(plan)


def chain(*durations, ids="ABCDEFGH"):
    """Tasks A, B, ... of the given durations, each after the one before (FS)."""
    out = []
    for k, d in enumerate(durations):
        t = {"id": ids[k], "name": f"task {ids[k]}", "duration": d}
        if k:
            t["predecessors"] = ids[k - 1]
        out.append(t)
    return out


def dates(sched, tid):
    i = sched.i(tid)
    return sched.date(sched.start[i]), sched.date(sched.finish[i])


def row(sched, tid):
    return sched.row(sched.i(tid))
