"""Writing progress and baselines: what a tracked schedule adds to each ``<Task>`` and
``<Assignment>``, and the ``<Baseline>`` elements of the saved baselines.

MS Project's fields, from :class:`~planner.schedule.progress.Progress` (docs/tracking.md):
``PercentComplete`` is MS Project's % Complete, the actual duration over the duration (whole
working days, so 33 % of 10 days is 3 days done and travels as 30 %); ``ActualStart``,
``ActualFinish`` (done tasks), ``ActualDuration`` and ``RemainingDuration``; ``Stop`` and
``Resume`` of a started task (the end of the done part and where the remaining work starts,
after a gap when it is split at the status date).  With ``reschedule: after_status_date`` the
tasks not started get the start-no-earlier-than constraint MS Project's *Update Project* sets
at the status date (:func:`floor_constraint`), so MS Project and MPXJ compute the same dates;
the project says ``MoveRemainingStartsForward`` 1 and, with retained logic,
``SplitsInProgressTasks`` 1.

>>> from fractions import Fraction
>>> share_percent(3, 7), share_percent(0, 0), summary_actual(20, 45)
(30, 0, 9)
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ...schedule import Schedule
from ...schedule.keys import FNET, SNET, add_work
from ...schedule.progress import DONE, NOT_STARTED, round_half_up
from ...tracking.baseline import baseline_number
from .clock import WriteClock
from .fields import FMT_DAYS
from .xml import XmlWriter


@dataclass(frozen=True, slots=True)
class TaskProgress:
    """The progress fields of one ``<Task>`` (keys, or None where MSPDI has no value)."""

    percent: int
    actual_start: int | None
    actual_finish: int | None
    actual: int                      # working days done
    remaining: int                   # working days to do
    stop: int | None = None
    resume: int | None = None


def share_percent(actual: int, remaining: int) -> int:
    """MS Project's % Complete of whole days: actual over duration, rounded half up."""
    d = actual + remaining
    return round_half_up(Fraction(100 * actual, d)) if d else 0


def summary_actual(days: int, percent: int) -> int:
    """A summary's ``ActualDuration`` in days: its percent of its rolled-up duration."""
    return round_half_up(Fraction(days * percent, 100))


def task_progress(sched: Schedule, i: int) -> TaskProgress:
    """Task ``i``'s progress as MSPDI writes it; an untracked schedule gives what an
    untouched MS Project task has: 0 %, no actuals, all its duration remaining."""
    days = sched.duration[i]
    prog = sched.progress
    if prog is None:
        return TaskProgress(0, None, None, 0, days)
    state = prog.state[i]
    done = state == DONE
    if sched.plan.tasks[i].summary:
        pc = prog.percent[i]
        a = days if done else min(summary_actual(days, pc), days)
        return TaskProgress(pc, prog.astart[i], prog.afinish[i] if done else None, a, days - a)
    a, r = prog.actual[i], prog.remaining[i]
    pc = 100 if done else share_percent(a, r)
    return TaskProgress(pc, prog.astart[i], prog.afinish[i] if done else None, a, r,
                        prog.stop[i], prog.resume[i])


def project_progress(sched: Schedule, days: int) -> TaskProgress:
    """The project summary task's progress (``days``: its duration): its leaves' done days
    over their durations."""
    prog = sched.progress
    tasks = sched.plan.tasks
    if prog is None:
        return TaskProgress(0, None, None, 0, days)
    leaves = [i for i, t in enumerate(tasks) if not t.summary]
    work = sum(prog.actual[i] for i in leaves)
    total = sum(sched.duration[i] for i in leaves)
    pc = round_half_up(Fraction(100 * work, total)) if total else 0
    starts = [prog.astart[i] for i in leaves if prog.astart[i] is not None]
    done = all(prog.state[i] == DONE for i in leaves)
    finish = max(prog.afinish[i] for i in leaves) if done else None
    if done:
        pc = 100
    a = days if done else min(summary_actual(days, pc), days)
    return TaskProgress(pc, min(starts) if starts else None, finish, a, days - a)


def write_task_progress(x: XmlWriter, clock: WriteClock, p: TaskProgress) -> None:
    """``PercentComplete`` .. ``RemainingDuration`` in the schema's order (with the elements
    between them that planner does not write left out)."""
    x.el("PercentComplete", p.percent)
    if p.actual_start is not None:
        x.el("ActualStart", clock.at(p.actual_start))
    if p.actual_finish is not None:
        x.el("ActualFinish", clock.at(p.actual_finish))
    x.el("ActualDuration", clock.duration(p.actual))
    x.el("RemainingDuration", clock.duration(p.remaining))


def write_stop_resume(x: XmlWriter, clock: WriteClock, p: TaskProgress) -> None:
    """``Stop`` and ``Resume`` of a started task (after ``Work``)."""
    if p.stop is not None:
        x.el("Stop", clock.at(p.stop))
        x.el("Resume", clock.at(p.resume))


def floor_constraint(sched: Schedule, i: int) -> int | None:
    """The start-no-earlier-than key of the status date that task ``i`` carries in the file:
    with ``reschedule: after_status_date`` no work that has not started begins before the
    first working morning after the status date, which MS Project's *Update Project* writes
    as that constraint.  For a task not started whose own constraint is none, or a start (or
    finish) no earlier than that allows the same day, the constraint replaces it (the forward
    pass gives the same dates); None for every other task."""
    prog = sched.progress
    if prog is None or prog.floor is None or prog.state[i] != NOT_STARTED:
        return None
    if sched.plan.tasks[i].summary:
        return None
    floor = prog.floor
    c = sched.net.constraint[i]
    if c is None:
        return floor
    if c[0] == SNET and c[1] <= floor:
        return floor
    if c[0] == FNET and add_work(c[2], -sched.net.dur[i]) <= floor:
        return floor
    return None


# -- baselines -------------------------------------------------------------------------------
def task_baselines(baselines: dict, task_id: str) -> list:
    """``[(number, BaselineTask)]`` of the baselines that hold ``task_id``, by number."""
    out = []
    for name, b in baselines.items():
        t = b.tasks.get(task_id)
        if t is not None:
            out.append((baseline_number(name), t))
    out.sort(key=lambda e: e[0])
    return out


def project_baselines(baselines: dict) -> list:
    """``[(number, start, finish, duration)]`` of every baseline, for the project summary."""
    return sorted((baseline_number(name), b.start, b.finish, b.duration)
                  for name, b in baselines.items())


def write_baseline(x: XmlWriter, clock: WriteClock, number: int, start, finish,
                   days: int) -> None:
    """One ``<Baseline>``: its dates from the start of the first day to the end of the last;
    a baseline of 0 days (a milestone) at the end of its day, as MS Project puts one after a
    finish-to-start link."""
    x.open("Baseline")
    x.el("Number", number)
    first = finish if days == 0 else start
    x.el("Start", f"{first.isoformat()}T{clock.finish_time if days == 0 else clock.start_time}")
    x.el("Finish", f"{finish.isoformat()}T{clock.finish_time}")
    x.el("Duration", clock.duration(days))
    x.el("DurationFormat", FMT_DAYS)
    x.close("Baseline")
