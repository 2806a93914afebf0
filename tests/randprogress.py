"""Seeded random progress for the random plans of ``randplans.py``: a status file (as plain
data, docs/tracking.md) at a status date somewhere inside the plan's schedule.

``random_status(plan, seed)`` schedules the plan as written, picks a status date between a
sixth and five sixths of the way through it, and reports each leaf task against its planned
dates, a few working days early or late: a task planned to finish by the status date is
mostly done (its actual duration a little shorter or longer than planned), sometimes still
running or not begun; a task planned across the status date is mostly started (with a percent
complete, remaining days, both, or only its actual start); a task planned after it is mostly
not started, but some start early (out-of-sequence progress) and some get a re-estimated
duration.  Milestones are done or not.  Every actual date is a working day on or before the
status date, so the status is valid for the plan.

``remaining_only=True`` reports started tasks by their remaining days only, so no started task
is split at the status date (the work done runs up to it).
"""
from __future__ import annotations

import random

from planner.schedule import schedule
from planner.schedule.progress import split_duration


def random_status(plan, seed: int, *, reschedule: str = "as_is",
                  out_of_sequence: str = "progress_override",
                  remaining_only: bool = False) -> dict:
    rng = random.Random(seed * 7919 + 17)
    sched = schedule(plan)
    cal = sched.calendar
    first = (sched.project_start_key + 1) // 2
    last = (sched.project_finish_key + 1) // 2
    span = max(last - first, 1)
    sd = max(0, first + round(span * rng.uniform(1 / 6, 5 / 6)))
    day = cal.date
    tasks: dict = {}
    for i, t in enumerate(plan.tasks):
        if t.summary:
            continue
        s = (sched.start[i] + 1) // 2               # first working day of the plan's bar
        d = t.duration
        f = s + d - 1 if d else s
        shift = rng.choice((-3, -2, -1, 0, 0, 0, 1, 2, 3, 5, 8))
        a = min(max(s + shift, 0), sd)
        r = rng.random()
        if f <= sd and r < 0.85:                     # planned done by the status date: done
            if d == 0:
                tasks[t.id] = {"actual_start": day(a)} if r < 0.4 else \
                    {"actual_start": day(a), "actual_finish": day(a)}
                continue
            done = max(1, d + rng.choice((-2, -1, 0, 0, 0, 1, 2, 4)))
            if a + done - 1 <= sd:
                tasks[t.id] = {"actual_start": day(a), "actual_finish": day(a + done - 1)}
                continue
            r = 0.5                                  # runs past the status date: started
        elif f > sd >= s or (f <= sd and r < 0.93):
            r = rng.random() * 0.9                   # planned across it: mostly started
        elif s > sd:
            r = 0.95 if rng.random() < 0.9 else 0.5  # planned after it: some start early
            a = max(0, sd - rng.randint(0, 6))
        else:
            r = 0.95                                 # planned done, not begun: late
        if r >= 0.9 or d == 0:
            if d and rng.random() < 0.08:
                tasks[t.id] = {"remaining_days": rng.randint(1, d + 4)}      # a re-estimate
            continue
        tasks[t.id] = _started(rng, day(a), d, remaining_only)
    return {"status_date": day(sd), "reschedule": reschedule,
            "out_of_sequence": out_of_sequence, "tasks": tasks}


def _started(rng, start, d: int, remaining_only: bool) -> dict:
    """The progress of a task of ``d`` days started on ``start``: some work left."""
    item: dict = {"actual_start": start}
    how = "remaining" if remaining_only else rng.choice(
        ("percent", "percent", "remaining", "both", "start"))
    if how in ("percent", "both"):
        pc = rng.choice((10, 20, 25, 33, 40, 50, 60, 66, 75, 80, 90, 95, 12.5))
        if split_duration(d, pc)[1] == 0:
            pc = 0 if d == 1 else 100 * (d - 1) // d
        item["percent_complete"] = pc
    if how in ("remaining", "both"):
        item["remaining_days"] = rng.randint(1, d + 3)
    return item
