"""Checks of a finished schedule: a summary's stated duration against its subtasks (bad input,
:class:`~planner.errors.PlanError`) and missed deadlines (:class:`~planner.errors.CheckFailed`)."""
from __future__ import annotations

from ..errors import CheckFailed, PlanError
from ..model import Plan
from .result import Schedule


def check_summary_durations(plan: Plan, sched: Schedule) -> None:
    """Raise :class:`~planner.errors.PlanError` when a summary states a ``duration`` that its
    subtasks do not span.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Plan, Task
    >>> from planner.schedule import schedule
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
    ...     Task("p", "Phase", 4, summary=True), Task("a", "Design", 3, parent="p")])
    >>> schedule(plan)       # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    planner.errors.PlanError: summary task p says duration 4 but its subtasks span 3 working ...
    """
    for i, t in enumerate(plan.tasks):
        if t.summary and t.duration is not None and t.duration != sched.duration[i]:
            raise PlanError(
                f"summary task {t.id} says duration {t.duration} but its subtasks span "
                f"{sched.duration[i]} working days ({sched.date(sched.start[i]).isoformat()} to "
                f"{sched.date(sched.finish[i]).isoformat()}); remove the duration or fix the "
                f"subtasks", path=t.src + ("duration",))


def check_deadlines(sched: Schedule) -> None:
    """Raise :class:`~planner.errors.CheckFailed` naming every task that finishes after its
    deadline.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Plan, Task
    >>> from planner.schedule import schedule
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"),
    ...             [Task("a", "Design", 3, deadline=dt.date(2024, 1, 2))])
    >>> check_deadlines(schedule(plan))
    Traceback (most recent call last):
    ...
    planner.errors.CheckFailed: task a finishes 2024-01-03, after its deadline 2024-01-02
    """
    missed = sched.missed_deadlines()
    if missed:
        lines = [f"task {tid} finishes {fin.isoformat()}, after its deadline {dl.isoformat()}"
                 for tid, dl, fin in missed]
        raise CheckFailed("; ".join(lines))
