"""The chart as data before anything is drawn: the caller's options, the coordinates, and one
:class:`RowLayout` per task (where its bar, tail, delay, deadline and ghost go).

Coordinates: x is the proleptic ordinal of a date (``date.toordinal()``) as a float, so a bar
from the 08:00 start of day ``s`` to the 16:00 finish of day ``f`` spans ``[s, f + 1)``; y is the
row number (task ``i`` of the plan is row ``i``).  A time key (see :mod:`planner.calendar`) maps
to x by :func:`key_x`: an even key is the start of its day, an odd key the end of its day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...scenario import working_days_between
from ...schedule import Schedule
from ...schedule.resource_path import resource_critical
from .words import WORDS


@dataclass(frozen=True)
class Options:
    """What the caller asked for (see :func:`planner.render.gantt.render_gantt`)."""

    baseline: object                   # a Schedule, a tracking.Baseline, or None
    links: bool
    lang: str
    status_date: dt.date | None
    paper: str
    dpi: float
    max_name_chars: int | None
    fmt: str
    title: str | None
    scenario_label: str | None
    bars: object = None                # the baseline as tracking.BaselineBars, or None

    @property
    def words(self) -> dict:
        return WORDS[self.lang]


def key_x(sched: Schedule, k: int) -> float:
    """x of time key ``k``: the start of its day when even (08:00), the end when odd (16:00)."""
    return float(sched.date(k).toordinal() + (k & 1))


def deadline_x(task) -> float | None:
    """x of a task's deadline: the end of the deadline day (as a finish is drawn)."""
    return None if task.deadline is None else float(task.deadline.toordinal() + 1)


def phase_ids(sched: Schedule) -> list[str]:
    """The summaries the board calls phases: the children of a single top-level summary (the
    project summary task, as in the seed plan) or else the top-level summaries."""
    tasks = sched.plan.tasks
    top = [t for t in tasks if t.parent is None]
    if len(top) == 1 and top[0].summary:
        return [t.id for t in tasks if t.parent == top[0].id and t.summary]
    return [t.id for t in top if t.summary]


@dataclass
class RowLayout:
    """One task row: where its bar was drawn, in day-ordinal x (see the module docstring)."""

    row: int
    task_id: str
    kind: str                          # "task", "summary" or "milestone"
    start: dt.date
    finish: dt.date
    x0: float                          # bar start (milestone: its point)
    x1: float                          # bar end (milestone: == x0)
    critical: bool
    total_float: int
    float_x1: float | None             # end of the total-float tail, or None
    baseline: tuple | None             # (x0, x1) of the ghost bar, or None
    label: str                         # the name as shown (maybe shortened)
    truncated: bool
    deadline_x: float | None = None    # the end of the task's deadline day, or None
    delay_x0: float | None = None      # where a levelling delay line starts (it ends at x0)
    progress: object = None            # a tracked schedule's tracking.RowProgress, or None


@dataclass
class GanttLayout:
    """What :func:`planner.render.gantt.build_gantt` drew, for callers and tests."""

    fmt: str
    width_in: float
    height_in: float
    dpi: float                         # resolution used for a PNG (may be below the one asked)
    dpi_reduced: bool
    row_height_in: float
    font_size: float
    x_range: tuple                     # (first, last) day ordinal on the time axis
    rows: list = field(default_factory=list)
    title: list = field(default_factory=list)
    phases: list = field(default_factory=list)        # task ids of the phase summaries
    shading: list = field(default_factory=list)       # (x0, x1, name, kind, whole)
    event_labels: list = field(default_factory=list)  # (text, x0_in, x1_in, lane, color, weight)
    finish_x: float = 0.0
    status_x: float | None = None
    links: int = 0
    finish_change: tuple | None = None                # (working days, calendar days) vs baseline
    rows_top_in: float = 0.0           # from the top of the page to the first row; row k
    #                                    spans rows_top_in + k * row_height_in downwards

    @property
    def pixels(self) -> tuple:
        return (int(self.width_in * self.dpi), int(self.height_in * self.dpi))


def baseline_rows(sched: Schedule, bars) -> tuple[dict, tuple | None]:
    """The baseline's bar of every task it shares with ``sched`` (matched by id), as
    ``{row: (x0, x1, milestone)}``, and the finish-date change ``(working days, calendar
    days)`` in ``sched``'s calendar; ``({}, None)`` without a baseline.  ``bars``: a
    :class:`~.tracking.BaselineBars` or None."""
    if bars is None:
        return {}, None
    out = {}
    for i, t in enumerate(sched.plan.tasks):
        b = bars.bars.get(t.id)
        if b is not None:
            out[i] = b
    old, new = bars.project_finish, sched.project_finish
    return out, (working_days_between(sched.calendar, old, new), (new - old).days)


def row_layouts(sched: Schedule, names: list[str], truncated: list[bool],
                base_rows: dict, progress: list | None = None) -> list[RowLayout]:
    """Every task's row: its bar from the start of its first day to the end of its last, the
    total-float tail to its late finish, the levelling delay before it, its deadline, its
    baseline ghost, the name as the table shows it, and its progress (``progress``: from
    :func:`~.tracking.progress_rows`).  In a levelled plan the red bars are the
    resource-critical path's (see :mod:`planner.schedule.resource_path`), drawn without a
    float tail."""
    s = sched
    rescrit = resource_critical(s)
    crit = rescrit or s.critical
    rows = []
    for i, t in enumerate(s.plan.tasks):
        kind = "summary" if t.summary else ("milestone" if t.milestone else "task")
        x0, x1 = key_x(s, s.start[i]), key_x(s, s.finish[i])
        tail = None
        # a resource-critical task has no float to give: its link float is not drawn
        if s.total_float[i] > 0 and s.lf[i] > s.finish[i] and not (rescrit and rescrit[i]):
            tail = key_x(s, s.lf[i])
        b = base_rows.get(i)
        delay = 0 if t.summary else s.net.delay[i]
        # the levelling delay: that many working days before the bar (keys: 2 a day)
        delay_x0 = key_x(s, s.start[i] - 2 * delay) if delay else None
        rows.append(RowLayout(i, t.id, kind, s.date(s.start[i]), s.date(s.finish[i]),
                              x0, x1, bool(crit[i]), s.total_float[i], tail,
                              (b[0], b[1]) if b else None, names[i], truncated[i],
                              deadline_x(t), delay_x0,
                              progress[i] if progress is not None else None))
    return rows
