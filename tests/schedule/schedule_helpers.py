"""Shared by the schedule tests: a plan from data, scheduled, and a getter for a task's dates."""
from __future__ import annotations

from planner.io.yaml_plan import plan_from_data
from planner.schedule import schedule


def scheduled(doc: dict):
    """``(schedule, get)`` for the plan ``doc``; ``get(id)`` gives (start, finish, duration,
    total float) with dates as ``datetime.date``."""
    sched = schedule(plan_from_data(doc, None))

    def get(tid):
        i = sched.i(tid)
        return (sched.date(sched.start[i]), sched.date(sched.finish[i]), sched.duration[i],
                sched.total_float[i])

    return sched, get
