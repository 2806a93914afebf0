"""Following the plan on the chart, as data: the baseline's bars (another schedule, or a saved
baseline's dates) and each task's progress (docs/tracking.md): the done part, the gap of a
task split at the status date, the actual dates, and whether it is late.

x is a date's day ordinal as in :mod:`.layout`: a saved baseline's task from ``start`` to
``finish`` spans ``[start, finish + 1)``; a milestone sits at the end of its day, or where the
current schedule has it when that is the same day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...schedule import Schedule
from ...schedule.progress import DONE, STARTED, STATE_NAMES, shown_percent
from .layout import key_x


@dataclass(frozen=True)
class BaselineBars:
    """What the chart draws of a baseline: ``bars`` by task id ``(x0, x1, milestone)``, the
    project's dates and where its start and finish lines go; ``name`` is a saved baseline's
    name (None for another schedule, e.g. before a scenario)."""

    name: str | None
    project_start: dt.date
    project_finish: dt.date
    project_duration: int
    start_x: float
    finish_x: float
    bars: dict


def baseline_bars(sched: Schedule, base) -> BaselineBars | None:
    """The bars of ``base``: a :class:`~planner.schedule.Schedule` or a
    :class:`~planner.tracking.Baseline` (None: no baseline)."""
    if base is None:
        return None
    if isinstance(base, Schedule):
        bars = {t.id: (key_x(base, base.start[j]), key_x(base, base.finish[j]), t.milestone)
                for j, t in enumerate(base.plan.tasks)}
        return BaselineBars(None, base.project_start, base.project_finish,
                            base.project_duration, key_x(base, base.project_start_key),
                            key_x(base, base.project_finish_key), bars)
    now = {t.id: i for i, t in enumerate(sched.plan.tasks)}
    bars = {}
    for tid, b in base.tasks.items():
        if b.duration == 0 and b.start == b.finish:
            i = now.get(tid)
            if i is not None and sched.plan.tasks[i].milestone and \
                    sched.date(sched.start[i]) == b.start:
                x = key_x(sched, sched.start[i])
            else:
                x = float(b.finish.toordinal() + 1)
            bars[tid] = (x, x, True)
        else:
            bars[tid] = (float(b.start.toordinal()), float(b.finish.toordinal() + 1), False)
    return BaselineBars(base.name, base.start, base.finish, base.duration,
                        float(base.start.toordinal()), float(base.finish.toordinal() + 1),
                        bars)


@dataclass(frozen=True)
class RowProgress:
    """One task's progress as drawn: ``state`` (``done``, ``started``, ``not_started``),
    ``late`` (see docs/tracking.md), the percent complete MS Project shows, the end of the
    work done (``done_x1``, None when none is done), the gap of a split ``(x0, x1)`` and the
    actual dates."""

    state: str
    late: bool
    percent: int
    done_x1: float | None
    gap: tuple | None
    actual_start: dt.date | None
    actual_finish: dt.date | None


def progress_rows(sched: Schedule, reference) -> list[RowProgress] | None:
    """Every task's :class:`RowProgress` of a tracked schedule, late against ``reference``
    (a :class:`~planner.tracking.Baseline`; None: the plan as written); None for a schedule
    without progress."""
    prog = sched.progress
    if prog is None:
        return None
    from ...tracking import plan_reference, task_states

    states = task_states(sched, reference if reference is not None else plan_reference(sched))
    out = []
    d = sched.date
    for i, t in enumerate(sched.plan.tasks):
        st = prog.state[i]
        a, f = prog.astart[i], prog.afinish[i]
        done_x1 = gap = None
        if st == DONE:
            done_x1 = key_x(sched, sched.finish[i])
        elif st == STARTED and not t.summary:
            if prog.actual[i]:
                done_x1 = key_x(sched, prog.stop[i])
            if prog.split(i):
                gap = (key_x(sched, prog.stop[i]), key_x(sched, prog.resume[i]))
        percent = prog.percent[i] if t.summary else shown_percent(prog, i)
        out.append(RowProgress(STATE_NAMES[st], states[i] == "late", percent, done_x1, gap,
                               d(a) if a is not None else None,
                               d(f) if f is not None and st == DONE else None))
    return out
