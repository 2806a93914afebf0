"""Baselines: a schedule's dates kept under a name, and the variance of a later schedule.

MS Project keeps eleven baselines per project (Baseline, Baseline1-10); planner keeps the same
names in a file beside the plan (:mod:`planner.io.baselines_yaml`).  Variances are in working
days with MS Project's sign: positive is later than the baseline.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..schedule import Schedule

#: MS Project's baseline names (MSPDI ``Baseline/Number`` 0-10), in order
BASELINE_NAMES = ("baseline",) + tuple(f"baseline{k}" for k in range(1, 11))


def baseline_number(name: str) -> int:
    """MSPDI's ``Baseline/Number`` of a baseline name.

    >>> baseline_number("baseline"), baseline_number("baseline3")
    (0, 3)
    """
    return BASELINE_NAMES.index(name)


@dataclass(frozen=True, slots=True)
class BaselineTask:
    start: dt.date
    finish: dt.date
    duration: int                    # working days
    name: str = ""


@dataclass(slots=True)
class Baseline:
    """The dates of one saved schedule: per task id start, finish and duration."""

    name: str
    start: dt.date
    finish: dt.date
    duration: int
    status_date: dt.date | None = None           # the status the schedule was saved with
    tasks: dict = field(default_factory=dict)    # task id -> BaselineTask, plan order


def baseline_of(sched: Schedule, name: str = "baseline") -> Baseline:
    """The baseline ``name`` of a schedule (its current dates)."""
    d = sched.date
    tasks = {t.id: BaselineTask(d(sched.start[i]), d(sched.finish[i]), sched.duration[i], t.name)
             for i, t in enumerate(sched.plan.tasks)}
    return Baseline(name, sched.project_start, sched.project_finish, sched.project_duration,
                    sched.plan.status_date if sched.plan.tracked else None, tasks)


def working_days_between(sched: Schedule, a: dt.date, b: dt.date, finish: bool) -> int:
    """Working days from ``a`` to ``b`` (negative when ``b`` is earlier): the move of a start
    (``finish`` False) or a finish on the schedule's calendar."""
    cal = sched.calendar
    key = cal.finish_key if finish else cal.start_key
    return (key(b) + 1) // 2 - (key(a) + 1) // 2


@dataclass(frozen=True, slots=True)
class Variance:
    baseline_start: dt.date
    baseline_finish: dt.date
    baseline_duration: int
    start_days: int                  # working days, positive = later than the baseline
    finish_days: int


def variances(sched: Schedule, base: Baseline) -> list:
    """Per task (plan order) its :class:`Variance` against ``base``, or None for a task the
    baseline does not hold (added since)."""
    d = sched.date
    out = []
    for i, t in enumerate(sched.plan.tasks):
        b = base.tasks.get(t.id)
        if b is None:
            out.append(None)
            continue
        out.append(Variance(b.start, b.finish, b.duration,
                            working_days_between(sched, b.start, d(sched.start[i]), False),
                            working_days_between(sched, b.finish, d(sched.finish[i]), True)))
    return out


def project_variance(sched: Schedule, base: Baseline) -> tuple[int, int]:
    """The finish forecast against the baseline's: (working days, calendar days)."""
    fin = sched.project_finish
    return (working_days_between(sched, base.finish, fin, True), (fin - base.finish).days)
